"""File → Import… and File → Merge annotators' work…: the work runs on a worker thread
with a progress dialog; a summary (with details) follows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QProgressDialog

from annotator.core.annotation import Annotator
from annotator.core.errors import InputError
from annotator.core.store import ProjectStore
from annotator.ingest.progress import ImportProgress, clock_time
from annotator.interchange import ImportOutcome, import_files, needs_annotator
from annotator.qt import jobs

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

#: work(store, progress(done, total, documents or -1), cancelled) -> (detail lines, errors,
#: headline of the summary)
Work = Callable[..., tuple[list[str], list[InputError], str]]
translate = QCoreApplication.translate


def documents_text(n: int) -> str:
    return translate("FileTask", "%Ln document(s)", "", n)


def progress_line(p: ImportProgress) -> str:
    """``1,234 of 10,000 files · 1,230 documents · 180 files/s · 0:48 left`` (as
    :meth:`ImportProgress.line`, translated)."""
    total = p.total  # (lupdate reads a plain name as the count)
    parts = [translate("FileTask", "{done} of %Ln file(s)", "", total).format(
        done=QLocale().toString(p.done)), documents_text(p.documents)]
    rate, eta = p.rate(), p.eta()
    if rate:
        parts.append(translate("FileTask", "{rate} files/s").format(rate=f"{rate:,.0f}"))
    if p.total and p.done >= p.total:
        parts.append(translate("FileTask", "{time} in all").format(time=clock_time(p.elapsed())))
    elif eta is not None:
        parts.append(translate("FileTask", "{time} left").format(time=clock_time(eta)))
    return " · ".join(parts)


def cancelled_message(done: int, total: int, documents: int) -> str:
    """What a cancelled import leaves behind, in one line (as
    :func:`annotator.ingest.progress.cancelled_message`, translated)."""
    number = QLocale().toString
    return translate(
        "FileTask", "Cancelled: %Ln document(s) imported from {done} of {total} files "
        "(each whole); the other files were not read: import them again to add them "
        "(documents already there are skipped)", "", documents).format(
        done=number(done), total=number(total))


def files_done(done: int, total: int) -> str:
    return translate("FileTask", "{done} of %n file(s) done", "", total).format(done=done)


class FileTask(QObject):
    """Lives in the GUI thread, so the worker's signals reach its methods there."""

    counted = Signal(int, int, int)  # done, total, documents (-1: not counted)

    def __init__(self, window: MainWindow, title: str, paths: list[Path], work: Work):
        super().__init__(window)
        self.window, self.title, self.paths, self.work = window, title, paths, work
        self.errors: list[InputError] = []
        self.headline = ""
        self.progress = ImportProgress(len(paths))
        self.dialog = QProgressDialog(f"{title}…", self.tr("Cancel"), 0, len(paths), window)
        self.dialog.setWindowTitle(title)
        self.dialog.setMinimumDuration(0)
        self.counted.connect(self.progressed)
        self.worker_thread, self.worker = jobs.start(self, window.store.reopen, self.job,
                                                     lambda *_: None, self.done, self.failed)
        self.dialog.canceled.connect(self.cancel)

    def job(self, store: ProjectStore, _progress, cancelled) -> str:  # runs on the worker thread
        lines, self.errors, self.headline = self.work(store, self.counted.emit, cancelled)
        return "\n".join(lines)

    def cancel(self) -> None:
        """Stop after the file being read; what was read is stored (whole documents), so
        the dialog stays up, busy, until the worker has finished."""
        self.worker.cancelled = True
        self.dialog.setCancelButton(None)
        self.dialog.setRange(0, 0)
        self.dialog.setLabelText(self.tr("Cancelling: storing the documents read so far "
                                         "({documents})…").format(
            documents=f"{self.progress.documents:,}"))
        self.dialog.show()

    def progressed(self, done: int, total: int, documents: int) -> None:
        if self.worker.cancelled:
            return
        self.progress.update(done, total, documents)
        if documents >= 0:
            self.dialog.setLabelText(f"{self.title}…\n{progress_line(self.progress)}")
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    def done(self, message: str) -> None:
        self.dialog.close()
        self.window.refresh_documents()
        if self.window.editor.doc is not None:
            self.window.open_document(self.window.editor.doc.id)
        elif ids := self.window.doc_list.ids_in_view():  # the project was empty
            self.window.open_document(ids[0])
        icon = QMessageBox.Icon.Warning if self.errors else QMessageBox.Icon.Information
        box = QMessageBox(icon, self.title, self.headline, parent=self.window)
        box.setDetailedText("\n".join([message] + [e.message for e in self.errors]))
        box.exec()

    def failed(self, message: str) -> None:
        self.dialog.close()
        QMessageBox.warning(self.window, self.tr("{title} failed").format(title=self.title),
                            message)


def run_import(window: MainWindow, paths: list[Path]) -> FileTask | None:
    if window.store.read_only:
        window.statusBar().showMessage(translate(
            "FileTask", "Nothing can be imported: the project is read-only here ({why}).").format(
            why=window.store.read_only), 8000)
        return None
    who: Annotator | None = window.session.annotator
    if needs_annotator(paths):
        name, ok = QInputDialog.getText(
            window, translate("FileTask", "Import annotations"),
            translate("FileTask", "Whose annotations are in these doccano/brat files?"))
        if not ok or not name.strip():
            return None
        who = Annotator(name.strip(), name.strip())

    def work(store: ProjectStore, progress, cancelled):
        outcome = import_files(store, paths, who, None, progress, cancelled)
        return outcome.lines, outcome.errors, import_headline(outcome)

    return FileTask(window, translate("FileTask", "Import"), paths, work)


def import_headline(outcome: ImportOutcome) -> str:
    """``3 of 4 file(s) done``, or what a cancelled import left (whole documents only)."""
    if outcome.cancelled:
        return cancelled_message(outcome.done, outcome.total, outcome.documents)
    return files_done(outcome.done - len(outcome.errors), outcome.total)


def run_merge(window: MainWindow, paths: list[Path]) -> FileTask:
    from annotator.review.merge import merge

    def work(store: ProjectStore, progress, cancelled):
        lines: list[str] = []
        errors: list[InputError] = []
        for n, path in enumerate(paths):
            if cancelled():
                break
            progress(n, len(paths), -1)
            try:
                report = merge(store, path)
                lines += report.lines() + [f"backup: {report.backup}"]
                errors += [InputError(path, r) for r in report.refused]
            except InputError as e:
                errors.append(e)
        return lines, errors, files_done(len(paths) - len(errors), len(paths))

    return FileTask(window, translate("FileTask", "Merge"), paths, work)
