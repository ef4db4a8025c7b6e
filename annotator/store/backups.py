"""Rolling backups of a project in ``<project>.backups/``, and restoring one.

A backup is a consistent snapshot taken with SQLite's online backup API into a ``.part``
file, fsynced and renamed into place: a backup file is complete or absent, never half
written (``.part`` files left by a crash are removed before the next backup). The newest
:data:`KEEP` are kept. Restoring never deletes anything: the current project (with its
``-wal`` and ``-shm`` files, damaged or not) is moved into the backups folder first.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

from annotator.core.annotation import now
from annotator.core.errors import ProjectError
from annotator.store.base import StoreBase
from annotator.store.damage import DamagedError, damaged, is_damage, quick_check

KEEP = 10
_COMPANIONS = ("-wal", "-shm", "-journal")


def folder_of(project: Path) -> Path:
    return project.with_name(project.name + ".backups")


def companions(project: Path) -> list[Path]:
    """What the store keeps beside ``project``: SQLite's side files, the lock file, a
    restore's leftover part and the backups folder (an import of a folder skips them with
    the project)."""
    from annotator.store.lock import lock_path

    side = (*_COMPANIONS, ".restore.part")
    return [*(project.with_name(project.name + s) for s in side), lock_path(project),
            folder_of(project)]


# --- the clean-close mark: lets the window defer SQLite's damage check ------------------
def clean_mark(path: Path) -> Path:
    """Where a project's clean close is recorded (see :func:`mark_clean`)."""
    return folder_of(path) / "closed-cleanly.json"


def _fingerprint(path: Path) -> list[int] | None:
    """Size and modification time of a project with no write-ahead log left beside it
    (None when there is one: the last session did not close, or another is open)."""
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return None
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def mark_clean(path: Path) -> None:
    """Called as the editing store closes: remember the file as it was left. Best effort:
    without the mark the next open simply runs the damage check."""
    try:
        mark = clean_mark(path)
        if (prints := _fingerprint(path)) is not None:
            mark.parent.mkdir(exist_ok=True)
            mark.write_text(json.dumps({"file": path.name, "fingerprint": prints}))
    except (OSError, ValueError):
        pass


def closed_cleanly(path: Path) -> bool:
    """The file is as a store holding its lock left it on closing (same size and time
    stamp, no write-ahead log): the damage check at open can wait for a worker thread."""
    try:
        mark = json.loads(clean_mark(path).read_text())
        prints = _fingerprint(path)
        return prints is not None and mark.get("fingerprint") == prints
    except (OSError, ValueError, AttributeError):
        return False


def backups(project: Path) -> list[Path]:
    """The project's backups, newest first (their names sort by time)."""
    folder = folder_of(project)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{project.stem}-*{project.suffix}") if p.is_file()
             and "-replaced-" not in p.name]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def latest(project: Path) -> Path | None:
    found = backups(project)
    return found[0] if found else None


def clean_partials(project: Path) -> list[Path]:
    """Remove ``.part`` files a crash left in the backups folder."""
    folder = folder_of(project)
    parts = list(folder.glob("*.part")) if folder.is_dir() else []
    for p in parts:
        p.unlink(missing_ok=True)
    return parts


def prune(project: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups; returns the deleted ones."""
    old = backups(project)[keep:]
    for p in old:
        p.unlink(missing_ok=True)
    return old


def folder_key(project: Path | str) -> Path:
    """The path a project's backups are named after: the project file itself, or for a
    team project a stand-in in the user's data folder (``team-backups/HOST-PORT-DB``), where
    its snapshots (project files) are kept."""
    from annotator.store import is_team

    if not is_team(project):
        return Path(project)
    from annotator.resources import data_dir
    from annotator.store.pg.url import TeamURL

    params = TeamURL(str(project)).params
    parts = [str(params.get(k) or "") for k in ("host", "port", "dbname")]
    name = "-".join(p for p in parts if p).replace("/", "_") or "team"
    return data_dir() / "team-backups" / f"{name}.annotator"


def _stamp() -> str:
    return now().replace(":", "").replace("-", "").replace("+0000", "Z").replace(".", "")


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def snapshot(conn: sqlite3.Connection, project: Path, reason: str) -> Path:
    """Copy the database behind ``conn`` into a new backup of ``project``. The copy passes
    SQLite's ``quick_check`` before it becomes a backup: a damaged project raises
    :class:`DamagedError` (offering the latest backup) and never pushes a sound backup
    out of the :data:`KEEP` kept."""
    folder = folder_of(project)
    folder.mkdir(exist_ok=True)
    clean_partials(project)
    target = folder / f"{project.stem}-{_stamp()}-{reason}{project.suffix}"
    part = target.with_name(target.name + ".part")
    try:
        copy = sqlite3.connect(part)
        try:
            problems = _copied(conn, copy)
        finally:
            copy.close()
        if problems:
            raise damaged(project, problems)
        _fsync(part)
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    prune(project)
    return target


def _copied(conn: sqlite3.Connection, copy: sqlite3.Connection) -> list[str]:
    """Copy ``conn``'s database into ``copy``; what ``quick_check`` finds wrong with it."""
    try:
        conn.backup(copy)
    except sqlite3.DatabaseError as e:
        if not is_damage(e):
            raise
        return [str(e)]
    return quick_check(copy)


class BackupsMixin(StoreBase):
    def backup(self, reason: str) -> Path:
        """A consistent snapshot of the project in ``<project>.backups/`` (the newest
        :data:`KEEP` are kept)."""
        if self.path is None:
            raise ProjectError(":memory: projects have no backups")
        try:
            return snapshot(self.conn, self.path, reason)
        except (OSError, sqlite3.Error) as e:
            raise ProjectError(f"{self.path}: cannot write a backup into "
                               f"{folder_of(self.path)}: {e}") from None


def check_backup(project: Path, backup: Path) -> None:
    """Refuse a file that is not a sound annotator project; a damaged backup is refused
    naming the next older backup of ``project``."""
    from annotator.store import Store

    try:
        with Store.open(backup, read_only=True, check=True):
            pass
    except DamagedError as e:
        listed = [p.resolve() for p in backups(project)]
        here = backup.resolve()
        older = listed[listed.index(here) + 1:] if here in listed else listed
        offer = (f"the next older backup is {older[0]} (annotator restore {project} "
                 f"{older[0]})" if older else "there is no older backup")
        raise ProjectError(f"{backup}: this backup is damaged ({e.problems[0][:120]}); "
                           f"nothing was changed; {offer}") from None


def restore(project: Path, backup: Path) -> Path:
    """Put ``backup`` in place of ``project``; returns where the replaced project went.
    The caller holds the project's lock (no window may have it open)."""
    check_backup(project, backup)
    folder = folder_of(project)
    folder.mkdir(exist_ok=True)
    aside = folder / f"{project.stem}-{_stamp()}-replaced-by-restore{project.suffix}"
    part = project.with_name(project.name + ".restore.part")
    try:
        shutil.copyfile(backup, part)
        _fsync(part)
        if project.exists():
            os.replace(project, aside)
        for suffix in _COMPANIONS:  # a stale WAL would be replayed onto the backup
            companion = project.with_name(project.name + suffix)
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + suffix))
        os.replace(part, project)
    except OSError as e:
        part.unlink(missing_ok=True)
        raise ProjectError(f"{project}: cannot restore {backup.name}: {e}") from None
    return aside
