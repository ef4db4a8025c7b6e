"""My relations in a push (:mod:`annotator.sync`), by the spans' rule: base (at the
checkout or the last push), here, on the server.

* a relation I added here goes in with its id (already on the server: nothing to do);
* one I changed here that nobody changed on the server replaces it; one I deleted here is
  deleted there;
* one changed or deleted on the server since and changed here differently is a conflict:
  listed, the server's kept;
* one whose span is not on the server after the push (deleted there, or itself a conflict)
  is a conflict too: a relation never points at a missing span.

The checkout records each relation's ``modified`` stamp in its base as kind ``relation``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.annotation import Annotation
from annotator.core.relations import Relation
from annotator.core.store import ProjectStore

KIND = "relation"


def relation_base_rows(store: ProjectStore) -> list[tuple[str, str, str, str]]:
    """``(kind, key, doc_id, stamp)`` of every relation as it is now (a checkout's base)."""
    return [(KIND, r.id, r.doc_id, r.modified) for r in store.all_relations()]


@dataclass
class RelationPush:
    removed: list[Relation] = field(default_factory=list)
    added: list[Relation] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len({r.id for r in self.removed} | {r.id for r in self.added})


def plan_relations(file: ProjectStore, team: ProjectStore, base: dict[tuple[str, str], str],
                   me: str, spans_after: list[Annotation], spans_removed: set[str]
                   ) -> RelationPush:
    """What ``me``'s relations in ``file`` bring to ``team``; ``spans_after`` and
    ``spans_removed``: the spans the same push stores and deletes there."""
    ours = {r.id: r for r in file.all_relations(me)}
    was = {key: stamp for (kind, key), stamp in base.items() if kind == KIND}
    gone = sorted(set(was) - {r.id for r in file.all_relations()})
    server = {r.id: r for r in team.relations_by_id([*ours, *gone])}
    plan = RelationPush()
    for rel in ours.values():
        _merge(rel, was.get(rel.id), server.get(rel.id), plan)
    for rel_id in gone:
        there = server.get(rel_id)
        if there is None or there.annotator != me:
            continue
        if there.modified == was[rel_id]:
            plan.removed.append(there)
        else:
            plan.conflicts.append(f"relation {rel_id} in document {there.doc_id}: deleted "
                                  "here, changed on the server; the server's kept")
    _drop_unanchored(team, plan, spans_after, spans_removed)
    return plan


def _merge(rel: Relation, base: str | None, there: Relation | None, plan: RelationPush) -> None:
    if base is None:  # added here
        if there is None:
            plan.added.append(rel)
        elif there != rel:
            plan.conflicts.append(f"relation {rel.id}: added here and on the server with "
                                  "other content; the server's kept")
        return
    if rel.modified == base:
        return  # not changed here
    if there is None:
        plan.conflicts.append(f"relation {rel.id} ({rel.type} in document {rel.doc_id}): "
                              "changed here, deleted on the server")
    elif there.modified == base:
        plan.removed.append(there)
        plan.added.append(rel)
    elif there != rel:
        plan.conflicts.append(f"relation {rel.id} ({rel.type} in document {rel.doc_id}): "
                              "changed here and on the server; the server's kept")


def _drop_unanchored(team: ProjectStore, plan: RelationPush, spans_after: list[Annotation],
                     spans_removed: set[str]) -> None:
    """Leave out (as conflicts) the added relations with an end missing on the server
    after the push."""
    ends = {e for r in plan.added for e in r.ends}
    there = {a.id for a in team.annotations_by_id(sorted(ends))} - spans_removed
    there |= {a.id for a in spans_after}
    kept = []
    for rel in plan.added:
        if all(e in there for e in rel.ends):
            kept.append(rel)
            continue
        plan.conflicts.append(f"relation {rel.id} ({rel.type} in document {rel.doc_id}): a "
                              "span it joins is not on the server; not pushed")
        plan.removed = [r for r in plan.removed if r.id != rel.id]
    plan.added = kept
