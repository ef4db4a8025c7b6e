"""Qt item models: thin adapters over core objects (document summaries, annotations)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont

from annotator import zh
from annotator.core.annotation import Annotation
from annotator.core.docrows import LazyRows
from annotator.core.document import DocumentSummary, human_date
from annotator.core.errors import ConnectionLost
from annotator.qt.i18n import QT_TRANSLATE_NOOP, tag_lang
from annotator.qt.shaping import needs_shaping

# shown translated: status_label(), review_label()
STATUS_LABELS = {"todo": QT_TRANSLATE_NOOP("Models", "to do"),
                 "in_progress": QT_TRANSLATE_NOOP("Models", "in progress"),
                 "done": QT_TRANSLATE_NOOP("Models", "done")}
REVIEW_LABELS = {"not_reviewed": "", "in_review": QT_TRANSLATE_NOOP("Models", "in review"),
                 "reviewed": QT_TRANSLATE_NOOP("Models", "reviewed")}
CERTAINTY_LABELS = {"high": QT_TRANSLATE_NOOP("Models", "high"),
                    "medium": QT_TRANSLATE_NOOP("Models", "medium"),
                    "low": QT_TRANSLATE_NOOP("Models", "low"),
                    "unknown": QT_TRANSLATE_NOOP("Models", "unknown")}
ATTRIBUTE_LABELS = {"normalized": QT_TRANSLATE_NOOP("Models", "normalized: {value}"),
                    "certainty": QT_TRANSLATE_NOOP("Models", "certainty: {value}"),
                    "note": QT_TRANSLATE_NOOP("Models", "note: {value}")}
DISPLAY = Qt.ItemDataRole.DisplayRole
ID_ROLE = Qt.ItemDataRole.UserRole
TOOLTIP, DECORATION = Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole
FONT = Qt.ItemDataRole.FontRole
translate = QCoreApplication.translate


def status_label(status: str) -> str:
    """A document status as the interface names it: "to do", "in progress", "done"."""
    return translate("Models", STATUS_LABELS[status])


def review_label(status: str) -> str:
    return translate("Models", REVIEW_LABELS[status]) if REVIEW_LABELS[status] else ""


def document_line(n: int, total: int, summary: DocumentSummary) -> str:
    """The status bar's ``Document 3 of 5 · 12 spans · in progress``."""
    spans = summary.annotations  # (lupdate reads a plain name as the count)
    return translate("Models", "Document {n} of {total} · %n span(s) · {status}", "",
                     spans).format(n=n, total=total, status=status_label(summary.status))


def describe(span: Annotation, text: str, tag_name: str, annotator_name: str) -> str:
    """The hover text of a span: tag, annotator, attributes (as
    :func:`annotator.core.render.describe`, translated)."""
    lines = [f"{tag_name}  —  {text[span.start:span.end]}",
             translate("Models", "by {annotator}").format(annotator=annotator_name)]
    attrs = span.attributes
    for key, label in ATTRIBUTE_LABELS.items():
        if attrs.get(key):
            value = certainty_label(attrs[key]) if key == "certainty" else attrs[key]
            lines.append(translate("Models", label).format(value=value))
    return "\n".join(lines)


def certainty_label(value: str) -> str:
    """A certainty as shown ("high"...; a value outside the list as it is)."""
    return translate("Models", CERTAINTY_LABELS[value]) if value in CERTAINTY_LABELS else value


class RowModel(QAbstractTableModel):
    """A table whose rows are objects with an ``id``; subclasses name the columns (in
    English, shown translated)."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.shaped_font: QFont | None = None  # see shaping.cells_shaped_where_needed

    def row_of(self, row_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == row_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=DISPLAY):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return translate("Models", self.HEADERS[section])
        return None

    # --- a cell's data: one call per cell, not per role ------------------------------------
    def item(self, row: int):
        """The object shown on table row ``row``."""
        return self.rows[row]

    def cell(self, item, column: int, role: int):
        """What ``item`` shows in ``column`` for ``role`` (an int), None for nothing."""
        raise NotImplementedError

    def data(self, index, role=DISPLAY):
        item, column, role = self.item(index.row()), index.column(), int(role)
        return self._font(self.cell(item, column, DISPLAY)) if role == FONT and \
            self.shaped_font is not None else self.cell(item, column, role)

    def multiData(self, index, roles) -> None:  # noqa: N802 (Qt's name)
        """A cell's roles as Qt asks them to paint it (seven), in one call into Python, not
        seven. Each slot is set or cleared: Qt hands the same slots from cell to cell (left
        alone, a colour swatch showed in every column). The font, asked first, comes from
        the text shown, made once."""
        item, column, cell = self.item(index.row()), index.column(), self.cell
        shown = None
        for slot in roles:
            role = slot.role()
            if role == FONT and self.shaped_font is not None:
                shown = cell(item, column, DISPLAY)
                value = self._font(shown)
            elif role == DISPLAY and shown is not None:
                value = shown
            else:
                value = cell(item, column, role)
            if value is None:
                slot.clearData()
            else:
                slot.setData(value)

    def _font(self, shown) -> QFont | None:  # shaped, for a text that needs it
        return self.shaped_font if isinstance(shown, str) and needs_shaping(shown) else None


class DocumentListModel(RowModel):
    """The project's documents. ``rows`` holds every document in project order; the table
    shows ``view``, indices into ``rows`` filtered and sorted here on Python values (a
    10,000-document project sorts or filters in milliseconds, where a sort proxy asking
    ``data()`` per comparison took a second). A row's strings are made when Qt asks for
    them, i.e. for the visible rows; the text a filter searches, once per row and kept
    until the row changes — made ahead, a slice at a time while the window is idle, so
    that a first keystroke in the filter does not wait for 100,000 of them."""

    #: rows whose filter text is made per idle turn of the event loop (~10 ms)
    PREPARE_ROWS = 500
    #: the wait before the first slice (the first paint of a big project goes first)
    PREPARE_AFTER_MS = 1000
    #: the pace of the reads while a team project's server is gone (the reconnect's)
    RETRY_MS = 2000

    HEADERS = (QT_TRANSLATE_NOOP("Models", "Title"), QT_TRANSLATE_NOOP("Models", "Date"),
               QT_TRANSLATE_NOOP("Models", "Source"), QT_TRANSLATE_NOOP("Models", "Script"),
               QT_TRANSLATE_NOOP("Models", "Status"), QT_TRANSLATE_NOOP("Models", "Spans"),
               QT_TRANSLATE_NOOP("Models", "Team"), QT_TRANSLATE_NOOP("Models", "Here"),
               QT_TRANSLATE_NOOP("Models", "Threads"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[DocumentSummary] | LazyRows = []  # type: ignore[assignment]
        self.view: list[int] = []
        self.where: dict[str, int] = {}
        self.needle = ""
        #: the team's columns of a row (qt.workboard): my status, the spans I may see,
        #: who is assigned, who is here, open threads; None: the document's own
        self.team: Callable[[DocumentSummary], tuple] | None = None
        self.only: frozenset[str] | None = None  # "Mine": my queue
        self.sort_column, self.descending = -1, False
        self._hay: list[str | None] = []  # a row's filter text, None until made
        self._hay_lang = ""  # the language of the texts in _hay
        self._unmade = 0  # rows before this one all have their text
        self._preparing = QTimer(self)
        self._preparing.setInterval(0)
        self._preparing.timeout.connect(self._prepare_some)

    # --- contents ------------------------------------------------------------------------
    def set_rows(self, rows: list[DocumentSummary] | LazyRows) -> None:
        """Replace every row, keeping the filter and the sort (``rows`` may be a
        :class:`~annotator.core.docrows.LazyRows`: read as they are needed)."""
        self.beginResetModel()
        self.rows = rows
        self.where = {d: i for i, d in enumerate(self.ids())}
        self._forget_hay()
        self.view = self._ordered()
        self.endResetModel()

    def _forget_hay(self) -> None:
        """Every row's filter text is to be made again (made ahead while idle)."""
        self._hay, self._unmade = [None] * len(self.rows), 0
        self._hay_lang = tag_lang()
        self._preparing.start(self.PREPARE_AFTER_MS)  # the list is drawn first

    @property
    def preparing(self) -> bool:
        """Rows or their filter texts are still being read or made while idle."""
        return self._preparing.isActive()

    def stop_preparing(self) -> None:
        """The window closes: no more rows read or filter texts made while idle."""
        self._preparing.stop()

    def _prepare_some(self) -> None:
        hay, end = self._hay, min(len(self._hay), self._unmade + self.PREPARE_ROWS)
        try:
            for i in range(self._unmade, end):
                if hay[i] is None:
                    self._hay_of(i)  # (reads the row, with its chunk, if not read yet)
        except ConnectionLost:  # the error hook says so; not a read every turn meanwhile
            self._preparing.setInterval(self.RETRY_MS)
            raise
        self._preparing.setInterval(0)
        self._unmade = end
        if end >= len(hay):
            self._preparing.stop()

    def ids(self) -> list[str]:
        """Every document's id in project order."""
        rows = self.rows
        return rows.ids if isinstance(rows, LazyRows) else [r.id for r in rows]

    def row_of(self, row_id: str) -> int:
        """The document's index in ``rows`` (project order), -1 if there is none."""
        return self.where.get(row_id, -1)

    def view_row(self, row_id: str) -> int:
        """The table row showing the document, -1 when the filter hides it."""
        i = self.where.get(row_id, -1)
        if not self.needle and self.sort_column < 0 and self.only is None:
            return i
        try:
            return self.view.index(i)
        except ValueError:
            return -1

    def ids_in_view(self) -> list[str]:
        ids = self.ids()  # (not the rows: those not drawn yet are not read)
        return [ids[i] for i in self.view]

    def summary(self, doc_id: str) -> DocumentSummary | None:
        i = self.where.get(doc_id)
        return None if i is None else self.rows[i]

    def update_row(self, summary: DocumentSummary) -> None:
        """Replace one row; it moves, appears or disappears as the sort and filter say."""
        i = self.where.get(summary.id)
        if i is None:
            return
        self.rows[i] = summary
        self._hay[i] = None
        at = self.view_row(summary.id)
        if at >= 0:
            del self.view[at]  # taken out to find its new place, put back below
        place = self._place(i) if self._accepts(i) else -1
        if at >= 0:
            self.view.insert(at, i)
        self._move(i, at, place)

    def _move(self, i: int, at: int, place: int) -> None:
        if at < 0 and place >= 0:
            self.beginInsertRows(QModelIndex(), place, place)
            self.view.insert(place, i)
            self.endInsertRows()
        elif at >= 0 and place < 0:
            self.beginRemoveRows(QModelIndex(), at, at)
            del self.view[at]
            self.endRemoveRows()
        elif at >= 0:
            if place != at:  # a move keeps the row's selection
                self.beginMoveRows(QModelIndex(), at, at, QModelIndex(),
                                   place + 1 if place > at else place)
                del self.view[at]
                self.view.insert(place, i)
                self.endMoveRows()
            self.dataChanged.emit(self.index(place, 0),
                                  self.index(place, len(self.HEADERS) - 1))

    # --- filter and sort -----------------------------------------------------------------
    def set_filter(self, needle: str, only: frozenset[str] | None | bool = False,
                   stale: bool | set[str] = False) -> None:
        """The documents with ``needle`` in any column (case-insensitive), of ``only`` if
        given (None: all); ``stale``: team columns changed (of these documents' rows, or
        of any: True). A longer needle narrows the view."""
        self.beginResetModel()
        old, old_only = self.needle, self.only
        self.needle = zh.fold(needle).casefold() if needle else ""  # 組織 finds 组织
        if only is not False:
            self.only = only  # type: ignore[assignment]
        if stale is True or self._hay_lang != tag_lang():  # statuses, dates: translated
            self._forget_hay()
            stale = True
        elif stale:
            for doc_id in stale:
                if (i := self.where.get(doc_id)) is not None:
                    self._hay[i] = None
        if old and old in self.needle and self.only == old_only and not stale:
            self.view = self._matching(self.view)  # keeps the sort
        else:
            self.view = self._ordered()
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column; -1 is project order. Ties keep project order either way."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()  # the selection and the current row follow
        shown = [(self.view[i.row()], i.column()) for i in old]
        self.sort_column, self.descending = column, order == Qt.SortOrder.DescendingOrder
        self.view = self._ordered()
        place = {row: at for at, row in enumerate(self.view)} if old else {}
        self.changePersistentIndexList(old, [self.index(place[row], col) for row, col in shown])
        self.layoutChanged.emit()

    def _ordered(self) -> list[int]:
        shown = self._matching(range(len(self.rows)))
        if self.sort_column < 0:
            return shown
        return sorted(shown, key=self._key, reverse=self.descending)

    def _accepts(self, i: int) -> bool:
        return bool(self._matching((i,)))

    def _matching(self, rows) -> list[int]:
        """Those of ``rows`` (indices into ``rows``) the filter shows, in the order given."""
        if self.only is not None:  # by id: rows not drawn yet are not read
            only, ids = self.only, self.ids()
            rows = [i for i in rows if ids[i] in only]
        needle = self.needle
        if not needle:
            return list(rows)
        hay = self._hay
        return [i for i in rows if needle in (hay[i] or self._hay_of(i))]

    def _hay_of(self, i: int) -> str:
        r = self.rows[i]
        shown = (*_values(r, self.team), human_date(r.date, tag_lang()))
        made = self._hay[i] = zh.fold("\n".join(map(str, shown))).casefold()
        return made

    def _key(self, i: int):
        return _values(self.rows[i], self.team)[self.sort_column]

    def _place(self, i: int) -> int:
        """Where row ``i`` goes in ``view`` (which lacks it): binary search on the order
        ``_ordered`` makes, the sort column's value then project order."""
        lo, hi = 0, len(self.view)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._before(self.view[mid], i):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _before(self, a: int, b: int) -> bool:
        if self.sort_column >= 0:
            ka, kb = self._key(a), self._key(b)
            if ka != kb:
                return ka > kb if self.descending else ka < kb
        return a < b

    # --- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.view)

    def item(self, row: int) -> DocumentSummary:
        return self.rows[self.view[row]]

    def cell(self, r: DocumentSummary, column: int, role: int):
        if role == ID_ROLE:
            return r.id
        if role == DISPLAY:
            if column == 1:  # the date as people read it; it sorts as stored
                return human_date(r.date, tag_lang())
            value = _values(r, self.team)[column]
            # no open thread, spans not counted yet: nothing
            return value if isinstance(value, str) else str(value) if (
                value or column != 8) and value != -1 else ""
        if role == TOOLTIP:
            length = r.length  # (lupdate reads a plain name as the count)
            return translate("Models", "{title}\n{id} · %Ln character(s)", "",
                             length).format(title=r.title, id=r.id)
        return None


def _values(r: DocumentSummary, team: Callable[[DocumentSummary], tuple] | None) -> tuple:
    """A document's columns: strings, and counts as numbers (so they sort as numbers)."""
    status, spans, people, here, threads = team(r) if team else (r.status, r.annotations, "",
                                                                 "", 0)
    return (r.title, r.date or "", r.source or "", "/".join(r.languages) or r.script,
            _status_text(status, r.review_status), spans, people, here, threads)


def _status_text(status: str, review_status: str) -> str:
    review = review_label(review_status)
    return status_label(status) + (f" · {review}" if review else "")
