"""Whose spans are compared: each annotator's own layer, and the gold layer.

The gold layer is what review decisions produced (:func:`annotator.core.dataset.gold_ids`:
the ``result_id`` of every decision that is not a rejection). Gold spans are stored under
the reviewer's annotator id, so a reviewer who also annotates has two layers under one id:
their own spans, and their decisions. Agreement and review mode tell them apart: an
annotator's *own* layer is their spans minus the gold ones, and the gold layer is compared
only when asked for by its name, :data:`GOLD`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from annotator.core.annotation import Annotation
from annotator.core.dataset import ReviewDecision, own_spans
from annotator.core.store import ProjectStore

#: the gold layer's name where annotators are named (``--annotators lin,gold``)
GOLD = "gold"
#: the gold layer's key among annotator ids inside a computation (no id can clash with it)
GOLD_KEY = "\x00gold"

Key = tuple[int, int, str, str]  # start, end, tag, annotator


def gold_by_document(store: ProjectStore) -> dict[str, Counter[Key]]:
    """Each document's gold spans, as a multiset of ``(start, end, tag, annotator)``."""
    out: dict[str, Counter[Key]] = {}
    for doc_id, start, end, tag, annotator, _name in store.layer_spans(gold=True):
        out.setdefault(doc_id, Counter())[start, end, tag, annotator] += 1
    return out


def own_layers(store: ProjectStore) -> list[str]:
    """The annotators with spans of their own (not only gold spans), in the project's
    order of annotators (the store's ``annotator`` filter reads their own spans)."""
    active = set(store.active_annotators())
    return [a.id for a in store.annotators() if a.id in active
            and next(iter(store.layer_spans(annotator=a.id)), None) is not None]


def own_annotators(spans: Iterable[Annotation], decisions: Iterable[ReviewDecision]
                   ) -> set[str]:
    """Who has spans of their own among one document's ``spans``, given its decisions
    (:func:`annotator.core.dataset.own_spans`)."""
    return {a.annotator for a in own_spans(spans, decisions)}


def split_gold(rows: list[tuple], gold: Counter[Key] | None) -> list[tuple]:
    """A document's span rows ``(start, end, tag, annotator, ...)`` with the gold spans
    moved to the gold layer (annotator :data:`GOLD_KEY`); of identical rows, as many as
    there are gold spans like them move (they are indistinguishable). ``rows`` itself
    when the document has no gold."""
    if not gold:
        return rows
    left = Counter(gold)
    out = []
    for row in rows:
        key = row[:4]
        if left[key]:
            left[key] -= 1
            row = (*row[:3], GOLD_KEY, *row[4:])
        out.append(row)
    return out
