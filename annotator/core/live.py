"""What an open window brings up to date when colleagues commit (team projects).

The server tells which table and document each committed transaction touched
(:class:`annotator.store.pg.listen.Event`); :func:`plan` turns a batch of such events into
the least the window has to reload. Pure: the window does the reloading.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


class Event(Protocol):
    table: str
    op: str
    by: str
    doc_id: str | None
    pid: int


#: tables whose change is the document's spans, relations, decisions or row (its summary)
CONTENT = frozenset({"annotations", "relations", "documents", "review_decisions"})
#: tables of the team's workflow, per document (the list's team columns)
WORKFLOW = frozenset({"doc_status", "assignments", "threads", "comments", "presence",
                      "gold_locks"})


@dataclass(frozen=True)
class Refresh:
    rows: frozenset[str] = frozenset()  # document list rows to read again
    document: bool = False  # the open document's spans or decisions changed
    document_row: bool = False  # the open document's own columns (status, title…) too
    documents: bool = False  # documents came or went: read the whole list again
    project: bool = False  # the tagset, the annotators or a setting changed
    team: frozenset[str] = frozenset()  # documents whose workflow (team columns) changed
    threads: bool = False  # the open document's threads or comments changed
    queue: bool = False  # the open document's assignments changed (blind annotation)
    guidelines: bool = False  # a new version of the guidelines

    @property
    def anything(self) -> bool:
        return bool(self.rows or self.team) or self.document or self.documents or \
            self.project or self.threads or self.queue or self.guidelines


def plan(events: Iterable[Event], open_doc: str | None, own_pid: int) -> Refresh:
    """What to reload for ``events``; the window's own commits (its connection's server
    process, ``own_pid``) are already on screen and are skipped."""
    rows: set[str] = set()
    team: set[str] = set()
    found: set[str] = set()  # flags
    for e in events:
        if e.pid == own_pid:
            continue
        if e.doc_id is None:
            found.add("guidelines" if e.table == "guidelines" else "project")
            continue
        if e.table in WORKFLOW:
            team.add(e.doc_id)
            here = e.doc_id == open_doc
            if here and e.table in ("threads", "comments"):
                found.add("threads")
            if here and e.table == "assignments":
                found.add("queue")
            continue
        if e.table == "documents" and e.op in ("INSERT", "DELETE"):
            found.add("documents")
        rows.add(e.doc_id)
        if e.doc_id == open_doc:
            found.add("document")
            if e.table == "documents":
                found.add("document_row")
    return Refresh(frozenset(rows), "document" in found, "document_row" in found,
                   "documents" in found, "project" in found, frozenset(team),
                   "threads" in found, "queue" in found, "guidelines" in found)
