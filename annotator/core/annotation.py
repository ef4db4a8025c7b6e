"""Annotations: a tagged, half-open code-point range of one document's canonical text."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

ROLES = ("annotator", "reviewer", "admin")
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


@dataclass(frozen=True)
class Annotation:
    id: str
    doc_id: str
    start: int
    end: int
    tag: str
    annotator: str
    attributes: dict = field(default_factory=dict)  # normalized, note, certainty, ...
    created: str = ""
    modified: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text_in(self, text: str) -> str:
        return text[self.start:self.end]
