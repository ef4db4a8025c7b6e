"""The Search dock (Ctrl+Shift+F): corpus-wide search, simplified and traditional alike,
shown as a concordance; Enter or a double-click jumps to the hit in the reader."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.concordance import Row, rows

PAGE = 200
HEADERS = ["Document", "Left", "Match", "Right"]


class HitTable(QTableWidget):
    """Takes Enter for itself, before the window's shortcuts see it."""

    chosen = Signal(int)

    def event(self, e) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and e.key() in (Qt.Key.Key_Return,
                                                                    Qt.Key.Key_Enter):
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e) -> None:  # noqa: N802
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.chosen.emit(self.currentRow())
        else:
            super().keyPressEvent(e)


class SearchPanel(QWidget):
    jump = Signal(str, int, int)  # doc id, start, end (code points)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.store = None
        self.rows: list[Row] = []
        self.query = QLineEdit(placeholderText="Search the corpus (简/繁 alike)…",
                               clearButtonEnabled=True)
        self.count = QLabel()
        self.table = HitTable(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for w in (self.query, self.count, self.table):
            layout.addWidget(w)
        self.query.returnPressed.connect(self.run)
        self.table.chosen.connect(self._chosen)
        self.table.cellDoubleClicked.connect(lambda r, _c: self._chosen(r))

    def run(self) -> None:
        text = self.query.text().strip()
        if self.store is None or not text:
            return
        hits = self.store.search(text, limit=PAGE)
        self.rows = rows(hits, self.store.document)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, value in enumerate((row.title, row.left, row.match, row.right)):
                item = QTableWidgetItem(value)
                if c == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        more = " (first page)" if len(hits) == PAGE else ""
        self.count.setText(f"{len(hits)} matches{more}" if hits else "no matches")
        if hits:
            self.table.setCurrentCell(0, 2)
            self.table.setFocus()

    def _chosen(self, row: int) -> None:
        hit = self.rows[row]
        self.jump.emit(hit.doc_id, hit.start, hit.end)


def open_search(window) -> None:
    """Edit → Search the corpus: show the dock, put the keyboard in the query."""
    dock = window.docks["search"]
    dock.show()
    dock.raise_()
    window.search.query.setFocus()
    window.search.query.selectAll()
