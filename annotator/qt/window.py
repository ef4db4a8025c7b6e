"""The main window: wires the reader, palette, document list and annotation panel to an
:class:`~annotator.core.editor.Editor`. It decides nothing itself."""

from __future__ import annotations

import time
from functools import partial

from PySide6.QtCore import QSettings, QThread, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QVBoxLayout, QWidget

from annotator import zh
from annotator.core.commands import Change
from annotator.core.document import Document
from annotator.core.editor import Editor
from annotator.core.memory import paused_gc
from annotator.core.session import Session
from annotator.core.spans import SpanIndex
from annotator.core.store import ProjectStore
from annotator.qt import (
    dropping,
    i18n,
    people,
    recent,
    relating,
    review,
    safety,
    spanloading,
    statusbar,
    suggestions,
    team,
    workboard,
)
from annotator.qt import undo as undo_actions
from annotator.qt.actions import build_actions, tag_actions
from annotator.qt.docks import build_docks, hold_paint
from annotator.qt.doclist import DocumentList
from annotator.qt.findbar import FindBar
from annotator.qt.palette import TagPalette
from annotator.qt.panel import AnnotationPanel
from annotator.qt.reader import Reader
from annotator.qt.reviewpanel import ReviewPanel
from annotator.qt.searchpanel import SearchPanel

VIEW_ORDER = ["original", "simplified", "traditional"]


class MainWindow(QMainWindow):
    def __init__(self, store: ProjectStore, annotator, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings("annotator", "annotator")
        self.view = "original"
        self.menus: dict = {}
        self.annotator_menu: QMenu
        self.docks_menu: QMenu
        self._build_widgets()
        self.acts = build_actions(self)
        self.docks: dict[str, QDockWidget] = {}
        self.lexicon_timer = QTimer(self, singleShot=True)
        self.span_loader = spanloading.SpanLoader(self)
        self.lexicon_builder: QThread | None = None
        self.lexicon_receiver: suggestions.Receiver
        self.recommending: suggestions.recommenders.Recommending
        self.safety_receiver: safety.Receiver
        self.banner: QLabel
        self.backup_timer: QTimer
        self.lock_timer: QTimer
        self.retry_timer: QTimer
        self.live: team.Live | None = None  # a team project's colleagues, as they commit
        self.backed_up_at = -1
        build_docks(self)
        for module in (suggestions, safety, team, workboard, relating):
            module.wire(self)
        dropping.install(self)
        self.set_project(store, annotator)
        self._restore_window()

    # --- construction ----------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.reader = Reader()
        self.findbar = FindBar()
        self.findbar.hide()
        self.findbar.home = self.reader
        centre = QWidget()
        self.centre_layout = layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reader)
        layout.addWidget(self.findbar)
        self.setCentralWidget(centre)
        self.tag_palette = TagPalette()
        self.panel = AnnotationPanel()
        self.review = ReviewPanel()
        self.search = SearchPanel()
        self.search.jump.connect(self.jump_to)
        self.doc_list = DocumentList()
        self.status_view, self.status_who, self.status_doc, self.status_saved = \
            statusbar.install(self)
        self.reader.spanActivated.connect(self.select_span)
        self.reader.navigate.connect(lambda d: self.next_span() if d > 0 else self.prev_span())
        self.reader.escaped.connect(self.clear_selection)
        self.tag_palette.tagChosen.connect(safety.guard(self, self.apply_tag))
        self.panel.spanActivated.connect(self.select_span)
        self.panel.inspector.attributesEdited.connect(safety.guard(self, self.edit_attributes))
        self.findbar.found.connect(lambda s, e: self.reader.select_range(s, e))
        self.doc_list.documentChosen.connect(self._doc_chosen)

    # --- project ---------------------------------------------------------------------------
    def set_project(self, store: ProjectStore, annotator) -> None:
        self.store = store
        self.search.set_store(store)
        self.tagset = store.tagset()
        self.tags = {t.id: t for t in self.tagset.tags} if self.tagset else {}
        self.session = Session(store, annotator)
        self.editor = Editor(store, self.session)
        undo_actions.update_actions(self)
        self.reader.keep = self.editor.keep
        self.reader.colour_of = lambda tag: self.tags[tag].colour if tag in self.tags else "#ccc"
        self.reader.describe = partial(people.describe, self)
        self.panel.model.tag_name = lambda t: i18n.tag_name(self.tags, t)
        self.panel.model.tag_colour = self.reader.colour_of
        self.panel.model.find = lambda i: self.editor.index.get(i) if self.editor.index else None
        self.review.tag_name = self.panel.model.tag_name
        if self.tagset:
            self.tag_palette.set_tagset(self.tagset)
            self.tag_actions = tag_actions(self, self.tagset)
        people.refresh(self)
        self.status_who.setText(self.tr("Annotator: {name}").format(
            name=self.session.annotator.name))
        self.setWindowTitle(f"annotator — {team.title(store)}")
        recent.remember(self.settings, store.path or team.address(store))
        self.refresh_documents()
        for module in (suggestions, safety, team, workboard, relating):
            module.project_opened(self)
        last = self.settings.value(f"last-document/{store.location}")
        rows = self.doc_list.model.rows
        if rows:
            self.open_document(last if self.doc_list.model.row_of(last) >= 0 else rows[0].id)
        else:  # nothing of the previous project stays on screen
            self.reader.show_text("", SpanIndex(""))
            self.panel.model.set_rows("", [])

    def refresh_documents(self) -> None:
        self.doc_list.load(self.store)

    # --- documents -------------------------------------------------------------------------
    def _doc_chosen(self, doc_id: str) -> None:
        if self.editor.doc is None or doc_id != self.editor.doc.id:
            self.open_document(doc_id)

    def open_document(self, doc_id: str, around: int = 0) -> None:
        """``around``: a code point about to be shown (its spans are read first)."""
        started = time.perf_counter()
        with paused_gc():  # tens of thousands of span tuples: see core.memory
            doc = self.editor.open(doc_id, around)
            self._show_document(around)
        self._now_current(doc_id)
        self.statusBar().showMessage(self.tr("Opened {title} in {ms:.0f} ms").format(
            title=doc.title, ms=(time.perf_counter() - started) * 1000), 4000)

    def _now_current(self, doc_id: str) -> None:
        """The document shown now: selected in the list, and reopened next time."""
        self.settings.setValue(f"last-document/{self.store.location}", doc_id)
        self.doc_list.mark_current(doc_id)
        workboard.document_current(self, doc_id)

    @property
    def doc(self) -> Document:
        """The open document (the window always has one open while it has any)."""
        assert self.editor.doc is not None and self.editor.index is not None
        return self.editor.doc

    def _show_document(self, at: int = 0) -> None:
        doc = self.doc
        assert self.editor.index is not None
        suggestions.document_shown(self)
        self.reader.show_text(zh.convert_view(doc.text, self.view), self.editor.index, at)
        self.findbar.set_text(doc.text)
        self.span_loader.shown()  # the span table: now, or when every span is read
        self._show_selection(scroll=False)
        self._update_document_row(counted=True)
        review.refresh(self)

    def jump_to(self, doc_id: str, start: int, end: int) -> None:
        """Show ``[start, end)`` of a document (a search hit, a finding)."""
        if self.editor.doc is None or self.editor.doc.id != doc_id:
            self.open_document(doc_id, around=start)
        self.reader.select_range(start, end)
        self.reader.setFocus()

    def _step_document(self, step: int) -> None:
        ids = self.doc_list.ids_in_view()
        if self.editor.doc is None or not ids:
            return
        here = ids.index(self.editor.doc.id) if self.editor.doc.id in ids else -1
        self.open_document(ids[(here + step) % len(ids)])

    def next_document(self) -> None:
        self._step_document(1)

    def previous_document(self) -> None:
        self._step_document(-1)

    def set_status(self, status: str) -> None:
        """The open document's status: an edit like any other (undoable)."""
        self._after_edit(self.editor.set_status(status))

    def _update_document_row(self, counted: bool = False) -> None:
        spanloading.document_row(self, counted)

    # --- editing ---------------------------------------------------------------------------
    def apply_tag(self, tag_id: str) -> None:
        start, end = suggestions.snapped(self, *self.reader.selection())
        change = self.editor.apply_tag(tag_id, start, end)
        if change is None and start == end and self.editor.selected is None:
            self.statusBar().showMessage(
                self.tr("Select some text first, then press a tag key."), 4000)
        self._after_edit(change)

    def delete_span(self) -> None:
        """Del: delete the selected span, or reject the suggestion under the caret."""
        if self.editor.selected is not None or not suggestions.reject(self):
            self._after_edit(self.editor.delete_selected())

    def _move(self, edge: str, delta: int) -> None:
        self._after_edit(self.editor.move_edge(edge, delta))

    def start_left(self) -> None:
        self._move("start", -1)

    def start_right(self) -> None:
        self._move("start", 1)

    def end_left(self) -> None:
        self._move("end", -1)

    def end_right(self) -> None:
        self._move("end", 1)

    def edit_attributes(self, span_id: str, attributes: dict) -> None:
        self._after_edit(self.editor.set_attributes(span_id, attributes))

    def _after_edit(self, change: Change | None) -> None:
        if change is None:
            return
        self.apply_change(change)
        undo_actions.update_actions(self, change)

    def _after_undo(self, change: Change | None) -> None:
        """Show what an undo or redo did (see :mod:`annotator.qt.undo`)."""
        if change is not None and self.reader.index is not self.editor.index:
            workboard.after_change(self, change, mine=True)
            self._show_document()  # the editor went to the document the step changed
            self._now_current(self.doc.id)
            self._update_document_row()
            self._saved()
        elif change is not None:
            self.apply_change(change)
        undo_actions.update_actions(self)

    def apply_change(self, change: Change, mine: bool = True) -> None:
        hold_paint(self, mine)  # the edited paragraph is painted first; the panels just after
        self.reader.select_drawn(self.editor.selected, change.touched)
        if touched := change.touched:
            self.reader.repaint_range(*touched, restyle=suggestions.kept(self, change, mine))
        added = [a for a in change.added if self.editor.keep(a)]
        held = self.panel.model.apply(list(change.removed), added)
        self.tag_counts.subtract(a.tag for a in held)
        self.tag_counts.update(a.tag for a in added)
        review.refresh(self)
        relating.after_change(self, change)
        if not self.span_loader.loading:  # else the counts come when every span is read
            self.tag_palette.set_counts(self.tag_counts)
        if any("normalized" in a.attributes for a in change.removed + change.added):
            self._refresh_names()
        self._show_selection(scroll=False)
        statuses = change.command is not None and bool(change.command.statuses_after)
        self._update_document_row(counted=not statuses)
        if mine:  # a colleague's change was saved by them
            self._saved()
        suggestions.after_change(self, change)
        workboard.after_change(self, change, mine)

    def undo(self) -> None:
        undo_actions.undo(self)

    def redo(self) -> None:
        undo_actions.redo(self)

    # --- selection and navigation ---------------------------------------------------------
    def select_span(self, span_id: str) -> None:
        previous = self.editor.selected
        self.editor.select(span_id)
        self._selection_changed(previous)

    def next_span(self) -> None:
        previous = self.editor.selected
        self.editor.step(1, self.reader.cursor_cp())
        self._selection_changed(previous)

    def prev_span(self) -> None:
        previous = self.editor.selected
        self.editor.step(-1, self.reader.cursor_cp())
        self._selection_changed(previous)

    def clear_selection(self) -> None:
        previous = self.editor.selected
        self.editor.select(None)
        self.reader.clear_selection()
        self.findbar.dismiss()
        self._selection_changed(previous, scroll=False)

    def _selection_changed(self, previous, scroll: bool = True) -> None:
        current = self.editor.selected
        self.reader.selected_id = current.id if current else None
        for span in (previous, current):
            if span is not None:
                self.reader.repaint_range(span.start, span.end, restyle=True)
        self._show_selection(scroll)

    def _show_selection(self, scroll: bool = True) -> None:
        span = self.editor.selected
        self.reader.selected_id = span.id if span else None
        if span is not None:
            # the caret goes to the span; its own highlight (bold, full colour) marks it
            self.reader.select_range(span.start, span.start, ensure_visible=scroll)
            text = self.doc.text[span.start:span.end]
            heading = f"<b>{text}</b> — {i18n.tag_name(self.tags, span.tag)}"
            self.panel.inspector.show_span(span, heading)
        else:
            self.panel.inspector.show_span(None, "")
        self.panel.select(span.id if span else None)
        workboard.selection_shown(self)

    def _refresh_panel(self) -> None:
        self.panel.model.set_rows(self.doc.text, self.editor.visible_spans(), ordered=True)
        self._refresh_counts()

    def _refresh_counts(self) -> None:
        self.tag_counts = self.panel.model.tag_counts()
        self.tag_palette.set_counts(self.tag_counts)
        self._refresh_names()

    def _refresh_names(self) -> None:
        self.panel.inspector.set_known_names(self.panel.model.known_names())

    def _saved(self, at: float | None = None) -> None:
        self.saved_at = time.time() if at is None else at  # kept by a language switch
        self.status_saved.setText(self.tr("Saved {time}").format(
            time=time.strftime("%H:%M:%S", time.localtime(self.saved_at))))

    # --- view ------------------------------------------------------------------------------
    def set_view(self, view: str) -> None:
        self.view = view
        self.acts[f"view_{view}"].setChecked(True)
        statusbar.show_view(self.status_view, view)
        self.settings.setValue("view", view)
        if self.editor.doc is not None:
            cursor = self.reader.selection()
            self._show_document()
            if cursor[0] != cursor[1] and self.editor.selected is None:
                self.reader.select_range(*cursor)

    def cycle_view(self) -> None:
        self.set_view(VIEW_ORDER[(VIEW_ORDER.index(self.view) + 1) % len(VIEW_ORDER)])

    def set_shown(self, shown) -> None:
        self.editor.shown = shown
        if self.editor.selected is not None and not self.editor.keep(self.editor.selected):
            self.editor.select(None)
        if self.editor.doc is not None:
            self._show_document()

    # --- projects ------------------------------------------------------------------------
    def switch_project(self, store: ProjectStore) -> None:
        old = self.store
        self.set_project(store, self.session.annotator)
        old.close()

    # --- window state ----------------------------------------------------------------------
    def _restore_window(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        state = self.settings.value("window-state")
        if state is not None:
            self.restoreState(state)
        view = self.settings.value("view", "original")
        if view in VIEW_ORDER and view != self.view:
            self.set_view(view)

    def closeEvent(self, e) -> None:  # noqa: N802
        for module in (suggestions, safety, team, workboard, relating):
            module.shutdown(self)
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window-state", self.saveState())
        super().closeEvent(e)
