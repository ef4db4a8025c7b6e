"""The statistics view's Team progress tab: per annotator, documents assigned, done and in
progress, spans, active hours and agreement so far on the documents done by two
(:mod:`annotator.stats.progress`, the figures ``annotator progress`` prints), and each
pair's agreement. Computed on a worker thread with its own connection when the tab is
first shown, and again on Refresh; exported as CSV."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.qt.i18n import QT_TRANSLATE_NOOP
from annotator.qt.jobs import Background, Opener, opener
from annotator.stats.progress import Progress, as_csv, progress

if TYPE_CHECKING:
    from annotator.qt.statsview import StatsView

translate = QCoreApplication.translate
TITLE = QT_TRANSLATE_NOOP("ProgressView", "Team progress")
COLUMNS = (("name", QT_TRANSLATE_NOOP("ProgressView", "Annotator")),
           ("assigned", QT_TRANSLATE_NOOP("ProgressView", "Assigned")),
           ("done", QT_TRANSLATE_NOOP("ProgressView", "Done")),
           ("in_progress", QT_TRANSLATE_NOOP("ProgressView", "In progress")),
           ("spans", QT_TRANSLATE_NOOP("ProgressView", "Spans")),
           ("active_hours", QT_TRANSLATE_NOOP("ProgressView", "Active hours")),
           ("agreement_documents", QT_TRANSLATE_NOOP("ProgressView", "Done with others")),
           ("krippendorff_alpha", QT_TRANSLATE_NOOP("ProgressView", "Agreement α")),
           ("f1_overlap", QT_TRANSLATE_NOOP("ProgressView", "Span F1")))
PAIRS = (("pair", QT_TRANSLATE_NOOP("ProgressView", "Pair")),
         ("documents", QT_TRANSLATE_NOOP("ProgressView", "Documents done by both")),
         ("cohen_kappa", QT_TRANSLATE_NOOP("ProgressView", "Cohen's κ")),
         ("krippendorff_alpha", QT_TRANSLATE_NOOP("ProgressView", "Krippendorff's α")),
         ("f1_exact", QT_TRANSLATE_NOOP("ProgressView", "F1 exact")),
         ("f1_overlap", QT_TRANSLATE_NOOP("ProgressView", "F1 overlap")))


def _job(open_store: Opener) -> Progress | Exception:
    try:
        with open_store() as store:
            return progress(store)
    except Exception as e:  # noqa: BLE001 — shown in the tab's status line
        return e


def _cell(value) -> QTableWidgetItem:
    text = "—" if value is None else f"{value + 0.0:.2f}".replace("-0.00", "0.00") \
        if isinstance(value, float) else str(value)
    item = QTableWidgetItem(text)
    if not isinstance(value, str):
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(columns) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels([translate("ProgressView", t) for _, t in columns])
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ProgressPage(QWidget):
    def __init__(self, view: StatsView):
        super().__init__()
        self.view = view
        self.found: Progress | None = None
        self.token = 0
        self.status = QLabel()
        self.people = _table(COLUMNS)
        self.pairs = _table(PAIRS)
        note = QLabel(self.tr("Active hours: the time between edits, pauses over ten minutes "
                              "left out. Agreement: over the documents both of a pair have "
                              "marked done."), wordWrap=True)
        refresh, export = QPushButton(self.tr("Refresh")), QPushButton(self.tr("Export CSV…"))
        refresh.clicked.connect(self.compute)
        export.clicked.connect(self.export_dialog)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(refresh)
        top.addWidget(export)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.people, 2)
        layout.addWidget(self.pairs, 1)
        layout.addWidget(note)

    def compute(self) -> None:
        self.token += 1
        self.status.setText(self.tr("Computing…"))
        store = self.view.window_.store
        open_store = opener(store)
        if open_store is None:
            self.take(progress(store), self.token)
            return
        job = Background("progress", partial(_job, open_store), self.token, self)
        job.launch(self._received)  # a method of this page: called in the GUI thread

    def _received(self, result: object) -> None:
        job = self.sender()
        if isinstance(job, Background):
            self.take(result, job.token)

    def take(self, result: object, token: int) -> None:
        if token != self.token:
            return
        if isinstance(result, Exception):
            self.status.setText(self.tr("Cannot compute the progress: {error}").format(
                error=result))
            return
        assert isinstance(result, Progress)
        self.found = result
        self.status.setText(self.tr("%n annotator(s)", "", len(result.annotators)))
        self.people.setRowCount(len(result.annotators))
        for r, row in enumerate(result.annotators):
            for c, (key, _) in enumerate(COLUMNS):
                self.people.setItem(r, c, _cell(getattr(row, key)))
        self.pairs.setRowCount(len(result.pairs))
        for r, pair in enumerate(result.pairs):
            self.pairs.setItem(r, 0, _cell(f"{pair.a} × {pair.b}"))
            for c, (key, _) in enumerate(PAIRS[1:], 1):
                self.pairs.setItem(r, c, _cell(getattr(pair, key)))
        self.people.resizeColumnsToContents()
        self.pairs.resizeColumnsToContents()

    def export_dialog(self) -> None:
        if self.found is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export team progress as CSV"),
                                              str(Path.home() / "progress.csv"), "CSV (*.csv)")
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> bool:
        assert self.found is not None
        try:
            path.write_text(as_csv(self.found), encoding="utf-8")
        except OSError as e:
            self.status.setText(self.tr("{path}: cannot export: {reason}").format(
                path=path, reason=e.strerror or e))
            return False
        self.status.setText(self.tr("Exported {path}").format(path=path))
        return True


def attach(view: StatsView) -> ProgressPage:
    """The tab, computed when first shown."""
    page = ProgressPage(view)
    view.tabs.addTab(page, translate("ProgressView", TITLE))
    view.tabs.currentChanged.connect(
        lambda _i: page.compute() if view.tabs.currentWidget() is page and
        page.found is None and page.token == 0 else None)
    return page
