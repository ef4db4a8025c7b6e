"""The team's workflow in our JSON format (:mod:`annotator.formats.jsonfmt`): the
guidelines' versions in the header, and per document each annotator's status, the
assignments and the discussion threads with their comments. Each member is written only
when it holds something, so a project without them exports as before; readers check what
the schema cannot (ids unique, people listed, versions counted from 1, a thread's place
inside its text). ``docs/json-format.md`` describes them."""

from __future__ import annotations

from typing import Any

from annotator.core.dataset import Dataset, DocumentData
from annotator.core.discussion import discussions
from annotator.core.workflow import (
    AnnotatorStatus,
    Assignment,
    Comment,
    GuidelinesVersion,
    Thread,
)

#: the document members, in the order written
MEMBERS = ("statuses", "assignments", "threads")


class Problem(Exception):
    """A problem found in parsed data (the JSON readers): the reader adds the file."""


# --- writing ---------------------------------------------------------------------------------
def guidelines_json(ds: Dataset) -> dict[str, Any]:
    if not ds.guidelines:
        return {}
    return {"guidelines": [{"version": g.version, "text": g.text, "author": g.author,
                            "created": g.created} for g in ds.guidelines]}


def _thread(t: Thread, comments: tuple[Comment, ...]) -> dict[str, Any]:
    return {"id": t.id, "span": t.span_id, "start": t.start, "end": t.end, "author": t.author,
            "created": t.created, "resolved_by": t.resolved_by, "resolved": t.resolved,
            "comments": [{"id": c.id, "author": c.author, "text": c.text,
                          "created": c.created, "modified": c.modified} for c in comments]}


def document_json(data: DocumentData) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if data.statuses:
        out["statuses"] = [{"annotator": s.annotator, "status": s.status,
                            "modified": s.modified} for s in data.statuses]
    if data.assignments:
        out["assignments"] = [{"annotator": a.annotator, "assigned_by": a.assigned_by,
                               "created": a.created} for a in data.assignments]
    if data.threads:
        out["threads"] = [_thread(t, c) for t, c in discussions(data.threads, data.comments)]
    return out


# --- reading ---------------------------------------------------------------------------------
def read_guidelines(data: dict[str, Any]) -> tuple[GuidelinesVersion, ...]:
    versions = tuple(GuidelinesVersion(g["version"], g["text"], g["author"], g["created"])
                     for g in data.get("guidelines", ()))
    if [g.version for g in versions] != list(range(1, len(versions) + 1)):
        raise Problem("/guidelines: versions must count 1, 2, 3 … in order")
    return versions


class Reader:
    """Reads the workflow members of each document; ids are unique across the file."""

    def __init__(self, people: set[str]):
        self.people = people
        self.threads: set[str] = set()
        self.comments: set[str] = set()

    def _person(self, who: str, where: str) -> str:
        if who not in self.people:
            raise Problem(f"{where}: '{who}' is not listed in /annotators")
        return who

    def document(self, d: dict[str, Any], doc_id: str, length: int, ptr: str
                 ) -> dict[str, tuple]:
        """``statuses``, ``assignments``, ``threads`` and ``comments`` of a document."""
        statuses = tuple(AnnotatorStatus(
            doc_id, self._person(s["annotator"], f"{ptr}/statuses/{i}"), s["status"],
            s["modified"]) for i, s in enumerate(d.get("statuses", ())))
        assignments = tuple(Assignment(
            doc_id, self._person(a["annotator"], f"{ptr}/assignments/{i}"),
            self._person(a["assigned_by"], f"{ptr}/assignments/{i}/assigned_by")
            if a["assigned_by"] else "", a["created"])
            for i, a in enumerate(d.get("assignments", ())))
        for key, rows in (("statuses", statuses), ("assignments", assignments)):
            if len({r.annotator for r in rows}) != len(rows):
                raise Problem(f"{ptr}/{key} (document '{doc_id}'): an annotator is listed "
                              "twice")
        threads, comments = [], []
        for i, t in enumerate(d.get("threads", ())):
            thread, said = self._thread(t, doc_id, length, f"{ptr}/threads/{i}")
            threads.append(thread)
            comments += said
        return {"statuses": statuses, "assignments": assignments, "threads": tuple(threads),
                "comments": tuple(comments)}

    def _thread(self, t: dict[str, Any], doc_id: str, length: int, where: str
                ) -> tuple[Thread, list[Comment]]:
        if t["id"] in self.threads:
            raise Problem(f"{where}: duplicate thread id '{t['id']}'")
        self.threads.add(t["id"])
        start, end = t["start"], t["end"]
        if (start is None) != (end is None) or (start is not None and not
                                                 0 <= start < end <= length):
            raise Problem(f"{where}: start {start} and end {end} are no place in the text "
                          f"({length} code points)")
        if (t["span"] is None) != (start is None):
            raise Problem(f"{where}: a thread on a span has its place, one on the document "
                          "has none")
        if (t["resolved"] is None) != (t["resolved_by"] is None):
            raise Problem(f"{where}: resolved and resolved_by go together")
        if t["resolved_by"] is not None:
            self._person(t["resolved_by"], f"{where}/resolved_by")
        thread = Thread(t["id"], doc_id, t["span"], start, end,
                        self._person(t["author"], f"{where}/author"), t["created"],
                        t["resolved_by"], t["resolved"])
        said = []
        for k, c in enumerate(t["comments"]):
            if c["id"] in self.comments:
                raise Problem(f"{where}/comments/{k}: duplicate comment id '{c['id']}'")
            self.comments.add(c["id"])
            said.append(Comment(c["id"], thread.id, doc_id,
                                self._person(c["author"], f"{where}/comments/{k}/author"),
                                c["text"], c["created"], c["modified"]))
        if not said:
            raise Problem(f"{where}: a thread has at least one comment")
        return thread, said
