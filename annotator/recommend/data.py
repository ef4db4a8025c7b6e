"""What the recommenders learn from and predict: documents cut into sentences, spans as
``(start, end, tag)`` over a sentence's own text, and predictions with a score.

A training *layer* is the gold layer, the accepted spans, or one annotator's own spans
(without the gold spans stored under their name: see :mod:`annotator.review.layers`); a
document belongs to the layer when the layer has at least one span in it (a document
nobody tagged says nothing about what is not an actor).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

#: a sentence ends after one of these (and a line always ends one)
_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)]*|\n")
#: a long sentence may be cut after these: commas, the enumeration comma, and a full stop
#: before a space (Western sentences; not a decimal point)
_COMMA = re.compile(r"[，,、]|\.(?=\s)")
LONG, PIECE = 60, 20
#: a machine layer's annotator id starts with this (``model:crf``)
MACHINE_PREFIX = "model:"
LAYER_KINDS = ("gold", "accepted")


class Prediction(NamedTuple):
    """A suggested span ``[start, end)`` with ``tag``; ``score`` in [0, 1]."""

    start: int
    end: int
    tag: str
    score: float
    recommender: str


@dataclass(frozen=True)
class Example:
    """One document of the training layer: its text and the layer's spans in it."""

    doc_id: str
    text: str
    spans: tuple[tuple[int, int, str], ...]


@dataclass(frozen=True)
class Segment:
    """A stretch of a document (a sentence, or sentences a span crosses), with the spans
    inside it in its own offsets; ``doc_text`` and ``offset`` place it in its document
    (features look at the characters around it)."""

    doc_id: str
    doc_text: str
    offset: int
    length: int
    spans: tuple[tuple[int, int, str], ...]
    negative: bool = False  # a rejected suggestion: every character is known not tagged

    @property
    def text(self) -> str:
        return self.doc_text[self.offset:self.offset + self.length]


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence: cut after sentence-final punctuation (with any
    closing quotes) and at line ends; a sentence longer than :data:`LONG` characters is
    cut again after commas (and enumeration commas, and full stops before a space) into
    pieces of :data:`PIECE` characters or more (the labeller's cost grows with the longest
    sequence of a batch). Whitespace-only pieces are left out."""
    out, start = [], 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.end() if m is not None else len(text)
        if text[start:end].strip():
            out += _pieces(text, start, end) if end - start > LONG else [(start, end)]
        start = end
    return out


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in _COMMA.finditer(text, start, end):
        if m.end() - start >= PIECE and end - m.end() >= PIECE:
            out.append((start, m.end()))
            start = m.end()
    return [*out, (start, end)]


def segments(example: Example) -> list[Segment]:
    """The document's sentences as segments; sentences that one span crosses are joined
    (a span is never cut in two)."""
    spans = sorted(example.spans)
    merged: list[list[int]] = []
    for start, end in sentence_bounds(example.text):
        if merged and any(s < merged[-1][1] < e for s, e, _t in spans):
            merged[-1][1] = end
        else:
            merged.append([start, end])
    out, k = [], 0
    for start, end in merged:
        inside = []
        while k < len(spans) and spans[k][0] < end:
            s, e, t = spans[k]
            if s >= start and e <= end:
                inside.append((s - start, e - start, t))
            k += 1
        out.append(Segment(example.doc_id, example.text, start, end - start, tuple(inside)))
    return out


def flat(spans: Iterable[tuple[int, int, str]]) -> tuple[list[tuple[int, int, str]], int]:
    """A non-overlapping subset (longest first, then earliest), in text order, and how
    many spans were left out for overlapping one kept: a character gets one label."""
    kept: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    dropped = 0
    for s, e, t in sorted(set(spans), key=lambda x: (x[0] - x[1], x[0], x[2])):
        if taken.intersection(range(s, e)):
            dropped += 1
            continue
        taken.update(range(s, e))
        kept.append((s, e, t))
    return sorted(kept), dropped


def by_document(predictions: Iterable[Prediction]) -> Iterator[Prediction]:
    """Predictions in reading order without exact duplicates (the best score kept)."""
    best: dict[tuple[int, int, str], Prediction] = {}
    for p in predictions:
        key = (p.start, p.end, p.tag)
        if key not in best or p.score > best[key].score:
            best[key] = p
    yield from sorted(best.values(), key=lambda p: (p.start, p.end, p.tag))
