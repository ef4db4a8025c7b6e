"""A team project's queries, iterated, give every row once and in order across the
batches rows are converted in (annotator.store.pg.connection.BatchCursor); a transaction's
BEGIN goes to the server with its first statement (annotator.store.pg.connection)."""

from __future__ import annotations

import tempfile
from contextlib import contextmanager

import pytest

from annotator.core.annotation import Annotator
from annotator.core.errors import ProjectError
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.store import open_project


def test_iterating_a_result_gives_every_row_in_order(team_url):
    with open_project(team_url, create=True) as store:
        rows = store.conn.execute_raw("SELECT n, 'x' || n FROM generate_series(1, 4500) n")
        assert [tuple(r) for r in rows] == [(n, f"x{n}") for n in range(1, 4501)]
        cur = store.conn.execute_raw("SELECT n FROM generate_series(1, 3) n")
        assert cur.fetchone() == (1,) and list(cur) == [(2,), (3,)]
        assert list(store.conn.execute_raw("SELECT 1 WHERE false")) == []


# --- round trips: a transaction's BEGIN goes with its first statement ----------------------
@contextmanager
def round_trips(store):
    """Counts the round trips to the server in the block: one ReadyForQuery a Sync or a
    simple Query (libpq's own trace of the protocol)."""
    from psycopg import pq

    counted: list[int] = []
    with tempfile.TemporaryFile() as trace:
        conn = store.conn.raw.pgconn
        conn.trace(trace.fileno())
        conn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)
        try:
            yield counted
        finally:
            conn.untrace()
        trace.seek(0)
        counted.append(sum(1 for line in trace.read().decode().splitlines()
                           if line.startswith("B\t") and "ReadyForQuery" in line))


def test_a_transaction_sends_its_begin_with_its_first_statement(team_url):
    with open_project(team_url, create=True) as store:
        with round_trips(store) as trips, store.transaction():
            store.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", ("x", "1"))
            assert store.conn.in_transaction
        assert trips == [2]  # BEGIN + INSERT, COMMIT (three before)
        assert store.meta("x") == 1 and not store.conn.in_transaction
        with round_trips(store) as trips, store.transaction():
            pass
        assert trips == [0]  # nothing written: nothing sent


def test_an_edit_costs_three_round_trips(team_url, seed_paths):
    with open_project(team_url, create=True) as store:
        store.set_tagset(default_tagset())
        import_paths(store, seed_paths[:1])
        doc = store.document(store.documents()[0].id)
        session = Session(store, Annotator("owner", "Owner"))
        with round_trips(store) as trips:
            change = session.add(doc.id, doc.text, 0, 2, "actor.state")
        assert change is not None and trips == [3]  # BEGIN + span, journal, COMMIT
        assert [a.id for a in store.annotations(doc.id)] == [change.added[0].id]


def test_a_first_statement_refused_leaves_nothing_and_the_connection_usable(team_url):
    with open_project(team_url, create=True) as store:
        store.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", ("x", "1"))
        with pytest.raises(ProjectError) as refused, store.transaction():
            store.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", ("x", "2"))
            store.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", ("y", "3"))
        assert "\n" not in str(refused.value)
        assert not store.conn.in_transaction and store.meta("y") is None
        with store.transaction():
            store.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", ("y", "4"))
        assert (store.meta("x"), store.meta("y")) == (1, 4)  # (values are JSON)


def test_reconnecting_inside_a_transaction_is_refused(team_url):
    """The rest of the transaction would run on the new connection outside any
    transaction: half written (a reviewer's find)."""
    insert = "INSERT INTO meta(key, value) VALUES (?, ?)"
    with open_project(team_url, create=True) as store:
        store.conn.execute(insert, ("x", "1"))
        with pytest.raises(ProjectError) as refused, store.transaction():
            store.reconnect()
            store.conn.execute(insert, ("y", "2"))
        assert "\n" not in str(refused.value) and "inside a transaction" in str(refused.value)
        assert store.meta("y") is None
        store.reconnect()  # outside one: fine
        with store.transaction():
            store.conn.execute(insert, ("y", "3"))
        assert store.meta("y") == 3


def test_streaming_rows_inside_a_transaction_not_yet_begun_joins_it(team_url):
    """rows() uses psycopg's own transaction: a BEGIN still pending is sent first (by
    itself), so the stream joins the store's transaction and the writes after it commit."""
    insert = "INSERT INTO meta(key, value) VALUES (?, ?)"
    with open_project(team_url, create=True) as store:
        with round_trips(store) as trips, store.transaction():
            assert store.conn.begin_pending
            streamed = list(store.rows("SELECT n FROM generate_series(1, 3) n"))
            assert not store.conn.begin_pending and store.conn.in_transaction
            store.conn.execute(insert, ("z", "5"))
        assert [tuple(r) for r in streamed] == [(1,), (2,), (3,)]
        assert store.meta("z") == 5 and not store.conn.in_transaction
        assert trips[0] >= 3  # BEGIN alone, the stream, the insert, COMMIT
