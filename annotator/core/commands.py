"""Edits as commands. A command replaces some annotation rows (``before``) by others
(``after``); its inverse swaps the two. Adding, deleting, retagging, resizing, editing
attributes and batches (annotate-all) are all this one shape, so apply/revert, the journal
that survives restarts, and the model in the tests need only one rule.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from annotator.core.annotation import Annotation, Rejection, new_id, now
from annotator.core.dataset import ReviewDecision
from annotator.core.relations import Relation, relations_of
from annotator.core.workflow import Assignment, Comment, Thread

#: the document fields a command may set: the annotation workflow, and review's
STATUS_FIELDS = ("status", "review_status")


class DocStatus(NamedTuple):
    """A document's status as a command finds or leaves it: ``field`` is one of
    :data:`STATUS_FIELDS`. ``annotator`` names whose status it is: the workflow status is
    kept per document and annotator (:class:`annotator.core.workflow.AnnotatorStatus`);
    the review status is the document's own (``annotator`` is the reviewer)."""

    doc_id: str
    field: str
    value: str
    annotator: str = ""


@dataclass(frozen=True)
class Command:
    # add | delete | retag | resize | attributes | batch | adjudicate | reject | status |
    # push | assign | comment | edit_comment | delete_comment | resolve | reopen | relate |
    # unrelate | retype
    kind: str
    doc_id: str
    before: tuple[Annotation, ...] = ()
    after: tuple[Annotation, ...] = ()
    label: str = ""  # for the Undo menu: "Undo tag 上海合作组织"
    # review decisions replaced the same way (adjudication adds them; undo takes them away)
    decisions_before: tuple[ReviewDecision, ...] = ()
    decisions_after: tuple[ReviewDecision, ...] = ()
    # rejected suggestions, the same way (rejecting adds one; undo takes it away)
    rejections_before: tuple[Rejection, ...] = ()
    rejections_after: tuple[Rejection, ...] = ()
    # document statuses, the same way (undo puts the one before back)
    statuses_before: tuple[DocStatus, ...] = ()
    statuses_after: tuple[DocStatus, ...] = ()
    # spans the command relies on without changing them (a review decision's targets):
    # applying it is a conflict if any was changed or deleted since (by its author, say);
    # undoing it relies on nothing
    requires: tuple[Annotation, ...] = ()
    # the team's workflow (core.workflow), the same way: assignments, discussion threads
    # (opened, resolved) and their comments
    assignments_before: tuple[Assignment, ...] = ()
    assignments_after: tuple[Assignment, ...] = ()
    threads_before: tuple[Thread, ...] = ()
    threads_after: tuple[Thread, ...] = ()
    comments_before: tuple[Comment, ...] = ()
    comments_after: tuple[Comment, ...] = ()
    # relations between spans (core.relations), the same way: removed ones dropped, added
    # ones stored (a relation whose span goes goes in the same command)
    removed_relations: tuple[Relation, ...] = ()
    added_relations: tuple[Relation, ...] = ()

    def inverse(self) -> Command:
        return replace(self, before=self.after, after=self.before, requires=(),
                       decisions_before=self.decisions_after,
                       decisions_after=self.decisions_before,
                       rejections_before=self.rejections_after,
                       rejections_after=self.rejections_before,
                       statuses_before=self.statuses_after,
                       statuses_after=self.statuses_before,
                       assignments_before=self.assignments_after,
                       assignments_after=self.assignments_before,
                       threads_before=self.threads_after, threads_after=self.threads_before,
                       comments_before=self.comments_after, comments_after=self.comments_before,
                       removed_relations=self.added_relations,
                       added_relations=self.removed_relations)

    @property
    def doc_ids(self) -> set[str]:
        """Every document the command touches (a corpus-wide batch touches several)."""
        return {a.doc_id for a in self.before + self.after} | {self.doc_id} | \
            {s.doc_id for s in self.statuses_before + self.statuses_after} | \
            {r.doc_id for r in self.workflow_rows} | \
            {r.doc_id for r in self.removed_relations + self.added_relations}

    @property
    def workflow_rows(self) -> tuple[Assignment | Thread | Comment, ...]:
        """The assignments, threads and comments the command finds or leaves."""
        return (*self.assignments_before, *self.assignments_after, *self.threads_before,
                *self.threads_after, *self.comments_before, *self.comments_after)

    def to_json(self) -> str:
        return json.dumps({"kind": self.kind, "doc_id": self.doc_id, "label": self.label,
                           "before": [a._asdict() for a in self.before],
                           "after": [a._asdict() for a in self.after],
                           "decisions_before": [_decision(d) for d in self.decisions_before],
                           "decisions_after": [_decision(d) for d in self.decisions_after],
                           "rejections_before": [list(r) for r in self.rejections_before],
                           "rejections_after": [list(r) for r in self.rejections_after],
                           "statuses_before": [list(s) for s in self.statuses_before],
                           "statuses_after": [list(s) for s in self.statuses_after],
                           **({"requires": [a._asdict() for a in self.requires]}
                              if self.requires else {}),
                           **{key: [list(r) for r in getattr(self, key)]
                              for key in (*_WORKFLOW, *_RELATIONS) if getattr(self, key)}},
                          ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, payload: str) -> Command:
        data = json.loads(payload)
        def decisions(key: str) -> tuple[ReviewDecision, ...]:
            return tuple(ReviewDecision(**{**d, "targets": tuple(d["targets"])})
                         for d in data.get(key, ()))

        def rejections(key: str) -> tuple[Rejection, ...]:
            return tuple(Rejection(*r) for r in data.get(key, ()))

        def statuses(key: str) -> tuple[DocStatus, ...]:
            return tuple(DocStatus(*s) for s in data.get(key, ()))

        return cls(data["kind"], data["doc_id"],
                   tuple(Annotation(**a) for a in data["before"]),
                   tuple(Annotation(**a) for a in data["after"]), data.get("label", ""),
                   decisions("decisions_before"), decisions("decisions_after"),
                   rejections("rejections_before"), rejections("rejections_after"),
                   statuses("statuses_before"), statuses("statuses_after"),
                   tuple(Annotation(**a) for a in data.get("requires", ())),
                   **{key: tuple(kind(*r) for r in data.get(key, ()))
                      for key, kind in {**_WORKFLOW, **_RELATIONS}.items()})

    @property
    def removed_ids(self) -> set[str]:
        return {a.id for a in self.before} - {a.id for a in self.after}

    @property
    def removed_decision_ids(self) -> set[str]:
        return {d.id for d in self.decisions_before} - {d.id for d in self.decisions_after}


#: the workflow fields of a command, and the record each holds (stored in its JSON only
#: when not empty, so older entries read the same)
_WORKFLOW: dict[str, type] = {
    "assignments_before": Assignment, "assignments_after": Assignment,
    "threads_before": Thread, "threads_after": Thread,
    "comments_before": Comment, "comments_after": Comment}
#: the relation fields, stored the same way
_RELATIONS: dict[str, type] = {"removed_relations": Relation, "added_relations": Relation}


def _decision(d: ReviewDecision) -> dict:
    return {**d.__dict__, "targets": list(d.targets)}


@dataclass(frozen=True)
class Change:
    """What applying a command did to one document, for views to update."""

    doc_id: str
    removed: tuple[Annotation, ...] = ()
    added: tuple[Annotation, ...] = ()
    command: Command | None = field(default=None, compare=False)
    removed_relations: tuple[Relation, ...] = ()
    added_relations: tuple[Relation, ...] = ()

    @classmethod
    def of(cls, command: Command) -> Change:
        return cls(command.doc_id, command.before, command.after, command,
                   command.removed_relations, command.added_relations)

    def only(self, doc_id: str) -> Change:
        """The part of the change in one document (a corpus-wide batch touches several)."""
        return Change(doc_id, tuple(a for a in self.removed if a.doc_id == doc_id),
                      tuple(a for a in self.added if a.doc_id == doc_id), self.command,
                      tuple(r for r in self.removed_relations if r.doc_id == doc_id),
                      tuple(r for r in self.added_relations if r.doc_id == doc_id))

    @property
    def relations(self) -> bool:
        """Did the change remove or add any relation?"""
        return bool(self.removed_relations or self.added_relations)

    @property
    def rejections(self) -> tuple[tuple[Rejection, ...], tuple[Rejection, ...]]:
        """(withdrawn, made) rejections of suggestions."""
        c = self.command
        return (c.rejections_before, c.rejections_after) if c else ((), ())

    @property
    def touched(self) -> tuple[int, int] | None:
        """The code-point range the change affects (to repaint), or None."""
        withdrawn, made = self.rejections
        spans = [(a.start, a.end) for a in self.removed + self.added] + [
            (r.start, r.end) for r in withdrawn + made if r.doc_id == self.doc_id]
        if not spans:
            return None
        return min(s for s, _ in spans), max(e for _, e in spans)


def apply_to(rows: dict[str, Annotation], command: Command) -> dict[str, Annotation]:
    """The reference semantics (used by tests as the model): drop ``before``, add ``after``."""
    out = {k: v for k, v in rows.items() if k not in {a.id for a in command.before}}
    out.update({a.id: a for a in command.after})
    return out


# --- building commands -----------------------------------------------------------------
_TRIM_CATEGORIES = ("Z", "P", "C")  # separators, punctuation, control


def _trimmable(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in _TRIM_CATEGORIES


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past leading/trailing whitespace and punctuation."""
    start, end = max(0, start), min(len(text), end)
    while start < end and _trimmable(text[start]):
        start += 1
    while end > start and _trimmable(text[end - 1]):
        end -= 1
    return start, end


def trim_space(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past leading/trailing whitespace and line breaks only (an
    imported span keeps its punctuation): no span starts or ends on whitespace, so its
    TEI pointer is never empty and it lines up with a tokenizer's tokens."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def add(doc_id: str, text: str, start: int, end: int, tag: str, annotator: str,
        attributes: dict | None = None) -> Command | None:
    """A new span over the trimmed selection, or None if nothing is left to tag."""
    start, end = trim(text, start, end)
    if start >= end:
        return None
    stamp = now()
    span = Annotation(new_id(), doc_id, start, end, tag, annotator, dict(attributes or {}),
                      stamp, stamp)
    return Command("add", doc_id, (), (span,), f"tag {text[start:end][:20]}")


def delete(spans: list[Annotation], relations: Iterable[Relation] = ()) -> Command:
    """Delete spans, and (in the same undo step) those of ``relations`` that have an end
    among them."""
    n = len(spans)
    gone = tuple(relations_of([a.id for a in spans], relations))
    return Command("delete", spans[0].doc_id, tuple(spans), (),
                   f"delete {n} span{'' if n == 1 else 's'}", removed_relations=gone)


def add_relation(source: Annotation, target: Annotation, rtype: str,
                 annotator: str | None = None) -> Command:
    """``source`` —``rtype``→ ``target`` as a new relation (in the source's layer unless
    ``annotator`` says otherwise); check it first with
    :func:`annotator.core.relations.check_relation`."""
    stamp = now()
    rel = Relation(new_id(), source.doc_id, source.id, target.id, rtype,
                   annotator or source.annotator, stamp, stamp)
    return Command("relate", source.doc_id, label=f"relate {rtype.replace('_', ' ')}",
                   added_relations=(rel,))


def delete_relations(relations: list[Relation]) -> Command:
    n = len(relations)
    return Command("unrelate", relations[0].doc_id,
                   label=f"delete {n} relation{'' if n == 1 else 's'}",
                   removed_relations=tuple(relations))


def retype_relation(relation: Relation, rtype: str, reverse: bool = False) -> Command | None:
    """The same link as another relation type, or turned round (``reverse``: its target
    becomes its source); same id: undo puts it back. None when nothing would change."""
    if relation.type == rtype and not reverse:
        return None
    ends = (relation.target, relation.source) if reverse else relation.ends
    after = relation._replace(type=rtype, source=ends[0], target=ends[1], modified=now())
    turned = " (turned round)" if reverse else ""
    return Command("retype", relation.doc_id,
                   label=f"change relation to {rtype.replace('_', ' ')}{turned}",
                   removed_relations=(relation,), added_relations=(after,))


def with_relations_removed(command: Command, relations: Iterable[Relation]) -> Command:
    """``command`` also removing those of ``relations`` that have an end among the spans
    it removes (and that it does not remove already): nothing left points at a gone span."""
    listed = {r.id for r in command.removed_relations}
    extra = tuple(r for r in relations_of(command.removed_ids, relations)
                  if r.id not in listed)
    if not extra:
        return command
    return replace(command, removed_relations=(*command.removed_relations, *extra))


def with_decisions_removed(command: Command, decisions: Iterable[ReviewDecision]) -> Command:
    """``command`` also removing those of ``decisions`` it does not change already: the
    review decisions whose result (a gold span or relation) it deletes, so that no decision
    names a result that is gone and the case is open again (undo brings both back)."""
    listed = {d.id for d in (*command.decisions_before, *command.decisions_after)}
    extra = tuple(d for d in decisions if d.id not in listed)
    if not extra:
        return command
    return replace(command, decisions_before=(*command.decisions_before, *extra))


def retag(spans: list[Annotation], tag: str) -> Command:
    stamp = now()
    after = tuple(a._replace(tag=tag, modified=stamp) for a in spans)
    return Command("retag", spans[0].doc_id, tuple(spans), after, f"change tag to {tag}")


def resize(span: Annotation, start: int, end: int, text_length: int) -> Command | None:
    """Move a span's edges; None when the result would be empty or outside the text."""
    if not 0 <= start < end <= text_length or (start, end) == (span.start, span.end):
        return None
    after = span._replace(start=start, end=end, modified=now())
    return Command("resize", span.doc_id, (span,), (after,), "resize span")


def moved_edge(text: str, start: int, end: int, edge: str, delta: int
               ) -> tuple[int, int] | None:
    """``[start, end)`` with its ``edge`` ("start" or "end") moved by ``delta`` code
    points and on over any whitespace or line break it lands on, so that no edge rests on
    one (a span never starts or ends with a space); None when nothing would be left of the
    span, or it would leave the text."""
    step = 1 if delta > 0 else -1
    if edge == "start":
        start += delta
        while 0 <= start < len(text) and text[start].isspace():
            start += step
    else:
        end += delta
        while 0 < end <= len(text) and text[end - 1].isspace():
            end += step
    return (start, end) if 0 <= start < end <= len(text) else None


def set_attributes(span: Annotation, attributes: dict) -> Command | None:
    cleaned = {k: v for k, v in attributes.items() if v not in (None, "")}
    if cleaned == span.attributes:
        return None
    after = span._replace(attributes=cleaned, modified=now())
    return Command("attributes", span.doc_id, (span,), (after,), "edit attributes")


def batch(doc_id: str, added: list[Annotation], label: str) -> Command:
    """Add many spans as one undo step; they may lie in other documents than ``doc_id``
    (the document the user was on), as with annotate-all over the whole corpus."""
    return Command("batch", doc_id, (), tuple(added), label)


def reject(doc_id: str, start: int, end: int, tag: str, annotator: str,
           text: str = "") -> Command:
    """Never suggest ``tag`` for ``[start, end)`` again (to ``annotator``)."""
    rejection = Rejection(doc_id, start, end, tag, annotator, now())
    return Command("reject", doc_id, label=f"reject suggestion {text[:20]}".rstrip(),
                   rejections_after=(rejection,))


def set_status(doc_id: str, before: str, after: str, annotator: str,
               field: str = "status") -> Command | None:
    """Set a document's ``field`` (see :data:`STATUS_FIELDS`) from ``before`` to ``after``
    for ``annotator``; None when it already is ``after``."""
    if before == after:
        return None
    words = {"todo": "to do"}.get(after, after.replace("_", " "))  # as the interface says
    return Command("status", doc_id, label=f"set {field.replace('_', ' ')} to {words}",
                   statuses_before=(DocStatus(doc_id, field, before, annotator),),
                   statuses_after=(DocStatus(doc_id, field, after, annotator),))


def with_status(command: Command, doc_id: str, before: str, after: str, annotator: str,
                field: str = "status") -> Command:
    """``command`` also setting a document's status (one undo takes both back): a review
    decision that settles a document's last case makes it reviewed."""
    if before == after:
        return command
    return replace(command,
                   statuses_before=(*command.statuses_before,
                                    DocStatus(doc_id, field, before, annotator)),
                   statuses_after=(*command.statuses_after,
                                   DocStatus(doc_id, field, after, annotator)))
