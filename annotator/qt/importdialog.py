"""File → Import…: files of any supported kind, imported on a worker thread with a
progress dialog; doccano/brat files ask whose annotations they hold."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMessageBox, QProgressDialog

from annotator.core.annotation import Annotator
from annotator.interchange import import_files, needs_annotator
from annotator.qt import jobs

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow


def run_import(window: MainWindow, paths: list[Path]) -> None:
    who: Annotator | None = window.session.annotator
    if needs_annotator(paths):
        name, ok = QInputDialog.getText(window, "Import annotations",
                                        "Whose annotations are in these doccano/brat files?")
        if not ok or not name.strip():
            return
        who = Annotator(name.strip(), name.strip())
    dialog = QProgressDialog("Importing…", "Cancel", 0, len(paths), window)
    dialog.setWindowTitle("Import")
    dialog.setMinimumDuration(0)
    state: dict = {}

    def job(store, progress, cancelled) -> str:
        outcome = import_files(store, paths, who, None, progress, cancelled)
        state["outcome"] = outcome
        return "\n".join(outcome.lines)

    def done(message: str) -> None:
        dialog.close()
        outcome = state["outcome"]
        window.refresh_documents()
        box = QMessageBox(QMessageBox.Icon.Warning if outcome.errors else
                          QMessageBox.Icon.Information, "Import",
                          f"{len(paths) - len(outcome.errors)} of {len(paths)} file(s) "
                          f"imported", parent=window)
        box.setDetailedText("\n".join([message] + [e.message for e in outcome.errors]))
        box.exec()

    def failed(message: str) -> None:
        dialog.close()
        QMessageBox.warning(window, "Import failed", message)

    def progressed(done_files: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done_files)

    thread, worker = jobs.start(window, window.store.path, job, progressed, done, failed)
    dialog.canceled.connect(lambda: setattr(worker, "cancelled", True))
    window.jobs.append((thread, worker))  # kept alive until the window goes
