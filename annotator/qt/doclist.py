"""The document list dock: filterable, sortable table of the project's documents."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

from annotator.core.document import DocumentSummary
from annotator.qt.models import ID_ROLE, DocumentListModel, FilterProxy


class DocumentList(QWidget):
    documentChosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = DocumentListModel(self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(placeholderText="Filter documents…", clearButtonEnabled=True)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        # sortable by clicking a header; until then, the project's own order
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.activated.connect(self._chosen)
        self.table.clicked.connect(self._chosen)

    def _chosen(self, index) -> None:
        doc_id = index.data(ID_ROLE)
        if doc_id:
            self.documentChosen.emit(doc_id)

    def set_rows(self, rows: list[DocumentSummary]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 220))

    def update_row(self, summary: DocumentSummary) -> None:
        self.model.update_row(summary)

    def mark_current(self, doc_id: str) -> None:
        index = self.proxy.mapFromSource(self.model.index(self.model.row_of(doc_id), 0))
        self.table.selectRow(index.row())

    def ids_in_view(self) -> list[str]:
        """Document ids in the order shown (filtered and sorted)."""
        rows = [self.proxy.mapToSource(self.proxy.index(i, 0)).row()
                for i in range(self.proxy.rowCount())]
        return [self.model.rows[r].id for r in rows]

    def position(self, doc_id: str) -> tuple[int, int]:
        return self.model.row_of(doc_id) + 1, len(self.model.rows)
