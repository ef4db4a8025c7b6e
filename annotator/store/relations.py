"""Relations between spans (:mod:`annotator.core.relations`), on either engine.

Relations change only through commands (:meth:`AnnotationsMixin.apply_command`): a
command's ``removed_relations`` are dropped before its spans change, its
``added_relations`` stored after. Each must still be what the command found (else someone
changed it since), and a relation is stored only while both its spans are there, in its
document and layer: an end deleted a moment before is a one-line conflict, nothing stored.
A command that deletes spans takes their relations with it (:meth:`cascade`), so nothing
ever points at a gone span.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from annotator.core.annotation import now
from annotator.core.commands import Command, with_decisions_removed, with_relations_removed
from annotator.core.dataset import ReviewDecision
from annotator.core.errors import ConflictError, NotAllowed
from annotator.core.memory import paused_gc
from annotator.core.relations import Relation
from annotator.store.common import StoreCommon
from annotator.store.decisions import COLUMNS as DECISION_COLUMNS
from annotator.store.decisions import decision_of

RELATION_COLUMNS = "id, doc_id, source, target, type, annotator, created, modified"
_CHUNK = 400


def _relations(rows: Iterable[tuple]) -> list[Relation]:
    """Rows to relations, as fast as Python allows (as :func:`.annotations._annotations`)."""
    make = tuple.__new__
    with paused_gc():
        return [make(Relation, r) for r in rows]


class RelationsMixin(StoreCommon):
    # --- reading --------------------------------------------------------------------------
    def relations(self, doc_id: str) -> list[Relation]:
        """The document's relations, by source, target and id."""
        return self._relations_of([doc_id]).get(doc_id, [])

    def _relations_of(self, doc_ids: list[str]) -> dict[str, list[Relation]]:
        """The relations of some documents (an export's chunk), by document, each by
        source, target and id: one query."""
        found: dict[str, list[Relation]] = {}
        for r in _relations(self.conn.execute(
                f"SELECT {RELATION_COLUMNS} FROM relations WHERE doc_id IN "
                f"({', '.join('?' * len(doc_ids))}) ORDER BY source, target, id", doc_ids)):
            found.setdefault(r.doc_id, []).append(r)
        return found

    def all_relations(self, annotator: str | None = None) -> Iterator[Relation]:
        """Every relation of the project (of one layer: ``annotator``), document by
        document in project order."""
        where, params = ("WHERE r.annotator = ? ", (annotator,)) if annotator else ("", ())
        rows = self.rows(
            f"SELECT {', '.join('r.' + c for c in RELATION_COLUMNS.split(', '))} "
            f"FROM relations r JOIN documents d ON d.id = r.doc_id {where}"
            "ORDER BY d.position, r.source, r.target, r.id", params)
        for row in rows:
            yield Relation(*row)

    def relations_by_id(self, ids: Iterable[str], lock: bool = False) -> list[Relation]:
        """The relations with these ids (those that exist)."""
        return self._relations_where("id", list(ids), lock)

    def relations_touching(self, span_ids: Iterable[str]) -> list[Relation]:
        """The relations with an end among ``span_ids``."""
        ids = list(span_ids)
        if not ids or not self._relations_table():
            return []
        found: dict[str, Relation] = {}
        for i in range(0, len(ids), _CHUNK // 2):  # one query a chunk: deleting follows it
            chunk = ids[i:i + _CHUNK // 2]
            marks = ", ".join("?" * len(chunk))
            found.update((r.id, r) for r in _relations(self.conn.execute(
                f"SELECT {RELATION_COLUMNS} FROM relations WHERE source IN ({marks}) OR "
                f"target IN ({marks})", [*chunk, *chunk])))
        return sorted(found.values(), key=lambda r: (r.doc_id, r.source, r.target, r.id))

    def _relations_where(self, column: str, values: list[str],
                         lock: bool = False) -> list[Relation]:
        out: list[Relation] = []
        suffix = self.SQL_FOR_UPDATE if lock else ""
        for i in range(0, len(values), _CHUNK):
            chunk = values[i:i + _CHUNK]
            out += _relations(self.conn.execute(
                f"SELECT {RELATION_COLUMNS} FROM relations WHERE {column} IN "
                f"({', '.join('?' * len(chunk))}){suffix}", chunk))
        return out

    def _span_owners(self, ids: list[str]) -> dict[str, tuple[str, str]]:
        """``span id -> (doc_id, annotator)`` of the spans with these ids."""
        out: dict[str, tuple[str, str]] = {}
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            out.update((r[0], (r[1], r[2])) for r in self.conn.execute(
                "SELECT id, doc_id, annotator FROM annotations WHERE id IN "
                f"({', '.join('?' * len(chunk))})", chunk))
        return out

    def relation_count(self) -> int:
        return int(self.conn.execute(
            "SELECT count(*) FROM relations").fetchone()[0])

    # --- writing --------------------------------------------------------------------------
    def insert_relations(self, relations: Iterable[Relation]) -> None:
        """Bulk insert without journalling (imports, merges); the spans must be there."""
        with self.transaction():
            self.conn.executemany(
                f"INSERT INTO relations({RELATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [_row(r) for r in relations])

    _has_relations = False

    def _relations_table(self) -> bool:
        """Has the project the relations table (known once seen)?"""
        if not self._has_relations:
            self._has_relations = self.conn.execute(self.SQL_HAS_RELATIONS).fetchone() \
                is not None
        return self._has_relations

    def cascade(self, command: Command) -> Command:
        """``command`` also removing the stored relations of the spans it deletes, and the
        review decisions whose result it deletes (a gold span or relation)."""
        gone = command.removed_ids
        if gone:
            command = with_relations_removed(command, self.relations_touching(gone))
        results = gone | {r.id for r in command.removed_relations}
        if not results:
            return command
        docs: dict[str, set[str]] = {}  # a sync's push deletes in many documents at once
        for doc_id, item_id in [*((a.doc_id, a.id) for a in command.before),
                                *((r.doc_id, r.id) for r in command.removed_relations)]:
            if item_id in results:
                docs.setdefault(doc_id, set()).add(item_id)
        decided = [d for doc_id, ids in docs.items() for d in self._decided(doc_id, ids)]
        theirs = sorted({d.reviewer for d in decided if not self.may_restore_decision(d.reviewer)})
        if theirs:  # gone, the decision could not come back with an undo
            raise NotAllowed(f"{self.location}: {command.label or command.kind}: it settles "
                             f"a review decision of {', '.join(theirs)}'s, which only they "
                             "can reopen; nothing was changed")
        return with_decisions_removed(command, decided)

    def _decided(self, doc_id: str, results: set[str]) -> list[ReviewDecision]:
        """The document's review decisions whose result is one of ``results``."""
        ids, out = sorted(results), []
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            out += [decision_of(r) for r in self.conn.execute(
                f"SELECT {DECISION_COLUMNS} FROM review_decisions WHERE doc_id = ? AND "
                f"result_id IN ({', '.join('?' * len(chunk))})", [doc_id, *chunk])]
        return out

    def _drop_relations(self, command: Command) -> None:
        """Drop the command's removed relations (first: before its spans go)."""
        rels = command.removed_relations
        if not rels:
            return
        expected = {r.id: r for r in rels}
        found = {r.id: r for r in self.relations_by_id(list(expected), lock=True)}
        if found != expected:
            seen = {r.id: r for r in self.relations_by_id(list(expected))}
            if seen == expected:  # there, unchanged, but not to be locked: not theirs
                raise self._not_your_relations(command)
            raise ConflictError(f"{self.location}: {command.label or command.kind}: a "
                                "relation it changes was changed or deleted since; nothing "
                                "was changed")
        cur = self.conn.executemany(
            "DELETE FROM relations WHERE id = ?", [(r.id,) for r in rels])
        if cur.rowcount != len(rels):  # rows the member may not change
            raise self._not_your_relations(command)

    def _not_your_relations(self, command: Command) -> NotAllowed:
        return NotAllowed(f"{self.location}: {command.label or command.kind}: some of these "
                          "relations are not yours to change; nothing was changed")

    def _refuse_orphans(self, command: Command) -> None:
        """Spans the command deletes may have no relation left (one added since)."""
        gone = command.removed_ids
        if gone and self.relations_touching(gone):
            raise ConflictError(f"{self.location}: {command.label or command.kind}: a "
                                "relation was added to these spans since; nothing was "
                                "changed")

    def _add_relations(self, command: Command) -> None:
        """Store the command's added relations (last: after its spans are there)."""
        rels = command.added_relations
        if not rels:
            return
        ends = {r.source for r in rels} | {r.target for r in rels}
        spans = self._span_owners(sorted(ends))
        for r in rels:
            if any(spans.get(e) != (r.doc_id, r.annotator) for e in r.ends):
                raise ConflictError(f"{self.location}: {command.label or command.kind}: a "
                                    "span it joins was changed or deleted since; nothing "
                                    "was changed")
        self._write(
            f"INSERT INTO relations({RELATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET source = excluded.source, target = "
            "excluded.target, type = excluded.type, modified = excluded.modified",
            [_row(r) for r in rels])


def _row(r: Relation) -> tuple:
    stamp = now()
    return (r.id, r.doc_id, r.source, r.target, r.type, r.annotator, r.created or stamp,
            r.modified or stamp)
