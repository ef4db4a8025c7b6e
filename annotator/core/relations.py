"""Relations: a typed link from one span to another (上合组织 —uses→ 联合反恐演习).

A relation joins two spans of one document and one layer: its ``annotator`` is the
annotator of both its spans (a gold relation joins gold spans). Relation types live in the
tagset (:attr:`annotator.core.tagset.Tagset.relations`) and say which tags or groups each
end may carry; an undirected type (cooperates with) joins them in either order, an acyclic
one (part of) never closes a loop.

Pure Python: no Qt, no SQL here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from annotator.core.annotation import Annotation
from annotator.core.errors import AnnotatorError

if TYPE_CHECKING:
    from annotator.core.tagset import Tagset


class Relation(NamedTuple):
    """``source`` —``type``→ ``target``: the ids of two spans of ``doc_id``."""

    id: str
    doc_id: str
    source: str        # annotation (span) id: the "from" end
    target: str        # annotation (span) id: the "to" end
    type: str          # relation type id of the tagset
    annotator: str
    created: str = ""
    modified: str = ""

    @property
    def ends(self) -> tuple[str, str]:
        return self.source, self.target


class RelationError(AnnotatorError):
    """A relation the tagset or the spans do not allow; ``str()`` is one line naming the
    relation (a file's reader needs its id), ``plain`` the reason alone (for the window,
    where the user has just drawn it)."""

    def __init__(self, message: str, plain: str | None = None):
        super().__init__(message)
        self.plain = plain or message


def _refused(rel: Relation, why: str, detail: str = "") -> RelationError:
    return RelationError(f"relation {rel.id}: {why}{detail}", why)


def _matches(pattern: str, tag: str) -> bool:
    """A tag id matches itself and its group's id (``actor`` matches ``actor.state``)."""
    return tag == pattern or tag.startswith(pattern + ".")


@dataclass(frozen=True)
class RelationType:
    id: str
    label: Mapping[str, str]        # "en", "zh-Hans", "zh-Hant"
    definition: Mapping[str, str]
    colour: str                     # "#rrggbb"
    hotkey: str | None
    directed: bool
    sources: tuple[str, ...]        # tag ids or group ids allowed at the "from" end
    targets: tuple[str, ...]        # tag ids or group ids allowed at the "to" end
    acyclic: bool = False           # no chain of this type may lead back to where it began

    def name(self, lang: str = "en") -> str:
        from annotator.core.tagset import pick_text
        return pick_text(self.label, lang, self.id)

    def allows(self, source_tag: str, target_tag: str) -> bool:
        """May a ``source_tag`` span be joined to a ``target_tag`` span (either order when
        the type is undirected)?"""
        if self._one_way(source_tag, target_tag):
            return True
        return not self.directed and self._one_way(target_tag, source_tag)

    def _one_way(self, source_tag: str, target_tag: str) -> bool:
        return any(_matches(p, source_tag) for p in self.sources) and \
            any(_matches(p, target_tag) for p in self.targets)


def same_link(a: Relation, b: Relation, directed: bool) -> bool:
    """Do ``a`` and ``b`` say the same thing (type, ends, layer; undirected: either order)?"""
    if (a.type, a.annotator) != (b.type, b.annotator):
        return False
    if a.ends == b.ends:
        return True
    return not directed and a.ends == (b.target, b.source)


def check_relation(tagset: Tagset, rel: Relation, spans_by_id: Mapping[str, Annotation],
                   existing: Iterable[Relation] = ()) -> None:
    """Raise :class:`RelationError` (one line) unless ``rel`` may be stored beside
    ``existing`` (the relations already there; ``rel`` itself among them is ignored):
    unknown type, missing span, span of another document or layer, self-relation,
    endpoints the type does not allow (naming both tags), a duplicate, a cycle of an
    acyclic type."""
    try:
        rtype = tagset.relation(rel.type)
    except KeyError:
        raise RelationError(f"relation {rel.id}: unknown relation type '{rel.type}'") from None
    if rel.source == rel.target:
        raise RelationError(f"relation {rel.id}: joins span {rel.source} to itself")
    ends = [_end(rel, span_id, spans_by_id) for span_id in rel.ends]
    if not rtype.allows(ends[0].tag, ends[1].tag):
        raise _refused(rel, f"'{rel.type}' may not join {ends[0].tag} to {ends[1].tag}")
    others = [r for r in existing if r.id != rel.id]
    dup = next((r for r in others if same_link(r, rel, rtype.directed)), None)
    if dup is not None:
        raise _refused(rel, f"the same '{rel.type}' relation already exists", f" ({dup.id})")
    if rtype.acyclic and _reaches(others, rel, rtype.directed):
        raise _refused(rel, f"'{rel.type}' would close a cycle")


def _end(rel: Relation, span_id: str, spans_by_id: Mapping[str, Annotation]) -> Annotation:
    span = spans_by_id.get(span_id)
    if span is None:
        raise RelationError(f"relation {rel.id}: no such span {span_id}")
    if span.doc_id != rel.doc_id:
        raise RelationError(f"relation {rel.id}: span {span_id} is in another document "
                            f"({span.doc_id}, not {rel.doc_id})")
    if span.annotator != rel.annotator:
        raise RelationError(f"relation {rel.id}: span {span_id} is {span.annotator}'s, "
                            f"not {rel.annotator}'s")
    return span


def _reaches(others: list[Relation], rel: Relation, directed: bool) -> bool:
    """Is there already a path of ``rel``'s type and layer from its target to its source
    (directed) or between its ends (undirected)?"""
    links: dict[str, set[str]] = {}
    for r in others:
        if (r.type, r.annotator, r.doc_id) == (rel.type, rel.annotator, rel.doc_id):
            links.setdefault(r.source, set()).add(r.target)
            if not directed:
                links.setdefault(r.target, set()).add(r.source)
    seen, todo = {rel.target}, [rel.target]
    while todo:
        for nxt in links.get(todo.pop(), ()):
            if nxt == rel.source:
                return True
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


class RelationIndex:
    """Relations grouped by what a new one may clash with — those joining the same two
    spans by the same type (a duplicate), and for an acyclic type all of it in the same
    document and layer (a cycle) — so that checking many relations (an import) is linear,
    not quadratic: ``check_relation(tagset, rel, spans, index.near(rel))``."""

    def __init__(self, tagset: Tagset, relations: Iterable[Relation] = ()):
        self.acyclic = {t.id for t in tagset.relations if t.acyclic}
        self._links: dict[tuple, list[Relation]] = {}
        self._types: dict[tuple, list[Relation]] = {}
        for r in relations:
            self.add(r)

    def add(self, rel: Relation) -> None:
        self._links.setdefault(_link(rel), []).append(rel)
        if rel.type in self.acyclic:
            self._types.setdefault(_layer(rel), []).append(rel)

    def near(self, rel: Relation) -> list[Relation]:
        """The relations ``rel`` may clash with."""
        if rel.type in self.acyclic:
            return self._types.get(_layer(rel), [])
        return self._links.get(_link(rel), [])


def _link(rel: Relation) -> tuple:
    return rel.doc_id, rel.annotator, rel.type, frozenset(rel.ends)


def _layer(rel: Relation) -> tuple:
    return rel.doc_id, rel.annotator, rel.type


def distance(a: Annotation, b: Annotation) -> int:
    """Code points between two spans (0 when they touch or overlap)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def allowed_targets(tagset: Tagset, source_span: Annotation, spans: Iterable[Annotation],
                    rtype: RelationType | None = None) -> list[Annotation]:
    """The spans of ``source_span``'s document and layer that a relation of ``rtype`` (any
    type of the tagset when None) may join it to, nearest first (then in text order)."""
    types = (rtype,) if rtype is not None else tagset.relations
    out = [s for s in spans
           if s.id != source_span.id and s.doc_id == source_span.doc_id
           and s.annotator == source_span.annotator
           and any(t.allows(source_span.tag, s.tag) for t in types)]
    out.sort(key=lambda s: (distance(source_span, s), s.start, s.end, s.id))
    return out


def types_between(tagset: Tagset, source_span: Annotation, target_span: Annotation
                  ) -> list[RelationType]:
    """The relation types of the tagset that may join these two spans, in tagset order."""
    return [t for t in tagset.relations if t.allows(source_span.tag, target_span.tag)]


def relations_of(span_ids: Iterable[str], relations: Iterable[Relation]) -> list[Relation]:
    """The relations with an end among ``span_ids`` (what deleting those spans removes)."""
    ids = set(span_ids)
    return [r for r in relations if r.source in ids or r.target in ids]
