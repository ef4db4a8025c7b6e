"""File → Import…: files of any supported kind, imported on a worker thread with a
progress dialog; doccano/brat files ask whose annotations they hold."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox, QProgressDialog

from annotator.core.annotation import Annotator
from annotator.interchange import ImportOutcome, import_files, needs_annotator
from annotator.qt import jobs

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow


class ImportJob(QObject):
    """Lives in the GUI thread, so the worker's signals reach its methods there."""

    def __init__(self, window: MainWindow, paths: list[Path], who: Annotator | None):
        super().__init__(window)
        self.window, self.paths, self.who = window, paths, who
        self.outcome: ImportOutcome | None = None
        self.dialog = QProgressDialog("Importing…", "Cancel", 0, len(paths), window)
        self.dialog.setWindowTitle("Import")
        self.dialog.setMinimumDuration(0)
        self.worker_thread, self.worker = jobs.start(self, window.store.path, self.job,
                                                     self.progressed, self.done, self.failed)
        self.dialog.canceled.connect(self.cancel)

    def job(self, store, progress, cancelled) -> str:  # runs on the worker thread
        self.outcome = import_files(store, self.paths, self.who, None, progress, cancelled)
        return "\n".join(self.outcome.lines)

    def cancel(self) -> None:
        self.worker.cancelled = True

    def progressed(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    def done(self, message: str) -> None:
        self.dialog.close()
        outcome = self.outcome or ImportOutcome()
        self.window.refresh_documents()
        icon = QMessageBox.Icon.Warning if outcome.errors else QMessageBox.Icon.Information
        box = QMessageBox(icon, "Import", f"{len(self.paths) - len(outcome.errors)} of "
                          f"{len(self.paths)} file(s) imported", parent=self.window)
        box.setDetailedText("\n".join([message] + [e.message for e in outcome.errors]))
        box.exec()

    def failed(self, message: str) -> None:
        self.dialog.close()
        QMessageBox.warning(self.window, "Import failed", message)


def run_import(window: MainWindow, paths: list[Path]) -> ImportJob | None:
    who: Annotator | None = window.session.annotator
    if needs_annotator(paths):
        name, ok = QInputDialog.getText(window, "Import annotations",
                                        "Whose annotations are in these doccano/brat files?")
        if not ok or not name.strip():
            return None
        who = Annotator(name.strip(), name.strip())
    return ImportJob(window, paths, who)
