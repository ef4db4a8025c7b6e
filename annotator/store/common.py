"""What the store's shared mixins stand on, whichever engine is underneath.

A project lives in an SQLite file (:class:`annotator.store.base.StoreBase`) or in a
PostgreSQL database (:class:`annotator.store.pg.base.PgStoreBase`). The mixins that read
and write documents, annotations, decisions, search and statistics are written once, over
:class:`StoreCommon`: a connection with ``execute``/``executemany`` taking SQLite-style
placeholders, :meth:`transaction`, and a few SQL fragments each engine spells its own way
(class attributes, below). Engine-specific behaviour lives in the engine's own classes, never
in ``if engine == …`` branches.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any, Self


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class StoreCommon:
    """The engine-neutral part of an open project."""

    #: "file" (SQLite) or "team" (PostgreSQL)
    kind: str = "file"
    conn: Any
    read_only: str = ""  # why the project is read-only ("" when it is not)
    closed: bool = False
    #: what the upgrade at opening changed in the user's data, one line each (the window
    #: shows them; ``annotator check`` shows them later from ``meta``)
    upgrade_notes: list[str] = []  # noqa: RUF012 (replaced, never mutated)

    # SQL fragments the engines spell differently --------------------------------------
    #: the ``normalized`` attribute of an annotation row aliased ``a``, as text
    SQL_NORMALIZED = "json_extract(a.attributes, '$.normalized')"
    #: appended to a read of rows about to be changed (PostgreSQL locks them; SQLite's
    #: ``BEGIN IMMEDIATE`` already holds the whole file)
    SQL_FOR_UPDATE = ""
    #: a join SQLite must do in the order written (documents first, then each one's spans
    #: by the clustered key): its CROSS JOIN; PostgreSQL plans joins itself
    SQL_JOIN_IN_ORDER = "CROSS JOIN"
    #: a journal entry's label, read from its JSON payload (NULL when unreadable)
    SQL_LABEL = "CASE WHEN json_valid(payload) THEN json_extract(payload, '$.label') END"
    #: review decisions ``r`` with their targets, one row per target ``j.value``
    SQL_TARGETS_FROM = "review_decisions r, json_each(r.targets) j"
    #: ``(annotator, created)`` of every journal entry, for progress (a team project's
    #: members may read only their own journal: a function gives the times alone)
    SQL_EDIT_TIMES = "SELECT annotator, created FROM journal"
    #: a row when the project has the relations table (schema 8 of a file, 4 of a team
    #: project; an older one is upgraded at opening, but tests drive old schemas)
    SQL_HAS_RELATIONS = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'relations'"

    @staticmethod
    def _stored_modified(created: str, modified: str) -> str | None:
        """A span's ``modified`` as its row stores it (read back as ``coalesce(modified,
        created)``): the stamp itself; a project file saves the bytes of one that equals
        ``created`` (:class:`annotator.store.base.StoreBase`)."""
        return modified

    def _stored_original(self, doc) -> str | None:
        """A document's ``original`` as its row stores it (read back by
        :meth:`DocumentsMixin.document`): the text itself; a project file saves the copy
        that the text and its cleaning log rebuild (:class:`annotator.store.base.StoreBase`)."""
        return doc.original

    def _keeps_file_keys(self) -> bool:
        """Whether the documents table has ``file_key`` (schema 11 of a file, 6 of a team
        project; an older one is upgraded at opening, but tests drive old schemas)."""
        raise NotImplementedError

    @property
    def location(self) -> str:
        """What to show the user (and store in settings) for this project: a file's path,
        a server project's URL without its password."""
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _write(self, sql: str, rows: list) -> None:
        """Run ``sql`` once per row in the caller's transaction, for a write whose row count
        and rows nobody reads: a team project sends it with its next statement or its
        ``COMMIT`` (:meth:`annotator.store.pg.connection.PgConnection.defer`: a round trip
        saved); a project file runs it now. Its errors end the transaction either way."""
        self.conn.executemany(sql, rows)

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- project settings ---------------------------------------------------------------
    def _set_meta(self, key: str, value) -> None:
        self.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) "
                          "DO UPDATE SET value = excluded.value", (key, dumps(value)))

    def meta(self, key: str, default=None):
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def may_restore_decision(self, reviewer: str) -> bool:
        """Whether this connection may store a review decision made by ``reviewer`` (as
        an undo does): in a project file, anyone."""
        return True

    def member(self) -> str | None:
        """Who works on this project as the project knows it: a checkout's member; None
        for a project file of one's own (whoever opens it says who they are)."""
        checkout = self.meta("checkout")
        return checkout.get("user") if isinstance(checkout, dict) else None

    def member_role(self) -> str | None:
        """The role of whoever works on this project: a checkout's, as it was checked out
        of its team project; None for a project file of one's own (who is who there is
        the team's agreement)."""
        checkout = self.meta("checkout")
        return checkout.get("role") if isinstance(checkout, dict) else None

    def setting(self, key: str, default=None):
        """A project setting (kept in the project, for everyone working on it)."""
        return self.meta(f"setting:{key}", default)

    def set_setting(self, key: str, value) -> None:
        """Change a project setting (a team project: its owner only)."""
        with self.transaction():
            self._set_meta(f"setting:{key}", value)

    @property
    def backend_pid(self) -> int:
        """The server process behind a team project's connection (a file has none: 0)."""
        return 0

    def identify(self, asked):
        """Who is working, as this project knows them: a project file takes the name the
        user gave; a team project answers with the server's login role (see
        :meth:`annotator.store.pg.base.PgStoreBase.identify`)."""
        return asked

    def _insert_documents(self, rows: list[dict]) -> None:
        """Store documents' rows (column: value), inside the caller's transaction: one
        ``executemany`` (a file's sqlite-utils ``insert_all`` checked each value's type, a
        tenth of an import's storing once the search grams got cheap)."""
        if rows:
            columns = list(rows[0])
            self.conn.executemany(
                f"INSERT INTO documents({', '.join(columns)}) VALUES "
                f"({', '.join('?' * len(columns))})", [tuple(r.values()) for r in rows])
            self._documents_inserted()

    def _documents_inserted(self) -> None:
        """After :meth:`_insert_documents` (an engine's hook: what it knows of its index)."""

    def _index_documents(self, docs: list[tuple[str, str]]) -> int:
        """Add ``(doc_id, text)`` pairs to the search index (inside the transaction that
        stores them): each engine has its own index."""
        raise NotImplementedError

    def rows(self, sql: str, params=()) -> Iterator[tuple]:
        """Rows of a big query as they come (SQLite steps through them; PostgreSQL uses a
        server-side cursor): for exports and statistics that must not hold them all."""
        yield from self.conn.execute(sql, params)
