"""What the statistics are made of: spans read from a layer, the places behind a figure,
and the figures themselves (:class:`Stats`). Plain data; :mod:`annotator.stats.compute`
fills it, :mod:`~annotator.stats.tables` and :mod:`~annotator.stats.plots` show it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from annotator.core.tagset import Tagset
from annotator.stats.layer import Layer

#: At most this many places are kept behind one figure (the first ones in corpus order).
MAX_PLACES = 500
#: The co-occurrence matrices: (name, row group, column group).
MATRICES = (("actor-threat", "actor", "threat"), ("actor-mechanism", "actor", "mechanism"))
PERIODS = ("month", "year")
UNDATED = "undated"


class Span(NamedTuple):
    """One span of the layer: code points ``[start, end)``; ``name`` its normalized name."""

    doc_id: str
    start: int
    end: int
    tag: str
    annotator: str
    name: str | None = None


#: A span as the statistics read it: a :class:`Span` or a plain tuple in its field order.
SpanRow = tuple[str, int, int, str, str, str | None]


class Place(NamedTuple):
    """Where a count comes from: ``[start, end)`` of a document (``0, 0`` for the document
    as a whole), to list and to open in the reader."""

    doc_id: str
    start: int
    end: int


#: A figure's key, e.g. ("tag", "threat.terrorism"), ("cooc", "actor-threat", "actor.igo",
#: "threat.terrorism"), ("timeline", "2018-05", "threat.terrorism"), ("name", "actor",
#: "上海合作组织"), ("annotator", "li", "actor"), ("status", "review_status", "reviewed"),
#: ("document", doc_id).
Key = tuple[str, ...]


@dataclass
class Matrix:
    """Co-occurrence counts: ``counts[(row tag, column tag)]`` is the number of units
    (sentences or paragraphs) holding a span of each."""

    name: str
    row_group: str
    col_group: str
    rows: list[str]
    cols: list[str]
    counts: dict[tuple[str, str], int] = field(default_factory=dict)

    def value(self, row: str, col: str) -> int:
        return self.counts.get((row, col), 0)

    def key(self, row: str, col: str) -> Key:
        return ("cooc", self.name, row, col)


@dataclass
class Timeline:
    """Threat spans by the date of their document: ``counts[(period, tag)]``; spans in
    documents with no full date (no year) are in ``undated``."""

    period: str
    periods: list[str]
    tags: list[str]
    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    undated: dict[str, int] = field(default_factory=dict)


class NameCount(NamedTuple):
    name: str  # the normalized name (or the span's text), folded to simplified characters
    spans: int


class DocumentRow(NamedTuple):
    doc_id: str
    title: str
    date: str | None
    status: str
    review_status: str
    counts: dict[str, int]  # group -> spans
    total: int


@dataclass
class Stats:
    """The figures of one layer of a project."""

    layer: Layer
    unit: str
    period: str
    tagset: Tagset
    tags: dict[str, int] = field(default_factory=dict)  # tag -> spans (tagset order)
    groups: dict[str, int] = field(default_factory=dict)
    documents: list[DocumentRow] = field(default_factory=list)
    annotators: dict[str, dict[str, int]] = field(default_factory=dict)  # who -> group -> n
    annotator_documents: dict[str, int] = field(default_factory=dict)
    progress: dict[str, dict[str, int]] = field(default_factory=dict)
    matrices: dict[str, Matrix] = field(default_factory=dict)
    timeline: Timeline = field(default_factory=lambda: Timeline("month", [], []))
    names: dict[str, list[NameCount]] = field(default_factory=dict)  # group -> top names
    places: dict[Key, list[Place]] = field(default_factory=dict)
    spans: int = 0  # spans of the layer, before duplicates across annotators are merged

    def places_of(self, key: Key) -> list[Place]:
        """The places behind a figure (at most :data:`MAX_PLACES`); for a document, the
        document itself."""
        if key[0] == "document":
            return [Place(key[1], 0, 0)]
        return self.places.get(key, [])

    def total_of(self, key: Key) -> int:
        """The count a figure shows (which may exceed the places kept)."""
        kind = key[0]
        if kind == "tag":
            return self.tags.get(key[1], 0)
        if kind == "cooc":
            return self.matrices[key[1]].value(key[2], key[3])
        if kind == "timeline":
            counts = self.timeline.counts
            return self.timeline.undated.get(key[2], 0) if key[1] == UNDATED \
                else counts.get((key[1], key[2]), 0)
        if kind == "name":
            return next((n.spans for n in self.names.get(key[1], []) if n.name == key[2]), 0)
        if kind == "annotator":
            return self.annotators.get(key[1], {}).get(key[2], 0)
        if kind == "status":
            return self.progress.get(key[1], {}).get(key[2], 0)
        if kind == "document":
            return next((d.total for d in self.documents if d.doc_id == key[1]), 0)
        return len(self.places_of(key))

    def group_of(self, tag: str) -> str:
        return group_of(self.tagset, tag)


def group_of(tagset: Tagset, tag: str) -> str:
    """The group of ``tag`` in the tagset (an unknown tag: its prefix before the ``.``)."""
    try:
        return tagset.tag(tag).group
    except KeyError:
        return tag.split(".", 1)[0]


def add_place(places: dict[Key, list[Place]], key: Key, place: Place) -> bool:
    """Keep ``place`` under ``key`` unless it has :data:`MAX_PLACES` (then False)."""
    kept = places.setdefault(key, [])
    if len(kept) < MAX_PLACES:
        kept.append(place)
        return True
    return False
