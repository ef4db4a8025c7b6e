"""Error types shared by every layer. Messages are one line and name the file."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path


class AnnotatorError(Exception):
    """Base class: anything the user can be told about in one line."""


class InputError(AnnotatorError):
    """A file the user gave us cannot be used. ``str()`` is ``"<path>: <reason>"``."""

    def __init__(self, path: str | Path | None, reason: str, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.reason = reason
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.reason}"


class ProjectError(AnnotatorError):
    """A project file cannot be opened or written (newer version, not ours, damaged, locked)."""


class ConflictError(AnnotatorError):
    """An edit (or its undo) no longer fits the stored annotations."""


class Cancelled(AnnotatorError):
    """Long work stopped because its ``cancelled()`` callback said so (an export, an
    agreement report): what it would have written or shown is not."""


class CancelFlag:
    """The ``cancelled()`` of work on a worker thread, set from another thread; work that
    waits inside one call (an SQLite statement) gives a way to stop it (the connection's
    ``interrupt``, which any thread may call), run at once when the flag is set."""

    def __init__(self) -> None:
        self.set = False
        self._stops: list[Callable[[], None]] = []
        self._lock = threading.Lock()  # a stop is never run after it was taken back

    def __call__(self) -> bool:
        return self.set

    def cancel(self) -> None:
        with self._lock:
            self.set = True
            for stop in self._stops:
                stop()

    def stopping(self, stop: Callable[[], None]) -> _Stopping:
        """``with flag.stopping(conn.interrupt): …``: ``stop`` runs if the flag is set
        meanwhile (or was before)."""
        return _Stopping(self, stop)


class _Stopping:
    def __init__(self, flag: CancelFlag, stop: Callable[[], None]):
        self.flag, self.stop = flag, stop

    def __enter__(self) -> None:
        with self.flag._lock:
            self.flag._stops.append(self.stop)
            if self.flag.set:
                self.stop()

    def __exit__(self, *exc: object) -> None:
        with self.flag._lock:
            self.flag._stops.remove(self.stop)


class NotFoundError(AnnotatorError, LookupError):
    """A document (or span, decision, backup…) asked for by id or name is not in the
    project. ``str()`` is one line naming what was asked for and where."""

    def __init__(self, what: str, ref: str, where: str | None = None):
        self.what, self.ref, self.where = what, ref, where
        place = f"{where}: " if where else ""
        super().__init__(f"{place}no such {what}: {ref}")


class NotAllowed(ProjectError):
    """The project refused a change the user's role does not allow (a team project: an
    annotator changing a colleague's spans, a reader changing anything)."""


class ConnectionLost(ProjectError):
    """A team project's server cannot be reached: nothing of the edit being made was
    stored (the window says so and reconnects; everything it shows is stored)."""
