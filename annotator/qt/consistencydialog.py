"""Document → Check consistency…: the same text tagged differently, tagged here but missed
there, spans that cut a word; activating a row jumps to the place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from annotator.review.consistency import project_findings, summary

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

HEADERS = ["Kind", "Text", "Document", "Offset", "Detail"]


class ConsistencyDialog(QDialog):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Consistency")
        self.findings = project_findings(window.store)
        self.table = QTableWidget(len(self.findings), len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        for r, f in enumerate(self.findings):
            for c, value in enumerate((f.kind, f.form, f.title, str(f.start), f.detail)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        counts = ", ".join(f"{n} {kind}" for kind, n in summary(self.findings).items() if n)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{len(self.findings)} findings" + (f": {counts}" if counts
                                                                   else "")))
        layout.addWidget(self.table)
        self.resize(900, 480)
        self.table.cellActivated.connect(self.jump)
        self.table.cellDoubleClicked.connect(self.jump)

    def jump(self, row: int, _column: int = 0) -> None:
        f = self.findings[row]
        self.window_.jump_to(f.doc_id, f.start, f.end)
