"""An in-memory, sorted index of one document's annotations, for drawing and navigation.

Spans are kept sorted by ``(start, end, id)`` and bucketed by paragraph, so the spans of a
paragraph (a Qt text block) are found in O(log n) and a one-span edit touches one bucket.
Building it costs a few C-level passes over the spans and no Python code per span; the
id → span map is made on the first look-up by id (a document opened and read needs none).

A long document's index may start partial (:meth:`SpanIndex.partial`): the spans over its
first screens only, read in a few milliseconds, so the window paints before the rest is
read; :meth:`SpanIndex.load_more` reads the rest a part at a time (the window does it when
idle), and whatever needs spans not read yet reads all the rest first (:meth:`finish`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from operator import itemgetter, sub

from annotator.core.annotation import Annotation
from annotator.core.commands import Change

_NEWLINE = re.compile("\n")


#: An annotation's sort key, ``(start, end, id)``, at C speed (it is a named tuple).
_key: Callable[[Annotation], tuple[int, int, str]] = itemgetter(2, 3, 0)
_START: Callable[[Annotation], int] = itemgetter(2)
_END: Callable[[Annotation], int] = itemgetter(3)
_ID: Callable[[Annotation], str] = itemgetter(0)

#: the spans after a reading-order key (None: from the first), at most so many
More = Callable[[tuple[int, int, str] | None, int], list[Annotation]]


class SpanIndex:
    def __init__(self, text: str, spans: Iterable[Annotation] = ()):
        self.length = len(text)
        self.para_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self._spans: list[Annotation] = sorted(spans, key=_key)
        self._starts = list(map(_START, self._spans))
        self._longest = max(map(sub, map(_END, self._spans), self._starts), default=0)
        self._ids: dict[str, Annotation] | None = None  # see _by_id
        self._buckets: dict[int, list[Annotation]] = {}  # made when first asked for
        # a partial index (see partial): the paragraphs whose spans were all read first,
        # the reading-order key of the last span read in order since, the reader of more,
        # and the ids read or edited out of that order (skipped when read in it)
        self._first: range = range(0)
        self._frontier: tuple[int, int, str] | None = None
        self._more: More | None = None
        self._early: set[str] = set()
        self.remade: list[tuple[int, int]] = []  # see take_remade

    @classmethod
    def partial(cls, text: str, first: Callable[[int, int], list[Annotation]], more: More,
                chars: int = 8000, around: int = 0) -> SpanIndex:
        """An index holding only the spans over the paragraphs of ``chars`` code points
        of the text from a little before ``around`` (the start, or a search hit to show):
        ``first(start, end)``, the spans overlapping a range; the rest come from ``more``
        (:meth:`load_more`, :meth:`finish`)."""
        index = cls(text)
        top = index.length - 1
        lo = index.paragraph_of(min(max(0, around - chars // 4), max(0, top)))
        hi = index.paragraph_of(min(max(0, around - chars // 4) + chars, max(0, top)))
        start = index.para_starts[lo]
        end = index.para_starts[hi + 1] if hi + 1 < len(index.para_starts) \
            else index.length + 1
        index._add_sorted(first(start, end))
        if start > 0 or end <= index.length:  # else the first read was every span
            index._first, index._more = range(lo, hi + 1), more
            index._early = set(map(_ID, index._spans))
        return index

    @property
    def complete(self) -> bool:
        """Every span of the document is here."""
        return self._more is None

    def load_more(self, limit: int) -> bool:
        """Read up to ``limit`` more spans in reading order; True when all are here."""
        if self._more is None:
            return True
        page = self._more(self._frontier, limit)
        if page:
            self._frontier = _key(page[-1])
            new = [a for a in page if a.id not in self._early]
            held = self._by_id  # a span read before, moved on since by someone else (a
            moved = [a for a in new if a.id in held]  # colleague: editor.reload follows)
            for a in moved:  # is held once, here (its old place painted again)
                self.remade.append((held[a.id].start, held[a.id].end))
                self._remove(a.id)
            self._add_sorted(new)
            self._remake_first(new)
        if len(page) < limit:
            self._more, self._early, self._first = None, set(), range(0)
        return self._more is None

    def finish(self) -> None:
        """Read every span not read yet."""
        while not self.load_more(20_000):
            pass

    def _remake_first(self, page: list[Annotation]) -> None:
        """Spans read in order over the paragraphs read first were made or moved there
        since (by a colleague: editor.reload finds them held): those paragraphs' spans
        are found again."""
        if not self._first:
            return
        starts, last = self.para_starts, self._first[-1]
        lo = starts[self._first[0]]
        hi = starts[last + 1] if last + 1 < len(starts) else self.length + 1
        if any(a.start < hi and a.end > lo for a in page):
            for p in self._first:
                self._buckets.pop(p, None)
            self.remade.append((lo, hi))  # for the window to paint again (take_remade)

    def take_remade(self) -> list[tuple[int, int]]:
        """The ranges of code points whose spans :meth:`load_more` found changed since
        last asked (painted before that, they are to be painted again)."""
        remade, self.remade = self.remade, []
        return remade

    def _add_sorted(self, page: list[Annotation]) -> None:
        """Take in spans (in reading order) that follow every span read in order so far:
        merged with the few read or made out of order after them."""
        if not page:
            return
        i = bisect.bisect_left(self._spans, _key(page[0]), key=_key)
        tail = self._spans[i:]
        merged = sorted(tail + page, key=_key) if tail else page
        self._spans[i:] = merged
        self._starts[i:] = map(_START, merged)
        self._longest = max(self._longest, max(map(sub, map(_END, page), map(_START, page))))
        if self._ids is not None:
            self._ids.update(zip(map(_ID, page), page, strict=True))

    def _ready(self, number: int) -> bool:
        """Every span over paragraph ``number`` is here."""
        if self._more is None or number in self._first:
            return True
        after = self.para_starts[number + 1] if number + 1 < len(self.para_starts) \
            else self.length + 1
        return self._frontier is not None and self._frontier[0] >= after

    def _bucket(self, number: int) -> list[Annotation]:
        """The spans in paragraph ``number``, in reading order: those starting before its
        end (the next paragraph's start) and ending after its start. Found by bisection
        (no span is longer than ``_longest``) the first time, so opening a document costs
        nothing per paragraph."""
        bucket = self._buckets.get(number)
        if bucket is None:
            if not self._ready(number):
                self.finish()
            starts = self.para_starts
            if not 0 <= number < len(starts):
                return []
            p0 = starts[number]
            p1 = starts[number + 1] if number + 1 < len(starts) else self.length + 1
            lo = bisect.bisect_left(self._starts, p0 - self._longest)
            hi = bisect.bisect_left(self._starts, p1)
            bucket = self._buckets[number] = [a for a in self._spans[lo:hi] if a.end > p0]
        return bucket

    @property
    def _by_id(self) -> dict[str, Annotation]:
        """id → span, made when first needed (hashing 300,000 fresh id strings costs
        more than sorting the spans) and kept up to date from then on."""
        if self._ids is None:
            self._ids = dict(zip(map(_ID, self._spans), self._spans, strict=True))
        return self._ids

    def _position(self, a: Annotation) -> int:
        """Where ``a`` is (or would go) in the sorted spans: by bisection on its key."""
        return bisect.bisect_left(self._spans, _key(a), key=_key)

    # --- queries -----------------------------------------------------------------------
    def __bool__(self) -> bool:
        """Holds spans, or may (a partial index): says so without reading the rest."""
        return bool(self._spans) or self._more is not None

    def __len__(self) -> int:
        self.finish()
        return len(self._spans)

    def __iter__(self):
        self.finish()
        return iter(self._spans)

    def get(self, span_id: str) -> Annotation | None:
        found = self._by_id.get(span_id)
        if found is None and self._more is not None:
            self.finish()
            found = self._by_id.get(span_id)
        return found

    def paragraph_of(self, pos: int) -> int:
        return bisect.bisect_right(self.para_starts, pos) - 1

    def _paragraphs_of(self, a: Annotation) -> range:
        return range(self.paragraph_of(a.start), self.paragraph_of(max(a.start, a.end - 1)) + 1)

    def in_paragraph(self, number: int,
                     keep: Callable[[Annotation], bool] | None = None) -> list[Annotation]:
        spans = self._bucket(number)
        return [a for a in spans if keep(a)] if keep else list(spans)

    def at(self, pos: int, keep: Callable[[Annotation], bool] | None = None) -> list[Annotation]:
        """Spans covering code point ``pos``, innermost (shortest) first."""
        hits = [a for a in self._bucket(self.paragraph_of(pos))
                if a.start <= pos < a.end and (keep is None or keep(a))]
        return sorted(hits, key=lambda a: (a.end - a.start, a.start, a.id))

    def next_after(self, span: Annotation | None, pos: int, backwards: bool = False,
                   keep: Callable[[Annotation], bool] | None = None) -> Annotation | None:
        """The next (or previous) span in reading order after ``span`` (or position)."""
        key = _key(span) if span else (pos, pos, "")
        self.finish()
        spans = self._spans
        if backwards:
            i = bisect.bisect_left(spans, key, key=_key) - 1
            step = -1
        else:
            i = bisect.bisect_right(spans, key, key=_key) if span else \
                bisect.bisect_left(spans, key, key=_key)
            step = 1
        while 0 <= i < len(self._spans):
            if keep is None or keep(self._spans[i]):
                return self._spans[i]
            i += step
        return None

    # --- updates -----------------------------------------------------------------------
    def update(self, change: Change) -> None:
        for a in change.removed:
            self._remove(a.id)
        for a in change.added:
            self._add(a)

    def _add(self, a: Annotation) -> None:
        if a.id in self._by_id:
            self._remove(a.id)
        if self._more is not None:  # a partial index: never read again in order
            self._early.add(a.id)
        i = self._position(a)
        self._spans.insert(i, a)
        self._starts.insert(i, a.start)
        self._longest = max(self._longest, a.end - a.start)
        self._by_id[a.id] = a
        for p in self._paragraphs_of(a):
            if (bucket := self._buckets.get(p)) is not None:
                bucket.insert(bisect.bisect_left([_key(b) for b in bucket], _key(a)), a)

    def _remove(self, span_id: str) -> None:
        a = self._by_id.pop(span_id, None)
        if a is None:
            return
        i = self._position(a)
        if i == len(self._spans) or self._spans[i].id != span_id:  # not in key order?
            i = next(j for j, b in enumerate(self._spans) if b.id == span_id)
        del self._spans[i], self._starts[i]
        for p in self._paragraphs_of(a):
            if p in self._buckets:
                self._buckets[p] = [b for b in self._buckets[p] if b.id != span_id]
