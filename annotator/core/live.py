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


@dataclass(frozen=True)
class Refresh:
    rows: frozenset[str] = frozenset()  # document list rows to read again
    document: bool = False  # the open document's spans or decisions changed
    documents: bool = False  # documents came or went: read the whole list again
    project: bool = False  # the tagset or the annotators changed

    @property
    def anything(self) -> bool:
        return bool(self.rows) or self.document or self.documents or self.project


def plan(events: Iterable[Event], open_doc: str | None, own_pid: int) -> Refresh:
    """What to reload for ``events``; the window's own commits (its connection's server
    process, ``own_pid``) are already on screen and are skipped."""
    rows: set[str] = set()
    document = documents = project = False
    for e in events:
        if e.pid == own_pid:
            continue
        if e.doc_id is None:
            project = True
            continue
        if e.table == "documents" and e.op in ("INSERT", "DELETE"):
            documents = True
        rows.add(e.doc_id)
        document = document or e.doc_id == open_doc
    return Refresh(frozenset(rows), document, documents, project)
