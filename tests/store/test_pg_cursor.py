"""A team project's queries, iterated, give every row once and in order across the
batches rows are converted in (annotator.store.pg.connection.BatchCursor); a transaction's
BEGIN goes to the server with its first statement, and the writes nobody reads the results
of with the next statement or COMMIT (annotator.store.pg.connection)."""

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


def test_adding_a_span_is_one_round_trip_and_deleting_it_seven(team_url, seed_paths):
    """BEGIN, the span and the journal entry go with COMMIT (nothing reads their results);
    a delete reads first (its relations and decisions, the span locked, the orphan check)
    and needs its DELETE's row count, so only its journal entry waits for COMMIT."""
    with open_project(team_url, create=True) as store:
        store.set_tagset(default_tagset())
        import_paths(store, seed_paths[:1])
        doc = store.document(store.documents()[0].id)
        session = Session(store, Annotator("owner", "Owner"))
        with round_trips(store) as trips:
            change = session.add(doc.id, doc.text, 0, 2, "actor.state")
        assert change is not None and trips == [1]  # four before the writes waited
        assert [a.id for a in store.annotations(doc.id)] == [change.added[0].id]
        assert store.next_steps("owner")[0] == ("add", change.command.label)
        with round_trips(store) as trips:
            gone = session.delete(list(change.added))
        assert gone is not None and trips == [7]  # eight before
        assert store.annotations(doc.id) == [] and store.next_steps("owner")[0][0] == "delete"


def test_a_read_after_a_deferred_write_sees_it(team_url):
    insert = "INSERT INTO meta(key, value) VALUES (?, ?)"
    with open_project(team_url, create=True) as store:
        with round_trips(store) as trips, store.transaction():
            store._write(insert, [("a", "1"), ("b", "2")])
            assert store.conn.deferred and store.conn.in_transaction
            assert store.meta("a") == 1 and not store.conn.deferred  # sent before the read
            store._write(insert, [("c", "3")])
            assert [tuple(r) for r in store.rows(
                "SELECT key FROM meta WHERE key IN ('a', 'b', 'c') ORDER BY key")] == \
                [("a",), ("b",), ("c",)]
        assert trips[0] >= 3 and (store.meta("b"), store.meta("c")) == (2, 3)


def test_a_deferred_write_refused_at_commit_keeps_nothing(team_url):
    """The refusal comes with COMMIT, in one line; the transaction's other writes are not
    kept and the connection goes on."""
    insert = "INSERT INTO meta(key, value) VALUES (?, ?)"
    with open_project(team_url, create=True) as store:
        store.conn.execute(insert, ("x", "1"))
        with pytest.raises(ProjectError) as refused, store.transaction():
            store.conn.execute(insert, ("y", "2"))
            store._write(insert, [("z", "3"), ("x", "4")])  # x is there: refused
            store._write(insert, [("w", "5")])
            assert len(store.conn.deferred) == 2  # not refused yet: nothing sent
        assert "\n" not in str(refused.value) and not store.conn.deferred
        assert not store.conn.in_transaction
        assert [store.meta(k) for k in "xyzw"] == [1, None, None, None]
        with store.transaction():
            store._write(insert, [("w", "6")])
        assert store.meta("w") == 6


def test_a_transaction_rolled_back_sends_its_deferred_writes_nowhere(team_url):
    insert = "INSERT INTO meta(key, value) VALUES (?, ?)"
    with open_project(team_url, create=True) as store:
        with round_trips(store) as trips, pytest.raises(KeyError), store.transaction():
            store._write(insert, [("v", "1")])
            raise KeyError("the caller gives up")
        assert trips == [0] and store.meta("v") is None and not store.conn.in_transaction
        store._write(insert, [("v", "2")])  # outside a transaction: at once
        assert store.meta("v") == 2


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


def test_a_write_inside_a_stream_outside_a_transaction_is_not_deferred(team_url):
    """rows() alone opens psycopg's own transaction, whose COMMIT would not send what
    waits: a store transaction joining it writes at once (a reviewer's find)."""
    insert = "INSERT INTO meta(key, value) VALUES (?, ?)"
    with open_project(team_url, create=True) as store:
        for _ in store.rows("SELECT 1"):
            with store.transaction():
                store._write(insert, [("q", "1")])
            assert not store.conn.deferred
        assert not store.conn.in_transaction
        with open_project(team_url) as other:
            assert other.meta("q") == 1



def test_psycopgs_second_error_after_a_lost_connection_is_not_printed(caplog):
    """A connection lost inside a pipeline: the edit's error is said in one line; psycopg's
    warning that ending the pipeline failed too (on stderr, unasked) is dropped, and no
    other psycopg warning is."""
    import logging

    import annotator.store.pg.connection  # noqa: F401 (installs the filter)

    log = logging.getLogger("psycopg")
    with caplog.at_level(logging.WARNING, logger="psycopg"):
        log.warning("error ignored terminating %r: %s", "<psycopg.Pipeline [BAD]>", "lost")
        log.warning("something else")
    assert [r.getMessage() for r in caplog.records] == ["something else"]
