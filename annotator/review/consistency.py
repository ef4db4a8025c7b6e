"""Consistency: the same words handled differently across a project.

Three kinds of :class:`Finding`, each at a place (document, code-point range) a window can
jump to:

* ``tagged differently``: the same (folded) text carries different tags in different
  places. Reported at the places whose tag is not the form's most frequent one (at every
  place when no tag is most frequent).
* ``missed elsewhere``: an occurrence of an annotated text not inside any span with a tag
  that text has somewhere. Occurrences are found as suggestions are
  (:meth:`annotator.core.suggest.Lexicon.scan`: non-overlapping, longest form first), so
  上海合作组织 inside a tagged 上海合作组织成员国元首理事会 is the longer form's occurrence,
  not a miss.
* ``cuts a word``: a span whose edge falls inside an occurrence of a longer annotated text
  with the same tag, which is not tagged whole there (上海合作 tagged in
  上海合作组织 when 上海合作组织 is tagged elsewhere). Reported at the span.
* ``related differently``: the same pair of terms (the texts of a relation's two ends,
  folded, in either order) joined by relations of different types in different places
  (中方 —cooperates with— 哈方 here, 中方 —part of→ 哈方 there). Counted by places (several
  layers relating one place count once); reported at the places of the types that are not
  the pair's most frequent one (at every place when none is most frequent), from the first
  code point of one end to the last of the other.

Pure Python: no Qt, no SQL. Traditional and simplified characters count as the same text.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from annotator.core.annotation import Annotation
from annotator.core.dataset import gold_ids, own_spans
from annotator.core.relations import Relation
from annotator.core.search import searchable
from annotator.core.store import ProjectStore
from annotator.core.suggest import Lexicon, form_of

KINDS = ("tagged differently", "missed elsewhere", "cuts a word", "related differently")


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KINDS
    form: str  # the folded text concerned
    doc_id: str
    start: int  # code points of the document's canonical text, half-open
    end: int
    tags: tuple[str, ...]  # the form's tags, most frequent first
    detail: str
    title: str = ""

    def to_dict(self) -> dict:
        return {"kind": self.kind, "form": self.form, "doc_id": self.doc_id,
                "title": self.title, "start": self.start, "end": self.end,
                "tags": list(self.tags), "detail": self.detail}


class _Doc(NamedTuple):
    rank: int
    doc_id: str
    title: str
    text: str
    spans: dict[str, list[tuple[int, int]]]  # tag -> sorted (start, end)
    longest: dict[str, int]  # tag -> longest span


Place = tuple[int, int, int]  # (document rank, start, end)


def check(docs: Iterable[tuple[str, str, str, Sequence[Annotation]]]) -> list[Finding]:
    """Findings over ``(doc_id, title, text, annotations)`` in document order, then by
    offset (then kind, form)."""
    corpus = [_doc(rank, *d) for rank, d in enumerate(docs)]
    places = _places(corpus)
    findings = _tagged_differently(corpus, places) + _missed_and_cut(corpus, places)
    unique = {(f.kind, f.doc_id, f.start, f.end, f.form): f for f in findings}
    rank = {d.doc_id: d.rank for d in corpus}
    return sorted(unique.values(), key=lambda f: (rank[f.doc_id], f.start, f.end,
                                                  KINDS.index(f.kind), f.form))


def _doc(rank: int, doc_id: str, title: str, text: str,
         annotations: Sequence[Annotation]) -> _Doc:
    spans: dict[str, list[tuple[int, int]]] = {}
    for a in annotations:
        spans.setdefault(a.tag, []).append((a.start, a.end))
    for bounds in spans.values():
        bounds.sort()
    longest = {tag: max(e - s for s, e in bounds) for tag, bounds in spans.items()}
    return _Doc(rank, doc_id, title, text, spans, longest)


def _places(corpus: list[_Doc]) -> dict[str, dict[str, list[Place]]]:
    """form -> tag -> the distinct places it is tagged so (several annotators tagging one
    place count once)."""
    places: dict[str, dict[str, set[Place]]] = {}
    for d in corpus:
        for tag, bounds in d.spans.items():
            for s, e in bounds:
                if form := form_of(d.text[s:e]):
                    places.setdefault(form, {}).setdefault(tag, set()).add((d.rank, s, e))
    return {form: {tag: sorted(p) for tag, p in by_tag.items()}
            for form, by_tag in places.items()}


def _ranked(by_tag: dict[str, list[Place]]) -> tuple[str, ...]:
    return tuple(sorted(by_tag, key=lambda t: (-len(by_tag[t]), t)))


def _counts(by_tag: dict[str, list[Place]]) -> str:
    return ", ".join(f"{t} ×{len(by_tag[t])}" for t in _ranked(by_tag))


def _tagged_differently(corpus: list[_Doc], places: dict[str, dict[str, list[Place]]]
                        ) -> list[Finding]:
    out = []
    for form, by_tag in places.items():
        if len(by_tag) < 2:
            continue
        ranked = _ranked(by_tag)
        majority = ranked[0] if len(by_tag[ranked[0]]) > len(by_tag[ranked[1]]) else None
        for tag in ranked:
            if tag == majority:
                continue
            for rank, s, e in by_tag[tag]:
                d = corpus[rank]
                out.append(Finding("tagged differently", form, d.doc_id, s, e, ranked,
                                   f"tagged {tag} here; in all: {_counts(by_tag)}", d.title))
    return out


def _missed_and_cut(corpus: list[_Doc], places: dict[str, dict[str, list[Place]]]
                    ) -> list[Finding]:
    lexicon = Lexicon.build(None, ((form, tag) for form, by_tag in places.items()
                                   for tag, p in by_tag.items() for _ in p))
    known = {form_of(form): form for form in places}  # the lexicon folds its forms again
    out: list[Finding] = []
    for d in corpus:
        for start, end, found in lexicon.scan(searchable(d.text)):
            form = known[found]
            out += _occurrence(d, start, end, form, places[form])
    return out


def _occurrence(d: _Doc, start: int, end: int, form: str,
                by_tag: dict[str, list[Place]]) -> list[Finding]:
    """Nothing when a span with one of the form's tags covers ``[start, end)``; else the
    spans with those tags cutting it, else the occurrence as missed."""
    cutters = []
    for tag in by_tag:
        for s, e in _overlapping(d, tag, start, end):
            if s <= start and end <= e:
                return []
            cutters.append((s, e, tag))
    ranked = _ranked(by_tag)
    if not cutters:
        return [Finding("missed elsewhere", form, d.doc_id, start, end, ranked,
                        f"untagged here; tagged {_counts(by_tag)} elsewhere", d.title)]
    return [Finding("cuts a word", form_of(d.text[s:e]), d.doc_id, s, e, ranked,
                    f"{tag} span [{s}, {e}) cuts {form} [{start}, {end}), tagged whole "
                    f"{_counts(by_tag)} elsewhere", d.title)
            for s, e, tag in sorted(cutters)]


def _overlapping(d: _Doc, tag: str, start: int, end: int) -> list[tuple[int, int]]:
    """The document's spans with ``tag`` overlapping ``[start, end)``."""
    bounds = d.spans.get(tag)
    if not bounds:
        return []
    lo = bisect.bisect_left(bounds, (start - d.longest[tag], -1))
    hi = bisect.bisect_left(bounds, (end, -1))
    return [(s, e) for s, e in bounds[lo:hi] if e > start]


# --- relations ------------------------------------------------------------------------------
RelDoc = tuple[str, str, str, Sequence[Annotation], Sequence[Relation]]


def check_relations(docs: Iterable[RelDoc]) -> list[Finding]:
    """``related differently`` findings over ``(doc_id, title, text, annotations,
    relations)``, in document order, then by offset."""
    by_pair: dict[tuple[str, str], dict[str, list[tuple[int, int, int]]]] = {}
    titles: list[tuple[str, str]] = []
    for rank, (doc_id, title, text, spans, relations) in enumerate(docs):
        titles.append((doc_id, title))
        by_id = {a.id: a for a in spans}
        for r in relations:
            s, t = by_id.get(r.source), by_id.get(r.target)
            if s is None or t is None:
                continue
            pair = tuple(sorted((form_of(text[s.start:s.end]), form_of(text[t.start:t.end]))))
            places = by_pair.setdefault((pair[0], pair[1]), {}).setdefault(r.type, [])
            place = (rank, min(s.start, t.start), max(s.end, t.end))
            if place not in places:  # several layers relating one place count once
                places.append(place)
    out = []
    for (a, b), by_type in by_pair.items():
        if len(by_type) > 1:
            out += _related_differently(f"{a} — {b}", by_type, titles)
    order = {d: i for i, (d, _) in enumerate(titles)}
    return sorted(out, key=lambda f: (order[f.doc_id], f.start, f.end, f.form))


def _related_differently(form: str, by_type: dict[str, list], titles: list[tuple[str, str]]
                         ) -> list[Finding]:
    ranked = tuple(sorted(by_type, key=lambda t: (-len(by_type[t]), t)))
    counts = ", ".join(f"{t} ×{len(by_type[t])}" for t in ranked)
    majority = ranked[0] if len(by_type[ranked[0]]) > len(by_type[ranked[1]]) else None
    out = []
    for rtype in ranked:
        if rtype == majority:
            continue
        for rank, start, end in sorted(by_type[rtype]):
            doc_id, title = titles[rank]
            out.append(Finding("related differently", form, doc_id, start, end, ranked,
                               f"{rtype} here; in all: {counts}", title))
    return out


# --- a project, and the command line's output ----------------------------------------------
def project_findings(store: ProjectStore, annotator: str | None = None) -> list[Finding]:
    """:func:`check` and :func:`check_relations` over every document of an open store, with
    all spans and relations or only ``annotator``'s own (not the gold spans and relations a
    reviewer's decisions made under her id)."""
    docs = [(d.id, d.title, store.document(d.id).text, _spans(store, d.id, annotator))
            for d in store.documents()]
    rank = {d[0]: i for i, d in enumerate(docs)}
    by_doc: dict[str, list[Relation]] = {}
    for r in store.all_relations():
        by_doc.setdefault(r.doc_id, []).append(r)
    related = check_relations((*d, _own(store, d[0], by_doc[d[0]], annotator))
                              for d in docs if d[0] in by_doc)
    return sorted(check(docs) + related, key=lambda f: (
        rank[f.doc_id], f.start, f.end, KINDS.index(f.kind), f.form))


def _own(store: ProjectStore, doc_id: str, relations: list[Relation],
         annotator: str | None) -> list[Relation]:
    """All the document's relations, or ``annotator``'s own (not gold ones)."""
    if annotator is None:
        return relations
    gold = gold_ids(tuple(store.decisions(doc_id)))
    return [r for r in relations if r.annotator == annotator and r.id not in gold]


def _spans(store: ProjectStore, doc_id: str, annotator: str | None) -> list[Annotation]:
    spans = store.annotations(doc_id)
    if annotator is None:
        return spans
    return own_spans(spans, store.decisions(doc_id), {annotator})


def summary(findings: list[Finding]) -> dict[str, int]:
    return {kind: sum(f.kind == kind for f in findings) for kind in KINDS}


def as_text(findings: list[Finding]) -> str:
    """One line per finding (kind, form, title, @offset, detail), then the counts."""
    lines = [f"{f.kind:<18}  {f.form}  {f.title}  @{f.start}  {f.detail}" for f in findings]
    counts = ", ".join(f"{n} {kind}" for kind, n in summary(findings).items())
    return "\n".join([*lines, f"{len(findings)} finding(s): {counts}"])


def as_json(findings: list[Finding]) -> str:
    return json.dumps({"count": len(findings), "by_kind": summary(findings),
                       "findings": [f.to_dict() for f in findings]},
                      ensure_ascii=False, indent=2)
