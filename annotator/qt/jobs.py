"""Long work (imports, exports) on a worker thread with its own connection to the project,
reporting progress to a dialog and polling a cancel flag; the window stays responsive."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal

from annotator.core.errors import CancelFlag
from annotator.core.store import ProjectStore

#: job(store, progress(done, total), cancelled() -> bool) -> one-line summary
Job = Callable[[ProjectStore, Callable[[int, int], None], Callable[[], bool]], str]
#: opens a connection of the calling thread's own to the window's project
Opener = Callable[[], ProjectStore]


def opener(store: ProjectStore) -> Opener | None:
    """How a worker thread opens the window's project (a project file by its path, a team
    project by its address, with the password the window connected with); None for a
    project in memory, which no second connection can see."""
    return None if store.location == ":memory:" else store.reopen


class Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, open_store: Opener, job: Job):
        super().__init__()
        self.open_store, self.job, self.cancelled = open_store, job, False

    def run(self) -> None:
        try:
            with self.open_store() as store:
                message = self.job(store, self.progressed.emit, lambda: self.cancelled)
            self.finished.emit(message)
        except Exception as e:  # noqa: BLE001 — reported to the user, never swallowed
            self.failed.emit(str(e))


def start(parent: QObject, open_store: Opener, job: Job, on_progress, on_done, on_fail
          ) -> tuple[QThread, Worker]:
    worker = Worker(open_store, job)
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # quit the worker's event loop from the worker thread itself, before the handlers run
    # in the GUI thread: a handler may wait() for the thread
    direct = Qt.ConnectionType.DirectConnection
    worker.finished.connect(thread.quit, direct)
    worker.failed.connect(thread.quit, direct)
    worker.progressed.connect(on_progress)
    worker.finished.connect(on_done)
    worker.failed.connect(on_fail)
    thread.start()
    return thread, worker


class Background(QThread):
    """A small job off the GUI thread whose result goes to ``receiver`` (a method of a
    QObject living in the GUI thread, so the call is queued there). ``kind`` and ``token``
    let the receiver tell jobs apart and drop stale results. A job that raises tells the
    user nothing: use it only where failing means doing without (suggestions, a backup at
    open); its exception goes to whoever connected :attr:`failed` (to try again later)."""

    done = Signal(object)
    failed = Signal(object)  # the exception the job raised (its receiver may try again)

    def __init__(self, kind: str, job: Callable[..., object], token: int, parent: QObject,
                 cancellable: bool = False):
        """``cancellable``: ``job`` is given a :class:`~annotator.core.errors.CancelFlag`
        to ask between its parts (and raise when it says so), or to stop a statement with:
        :meth:`cancel` then ends the work soon."""
        super().__init__(parent)
        self.kind, self.job, self.token = kind, job, token
        self.cancellable, self.cancelled = cancellable, CancelFlag()
        self.error = ""

    def cancel(self) -> None:
        """Ask the job to stop (a cancellable one stops at its next part; its result, if
        any, is not sent)."""
        self.cancelled.cancel()

    def run(self) -> None:
        try:
            result = self.job(self.cancelled) if self.cancellable else self.job()
        except Exception as e:  # noqa: BLE001 — see the class docstring
            self.error = str(e)
            self.failed.emit(e)
            return
        if not self.cancelled():
            self.done.emit(result)

    def launch(self, receiver: Callable[[object], None]) -> Background:
        self.done.connect(receiver)
        self.finished.connect(self.deleteLater)
        self.start(QThread.Priority.LowPriority)
        return self


class Running:
    """A view's one cancellable worker at a time (:func:`start`): starting another
    cancels the one under way and waits for it to stop."""

    def __init__(self, parent: QObject):
        self.parent = parent
        self.thread: QThread | None = None
        self.worker: Worker | None = None

    @property
    def busy(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    @property
    def cancelled(self) -> bool:
        return self.worker is not None and self.worker.cancelled

    def start(self, open_store: Opener, job: Job, on_progress, on_done, on_fail) -> None:
        self.stop()
        self.thread, self.worker = start(self.parent, open_store, job, on_progress, on_done,
                                         on_fail)

    def stop(self) -> None:
        if self.worker is not None and self.busy:
            self.worker.cancelled = True
            assert self.thread is not None
            self.thread.wait()
