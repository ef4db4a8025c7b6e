"""Notes and discussion in the window: the threads on the selected span (with no span
selected, every thread of the document) under the inspector, where a comment starts a
thread or replies in the chosen one, one's own comment is edited or deleted, and a
reviewer marks a thread resolved; Document → Next open thread (Ctrl+Shift+N) walks the
open ones across the corpus. Every change is a command (stored at once, undoable); the
thread view, the document list's count and review mode follow, and so do colleagues'
windows (live updates)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core import discussion
from annotator.core.discussion import Discussion
from annotator.core.workflow import Comment
from annotator.qt import i18n

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

ID_ROLE = Qt.ItemDataRole.UserRole
translate = QCoreApplication.translate


class SteadyHeading(QWidget):
    """A wrapped heading with room for ``lines`` lines whatever it says: a selection
    moving between a short span's heading and a longer one would otherwise move what lies
    below it. A heading longer than its room is cut: the whole of it is its tooltip.

    The text is a label placed in this box by hand, not by a layout: a label's new text
    asks its parent's layout to lay out again, and that request went up through the
    inspector, the panel and the dock to the window, which laid everything out again (and
    repainted the dock) on every selection. Here the request stops at the box, whose size
    never depends on the text."""

    def __init__(self, text: str = "", lines: int = 2):
        super().__init__()
        self.lines = lines
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.label.installEventFilter(self)  # its own font (a style sheet's) sizes the box
        self._fit()
        self.setText(text)

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if text != self.label.text():
            self.label.setText(text)
            self.setToolTip(text)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().averageCharWidth() * 24, self.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().averageCharWidth() * 4, self.height())

    def resizeEvent(self, e) -> None:  # noqa: N802
        self.label.setGeometry(self.rect())

    def _fit(self) -> None:
        margins = self.label.contentsMargins()
        self.setFixedHeight(self.lines * self.label.fontMetrics().lineSpacing()
                            + margins.top() + margins.bottom())

    def eventFilter(self, obj, e) -> bool:  # noqa: N802
        if obj is self.label and e.type() in (QEvent.Type.FontChange,
                                              QEvent.Type.StyleChange):
            self._fit()  # another size: the lines' room follows
        return False


class ThreadView(QWidget):
    """Threads and their comments; what the user asks for goes out as signals."""

    started = Signal(str)  # a new thread's first comment
    replied = Signal(str, str)  # thread id, text
    resolved = Signal(str, bool)  # thread id, resolved (False: open again)
    edited = Signal(str)  # comment id
    deleted = Signal(str)  # comment id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.found: list[Discussion] = []
        self.me = ""
        self.heading = SteadyHeading()
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.text = QLineEdit(placeholderText=self.tr("Write a comment… (Enter)"))
        self.text.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # never a tag key's target
        self.start = QPushButton(self.tr("New thread"))
        self.reply = QPushButton(self.tr("Reply"))
        self.resolve = QPushButton(self.tr("Resolve"))
        self.edit = QPushButton(self.tr("Edit"))
        self.delete = QPushButton(self.tr("Delete"))
        buttons = QHBoxLayout()
        for b in (self.start, self.reply, self.resolve, self.edit, self.delete):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.heading, self.tree, self.text):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self.text.returnPressed.connect(lambda: self._send(bool(self.thread_id())))
        self.start.clicked.connect(lambda: self._send(False))
        self.reply.clicked.connect(lambda: self._send(True))
        self.resolve.clicked.connect(self._resolve)
        self.edit.clicked.connect(lambda: self._own(self.edited))
        self.delete.clicked.connect(lambda: self._own(self.deleted))
        self.tree.currentItemChanged.connect(lambda *_: self._buttons())
        self.can_resolve = False
        self.show_threads([], "", "", False)

    def show_threads(self, found: list[Discussion], heading: str, me: str,
                     can_resolve: bool, where=lambda t: "") -> None:
        """``where(thread)``: what a thread is about (shown when it is not the heading)."""
        keep = self.thread_id()
        self.found, self.me, self.can_resolve = found, me, can_resolve
        self.heading.setText(heading)
        self.tree.clear()
        for thread, comments in found:
            state = self.tr("open") if thread.open else self.tr("resolved by {name}").format(
                name=thread.resolved_by)
            about = where(thread)
            top = QTreeWidgetItem([f"{'● ' if thread.open else '✓ '}{state}"
                                   f"{' · ' + about if about else ''}"])
            top.setData(0, ID_ROLE, thread.id)
            for c in comments:
                child = QTreeWidgetItem([f"{c.author} · {i18n.when(c.created)}: {c.text}"])
                child.setData(0, ID_ROLE, c.id)
                child.setToolTip(0, c.text)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
            if thread.id == keep:
                self.tree.setCurrentItem(top)
        self._buttons()

    def thread_id(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return (item.parent() or item).data(0, ID_ROLE)

    def comment_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None and item.parent() else None

    def _thread(self) -> Discussion | None:
        return next((d for d in self.found if d.thread.id == self.thread_id()), None)

    def _buttons(self) -> None:
        chosen = self._thread()
        mine = self.comment_id() in {c.id for c in chosen.comments if c.author == self.me} \
            if chosen else False
        self.reply.setEnabled(chosen is not None)
        self.resolve.setEnabled(chosen is not None and self.can_resolve)
        self.resolve.setText(self.tr("Reopen") if chosen and not chosen.thread.open
                             else self.tr("Resolve"))
        self.edit.setEnabled(mine)
        self.delete.setEnabled(mine)

    def _send(self, as_reply: bool) -> None:
        text = self.text.text().strip()
        if not text:
            return
        thread = self.thread_id()
        if as_reply and thread:
            self.replied.emit(thread, text)
        else:
            self.started.emit(text)
        self.text.clear()

    def _resolve(self) -> None:
        chosen = self._thread()
        if chosen is not None:
            self.resolved.emit(chosen.thread.id, chosen.thread.open)

    def _own(self, signal) -> None:
        if (comment := self.comment_id()) is not None:
            signal.emit(comment)


# --- the window's side ----------------------------------------------------------------------
def wire(window: MainWindow) -> None:
    from annotator.qt.safety import guard

    view = window.panel.notes
    view.started.connect(guard(window, lambda text: _start(window, text)))
    view.replied.connect(guard(window, lambda thread, text: _run(
        window, discussion.reply(_find(window, thread).thread, _me(window), text))))
    view.resolved.connect(guard(window, lambda thread, done: _run(
        window, discussion.resolve(_find(window, thread).thread, _me(window), done))))
    view.edited.connect(guard(window, lambda comment: _edit(window, comment)))
    view.deleted.connect(guard(window, lambda comment: _delete(window, comment)))


def _me(window: MainWindow) -> str:
    return window.session.annotator.id


def _run(window: MainWindow, command) -> None:
    window._after_edit(window.editor.run(command, keep_selection=True))


def _find(window: MainWindow, thread_id: str) -> Discussion:
    return next(d for d in window.panel.notes.found if d.thread.id == thread_id)


def _comment(window: MainWindow, comment_id: str) -> tuple[Discussion, Comment]:
    for d in window.panel.notes.found:
        for c in d.comments:
            if c.id == comment_id:
                return d, c
    raise LookupError(comment_id)


def _start(window: MainWindow, text: str) -> None:
    doc = window.editor.doc
    if doc is not None:
        _run(window, discussion.open_thread(doc.id, window.editor.selected, _me(window), text))


def _edit(window: MainWindow, comment_id: str) -> None:
    _, comment = _comment(window, comment_id)
    text, ok = QInputDialog.getMultiLineText(window, translate("Threads", "Edit comment"),
                                             translate("Threads", "Comment:"),
                                             comment.text)
    if ok:
        _run(window, discussion.edit_comment(comment, _me(window), text))


def _delete(window: MainWindow, comment_id: str) -> None:
    found, comment = _comment(window, comment_id)
    _run(window, discussion.delete_comment(found, comment, _me(window)))


#: the open document's threads and comments as last read: (doc id, threads, comments)
_READ: WeakKeyDictionary[MainWindow, tuple[str, list, list]] = WeakKeyDictionary()


def refresh(window: MainWindow, reread: bool = True) -> None:
    """The threads of the selected span (none selected: of the whole document); read
    again unless ``reread`` is False (another span selected: nothing changed, so a team
    project asks its server nothing for it)."""
    doc, view = window.editor.doc, window.panel.notes
    if doc is None:
        view.show_threads([], "", _me(window), False)
        return
    read = _READ.get(window)
    if reread or read is None or read[0] != doc.id:
        read = _READ[window] = (doc.id, window.store.threads(doc.id),
                                window.store.comments(doc.id))
    span = window.editor.selected
    threads = [t for t in read[1] if span is None or t.span_id == span.id]
    found = discussion.discussions(threads, read[2])
    index = window.editor.index  # a span by id in O(1): no per-refresh copy of all spans

    def where(t) -> str:
        if span is not None:
            return ""
        if t.span_id is None:
            return translate("Threads", "the document")
        place = index.get(t.span_id) if index is not None else None
        return doc.text[place.start:place.end] if place else \
            translate("Threads", "{text} (span deleted)").format(text=doc.text[t.start:t.end])

    heading = translate("Threads", "Notes on “{text}”").format(
        text=doc.text[span.start:span.end][:30]) if span is not None else \
        translate("Threads", "Notes on this document (select a span for its own)")
    view.show_threads(found, heading, _me(window), window.session.reviews, where)


def next_thread(window: MainWindow) -> None:
    """Document → Next open thread: open its document, select its span (or put the caret
    where it was), and show it in the thread view."""
    view = window.panel.notes
    doc = window.editor.doc
    current = next((d.thread for d in view.found if d.thread.id == view.thread_id()), None)
    every = window.store.threads()
    index = window.editor.index  # the spans threads are on, not every span of the document
    spans = {t.span_id: a for t in every if t.span_id and index is not None
             and (a := index.get(t.span_id)) is not None}
    found = discussion.next_open(window.doc_list.ids_in_view(), every,
                                 doc.id if doc else None, window.reader.cursor_cp(), spans,
                                 current)
    if found is None:
        window.statusBar().showMessage(translate("Threads", "No open thread."), 4000)
        return
    if doc is None or doc.id != found.doc_id:
        window.open_document(found.doc_id)
    span = window.editor.index.get(found.span_id) if found.span_id and window.editor.index \
        else None
    if span is not None:
        window.select_span(span.id)
    else:
        window.clear_selection()
        window.reader.select_range(found.start or 0, found.start or 0)
    window.docks["annotations"].show()
    window.docks["annotations"].raise_()
    refresh(window)
    for i in range(view.tree.topLevelItemCount()):
        item = view.tree.topLevelItem(i)
        if item is not None and item.data(0, ID_ROLE) == found.id:
            view.tree.setCurrentItem(item)
