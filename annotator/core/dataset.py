"""What an export carries and an import brings: the tagset, the annotators, and documents
with their annotations and review decisions. Formats are functions over these objects."""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field

from annotator.core.annotation import Annotation, Annotator
from annotator.core.document import Document
from annotator.core.relations import Relation
from annotator.core.tagset import Tagset
from annotator.core.workflow import (
    AnnotatorStatus,
    Assignment,
    Comment,
    GuidelinesVersion,
    Thread,
)

DECISIONS = ("accepted", "rejected", "edited", "gold")


@dataclass(frozen=True)
class ReviewDecision:
    """A reviewer's verdict on some annotations (``targets``); ``result_id`` names the gold
    annotation it produced, if any."""

    id: str
    doc_id: str
    reviewer: str
    decision: str  # one of DECISIONS
    targets: tuple[str, ...] = ()
    result_id: str | None = None
    note: str | None = None
    created: str = ""


@dataclass(frozen=True)
class DocumentData:
    document: Document
    annotations: tuple[Annotation, ...] = ()
    decisions: tuple[ReviewDecision, ...] = ()
    # the team's workflow on the document (annotator.core.workflow)
    statuses: tuple[AnnotatorStatus, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    threads: tuple[Thread, ...] = ()
    comments: tuple[Comment, ...] = ()
    # relations between its spans (annotator.core.relations): both ends among annotations
    relations: tuple[Relation, ...] = ()
    # the spans as a store's export rows (ProjectStore.export_spans) in place of
    # ``annotations``, when an export reads them so (formats.jsonline.rows_json writes them)
    span_rows: tuple[tuple, ...] | None = None


@dataclass(frozen=True)
class Dataset:
    """An exportable corpus. ``documents`` may be a lazy iterator (streamed exports)."""

    tagset: Tagset
    annotators: tuple[Annotator, ...]
    documents: tuple[DocumentData, ...] | Iterator[DocumentData] = field(default=())
    #: every version of the project guidelines, oldest first (spans name the one they
    #: were made under)
    guidelines: tuple[GuidelinesVersion, ...] = ()


def gold_ids(decisions: tuple[ReviewDecision, ...]) -> set[str]:
    """Annotations that make up the gold layer: the results of review decisions."""
    return {d.result_id for d in decisions if d.result_id and d.decision != "rejected"}


def own_spans(annotations: Iterable[Annotation], decisions: Iterable[ReviewDecision],
              annotators: Container[str] | None = None) -> list[Annotation]:
    """The spans of annotators' own layers among one document's ``annotations`` (of
    ``annotators`` only, unless None): every span but the gold ones (:func:`gold_ids`).
    A reviewer's decisions store their results under her id, yet they are the gold layer,
    never her annotations: this is the one rule of "an annotator's spans" (exports,
    statistics, search, consistency, agreement and review mode; the store's ``annotator``
    filters say it in SQL)."""
    gold = gold_ids(tuple(decisions))
    return [a for a in annotations
            if a.id not in gold and (annotators is None or a.annotator in annotators)]


def joined(relations: Iterable[Relation], ids: Container[str]) -> tuple[Relation, ...]:
    """The relations whose both ends are among ``ids`` (the spans a file holds): a file
    never carries a relation to a span it does not hold."""
    return tuple(r for r in relations if r.source in ids and r.target in ids)


def accepted_ids(decisions: tuple[ReviewDecision, ...]) -> set[str]:
    """Annotations a reviewer accepted (as they were, or as the result of an edit)."""
    out = gold_ids(decisions)
    for d in decisions:
        if d.decision in ("accepted", "gold"):
            out.update(d.targets)
    return out
