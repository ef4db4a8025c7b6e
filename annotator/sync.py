"""Working offline on a team project: ``annotator checkout`` takes a share of it into a
project file, ``annotator push`` brings my edits back.

A checkout is a file project with everything the share needs (tagset, annotators, the
documents with everyone's spans and the review decisions) and a record of where it came
from, who took it and what each span was at that moment (its *base*). A push is a
three-way merge of my layer — base, here, on the server — as one command in my journal on
the server (one undo takes it back):

* a span I added here goes in with its id (already on the server: nothing to do);
* a span I changed here that nobody changed on the server replaces it; one I deleted here
  is deleted there;
* a span changed (or deleted) on the server since the checkout and changed here differently
  is a *conflict*: listed, the server's version kept, nothing overwritten;
* my relations by the same rule (:mod:`annotator.sync_relations`);
* my review decisions and rejected suggestions not on the server go in with their ids;
* my statuses, threads and comments, and (a reviewer's) resolutions and assignments, by the
  same rule (:mod:`annotator.sync_workflow`).

The base then moves to what was pushed, so pushing again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.annotation import Annotation, now
from annotator.core.commands import Command
from annotator.core.errors import ProjectError
from annotator.store import Store
from annotator.store.copy import copy_project
from annotator.sync_relations import RelationPush, plan_relations, relation_base_rows
from annotator.sync_workflow import WorkflowPush, base_rows, plan_push


@dataclass
class CheckoutReport:
    path: Path
    documents: int
    spans: int

    def line(self) -> str:
        return (f"checked out {self.documents} documents with {self.spans} spans into "
                f"{self.path}")


@dataclass
class PushReport:
    added: int = 0
    changed: int = 0
    deleted: int = 0
    decisions: int = 0
    rejections: int = 0
    conflicts: list[str] = field(default_factory=list)
    workflow: dict[str, int] = field(default_factory=dict)  # statuses, threads … pushed
    relations: int = 0  # added, changed or deleted
    withheld: int = 0  # a reviewer's changes made here by someone who does not review

    @property
    def nothing(self) -> bool:
        return not (self.added or self.changed or self.deleted or self.decisions
                    or self.rejections or self.relations or any(self.workflow.values()))

    def lines(self) -> list[str]:
        out = [f"conflict: {c}" for c in self.conflicts]
        if self.nothing:
            out.append("nothing to push" + (f" ({len(self.conflicts)} conflicts)"
                                            if self.conflicts else ""))
        else:
            done = "".join(f", {n} {kind if n != 1 else _ONE[kind]}"
                           for kind, n in {**self.workflow, "relations": self.relations}.items()
                           if n)
            out.append(f"pushed {self.added} new, {self.changed} changed, {self.deleted} deleted "
                       f"spans, {self.decisions} review decisions, {self.rejections} rejected "
                       f"suggestions{done}; {len(self.conflicts)} conflicts")
        if self.withheld:
            out.append(f"not pushed: {self.withheld} resolutions or assignments made here "
                       "(only reviewers resolve threads and assign documents)")
        return out


_ONE = {"statuses": "status", "assignments": "assignment", "threads": "thread",
        "comments": "comment", "relations": "relation"}


def checkout(team, path: str | Path, mine: bool = False) -> CheckoutReport:
    """Copy the team project (``mine``: only my share, the documents in my queue and
    those I have spans in) into a new project file ``path``."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise ProjectError(f"{path}: already exists; check out into a new file")
    me = team.user
    doc_ids = ({s.doc_id for s in team.find_spans(annotator=me)}
               | {a.doc_id for a in team.assignments() if a.annotator == me}) if mine else None
    with Store.open(path, create=True) as file:
        copy_project(team, file, doc_ids=doc_ids, journal=False)
        spans = file.find_spans()
        file.set_checkout({"from": team.location, "user": me, "role": team.role,
                           "at": now()}, [(a.id, a.doc_id, a.modified) for a in spans],
                          _base(file))
        return CheckoutReport(path, len(file.documents()), len(spans))


def push(file: Store, team) -> PushReport:
    """Bring ``me``'s edits in the checkout ``file`` to ``team``: see the module's rules."""
    info = file.checkout_info()
    if info is None:
        raise ProjectError(f"{file.location}: not a checkout (make one with: annotator "
                           "checkout URL FILE)")
    me = team.user
    if info["user"] != me:
        raise ProjectError(f"{file.location}: checked out by {info['user']}; push it as "
                           f"{info['user']}, not {me}")
    base = file.checkout_base()  # id -> modified at checkout (or at the last push)
    spans = file.find_spans()
    here = {a.id: a for a in spans if a.annotator == me}
    gone = sorted(set(base) - {a.id for a in spans})  # deleted here (anyone's, so far)
    server = {a.id: a for a in team.annotations_by_id(list(here) + gone)}
    report = PushReport()
    before: list[Annotation] = []
    after: list[Annotation] = []
    for span in here.values():
        _merge_span(span, base.get(span.id), server.get(span.id), before, after, report)
    for span_id in gone:
        if (there := server.get(span_id)) is not None and there.annotator == me:
            _merge_deletion(span_id, base[span_id], there, before, report)
    new_decisions, rejections = _new_reviews(file, team, me)
    report.decisions, report.rejections = len(new_decisions), len(rejections)
    work = plan_push(file, team, file.checkout_workflow_base(), me,
                     team.role in ("reviewer", "owner"))
    report.workflow, report.withheld = work.counts, work.withheld
    report.conflicts += work.conflicts
    rels = plan_relations(file, team, file.checkout_workflow_base(), me, after,
                          {a.id for a in before} - {a.id for a in after})
    report.relations, report.conflicts = rels.count, report.conflicts + rels.conflicts
    if report.nothing:
        return report
    team.apply_command(_command(file, before, after, new_decisions, rejections, work, rels),
                       me)
    file.set_checkout({**info, "pushed": now()},
                      [(a.id, a.doc_id, a.modified) for a in file.find_spans()], _base(file))
    return report


def _base(file: Store) -> list[tuple[str, str, str, str]]:
    """The workflow's rows and the relations as they are now (the push's next base)."""
    return base_rows(file) + relation_base_rows(file)


def _command(file: Store, before: list[Annotation], after: list[Annotation],
             decisions: tuple, rejections: tuple, work: WorkflowPush,
             rels: RelationPush) -> Command:
    """The push as one command in my journal on the server (one undo takes it back)."""
    doc_id = next(x.doc_id for x in (*after, *before, *rels.added, *rels.removed,
                                     *decisions, *rejections,
                                     *work.statuses_after, *work.assignments_before,
                                     *work.assignments_after, *work.threads_before,
                                     *work.threads_after, *work.comments_before,
                                     *work.comments_after))
    return Command("push", doc_id, tuple(before), tuple(after),
                   f"push from {Path(file.location).name}", (), decisions, (), rejections,
                   tuple(work.statuses_before), tuple(work.statuses_after),
                   assignments_before=tuple(work.assignments_before),
                   assignments_after=tuple(work.assignments_after),
                   threads_before=tuple(work.threads_before),
                   threads_after=tuple(work.threads_after),
                   comments_before=tuple(work.comments_before),
                   comments_after=tuple(work.comments_after),
                   removed_relations=tuple(rels.removed), added_relations=tuple(rels.added))


def _new_reviews(file: Store, team, me: str) -> tuple[tuple, tuple]:
    """My review decisions and rejected suggestions in ``file`` the server lacks."""
    decisions, rejections = [], []
    for doc in file.documents():
        decisions += [d for d in file.decisions(doc.id) if d.reviewer == me]
        there = team.rejections(doc.id, me)
        rejections += [r for r in file.rejection_rows(doc.id, me)
                       if (r.start, r.end, r.tag) not in there]
    known = {d.id for d in team.decisions_by_id([d.id for d in decisions])}
    return tuple(d for d in decisions if d.id not in known), tuple(rejections)


def _merge_span(span: Annotation, base: str | None, there: Annotation | None,
                before: list[Annotation], after: list[Annotation], report: PushReport) -> None:
    if base is None:  # added here
        if there is None:
            after.append(span)
            report.added += 1
        elif there != span:
            report.conflicts.append(f"span {span.id}: added here and on the server with "
                                    "other content; the server's kept")
        return
    changed_here = span.modified != base
    if not changed_here:
        return
    if there is None:
        report.conflicts.append(f"span {span.id} ({span.tag} [{span.start}, {span.end}) in "
                                f"document {span.doc_id}): changed here, deleted on the server")
    elif there.modified == base:
        before.append(there)
        after.append(span)
        report.changed += 1
    elif there != span:
        report.conflicts.append(f"span {span.id} ({span.tag} [{span.start}, {span.end}) in "
                                f"document {span.doc_id}): changed here and on the server; "
                                "the server's kept")


def _merge_deletion(span_id: str, base: str, there: Annotation | None,
                    before: list[Annotation], report: PushReport) -> None:
    if there is None:
        return  # deleted on both sides
    if there.modified == base:
        before.append(there)
        report.deleted += 1
    else:
        report.conflicts.append(f"span {span_id} in document {there.doc_id}: deleted here, "
                                "changed on the server; the server's kept")
