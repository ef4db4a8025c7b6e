"""The Search dock (Ctrl+Shift+F): corpus-wide search, simplified and traditional alike,
shown as a concordance; Enter or a double-click jumps to the hit in the reader.

Filters under the query line narrow it to spans by tag or group, annotator, review status
and normalized name (as ``annotator search --tag --annotator``): with a query, only the text
hits lying wholly inside a matching span are shown; without one, the matching spans
themselves are listed, with their tag. The deciding and the row building are the plain
functions at the top (no window needed to test them); the widgets only show them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core import concordance
from annotator.core.blind import Blind
from annotator.core.concordance import Row
from annotator.core.searching import Result, count_hits, find
from annotator.core.store import ProjectStore
from annotator.qt import i18n
from annotator.qt.i18n import QT_TRANSLATE_NOOP
from annotator.qt.jobs import Background, Opener, opener
from annotator.qt.palette import chip

TITLE_WIDTH = 260  # the widest the Document column starts
INDENT = " " * 4
INDENT_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = [QT_TRANSLATE_NOOP("SearchPanel", "Document"), QT_TRANSLATE_NOOP("SearchPanel", "Left"),
           QT_TRANSLATE_NOOP("SearchPanel", "Match"), QT_TRANSLATE_NOOP("SearchPanel", "Right"),
           QT_TRANSLATE_NOOP("SearchPanel", "Tag")]
TAG_COLUMN = HEADERS.index("Tag")
STATUS_CHOICES = ((QT_TRANSLATE_NOOP("SearchPanel", "Accepted"), "accepted"),
                  (QT_TRANSLATE_NOOP("SearchPanel", "Gold"), "gold"))
translate = QCoreApplication.translate


# --- the logic (no widgets) ------------------------------------------------------------------
class Choice(NamedTuple):
    """One entry of a filter combo: shown as ``label``; chosen, it filters ``find_spans``
    by ``field=value`` (no filter when ``field`` is None)."""

    label: str
    field: str | None = None
    value: str | None = None
    colour: str | None = None
    indented: bool = False  # shown indented in the list (a tag under its group)


def tag_choices(tagset, lang: str | None = None) -> list[Choice]:
    """"Any tag", then per group "All <group>" (a group filter) and its tags, indented;
    named in ``lang`` (default: the interface's language)."""
    lang = lang or i18n.tag_lang()
    out = [Choice(translate("SearchPanel", "Any tag"))]
    every = translate("SearchPanel", "All {group}")
    for group in tagset.groups if tagset is not None else ():
        out.append(Choice(every.format(group=group.name(lang)), "group", group.id,
                          group.colour))
        out += [Choice(tag.name(lang), "tag", tag.id, tag.colour, True) for tag in group.tags]
    return out


def annotator_choices(annotators: Iterable) -> list[Choice]:
    return [Choice(translate("SearchPanel", "Any annotator"))] + [
        Choice(a.name or a.id, "annotator", a.id)
                                        for a in annotators]


def status_choices() -> list[Choice]:
    return [Choice(translate("SearchPanel", "Any status"))] + [
        Choice(translate("SearchPanel", label), "status", v) for label, v in STATUS_CHOICES]


def span_filters(chosen: Iterable[Choice], normalized: str = "") -> dict[str, str]:
    """The ``find_spans`` keyword arguments for the chosen entries and the normalized name
    typed; empty when nothing narrows the spans."""
    out = {c.field: c.value for c in chosen if c.field is not None and c.value is not None}
    if normalized.strip():
        out["normalized"] = normalized.strip()
    return out


def count_text(result: Result, counting: bool = True) -> str:
    """"N spans", "N matches", "N of M matches" when only a page of them is shown, "no
    matches"; a full page not counted yet is "first N matches, counting…" (just "first N
    matches" when the count could not be made: ``counting`` False)."""
    n, shown = result.total, len(result.hits)
    if n is None and result.spans:
        return translate("SearchPanel", "first %n span(s), counting…", "", shown) \
            if counting else translate("SearchPanel", "first %n span(s)", "", shown)
    if n is None and counting:
        return translate("SearchPanel", "first %n match(es), counting…", "", shown)
    if n is None:
        return translate("SearchPanel", "first %n match(es)", "", shown)
    if not n:
        return translate("SearchPanel", "no matches")
    if n > shown and result.spans:
        return translate("SearchPanel", "{shown} of %n span(s)", "", n).format(shown=shown)
    if n > shown:
        return translate("SearchPanel", "{shown} of %n match(es)", "", n).format(shown=shown)
    if result.spans:
        return translate("SearchPanel", "%n span(s)", "", n)
    return translate("SearchPanel", "%n match(es)", "", n)


def _count_job(open_store: Opener, query: str, filters: dict[str, str],
               blind: Blind | None) -> int:
    """:func:`count_hits` on a connection of the worker thread's own."""
    with open_store() as store:
        return count_hits(store, query, filters, blind)


def table_rows(rows: Sequence[Row], hits: Sequence, spans: bool,
               tag_name: Callable[[str], str]) -> list[tuple[str, str, str, str, str]]:
    """The cells of each row: title, left context, match, right context, and the span's
    tag name when ``spans`` lists spans (else "")."""
    return [(row.title, row.left, row.match, row.right,
             tag_name(hit.tag) if spans else "")
            for row, hit in zip(rows, hits, strict=True)]


def tag_namer(tagset, lang: str | None = None) -> Callable[[str], str]:
    """Tag id → its name in the tagset (the id itself for an unknown tag)."""
    lang = lang or i18n.tag_lang()
    names = {t.id: t.name(lang) for t in tagset.tags} if tagset is not None else {}
    return lambda tag_id: names.get(tag_id, tag_id)


# --- the widgets ---------------------------------------------------------------------------
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


class IndentDelegate(QStyledItemDelegate):
    """Indents the entries marked indented in the open list (the closed combo shows the
    plain label)."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.data(INDENT_ROLE):
            option.text = INDENT + option.text


class ChoiceCombo(QComboBox):
    """A combo over :class:`Choice` entries; ``choice()`` is the current one."""

    def __init__(self, tip: str, parent=None):
        super().__init__(parent)
        self.choices: list[Choice] = [Choice("")]
        self.setToolTip(tip)
        self.setAccessibleName(tip)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setItemDelegate(IndentDelegate(self))

    def set_choices(self, choices: list[Choice]) -> None:
        """Refill, keeping the current entry when it is still there (no signal)."""
        current = self.choice()
        self.blockSignals(True)
        self.clear()
        self.choices = choices
        for c in choices:
            if c.colour:
                self.addItem(chip(c.colour, 12), c.label)
            else:
                self.addItem(c.label)
            self.setItemData(self.count() - 1, c.indented, INDENT_ROLE)
        keep = [i for i, c in enumerate(choices) if c[1:3] == current[1:3]]
        self.setCurrentIndex(keep[0] if keep else 0)
        self.blockSignals(False)

    def choice(self) -> Choice:
        i = self.currentIndex()
        return self.choices[i] if 0 <= i < len(self.choices) else self.choices[0]


class SearchPanel(QWidget):
    jump = Signal(str, int, int)  # doc id, start, end (code points)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.store: Any = None
        self.blind: Callable[[], Blind | None] = lambda: None  # the window's, set by it
        self.rows: list[Row] = []
        self.result: Result | None = None
        self.counting = 0  # the search whose total is being counted (older counts are dropped)
        self.tag_name: Callable[[str], str] = str
        self.query = QLineEdit(placeholderText=self.tr("Search the corpus (简/繁 alike)…"),
                               clearButtonEnabled=True)
        self.count = QLabel()
        self.tag = ChoiceCombo(self.tr("Only spans with this tag, or a tag of this group"))
        self.annotator = ChoiceCombo(self.tr("Only spans by this annotator"))
        self.status = ChoiceCombo(self.tr("Only spans accepted in review, or gold"))
        self.status.set_choices(status_choices())
        self.normalized = QLineEdit(placeholderText=self.tr("normalized name, e.g. 赵克志"),
                                    clearButtonEnabled=True)
        self.normalized.setToolTip(self.tr("Only spans with this normalized name (简/繁 alike); "
                                           "Enter"))
        self.sort = QComboBox()
        self.sort.setToolTip(self.tr("Order of the hits: by place, or by the word before or "
                                     "after the hit"))
        self.sort.addItems([self.tr("By place"), self.tr("By the word before"),
                            self.tr("By the word after")])
        self.table = HitTable(0, len(HEADERS))
        self._build_table()
        self._lay_out()
        for line in (self.query, self.normalized):
            line.returnPressed.connect(self.run)
        for combo in (self.tag, self.annotator, self.status, self.sort):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.chosen.connect(self._chosen)
        self.table.cellDoubleClicked.connect(lambda r, _c: self._chosen(r))

    def _build_table(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnHidden(TAG_COLUMN, True)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.count)
        filters = QHBoxLayout()
        for w in (self.tag, self.annotator, self.status):
            filters.addWidget(w)
        filters.addWidget(self.normalized, 1)
        filters.addWidget(self.sort)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table)

    def set_store(self, store: ProjectStore) -> None:
        """A project was opened: fill the tag and annotator filters from it."""
        self.store = store
        self.refresh_choices()
        self._show(None)

    def refresh_choices(self) -> None:
        """Refill the tag and annotator filters (a merge may have brought annotators)."""
        if self.store is None:
            return
        tagset = self.store.tagset()
        self.tag_name = tag_namer(tagset)
        self.tag.set_choices(tag_choices(tagset))
        self.annotator.set_choices(annotator_choices(self.store.annotators()))

    def showEvent(self, e) -> None:  # noqa: N802
        self.refresh_choices()
        super().showEvent(e)

    def filters(self) -> dict[str, str]:
        chosen = (self.tag.choice(), self.annotator.choice(), self.status.choice())
        return span_filters(chosen, self.normalized.text())

    def run(self) -> None:
        """Search (Enter in the query or the name field); the keyboard goes to the hits."""
        self.refresh()
        if self.rows:
            self.table.setCurrentCell(0, 2)
            self.table.setFocus()

    def refresh(self) -> None:
        """Search again with the current query and filters, the keyboard staying put; the
        total behind a full page is counted once the page is shown."""
        if self.store is not None:
            query, filters = self.query.text(), self.filters()
            self._show(find(self.store, query, filters, blind=self.blind()))
            if self.result is not None and self.result.total is None:
                self._count(query, filters)

    def _count(self, query: str, filters: dict[str, str]) -> None:
        """Count the hits on a worker thread with its own connection (here, for a project
        in memory, which another connection cannot see)."""
        open_store = opener(self.store)
        if open_store is None:
            self._counted(count_hits(self.store, query, filters, self.blind()), self.counting)
            return
        job = Background("count", partial(_count_job, open_store, query, filters,
                                          self.blind()), self.counting, self)
        job.finished.connect(lambda: self._count_failed(job))
        job.launch(lambda total: self._counted(total, job.token))

    def _counted(self, total: object, token: int) -> None:
        if token == self.counting and self.result is not None and isinstance(total, int):
            self.result = self.result._replace(total=total)
            self.count.setText(count_text(self.result))

    def _count_failed(self, job: Background) -> None:
        if job.error and job.token == self.counting and self.result is not None:
            self.count.setText(count_text(self.result, counting=False))

    def _show(self, result: Result | None) -> None:
        self.counting += 1
        self.result = result
        hits = result.hits if result else []
        self.rows = concordance.rows(hits, self.store.document) if hits else []
        how = concordance.SORTS[max(0, self.sort.currentIndex())]
        ordered = concordance.order(self.rows, how, lambda d: self.store.document(d).text)
        self.rows, hits = [self.rows[i] for i in ordered], [hits[i] for i in ordered]
        spans = bool(result and result.spans)
        cells = table_rows(self.rows, hits, spans, self.tag_name)
        self.table.setRowCount(len(cells))
        for r, values in enumerate(cells):
            for c, value in enumerate(values):
                self.table.setItem(r, c, self._item(c, value, hits[r] if spans else None))
        self.table.setColumnHidden(TAG_COLUMN, not spans)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), TITLE_WIDTH))
        self.count.setText(count_text(result) if result else "")

    def _item(self, column: int, value: str, span) -> QTableWidgetItem:
        item = QTableWidgetItem(value)
        if column == 0:
            item.setToolTip(value)  # the column may be narrower than the title
        elif column == 1:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif column == TAG_COLUMN and span is not None:
            colour = next((c.colour for c in self.tag.choices if c.value == span.tag), None)
            if colour:
                item.setIcon(chip(colour, 12))
            item.setToolTip(f"{span.tag} · {span.annotator}")
        return item

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
