"""A team's workflow, as plain records: who is assigned which document, each annotator's
status on it, threads of comments on a span or a document, and the versions of the
project's guidelines.

They are stored in tables of their own (:mod:`annotator.store.workflow`), changed by
commands like every edit (:class:`annotator.core.commands.Command` carries them before
and after, so undo puts them back), exported with their document and merged by id.

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

from typing import NamedTuple

from annotator.core.document import STATUSES

#: the attribute a span records the guidelines version it was made under in
GUIDELINES_ATTRIBUTE = "guidelines"


class Assignment(NamedTuple):
    """Document ``doc_id`` is in ``annotator``'s queue (put there by ``assigned_by``)."""

    doc_id: str
    annotator: str
    assigned_by: str = ""
    created: str = ""


class AnnotatorStatus(NamedTuple):
    """Where one annotator is with one document: to do, in progress or done."""

    doc_id: str
    annotator: str
    status: str
    modified: str = ""


class Thread(NamedTuple):
    """A discussion about a span (``span_id``, over ``[start, end)`` when it was opened)
    or about the whole document (``span_id`` None). ``resolved`` is when a reviewer
    (``resolved_by``) marked it resolved; None while it is open."""

    id: str
    doc_id: str
    span_id: str | None
    start: int | None
    end: int | None
    author: str
    created: str
    resolved_by: str | None = None
    resolved: str | None = None

    @property
    def open(self) -> bool:
        return self.resolved is None


class Comment(NamedTuple):
    """One comment of a thread; only its author edits or deletes it."""

    id: str
    thread_id: str
    doc_id: str
    author: str
    text: str
    created: str = ""
    modified: str = ""


class GuidelinesVersion(NamedTuple):
    """One saved version of the project guidelines (Markdown); versions count from 1."""

    version: int
    text: str
    author: str
    created: str


def overall_status(statuses: list[str]) -> str:
    """A document's status from its annotators' (those assigned, and those who set one):
    done when all are done, to do when none started, in progress otherwise."""
    if not statuses or all(s == "todo" for s in statuses):
        return "todo"
    return "done" if all(s == "done" for s in statuses) else "in_progress"


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise ValueError(f"{status!r} is not a status ({', '.join(STATUSES)})")
    return status
