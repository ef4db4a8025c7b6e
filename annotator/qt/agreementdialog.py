"""Document → Agreement…: the agreement table (per document, tag, group or overall),
computed on a worker thread. Activating a row opens its disagreements in review mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QThread
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from annotator.core.errors import Cancelled
from annotator.core.store import ProjectStore
from annotator.qt import i18n, jobs, review
from annotator.qt.i18n import QT_TRANSLATE_NOOP
from annotator.review.agreement import TOO_FEW
from annotator.review.relreport import RELATION_COLUMNS
from annotator.review.report import COLUMNS, Agreement, project_agreement

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

LOW = 0.67  # Krippendorff's threshold for tentative conclusions
#: One row per ... (the value passed to project_agreement, shown translated)
BY = (("doc", QT_TRANSLATE_NOOP("AgreementDialog", "document")),
      ("group", QT_TRANSLATE_NOOP("AgreementDialog", "tag group")),
      ("tag", QT_TRANSLATE_NOOP("AgreementDialog", "tag")),
      ("overall", QT_TRANSLATE_NOOP("AgreementDialog", "overall")),
      ("relation", QT_TRANSLATE_NOOP("AgreementDialog", "relation type")))
#: the computation's refusals that the window words itself (by how the message begins)
FAILURES = {TOO_FEW: QT_TRANSLATE_NOOP("AgreementDialog",
                                       "it needs the spans of at least two annotators")}
#: the report's columns as the table heads them
HEADERS = {"scope": QT_TRANSLATE_NOOP("AgreementDialog", "Scope"),
           "n_units": QT_TRANSLATE_NOOP("AgreementDialog", "Units"),
           "cohen_kappa": QT_TRANSLATE_NOOP("AgreementDialog", "Cohen's κ"),
           "fleiss_kappa": QT_TRANSLATE_NOOP("AgreementDialog", "Fleiss' κ"),
           "krippendorff_alpha": QT_TRANSLATE_NOOP("AgreementDialog", "Krippendorff's α"),
           "unitizing_alpha": QT_TRANSLATE_NOOP("AgreementDialog", "Unitizing αu"),
           "f1_exact": QT_TRANSLATE_NOOP("AgreementDialog", "F1 (exact)"),
           "f1_overlap": QT_TRANSLATE_NOOP("AgreementDialog", "F1 (overlap)"),
           "n_relations": QT_TRANSLATE_NOOP("AgreementDialog", "Relations")}


class AgreementDialog(QDialog):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Agreement"))
        self.by = QComboBox()
        for value, text in BY:
            self.by.addItem(self.tr(text), value)
        self.status = QLabel(self.tr("Computing…"))
        self.table = QTableWidget(0, len(COLUMNS))
        self._columns(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("One row per")))
        top.addWidget(self.by)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.resize(900, 420)
        self.by.currentIndexChanged.connect(self.compute)
        self.table.cellActivated.connect(self.open_row)
        self.table.cellDoubleClicked.connect(self.open_row)
        self.worker_thread: QThread | None = None
        self.worker: jobs.Worker | None = None
        self.outcome: Agreement | None = None
        self.run = 0  # the computation whose result is wanted
        self.rows: list[dict] = []
        self.compute()

    def compute(self, *_) -> None:
        """(Re)compute on a worker thread; one under way is cancelled first."""
        self.stop()
        self.run += 1
        by, run = self.by.currentData(), self.run
        self.status.setText(self.tr("Computing…"))

        def job(store: ProjectStore, progress, cancelled):
            try:  # relation rows come with every report (the overall one is quickest)
                outcome = project_agreement(store, None, "overall" if by == "relation" else by,
                                            progress=progress, cancelled=cancelled)
            except Cancelled:
                return ""
            if run == self.run:
                self.outcome = outcome
            return str(run)

        self.worker_thread, self.worker = jobs.start(self, self.window_.store.reopen, job,
                                                     self.progressed, self.show_rows,
                                                     self.failed)

    def progressed(self, done: int, total: int) -> None:
        if total:
            self.status.setText(self.tr("Computing… {done} of %Ln document(s)", "",
                                        total).format(done=QLocale().toString(done)))

    def stop(self) -> None:
        """Cancel the computation under way, if any, and wait for it to end."""
        if self.worker is not None and self.worker_thread is not None \
                and self.worker_thread.isRunning():
            self.worker.cancelled = True
            self.worker_thread.wait()

    def done(self, result: int) -> None:
        self.stop()
        super().done(result)

    def failed(self, message: str) -> None:
        known = next((v for k, v in FAILURES.items() if message.startswith(k)), None)
        self.status.setText(self.tr("Cannot compute agreement: {message}").format(
            message=self.tr(known) if known else message))

    def show_rows(self, run: str) -> None:
        if run != str(self.run):
            return  # cancelled, or superseded by a newer computation
        if self.outcome is None:
            return
        relations = self.by.currentData() == "relation"
        rows = self.outcome.relation_rows if relations else self.outcome.rows
        columns = RELATION_COLUMNS if relations else COLUMNS
        self._columns(columns)
        self.rows = rows
        self.table.setRowCount(len(rows))
        titles = self._scope_names()
        for r, row in enumerate(rows):
            for c, column in enumerate(columns):
                value = row.get(column)
                text = titles.get(str(value), value) if column == "scope" else \
                    ("—" if value is None else f"{value:.3f}" if isinstance(value, float)
                     else str(value))
                item = QTableWidgetItem(str(text))
                if isinstance(value, float) and value < LOW:
                    item.setBackground(QBrush(QColor("#f4b6b6")))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr(
            "{annotators} · uncoded text counts as a category · red: below {low} · Enter or "
            "double-click opens the disagreements").format(annotators=self._who(), low=LOW))

    def _columns(self, columns: tuple[str, ...]) -> None:
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(
            [self.tr(HEADERS[c]) if c in HEADERS else c for c in columns])

    def _who(self) -> str:
        """The annotators compared, then those with no spans of their own ("wang: no
        spans of their own")."""
        assert self.outcome is not None
        none = self.tr("{name}: no spans of their own")
        return " · ".join([", ".join(self.outcome.annotators),
                           *(none.format(name=a) for a in self.outcome.without_spans)])

    def _scope_names(self) -> dict[str, str]:
        """What a row's scope is called: a document's title, a tag's or group's name."""
        lang = i18n.tag_lang()
        names = {d.id: d.title for d in self.window_.store.documents()}
        tagset = self.window_.tagset
        if tagset is not None:
            names.update({g.id: g.name(lang) for g in tagset.groups})
            names.update({t.id: t.name(lang) for t in tagset.tags})
            if self.by.currentData() == "relation":
                names.update({t.id: t.name(lang) for t in tagset.relations})
        names["overall"] = self.tr("overall")
        return names

    def open_row(self, row: int, _column: int = 0) -> None:
        scope = self.rows[row]["scope"]
        if self.by.currentData() == "doc" and scope in {d.id for d in
                                                        self.window_.store.documents()}:
            self.window_.open_document(scope)
        review.enter(self.window_)
