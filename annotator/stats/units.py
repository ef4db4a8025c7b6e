"""Sentences and paragraphs of a canonical text, as code-point ranges.

A paragraph is a block between line breaks (``\\n``; canonical texts have no ``\\r``). A
sentence ends after 。！？；!? (a run of them, with the closing quotes or brackets that
follow: 。” ends the sentence after the quote) or at a line break, so sentences never cross
paragraphs. Latin full stops are not boundaries (3.5, U.S.). Whitespace between units
belongs to the unit before it; offsets stay code points (𠮷 is one).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import accumulate

UNITS = ("sentence", "paragraph")
_CLOSERS = "”’」』）)》〉】\"'"
_BOUNDARY = {
    # a run of terminators (closers, space) or a line break (space): written to begin with
    # one character class, which lets the regex engine skip ahead to the next candidate
    # instead of trying the pattern at every character (3 times faster on Chinese prose)
    "sentence": re.compile(f"[。！？；!?\\n](?:(?<=\\n)\\s*|[。！？；!?]*[{re.escape(_CLOSERS)}]*\\s*)"),
    "paragraph": re.compile(r"\n\s*"),
}


def check_unit(unit: str) -> str:
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    return unit


#: the boundaries, captured: ``split`` gives text and boundary in turn, and the running
#: sum of their lengths is where each boundary ends (all in C: no object per match)
_SPLIT = {unit: re.compile(f"({pattern.pattern})") for unit, pattern in _BOUNDARY.items()}


def unit_starts(text: str, unit: str) -> list[int]:
    """The start offset of every ``unit`` of ``text``, ascending, the first one 0."""
    ends = list(accumulate(map(len, _SPLIT[check_unit(unit)].split(text))))
    starts = [0, *ends[1::2]]  # a boundary's end: the next unit's start
    if len(starts) > 1 and starts[-1] == len(text):
        starts.pop()  # the boundary at the very end starts nothing
    return starts


def unit_ranges(text: str, unit: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every unit; together they cover the text exactly."""
    starts = unit_starts(text, unit)
    return list(zip(starts, [*starts[1:], len(text)], strict=True))


def unit_index(starts: Sequence[int], offset: int) -> int:
    """The unit that holds ``offset`` (a span belongs to the unit of its start)."""
    return bisect.bisect_right(starts, offset) - 1
