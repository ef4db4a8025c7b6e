"""The project file: one SQLite database. The store package is the only code that speaks SQL.

Every write goes through :meth:`StoreBase.transaction` (``BEGIN IMMEDIATE`` … ``COMMIT``),
so a multi-step write is all or nothing and a reader never sees half of one. The schema is
versioned with ``PRAGMA user_version``; a file from a newer annotator, another
application's SQLite file, or a file that is not SQLite at all is refused untouched.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Self

from annotator.core.annotation import now
from annotator.core.errors import CancelFlag, Cancelled, ProjectError
from annotator.store import location, schema
from annotator.store.common import StoreCommon, dumps  # noqa: F401 (dumps: re-exported)
from annotator.store.compact import stored_original
from annotator.store.damage import damaged, is_damage, quick_check
from annotator.store.lock import ProjectLock

SQLITE_MAGIC = b"SQLite format 3\x00"
log = logging.getLogger(__name__)


def _load_sqlite_utils():
    """sqlite-utils, loaded without numpy and pandas: it imports them when they are
    installed (matplotlib brings numpy) only to map their number types, which we never
    insert — 20 MB and a tenth of a second on every start of the window and the CLI."""
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import numpy" fails here
    try:
        import sqlite_utils  # a plain import: PyInstaller's analysis must see it

        return sqlite_utils
    finally:
        for name in hidden:
            del sys.modules[name]


sqlite_utils = _load_sqlite_utils()




class ReadOnlyError(ProjectError):
    """A write to a project opened read-only."""


BUSY_TIMEOUT_S = 5.0


class StoreBase(StoreCommon):
    """A project file: opening, identity, migrations and transactions."""

    kind = "file"

    @staticmethod
    def _stored_modified(created: str, modified: str) -> str | None:
        """NULL while it equals ``created``, from schema 9 on (29 bytes of most spans;
        tests drive older schemas, whose column is NOT NULL)."""
        return None if modified == created and schema.SCHEMA_VERSION >= 9 else modified

    def _stored_original(self, doc) -> str | None:
        """'' when the text and its cleaning log rebuild it, from schema 9 on (a second
        copy of the text, for every imported document that was cleaned)."""
        if schema.SCHEMA_VERSION < 9:
            return doc.original
        return stored_original(doc.text, doc.cleaning, doc.original)

    def _keeps_file_keys(self) -> bool:
        return schema.SCHEMA_VERSION >= 11

    def __init__(self, conn: sqlite3.Connection, path: Path | None, read_only: str = ""):
        self.conn = conn
        # sqlite-utils over the same connection (bulk inserts, schema introspection); no
        # plugins (they could register functions on our connection) and no
        # recursive_triggers pragma (a setting of its own we do not need)
        self.db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
        self.path = path
        self.read_only = read_only  # why the project is read-only ("" when it is not)
        self.checked = False  # SQLite's quick_check ran at open (see :func:`find_damage`)

    # --- opening -----------------------------------------------------------------------
    lock: ProjectLock | None = None

    @classmethod
    def open(cls, path: str | Path, create: bool = False, read_only: bool | str = False,
             check: bool | str = True, lock: str | None = None) -> Self:
        """Open (or with ``create``, create) a project file, migrating it if it is older.

        ``read_only`` (True, or the reason as text) opens it without writing anything;
        a file or folder we cannot write to is opened read-only anyway. ``check`` runs
        SQLite's ``quick_check`` first and refuses a damaged file (:class:`DamagedError`);
        ``check="auto"`` skips it when the file is, byte for byte as far as its size and
        time stamp tell, the one a store holding the lock closed cleanly (see
        :func:`~annotator.store.backups.mark_clean`): ``store.checked`` says whether it ran, and a caller that
        skipped it runs :func:`find_damage` on a worker thread.
        ``lock`` (who is editing) takes the project's :class:`ProjectLock` for as long as
        the store is open, or raises :class:`~annotator.store.lock.LockedError`."""
        path = Path(path)
        _check_file(path, create)
        held = ProjectLock(path).acquire(lock) if lock is not None and not read_only \
            else None
        try:
            store = cls._open(path, create, read_only, check)
        except BaseException:
            if held:
                held.release()
            raise
        store.lock = held
        return store

    @classmethod
    def _open(cls, path: Path, create: bool, read_only: bool | str, check: bool | str
              ) -> Self:
        if check == "auto":
            from annotator.store.backups import closed_cleanly

            check = not closed_cleanly(path)
        can_write, why = location.writable(path)
        reason = (read_only if isinstance(read_only, str) else "opened read-only") \
            if read_only else ("" if can_write else why)
        conn = _connect(path, reason)
        store = cls(conn, path, reason)
        try:
            store._setup(check)
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

    def _setup(self, check: bool | str = False) -> None:
        self._check_identity()
        if check:
            self._check_damage()
        self.checked = bool(check)
        for pragma in ("foreign_keys=ON", f"busy_timeout={int(BUSY_TIMEOUT_S * 1000)}",
                       "synchronous=NORMAL"):
            self.conn.execute(f"PRAGMA {pragma}")
        if self.path is not None and not self.read_only:
            self.conn.execute("PRAGMA journal_mode=WAL")
        self._migrate()

    def _check_damage(self) -> None:
        problems = quick_check(self.conn)
        if problems and self.path is not None:
            raise damaged(self.path, problems)

    def _check_identity(self) -> None:
        where = self.path or ":memory:"
        try:
            app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError as e:
            if is_damage(e) and self.path is not None:  # it starts like SQLite (_check_file)
                raise damaged(self.path, [str(e)]) from None
            raise ProjectError(f"{where}: not an annotator project ({e})") from None
        if app_id != schema.APPLICATION_ID and (app_id != 0 or tables):
            raise ProjectError(f"{where}: not an annotator project (an SQLite file of "
                               f"another application, application_id={app_id})")
        if version > schema.SCHEMA_VERSION:
            raise ProjectError(f"{where}: made by a newer version of annotator (schema "
                               f"{version}; this version reads up to {schema.SCHEMA_VERSION})")

    def _migrate(self) -> None:
        """Bring an older schema up to date in one transaction (a crash midway leaves the
        old version intact), after a backup of a project that has data."""
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version == schema.SCHEMA_VERSION:
            return
        if self.read_only:
            raise ReadOnlyError(f"{self.path}: made by an older version of annotator and "
                                f"needs upgrading, which cannot be done read-only "
                                f"({self.read_only})")
        if version > 0 and self.path is not None:
            from annotator.store.backups import snapshot

            snapshot(self.conn, self.path, f"before-upgrade-v{version}")
        notes = []
        self.conn.execute("PRAGMA foreign_keys=OFF")  # a migration may rebuild a parent table
        try:
            with self.transaction():
                for number, migration in enumerate(schema.MIGRATIONS[version:], version + 1):
                    if note := migration(self.conn):
                        notes.append(note)
                    self.conn.execute(f"PRAGMA user_version={number}")
                self.conn.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
                self._set_meta("schema_migrated", now())
        finally:
            self.conn.execute("PRAGMA foreign_keys=ON")
        if version > 0 and schema.COMPACTING & set(range(version + 1, schema.SCHEMA_VERSION + 1)):
            self._vacuum()
        self.upgrade_notes = notes
        for note in notes:  # stderr on the command line (logging's last resort)
            log.warning("%s: %s", self.path or ":memory:", note)

    def _vacuum(self) -> None:
        """Give the pages an upgrade freed back to the file system (rewrites the file:
        4.8 s for 10,000 documents). Not done, with a warning, when it fails (a full disk:
        VACUUM needs room for a copy); the upgrade itself is committed."""
        try:
            self.conn.execute("VACUUM")
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError as e:
            log.warning("%s: not compacted after the upgrade (%s)", self.path or ":memory:", e)

    closed = False

    def close(self) -> None:
        self.conn.close()
        self.closed = True
        if self.lock is not None:
            if self.path is not None and not self.read_only and self.checked:
                from annotator.store.backups import mark_clean

                mark_clean(self.path)  # only a file known sound is vouched for
            self.lock.release()

    # --- transactions ------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes happen in here, all or nothing. Nested use joins the outer
        transaction. A read-only project, a writer that keeps the file busy for
        :data:`BUSY_TIMEOUT_S`, a full disk or a write error end in a one-line
        :class:`ProjectError`; what was committed before stays intact."""
        if self.conn.in_transaction:
            yield
            return
        if self.read_only:
            raise ReadOnlyError(f"{self.path}: the project is open read-only "
                                f"({self.read_only}); nothing was changed")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise self._write_error(e) from None
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as e:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.OperationalError):
                raise self._write_error(e) from None
            raise

    def _write_error(self, e: sqlite3.Error) -> ProjectError:
        text = str(e)
        if "locked" in text or "busy" in text:
            why = (f"busy: another program kept it locked for {BUSY_TIMEOUT_S:.0f} s; "
                   "nothing was changed, try again")
        elif "full" in text:
            why = "the disk is full; this change was not stored (earlier work is intact)"
        elif "readonly" in text:
            why = "it cannot be written to (read-only); nothing was changed"
        else:
            why = f"cannot write ({text}); this change was not stored (earlier work is intact)"
        return ProjectError(f"{self.path or ':memory:'}: {why}")

    @property
    def location(self) -> str:
        return str(self.path) if self.path is not None else ":memory:"

    def reopen(self, read_only: bool | str = False) -> Self:
        """Another connection to the same project file (a worker thread's own), not
        checked for damage again and holding no lock."""
        if self.path is None:
            raise ProjectError(":memory: projects cannot be opened twice")
        return type(self).open(self.path, read_only=read_only or self.read_only, check=False)

    def integrity(self) -> list[str]:
        """Problems found by SQLite's ``quick_check`` and the foreign-key check."""
        problems = quick_check(self.conn)
        problems += [f"foreign key: {r}" for r in self.conn.execute("PRAGMA foreign_key_check")]
        return problems


def find_damage(path: Path, cancelled: CancelFlag | None = None) -> list[str]:
    """SQLite's ``quick_check`` of a project on a connection of its own, read-only: what
    ``Store.open(check=True)`` runs, for a window that opened the file with ``check=False``
    to show it sooner (0.5 s on a 500 MB project) and checks it on a worker thread.
    ``cancelled`` set interrupts the check (a window closing waits a millisecond, not the
    seconds a big project's check takes): :class:`Cancelled` then, and nothing found."""
    conn = _connect(path, "checking")
    if cancelled is not None:  # a statement asks between steps (no race with its start)
        conn.set_progress_handler(cancelled, 10_000)
    try:
        with cancelled.stopping(conn.interrupt) if cancelled else nullcontext():
            problems = quick_check(conn)
    finally:
        conn.close()
    if cancelled is not None and cancelled():  # (an interrupted check says "interrupted")
        raise Cancelled("damage check cancelled")
    if problems:
        from annotator.store.backups import clean_mark

        clean_mark(path).unlink(missing_ok=True)  # vouched for no more
    return problems


_SIDE_FILES = ("-wal", "-shm")


class _Reader(sqlite3.Connection):
    """A read-only connection that leaves no ``-wal``/``-shm`` it made. SQLite's read-only
    access to a WAL project creates them (when the folder allows) and cannot remove them;
    so when they were absent at opening, closing opens a plain connection that reads once
    and closes: SQLite removes them then, as it always does when the last connection to a
    file closes, and never while another program (a window) still uses them. The project
    file's bytes and time stamp are left as they were."""

    tidy: Path | None = None

    def close(self) -> None:
        super().close()
        if self.tidy is not None:
            path, self.tidy = self.tidy, None
            _tidy(path)


def _tidy(path: Path) -> None:
    if not any(path.with_name(path.name + s).exists() for s in _SIDE_FILES):
        return  # none were made (the folder is read-only)
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=0.1)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # best effort: a later open and close removes them


def _connect(path: Path, read_only: str) -> sqlite3.Connection:
    """A connection; read-only ones use ``mode=ro`` (a :class:`_Reader`), or
    ``immutable=1`` where SQLite cannot even create the WAL index (a read-only folder or
    medium). A file SQLite finds damaged raises :class:`DamagedError`."""
    try:
        if not read_only:
            return sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        uri = path.resolve().as_uri()
        fresh = not any(path.with_name(path.name + s).exists() for s in _SIDE_FILES)
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None,
                               timeout=BUSY_TIMEOUT_S, factory=_Reader)
        conn.tidy = path if fresh else None
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.DatabaseError as e:
            conn.close()
            if is_damage(e):
                raise damaged(path, [str(e)]) from None
            if not isinstance(e, sqlite3.OperationalError):
                raise
            return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
    except sqlite3.Error as e:
        raise ProjectError(f"{path}: cannot open: {e}") from None


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
