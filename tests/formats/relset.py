"""The seed dataset (seedset.py) with relations in every layer, for the format tests: each
layer's spans joined in text order by the first relation type the tagset allows between
their tags (directed, undirected and acyclic types all occur), and a gold relation."""

from __future__ import annotations

import functools
from dataclasses import replace

import seedset

from annotator.core.annotation import Annotation
from annotator.core.dataset import Dataset, DocumentData, gold_ids
from annotator.core.relations import Relation, types_between
from annotator.core.tagset import Tagset

STAMP = seedset.STAMP
MODIFIED = "2025-03-02T09:30:00.000+00:00"


def layer_relations(tagset: Tagset, spans: list[Annotation], key: str) -> list[Relation]:
    """Up to eight relations between neighbouring spans of one layer (never the same pair
    twice, never a span to itself)."""
    spans = sorted(spans, key=lambda a: (a.start, a.end, a.id))
    out: list[Relation] = []
    for k, (a, b) in enumerate(zip(spans, spans[1:], strict=False)):
        if len(out) == 8 or (a.start, a.end, a.tag) == (b.start, b.end, b.tag):
            continue
        types = types_between(tagset, a, b) or types_between(tagset, b, a)
        if not types:
            continue
        rtype = types[k % len(types)]
        src, tgt = (a, b) if rtype.allows(a.tag, b.tag) else (b, a)
        out.append(Relation(f"{a.doc_id}-rel-{key}-{k}", a.doc_id, src.id, tgt.id, rtype.id,
                            a.annotator, STAMP, MODIFIED if k % 2 else STAMP))
    return out


def _document(tagset: Tagset, data: DocumentData) -> DocumentData:
    gold = gold_ids(data.decisions)
    layers: dict[str, list[Annotation]] = {}
    for a in data.annotations:
        layers.setdefault("gold" if a.id in gold else a.annotator, []).append(a)
    relations = [r for key, spans in sorted(layers.items())
                 for r in layer_relations(tagset, spans, key)]
    return replace(data, relations=tuple(relations))


@functools.cache
def relation_dataset() -> Dataset:
    """The seed dataset, every layer's spans joined by relations."""
    ds = seedset.seed_dataset()
    return replace(ds, documents=tuple(_document(ds.tagset, d) for d in ds.documents))
