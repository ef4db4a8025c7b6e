"""One editor per project: an advisory lock file beside it (``<project>.lock``).

The window holds it for as long as it has the project open for editing; commands that
write (import, merge, restore…) hold it while they run. SQLite alone would keep the file
consistent, but a window holds what it shows in memory and would go stale under another
writer; so a second window is offered the project read-only, and a second writer is told
who has it. The lock is an OS lock (``flock`` / ``msvcrt.locking``) on the file: it goes
away with the process, so a crash never leaves a stale lock. The file's content (who,
where, since when) is only for the message; releasing the lock removes the file (while
still holding it, so a process that opened it meanwhile notices, on taking the lock, that
its file is no longer the one at the lock's path, and tries again). No SQL here.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from pathlib import Path

from annotator.core.annotation import now
from annotator.core.errors import ProjectError


class LockedError(ProjectError):
    """The project is open for editing elsewhere; ``holder`` says by whom."""

    def __init__(self, project: Path, holder: dict):
        self.project, self.holder = project, holder
        super().__init__(f"{project}: already open for editing by {describe(holder)}")


def describe(holder: dict) -> str:
    who = holder.get("annotator") or "another program"
    where = f"process {holder.get('pid', '?')} on {holder.get('host', '?')}"
    return f"{who} ({where}, since {str(holder.get('since', '?'))[:19]})"


def lock_path(project: Path) -> Path:
    return project.with_name(project.name + ".lock")


class ProjectLock:
    def __init__(self, project: Path):
        self.project = Path(project)
        self.path = lock_path(self.project)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, who: str = "") -> ProjectLock:
        """Take the lock or raise :class:`LockedError`. A folder where no lock file can be
        made (read-only) is not locked: nothing can be written there anyway."""
        for _ in range(_ATTEMPTS):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError:
                return self
            if not _try_lock(fd):
                holder = _read(fd)
                os.close(fd)
                raise LockedError(self.project, holder)
            if _is_current(fd, self.path):
                return self._hold(fd, who)
            _unlock(fd)  # released and removed by its holder after we opened it
            os.close(fd)
        raise ProjectError(f"{self.project}: cannot take the lock {self.path.name}: it keeps "
                           "being replaced")

    def _hold(self, fd: int, who: str) -> ProjectLock:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                 "annotator": who, "since": now()}).encode())
        os.fsync(fd)
        self._fd = fd
        return self

    def release(self) -> None:
        """Give the lock up and remove the lock file."""
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.ftruncate(fd, 0)
            if sys.platform != "win32":
                _remove(self.path)  # still holding it: see the module's docstring
            _unlock(fd)
            os.close(fd)
            if sys.platform == "win32":
                _remove(self.path)  # refused while another process has it open: kept

    def __enter__(self) -> ProjectLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


_ATTEMPTS = 50


def check_unlocked(project: Path) -> None:
    """Raise :class:`LockedError` if a window is editing ``project`` (a read-only window
    watching for the editor to let go takes the lock for an instant to find out)."""
    with ProjectLock(project).acquire():
        pass


def _is_current(fd: int, path: Path) -> bool:
    """Whether the locked ``fd`` is still the file at ``path`` (not one its holder removed
    after we opened it)."""
    if sys.platform == "win32":
        return True  # an open file cannot be removed there
    try:
        mine, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):  # gone, or in use (Windows): the next holder removes it
        path.unlink()


def _read(fd: int) -> dict:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, 4096).decode("utf-8", "replace") or "{}")
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

