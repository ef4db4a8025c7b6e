"""Annotations, and the command journal that makes undo/redo survive a restart."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import groupby
from operator import itemgetter

from annotator.core.annotation import Annotation, Rejection, now
from annotator.core.commands import STATUS_FIELDS, Command
from annotator.core.errors import ConflictError, NotAllowed
from annotator.core.memory import paused_gc
from annotator.store.common import dumps
from annotator.store.decisions import DecisionsMixin
from annotator.store.relations import RelationsMixin
from annotator.store.workflow import WorkflowMixin

#: a span row as read (``modified`` is NULL in a file while it equals ``created``)
ANNOTATION_COLUMNS = ('id, doc_id, start, "end", tag, annotator, attributes, created, '
                      "coalesce(modified, created)")
#: an export's row: ``modified`` as stored, None (or equal to ``created``) while unchanged
EXPORT_COLUMNS = 'id, doc_id, start, "end", tag, annotator, attributes, created, modified'


_NO_ATTRIBUTES = "{}"


class AnnotationsMixin(RelationsMixin, DecisionsMixin, WorkflowMixin):
    # --- annotations -------------------------------------------------------------------
    def annotations(self, doc_id: str) -> list[Annotation]:
        """The document's annotations in reading order ``(start, end, id)``."""
        rows = self.conn.execute('SELECT id, start, "end", tag, annotator, attributes, '
                                 "created, coalesce(modified, created) FROM annotations "
                                 "WHERE doc_id = ? "
                                 'ORDER BY start, "end", id', (doc_id,))
        return _document_annotations(doc_id, rows)

    def annotations_between(self, doc_id: str, start: int, end: int) -> list[Annotation]:
        """The document's spans overlapping ``[start, end)`` (one ending at ``start`` does
        not), in reading order: a screenful read without the rest of the document (the
        primary key's range on ``start``; ``end`` is tested in the engine, not in Python)."""
        rows = self.conn.execute('SELECT id, start, "end", tag, annotator, attributes, '
                                 "created, coalesce(modified, created) FROM annotations "
                                 'WHERE doc_id = ? AND start < ? AND "end" > ? '
                                 'ORDER BY start, "end", id', (doc_id, end, start))
        return _document_annotations(doc_id, rows)

    def annotations_after(self, doc_id: str, after: tuple[int, int, str] | None,
                          limit: int) -> list[Annotation]:
        """Up to ``limit`` of the document's spans that follow the reading-order key
        ``(start, end, id)`` ``after`` (from the first with None), in reading order: the
        document's spans read a part at a time (the primary key's order, no offset)."""
        key = after if after is not None else (-1, -1, "")
        rows = self.conn.execute('SELECT id, start, "end", tag, annotator, attributes, '
                                 "created, coalesce(modified, created) FROM annotations "
                                 'WHERE doc_id = ? AND (start, "end", id) > (?, ?, ?) '
                                 'ORDER BY start, "end", id LIMIT ?', (doc_id, *key, limit))
        return _document_annotations(doc_id, rows)

    def export_spans(self, doc_ids: Sequence[str], chunk: int = 200
                     ) -> Iterator[tuple[str, list[tuple]]]:
        """For an export: each document of ``doc_ids`` (in that order, every one) with its
        spans as bare rows in reading order, one query per ``chunk`` documents. A row has
        :class:`Annotation`'s fields in its order, but ``attributes`` is the JSON text as
        stored (``'{}'`` for none) and ``modified`` is None while it equals ``created``:
        no tuple is made or decoded per span, nor a second copy of the time stamp."""
        for i in range(0, len(doc_ids), chunk):
            part = list(doc_ids[i:i + chunk])
            rows = self.conn.execute(
                f"SELECT {EXPORT_COLUMNS} FROM annotations WHERE doc_id IN "
                f"({', '.join('?' * len(part))}) ORDER BY doc_id, start, \"end\", id", part)
            with paused_gc():
                found = {d: list(group) for d, group in groupby(rows, _DOC_ID)}
            for doc_id in part:
                yield doc_id, found.get(doc_id, [])

    def insert_annotations(self, annotations: Iterable[Annotation]) -> None:
        """Bulk insert without journalling (imports, merges, benchmarks), in the span
        table's key order: rows that come shuffled (spans in the order they were made)
        split pages that then stay part empty (a fifth of a file's span table)."""
        rows = [_annotation_row(a, self._stored_modified) for a in annotations]
        rows.sort(key=_KEY_ORDER)
        with self.transaction():
            self.conn.executemany(
                'INSERT INTO annotations(id, doc_id, start, "end", tag, annotator, attributes, '
                "created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    # --- commands and the journal (undo/redo that survive a restart) --------------------
    def apply_command(self, command: Command, annotator: str) -> Command:
        """Apply ``command`` and journal it in one transaction; clears ``annotator``'s redo
        history. Returns the command as applied and journalled: one deleting spans also
        deletes their relations and the review decisions they settled (:meth:`cascade`,
        read in the same transaction: journalled so, undone so)."""
        with self.transaction():
            command = self.cascade(command)
            self._apply_rows(command)
            self._journal(command, annotator)
            return command

    def _journal(self, command: Command, annotator: str) -> None:
        """Journal ``command`` (in the caller's transaction), dropping ``annotator``'s redo
        history."""
        self.conn.execute("DELETE FROM journal WHERE annotator = ? AND undone = 1",
                          (annotator,))
        self._write("INSERT INTO journal(annotator, doc_id, kind, payload, created) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [(annotator, command.doc_id, command.kind, command.to_json(), now())])

    def undo(self, annotator: str) -> Command | None:
        """Revert ``annotator``'s latest command; returns what was applied (the inverse)."""
        return self._step(annotator, "SELECT seq, payload FROM journal WHERE annotator = ? "
                          "AND undone = 0 ORDER BY seq DESC LIMIT 1", undo=True)

    def redo(self, annotator: str) -> Command | None:
        return self._step(annotator, "SELECT seq, payload FROM journal WHERE annotator = ? "
                          "AND undone = 1 ORDER BY seq LIMIT 1", undo=False)

    def _step(self, annotator: str, query: str, undo: bool) -> Command | None:
        with self.transaction():
            row = self.conn.execute(query, (annotator,)).fetchone()
            if row is None:
                return None
            command = Command.from_json(row[1])
            command = command.inverse() if undo else command
            self._apply_rows(command)
            self.conn.execute("UPDATE journal SET undone = ? WHERE seq = ?", (int(undo), row[0]))
            return command

    def next_steps(self, annotator: str) -> tuple[tuple[str, str] | None,
                                                  tuple[str, str] | None]:
        """``(kind, label)`` of the command :meth:`undo` would take back and of the one
        :meth:`redo` would do again (None: nothing), read from the journal without
        decoding the commands (a corpus-wide batch may be megabytes); an unreadable entry
        (see :mod:`annotator.store.check`) has no label."""
        step = f"SELECT undone, kind, {self.SQL_LABEL} FROM journal WHERE annotator = ? AND "
        rows = self.conn.execute(  # one round trip: it follows every edit
            f"SELECT * FROM ({step} undone = 0 ORDER BY seq DESC LIMIT 1) AS done UNION ALL "
            f"SELECT * FROM ({step} undone = 1 ORDER BY seq LIMIT 1) AS undone",
            (annotator, annotator)).fetchall()
        steps = {undone: (kind, label or "") for undone, kind, label in rows}
        return steps.get(0), steps.get(1)

    def history(self, annotator: str) -> tuple[list[Command], list[Command]]:
        """(done, undone) commands of ``annotator``, oldest first."""
        rows = self.conn.execute("SELECT payload, undone FROM journal WHERE annotator = ? "
                                 "ORDER BY seq", (annotator,)).fetchall()
        done = [Command.from_json(p) for p, u in rows if not u]
        undone = [Command.from_json(p) for p, u in rows if u]
        return done, undone

    def _apply_rows(self, command: Command) -> None:
        self._check_command_spans(command)
        self._drop_relations(command)
        self._refuse_orphans(command)
        removed = command.removed_ids
        cur = self.conn.executemany("DELETE FROM annotations WHERE id = ?",
                                    [(i,) for i in removed])
        if removed and cur.rowcount != len(removed):  # rows the member may not change
            raise self._not_yours(command)
        self._write(
            'INSERT INTO annotations(id, doc_id, start, "end", tag, annotator, attributes, '
            "created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE "
            'SET start = excluded.start, "end" = excluded."end", tag = excluded.tag, '
            "attributes = excluded.attributes, "
            "modified = excluded.modified",  # NULL: as created (a project file)
            [_annotation_row(a, self._stored_modified) for a in command.after])
        if command.decisions_before or command.decisions_after:
            self._review_lock(command)
            self._apply_decisions(command)
        if command.rejections_before or command.rejections_after:
            self._apply_rejections(command)
        if command.statuses_before or command.statuses_after:
            self._apply_statuses(command)
        if command.workflow_rows:
            self._apply_workflow(command)
        self._add_relations(command)

    def _check_command_spans(self, command: Command) -> None:
        """The spans the command changes or relies on are still what it found."""
        ids = [a.id for a in command.before]
        current = {a.id: a for a in self.annotations_by_id(ids, lock=True)}
        expected = {a.id: a for a in command.before}
        if current != expected:
            hidden = [i for i in expected if i not in current]
            seen = {a.id: a for a in self.annotations_by_id(hidden)}
            if hidden and seen == {i: expected[i] for i in hidden}:
                raise self._not_yours(command)  # there, unchanged, but not to be locked
            raise ConflictError("the annotations changed since this edit was made "
                                f"({command.label or command.kind})")
        if command.requires:
            found = {a.id: a for a in self.annotations_by_id([a.id for a in command.requires])}
            if found != {a.id: a for a in command.requires}:
                raise ConflictError(f"{self.location}: {command.label or command.kind}: a span "
                                    "it is about was changed or deleted since (by its "
                                    "annotator); nothing was changed")

    def _review_lock(self, command: Command) -> None:
        """A change to review decisions (the gold layer) takes the documents' review
        locks: a team project refuses it while another reviewer holds one
        (:mod:`annotator.store.pg.presence`); in a project file its lock already makes
        one editor."""

    def _apply_statuses(self, command: Command) -> None:
        """Statuses: each must still be what the command found (else someone else changed
        it since, as with spans). The workflow status is the annotator's own
        (:mod:`annotator.store.workflow`); the review status is the document's."""
        for was, will in zip(command.statuses_before, command.statuses_after, strict=True):
            if (was.doc_id, was.field, was.annotator) != \
                    (will.doc_id, will.field, will.annotator) or was.field not in STATUS_FIELDS:
                raise ConflictError(f"not a status change: {was} -> {will}")
            if was.field == "status":
                self._set_annotator_status(was.doc_id, was.annotator, was.value, will.value)
                self._settle_status([was.doc_id])
                continue
            row = self.conn.execute(f"SELECT {was.field} FROM documents WHERE id = ?"
                                    f"{self.SQL_FOR_UPDATE}", (was.doc_id,)).fetchone()
            if row is None or row[0] != was.value:
                raise ConflictError("the document's status changed since this edit was "
                                    f"made ({command.label or command.kind})")
            self.conn.execute(f"UPDATE documents SET {was.field} = ?, modified = ? "
                              "WHERE id = ?", (will.value, now(), was.doc_id))

    def _not_yours(self, command: Command) -> NotAllowed:
        return NotAllowed(f"{self.location}: {command.label or command.kind}: some of these "
                          "spans are not yours to change; nothing was changed")

    def _apply_rejections(self, command: Command) -> None:
        """Rejected suggestions: idempotent (rejecting twice, or withdrawing a rejection
        that is gone, changes nothing), so they never conflict."""
        def key(r: Rejection) -> tuple:
            return (r.doc_id, r.annotator, r.start, r.end, r.tag)

        kept = {key(r) for r in command.rejections_after}
        self.conn.executemany(
            "DELETE FROM rejected_suggestions WHERE doc_id = ? AND annotator = ? AND "
            'start = ? AND "end" = ? AND tag = ?',
            [key(r) for r in command.rejections_before if key(r) not in kept])
        self.conn.executemany(
            'INSERT INTO rejected_suggestions(doc_id, annotator, start, "end", tag, '
            "created) VALUES (?, ?, ?, ?, ?, ?)",
            [(*key(r), r.created or now()) for r in command.rejections_after])

    def rejection_rows(self, doc_id: str, annotator: str) -> list[Rejection]:
        """The suggestions ``annotator`` rejected in a document, whole."""
        return [Rejection(*r) for r in self.conn.execute(
            'SELECT doc_id, start, "end", tag, annotator, created FROM rejected_suggestions '
            "WHERE doc_id = ? AND annotator = ? ORDER BY start, \"end\", tag",
            (doc_id, annotator))]

    def all_rejections(self) -> list[Rejection]:
        """Every rejected suggestion of the project, by document and place (negative
        evidence for the recommenders: :mod:`annotator.recommend.training`)."""
        return [Rejection(*r) for r in self.conn.execute(
            'SELECT doc_id, start, "end", tag, annotator, created FROM rejected_suggestions '
            'ORDER BY doc_id, start, "end", tag, annotator')]

    def rejections(self, doc_id: str, annotator: str) -> set[tuple[int, int, str]]:
        """``(start, end, tag)`` of the suggestions ``annotator`` rejected in a document."""
        return {(r[0], r[1], r[2]) for r in self.conn.execute(
            'SELECT start, "end", tag FROM rejected_suggestions WHERE doc_id = ? AND '
            "annotator = ?", (doc_id, annotator))}

    def span_texts(self, annotator: str | None = None) -> Iterator[tuple[str, str, int]]:
        """``(text, tag, count)`` over every annotation of the project (of ``annotator``
        alone: blind annotation): what each span says and how it was tagged, for the
        suggestion lexicon. Each document's text is read once; repeated (text, tag) pairs
        of a document come as one row."""
        where, params = ("WHERE annotator = ? ", (annotator,)) if annotator else ("", ())
        rows = self.conn.execute('SELECT doc_id, start, "end", tag FROM annotations '
                                 f"{where}ORDER BY doc_id", params)
        for doc_id, spans in groupby(rows, itemgetter(0)):
            text = self.conn.execute("SELECT text FROM documents WHERE id = ?",
                                     (doc_id,)).fetchone()[0]
            counts = Counter([(text[s:e], tag) for _, s, e, tag in spans])  # (counted in C)
            yield from ((t, g, n) for (t, g), n in counts.items())


    def spans_by_document(self, with_text: bool = False
                          ) -> Iterator[tuple[str, int, str | None, list[tuple]]]:
        """``(doc id, length, text or None, spans)`` for every document in project order;
        each span is a row ``(start, end, tag, annotator, doc_id)``, in no set order. The
        bare spans of the whole project (for agreement), streamed from two statements read
        side by side (one snapshot: the first stays open while the second runs); a query
        per document costs several times more."""
        docs = self.conn.execute(f"SELECT id, length, {'text' if with_text else 'NULL'} "
                                 "FROM documents ORDER BY position")
        rows = self.conn.execute('SELECT a.start, a."end", a.tag, a.annotator, a.doc_id FROM '
                                 f"documents d {self.SQL_JOIN_IN_ORDER} annotations a "
                                 "ON a.doc_id = d.id "
                                 "ORDER BY d.position")
        groups = groupby(rows, key=itemgetter(4))
        key, group = next(groups, (None, iter(())))
        for doc_id, length, text in docs:
            spans: list[tuple] = []
            if key == doc_id:
                spans = list(group)
                key, group = next(groups, (None, iter(())))
            yield doc_id, length, text, spans

    def active_annotators(self) -> list[str]:
        """Annotators who have spans in the project."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT annotator FROM annotations")]

    def has_annotations(self) -> bool:
        return self.conn.execute("SELECT 1 FROM annotations LIMIT 1").fetchone() is not None

    def annotations_by_id(self, ids: list[str], lock: bool = False) -> list[Annotation]:
        """The annotations with these ids (those that exist); ``lock``: inside a
        transaction, keep others from changing them until it ends."""
        out: list[Annotation] = []
        suffix = self.SQL_FOR_UPDATE if lock else ""
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows = self.conn.execute(
                f"SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE id IN "
                f"({', '.join('?' * len(chunk))}){suffix}", chunk)
            out += _annotations(rows)
        return out


def _annotations(rows) -> list[Annotation]:
    """Rows to annotations, as fast as Python allows (30,000 rows in a few ms). The
    garbage collector is paused meanwhile: tens of thousands of new tuples would otherwise
    set off full collections, which cost more the more the process holds (a big lexicon)."""
    make, loads, empty = tuple.__new__, json.loads, _NO_ATTRIBUTES
    with paused_gc():
        return [make(Annotation, (r[0], r[1], r[2], r[3], r[4], r[5],
                                  {} if r[6] == empty else loads(r[6]), r[7], r[8]))
                for r in rows]


def _document_annotations(doc_id: str, rows) -> list[Annotation]:
    """As :func:`_annotations`, for rows of one document without their ``doc_id`` column:
    every span shares the one id string (one column less to read and decode per row, and
    300,000 spans hold 25 MB less)."""
    make, loads, empty = tuple.__new__, json.loads, _NO_ATTRIBUTES
    with paused_gc():
        return [make(Annotation, (r[0], doc_id, r[1], r[2], r[3], r[4],
                                  {} if r[5] == empty else loads(r[5]), r[6], r[7]))
                for r in rows]


_DOC_ID = itemgetter(1)

#: a span row's place in the table's primary key ``(doc_id, start, end, id)``
_KEY_ORDER = itemgetter(1, 2, 3, 0)


def _annotation_row(a: Annotation, stored: Callable[[str, str], str | None]) -> tuple:
    """The row of ``a``; ``stored``: its ``modified`` as the engine stores it."""
    created = a.created or now()
    return (a.id, a.doc_id, a.start, a.end, a.tag, a.annotator, dumps(a.attributes),
            created, stored(created, a.modified or created))

