"""Review mode wiring: the Review dock's requests become commands on the open document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from annotator.core.commands import Command, with_status
from annotator.core.discussion import discussions
from annotator.core.editor import ALL
from annotator.core.store import as_team
from annotator.qt.safety import guard
from annotator.review.cases import accept, accept_unanimous, reject
from annotator.review.layers import own_annotators

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

translate = QCoreApplication.translate


def wire(window: MainWindow) -> None:
    panel = window.review
    panel.caseShown.connect(lambda s, e: window.reader.select_range(s, e))
    panel.accepted.connect(guard(window, lambda case, version, note: settle(
        window, accept(case, version, reviewer(window), note or None))))
    panel.rejected.connect(guard(window, lambda case, note: settle(
        window, reject(case, reviewer(window), note or None))))
    panel.unanimousAccepted.connect(guard(window, lambda cases: settle(
        window, accept_unanimous(cases, reviewer(window)))))
    panel.who.itemChanged.connect(lambda _: refresh(window))
    window.docks["review"].visibilityChanged.connect(
        lambda shown: refresh(window) if shown else leave(window))


def reviewer(window: MainWindow) -> str:
    return window.session.annotator.id


#: text colours for what only one annotator marked (Okabe–Ito, colour-blind safe, dark)
ANNOTATOR_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00"]


def colours_for(annotators: list[str]) -> dict[str, str]:
    return {a: ANNOTATOR_COLOURS[i % len(ANNOTATOR_COLOURS)] for i, a in enumerate(annotators)}


def enter(window: MainWindow) -> None:
    """Show the Review dock and put the keyboard in its case list (not while blind
    annotation shows me only my own layer of the document)."""
    if window.editor.hidden:
        window.statusBar().showMessage(translate(
            "Review", "Blind annotation: review this document once you have marked it "
            "done."), 6000)
        return
    dock = window.docks["review"]
    dock.show()
    dock.raise_()
    refresh(window)
    window.review.tree.setFocus()


def refresh(window: MainWindow) -> None:
    if not window.docks["review"].isVisible() or window.editor.doc is None:
        return
    doc = window.editor.doc
    annotators = window.store.annotators()
    names = {a.id: a.name for a in annotators}
    spans = list(window.editor.index or ())
    decisions = window.store.decisions(doc.id)
    found = discussions(window.store.threads(doc.id), window.store.comments(doc.id))
    window.review.threads_on = lambda case: [
        d for d in found if d.thread.span_id in {a.id for a in case.spans}]
    window.review.set_lock(_holder(window, doc.id))
    own = own_annotators(spans, decisions)
    window.review.set_annotators([a for a in annotators if a.id in own])
    window.review.show_document(doc.text, spans, decisions, names)
    shown = frozenset([*window.review.chosen(), reviewer(window)])
    if window.editor.shown != shown:  # the compared layers and the gold layer only
        window.set_shown(shown)
        return  # set_shown redraws the document, which refreshes this panel again
    colours = colours_for(window.review.chosen())
    window.review.show_legend(colours, names)
    window.reader.set_review_colours(colours)


def _holder(window: MainWindow, doc_id: str) -> str:
    """Who else holds the document's review lock (a team project), as the panel says it."""
    if window.store.kind != "team" or not window.session.reviews:
        return ""
    held = as_team(window.store).review_holder(doc_id)
    return translate("Review", "{name} is reviewing this document (since {since}): your "
                     "decisions wait until they leave it.").format(
        name=held[0], since=held[1]) if held else ""


def leave(window: MainWindow) -> None:
    window.reader.set_review_colours({})
    if window.editor.shown != ALL:
        window.set_shown(ALL)


def settle(window: MainWindow, command: Command | None) -> None:
    """Store a review decision; the document's review status (in review, or reviewed when
    no case is left open) goes with it in the same command: one undo takes both back."""
    if command is None or window.editor.doc is None:
        return
    doc_id = window.editor.doc.id
    command = with_status(command, doc_id, window.store.summary(doc_id).review_status,
                          review_status_after(window.review.cases, command), reviewer(window),
                          "review_status")
    window._after_edit(window.editor.run(command))
    window.review.next_open()


def review_status_after(cases: list, command: Command) -> str:
    """The document's review status once ``command``'s decisions settle their cases."""
    settled = {target for d in command.decisions_after for target in d.targets}
    left = [c for c in cases if c.decision is None and not settled & {a.id for a in c.spans}]
    return "in_review" if left else "reviewed"
