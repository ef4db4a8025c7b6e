"""Annotations: a tagged, half-open code-point range of one document's canonical text."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import NamedTuple

CERTAINTIES = ("high", "medium", "low", "unknown")


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Annotator:
    id: str
    name: str
    role: str = "annotator"


class Annotation(NamedTuple):
    """A span ``[start, end)`` in code points of one document's canonical text.

    A named tuple: a 30,000-span document loads in milliseconds. Never mutate
    ``attributes`` in place; edits make a new annotation (``_replace``).
    """

    id: str
    doc_id: str
    start: int
    end: int
    tag: str
    annotator: str
    attributes: dict = {}  # noqa: RUF012 (shared default, never mutated)
    created: str = ""
    modified: str = ""

    def text_in(self, text: str) -> str:
        return text[self.start:self.end]


class Rejection(NamedTuple):
    """An annotator said no to suggesting ``tag`` for ``[start, end)`` of a document; the
    suggestion stays hidden for them (it is stored, and undoable like any edit)."""

    doc_id: str
    start: int
    end: int
    tag: str
    annotator: str
    created: str = ""
