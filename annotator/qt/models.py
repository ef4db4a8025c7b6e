"""Qt item models: thin adapters over core objects (document summaries, annotations)."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from operator import itemgetter

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from annotator.core.annotation import Annotation
from annotator.core.document import DocumentSummary

STATUS_LABELS = {"todo": "to do", "in_progress": "in progress", "done": "done"}
REVIEW_LABELS = {"not_reviewed": "", "in_review": "in review", "reviewed": "reviewed"}
DISPLAY = Qt.ItemDataRole.DisplayRole
ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class RowModel(QAbstractTableModel):
    """A table whose rows are objects with an ``id``; subclasses name the columns."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def row_of(self, row_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == row_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=DISPLAY):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return self.HEADERS[section]
        return None


class DocumentListModel(RowModel):
    HEADERS = ("Title", "Date", "Source", "Script", "Status", "Spans")

    def set_rows(self, rows: list[DocumentSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def update_row(self, summary: DocumentSummary) -> None:
        for i, row in enumerate(self.rows):
            if row.id == summary.id:
                self.rows[i] = summary
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.HEADERS) - 1))

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


class AnnotationTableModel(RowModel):
    """The open document's spans. Sorting and filtering happen on the Python objects and a
    one-span edit inserts or removes one row, so a 30,000-span document stays instant."""

    HEADERS = ("Text", "Tag", "Annotator", "Normalized", "Certainty", "Note")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.all: dict[str, Annotation] = {}
        self.text = ""
        self.needle = ""
        self.sort_column, self.descending = 0, False
        self.tag_name: Callable[[str], str] = str
        self.tag_colour: Callable[[str], str] = lambda t: "#ffffff"
        self.annotator_name: Callable[[str], str] = str

    # --- contents ------------------------------------------------------------------------
    def _values(self, a: Annotation) -> tuple:
        return (self.text[a.start:a.end], self.tag_name(a.tag), self.annotator_name(a.annotator),
                a.attributes.get("normalized", ""), a.attributes.get("certainty", ""),
                a.attributes.get("note", ""))

    def _key(self, a: Annotation):
        if self.sort_column == 0:
            return (a.start, a.end, a.id)
        return (str(self._values(a)[self.sort_column]), a.start, a.id)

    def _shown(self, a: Annotation) -> bool:
        return not self.needle or any(self.needle in str(v).lower() for v in self._values(a))

    def set_rows(self, text: str, rows: list[Annotation]) -> None:
        self.beginResetModel()
        self.text, self.all = text, {a.id: a for a in rows}
        self._rebuild()
        self.endResetModel()

    def _rebuild(self) -> None:
        shown = (a for a in self.all.values() if self._shown(a)) if self.needle \
            else self.all.values()
        if self.sort_column == 0:  # reading order: the key is the tuple's own prefix
            self.rows = sorted(shown, key=itemgetter(2, 3, 0), reverse=self.descending)
        else:
            self.rows = sorted(shown, key=self._key, reverse=self.descending)

    def set_filter(self, needle: str) -> None:
        self.beginResetModel()
        self.needle = needle.strip().lower()
        self._rebuild()
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self.sort_column, self.descending = column, order == Qt.SortOrder.DescendingOrder
        self._rebuild()
        self.layoutChanged.emit()

    def apply(self, removed: list[Annotation], added: list[Annotation]) -> list[Annotation]:
        """Remove and insert the rows an edit touched (``added`` already filtered); returns
        the removed annotations that the model held."""
        held = [self.all.pop(a.id) for a in removed if a.id in self.all]
        self.all.update((a.id, a) for a in added)
        for span_id in (a.id for a in held):
            row = self.row_of(span_id)
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()
        for a in added:
            if self._shown(a):
                row = self._insertion_row(a)
                self.beginInsertRows(QModelIndex(), row, row)
                self.rows.insert(row, a)
                self.endInsertRows()
        return held

    def _insertion_row(self, a: Annotation) -> int:
        if not self.descending:
            return bisect.bisect_left(self.rows, self._key(a), key=self._key)
        key = self._key(a)
        return sum(1 for r in self.rows if self._key(r) > key)

    def data(self, index, role=DISPLAY):
        a = self.rows[index.row()]
        if role == ID_ROLE:
            return a.id
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 1:
            return QColor(self.tag_colour(a.tag))
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return self._values(a)[index.column()]
        return None


class FilterProxy(QSortFilterProxyModel):
    """Case-insensitive substring filter over every column, sorting on SORT_ROLE."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(SORT_ROLE)
