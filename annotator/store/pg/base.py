"""A team project: one PostgreSQL database, opened with a ``postgresql://`` URL.

Connecting follows libpq's conventions (``~/.pgpass`` or ``PGPASSFILE``, ``PGSERVICE``,
``sslmode`` … in the URL or the environment). Who is working is the server's answer, not a
name typed into a box: the annotator is the PostgreSQL role the connection logged in as
(``current_user``), and what that role may change is enforced by the server's grants and
row-level security (:mod:`annotator.store.pg.schema`). A password given in the URL is kept
only in memory, for reconnecting: :attr:`location` — what titles, settings, the recent list
and messages show — never holds it.

Every write runs in a transaction (``BEGIN`` … ``COMMIT``) at PostgreSQL's default READ
COMMITTED level; rows a command changes are locked (``FOR UPDATE``) before they are compared
with what the command expects, so two members editing at once never overwrite each other
silently and never block each other unless they touch the same span.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

import psycopg
from psycopg import sql

from annotator.core.annotation import now
from annotator.core.errors import ProjectError
from annotator.store.common import StoreCommon
from annotator.store.pg import schema
from annotator.store.pg.connection import BatchCursor, PgConnection
from annotator.store.pg.errors import (
    NoSuchDatabase,
    ReadOnlyError,
    connect_error,
    translate_error,
)
from annotator.store.pg.url import TeamURL


class PgStoreBase(StoreCommon):
    """Opening, identity, migrations and transactions of a team project."""

    kind = "team"
    path: Path | None = None  # no project file
    checked = True  # the server looks after its own storage
    lock = None
    SQL_NORMALIZED = "(a.attributes::jsonb ->> 'normalized')"
    SQL_TARGETS_FROM = ("review_decisions r, "
                        "jsonb_array_elements_text(r.targets::jsonb) AS j(value)")
    SQL_FOR_UPDATE = " FOR UPDATE"
    SQL_JOIN_IN_ORDER = "JOIN"
    SQL_LABEL = "annotator_json_text(payload, 'label')"
    SQL_EDIT_TIMES = "SELECT who AS annotator, at AS created FROM annotator_edit_times()"
    SQL_HAS_RELATIONS = "SELECT 1 WHERE to_regclass('relations') IS NOT NULL"
    _writing = False  # inside transaction(): reconnecting is refused

    def __init__(self, conn: PgConnection, url: TeamURL, read_only: str = ""):
        self.conn = conn
        self.url = url
        self.read_only = read_only
        self.user: str = conn.raw.info.user
        self.role = "reader"  # set by _check_rights

    # --- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, url: str | TeamURL, create: bool = False, read_only: bool | str = False,
             **_ignored) -> Self:
        """Open (with ``create``, create in an empty or new database) a team project.
        Refuses a database that is not one, or one made by a newer annotator, in one line."""
        target = url if isinstance(url, TeamURL) else TeamURL(url)
        conn = PgConnection(_connect(target, create), target.location)
        why = (read_only if isinstance(read_only, str) else "opened read-only") \
            if read_only else ""
        store = cls(conn, target, why)
        try:
            store._setup(create)
        except BaseException:
            conn.close()
            raise
        return store

    def reopen(self, read_only: bool | str = False) -> Self:
        """Another connection to the same project (a worker thread's own)."""
        return type(self).open(self.url, read_only=read_only or self.read_only)

    def member(self) -> str | None:
        """The connected member (the login role)."""
        return self.user

    def may_restore_decision(self, reviewer: str) -> bool:
        """The server stores a decision in its reviewer's name only (the owner: any)."""
        return self.role == "owner" or reviewer == self.user

    def member_role(self) -> str | None:
        """The connected member's role here (the server's answer)."""
        return self.role

    @property
    def backend_pid(self) -> int:
        """The server process of this connection (its notifications carry it)."""
        return self.conn.raw.info.backend_pid

    @property
    def connected(self) -> bool:
        return not self.conn.broken

    def reconnect(self) -> None:
        """A new connection in place of a lost one (the server restarted, the network came
        back); raises :class:`~annotator.store.pg.errors.ConnectionLost` while it cannot."""
        if self._writing:  # the rest of it would run on the new connection, uncommitted
            raise ProjectError(f"{self.location}: cannot reconnect inside a transaction; "
                               "end it first")
        raw = _connect(self.url, create=False)
        self.conn.close()
        self.conn = PgConnection(raw, self.url.location)
        self._check_rights()

    def _setup(self, create: bool) -> None:
        state = self._identity()
        if state == "empty":
            if not create:
                raise ProjectError(f"{self.location}: the database holds no annotator project "
                                   f"(create one with: annotator init {self.location})")
            self._migrate(0)
        elif create:
            raise ProjectError(f"{self.location}: already holds an annotator project; open "
                               "it, or choose another database")
        elif (version := int(self.meta("schema_version", 0))) < schema.SCHEMA_VERSION:
            self._check_rights()
            if self.role != "owner":
                raise ProjectError(f"{self.location}: made by an older annotator; its owner "
                                   "must open it once with this version to upgrade it")
            self._migrate(version)
        self._check_rights()

    def _identity(self) -> str:
        """"empty", or "ours"; anything else is refused."""
        found = self.conn.execute_raw(
            "SELECT to_regclass('public.meta') IS NOT NULL, (SELECT count(*) FROM "
            "information_schema.tables WHERE table_schema = 'public')").fetchone()
        if not found[0]:
            if found[1]:
                raise ProjectError(f"{self.location}: not an annotator project (the database "
                                   "holds tables of another application)")
            return "empty"
        if self.meta("application") != schema.APPLICATION:
            raise ProjectError(f"{self.location}: not an annotator project (the database "
                               "holds tables of another application)")
        version = int(self.meta("schema_version", 0))
        if version > schema.SCHEMA_VERSION:
            raise ProjectError(f"{self.location}: made by a newer version of annotator "
                               f"(schema {version}; this version reads up to "
                               f"{schema.SCHEMA_VERSION})")
        return "ours"

    def _migrate(self, version: int) -> None:
        """Bring the schema up to date in one transaction, under an advisory lock so that
        two members opening an old project at once do not both upgrade it."""
        if version == schema.SCHEMA_VERSION:
            return
        if self.read_only:
            raise ReadOnlyError(f"{self.location}: needs upgrading, which cannot be done "
                                f"read-only ({self.read_only})")
        with self.transaction():
            self.conn.execute_raw("SELECT pg_advisory_xact_lock(hashtext('annotator schema'))")
            current = int(self.meta("schema_version", 0)) if version else 0
            for number, migration in enumerate(schema.MIGRATIONS[current:], current + 1):
                migration(self.conn.raw)
                self._set_meta("schema_version", number)
            self._set_meta("application", schema.APPLICATION)
            self._set_meta("schema_migrated", now())

    def _check_rights(self) -> None:
        """What the connected role may do here: owner (the database's owner, or a
        superuser), reviewer, annotator or reader; someone with none of these is refused."""
        database = self.conn.raw.info.dbname
        row = self.conn.execute_raw(
            "SELECT r.rolsuper OR pg_has_role(current_user, d.datdba, 'MEMBER'), "
            "pg_has_role(current_user, %s, 'MEMBER'), pg_has_role(current_user, %s, 'MEMBER'), "
            "pg_has_role(current_user, %s, 'MEMBER') FROM pg_roles r, pg_database d "
            "WHERE r.rolname = current_user AND d.datname = current_database()",
            [schema.group_role(database, r) for r in ("reviewer", "annotator", "reader")]
        ).fetchone()
        owner, reviewer, annotator, reader = row
        self.role = ("owner" if owner else "reviewer" if reviewer else
                     "annotator" if annotator else "reader" if reader else "")
        if not self.role:
            raise ProjectError(f"{self.location}: {self.user} is not a member of this project "
                               f"(ask its owner: annotator team add-member URL {self.user})")
        if self.role == "reader" and not self.read_only:
            self.read_only = f"{self.user} may read this project but not change it"

    def _keeps_file_keys(self) -> bool:
        return schema.SCHEMA_VERSION >= 6

    @property
    def location(self) -> str:
        return self.url.location

    def close(self) -> None:
        self.conn.close()
        self.closed = True

    # --- transactions --------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes happen in here, all or nothing; nested use joins the outer one. A
        lost connection, a refusal by the server (rights) or any other error ends in a
        one-line :class:`ProjectError`; what was committed before stays."""
        if self.conn.in_transaction:
            yield
            return
        if self.read_only:
            raise ReadOnlyError(f"{self.location}: the project is open read-only "
                                f"({self.read_only}); nothing was changed")
        self.conn.begin()  # sent with the first statement
        self._writing = True
        try:
            yield
            self.conn.end(commit=True)
        except BaseException:
            self.conn.end(commit=False)
            raise
        finally:
            self._writing = False

    def _write(self, sql: str, rows: list) -> None:
        self.conn.defer(sql, rows)

    def rows(self, query: str, params=()) -> Iterator[tuple]:
        """A server-side cursor in a read-only snapshot: rows arrive in batches."""
        from annotator.store.pg.connection import translate

        self.conn.send_begin()  # (and deferred writes) psycopg's own transaction joins it
        with self.conn.raw.transaction(), self.conn.raw.cursor(name="annotator_stream") as cur:
            cur.itersize = 2000
            try:
                cur.execute(translate(query), params)
                yield from cur
            except psycopg.Error as e:
                raise translate_error(e, self.location) from None


def _connect(target: TeamURL, create: bool) -> psycopg.Connection:
    try:
        return psycopg.connect(target.conninfo, autocommit=True, connect_timeout=10,
                               cursor_factory=BatchCursor)
    except psycopg.Error as e:
        error = connect_error(e, target.location, target.password)
    if not (create and isinstance(error, NoSuchDatabase)):
        if isinstance(error, NoSuchDatabase):
            error = NoSuchDatabase(f"{error}; create it on the server (createdb "
                                   f"{target.database}), then: annotator init {target.location}")
        raise error
    return _create_database(target)


def _create_database(target: TeamURL) -> psycopg.Connection:
    """``annotator init`` on a database that does not exist yet: make it (a role allowed
    to create databases), then connect to it."""
    try:
        with psycopg.connect(target.with_database("postgres").conninfo, autocommit=True,
                             connect_timeout=10) as maintenance:
            maintenance.execute(sql.SQL("CREATE DATABASE {}").format(
                sql.Identifier(target.database)))
        return psycopg.connect(target.conninfo, autocommit=True, connect_timeout=10,
                               cursor_factory=BatchCursor)
    except psycopg.Error as e:
        raise connect_error(e, target.location, target.password) from None
