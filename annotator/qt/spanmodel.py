"""The annotation panel's table: the open document's spans.

The model holds the spans in reading order ``(start, end, id)`` as the span index hands
them over, and shows that very list while the table is sorted by text and unfiltered (the
usual case): opening a document with 300,000 spans copies a list, no dict, no sort, no
Python code per span. A one-span edit inserts or removes one row, found by bisection."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from operator import itemgetter

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from annotator import zh
from annotator.core.annotation import Annotation
from annotator.qt.i18n import QT_TRANSLATE_NOOP
from annotator.qt.models import (
    DECORATION,
    DISPLAY,
    ID_ROLE,
    TOOLTIP,
    RowModel,
    certainty_label,
)

#: reading order, the order of the span index
_reading: Callable[[Annotation], tuple[int, int, str]] = itemgetter(2, 3, 0)
_TAG, _ATTRIBUTES = itemgetter(4), itemgetter(6)
_SERVED = frozenset({DISPLAY, TOOLTIP, DECORATION, ID_ROLE})


class AnnotationTableModel(RowModel):
    """``spans``: every span shown in the reader; ``rows``: those the filter lets through,
    in the table's sort order (the same list object as ``spans`` when that is reading
    order and no filter is set)."""

    HEADERS = (QT_TRANSLATE_NOOP("Models", "Text"), QT_TRANSLATE_NOOP("Models", "Tag"),
               QT_TRANSLATE_NOOP("Models", "Annotator"), QT_TRANSLATE_NOOP("Models", "Normalized"),
               QT_TRANSLATE_NOOP("Models", "Certainty"), QT_TRANSLATE_NOOP("Models", "Note"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.spans: list[Annotation] = []
        self.text = ""
        self.needle = ""
        self.sort_column, self.descending = 0, False
        self.tag_name: Callable[[str], str] = str
        self.tag_colour: Callable[[str], str] = lambda t: "#ffffff"
        self.annotator_name: Callable[[str], str] = str
        # a span by id, where the window has a faster way than a scan (its span index)
        self.find: Callable[[str], Annotation | None] | None = None

    @property
    def all(self) -> dict[str, Annotation]:
        """id → span, made on each call (O(n): for tests and rare uses)."""
        return {a.id: a for a in self.spans}

    def tag_counts(self) -> Counter[str]:
        """How many spans of each tag the model holds (at C speed: no Python per span)."""
        return Counter(map(_TAG, self.spans))

    def known_names(self) -> list[str]:
        """The normalized names given so far, sorted (most spans have no attributes)."""
        attributes = filter(None, map(_ATTRIBUTES, self.spans))
        return sorted({a["normalized"] for a in attributes if "normalized" in a})

    # --- contents ------------------------------------------------------------------------
    def _values(self, a: Annotation) -> tuple:
        return (self.text[a.start:a.end], self.tag_name(a.tag), self.annotator_name(a.annotator),
                a.attributes.get("normalized", ""),
                certainty_label(a.attributes.get("certainty", "")),
                a.attributes.get("note", ""))

    def _key(self, a: Annotation):
        if self.sort_column == 0:
            return (a.start, a.end, a.id)
        return (str(self._values(a)[self.sort_column]), a.start, a.id)

    def _shown(self, a: Annotation) -> bool:
        # one fold per row, not per column (the values joined by a line break, which a
        # needle typed into the one-line filter cannot hold)
        return not self.needle or \
            self.needle in zh.fold("\n".join(map(str, self._values(a)))).lower()

    def set_rows(self, text: str, rows: list[Annotation], ordered: bool = False) -> None:
        """``rows``: the spans to list (the model keeps the list); ``ordered``: they are in
        reading order already (the span index's order)."""
        self.beginResetModel()
        self.text, self.spans = text, rows if ordered else sorted(rows, key=_reading)
        self._rebuild()
        self.endResetModel()

    def _rebuild(self) -> None:
        if not self.needle and self.sort_column == 0 and not self.descending:
            self.rows = self.spans
            return
        shown = [a for a in self.spans if self._shown(a)] if self.needle else self.spans
        if self.sort_column == 0:
            self.rows = sorted(shown, key=_reading, reverse=self.descending)
        else:
            self.rows = sorted(shown, key=self._key, reverse=self.descending)

    def set_filter(self, needle: str) -> None:
        self.beginResetModel()
        self.needle = zh.fold(needle.strip()).lower()  # 組織 finds 组织, as search does
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
        held = []
        for a in removed:
            i = _position(self.spans, a)
            if i < 0:
                continue
            held.append(self.spans[i])
            if self.rows is self.spans:
                self._remove_row(i)
                continue
            del self.spans[i]
            row = self._row_of(held[-1])
            if row >= 0:
                self._remove_row(row)
        for a in added:
            i = bisect.bisect_left(self.spans, _reading(a), key=_reading)
            if self.rows is self.spans:
                self._insert_row(i, a)
                continue
            self.spans.insert(i, a)
            if self._shown(a):
                self._insert_row(self._insertion_row(a), a)
        return held

    def _remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()

    def _insert_row(self, row: int, a: Annotation) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, a)
        self.endInsertRows()

    def row_of(self, row_id: str) -> int:
        a = self.find(row_id) if self.find is not None else \
            next((s for s in self.spans if s.id == row_id), None)
        return -1 if a is None else self._row_of(a)

    def _row_of(self, a: Annotation) -> int:
        """``a``'s row: found by bisection in the sorted rows (keys are unique: they end
        with the id), by a scan when they are in descending order."""
        if not self.descending:
            i = bisect.bisect_left(self.rows, self._key(a), key=self._key)
            return i if i < len(self.rows) and self.rows[i].id == a.id else -1
        return super().row_of(a.id)

    def _insertion_row(self, a: Annotation) -> int:
        if not self.descending:
            return bisect.bisect_left(self.rows, self._key(a), key=self._key)
        key = self._key(a)
        return sum(1 for r in self.rows if self._key(r) > key)

    def cell(self, a: Annotation, column: int, role: int):
        # Qt asks seven roles per cell each time the table paints (an edit repaints the
        # rows on screen): the ones not served return at once, and a cell's text is made
        # for its own column only
        if role not in _SERVED:
            return None
        if role == ID_ROLE:
            return a.id
        if role == DECORATION:
            return QColor(self.tag_colour(a.tag)) if column == 1 else None
        return self._value(a, column)

    def _value(self, a: Annotation, column: int):
        if column == 0:
            return self.text[a.start:a.end]
        if column == 1:
            return self.tag_name(a.tag)
        if column == 2:
            return self.annotator_name(a.annotator)
        return self._values(a)[column]


def _position(spans: list[Annotation], a: Annotation) -> int:
    """Where a span with ``a``'s id is in ``spans`` (reading order), or -1."""
    i = bisect.bisect_left(spans, _reading(a), key=_reading)
    return i if i < len(spans) and spans[i].id == a.id else -1
