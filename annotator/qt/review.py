"""Review mode wiring: the Review dock's requests become commands on the open document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from annotator.core.commands import Command, with_status
from annotator.core.discussion import discussions
from annotator.core.editor import ALL
from annotator.core.session import Step
from annotator.core.store import as_team
from annotator.qt import i18n, undo
from annotator.qt.safety import guard
from annotator.review.cases import accept, accept_unanimous, reject
from annotator.review.layers import own_annotators
from annotator.review.relcases import (
    ReviewError,
    accept_relation,
    accept_unanimous_relations,
    reject_relation,
)

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
        window, all_unanimous(window, cases))))
    panel.relationAccepted.connect(guard(window, lambda case, version, note: settle_relation(
        window, case, version, note or None)))
    panel.relationRejected.connect(guard(window, lambda case, note: settle(
        window, reject_relation(case, reviewer(window), note or None))))
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
    window.review.relation_types = relation_types(window)
    window.review.show_document(doc.text, spans, decisions, names,
                                window.store.relations(doc.id))
    shown = frozenset([*window.review.chosen(), reviewer(window)])
    if window.editor.shown != shown:  # the compared layers and the gold layer only
        window.set_shown(shown)
        return  # set_shown redraws the document, which refreshes this panel again
    colours = colours_for(window.review.chosen())
    window.review.show_legend(colours, names)
    window.reader.set_review_colours(colours)


def relation_types(window: MainWindow) -> dict[str, tuple[str, bool]]:
    """Relation type id -> (its name in the tag language, directed)."""
    tagset, lang = window.tagset, i18n.tag_lang()
    return {t.id: (t.name(lang), t.directed) for t in (tagset.relations if tagset else ())}


def all_unanimous(window: MainWindow, cases: list) -> Command | None:
    """Every open unanimous case, spans' and relations', accepted in one command."""
    spans = accept_unanimous(cases, reviewer(window))
    if window.editor.doc is None:
        return spans
    return accept_unanimous_relations(
        window.review.relation_cases, reviewer(window), list(window.editor.index or ()),
        window.store.decisions(window.editor.doc.id), window.review.chosen(), spans)


def settle_relation(window: MainWindow, case, version, note: str | None) -> None:
    """Accept a relation into gold, its ends following the gold spans accepted for them
    (accepted with it where still open): one command; a refusal is a status-bar line."""
    if window.editor.doc is None:
        return
    doc_id = window.editor.doc.id
    try:
        command = accept_relation(case, version, reviewer(window),
                                  list(window.editor.index or ()),
                                  window.store.decisions(doc_id), window.review.chosen(), note,
                                  window.editor.doc.text)
    except ReviewError as e:
        window.statusBar().showMessage(translate(
            "Review", "Cannot accept this relation: {reason}").format(reason=str(e)), 8000)
        return
    settle(window, command)


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
                          review_status_after(window.review.cases, command,
                                              window.review.relation_cases), reviewer(window),
                          "review_status")
    window._after_edit(window.editor.run(command))
    window.review.next_open()
    left = sum(c.decision is None for c in window.review.cases) + \
        sum(c.decision is None for c in window.review.relation_cases)
    window.statusBar().showMessage(translate(
        "Review", "Saved: {what}. Open cases left in this document: {left}.").format(
        what=undo.step_text(Step(command.kind, command.label), window.tags), left=left), 6000)


def review_status_after(cases: list, command: Command, relation_cases: Sequence = ()) -> str:
    """The document's review status once ``command``'s decisions settle their cases."""
    settled = {target for d in command.decisions_after for target in d.targets}
    left = [c for c in cases if c.decision is None and not settled & {a.id for a in c.spans}]
    left += [c for c in relation_cases if c.decision is None
             and not settled & {r.id for r in c.relations}]
    return "in_review" if left else "reviewed"
