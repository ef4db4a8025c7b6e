"""An annotator's working session on a project: every edit is a command, stored before
the caller sees it; undo and redo walk the stored journal, across documents and restarts.

Pure Python: the window wraps a session, tests drive one directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from annotator.core import commands
from annotator.core.annotation import Annotation, Annotator
from annotator.core.commands import Change, Command
from annotator.core.document import STATUSES
from annotator.core.relations import Relation, RelationError, check_relation
from annotator.core.store import ProjectStore, tagset_of
from annotator.core.workflow import GUIDELINES_ATTRIBUTE


class Step(NamedTuple):
    """A journalled command as Undo and Redo name it."""

    kind: str
    label: str


class UndoState(NamedTuple):
    """What Undo and Redo would do now (None: nothing, or not allowed: read-only)."""

    undo: Step | None
    redo: Step | None


def stamped(command: Command, version: int | None) -> Command:
    """``command`` with the spans it creates recording the guidelines ``version`` they are
    made under (attribute :data:`~annotator.core.workflow.GUIDELINES_ATTRIBUTE`); a span it
    only changes, or one that already says, keeps what it says."""
    if not version:
        return command
    old = {a.id for a in command.before}
    after = tuple(a if a.id in old or GUIDELINES_ATTRIBUTE in a.attributes
                  else a._replace(attributes={**a.attributes, GUIDELINES_ATTRIBUTE: version})
                  for a in command.after)
    return replace(command, after=after) if after != command.after else command


class Session:
    def __init__(self, store: ProjectStore, annotator: Annotator):
        self.store = store
        self.annotator = annotator = store.identify(annotator)
        self.role = store.member_role()  # None: a project file of one's own
        if not getattr(store, "read_only", ""):  # a read-only project records nobody
            store.add_annotator(annotator)
        self.guidelines_version: int | None = None
        self.read_guidelines()
        self._journalled: Command | None = None  # what run() journalled last, if no step since

    def read_guidelines(self) -> None:
        """The guidelines version new spans record (again: a reviewer saved a new one)."""
        current = self.store.guidelines()
        self.guidelines_version = current.version if current else None

    @property
    def reviews(self) -> bool:
        """May review (resolve threads, assign, edit guidelines, set blind annotation): a
        team project's reviewers and owner; anyone at a project file of their own."""
        return self.role in (None, "reviewer", "owner")

    def run(self, command: Command | None) -> Change | None:
        """Apply and journal a command; None in, None out (nothing to do). The spans it
        creates record the guidelines version they are made under."""
        if command is None:
            return None
        applied = self.store.apply_command(stamped(command, self.guidelines_version),
                                           self.annotator.id)
        self._journalled = applied
        return Change.of(applied)

    def add(self, doc_id: str, text: str, start: int, end: int, tag: str,
            attributes: dict | None = None) -> Change | None:
        return self.run(commands.add(doc_id, text, start, end, tag, self.annotator.id,
                                     attributes))

    def retag(self, spans: list[Annotation], tag: str) -> Change | None:
        """Retag spans; refused (:class:`~annotator.core.relations.RelationError`, one
        line) when a relation of theirs would no longer be allowed."""
        spans = [a for a in spans if a.tag != tag]
        if not spans:
            return None
        self._keep_relations_allowed(spans, tag)
        return self.run(commands.retag(spans, tag))

    def _keep_relations_allowed(self, spans: list[Annotation], tag: str) -> None:
        rels = self.store.relations_touching([a.id for a in spans])
        if not rels:
            return
        tagset = tagset_of(self.store)
        ends = {a.id: a for a in self.store.annotations_by_id(
            sorted({e for r in rels for e in r.ends}))}
        moved = {a.id for a in spans}
        for r in rels:
            try:
                rtype = tagset.relation(r.type)
            except KeyError:  # a type the tagset lost: `annotator check` names it
                continue
            source, target = (tag if e in moved else ends[e].tag for e in r.ends)
            if not rtype.allows(source, target):
                raise RelationError(f"a '{r.type}' relation may not join {source} to "
                                    f"{target}: delete it before changing the tag to {tag}")

    def delete(self, spans: list[Annotation]) -> Change | None:
        return self.run(commands.delete(spans)) if spans else None

    def add_relation(self, source: Annotation, target: Annotation, rtype: str,
                     existing: Iterable[Relation] | None = None) -> Change | None:
        """``source`` —``rtype``→ ``target`` in the source's layer, once the tagset and the
        stored relations allow it (else :class:`~annotator.core.relations.RelationError`,
        one line). ``existing``: the document's relations, when the caller holds them (else
        read: those of the two spans, or the document's for a type that forbids cycles)."""
        tagset = tagset_of(self.store)
        command = commands.add_relation(source, target, rtype)
        rel = command.added_relations[0]
        if existing is None:
            acyclic = rtype in {t.id for t in tagset.relations if t.acyclic}
            existing = self.store.relations(source.doc_id) if acyclic else \
                self.store.relations_touching([source.id, target.id])
        check_relation(tagset, rel, {source.id: source, target.id: target}, existing)
        return self.run(command)

    def retype_relation(self, relation: Relation, rtype: str,
                        reverse: bool = False) -> Change | None:
        """Change a relation's type (``reverse``: and turn it round), once the tagset
        allows the new one between its spans."""
        command = commands.retype_relation(relation, rtype, reverse)
        if command is None:
            return None
        ends = {a.id: a for a in self.store.annotations_by_id(list(relation.ends))}
        tagset = tagset_of(self.store)
        acyclic = rtype in {t.id for t in tagset.relations if t.acyclic}
        # a type that forbids cycles is checked against every relation of the document
        existing = self.store.relations(relation.doc_id) if acyclic else \
            self.store.relations_touching(relation.ends)
        check_relation(tagset, command.added_relations[0], ends, existing)
        return self.run(command)

    def delete_relations(self, relations: list[Relation]) -> Change | None:
        return self.run(commands.delete_relations(relations)) if relations else None

    def resize(self, span: Annotation, start: int, end: int, text_length: int) -> Change | None:
        return self.run(commands.resize(span, start, end, text_length))

    def set_attributes(self, span: Annotation, attributes: dict) -> Change | None:
        return self.run(commands.set_attributes(span, attributes))

    def set_status(self, doc_id: str, status: str) -> Change | None:
        """My status on the document (to do, in progress, done), as an undoable command."""
        if status not in STATUSES:
            raise ValueError(f"unknown document status {status!r} (one of "
                             f"{', '.join(STATUSES)})")
        before = self.store.status_of(doc_id, self.annotator.id)
        return self.run(commands.set_status(doc_id, before, status, self.annotator.id))

    def undo(self) -> Change | None:
        self._journalled = None
        command = self.store.undo(self.annotator.id)
        return Change.of(command) if command else None

    def redo(self) -> Change | None:
        self._journalled = None
        command = self.store.redo(self.annotator.id)
        return Change.of(command) if command else None

    def undo_state(self, after: Change | None = None) -> UndoState:
        """What undo and redo would do now, as the journal says (nothing when the project
        is read-only: its journal cannot be written). ``after``: the change :meth:`run`
        just made — journalling its command made it my latest and dropped my redo history
        (:meth:`~annotator.core.store.ProjectStore.apply_command`), so that is the state,
        not read again (on a team project a round trip after every edit)."""
        if getattr(self.store, "read_only", ""):
            return UndoState(None, None)
        command = after.command if after is not None else None
        if command is not None and command is self._journalled:
            self._journalled = None  # named once; a corpus-wide batch is not kept alive
            return UndoState(Step(command.kind, command.label or ""), None)
        undo, redo = self.store.next_steps(self.annotator.id)
        return UndoState(Step(*undo) if undo else None, Step(*redo) if redo else None)

    def history(self) -> tuple[list[Command], list[Command]]:
        return self.store.history(self.annotator.id)
