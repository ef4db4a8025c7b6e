"""Handing out documents: who annotates which, spread evenly with the overlap agreement
needs, and the commands that store it (undoable, like every edit).

:func:`spread` gives every document ``per_doc`` different annotators. Each place goes to
the least loaded annotator left (so no annotator ever has more than one document more than
another, counting what they had before); among equally loaded ones, to the one who has
shared the fewest documents with those already chosen for it (so every pair of annotators
overlaps about as often: agreement is measured over every pair); remaining ties are broken
by ``seed``, the same seed giving the same plan.

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence

from annotator.core.annotation import now
from annotator.core.commands import Command
from annotator.core.workflow import Assignment

Plan = dict[str, tuple[str, ...]]  # document id -> its annotators, in the order chosen


def spread(doc_ids: Sequence[str], annotators: Sequence[str], per_doc: int, seed: int = 0,
           existing: Iterable[Assignment] = ()) -> Plan:
    """Each of ``doc_ids`` (in their order) to ``per_doc`` of ``annotators``; the loads
    and pairings of ``existing`` assignments (of other documents) count too."""
    names = list(dict.fromkeys(a.strip() for a in annotators))
    if not names or any(not n for n in names):
        raise ValueError("name the annotators to assign documents to")
    if len(names) != len(list(annotators)):
        raise ValueError("an annotator is named twice")
    if not 1 <= per_doc <= len(names):
        raise ValueError(f"each document can go to 1 to {len(names)} of these annotators, "
                         f"not {per_doc}")
    load = Counter({n: 0 for n in names})
    pairs: Counter[frozenset[str]] = Counter()
    by_doc: dict[str, list[str]] = {}
    planned = set(doc_ids)
    for a in existing:
        if a.annotator in load and a.doc_id not in planned:
            load[a.annotator] += 1
            by_doc.setdefault(a.doc_id, []).append(a.annotator)
    for people in by_doc.values():
        _pair(pairs, people)
    rng = random.Random(seed)
    plan: Plan = {}
    for doc_id in doc_ids:
        rank = {n: rng.random() for n in names}
        chosen: list[str] = []
        for _ in range(per_doc):
            left = [n for n in names if n not in chosen]
            chosen.append(min(left, key=lambda n: (
                load[n], sum(pairs[frozenset((n, c))] for c in chosen), rank[n])))
        for n in chosen:
            load[n] += 1
        _pair(pairs, chosen)
        plan[doc_id] = tuple(chosen)
    return plan


def _pair(pairs: Counter[frozenset[str]], people: list[str]) -> None:
    for i, a in enumerate(people):
        for b in people[i + 1:]:
            pairs[frozenset((a, b))] += 1


def loads(plan: Plan, existing: Iterable[Assignment] = ()) -> Counter[str]:
    """How many documents each annotator has once ``plan`` is stored (besides the planned
    documents' ``existing`` assignments, which the plan replaces)."""
    out: Counter[str] = Counter(a.annotator for a in existing if a.doc_id not in plan)
    for people in plan.values():
        out.update(people)
    return out


def assign(plan: Plan, existing: Iterable[Assignment], by: str) -> Command | None:
    """The command giving each planned document exactly its planned annotators (an
    assignment that stays keeps its time and who made it); None when nothing changes."""
    stamp = now()
    held: dict[str, dict[str, Assignment]] = {}
    for a in existing:
        if a.doc_id in plan:
            held.setdefault(a.doc_id, {})[a.annotator] = a
    before: list[Assignment] = []
    after: list[Assignment] = []
    for doc_id, people in plan.items():
        mine = held.get(doc_id, {})
        before += mine.values()
        after += [mine.get(p) or Assignment(doc_id, p, by, stamp) for p in people]
    if {(a.doc_id, a.annotator) for a in before} == {(a.doc_id, a.annotator) for a in after}:
        return None
    docs = sorted(plan)
    n = len(docs)
    return Command("assign", docs[0], label=f"assign {n} document{'' if n == 1 else 's'}",
                   assignments_before=tuple(before), assignments_after=tuple(after))


def queue(order: Sequence[str], assignments: Iterable[Assignment], annotator: str) -> list[str]:
    """``annotator``'s documents, in ``order`` (the project's)."""
    theirs = {a.doc_id for a in assignments if a.annotator == annotator}
    return [d for d in order if d in theirs]
