"""Qt item models: thin adapters over core objects (document summaries, annotations)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from annotator.core.annotation import Annotation
from annotator.core.document import DocumentSummary

STATUS_LABELS = {"todo": "to do", "in_progress": "in progress", "done": "done"}
REVIEW_LABELS = {"not_reviewed": "", "in_review": "in review", "reviewed": "reviewed"}
DISPLAY = Qt.ItemDataRole.DisplayRole
ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentListModel(QAbstractTableModel):
    HEADERS = ("Title", "Date", "Source", "Script", "Status", "Spans")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[DocumentSummary] = []

    def set_rows(self, rows: list[DocumentSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def update_row(self, summary: DocumentSummary) -> None:
        for i, row in enumerate(self.rows):
            if row.id == summary.id:
                self.rows[i] = summary
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.HEADERS) - 1))

    def row_of(self, doc_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == doc_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=DISPLAY):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return self.HEADERS[section]
        return None

    def data(self, index, role=DISPLAY):
        r = self.rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return r.id
        if role in (DISPLAY, SORT_ROLE):
            values = (r.title, r.date or "", r.source or "", "/".join(r.languages) or r.script,
                      _status_text(r), r.annotations)
            return values[col] if role == SORT_ROLE or col != 5 else str(r.annotations)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{r.title}\n{r.id} · {r.length} characters"
        return None


def _status_text(r: DocumentSummary) -> str:
    review = REVIEW_LABELS[r.review_status]
    return STATUS_LABELS[r.status] + (f" · {review}" if review else "")


class AnnotationTableModel(QAbstractTableModel):
    HEADERS = ("Text", "Tag", "Annotator", "Normalized", "Certainty", "Note")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Annotation] = []
        self.text = ""
        self.tag_name: Callable[[str], str] = str
        self.tag_colour: Callable[[str], str] = lambda t: "#ffffff"
        self.annotator_name: Callable[[str], str] = str

    def set_rows(self, text: str, rows: list[Annotation]) -> None:
        self.beginResetModel()
        self.text, self.rows = text, rows
        self.endResetModel()

    def row_of(self, span_id: str) -> int:
        return next((i for i, a in enumerate(self.rows) if a.id == span_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=DISPLAY):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return self.HEADERS[section]
        return None

    def data(self, index, role=DISPLAY):
        a = self.rows[index.row()]
        if role == ID_ROLE:
            return a.id
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 1:
            return QColor(self.tag_colour(a.tag))
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 0:
            return QBrush(QColor(self.tag_colour(a.tag)).lighter(115))
        if role in (DISPLAY, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            values = (self.text[a.start:a.end], self.tag_name(a.tag),
                      self.annotator_name(a.annotator), a.attributes.get("normalized", ""),
                      a.attributes.get("certainty", ""), a.attributes.get("note", ""))
            if role == SORT_ROLE and index.column() == 0:
                return a.start
            return values[index.column()]
        return None


class FilterProxy(QSortFilterProxyModel):
    """Case-insensitive substring filter over every column, sorting on SORT_ROLE."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(SORT_ROLE)
