"""Bringing the team's workflow into a project with a dataset (imports and merges, used
by :mod:`annotator.transfer`): the guidelines' versions, each annotator's status, the
assignments, and discussion threads with their comments — all by id, so bringing the same
work in twice changes nothing.

The rules, for a row the project holds already:

* a **status** is replaced by a later one (``modified``): it is the annotator's own;
* an **assignment** is there or not (a merge adds; taking one back is a command);
* a **thread** is the same thread or the file is refused (like a span with its id); a
  thread resolved on either side is resolved;
* a **comment** is replaced by a later edit of it (only its author edits it);
* a **guidelines version** with the number of a stored one but another text is left out
  and counted (the project's is kept: versions are numbered per project).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from annotator.core.dataset import Dataset, DocumentData
from annotator.core.errors import InputError
from annotator.core.store import ProjectStore


@dataclass
class WorkflowCounts:
    guidelines_added: int = 0
    guidelines_differ: int = 0  # versions numbered as stored ones, with other text
    statuses: int = 0  # set or updated
    assignments: int = 0
    threads: int = 0  # added or resolved
    comments: int = 0  # added or updated

    def line(self) -> str:
        parts = [f"{n} {_NAMES[f.name][n != 1]}" for f in fields(self)
                 if (n := getattr(self, f.name)) and f.name in _NAMES]
        out = "; workflow: " + ", ".join(parts) if parts else ""
        if n := self.guidelines_differ:
            out += (f"; {n} guidelines version{'s differ' if n != 1 else ' differs'} from "
                    "this project's under the same number: this project's kept")
        return out


_NAMES = {"guidelines_added": ("guidelines version", "guidelines versions"),
          "statuses": ("status", "statuses"), "assignments": ("assignment", "assignments"),
          "threads": ("thread", "threads"), "comments": ("comment", "comments")}


def import_guidelines(store: ProjectStore, ds: Dataset, counts: WorkflowCounts) -> None:
    stored = {g.version: g for g in store.guidelines_history()}
    new = []
    for g in ds.guidelines:
        if g.version not in stored:
            new.append(g)
        elif stored[g.version].text != g.text:
            counts.guidelines_differ += 1
    store.put_guidelines(new)
    counts.guidelines_added += len(new)


def import_workflow(store: ProjectStore, data: DocumentData, source: str,
                    counts: WorkflowCounts, alias: dict[str, str]) -> None:
    """One document's workflow rows (``alias``: span ids skipped for identical stored
    ones, which threads then name)."""
    doc_id = data.document.id
    held = {s.annotator: s for s in store.doc_statuses(doc_id)}
    statuses = [s for s in data.statuses if s.annotator not in held
                or held[s.annotator].modified < s.modified]
    store.put_statuses(statuses)
    assigned = {a.annotator for a in store.assignments(doc_id)}
    assignments = [a for a in data.assignments if a.annotator not in assigned]
    store.put_assignments(assignments)
    counts.statuses += len(statuses)
    counts.assignments += len(assignments)
    _threads(store, data, source, counts, alias)


def _threads(store: ProjectStore, data: DocumentData, source: str, counts: WorkflowCounts,
             alias: dict[str, str]) -> None:
    threads = [t._replace(span_id=alias.get(t.span_id, t.span_id)) if t.span_id else t
               for t in data.threads]
    stored = {t.id: t for t in store.threads_by_id([t.id for t in threads])}
    put = []
    for t in threads:
        old = stored.get(t.id)
        if old is None:
            put.append(t)
        elif old[:7] != t[:7]:
            raise InputError(source, f"thread {t.id} differs from the stored one with the "
                                     "same id")
        elif old.open and not t.open:
            put.append(t)
    store.put_threads(put)
    comments = {c.id: c for c in store.comments_by_id([c.id for c in data.comments])}
    newer = []
    for c in data.comments:
        held = comments.get(c.id)
        if held is not None and held[:4] != c[:4]:
            raise InputError(source, f"comment {c.id} differs from the stored one with the "
                                     "same id")
        if held is None or (held.text != c.text and held.modified < c.modified):
            newer.append(c)
    store.put_comments(newer)
    counts.threads += len(put)
    counts.comments += len(newer)
