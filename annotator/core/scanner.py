"""The suggestion scanner: every occurrence of any of many forms in a folded text at once,
left to right, non-overlapping, the longest form at each position; a form starting
(ending) with a Latin letter or digit only where no other one precedes (follows) it.

Forms without such an edge (every Chinese form: hundreds of thousands on a big project)
are compiled into Aho–Corasick automata (:mod:`ahocorasick_rs`, leftmost-longest), built
in a second for 200,000 forms where a regular expression took a quarter of a minute, and
held in tens of MB; the forms with one (``SCO``, ``UN``: fewer) into an automaton that
reports every occurrence, whose finds the edges then sift (:class:`GuardedFinder`). A
:class:`Finder` is any of them, or several merged; a :class:`Scanner` merges the finders
of the last full compile and of the forms tagged since.

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

import ahocorasick_rs

from annotator.core.errors import Cancelled

Span = tuple[int, int]


class Finder(Protocol):
    def finditer(self, text: str) -> Iterator[Span]:
        """``(start, end)`` of each find, left to right, non-overlapping, longest first."""

    def search(self, text: str, pos: int) -> Span | None:
        """The first find starting at or after ``pos`` (the longest there)."""


class GuardedFinder:
    """Forms with a Latin edge in an Aho–Corasick automaton that reports every occurrence
    (overlapping): those whose Latin edge touches another Latin letter or digit are
    dropped, and of the rest the leftmost, then longest, is the find. A few thousand forms
    are built in milliseconds (a regular expression of them took a third of a second)."""

    def __init__(self, forms: Sequence[str]):
        self.automaton = ahocorasick_rs.AhoCorasick(
            forms, matchkind=ahocorasick_rs.MatchKind.Standard, store_patterns=False)
        #: per form: 1 its start is guarded (a Latin first character), 2 its end, 3 both
        self.guards = bytes(_is_word(f[0]) | _is_word(f[-1]) << 1 for f in forms)
        #: the last text searched, the starts of its finds and the longest end at each
        self._last: tuple[str, list[int], list[int]] = ("", [], [])

    def _finds(self, text: str) -> tuple[list[int], list[int]]:
        last = self._last  # read once: threads that share the finder each keep their own
        if last[0] is not text:
            longest: dict[int, int] = {}
            guards, size = self.guards, len(text)
            for k, s, e in self.automaton.find_matches_as_indexes(text, overlapping=True):
                g = guards[k]
                if (g & 1 and s and _is_word(text[s - 1])) or \
                        (g & 2 and e < size and _is_word(text[e])):
                    continue
                if longest.get(s, 0) < e:
                    longest[s] = e
            starts = sorted(longest)
            last = self._last = (text, starts, [longest[s] for s in starts])
        return last[1], last[2]

    def finditer(self, text: str) -> Iterator[Span]:
        starts, ends = self._finds(text)
        pos = 0
        for s, e in zip(starts, ends, strict=True):
            if s >= pos:
                yield s, e
                pos = e

    def search(self, text: str, pos: int) -> Span | None:
        starts, ends = self._finds(text)
        k = bisect.bisect_left(starts, pos)
        return (starts[k], ends[k]) if k < len(starts) else None


class AhoFinder:
    """Forms without a Latin edge in an Aho–Corasick automaton (leftmost-longest)."""

    #: characters scanned past ``pos`` for a :meth:`search` at first (doubled until found)
    WINDOW = 256

    def __init__(self, forms: Sequence[str]):
        self.longest = max(map(len, forms))
        self.automaton = ahocorasick_rs.AhoCorasick(
            forms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest, store_patterns=False)
        #: the last text searched, the starts and ends of the automaton's finds in it
        self._last: tuple[str, list[int], list[int]] = ("", [], [])

    def finditer(self, text: str) -> Iterator[Span]:
        return ((s, e) for _, s, e in self.automaton.find_matches_as_indexes(text))

    def search(self, text: str, pos: int) -> Span | None:
        """The automaton's own finds in the whole text are what it finds from ``pos`` when
        ``pos`` lies between two of them (from the end of one find, the next is the
        leftmost-longest): so in a merge, from the end of its own last find."""
        last = self._last
        if last[0] is not text:
            found = self.automaton.find_matches_as_indexes(text)
            last = self._last = (text, [f[1] for f in found], [f[2] for f in found])
        _, starts, ends = last
        k = bisect.bisect_left(starts, pos)
        if k == 0 or ends[k - 1] <= pos:
            return (starts[k], ends[k]) if k < len(starts) else None
        return self._window(text, pos)

    def _window(self, text: str, pos: int) -> Span | None:
        """The automaton scans from the start of what it is given, so a window of the text
        from ``pos``: its first find is the text's when it starts at least the longest
        form's length before the window's end (all forms starting there fit in it)."""
        width = max(self.WINDOW, 4 * self.longest)
        while True:
            stop = min(len(text), pos + width)
            found = self.automaton.find_matches_as_indexes(text[pos:stop])
            if found and (pos + found[0][1] <= stop - self.longest or stop == len(text)):
                return pos + found[0][1], pos + found[0][2]
            if stop == len(text):
                return None
            width *= 2


@dataclass(frozen=True)
class Merged:
    """Finders of disjoint forms as one: the earliest of their next finds (the longest at
    one start) is the next find of all the forms together."""

    parts: tuple[Finder, ...]

    def finditer(self, text: str) -> Iterator[Span]:
        return merge(self.parts, text)

    def search(self, text: str, pos: int) -> Span | None:
        return next(merge(self.parts, text, pos), None)


def merge(finders: Sequence[Finder], text: str, pos: int = 0) -> Iterator[Span]:
    """Each finder's next find is the leftmost (and there the longest) of its forms at or
    after the position: the earlier of them, the longer at one start, is the next find of
    all the forms together; a finder whose find it overlaps searches again after it."""
    finders = [p for f in finders for p in (f.parts if isinstance(f, Merged) else (f,))]
    ahead = [f.search(text, pos) for f in finders]
    while True:
        best = min((m for m in ahead if m is not None), key=lambda m: (m[0], -m[1]),
                   default=None)
        if best is None:
            return
        yield best
        for i, m in enumerate(ahead):
            if m is not None and m[0] < best[1]:
                ahead[i] = finders[i].search(text, best[1])


def _is_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


#: forms per Aho–Corasick automaton (~0.2 s to build each)
PART = 25_000


def build_pattern(forms: Iterable[str], cancelled: Callable[[], bool] = lambda: False
                  ) -> Finder | None:
    """The compiled finder of ``forms`` (a second or so for 200,000 forms: callers may
    run it on a worker thread); None when there are none. ``cancelled()`` is asked before
    each part (:class:`~annotator.core.errors.Cancelled` raised when it says so)."""
    guarded: list[str] = []
    plain: list[str] = []
    for form in forms:
        (guarded if _is_word(form[0]) or _is_word(form[-1]) else plain).append(form)
    # automata of at most PART forms: building one holds the GIL (native code), so the
    # window's thread waits at most a fraction of a second at a time
    parts: list[Finder] = []
    for i in range(0, len(plain), PART):
        _check(cancelled)
        parts.append(AhoFinder(plain[i:i + PART]))
    if guarded:
        _check(cancelled)
        parts.append(GuardedFinder(guarded))
    return None if not parts else parts[0] if len(parts) == 1 else Merged(tuple(parts))


def _check(cancelled: Callable[[], bool]) -> None:
    if cancelled():
        raise Cancelled("lexicon compile cancelled")


@dataclass(frozen=True)
class Scanner:
    """Finds forms in a folded text: ``main`` compiled from the forms as they were at the
    last full compile (a second or more for a big project, done on a worker thread),
    ``extra`` from the few tagged since (milliseconds, done at once). Their forms are
    disjoint; the scan merges both into the one a single finder would give."""

    main: Finder | None = None
    extra: Finder | None = None

    def scan(self, folded: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, form)`` left to right, non-overlapping, longest form first."""
        parts = [f for f in (self.main, self.extra) if f is not None]
        found = parts[0].finditer(folded) if len(parts) == 1 else merge(parts, folded)
        return ((s, e, folded[s:e]) for s, e in found)
