"""File → Import… and File → Merge annotators' work…: the work runs on a worker thread
with a progress dialog; a summary (with details) follows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox, QProgressDialog

from annotator.core.annotation import Annotator
from annotator.core.errors import InputError
from annotator.interchange import import_files, needs_annotator
from annotator.qt import jobs

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

#: work(store, progress, cancelled) -> (detail lines, errors)
Work = Callable[..., tuple[list[str], list[InputError]]]


class FileTask(QObject):
    """Lives in the GUI thread, so the worker's signals reach its methods there."""

    def __init__(self, window: MainWindow, title: str, paths: list[Path], work: Work):
        super().__init__(window)
        self.window, self.title, self.paths, self.work = window, title, paths, work
        self.errors: list[InputError] = []
        self.dialog = QProgressDialog(f"{title}…", "Cancel", 0, len(paths), window)
        self.dialog.setWindowTitle(title)
        self.dialog.setMinimumDuration(0)
        self.worker_thread, self.worker = jobs.start(self, window.store.path, self.job,
                                                     self.progressed, self.done, self.failed)
        self.dialog.canceled.connect(self.cancel)

    def job(self, store, progress, cancelled) -> str:  # runs on the worker thread
        lines, self.errors = self.work(store, progress, cancelled)
        return "\n".join(lines)

    def cancel(self) -> None:
        self.worker.cancelled = True

    def progressed(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    def done(self, message: str) -> None:
        self.dialog.close()
        self.window.refresh_documents()
        if self.window.editor.doc is not None:
            self.window.open_document(self.window.editor.doc.id)
        icon = QMessageBox.Icon.Warning if self.errors else QMessageBox.Icon.Information
        box = QMessageBox(icon, self.title, f"{len(self.paths) - len(self.errors)} of "
                          f"{len(self.paths)} file(s) done", parent=self.window)
        box.setDetailedText("\n".join([message] + [e.message for e in self.errors]))
        box.exec()

    def failed(self, message: str) -> None:
        self.dialog.close()
        QMessageBox.warning(self.window, f"{self.title} failed", message)


def run_import(window: MainWindow, paths: list[Path]) -> FileTask | None:
    who: Annotator | None = window.session.annotator
    if needs_annotator(paths):
        name, ok = QInputDialog.getText(window, "Import annotations",
                                        "Whose annotations are in these doccano/brat files?")
        if not ok or not name.strip():
            return None
        who = Annotator(name.strip(), name.strip())

    def work(store, progress, cancelled):
        outcome = import_files(store, paths, who, None, progress, cancelled)
        return outcome.lines, outcome.errors

    return FileTask(window, "Import", paths, work)


def run_merge(window: MainWindow, paths: list[Path]) -> FileTask:
    from annotator.review.merge import merge

    def work(store, progress, cancelled):
        lines: list[str] = []
        errors: list[InputError] = []
        for n, path in enumerate(paths):
            if cancelled():
                break
            progress(n, len(paths))
            try:
                report = merge(store, path)
                lines += report.lines() + [f"backup: {report.backup}"]
                errors += [InputError(path, r) for r in report.refused]
            except InputError as e:
                errors.append(e)
        return lines, errors

    return FileTask(window, "Merge", paths, work)
