"""A psycopg connection that runs the store's SQL as written for both engines.

The store's shared queries are written once, in the SQL both SQLite and PostgreSQL take,
with SQLite's ``?`` and ``:name`` placeholders. :func:`translate` turns them into psycopg's
``%s`` / ``%(name)s`` (and doubles a literal ``%``), outside string literals and quoted
names; PostgreSQL's ``::type`` casts are left alone. :class:`PgConnection` then offers the
few methods of :class:`sqlite3.Connection` the shared code uses (``execute``,
``executemany``, ``in_transaction``), so a mixin does not know which engine it talks to.

Every psycopg error is turned here into the store's typed one-line errors
(:func:`annotator.store.pg.errors.translate_error`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import pq

from annotator.store.pg.errors import translate_error


class _SecondError(logging.Filter):
    """psycopg warns on stderr when ending a pipeline fails while an error from inside it
    is already on its way (the connection lost mid-edit): that first error is reported,
    in one line; the second only says it again."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("error ignored terminating")


logging.getLogger("psycopg").addFilter(_SecondError())

_TOKENS = re.compile(r"""
    '(?:[^']|'')*'        # a string literal
  | "(?:[^"]|"")*"        # a quoted name
  | ::                    # a cast
  | :[A-Za-z_]\w*         # a named placeholder
  | \?                    # a positional placeholder
  | %                     # a literal percent sign
""", re.VERBOSE)


@lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """SQLite-style placeholders to psycopg's: ``?`` -> ``%s``, ``:name`` ->
    ``%(name)s``, ``%`` -> ``%%`` (in string literals too: psycopg reads the whole
    statement)."""
    def swap(m: re.Match) -> str:
        token = m.group()
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        if token.startswith(":") and token != "::":
            return f"%({token[1:]})s"
        if token.startswith("'"):
            return token.replace("%", "%%")
        return token

    return _TOKENS.sub(swap, sql)


Params = Sequence[Any] | Mapping[str, Any]


class BatchCursor(psycopg.Cursor):
    """A cursor whose rows, iterated, are converted a batch at a time (``fetchmany``: one
    call into psycopg's row loader) instead of one call a row — a document's 30,000 spans
    come ~40 % sooner. The rows are all on the client already (libpq reads the whole
    result); the batches only keep a second copy of them from being made at once."""

    BATCH = 2000

    def __iter__(self):  # type: ignore[override]
        while rows := self.fetchmany(self.BATCH):
            yield from rows


class PgConnection:
    """The store's view of one psycopg connection (autocommit; the store opens and ends
    its transactions itself with ``BEGIN``/``COMMIT``).

    A transaction's ``BEGIN`` waits for its first statement and goes to the server with
    it, pipelined: one round trip, not two. Writes whose results nobody reads (:meth:`defer`:
    a new span's row, the journal entry) wait too, for the next statement or for
    ``COMMIT``: an edit that adds a span is one round trip, not four (``BEGIN``, the span,
    the journal, ``COMMIT``: each a wait for the server and, on a busy machine, for the CPU
    back). The pipeline is synced before the statement (or the commit) returns, so its
    rows, its row count and its errors — a deferred write's too — are there as for any
    statement; a deferred write refused fails the transaction, nothing of it is kept."""

    def __init__(self, raw: psycopg.Connection, location: str):
        self.raw = raw
        self.location = location  # for messages (no password)
        #: a transaction is open but its BEGIN not sent yet (see :meth:`begin`)
        self.begin_pending = False
        #: writes in the open transaction not sent yet (see :meth:`defer`)
        self.deferred: list[tuple[str, list[Params]]] = []
        #: a transaction opened by :meth:`begin` is open (psycopg's own, a stream's, is not:
        #: its COMMIT would not send what waits)
        self.began = False

    def begin(self) -> None:
        """Open a transaction; its ``BEGIN`` is sent with the first statement in it."""
        self.begin_pending = self.began = True

    def send_begin(self) -> None:
        """Send a pending ``BEGIN`` and the deferred writes now (before using ``raw``
        inside the transaction)."""
        try:
            with self._first():
                pass
        except psycopg.Error as e:
            raise translate_error(e, self.location) from None

    def defer(self, sql: str, rows: Iterable[Params]) -> None:
        """Run ``sql`` (SQLite-style placeholders) once per row, in the open transaction,
        when the next statement or ``COMMIT`` goes to the server: for writes whose row
        count and rows nobody reads. Outside a transaction opened by :meth:`begin` it runs
        now."""
        rows = list(rows)
        if not self.began:
            self.executemany(sql, rows)
        elif rows:
            self.deferred.append((translate(sql), rows))

    def end(self, commit: bool) -> None:
        """End the transaction: ``COMMIT`` (with what is still to be sent, in one round
        trip) or ``ROLLBACK``; one that sent nothing ends without a round trip (a rollback
        drops its deferred writes unsent)."""
        self.began = False
        if commit:
            if self.deferred or not self.begin_pending:
                self.execute_raw("COMMIT")  # after what is unsent, in its pipeline
            self.begin_pending = False
        else:
            self.deferred.clear()
            if self.begin_pending:
                self.begin_pending = False
            elif not self.broken and self.in_transaction:
                with suppress(psycopg.Error):
                    self.raw.execute("ROLLBACK")

    @contextmanager
    def _first(self, statements: bool = True) -> Iterator[None]:
        """A pending ``BEGIN`` and the deferred writes go in one pipeline with the
        statements of the block (synced when it ends: their results are there as for any
        statement)."""
        if not (statements and (self.begin_pending or self.deferred)):
            yield
            return
        deferred, self.deferred = self.deferred, []
        begin, self.begin_pending = self.begin_pending, False  # (an error below leaves
        with self.raw.pipeline():  # the server's transaction failed or unopened: ``end``
            if begin:              # rolls it back)
                self.raw.execute("BEGIN")
            for sql, rows in deferred:
                self.raw.cursor().executemany(sql, rows)  # type: ignore[arg-type]
            yield

    def execute(self, sql: str, params: Params = ()) -> psycopg.Cursor:
        return self.execute_raw(translate(sql), params)

    def executemany(self, sql: str, rows: Iterable[Params]) -> psycopg.Cursor:
        """Many rows in one pipelined batch; none costs no round trip, and one is a plain
        execute (an edit's single span: a pipeline's setup and sync would double it)."""
        rows = list(rows)
        try:
            with self._first(bool(rows)):
                cur = self.raw.cursor()
                if len(rows) == 1:
                    cur.execute(translate(sql), rows[0])  # type: ignore[arg-type]
                elif rows:
                    cur.executemany(translate(sql), rows)  # type: ignore[arg-type]
        except psycopg.Error as e:
            raise translate_error(e, self.location) from None
        return cur

    def execute_raw(self, sql: str, params: Params | None = None) -> psycopg.Cursor:
        """PostgreSQL's own SQL, placeholders ``%s`` (no translation)."""
        try:
            with self._first():
                cur = self.raw.execute(sql, params)  # type: ignore[arg-type]
        except psycopg.Error as e:
            raise translate_error(e, self.location) from None
        return cur

    @property
    def in_transaction(self) -> bool:
        return self.begin_pending or bool(self.deferred) or \
            self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    @property
    def broken(self) -> bool:
        return self.raw.closed or self.raw.broken

    def close(self) -> None:
        self.raw.close()
