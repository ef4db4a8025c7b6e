"""A damaged project file: recognising the damage SQLite reports, and the one-line error
that names the file and offers its latest backup (every path that meets a damaged file
raises it: opening, checking, backing up, restoring, a read in any command)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.errors import ProjectError


class DamagedError(ProjectError):
    """SQLite's checks found damage; the file was left untouched. ``backup``: the newest
    backup, to offer instead."""

    def __init__(self, path: Path, problems: list[str], backup: Path | None):
        self.path, self.problems, self.backup = path, problems, backup
        offer = (f"; the latest backup is {backup} (annotator restore {path.name})"
                 if backup else "; there is no backup")
        super().__init__(f"{path}: the project file is damaged ({problems[0][:120]}); it was "
                         f"left untouched{offer}")


def damaged(path: Path, problems: list[str]) -> DamagedError:
    """The error for a damaged project file, offering its latest backup."""
    from annotator.store.backups import latest

    return DamagedError(path, problems, latest(path))


def is_damage(error: BaseException) -> bool:
    """Whether SQLite raised ``error`` because the file is damaged (corrupt, or not a
    database although it starts like one)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    return isinstance(error, sqlite3.DatabaseError) and (
        name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        or "malformed" in str(error) or "not a database" in str(error))


def damage_of(error: BaseException, path: str | Path) -> DamagedError | None:
    """For a caller outside the store (the command line): ``error`` as the one-line
    :class:`DamagedError` pointing at the latest backup, or None if it is not damage."""
    return damaged(Path(path), [str(error)]) if is_damage(error) else None


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """What SQLite's ``quick_check`` finds wrong (a check it cannot finish: its error)."""
    try:
        return [r[0] for r in conn.execute("PRAGMA quick_check") if r[0] != "ok"]
    except sqlite3.DatabaseError as e:
        return [str(e)]
