"""File → Export…: format, filters, destination, and a progress bar; the export runs on a
worker thread with its own connection to the project, so the window stays responsive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThread
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)

from annotator.core.store import ProjectStore
from annotator.exporting import FORMATS, ExportOptions, ExportReport, export
from annotator.qt import i18n, jobs
from annotator.qt.dialogs import with_role
from annotator.qt.i18n import QT_TRANSLATE_NOOP

#: the formats' names in the window (annotator.exporting.FORMATS has them in English)
FORMAT_LABELS = {
    "tei": QT_TRANSLATE_NOOP("ExportDialog", "TEI P5 stand-off (lossless)"),
    "tei-inline": QT_TRANSLATE_NOOP("ExportDialog", "TEI P5 inline (one layer per file)"),
    "json": QT_TRANSLATE_NOOP("ExportDialog", "JSON (annotator dataset, lossless)"),
    "jsonl": QT_TRANSLATE_NOOP("ExportDialog", "JSONL + manifest (large corpora, lossless)"),
    "doccano": QT_TRANSLATE_NOOP("ExportDialog", "doccano JSONL"),
    "brat": QT_TRANSLATE_NOOP("ExportDialog",
                              "brat standoff (a folder: .txt + .ann per document)"),
    "conll": QT_TRANSLATE_NOOP("ExportDialog", "CoNLL character BIO"),
    "csv": QT_TRANSLATE_NOOP("ExportDialog", "CSV of spans (spreadsheets)"),
}
STATUSES = (("all", QT_TRANSLATE_NOOP("ExportDialog", "all")),
            ("accepted", QT_TRANSLATE_NOOP("ExportDialog", "accepted in review")),
            ("gold", QT_TRANSLATE_NOOP("ExportDialog", "gold")))


def report_line(report: ExportReport) -> str:
    """What an export wrote, in one translated line; then what it could not carry."""
    shown = ", ".join(str(f) for f in report.files[:3]) + (" …" if len(report.files) > 3 else "")
    n = report.documents  # (lupdate reads a plain name as the count)
    return "\n".join([QCoreApplication.translate(
        "ExportDialog", "exported %n document(s) as {format} to {files}", "", n).format(
        format=report.fmt, files=shown), *report.notes])


def format_label(name: str, label: str) -> str:
    source = FORMAT_LABELS.get(name)
    return QCoreApplication.translate("ExportDialog", source) if source else label


class ExportDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(self.tr("Export"))
        self.store = window.store
        self.blind = window.editor.blind  # what blind annotation hides from me stays out
        self.format = QComboBox()
        for name, (label, _) in FORMATS.items():
            self.format.addItem(format_label(name, label), name)
        self.annotators = QListWidget()
        self.annotators.setMaximumHeight(110)
        for a in self.store.annotators():
            item = QListWidgetItem(with_role(a))
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setCheckState(Qt.CheckState.Checked)
            self.annotators.addItem(item)
        self.status = QComboBox()
        for value, text in STATUSES:
            self.status.addItem(self.tr(text), value)
        self.groups = {g.id: QCheckBox(g.name(i18n.tag_lang())) for g in window.tagset.groups}
        for box in self.groups.values():
            box.setChecked(True)
        self.split = QLineEdit(placeholderText=self.tr("e.g. 80/10/10 (empty: no split)"))
        self.seed = QSpinBox(maximum=2**31 - 1)
        self.out = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.progress = QProgressBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self._cancel)
        self._layout(browse)
        self.worker_thread: QThread | None = None
        self.worker: jobs.Worker | None = None

    def _layout(self, browse) -> None:
        groups = QWidget()
        row = QHBoxLayout(groups)
        row.setContentsMargins(0, 0, 0, 0)
        for box in self.groups.values():
            row.addWidget(box)
        out = QWidget()
        out_row = QHBoxLayout(out)
        out_row.setContentsMargins(0, 0, 0, 0)
        out_row.addWidget(self.out)
        out_row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("&Format"), self.format)
        form.addRow(self.tr("&Annotators"), self.annotators)
        form.addRow(self.tr("&Review status"), self.status)
        form.addRow(self.tr("Tag &groups"), groups)
        form.addRow(self.tr("&Split by document"), self.split)
        form.addRow(self.tr("Split s&eed"), self.seed)
        form.addRow(self.tr("&Save to"), out)
        form.addRow(self.progress)
        form.addRow(self.buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.out.text())
        if path:
            self.out.setText(path)

    def options(self) -> ExportOptions:
        items = [self.annotators.item(i) for i in range(self.annotators.count())]
        chosen = {i.data(Qt.ItemDataRole.UserRole) for i in items
                  if i and i.checkState() == Qt.CheckState.Checked}
        return ExportOptions.build(
            fmt=self.format.currentData(), out=Path(self.out.text()),
            annotators=chosen if len(chosen) < len(items) else None,
            status=self.status.currentData(),
            groups={g for g, box in self.groups.items() if box.isChecked()},
            split=self.split.text().strip() or None, seed=self.seed.value())

    def _start(self) -> None:
        try:
            options = self.options()
        except ValueError as e:
            QMessageBox.warning(self, self.tr("Export"), str(e))
            return
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

        def job(store: ProjectStore, progress, cancelled) -> str:
            return report_line(export(store, options, progress, cancelled, self.blind))

        self.worker_thread, self.worker = jobs.start(
            self, self.store.reopen, job, self._progressed, self._done, self._failed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _stop_thread(self) -> None:
        if self.worker_thread is not None:
            self.worker_thread.wait()
            self.worker_thread = None

    def _done(self, message: str) -> None:
        self._stop_thread()
        QMessageBox.information(self, self.tr("Export"), message)
        self.accept()

    def _failed(self, message: str) -> None:
        self._stop_thread()
        QMessageBox.warning(self, self.tr("Export failed"), message)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def _cancel(self) -> None:
        if self.worker is not None and self.worker_thread is not None:
            self.worker.cancelled = True
            return
        self.reject()
