"""A team project's queries, iterated, give every row once and in order across the
batches rows are converted in (annotator.store.pg.connection.BatchCursor)."""

from __future__ import annotations

from annotator.store import open_project


def test_iterating_a_result_gives_every_row_in_order(team_url):
    with open_project(team_url, create=True) as store:
        rows = store.conn.execute_raw("SELECT n, 'x' || n FROM generate_series(1, 4500) n")
        assert [tuple(r) for r in rows] == [(n, f"x{n}") for n in range(1, 4501)]
        cur = store.conn.execute_raw("SELECT n FROM generate_series(1, 3) n")
        assert cur.fetchone() == (1,) and list(cur) == [(2,), (3,)]
        assert list(store.conn.execute_raw("SELECT 1 WHERE false")) == []
