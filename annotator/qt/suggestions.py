"""Suggestions in the reader: unannotated occurrences of known terms, dotted-underlined in
their tag's colour. N / P walk them, A accepts, U (or Del) rejects, Shift+A accepts every
suggestion in the document (one undo step). Nothing is added until the user says so.

The lexicon (every span of the project counted, compiled into one scanner) is built on a
worker thread with its own connection when a project opens (on a big project once the
document list's idle work is done: :func:`list_settling`), so neither opening a project
nor a long document waits for it; a tag on a new term recompiles it a moment after the edit.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from annotator.core.commands import Change
from annotator.core.errors import ConnectionLost
from annotator.core.memory import give_back_free_heap
from annotator.core.suggest import Suggestion, build_pattern
from annotator.core.suggester import LexiconSource
from annotator.qt import i18n, recommenders
from annotator.qt.i18n import QT_TRANSLATE_NOOP
from annotator.qt.jobs import Background, Opener, opener
from annotator.qt.recommenders import snapped  # noqa: F401 (the window's, through here)

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

BUILD_DELAY_MS = 50  # after the first paint of a project
COMPILE_DELAY_MS = 3000  # a pause after the edit that made a full compile due
LIST_WAIT_MS = 100  # a build waiting for the document list's idle work looks again after
LIST_WAIT_MAX_S = 30.0  # and waits no longer than this after the project opened
LIST_WAIT_ROWS = 20_000  # documents from which it waits (below, the list is done in ~2 s)
FAILED_MESSAGE_MS = 15_000  # how long the status bar says a build failed otherwise
LOST_RETRY_MS = 5000  # a build that lost the server's connection tries again after
HINT = QT_TRANSLATE_NOOP("Suggestions",
                         "A accept · U reject · Shift+A accept all in document · N/P next/previous")
translate = QCoreApplication.translate


def wire(window: MainWindow) -> None:
    window.lexicon_timer.timeout.connect(lambda: _start(window))
    window.lexicon_receiver = Receiver(window)
    toggle = window.acts["toggle_suggestions"]
    toggle.setCheckable(True)
    toggle.setChecked(bool(window.settings.value("show-suggestions", True, type=bool)))
    window.reader.describe_suggestion = lambda s: describe(window, s)
    recommenders.wire(window)


def shown(window: MainWindow) -> bool:
    return window.acts["toggle_suggestions"].isChecked()


class Receiver(QObject):
    """Takes the work's result in the GUI thread (a queued call: it lives there)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.opened = time.monotonic()  # the lexicon's last reset, for LIST_WAIT_MAX_S
        self.list_settled = False  # the list's idle work was seen done since then

    def lost(self, error: object) -> None:
        """The build or compile raised: the window goes on without suggestions, and after a
        lost connection tries again once it is back (before, the dead job stayed the
        window's builder and nothing was built until the project was opened again); after
        any other failure the status bar says so, in one line."""
        window, job = self.window, self.sender()
        if job is not window.lexicon_builder:
            return
        window.lexicon_builder = None
        if isinstance(error, ConnectionLost):
            window.lexicon_timer.start(LOST_RETRY_MS)
            return
        first = (str(error).strip().splitlines() or [type(error).__name__])[0]
        window.statusBar().showMessage(translate(
            "Suggestions", "Suggestions are off: {error} (they are prepared again when the "
            "project is opened again)").format(error=first), FAILED_MESSAGE_MS)

    def take(self, result: object) -> None:
        window, job = self.window, self.sender()
        if job is not window.lexicon_builder or window.store.closed:
            return  # another project, or closed
        assert isinstance(job, Background)
        window.lexicon_builder = None
        editor = window.editor
        if job.kind == "build" and job.token == editor.changes:
            assert isinstance(result, LexiconSource)
            editor.use_lexicon(result)
        elif job.kind == "compile" and editor.lexicon is not None and \
                editor.lexicon.install(result, job.token):  # type: ignore[arg-type]
            editor.compile_lexicon()
        else:  # edits meanwhile: again
            window.lexicon_timer.start(BUILD_DELAY_MS)
            return
        if shown(window):
            window.reader.refresh_all()


def _build(open_store: Opener, owner: str | None = None,
           cancelled: Callable[[], bool] = lambda: False) -> LexiconSource:
    """``owner``: count their spans only (blind annotation binds them). ``cancelled()`` is
    asked between parts of the work (a closing window or another project waits for one
    part at most: a fraction of a second), which then ends with ``Cancelled``."""
    with open_store() as store:  # the window's open checked it
        source = LexiconSource(store.tagset(), store.span_texts(owner), cancelled)
    source.compile(cancelled)
    give_back_free_heap()  # counting 10,000,000 spans freed hundreds of MB
    return source


def project_opened(window: MainWindow) -> None:
    """A new project: its lexicon is built when the window is next idle (the last one's
    build, if any, stops)."""
    _cancel(window)
    window.editor.lexicon = None
    window.lexicon_receiver.opened = time.monotonic()
    window.lexicon_receiver.list_settled = False
    window.lexicon_timer.start(BUILD_DELAY_MS)
    recommenders.project_opened(window)


def shutdown(window: MainWindow) -> None:
    """The window closes: no new lexicon work, and the running one stops at its next part
    (safety.shutdown waits for it: not for the whole build)."""
    window.lexicon_timer.stop()
    _cancel(window)


def _cancel(window: MainWindow) -> None:
    job = window.lexicon_builder
    if isinstance(job, Background):
        job.cancel()
    window.lexicon_builder = None


def document_shown(window: MainWindow) -> None:
    s = window.editor.suggestions
    window.reader.suggestions_in = s.in_paragraph if (s is not None and shown(window)) \
        else None
    recommenders.document_shown(window)


def kept(window: MainWindow, change: Change, mine: bool) -> bool:
    """A colleague's change that leaves my suggestions as drawn: none of the spans
    suggestions make way for (mine) in it, no rejection, the lexicon's finds as they
    were. The paragraph is drawn anew for their spans, not its suggestions."""
    s = window.editor.suggestions
    return not mine and not window.editor.suggestions_touched and not any(
        change.rejections) and (s is None or all(
            a.annotator != s.annotator for a in change.removed + change.added))


def after_change(window: MainWindow, change: Change) -> None:
    """An edit may have brought a new term (suggested at once: redraw what is on screen);
    after many, a full compile waits for a pause in the work. New spans count towards
    the recommenders' next training."""
    recommenders.after_change(window, len({a.id for a in change.added} -
                                          {a.id for a in change.removed}))
    editor = window.editor
    if editor.lexicon is None:
        return
    if editor.suggestions_touched and shown(window) and editor.suggestions is not None:
        touched = change.touched  # its paragraphs were drawn anew with the change shown
        window.reader.refresh_suggestions(editor.suggestions.has_any(editor.lexicon.touched),
                                          window.reader.paragraphs(*touched) if touched
                                          else ())
    if editor.lexicon.due:
        window.lexicon_timer.start(COMPILE_DELAY_MS)


def _start(window: MainWindow) -> None:
    """Build the lexicon, or compile it anew, on a worker thread (in-memory projects,
    which a second connection cannot see, are built here)."""
    editor, open_store = window.editor, opener(window.store)
    if window.editor.doc is None or window.store.closed or window.lexicon_builder is not None:
        return
    if editor.lexicon is None and list_settling(window):
        window.lexicon_timer.start(LIST_WAIT_MS)
        return
    if editor.lexicon is None:
        if open_store is None:
            editor.build_lexicon()
            window.reader.refresh_all()
            return
        job = Background("build", partial(_build, open_store, editor.lexicon_owner()),
                         editor.changes, window, cancellable=True)
    elif editor.lexicon.due:
        forms, generation = editor.lexicon.forms()
        job = Background("compile", partial(build_pattern, forms), generation, window,
                         cancellable=True)
    else:
        return
    job.failed.connect(window.lexicon_receiver.lost)
    window.lexicon_builder = job.launch(window.lexicon_receiver.take)


def list_settling(window: MainWindow) -> bool:
    """The document list still reads its rows and makes their filter texts while idle (the
    first seconds of a big project): a build waits for it. Built meanwhile, the counting's
    passing objects and the list's lasting ones share the heap's arenas, and what the
    counting frees stays held (100,000 documents: 347 MB resident, 289 MB built after;
    and the two share the core). Only from :data:`LIST_WAIT_ROWS` documents (a smaller
    project's suggestions are not kept waiting), :data:`LIST_WAIT_MAX_S` at most, and only
    for the list's first pass after the lexicon was reset (a colleague's change makes the
    list's texts again: a team project's build would wait for each). While the server's
    connection is lost it waits too: a build then could only fail."""
    receiver, model = window.lexicon_receiver, window.doc_list.model
    if receiver.list_settled:
        return False
    if window.retry_timer.isActive():
        return True
    waited = time.monotonic() - receiver.opened
    receiver.list_settled = not (model.preparing and len(model.rows) >= LIST_WAIT_ROWS
                                 and waited < LIST_WAIT_MAX_S)
    return not receiver.list_settled


def describe(window: MainWindow, s: Suggestion) -> str:
    if s.recommender != "lexicon":
        return translate("Suggestions", "Suggestion: {tag} ({basis})").format(
            tag=_tag_name(window, s.tag), basis=recommenders.describe(s)) + "\n" + \
            translate("Suggestions", HINT)
    source = window.editor.lexicon.lexicon.entries.get(s.form) \
        if window.editor.lexicon else None
    n = source.annotated if source else 0  # (lupdate reads a plain name as the count)
    basis = translate("Suggestions", "tagged so {k} of %n time(s)", "", n).format(
        k=source.counts.get(s.tag, 0)) if source and n \
        else translate("Suggestions", "a term listed in the tagset")
    return translate("Suggestions", "Suggestion: {tag} ({basis})").format(
        tag=_tag_name(window, s.tag), basis=basis) + "\n" + recommenders.describe(s) + \
        "\n" + translate("Suggestions", HINT)


def _tag_name(window: MainWindow, tag_id: str) -> str:
    tag = window.tags.get(tag_id)
    return tag.name(i18n.tag_lang()) if tag else tag_id


# --- actions (Edit → Suggestions) ----------------------------------------------------
def toggle(window: MainWindow) -> None:
    window.settings.setValue("show-suggestions", shown(window))
    document_shown(window)
    window.reader.refresh_all()


def _current(window: MainWindow) -> Suggestion | None:
    if not shown(window) or window.editor.selected is not None:
        return None
    start, end = window.reader.selection()
    return window.editor.suggestion_at(start, end)


def _go(window: MainWindow, backwards: bool) -> None:
    s = window.editor.suggestions
    if not shown(window) or s is None:
        window.statusBar().showMessage(translate(
            "Suggestions", "Suggestions are hidden (Suggestions → Show suggestions)."), 4000)
        return
    start, end = window.reader.selection()
    # from a bare caret, a suggestion starting right there is the next one
    found = s.following(start, backwards, here_too=start == end)
    if found is None:
        window.statusBar().showMessage(
            translate("Suggestions", "No suggestions in this document."), 4000)
        return
    if window.editor.selected is not None:
        window.clear_selection()
    window.reader.select_range(found.start, found.end)
    text = window.doc.text[found.start:found.end]
    window.statusBar().showMessage(translate(
        "Suggestions", "Suggestion: {text} → {tag}   ({hint})").format(
        text=text, tag=_tag_name(window, found.tag), hint=translate("Suggestions", HINT)), 8000)


def next_suggestion(window: MainWindow) -> None:
    _go(window, backwards=False)


def previous_suggestion(window: MainWindow) -> None:
    _go(window, backwards=True)


def accept(window: MainWindow) -> None:
    s = _current(window)
    if s is None:
        window.statusBar().showMessage(
            translate("Suggestions", "Put the caret on a suggestion first (N)."), 4000)
        return
    window._after_edit(window.editor.accept([s]))
    window.editor.select(None)
    _go(window, backwards=False)


def reject(window: MainWindow) -> bool:
    """Reject the suggestion under the caret; False when there is none."""
    s = _current(window)
    if s is None:
        return False
    window._after_edit(window.editor.reject(s))
    _go(window, backwards=False)
    return True


def reject_key(window: MainWindow) -> None:
    if not reject(window):
        window.statusBar().showMessage(
            translate("Suggestions", "Put the caret on a suggestion first (N)."), 4000)


def accept_all_in_document(window: MainWindow) -> None:
    s = window.editor.suggestions
    every = s.all() if (s is not None and shown(window)) else []
    if not every:
        window.statusBar().showMessage(
            translate("Suggestions", "No suggestions in this document."), 4000)
        return
    change = window.editor.accept(every)
    window._after_edit(change)
    n = len(every)  # (lupdate reads a plain name as the count)
    window.statusBar().showMessage(translate(
        "Suggestions", "Accepted %n suggestion(s); Ctrl+Z takes them all back.", "", n), 6000)
