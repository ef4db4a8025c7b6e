"""The project file: one SQLite database. The store package is the only code that speaks SQL.

Every write goes through :meth:`StoreBase.transaction` (``BEGIN IMMEDIATE`` … ``COMMIT``),
so a multi-step write is all or nothing and a reader never sees half of one. The schema is
versioned with ``PRAGMA user_version``; a file from a newer annotator, another
application's SQLite file, or a file that is not SQLite at all is refused untouched.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

import sqlite_utils

from annotator.core.annotation import now
from annotator.core.errors import ProjectError
from annotator.store import schema

SQLITE_MAGIC = b"SQLite format 3\x00"


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class StoreBase:
    """Opening, identity, migrations, transactions and project settings."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None):
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.path = path

    # --- opening -----------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, create: bool = False) -> Self:
        """Open (or with ``create``, create) a project file, migrating it if it is older."""
        path = Path(path)
        _check_file(path, create)
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
        except sqlite3.Error as e:
            raise ProjectError(f"{path}: cannot open: {e}") from None
        store = cls(conn, path)
        try:
            store._setup()
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def memory(cls) -> Self:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        store = cls(conn, None)
        store._setup()
        return store

    def _setup(self) -> None:
        self._check_identity()
        for pragma in ("foreign_keys=ON", "busy_timeout=5000", "synchronous=NORMAL"):
            self.conn.execute(f"PRAGMA {pragma}")
        if self.path is not None:
            self.conn.execute("PRAGMA journal_mode=WAL")
        self._migrate()

    def _check_identity(self) -> None:
        where = self.path or ":memory:"
        try:
            app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError as e:
            raise ProjectError(f"{where}: not an annotator project ({e})") from None
        if app_id != schema.APPLICATION_ID and (app_id != 0 or tables):
            raise ProjectError(f"{where}: not an annotator project (an SQLite file of "
                               f"another application, application_id={app_id})")
        if version > schema.SCHEMA_VERSION:
            raise ProjectError(f"{where}: made by a newer version of annotator (schema "
                               f"{version}; this version reads up to {schema.SCHEMA_VERSION})")

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version == schema.SCHEMA_VERSION:
            return
        with self.transaction():
            for number, migration in enumerate(schema.MIGRATIONS[version:], version + 1):
                migration(self.conn)
                self.conn.execute(f"PRAGMA user_version={number}")
            self.conn.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
            self._set_meta("schema_migrated", now())

    closed = False

    def close(self) -> None:
        self.conn.close()
        self.closed = True

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- transactions ------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes happen in here. Nested use joins the outer transaction."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- project settings --------------------------------------------------------------
    def _set_meta(self, key: str, value) -> None:
        self.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) "
                          "DO UPDATE SET value = excluded.value", (key, dumps(value)))

    def backup(self, reason: str) -> Path:
        """A consistent snapshot of the project in ``<project>.backups/`` (SQLite's online
        backup API into a temporary file, fsynced, then renamed into place)."""
        if self.path is None:
            raise ProjectError(":memory: projects have no backups")
        folder = self.path.with_name(self.path.name + ".backups")
        folder.mkdir(exist_ok=True)
        stamp = now().replace(":", "").replace("-", "").replace("+0000", "Z")
        target = folder / f"{self.path.stem}-{stamp}-{reason}{self.path.suffix}"
        part = target.with_name(target.name + ".part")
        try:
            copy = sqlite3.connect(part)
            with copy:
                self.conn.backup(copy)
            copy.close()
            with open(part, "rb") as f:
                os.fsync(f.fileno())
            os.replace(part, target)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        return target

    def integrity(self) -> list[str]:
        """Problems found by SQLite's ``quick_check`` and the foreign-key check."""
        problems = [r[0] for r in self.conn.execute("PRAGMA quick_check") if r[0] != "ok"]
        problems += [f"foreign key: {r}" for r in self.conn.execute("PRAGMA foreign_key_check")]
        return problems


def _check_file(path: Path, create: bool) -> None:
    if not path.exists():
        if not create:
            raise ProjectError(f"{path}: no such project file")
        if not path.parent.exists():
            raise ProjectError(f"{path}: folder {path.parent} does not exist")
        return
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError as e:
        raise ProjectError(f"{path}: cannot read: {e.strerror or e}") from None
    if head and head != SQLITE_MAGIC:
        raise ProjectError(f"{path}: not an annotator project (not an SQLite database)")
    if not head and not create:
        raise ProjectError(f"{path}: empty file, not an annotator project")
