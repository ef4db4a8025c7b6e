"""The team's workflow in the store, for both engines: each annotator's status per
document, assignments, discussion threads and comments, the guidelines' versions and the
blind-annotation setting (:mod:`annotator.core.workflow` has the records).

Statuses, assignments, threads and comments change only through commands (applied here as
part of :meth:`annotator.store.annotations.AnnotationsMixin.apply_command`, so they are
journalled and undoable), and each must still be as the command found it: a change made
meanwhile by someone else is a conflict, never overwritten. The ``put_*`` methods store
rows as they come (imports, merges, pushes). ``documents.status`` is kept as the summary of
its annotators' statuses (:func:`annotator.core.workflow.overall_status`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from annotator.core.annotation import now
from annotator.core.commands import Command
from annotator.core.errors import ConflictError, NotAllowed
from annotator.core.workflow import (
    AnnotatorStatus,
    Assignment,
    Comment,
    GuidelinesVersion,
    Thread,
    overall_status,
)
from annotator.store.common import StoreCommon

THREAD_COLUMNS = 'id, doc_id, span_id, start, "end", author, created, resolved_by, resolved'
COMMENT_COLUMNS = "id, thread_id, doc_id, author, text, created, modified"
ASSIGNMENT_COLUMNS = "doc_id, annotator, assigned_by, created"
STATUS_COLUMNS = "doc_id, annotator, status, modified"


def statuses_from_journal(payloads: Iterable[str]) -> dict[str, str]:
    """Who set each document's status last, from the journal's status commands (oldest
    first): for migrating a document's one status to its annotator's."""
    found: dict[str, str] = {}
    for payload in payloads:
        try:
            data = json.loads(payload)
            for doc_id, field, _value, annotator in data.get("statuses_after", ()):
                if field == "status" and annotator:
                    found[doc_id] = annotator
        except (ValueError, TypeError):
            continue  # an unreadable entry: `annotator check` reports it
    return found


def _chunks(ids: list[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


class WorkflowMixin(StoreCommon):
    # --- reading ---------------------------------------------------------------------------
    def doc_statuses(self, doc_id: str | None = None) -> list[AnnotatorStatus]:
        """Every annotator's status on a document (all documents: None)."""
        where, params = ("WHERE doc_id = ? ", (doc_id,)) if doc_id is not None else ("", ())
        return [AnnotatorStatus(*r) for r in self.conn.execute(
            f"SELECT {STATUS_COLUMNS} FROM doc_status {where}ORDER BY doc_id, annotator",
            params)]

    def status_of(self, doc_id: str, annotator: str) -> str:
        """``annotator``'s status on a document (to do when they set none)."""
        row = self.conn.execute("SELECT status FROM doc_status WHERE doc_id = ? AND "
                                "annotator = ?", (doc_id, annotator)).fetchone()
        return row[0] if row else "todo"

    def assignments(self, doc_id: str | None = None) -> list[Assignment]:
        where, params = ("WHERE doc_id = ? ", (doc_id,)) if doc_id is not None else ("", ())
        return [Assignment(*r) for r in self.conn.execute(
            f"SELECT {ASSIGNMENT_COLUMNS} FROM assignments {where}ORDER BY doc_id, created, "
            "annotator", params)]

    def threads(self, doc_id: str | None = None) -> list[Thread]:
        """A document's threads (every document's: None), oldest first."""
        where, params = ("WHERE doc_id = ? ", (doc_id,)) if doc_id is not None else ("", ())
        return [Thread(*r) for r in self.conn.execute(
            f"SELECT {THREAD_COLUMNS} FROM threads {where}ORDER BY doc_id, created, id",
            params)]

    def comments(self, doc_id: str | None = None) -> list[Comment]:
        """A document's comments (every document's: None), oldest first."""
        where, params = ("WHERE doc_id = ? ", (doc_id,)) if doc_id is not None else ("", ())
        return [Comment(*r) for r in self.conn.execute(
            f"SELECT {COMMENT_COLUMNS} FROM comments {where}ORDER BY doc_id, created, id",
            params)]

    def open_threads(self) -> dict[str, int]:
        """Documents with open threads, and how many."""
        return dict(self.conn.execute("SELECT doc_id, count(*) FROM threads WHERE resolved "
                                      "IS NULL GROUP BY doc_id"))

    def threads_by_id(self, ids: list[str], lock: bool = False) -> list[Thread]:
        """The threads with these ids; ``lock``: as :meth:`annotations_by_id`."""
        suffix = self.SQL_FOR_UPDATE if lock else ""
        return [Thread(*r) for chunk in _chunks(ids) for r in self.conn.execute(
            f"SELECT {THREAD_COLUMNS} FROM threads WHERE id IN "
            f"({', '.join('?' * len(chunk))}){suffix}", chunk)]

    def comments_by_id(self, ids: list[str], lock: bool = False) -> list[Comment]:
        suffix = self.SQL_FOR_UPDATE if lock else ""
        return [Comment(*r) for chunk in _chunks(ids) for r in self.conn.execute(
            f"SELECT {COMMENT_COLUMNS} FROM comments WHERE id IN "
            f"({', '.join('?' * len(chunk))}){suffix}", chunk)]

    def span_counts(self, annotator: str) -> dict[str, int]:
        """How many spans ``annotator`` has in each document they annotated."""
        return dict(self.conn.execute("SELECT doc_id, count(*) FROM annotations WHERE "
                                      "annotator = ? GROUP BY doc_id", (annotator,)))

    def edit_times(self) -> Iterator[tuple[str, str]]:
        """``(annotator, time)`` of every journalled edit, by annotator then time."""
        yield from self.conn.execute(f"SELECT annotator, created FROM ({self.SQL_EDIT_TIMES}) "
                                     "t WHERE annotator IS NOT NULL ORDER BY annotator, created")

    # --- guidelines and settings ---------------------------------------------------------------
    def guidelines(self) -> GuidelinesVersion | None:
        """The current version of the project guidelines (None before the first)."""
        row = self.conn.execute("SELECT version, text, author, created FROM guidelines "
                                "ORDER BY version DESC LIMIT 1").fetchone()
        return GuidelinesVersion(*row) if row else None

    def guidelines_history(self) -> list[GuidelinesVersion]:
        return [GuidelinesVersion(*r) for r in self.conn.execute(
            "SELECT version, text, author, created FROM guidelines ORDER BY version")]

    def set_guidelines(self, text: str, author: str) -> GuidelinesVersion:
        """Save ``text`` as the next version (versions are kept: an old text comes back
        as a new version). The same text as the current version saves nothing."""
        with self.transaction():
            current = self.guidelines()
            if current is not None and current.text == text:
                return current
            made = GuidelinesVersion((current.version if current else 0) + 1, text, author,
                                     now())
            self.put_guidelines([made])
            return made

    def put_guidelines(self, versions: Iterable[GuidelinesVersion]) -> None:
        with self.transaction():
            self.conn.executemany("INSERT INTO guidelines(version, text, author, created) "
                                  "VALUES (?, ?, ?, ?)", [tuple(v) for v in versions])

    def blind(self) -> bool:
        """Blind annotation: an annotator sees only their own layer of a document they
        have not marked done (:mod:`annotator.core.blind`)."""
        return bool(self.meta("blind", False))

    def set_blind(self, on: bool) -> None:
        with self.transaction():
            self._set_meta("blind", bool(on))

    # --- storing rows as they come (imports, merges, pushes) ---------------------------------
    def put_statuses(self, rows: Iterable[AnnotatorStatus]) -> None:
        rows = list(rows)
        with self.transaction():
            self.conn.executemany(
                f"INSERT INTO doc_status({STATUS_COLUMNS}) VALUES (?, ?, ?, ?) ON CONFLICT"
                "(doc_id, annotator) DO UPDATE SET status = excluded.status, modified = "
                "excluded.modified", [tuple(r) for r in rows])
            self._settle_status({r.doc_id for r in rows})

    def put_assignments(self, rows: Iterable[Assignment]) -> None:
        rows = list(rows)
        with self.transaction():
            self.conn.executemany(
                f"INSERT INTO assignments({ASSIGNMENT_COLUMNS}) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(doc_id, annotator) DO NOTHING", [tuple(r) for r in rows])
            self._settle_status({r.doc_id for r in rows})

    def put_threads(self, rows: Iterable[Thread]) -> None:
        with self.transaction():
            self.conn.executemany(
                f"INSERT INTO threads({THREAD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET resolved_by = excluded.resolved_by, "
                "resolved = excluded.resolved", [tuple(r) for r in rows])

    def put_comments(self, rows: Iterable[Comment]) -> None:
        with self.transaction():
            self.conn.executemany(
                f"INSERT INTO comments({COMMENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET text = excluded.text, modified = "
                "excluded.modified", [tuple(r) for r in rows])

    # --- applying commands ---------------------------------------------------------------
    def _set_annotator_status(self, doc_id: str, annotator: str, was: str, will: str) -> None:
        """One annotator's status, which must still be ``was``."""
        row = self.conn.execute(f"SELECT status FROM doc_status WHERE doc_id = ? AND "
                                f"annotator = ?{self.SQL_FOR_UPDATE}",
                                (doc_id, annotator)).fetchone()
        if (row[0] if row else "todo") != was:
            raise ConflictError("the document's status changed since this edit was made")
        self.conn.execute(f"INSERT INTO doc_status({STATUS_COLUMNS}) VALUES (?, ?, ?, ?) "
                          "ON CONFLICT(doc_id, annotator) DO UPDATE SET status = "
                          "excluded.status, modified = excluded.modified",
                          (doc_id, annotator, will, now()))

    def _settle_status(self, doc_ids: Iterable[str]) -> None:
        """Each document's status as the summary of its annotators' (those assigned and
        those who set one); a document with neither keeps its own."""
        for doc_id in sorted(doc_ids):
            mine = {s.annotator: s.status for s in self.doc_statuses(doc_id)}
            people = mine.keys() | {a.annotator for a in self.assignments(doc_id)}
            if not people:
                continue
            summary = overall_status([mine.get(p, "todo") for p in sorted(people)])
            self.conn.execute("UPDATE documents SET status = ?, modified = ? WHERE id = ? "
                              "AND status != ?", (summary, now(), doc_id, summary))

    def _apply_workflow(self, command: Command) -> None:
        """The assignments, threads and comments of a command, each as the command found
        it; comments go before their threads go, threads come before their comments."""
        self._apply_assignments(command)
        self._check_rows(self.threads_by_id, command.threads_before, "threads")
        self._check_rows(self.comments_by_id, command.comments_before, "comments")
        gone = {t.id for t in command.threads_before} - {t.id for t in command.threads_after}
        self._check_no_replies(gone, {c.id for c in command.comments_before})
        self._replace_rows("comments", command.comments_before, command.comments_after)
        self._replace_rows("threads", command.threads_before, command.threads_after)
        self._insert_new("threads", THREAD_COLUMNS, command.threads_before,
                         command.threads_after)
        self._insert_new("comments", COMMENT_COLUMNS, command.comments_before,
                         command.comments_after)

    def _apply_assignments(self, command: Command) -> None:
        if not (command.assignments_before or command.assignments_after):
            return
        def key(a: Assignment) -> tuple[str, str]:
            return a.doc_id, a.annotator

        docs = sorted({a.doc_id for a in command.assignments_before + command.assignments_after})
        stored = {key(a): a for doc in docs for a in self.assignments(doc)}
        if any(stored.get(key(a)) != a for a in command.assignments_before):
            raise ConflictError("the assignments changed since this edit was made "
                                f"({command.label or command.kind})")
        kept = {key(a) for a in command.assignments_after}
        cur = self.conn.executemany("DELETE FROM assignments WHERE doc_id = ? AND annotator = ?",
                                    [key(a) for a in command.assignments_before
                                     if key(a) not in kept])
        self._refused(cur, len([a for a in command.assignments_before if key(a) not in kept]),
                      command)
        self.conn.executemany(f"INSERT INTO assignments({ASSIGNMENT_COLUMNS}) VALUES "
                              "(?, ?, ?, ?)", [tuple(a) for a in command.assignments_after
                                               if key(a) not in stored])
        self._settle_status(docs)

    def _check_rows(self, read, before: tuple, what: str) -> None:
        """``before`` is as stored (locked until the transaction ends); a row the lock
        cannot reach but a plain read finds unchanged is a colleague's (the server's
        rights hide it from changes): not ours to change, rather than a conflict."""
        if not before:
            return
        ids, expected = [r.id for r in before], {r.id: r for r in before}
        if {r.id: r for r in read(ids, lock=True)} == expected:
            return
        if {r.id: r for r in read(ids)} == expected:
            raise NotAllowed(f"{self.location}: not yours to change ({what}); nothing was "
                             "changed")
        raise ConflictError(f"the {what} changed since this edit was made (by someone "
                            "else); nothing was changed")

    def _check_no_replies(self, threads: set[str], going: set[str]) -> None:
        """A thread goes only with all its comments (a colleague's reply keeps it)."""
        for thread in sorted(threads):
            ids = {r[0] for r in self.conn.execute("SELECT id FROM comments WHERE "
                                                   "thread_id = ?", (thread,))}
            if ids - going:
                raise ConflictError("someone replied in this thread since; it stays "
                                    "(delete your own comment instead)")

    def _replace_rows(self, table: str, before: tuple, after: tuple) -> None:
        """Delete the rows ``before`` has and ``after`` lacks; update those both have."""
        later = {r.id: r for r in after}
        gone = [r.id for r in before if r.id not in later]
        cur = self.conn.executemany(f"DELETE FROM {table} WHERE id = ?", [(i,) for i in gone])
        self._refused(cur, len(gone))
        changed = [later[r.id] for r in before if r.id in later and later[r.id] != r]
        if table == "threads":
            cur = self.conn.executemany("UPDATE threads SET resolved_by = ?, resolved = ? "
                                        "WHERE id = ?",
                                        [(t.resolved_by, t.resolved, t.id) for t in changed])
        else:
            cur = self.conn.executemany("UPDATE comments SET text = ?, modified = ? WHERE "
                                        "id = ?", [(c.text, c.modified, c.id) for c in changed])
        self._refused(cur, len(changed))

    def _insert_new(self, table: str, columns: str, before: tuple, after: tuple) -> None:
        known = {r.id for r in before}
        rows = [tuple(r) for r in after if r.id not in known]
        marks = ", ".join("?" * len(columns.split(",")))
        self.conn.executemany(f"INSERT INTO {table}({columns}) VALUES ({marks})", rows)

    def _refused(self, cur, expected: int, command: Command | None = None) -> None:
        """Fewer rows changed than asked: the server's rights hid them (a colleague's)."""
        if expected and cur.rowcount != expected:
            what = f" ({command.label or command.kind})" if command else ""
            raise NotAllowed(f"{self.location}: not yours to change{what}; nothing was changed")
