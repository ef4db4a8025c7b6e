"""Units of analysis for inter-annotator agreement: characters and category intervals.

Pure Python (stdlib only). Offsets are Unicode code points, half-open ``[start, end)``, over a
document's canonical text, as everywhere in :mod:`annotator`.

Character units (:func:`char_labels`)
    Every code point of the text is one unit (optionally leaving out whitespace and
    punctuation). Each annotator gives every unit exactly one label:

    * the category of the span of theirs covering it, where the category is the tag id
      (``label="tag"``) or its group, the part before the first ``"."`` (``label="group"``);
    * :data:`UNCODED` (``"∅"``) where none of their spans covers it. **Uncoded text is a
      category like any other**: two annotators who both leave a character uncoded agree on
      it, so agreement coefficients computed over characters reward agreeing on what is *not*
      annotated, and (as uncoded text is usually the majority) chance agreement is high.
    * Where an annotator's own spans overlap at a character, one span decides the label,
      deterministically: ``overlap="innermost"`` takes the shortest covering span,
      ``overlap="outermost"`` the longest; ties are broken by the smaller start, then the
      smaller tag id (then the smaller span id), so the result never depends on input order.

Counting without a label per character
    :mod:`annotator.review.corpus` computes the same labels from the spans alone: between
    two consecutive span boundaries every character has the same labels, so the report only
    needs how many units carry each tuple of labels, in time proportional to the number of
    spans. Excluded characters are counted with :func:`excluded_counter` (one regular
    expression pass per text). :func:`char_labels` stays the per-character reference the
    tests compare with.

Category intervals (:func:`category_intervals`)
    For span-level and unitizing measures each annotator's spans of one category are turned
    into a sorted list of disjoint intervals: spans of the same category that overlap are merged
    into their union (a coder cannot have two overlapping units of one category in
    Krippendorff's model); spans that only touch (``a.end == b.start``) stay separate units.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence

from annotator.core.annotation import Annotation

#: The label of a character no span of the annotator covers ("uncoded"; counts as a category).
UNCODED = "∅"
LABELS = ("tag", "group")
OVERLAPS = ("innermost", "outermost")
UNIT_KINDS = ("char",)

Interval = tuple[int, int]
#: ``(position, label)``: the label of every unit from ``position`` up to the next run's.
Run = tuple[int, str]


def group_of(tag: str) -> str:
    """The group of a tag id ``"group.sub"``: the part before the first dot (whole id if none)."""
    return tag.split(".", 1)[0]


def category_of(tag: str, label: str = "tag") -> str:
    """The category a span counts as: its tag id, or its group for ``label="group"``."""
    if label not in LABELS:
        raise ValueError(f"label must be one of {LABELS}, not {label!r}")
    return tag if label == "tag" else group_of(tag)


def is_space_or_punct(ch: str) -> bool:
    """Whitespace (``str.isspace``, e.g. ``\\n``) or Unicode category ``Z*`` or ``P*``
    (e.g. ``U+3000`` IDEOGRAPHIC SPACE, ``，``, ``。``, ``“``)."""
    return ch.isspace() or unicodedata.category(ch)[0] in "ZP"


def unit_positions(text: str, unit: str = "char", skip_space_punct: bool = False) -> list[int]:
    """The code-point offsets that are units of analysis, in text order."""
    if unit not in UNIT_KINDS:
        raise ValueError(f"unit must be one of {UNIT_KINDS}, not {unit!r}")
    if not skip_space_punct:
        return list(range(len(text)))
    return [i for i, ch in enumerate(text) if not is_space_or_punct(ch)]


def check_spans(spans: Iterable[Annotation], length: int) -> None:
    """Refuse spans outside ``[0, length]`` or with ``end < start`` (ValueError)."""
    for a in spans:
        if not 0 <= a.start <= a.end <= length:
            raise ValueError(f"span {a.id!r} [{a.start}, {a.end}) is outside [0, {length})")


def _priority(overlap: str) -> Callable[[Annotation], tuple]:
    """Sort key: the first span in this order wins a character it shares with others."""
    if overlap not in OVERLAPS:
        raise ValueError(f"overlap must be one of {OVERLAPS}, not {overlap!r}")
    sign = 1 if overlap == "innermost" else -1
    return lambda a: (sign * (a.end - a.start), a.start, a.tag, a.id)


def _paint(length: int, spans: Sequence[Annotation], label: str, overlap: str) -> list[str]:
    """One label per code point: paint spans from the lowest to the highest priority, so the
    winning span is painted last."""
    cells = [UNCODED] * length
    for a in sorted(spans, key=_priority(overlap), reverse=True):
        cat = category_of(a.tag, label)
        cells[a.start:a.end] = [cat] * (a.end - a.start)
    return cells


def char_labels(
    text: str,
    spans_by_annotator: Mapping[str, Sequence[Annotation]],
    annotators: Sequence[str],
    unit: str = "char",
    skip_space_punct: bool = False,
    label: str = "tag",
    overlap: str = "innermost",
) -> tuple[dict[str, list[str]], list[int]]:
    """One label per character unit per annotator (see the module docstring for the rules).

    Returns ``(labels, positions)``: ``labels[annotator][k]`` is that annotator's label of the
    unit at code point ``positions[k]``. An annotator missing from ``spans_by_annotator`` has
    annotated nothing (every unit :data:`UNCODED`). Raises ValueError for spans outside the
    text and for unknown ``unit``/``label``/``overlap`` values.
    """
    positions = unit_positions(text, unit, skip_space_punct)
    category_of("", label)  # validates ``label`` even when there are no spans
    _priority(overlap)
    labels: dict[str, list[str]] = {}
    for name in annotators:
        spans = spans_by_annotator.get(name, ())
        check_spans(spans, len(text))
        cells = _paint(len(text), spans, label, overlap)
        labels[name] = [cells[i] for i in positions]
    return labels, positions


def binary_char_labels(
    text: str,
    spans_by_annotator: Mapping[str, Sequence[Annotation]],
    annotators: Sequence[str],
    category: str,
    label: str = "tag",
    skip_space_punct: bool = False,
) -> tuple[dict[str, list[str]], list[int]]:
    """Labels for one category against the rest: ``category`` where *any* of the annotator's
    spans of that category covers the unit (whatever else overlaps it), else :data:`UNCODED`."""
    positions = unit_positions(text, "char", skip_space_punct)
    labels: dict[str, list[str]] = {}
    for name in annotators:
        spans = spans_by_annotator.get(name, ())
        check_spans(spans, len(text))
        cells = [UNCODED] * len(text)
        for start, end in category_intervals(spans, category, label):
            cells[start:end] = [category] * (end - start)
        labels[name] = [cells[i] for i in positions]
    return labels, positions


def merge_intervals(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted union of half-open intervals; overlapping ones merge, touching ones do not,
    empty ones are dropped."""
    out: list[Interval] = []
    for start, end in sorted(i for i in intervals if i[0] < i[1]):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def category_intervals(spans: Iterable[Annotation], category: str,
                       label: str = "tag") -> list[Interval]:
    """One annotator's units of ``category``: the merged intervals of their spans of it."""
    return merge_intervals((a.start, a.end) for a in spans
                           if category_of(a.tag, label) == category)


@functools.cache
def _space_punct() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The characters :func:`is_space_or_punct` accepts as two character classes built once
    (about 0.3 s) from the same Unicode database: those of the Basic Multilingual Plane (a
    bitmap for the regex engine: fast) and the rest (a list of ranges: slow, so it only runs
    over texts with astral characters)."""
    ranges: list[list[int]] = []
    for cp in range(sys.maxunicode + 1):
        if is_space_or_punct(chr(cp)):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])

    def char_class(pairs: list[list[int]]) -> re.Pattern[str]:
        body = "".join(re.escape(chr(a)) + ("" if a == b else "-" + re.escape(chr(b)))
                       for a, b in pairs)
        return re.compile(f"[{body}]")
    bmp = [[a, min(b, 0xFFFF)] for a, b in ranges if a <= 0xFFFF]
    astral = [[max(a, 0x10000), b] for a, b in ranges if b > 0xFFFF]
    return char_class(bmp), char_class(astral)


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def excluded_counter(text: str) -> Callable[[int, int], int]:
    """``f(start, end)``: how many characters of ``text[start:end]`` are not units with
    ``skip_space_punct=True`` (whitespace and punctuation, see :func:`is_space_or_punct`).
    The text is scanned once by the regex engine: each such character becomes a space, and
    ``f`` counts spaces (``str.count``, in C)."""
    bmp, astral = _space_punct()
    masked = bmp.sub(" ", text)
    if _ASTRAL.search(masked):
        masked = astral.sub(" ", masked)
    return functools.partial(masked.count, " ")
