"""The selected span's relations, under the inspector: one row per relation, its type
(coloured), its direction and the text at its other end. Enter (or a double click) jumps
to the other end; F2 changes its type; Delete removes the relation (commands, undoable).
The same three are on the row's context menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.annotation import Annotation
from annotator.core.relations import Relation, RelationType
from annotator.qt.palette import chip

# keys the list takes before the window's shortcuts (Delete deletes the span there)
OWN_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Return, Qt.Key.Key_Enter,
            Qt.Key.Key_F2)
ID_ROLE = Qt.ItemDataRole.UserRole


def row_text(rel: Relation, span_id: str, rtype: RelationType | None, name: str,
             other_text: str) -> str:
    """``→ uses 联合反恐演习`` (from this span), ``← uses 上合组织`` (to it), ``— cooperates
    with 哈方`` (undirected)."""
    if rtype is not None and not rtype.directed:
        arrow = "—"
    else:
        arrow = "→" if rel.source == span_id else "←"
    return f"{arrow} {name} {other_text}"


class RelationList(QWidget):
    jump = Signal(str)  # relation id: go to its other end
    remove = Signal(str)  # relation id: delete it
    retype = Signal(str)  # relation id: change its type

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel(self.tr("Relations"))
        self.list = QListWidget()
        self.list.setToolTip(self.tr("Enter: go to the other end · F2: change its type · "
                                     "Delete: remove the relation"))
        self.title.setBuddy(self.list)
        # three rows in sight at least, a chain's usual count (the dock keeps one height
        # whatever is selected: see below); the notes below give way
        self.list.setMinimumHeight(self.list.fontMetrics().height() * 5)
        self.empty = QLabel(self.tr("No relations. Shift+R starts one from the selected span."))
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        # the list or the hint, in one place of one size: selecting a span never lays the
        # dock out again (which would repaint all of it on every edit)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.stack)
        self.list.itemActivated.connect(lambda item: self.jump.emit(item.data(ID_ROLE)))
        self.list.installEventFilter(self)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.show_relations(None, [], {}, str)

    def show_relations(self, span: Annotation | None, relations: list[Relation],
                       types: dict[str, RelationType],
                       describe: Callable[[Relation], str]) -> None:
        """List ``relations`` of ``span`` (``describe`` gives a relation's row text)."""
        current = self.current()
        self.list.clear()
        for rel in relations:
            rtype = types.get(rel.type)
            item = QListWidgetItem(chip(rtype.colour if rtype else "#888888"), describe(rel))
            item.setData(ID_ROLE, rel.id)
            self.list.addItem(item)
            if rel.id == current:
                self.list.setCurrentItem(item)
        if relations and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        # (the hint stays whatever is selected: a label's new text lays the dock out again)
        self.stack.setCurrentWidget(self.list if relations else self.empty)

    def _context_menu(self, at: QPoint) -> None:
        item = self.list.itemAt(at)
        if item is None:
            return
        self.list.setCurrentItem(item)
        rel = item.data(ID_ROLE)
        menu = QMenu(self)
        for text, signal in ((self.tr("&Go to the other end"), self.jump),
                             (self.tr("&Change type…"), self.retype),
                             (self.tr("&Delete relation"), self.remove)):
            menu.addAction(text).setData(signal)
        chosen = menu.exec(self.list.viewport().mapToGlobal(at))
        if chosen is not None:
            chosen.data().emit(rel)

    def anchor(self) -> QPoint:
        """Where a menu about the current row opens (global), under that row."""
        item = self.list.currentItem()
        rect = self.list.visualItemRect(item) if item is not None else self.list.rect()
        return self.list.viewport().mapToGlobal(rect.bottomLeft())

    def current(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def eventFilter(self, obj, e) -> bool:  # noqa: N802 (Qt override)
        if obj is self.list and e.type() == QEvent.Type.ShortcutOverride and \
                e.key() in OWN_KEYS and not e.modifiers():
            e.accept()
            return True
        if obj is self.list and e.type() == QEvent.Type.KeyPress and not e.modifiers():
            current = self.current()
            if e.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and current:
                self.remove.emit(current)
                return True
            if e.key() == Qt.Key.Key_F2 and current:
                self.retype.emit(current)
                return True
            if e.matches(QKeySequence.StandardKey.InsertParagraphSeparator) and current:
                self.jump.emit(current)
                return True
        return super().eventFilter(obj, e)
