"""Disagreements between annotators, and the commands that settle them into a gold layer.

The spans of the annotators under review are grouped into *cases*: sets of spans that
overlap one another (transitively). Each case is one of

- ``unanimous``: every annotator has the same span (bounds, tag and attributes);
- ``only_one``: a single annotator marked it (always so when one annotator is compared);
- ``partial``: several annotators marked it alike (bounds, tag and attributes), but not
  every annotator compared marked it;
- ``boundaries``: the annotators' spans overlap with different bounds;
- ``tags``: same bounds, different tags;
- ``attributes``: same bounds and tags, different attributes (normalized name, certainty…).

A reviewer settles a case by accepting one version (copied into the gold layer under the
reviewer's id), or rejecting them all; either way a review decision records who, when and
why. Gold spans are nobody's annotations: a reviewer who also annotated is compared on her
own spans, like anyone (:mod:`annotator.review.layers`). Each settlement is one
:class:`~annotator.core.commands.Command`, so it is stored at once and can be undone.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.annotation import Annotation, new_id, now
from annotator.core.commands import Command
from annotator.core.dataset import ReviewDecision, gold_ids
from annotator.core.workflow import GUIDELINES_ATTRIBUTE

KINDS = ("only_one", "partial", "boundaries", "tags", "attributes", "unanimous")
KIND_LABELS = {"only_one": "only one annotator marked it",
               "partial": "not every annotator marked it", "boundaries": "boundaries differ",
               "tags": "tags differ", "attributes": "attributes differ",
               "unanimous": "all agree"}


@dataclass(frozen=True)
class Case:
    kind: str
    spans: tuple[Annotation, ...]  # every annotator's spans in this case, in reading order
    decision: ReviewDecision | None = None  # set once settled

    @property
    def id(self) -> str:
        return "+".join(sorted(a.id for a in self.spans))

    @property
    def start(self) -> int:
        return min(a.start for a in self.spans)

    @property
    def end(self) -> int:
        return max(a.end for a in self.spans)

    @property
    def versions(self) -> tuple[Annotation, ...]:
        """One span per distinct (bounds, tag, attributes), first come first."""
        seen: dict[tuple, Annotation] = {}
        for a in self.spans:
            seen.setdefault((a.start, a.end, a.tag, compared_attributes(a)), a)
        return tuple(seen.values())


def compared_attributes(a: Annotation) -> str:
    """What annotators can disagree on in a span's attributes: all of them but the
    guidelines version it was made under (bookkeeping, not a judgement)."""
    return repr(sorted((k, v) for k, v in a.attributes.items() if k != GUIDELINES_ATTRIBUTE))


def _clusters(spans: list[Annotation]) -> list[list[Annotation]]:
    ordered = sorted(spans, key=lambda a: (a.start, a.end, a.id))
    clusters: list[list[Annotation]] = []
    reach = -1
    for a in ordered:
        if clusters and a.start < reach:
            clusters[-1].append(a)
            reach = max(reach, a.end)
        else:
            clusters.append([a])
            reach = a.end
    return clusters


def _kind(spans: list[Annotation], annotators: int) -> str:
    who = {a.annotator for a in spans}
    bounds = {(a.start, a.end) for a in spans}
    if len(who) == 1:  # even when one annotator is compared alone: nobody agreed
        return "only_one"
    if len(bounds) > 1:
        return "boundaries"
    if len({a.tag for a in spans}) > 1:
        return "tags"
    if len({compared_attributes(a) for a in spans}) > 1:
        return "attributes"
    return "unanimous" if len(who) == annotators else "partial"


def find_cases(spans: list[Annotation], annotators: list[str],
               decisions: list[ReviewDecision]) -> list[Case]:
    """The cases among ``annotators``' own spans, in reading order, with their decisions.
    Gold spans (the results of ``decisions``) are no one's annotations, even when they
    carry the id of a reviewer who is also one of ``annotators``."""
    gold = gold_ids(tuple(decisions))
    chosen = [a for a in spans if a.annotator in annotators and a.id not in gold]
    settled: dict[str, ReviewDecision] = {}
    for d in decisions:
        for target in d.targets:
            settled[target] = d
    cases = []
    for cluster in _clusters(chosen):
        decision = next((settled[a.id] for a in cluster if a.id in settled), None)
        cases.append(Case(_kind(cluster, len(annotators)), tuple(cluster), decision))
    return cases


def accept(case: Case, version: Annotation, reviewer: str, note: str | None = None,
           edited: Annotation | None = None) -> Command:
    """Copy ``version`` (or the reviewer's ``edited`` span) into the gold layer."""
    stamp = now()
    base = edited or version
    gold = base._replace(id=new_id(), annotator=reviewer, created=stamp, modified=stamp)
    decision = ReviewDecision(new_id(), case.spans[0].doc_id, reviewer,
                              "edited" if edited else "accepted",
                              tuple(a.id for a in case.spans), gold.id, note, stamp)
    return Command("adjudicate", gold.doc_id, (), (gold,), "accept into gold", (),
                   (decision,), requires=case.spans)


def reject(case: Case, reviewer: str, note: str | None = None) -> Command:
    decision = ReviewDecision(new_id(), case.spans[0].doc_id, reviewer, "rejected",
                              tuple(a.id for a in case.spans), None, note, now())
    return Command("adjudicate", decision.doc_id, (), (), "reject case", (), (decision,),
                   requires=case.spans)


def accept_unanimous(cases: list[Case], reviewer: str) -> Command | None:
    """Every open unanimous case accepted in one command (one undo)."""
    open_cases = [c for c in cases if c.kind == "unanimous" and c.decision is None]
    if not open_cases:
        return None
    parts = [accept(c, c.versions[0], reviewer) for c in open_cases]
    return Command("adjudicate", open_cases[0].spans[0].doc_id,
                   (), tuple(a for p in parts for a in p.after), "accept all unanimous", (),
                   tuple(d for p in parts for d in p.decisions_after),
                   requires=tuple(a for c in open_cases for a in c.spans))
