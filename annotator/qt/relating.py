"""Relations in the window: made from the keyboard, drawn as arcs, listed under the
inspector.

Shift+R on a selected span starts a relation (:class:`~annotator.core.relating.Picking`):
the nearest span some relation type may join it to is picked, Tab/Shift+Tab (or a click)
picks another, the relation type's key finishes it, Enter or Space offers the types that
fit as a short list, Esc cancels; the status bar says what is happening. While a relation
is being made the reader keeps these keys from the window's shortcuts (the digits are tag
keys too). A relation is a command, committed before it is drawn; the other end is then
selected, so Shift+R again continues a chain (actor → mechanism → threat).

The open document's relations are the editor's :class:`~annotator.core.arcs.RelationIndex`,
loaded with the document and kept up to date by every change the editor absorbs (edits,
undo and redo, colleagues' commits: the editor's reload brings their relations as a
change too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTextCursor

from annotator.core import relating as core
from annotator.core.annotation import Annotation
from annotator.core.arcs import RelationIndex
from annotator.core.commands import Change
from annotator.core.errors import AnnotatorError
from annotator.core.relations import Relation, RelationError, RelationType
from annotator.qt import i18n, relmenu
from annotator.qt.arcs import ArcLayer
from annotator.qt.safety import guard

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

_CONTROLLERS: WeakKeyDictionary = WeakKeyDictionary()
MODE_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape, Qt.Key.Key_Return,
             Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class Relating(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self._loaded_for: object = None  # the span index the relations were loaded for
        self.picking: core.Picking | None = None
        reader = window.reader
        self.layer = ArcLayer(reader, self.relations, self.types, i18n.tag_lang)
        reader.overlays.append(self.layer.paint)
        reader.installEventFilter(self)
        reader.viewport().installEventFilter(self)
        # arcs towards an end off screen depend on the viewport, not the text: repaint
        # whole, not the strip a scroll exposes
        reader.verticalScrollBar().valueChanged.connect(self._scrolled)
        panel = window.panel
        panel.inspector.shown.connect(self._span_shown)
        panel.relations.jump.connect(guard(window, self.jump))
        panel.relations.remove.connect(guard(window, self.remove))
        panel.relations.retype.connect(guard(window, self.retype))

    # --- the open document's relations -----------------------------------------------------
    def types(self) -> dict[str, RelationType]:
        tagset = self.window.tagset
        return {t.id: t for t in tagset.relations} if tagset else {}

    def relations(self) -> RelationIndex:
        """The open document's relations: the editor's index, kept up to date by every
        change it absorbs (painting never asks the store, which may be closed while the
        window still shows)."""
        editor = self.window.editor
        if editor.index is not self._loaded_for:
            self._loaded_for = editor.index
            self._drop_picking()  # another document: the relation being made goes
        return editor.relation_index

    def after_change(self, change: Change) -> None:
        """Bring the relations up to date with an applied change and redraw."""
        if self.picking is not None:  # an undo meanwhile, a colleague's commit: start again
            self.cancel()
        if change.relations:  # the editor's index has them already; the relation list
            # follows when the window shows the selection after the change (the
            # inspector's ``shown``): listed here too, it was laid out twice per edit
            self.window.reader.viewport().update()

    def _scrolled(self, *_) -> None:
        if self.types():
            self.window.reader.viewport().update()

    def _span_shown(self, span: Annotation | None) -> None:
        span_id = span.id if span is not None else ""
        ends = [(other, r) for r in (self.relations().of(span_id) if span_id else [])
                if (other := self._other(r, span_id)) is not None]
        ends.sort(key=lambda e: (e[0].start, e[1].id))
        self.window.panel.relations.show_relations(
            span, [r for _, r in ends], self.types(), lambda r: self.describe(r, span_id))
        self.window.reader.viewport().update()

    def _other(self, rel: Relation, span_id: str) -> Annotation | None:
        """The span at the other end of ``rel`` from ``span_id`` (None while a colleague's
        new span is not in the open document yet)."""
        index = self.window.editor.index
        return index.get(rel.target if rel.source == span_id else rel.source) \
            if index is not None else None

    def describe(self, rel: Relation, span_id: str) -> str:
        other = self._other(rel, span_id)
        assert other is not None
        rtype = self.types().get(rel.type)
        name = rtype.name(i18n.tag_lang()) if rtype else rel.type
        from annotator.qt.relationlist import row_text

        return row_text(rel, span_id, rtype, name, self.window.doc.text[other.start:other.end])

    # --- the list under the inspector --------------------------------------------------------
    def jump(self, relation_id: str) -> None:
        """Select the other end of a relation of the selected span."""
        rel, span = self.relations().by_id.get(relation_id), self.window.editor.selected
        other = self._other(rel, span.id) if rel is not None and span is not None else None
        if other is None:
            return
        self.window.select_span(other.id)
        self.window.reader.setFocus()

    def remove(self, relation_id: str) -> None:
        rel = self.relations().by_id.get(relation_id)
        if rel is not None:
            self.window._after_edit(self.window.editor.delete_relations([rel.id]))
            self._message(self.tr("Relation removed (Ctrl+Z brings it back)."))

    def retype(self, relation_id: str) -> None:
        """Another type for a relation of the selected span: the types that may join its
        two spans (in its direction), as a short list under its row."""
        rel, editor, tagset = self.relations().by_id.get(relation_id), self.window.editor, \
            self.window.tagset
        if rel is None or tagset is None or editor.index is None:
            return
        source, target = editor.index.get(rel.source), editor.index.get(rel.target)
        if source is None or target is None:
            return
        options = core.retype_options(tagset, source, target, rel.type)
        if not options:
            return self._message(self.tr("No other relation type may join these two spans."))
        box = self.window.panel.relations
        chosen = relmenu.choose_type(box, options, box.anchor())
        if chosen is None:
            return
        try:
            change = editor.retype_relation(rel.id, chosen.type.id, chosen.reverse)
        except RelationError as e:
            return self._message(e.plain, 0)
        self.window._after_edit(change)
        self._message(self.tr("Relation type changed (Ctrl+Z changes it back)."))
        box.list.setFocus()

    def focus_list(self) -> None:
        box = self.window.panel.relations
        if box.list.count():
            box.list.setFocus()
        else:
            self._message(self.tr("The selected span has no relations."))

    # --- making a relation -----------------------------------------------------------------
    def start(self) -> None:
        span, w = self.window.editor.selected, self.window
        if self.picking is not None:
            self.cancel()
        if w.tagset is None or not w.tagset.relations:
            return self._message(self.tr("The tagset declares no relation types."))
        if span is None:
            return self._message(self.tr("Select a span first (Tab), then press Shift+R."))
        if span.annotator != w.session.annotator.id:
            return self._message(self.tr("A relation joins spans of one annotator: this "
                                         "span is {name}'s.").format(
                name=w.panel.model.annotator_name(span.annotator)))
        picking = core.Picking(w.tagset, span, w.editor.visible_spans())
        if picking.picked is None:
            return self._message(self.tr("No span in this document may be related to "
                                         "this one."))
        self.picking = picking
        w.reader.setFocus()
        self._show_pick()

    def step(self, direction: int) -> None:
        if self.picking is not None:
            self.picking.step(direction)
            self._show_pick()

    def pick(self, span_id: str) -> bool:
        """A click in the reader while a relation is being made."""
        if self.picking is None or not self.picking.pick(span_id):
            return False
        self._show_pick()
        self.choose()
        return True

    def _show_pick(self) -> None:
        p, reader = self.picking, self.window.reader
        assert p is not None and p.picked is not None
        self.layer.pending = (p.start, p.picked)
        cursor = QTextCursor(reader.document())
        cursor.setPosition(reader.umap.to_utf16(p.picked.start))
        reader.setTextCursor(cursor)
        reader.ensureCursorVisible()
        reader.viewport().update()
        keys = ", ".join(f"{o.type.hotkey} {o.type.name(i18n.tag_lang())}"
                         for o in p.options() if o.type.hotkey)
        self._message(self.tr(
            "Relate 「{start}」 to 「{picked}」 ({n} of {total}): Tab/Shift+Tab another span, "
            "{keys} or Enter to choose, Esc to cancel.").format(
            start=self._text(p.start), picked=self._text(p.picked), n=p.position + 1,
            total=len(p.candidates), keys=keys), 0)

    def choose(self) -> None:
        """Enter, Space or a click: the relation types that fit, as a short list."""
        if self.picking is None:
            return
        option = relmenu.choose(self.window.reader, self.picking, self._rect_of_pick())
        if option is not None:
            self.finish(option)

    def _rect_of_pick(self):
        reader, p = self.window.reader, self.picking
        assert p is not None and p.picked is not None
        cursor = QTextCursor(reader.document())
        cursor.setPosition(reader.umap.to_utf16(p.picked.end))
        return reader.cursorRect(cursor)

    def key(self, text: str) -> None:
        """A relation type's key: finish with that type if it joins the two spans."""
        p = self.picking
        assert p is not None and p.picked is not None
        option = p.option_by_key(text)
        if option is not None:
            return self.finish(option)
        rtype = self.window.tagset.relation_by_hotkey(text) if self.window.tagset else None
        if rtype is None:
            return self._show_pick()
        self._message(self.tr("「{type}」 cannot join {a} and {b}; Enter lists what can.").format(
            type=rtype.name(i18n.tag_lang()), a=i18n.tag_name(self.window.tags, p.start.tag),
            b=i18n.tag_name(self.window.tags, p.picked.tag)), 0)

    def finish(self, option: core.Option) -> None:
        p, w = self.picking, self.window
        assert p is not None and p.picked is not None
        source, target = option.ends(p.start, p.picked)
        assert w.tagset is not None
        previous = w.editor.selected
        try:  # checked against the tagset and the relations the editor holds
            change = w.editor.add_relation(source.id, target.id, option.type.id)
        except RelationError as e:  # the reason; the ids are no news to whoever drew it
            return self._message(e.plain, 0)
        except AnnotatorError as e:
            return self._message(str(e), 0)
        self._drop_picking()
        picked = p.picked
        w.editor.select(picked.id)  # the chain goes on from the other end
        w._after_edit(change)
        for span in (previous, picked):  # bold moves from one to the other
            if span is not None:
                w.reader.repaint_range(span.start, span.end, restyle=True)
        self._message(self.tr("Related: 「{a}」 {type} 「{b}」. Shift+R goes on from 「{c}」.")
                      .format(a=self._text(source), type=option.type.name(i18n.tag_lang()),
                              b=self._text(target), c=self._text(picked)))

    def _drop_picking(self) -> None:
        self.picking, self.layer.pending = None, None

    def cancel(self) -> None:
        self._drop_picking()
        self.window._show_selection(scroll=False)
        self.window.reader.viewport().update()
        self._message(self.tr("No relation made."))

    def _text(self, span: Annotation) -> str:
        return self.window.doc.text[span.start:span.end]

    def _message(self, text: str, timeout: int = 5000) -> None:
        self.window.statusBar().showMessage(text, timeout)

    # --- keys and clicks while a relation is being made --------------------------------------
    def eventFilter(self, obj, e) -> bool:  # noqa: N802 (Qt override)
        if self.picking is None:
            return False
        kind, reader = e.type(), self.window.reader
        if obj is reader and kind == QEvent.Type.ShortcutOverride and self._ours(e):
            e.accept()
            return True
        if obj is reader and kind == QEvent.Type.KeyPress:
            return self._key_pressed(e)
        if obj is reader.viewport() and kind in (QEvent.Type.MouseButtonPress,
                                                 QEvent.Type.MouseButtonDblClick):
            return e.button() == Qt.MouseButton.LeftButton
        if obj is reader.viewport() and kind == QEvent.Type.MouseButtonRelease and \
                e.button() == Qt.MouseButton.LeftButton:
            self._clicked(reader.cp_at(e.position().toPoint()))
            return True
        return False

    def _ours(self, e) -> bool:
        """Keys the mode reads: its own, and any plain key (a relation key may be a tag key)."""
        plain = not e.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                     | Qt.KeyboardModifier.AltModifier)
        return e.key() in MODE_KEYS or (plain and bool(e.text().strip()))

    def _key_pressed(self, e) -> bool:
        key = e.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.step(-1 if key == Qt.Key.Key_Backtab else 1)
        elif key == Qt.Key.Key_Escape:
            self.cancel()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            guard(self.window, self.choose)()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):  # not the span: Esc first
            self._message(self.tr("A relation is being made: Esc cancels it (Del deletes "
                                  "nothing meanwhile)."))
        elif self._ours(e):
            guard(self.window, self.key)(e.text().strip())
        else:
            return False  # arrows, Page Down: the reader scrolls
        return True

    def _clicked(self, pos: int) -> None:
        editor = self.window.editor
        hits = editor.index.at(pos, editor.keep) if editor.index is not None else []
        if not any(self.pick(a.id) for a in hits):
            self._message(self.tr("No relation may join that to 「{start}」; click a span "
                                  "the list of targets offers (Tab).").format(
                start=self._text(self.picking.start) if self.picking else ""), 0)


# --- the window's hooks ----------------------------------------------------------------------
def controller(window: MainWindow) -> Relating:
    return _CONTROLLERS[window]


def wire(window: MainWindow) -> None:
    _CONTROLLERS[window] = Relating(window)


def project_opened(window: MainWindow) -> None:
    ctl = controller(window)
    ctl._drop_picking()
    ctl._loaded_for = None
    ctl.layer.forget_labels()


def shutdown(window: MainWindow) -> None:
    controller(window)._drop_picking()


def after_change(window: MainWindow, change: Change) -> None:
    controller(window).after_change(change)


def start(window: MainWindow) -> None:
    controller(window).start()


def focus_list(window: MainWindow) -> None:
    controller(window).focus_list()
