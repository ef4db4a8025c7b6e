"""The suggestion scanner: every occurrence of any of many forms in a folded text at once,
left to right, non-overlapping, the longest form at each position; a form starting
(ending) with a Latin letter or digit only where no other one precedes (follows) it.

Forms with such an edge (``SCO``, ``UN``: few) are compiled into one regular expression
shaped like a trie; the others (every Chinese form: hundreds of thousands on a big
project) into an Aho–Corasick automaton (:mod:`ahocorasick_rs`, leftmost-longest), built
in a second for 200,000 forms where the regular expression took a quarter of a minute,
and held in tens of MB. A :class:`Finder` is either, or both merged; a :class:`Scanner`
merges the finders of the last full compile and of the forms tagged since.

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

import ahocorasick_rs

from annotator.core.errors import Cancelled

_WORD = "A-Za-z0-9"
_END = ""  # trie key marking the end of a form
Span = tuple[int, int]


class Finder(Protocol):
    def finditer(self, text: str) -> Iterator[Span]:
        """``(start, end)`` of each find, left to right, non-overlapping, longest first."""

    def search(self, text: str, pos: int) -> Span | None:
        """The first find starting at or after ``pos`` (the longest there)."""


class RegexFinder:
    """Forms compiled into one regular expression (:func:`trie_pattern`)."""

    def __init__(self, forms: Sequence[str]):
        first = "".join(re.escape(c) for c in sorted({f[0] for f in forms}))
        self.pattern = re.compile(f"(?=[{first}])(?:{trie_pattern(forms)})")

    def finditer(self, text: str) -> Iterator[Span]:
        return (m.span() for m in self.pattern.finditer(text))

    def search(self, text: str, pos: int) -> Span | None:
        m = self.pattern.search(text, pos)
        return None if m is None else m.span()


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
        parts.append(RegexFinder(guarded))
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


def trie_pattern(forms: Iterable[str]) -> str:
    """One regular expression matching any of ``forms``, longest first at each position.

    Branches of a trie node start with different characters, so at most one can go on;
    inside it the optional tail is greedy, so the first match found is the longest. A form
    starting (ending) with a Latin letter or digit must not follow (precede) another one.
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[_END] = {}
    branches = []
    for ch, child in sorted(trie.items()):
        # the look-behind sits after the first character so every branch starts with a
        # literal, which the regex engine tests before trying the branch
        guard = f"(?<![{_WORD}].)" if _is_word(ch) else ""
        branches.append((ch, re.escape(ch) + guard + _node(child, ch)))
    return _alternation(branches)


def _node(node: dict, last: str) -> str:
    tail = f"(?![{_WORD}])" if _is_word(last) else ""
    branches = [(ch, re.escape(ch) + _node(child, ch)) for ch, child in sorted(node.items())
                if ch != _END]
    if not branches:
        return tail
    if _END in node:
        if tail:
            return f"(?:{_alternation(branches)}|{tail})"
        return f"(?:{_alternation(branches)})?"
    return branches[0][1] if len(branches) == 1 else f"(?:{_alternation(branches)})"


_FAN_OUT = 8


def _alternation(branches: list[tuple[str, str]]) -> str:
    """``a|b|c…`` for branches keyed by their first character. The regex engine tries
    alternatives one by one, so many branches (hundreds of first characters) are split
    into a tree of at most :data:`_FAN_OUT` groups, each behind a look-ahead for its first
    characters: a position costs a few set tests instead of hundreds of comparisons."""
    if len(branches) <= 2 * _FAN_OUT:
        return "|".join(p for _, p in branches)
    size = -(-len(branches) // _FAN_OUT)
    groups = [branches[i:i + size] for i in range(0, len(branches), size)]
    return "|".join(f"(?=[{''.join(re.escape(c) for c, _ in g)}])(?:{_alternation(g)})"
                    for g in groups)
