"""Edit → Annotate all occurrences…: every untagged occurrence of the selected span's text
in this document (simplified and traditional alike) in a review queue; the ones kept are
added as one command, so one undo takes them all back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.concordance import kwic
from annotator.core.suggest import Suggestion, accept_all, annotate_all
from annotator.qt.dialogs import checklist

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow


def queue(window: MainWindow) -> list[Suggestion] | None:
    """The reviewed occurrences to add, or None when the user cancels."""
    span, doc = window.editor.selected, window.editor.doc
    if span is None or doc is None:
        window.statusBar().showMessage("Select a span first (click it, or Tab to it).", 4000)
        return None
    text = doc.text[span.start:span.end]
    places = annotate_all(doc.id, doc.text, text, span.tag, window.session.annotator.id,
                          window.editor.index or ())
    entries = []
    for start, end in places:
        left, match, right = kwic(doc.text, start, end)
        entries.append((f"{left} [{match}] {right}", (start, end)))
    tag = window.tags[span.tag].name() if span.tag in window.tags else span.tag
    label = f"{len(places)} untagged occurrence(s) of “{text}” → {tag} (untick to leave)"
    kept = checklist(window, "Annotate all occurrences", label, entries, (700, 420)) \
        if places else None
    if not kept:
        return None
    return [Suggestion(start, end, span.tag, text, "annotate-all") for start, end in kept]


def annotate_all_occurrences(window: MainWindow) -> None:
    chosen = queue(window)
    doc = window.editor.doc
    if chosen and doc is not None:
        command = accept_all(doc.id, doc.text, chosen, window.session.annotator.id)
        window._after_edit(window.editor.run(command))
