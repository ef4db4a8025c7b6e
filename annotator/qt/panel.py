"""The annotation panel: a table of the document's spans, an inspector for one span, and
the discussion threads on it (:mod:`annotator.qt.threads`)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.annotation import CERTAINTIES, Annotation
from annotator.qt import shaping
from annotator.qt.models import ID_ROLE, certainty_label
from annotator.qt.relationlist import RelationList
from annotator.qt.spanmodel import AnnotationTableModel
from annotator.qt.threads import SteadyHeading, ThreadView


class Inspector(QWidget):
    """Edits the selected span's attributes; each finished edit is one command."""

    attributesEdited = Signal(str, dict)
    shown = Signal(object)  # the span shown now (or None)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.span: Annotation | None = None
        self.heading = SteadyHeading(self.tr("No span selected"))
        self.normalized = QLineEdit(placeholderText=self.tr("e.g. 赵克志 for 趙克志 / Zhao Kezhi"))
        self.names = QStringListModel(self)
        self.normalized.setCompleter(QCompleter(self.names, self))
        self.certainty = QComboBox()
        self.certainty.addItem("", "")
        for value in CERTAINTIES:  # shown translated, stored as the value
            self.certainty.addItem(certainty_label(value), value)
        self.note = QLineEdit(placeholderText=self.tr("note"))
        form = QFormLayout(self)
        form.addRow(self.heading)
        form.addRow(self.tr("Normalized &name"), self.normalized)
        form.addRow(self.tr("&Certainty"), self.certainty)
        form.addRow(self.tr("N&ote"), self.note)
        self.normalized.editingFinished.connect(self._commit)
        self.note.editingFinished.connect(self._commit)
        self.certainty.activated.connect(self._commit)
        self.show_span(None, "")

    def show_span(self, span: Annotation | None, heading: str) -> None:
        """Show ``span``'s attributes; a field is set only when what it shows changes (each
        set repaints it, and with it the panel around it, on every edit)."""
        self.span = span
        heading = heading or self.tr("No span selected")
        if self.heading.text() != heading:
            self.heading.setText(heading)
        attrs = span.attributes if span else {}
        for widget in (self.normalized, self.note, self.certainty):
            if widget.isEnabled() != (span is not None):
                widget.setEnabled(span is not None)
            widget.blockSignals(True)
        for edit, key in ((self.normalized, "normalized"), (self.note, "note")):
            if edit.text() != attrs.get(key, ""):
                edit.setText(attrs.get(key, ""))
        choice = max(0, self.certainty.findData(attrs.get("certainty", "")))
        if self.certainty.currentIndex() != choice:
            self.certainty.setCurrentIndex(choice)
        for widget in (self.normalized, self.note, self.certainty):
            widget.blockSignals(False)
        self.shown.emit(span)

    def set_known_names(self, names: list[str]) -> None:
        self.names.setStringList(names)

    def _commit(self, *_) -> None:
        if self.span is None:
            return
        attrs = dict(self.span.attributes)
        attrs.update(normalized=self.normalized.text().strip(), note=self.note.text().strip(),
                     certainty=self.certainty.currentData() or "")
        attrs = {k: v for k, v in attrs.items() if v}
        if attrs != self.span.attributes:
            self.attributesEdited.emit(self.span.id, attrs)


class AnnotationPanel(QWidget):
    spanActivated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = AnnotationTableModel(self)
        self.filter = QLineEdit(placeholderText=self.tr("Filter spans…"), clearButtonEnabled=True)
        # typed into only when clicked: never reached by Tab, nor left with the focus by a
        # closing find bar (a tag key would type there and hide rows)
        self.filter.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.table = QTableView()
        self.table.setModel(self.model)
        shaping.cells_shaped_where_needed(self.table, self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.inspector = Inspector()
        self.relations = RelationList()
        self.notes = ThreadView()
        left = QVBoxLayout()
        left.addWidget(self.filter)
        left.addWidget(self.table)
        right = QVBoxLayout()
        right.addWidget(self.inspector)
        right.addWidget(self.relations)
        right.addWidget(self.notes, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.filter.textChanged.connect(self.model.set_filter)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)

    def _clicked(self, index) -> None:
        span_id = index.data(ID_ROLE)
        if span_id:
            self.spanActivated.emit(span_id)

    def select(self, span_id: str | None) -> None:
        selection = self.table.selectionModel()
        row = self.model.row_of(span_id) if span_id else -1
        if row < 0:
            selection.clearSelection()
            return
        index = self.model.index(row, 0)
        if index.isValid():
            selection.select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                             | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
