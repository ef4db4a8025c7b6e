"""Document → Agreement…: the agreement table (per document, tag, group or overall),
computed on a worker thread. Activating a row opens its disagreements in review mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QThread
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

from annotator.qt import jobs, review
from annotator.review.report import COLUMNS, project_agreement

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

LOW = 0.67  # Krippendorff's threshold for tentative conclusions


class AgreementDialog(QDialog):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Agreement")
        self.by = QComboBox()
        self.by.addItems(["doc", "group", "tag", "overall"])
        self.status = QLabel("Computing…")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        top = QHBoxLayout()
        top.addWidget(QLabel("One row per"))
        top.addWidget(self.by)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.resize(900, 420)
        self.by.currentTextChanged.connect(self.compute)
        self.table.cellActivated.connect(self.open_row)
        self.table.cellDoubleClicked.connect(self.open_row)
        self.worker_thread: QThread | None = None
        self.outcome: tuple[list[str], list[dict]] = ([], [])
        self.rows: list[dict] = []
        self.compute()

    def compute(self, *_) -> None:
        by = self.by.currentText()
        self.status.setText("Computing…")

        def job(store, progress, cancelled):
            self.outcome = project_agreement(store, None, by)
            return by

        self.worker_thread, self.worker = jobs.start(self, self.window_.store.path, job,
                                                     lambda d, t: None, self.show_rows,
                                                     self.failed)

    def failed(self, message: str) -> None:
        self.status.setText(f"Cannot compute agreement: {message}")

    def show_rows(self, by: str) -> None:
        annotators, rows = self.outcome
        self.rows = rows
        self.table.setRowCount(len(rows))
        titles = {d.id: d.title for d in self.window_.store.documents()}
        for r, row in enumerate(rows):
            for c, column in enumerate(COLUMNS):
                value = row.get(column)
                text = titles.get(value, value) if column == "scope" else \
                    ("—" if value is None else f"{value:.3f}" if isinstance(value, float)
                     else str(value))
                item = QTableWidgetItem(str(text))
                if isinstance(value, float) and column != "n_units" and value < LOW:
                    item.setBackground(QBrush(QColor("#f4b6b6")))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.status.setText(f"{', '.join(annotators)} · uncoded text counts as a category · "
                            f"red: below {LOW} · Enter or double-click opens the disagreements")

    def open_row(self, row: int, _column: int = 0) -> None:
        scope = self.rows[row]["scope"]
        if self.by.currentText() == "doc" and scope in {d.id for d in
                                                        self.window_.store.documents()}:
            self.window_.open_document(scope)
        review.enter(self.window_)
