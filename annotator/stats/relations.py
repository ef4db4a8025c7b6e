"""Relation statistics: relations per type, the actor → mechanism → threat network and its
chains, each figure with the places behind it. Definitions: ``docs/statistics.md``.

* A relation of the layer joins two spans of one document. In the layer of all annotators,
  the same relation (same type, same endpoint ranges; an undirected one in either order)
  made by several annotators, or copied into gold, counts once.
* A *link* is a relation from an ``actor`` span to a ``mechanism`` span, or from a
  ``mechanism`` span to a ``threat`` span (by the groups of the endpoint tags, whatever the
  type). Its ends are *terms*: the span's normalized name, or else its text, folded to
  simplified characters (趙克志 and 赵克志 are one term).
* A *chain* is an actor → mechanism link and a mechanism → threat link meeting in the same
  mechanism span; it is counted per (actor term, mechanism term, threat term).

Pure Python: no Qt, no SQL (:func:`project_relation_stats` reads through the store).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annotator.core.annotation import Annotation
from annotator.core.blind import Blind
from annotator.core.dataset import ReviewDecision, gold_ids
from annotator.core.relations import Relation
from annotator.core.store import ProjectStore
from annotator.core.tagset import Tagset
from annotator.stats.cooccur import name_key
from annotator.stats.layer import Layer
from annotator.stats.model import MAX_PLACES, Place

#: the network's columns, left to right, and the links between neighbours
COLUMNS = ("actor", "mechanism", "threat")
LINKS = (("actor", "mechanism"), ("mechanism", "threat"))
Link = tuple[str, str, str, str]  # (from group, from term, to group, to term)
Chain = tuple[str, str, str]  # (actor term, mechanism term, threat term)
Bounds = tuple[int, int]


@dataclass
class RelationStats:
    layer: Layer
    types: Counter[str] = field(default_factory=Counter)  # relation type id -> relations
    links: Counter[Link] = field(default_factory=Counter)
    chains: Counter[Chain] = field(default_factory=Counter)
    places: dict[tuple, list[Place]] = field(default_factory=dict)  # key -> first places
    documents: int = 0  # documents with a relation of the layer

    def add_place(self, key: tuple, place: Place) -> None:
        kept = self.places.setdefault(key, [])
        if len(kept) < MAX_PLACES:
            kept.append(place)

    def nodes(self, column: str) -> Counter[str]:
        """The terms of one column, weighted by the links they take part in."""
        out: Counter[str] = Counter()
        for (g1, t1, g2, t2), n in self.links.items():
            if g1 == column:
                out[t1] += n
            if g2 == column:
                out[t2] += n
        return out


def of_layer(relations: Iterable[Relation], decisions: Sequence[ReviewDecision],
             layer: Layer) -> list[Relation]:
    """The relations of one document that belong to ``layer``: gold relations are the
    results of review decisions, nobody's own."""
    gold = gold_ids(tuple(decisions))
    if layer.kind == "gold":
        return [r for r in relations if r.id in gold]
    if layer.kind == "annotator":
        return [r for r in relations if r.annotator == layer.annotator and r.id not in gold]
    return list(relations)


def _term(span: Annotation, text: str) -> str:
    name = span.attributes.get("normalized") if span.attributes else None
    return name_key(name if isinstance(name, str) and name.strip() else
                    text[span.start:span.end])


def _group(tagset: Tagset, tag: str) -> str:
    return next((t.group for t in tagset.tags if t.id == tag), tag.split(".", 1)[0])


def _distinct(relations: Iterable[Relation], spans: dict[str, Annotation],
              directed: dict[str, bool]) -> list[tuple[Relation, Annotation, Annotation]]:
    """Each relation with its two spans, the same relation of several layers once."""
    seen, out = set(), []
    for r in relations:
        s, t = spans.get(r.source), spans.get(r.target)
        if s is None or t is None:
            continue
        ends = ((s.start, s.end), (t.start, t.end))
        key = (r.type, ends if directed.get(r.type, True) else tuple(sorted(ends)))
        if key not in seen:
            seen.add(key)
            out.append((r, s, t))
    return out


def add_document(stats: RelationStats, tagset: Tagset, doc_id: str, text: str,
                 spans: Iterable[Annotation], relations: Iterable[Relation]) -> None:
    """Count one document's relations of the layer (already chosen: :func:`of_layer`)."""
    by_id = {a.id: a for a in spans}
    directed = {t.id: t.directed for t in tagset.relations}
    found = _distinct(relations, by_id, directed)
    if found:
        stats.documents += 1
    # mechanism span bounds -> the actor (term, span) before it, the threats after it
    into: dict[Bounds, set[tuple[str, Bounds]]] = defaultdict(set)
    out_of: dict[Bounds, set[tuple[str, Bounds]]] = defaultdict(set)
    mechanisms: dict[Bounds, str] = {}
    for r, s, t in found:
        stats.types[r.type] += 1
        stats.add_place(("type", r.type), _place(doc_id, s, t))
        link = (_group(tagset, s.tag), _term(s, text), _group(tagset, t.tag), _term(t, text))
        if (link[0], link[2]) not in LINKS:
            continue
        stats.links[link] += 1
        stats.add_place(("link", *link), _place(doc_id, s, t))
        if link[2] == "mechanism":
            into[t.start, t.end].add((link[1], (s.start, s.end)))
            mechanisms[t.start, t.end] = link[3]
        else:
            out_of[s.start, s.end].add((link[3], (t.start, t.end)))
            mechanisms[s.start, s.end] = link[1]
    _chains(stats, doc_id, into, out_of, mechanisms)


def _chains(stats: RelationStats, doc_id: str, into: dict, out_of: dict,
            mechanisms: dict[Bounds, str]) -> None:
    """Every actor → mechanism link meeting a mechanism → threat link in one span."""
    for m, actors in sorted(into.items()):
        for actor, a in sorted(actors):
            for threat, t in sorted(out_of.get(m, ())):
                key = (actor, mechanisms[m], threat)
                stats.chains[key] += 1
                stats.add_place(("chain", *key), Place(doc_id, min(a[0], m[0], t[0]),
                                                       max(a[1], m[1], t[1])))


def _place(doc_id: str, s: Annotation, t: Annotation) -> Place:
    return Place(doc_id, min(s.start, t.start), max(s.end, t.end))


def project_relation_stats(store: ProjectStore, layer: Layer | None = None,
                           blind: Blind | None = None) -> RelationStats:
    """The relation figures of ``layer`` (default: all annotators) of an open project, in
    project order; ``blind``: without what blind annotation hides from whoever asks."""
    layer = layer or Layer()
    layer.check(a.id for a in store.annotators())
    tagset = store.tagset()
    if tagset is None:
        raise ValueError("the project has no tagset")
    by_doc: dict[str, list[Relation]] = defaultdict(list)
    for r in store.all_relations():
        by_doc[r.doc_id].append(r)
    stats = RelationStats(layer)
    order = [d.id for d in store.documents() if d.id in by_doc]
    for doc_id, text in store.texts(order):
        rels = of_layer(by_doc[doc_id], store.decisions(doc_id), layer)
        if blind is not None and blind.on and blind.hides(doc_id):
            rels = [r for r in rels if r.annotator == blind.me]
        if rels:
            add_document(stats, tagset, doc_id, text, store.annotations(doc_id), rels)
    return stats
