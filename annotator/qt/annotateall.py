"""Edit → Annotate all occurrences (in this document, or in the whole corpus): every
untagged occurrence of the selected span's text (simplified and traditional alike) in a
review queue; the ones kept are added as one command, so one undo takes them all back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from annotator.core.concordance import kwic
from annotator.core.suggest import Place, add_places, annotate_all, annotate_corpus
from annotator.qt import i18n
from annotator.qt.dialogs import checklist

if TYPE_CHECKING:
    from annotator.core.annotation import Annotation
    from annotator.qt.window import MainWindow

#: The corpus queue lists at most this many occurrences (the first ones in corpus order).
MAX_PLACES = 5000
translate = QCoreApplication.translate


def _selected(window: MainWindow) -> tuple[Annotation, str] | None:
    span, doc = window.editor.selected, window.editor.doc
    if span is None or doc is None:
        window.statusBar().showMessage(
            translate("AnnotateAll", "Select a span first (click it, or Tab to it)."), 4000)
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
    tag = window.tags[span.tag].name(i18n.tag_lang()) if span.tag in window.tags else span.tag
    if not places:
        done = translate("AnnotateAll", "Every occurrence of “{text}” in the corpus is already "
                         "tagged {tag}.") if corpus else translate(
            "AnnotateAll", "Every occurrence of “{text}” in this document is already tagged "
            "{tag}.")
        window.statusBar().showMessage(done.format(text=text, tag=tag), 5000)
        return None
    texts = {p.doc_id: window.store.document(p.doc_id) for p in places}
    entries = []
    for p in places:
        left, match, right = kwic(texts[p.doc_id].text, p.start, p.end)
        title = f"{texts[p.doc_id].title[:24]} · " if corpus else ""
        entries.append((f"{title}{left} [{match}] {right}", p))
    label = _queue_label(len(places), text, tag, len(texts) if corpus else 0)
    kept = checklist(window, translate("AnnotateAll", "Annotate all occurrences"), label,
                     entries, (760, 460))
    return (kept, {d: len(doc.text) for d, doc in texts.items()}) if kept else None


def _queue_label(n: int, text: str, tag: str, documents: int) -> str:
    """The queue's heading: how many occurrences of what (in how many documents: 0 for
    this document alone), the tag they get, and how to leave some out."""
    if documents:
        where = translate("AnnotateAll", "in %n document(s)", "", documents)
        found = translate("AnnotateAll", "%n untagged occurrence(s) of “{text}” {where} → "
                          "{tag}", "", n).format(text=text, where=where, tag=tag)
    else:
        found = translate("AnnotateAll", "%n untagged occurrence(s) of “{text}” → {tag}", "",
                          n).format(text=text, tag=tag)
    if n >= MAX_PLACES:
        found += translate("AnnotateAll", " (only the first {max} are listed)").format(
            max=MAX_PLACES)
    return (found + "\n"
            + translate("AnnotateAll", "Untick (Space) the ones to leave; OK adds the rest as "
                        "one undo step."))


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
    n = len(chosen)
    message = translate("AnnotateAll", "Tagged %n occurrence(s); Ctrl+Z takes them all back.",
                        "", n) if not others else translate(
        "AnnotateAll", "Tagged %n occurrence(s), {others} in other documents; Ctrl+Z takes "
        "them all back.", "", n)
    window.statusBar().showMessage(message.format(others=others), 6000)


def annotate_all_occurrences(window: MainWindow) -> None:
    _run(window, corpus=False)


def annotate_all_in_corpus(window: MainWindow) -> None:
    _run(window, corpus=True)
