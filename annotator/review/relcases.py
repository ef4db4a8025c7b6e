"""Relation disagreements, and the commands that settle them into the gold layer.

The relations of the annotators under review are grouped into *relation cases*: relations
whose ends overlap (source with source and target with target, or crossed), transitively.
Each case is one of

- ``only_one``: a single annotator drew it;
- ``types``: the annotators joined the same places by relations of different types;
- ``ends``: same type, but the ends' bounds (or, for a directed type, the direction) differ;
- ``partial``: several annotators drew it alike, but not every annotator compared;
- ``unanimous``: every annotator drew the same relation.

Accepting a version puts a gold relation in the gold layer whose ends are the *gold spans
accepted for its ends*: for each end span, the result of the decision that settled it (in
whichever version the reviewer chose there); an end nobody settled yet is accepted with it,
as it is. A rejected end refuses. Spans, relation and decisions go in one command (one
undo); the relation's decision names the compared relations (``targets``) and the gold
relation (``result_id``), like a span's.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.annotation import Annotation, new_id, now
from annotator.core.commands import Command
from annotator.core.dataset import ReviewDecision, gold_ids
from annotator.core.errors import AnnotatorError
from annotator.core.relations import Relation
from annotator.review.cases import Case, accept, find_cases

KINDS = ("only_one", "types", "ends", "partial", "unanimous")
KIND_LABELS = {"only_one": "only one annotator drew it", "types": "relation types differ",
               "ends": "ends differ", "partial": "not every annotator drew it",
               "unanimous": "all agree"}
Bounds = tuple[int, int]


class ReviewError(AnnotatorError):
    """A settlement that cannot be made (one line, for the reviewer)."""


@dataclass(frozen=True)
class RelationCase:
    kind: str
    relations: tuple[Relation, ...]  # every compared annotator's, in reading order
    ends: dict[str, tuple[Annotation, Annotation]]  # relation id -> (source, target) spans
    decision: ReviewDecision | None = None

    @property
    def id(self) -> str:
        return "+".join(sorted(r.id for r in self.relations))

    @property
    def start(self) -> int:
        return min(a.start for pair in self.ends.values() for a in pair)

    @property
    def end(self) -> int:
        return max(a.end for pair in self.ends.values() for a in pair)

    def bounds(self, rel: Relation) -> tuple[Bounds, Bounds]:
        s, t = self.ends[rel.id]
        return (s.start, s.end), (t.start, t.end)

    @property
    def versions(self) -> tuple[Relation, ...]:
        """One relation per distinct (type, ends' bounds), first come first."""
        seen: dict[tuple, Relation] = {}
        for r in self.relations:
            seen.setdefault((r.type, self.bounds(r)), r)
        return tuple(seen.values())


def _overlap(a: Annotation, b: Annotation) -> bool:
    return a.start < b.end and b.start < a.end


def _near(x: tuple[Annotation, Annotation], y: tuple[Annotation, Annotation]) -> bool:
    return (_overlap(x[0], y[0]) and _overlap(x[1], y[1])) or \
        (_overlap(x[0], y[1]) and _overlap(x[1], y[0]))


def _groups(rels: list[Relation], ends: dict[str, tuple[Annotation, Annotation]]
            ) -> list[list[Relation]]:
    """Relations whose ends overlap, transitively (union-find), in reading order."""
    parent = list(range(len(rels)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = [ends[r.id] for r in rels]
    index = sorted((a.start, a.end, k) for k, pair in enumerate(pairs) for a in pair)
    starts = [s for s, _, _ in index]
    longest = max((e - s for s, e, _ in index), default=0)
    for i, (source, _target) in enumerate(pairs):  # whoever is near meets i's source
        lo = bisect.bisect_left(starts, source.start - longest)
        for _s, e, k in index[lo:bisect.bisect_left(starts, source.end)]:
            if k != i and e > source.start and _near(pairs[i], pairs[k]):
                parent[root(k)] = root(i)
    out: dict[int, list[Relation]] = {}
    for i, r in enumerate(rels):
        out.setdefault(root(i), []).append(r)
    return list(out.values())


def _kind(case: list[Relation], ends: dict, directed: dict[str, bool], annotators: int) -> str:
    who = {r.annotator for r in case}
    if len(who) == 1:
        return "only_one"
    if len({r.type for r in case}) > 1:
        return "types"
    shapes = set()
    for r in case:
        s, t = ((a.start, a.end) for a in ends[r.id])
        shapes.add((s, t) if directed.get(r.type, True) else tuple(sorted((s, t))))
    if len(shapes) > 1:
        return "ends"
    return "unanimous" if len(who) == annotators else "partial"


def find_relation_cases(spans: Sequence[Annotation], relations: Sequence[Relation],
                        annotators: list[str], decisions: Sequence[ReviewDecision],
                        directed: dict[str, bool] | None = None) -> list[RelationCase]:
    """The relation cases among ``annotators``' own relations (gold ones are nobody's), in
    reading order, with their decisions; ``directed``: relation type id -> directed."""
    gold = gold_ids(tuple(decisions))
    by_id = {a.id: a for a in spans}
    ends = {r.id: (by_id[r.source], by_id[r.target]) for r in relations
            if r.annotator in annotators and r.id not in gold
            and r.source in by_id and r.target in by_id}
    def reading(r: Relation) -> tuple[int, int, str]:
        s, t = ends[r.id]
        return (min(s.start, t.start), max(s.end, t.end), r.id)

    chosen = sorted((r for r in relations if r.id in ends), key=reading)
    settled = {t: d for d in decisions for t in d.targets}
    cases = []
    for group in _groups(chosen, ends):
        decision = next((settled[r.id] for r in group if r.id in settled), None)
        cases.append(RelationCase(_kind(group, ends, directed or {}, len(annotators)),
                                  tuple(group), {r.id: ends[r.id] for r in group}, decision))
    return cases  # in reading order: each group's first relation starts it


def _settled(span_id: str, decisions: Sequence[ReviewDecision]) -> ReviewDecision | None:
    return next((d for d in decisions if span_id in d.targets), None)


def _gold_end(end: Annotation, ctx: _Context) -> Annotation:
    """The gold span accepted for ``end``: an earlier decision's result, or a new one."""
    decision = _settled(end.id, ctx.decisions)
    if decision is not None:
        if decision.decision == "rejected":
            raise ReviewError(f"its end {ctx.name(end)} was rejected; accept a version of "
                              "that span first")
        gold = ctx.by_id.get(decision.result_id or "")
        if gold is None:
            raise ReviewError(f"the gold span accepted for its end {ctx.name(end)} is gone")
        return gold
    case = next((c for c in ctx.span_cases if end.id in {a.id for a in c.spans}), None)
    if case is None or case.id in ctx.made:  # (both ends in one case: the second alone)
        case = Case("only_one", (end,))
    part = accept(case, end, ctx.reviewer)
    ctx.made[case.id] = part
    return part.after[0]


@dataclass
class _Context:
    reviewer: str
    by_id: dict[str, Annotation]
    decisions: Sequence[ReviewDecision]
    span_cases: list[Case]
    made: dict[str, Command]
    text: str | None = None  # the document's, to name an end by its words

    def name(self, end: Annotation) -> str:
        """An end as the reviewer sees it: 「its words」 (tag), else by its offsets."""
        if self.text is not None and 0 <= end.start < end.end <= len(self.text):
            return f"「{self.text[end.start:end.end]}」 ({end.tag})"
        return f"[{end.start}, {end.end}) ({end.tag})"


def accept_relation(case: RelationCase, version: Relation, reviewer: str,
                    spans: Sequence[Annotation], decisions: Sequence[ReviewDecision],
                    annotators: list[str], note: str | None = None,
                    text: str | None = None) -> Command:
    """``version`` into the gold layer, its ends following the gold spans accepted for
    them (accepted now, as they are, where nobody settled them yet); one command. Raises
    :class:`ReviewError` when an end was rejected or its ends' gold spans lie in the layers
    of two reviewers (``text``, the document's: the message quotes the end)."""
    ctx = _Context(reviewer, {a.id: a for a in spans}, decisions,
                   find_cases(list(spans), annotators, list(decisions)), {}, text)
    source, target = (_gold_end(end, ctx) for end in case.ends[version.id])
    if source.annotator != target.annotator:
        raise ReviewError(f"its ends were accepted into gold by two reviewers "
                          f"({source.annotator}, {target.annotator})")
    stamp = now()
    gold = Relation(new_id(), version.doc_id, source.id, target.id, version.type,
                    source.annotator, stamp, stamp)
    decision = ReviewDecision(new_id(), version.doc_id, reviewer, "accepted",
                              tuple(r.id for r in case.relations), gold.id, note, stamp)
    parts = list(ctx.made.values())
    requires = {a.id: a for p in parts for a in p.requires}
    requires.update({a.id: a for pair in case.ends.values() for a in pair})
    return Command("adjudicate", version.doc_id, (), tuple(a for p in parts for a in p.after),
                   "accept relation into gold", (),
                   (*(d for p in parts for d in p.decisions_after), decision),
                   requires=tuple(requires.values()), added_relations=(gold,))


def reject_relation(case: RelationCase, reviewer: str, note: str | None = None) -> Command:
    """Every version of the case rejected (its spans are left as they are)."""
    doc_id = case.relations[0].doc_id
    decision = ReviewDecision(new_id(), doc_id, reviewer, "rejected",
                              tuple(r.id for r in case.relations), None, note, now())
    requires = {a.id: a for pair in case.ends.values() for a in pair}
    return Command("adjudicate", doc_id, (), (), "reject relation case", (), (decision,),
                   requires=tuple(requires.values()))


def accept_unanimous_relations(cases: Sequence[RelationCase], reviewer: str,
                               spans: Sequence[Annotation],
                               decisions: Sequence[ReviewDecision], annotators: list[str],
                               spans_command: Command | None = None) -> Command | None:
    """Every open unanimous relation case accepted, after ``spans_command`` (the span
    cases accepted by the same keystroke, whose gold spans the relations' ends follow),
    all in one command (one undo). A case whose end was rejected stays open."""
    parts = [spans_command] if spans_command is not None else []
    spans, decisions = list(spans), list(decisions)
    for p in parts:
        spans += p.after
        decisions += p.decisions_after
    for case in cases:
        if case.kind != "unanimous" or case.decision is not None:
            continue
        try:
            part = accept_relation(case, case.versions[0], reviewer, spans, decisions,
                                   annotators)
        except ReviewError:
            continue
        parts.append(part)
        spans += part.after
        decisions += part.decisions_after
    if not parts:
        return None
    requires = {a.id: a for p in parts for a in p.requires}
    return Command("adjudicate", parts[0].doc_id, (), tuple(a for p in parts for a in p.after),
                   "accept all unanimous", (), tuple(d for p in parts for d in p.decisions_after),
                   requires=tuple(requires.values()),
                   added_relations=tuple(r for p in parts for r in p.added_relations))
