"""Edit → Annotate all occurrences (in this document, or in the whole corpus): every
untagged occurrence of the selected span's text (simplified and traditional alike) in a
review queue; the ones kept are added as one command, so one undo takes them all back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.concordance import kwic
from annotator.core.suggest import Place, add_places, annotate_all, annotate_corpus
from annotator.qt.dialogs import checklist

if TYPE_CHECKING:
    from annotator.core.annotation import Annotation
    from annotator.qt.window import MainWindow

#: The corpus queue lists at most this many occurrences (the first ones in corpus order).
MAX_PLACES = 5000


def _selected(window: MainWindow) -> tuple[Annotation, str] | None:
    span, doc = window.editor.selected, window.editor.doc
    if span is None or doc is None:
        window.statusBar().showMessage("Select a span first (click it, or Tab to it).", 4000)
        return None
    return span, doc.text[span.start:span.end]


def _places_here(window: MainWindow, span: Annotation, text: str) -> list[Place]:
    doc = window.doc
    return [Place(doc.id, s, e) for s, e in annotate_all(
        doc.id, doc.text, text, span.tag, window.session.annotator.id,
        window.editor.index or ())]


def _places_in_corpus(window: MainWindow, span: Annotation, text: str) -> list[Place]:
    store = window.store
    hits = (Place(*h) for h in store.search(text, limit=MAX_PLACES))
    return annotate_corpus(hits, store.annotations, span.tag, window.session.annotator.id)


def queue(window: MainWindow, corpus: bool) -> tuple[list[Place], dict[str, int]] | None:
    """The reviewed occurrences to add and the text lengths of their documents, or None
    when there are none or the user cancels."""
    selected = _selected(window)
    if selected is None:
        return None
    span, text = selected
    places = (_places_in_corpus if corpus else _places_here)(window, span, text)
    tag = window.tags[span.tag].name() if span.tag in window.tags else span.tag
    if not places:
        where = "the corpus" if corpus else "this document"
        window.statusBar().showMessage(f"Every occurrence of “{text}” in {where} is "
                                       f"already tagged {tag}.", 5000)
        return None
    texts = {p.doc_id: window.store.document(p.doc_id) for p in places}
    entries = []
    for p in places:
        left, match, right = kwic(texts[p.doc_id].text, p.start, p.end)
        title = f"{texts[p.doc_id].title[:24]} · " if corpus else ""
        entries.append((f"{title}{left} [{match}] {right}", p))
    in_docs = f" in {len(texts)} document(s)" if corpus else ""
    capped = f" (the first {MAX_PLACES})" if len(places) >= MAX_PLACES else ""
    label = (f"{len(places)} untagged occurrence(s){capped} of “{text}”{in_docs} → {tag}\n"
             "Untick (Space) the ones to leave; OK adds the rest as one undo step.")
    kept = checklist(window, "Annotate all occurrences", label, entries, (760, 460))
    return (kept, {d: len(doc.text) for d, doc in texts.items()}) if kept else None


def _run(window: MainWindow, corpus: bool) -> None:
    queued = queue(window, corpus)
    span, doc = window.editor.selected, window.editor.doc
    if queued is None or span is None or doc is None:
        return
    chosen, lengths = queued
    text = doc.text[span.start:span.end]
    command = add_places(doc.id, chosen, span.tag, window.session.annotator.id, lengths,
                         f"annotate all {text[:20]} ({len(chosen)})")
    window._after_edit(window.editor.run(command))
    others = len({p.doc_id for p in chosen} - {doc.id})
    window.statusBar().showMessage(
        f"Tagged {len(chosen)} occurrence(s)"
        + (f", {others} other document(s) included" if others else "")
        + "; Ctrl+Z takes them all back.", 6000)


def annotate_all_occurrences(window: MainWindow) -> None:
    _run(window, corpus=False)


def annotate_all_in_corpus(window: MainWindow) -> None:
    _run(window, corpus=True)
