"""What the agreement report needs of its documents, summed as they stream past, in time
proportional to the number of spans (not characters). Pure Python (stdlib only).

A document's spans are cut into *clusters*: maximal chains of overlapping spans (of any
annotator and category). Outside clusters every annotator's label is ∅, so the units where
everybody says ∅ are counted as the rest. Most clusters are one span per annotator with the
same start, end and tag; they are counted in a few steps. Other clusters are resolved with the
general rules, which only ever look inside one cluster: the innermost span
(:func:`annotator.review.units.char_labels`), merged units of a category and their δ²
(:mod:`annotator.review.unitizing`; gaps are tracked per annotator and category across the
document), and one-to-one span matching (:func:`annotator.review.agreement.span_f1`: a
matching never links spans of two clusters). The tests check every count against the
per-character reference.
"""

from __future__ import annotations

import functools
import operator
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import combinations
from typing import NamedTuple

from annotator.review.clusters import (
    identical,
    one_each,
    overlapping,
    record_unit,
    two,
    zero_length,
)
from annotator.review.unitizing import Lengths, category_terms
from annotator.review.units import UNCODED, category_of, excluded_counter

#: A span as the report reads it: ``(start, end, tag, annotator, ...)`` (more items ignored).
Span = tuple
Labels = tuple[str, ...]


class DocSpans(NamedTuple):
    scope: str  # the report's name for the document (its id)
    length: int  # code points
    text: str | None  # given: whitespace and punctuation are not units
    spans: list[Span]  # any annotator's, in any order


class CategoryTally:
    """One category summed over documents. Spans that every annotator has with the same
    extent, alone in their cluster, are ``agreed``: one match for every pair, a unit per
    annotator (``shared`` lengths)."""

    def __init__(self, category: str, coders: int, coded: dict[Labels, int] | None):
        self.everyone, self.one = _keys(category, coders)  # the label tuples counted most
        self.observed = 0  # Σ_i Σ_{j≠i} Σ δ² (unitizing)
        self.units: list[int] = []  # unit lengths, one per annotator having it
        self.shared: list[int] = []  # unit lengths every annotator has
        self.gaps: list[int] = []
        self.lengths: list[int] = []  # of the documents using the category
        self.binary: dict[Labels, int] = {}  # binary label tuples other than all-∅
        self.agreed = 0
        self.spans = [0] * coders  # spans besides the agreed ones, per annotator
        self.matches = [[0, 0] for _ in range(coders * (coders - 1) // 2)]  # exact, overlap
        # where this category's spans alone count their label tuples: every category's
        # labels together (``coded``), or its own binary labels
        self.target = self.binary if coded is None else coded

    def terms(self, coders: int, every_doc: Lengths | None) -> tuple[int, int, int]:
        """:func:`annotator.review.unitizing.category_terms` of the category."""
        return category_terms(self.observed, self.units + self.shared * coders, self.gaps,
                              self.lengths, coders, every_doc)

    def pair_counts(self, pair: int, a: int, b: int) -> tuple[int, int, int, int]:
        """(exact matches, overlap matches, spans of ``a``, spans of ``b``)."""
        exact, overlap = self.matches[pair]
        ag = self.agreed
        return ag + exact, ag + overlap, ag + self.spans[a], ag + self.spans[b]


_START, _END, _WHO = (operator.itemgetter(k) for k in (0, 1, 3))


@functools.lru_cache(maxsize=1024)
def _keys(category: str, coders: int) -> tuple[Labels, list[Labels]]:
    """The label tuples of a span everybody has, and of a span of annotator ``k`` alone."""
    return (category,) * coders, [(UNCODED,) * k + (category,) + (UNCODED,) * (coders - k - 1)
                                  for k in range(coders)]


class Tally:
    """Statistics of the documents added so far (``binary``: per-category labels)."""

    def __init__(self, annotators: Sequence[str], label: str = "tag", binary: bool = False):
        category_of("", label)  # validates
        self.annotators, self.label, self.binary = list(annotators), label, binary
        self.m = len(self.annotators)
        self.index = {a: k for k, a in enumerate(self.annotators)}
        self.pairs = list(combinations(range(self.m), 2))
        self.pair_index = {pair: p for p, pair in enumerate(self.pairs)}
        self.units = 0
        self.n_spans = 0  # of the annotators compared (none: nothing to agree on)
        self.lengths: list[int] = []
        self.coded: dict[Labels, int] = {}  # label tuples other than all-∅
        self.cats: dict[str, CategoryTally] = {}
        self._category: dict[str, str] = {}

    def category(self, tag: str) -> str:
        c = self._category.get(tag)
        if c is None:
            c = self._category[tag] = category_of(tag, self.label)
        return c

    def tally(self, category: str) -> CategoryTally:
        t = self.cats.get(category)
        if t is None:
            t = self.cats[category] = CategoryTally(category, self.m,
                                                    None if self.binary else self.coded)
        return t

    def counts(self, category: str | None = None) -> Counter[Labels]:
        """Units per label tuple (one label per annotator): all categories, or the binary
        labels of one ``category``."""
        coded = self.coded if category is None else self.tally(category).binary
        counts = Counter(coded)
        rest = self.units - sum(coded.values())
        if rest:
            counts[(UNCODED,) * self.m] += rest
        return counts

    def add(self, doc: DocSpans) -> Tally:
        length, index = doc.length, self.index
        rows = doc.spans if set(map(_WHO, doc.spans)) <= index.keys() else \
            [r for r in doc.spans if r[3] in index]
        rows = sorted(rows)  # by start, end, tag, annotator
        self.n_spans += len(rows)
        zeros = []
        if any(map(operator.ge, map(_START, rows), map(_END, rows))):
            zeros = [(r[0], r[1], r[2], index[r[3]]) for r in rows if r[0] >= r[1]]
            rows = [r for r in rows if r[0] < r[1]]
        bad = [r for r in zeros if r[0] > r[1]] + rows[:1] * (bool(rows) and rows[0][0] < 0)
        if bad:
            raise ValueError(f"span [{bad[0][0]}, {bad[0][1]}) is outside [0, {length})")
        ex = excluded_counter(doc.text) if doc.text is not None else None
        self.units += length - (ex(0, length) if ex else 0)
        self.lengths.append(length)
        last: dict[str, list[int]] = {}  # category → each annotator's last unit end
        self._clusters(rows, ex, last, length)
        if zeros:
            zero_length(self, zeros, last, length)
        for c, ends in last.items():
            t = self.cats[c]
            t.lengths.append(length)
            for x in ends:
                if length > x:
                    t.gaps.append(length - x)
        return self

    def _clusters(self, rows: list, ex: Callable[[int, int], int] | None,
                  last: dict[str, list[int]], length: int) -> None:
        """Cut the document's spans (sorted, none empty) into clusters and add each; the
        usual two kinds, a span all annotators have and a span of one alone, right here."""
        m, n, i, index, everyone = self.m, len(rows), 0, self.index, list(range(self.m))
        while i < n:
            r = rows[i]
            s, e, tag, who = r[0], r[1], r[2], r[3]
            j = i + 1
            if j < n and rows[j][0] < e:
                end = e
                while j < n and rows[j][0] < end:
                    if rows[j][1] > end:
                        end = rows[j][1]
                    j += 1
            else:
                self._alone(s, e, tag, index[who], ex, last, length)
                i = j
                continue
            if end > length:
                raise ValueError(f"span [{s}, {end}) is outside [0, {length})")
            z = rows[j - 1]  # sorted: the first and last agree only if all do
            if j - i == m and z[0] == s and z[1] == e and z[2] == tag \
                    and (m == 2 and z[3] != who or len({x[3] for x in rows[i:j]}) == m):
                self._agreed(s, e, tag, ex, last)
            elif j - i == 2 and who != z[3]:
                two(self, (s, e, tag, index[who]), (z[0], z[1], z[2], index[z[3]]), ex, last)
            else:
                self._mixed(sorted([(x[0], x[1], x[2], index[x[3]]) for x in rows[i:j]]), ex,
                            last, everyone)
            i = j

    def _agreed(self, s: int, e: int, tag: str, ex: Callable[[int, int], int] | None,
                last: dict[str, list[int]]) -> None:
        """A span that every annotator has, and nothing else overlaps."""
        c = self._category.get(tag) or self.category(tag)
        t = self.cats.get(c) or self.tally(c)
        w = e - s - (ex(s, e) if ex else 0)
        if w:
            t.target[t.everyone] = t.target.get(t.everyone, 0) + w
        ends = last.get(c) or last.setdefault(c, [0] * self.m)
        for q in range(self.m):
            if s > ends[q]:
                t.gaps.append(s - ends[q])
            ends[q] = e
        t.shared.append(e - s)
        t.agreed += 1

    def _alone(self, s: int, e: int, tag: str, k: int, ex: Callable[[int, int], int] | None,
               last: dict[str, list[int]], length: int) -> None:
        """A span alone in its cluster: inside everyone else's gap."""
        if e > length:
            raise ValueError(f"span [{s}, {e}) is outside [0, {length})")
        c = self._category.get(tag) or self.category(tag)
        t = self.cats.get(c) or self.tally(c)
        w = e - s - (ex(s, e) if ex else 0)
        if w:
            t.target[t.one[k]] = t.target.get(t.one[k], 0) + w
        record_unit(self.m, s, e, k, t, last.get(c) or last.setdefault(c, [0] * self.m))

    def _mixed(self, cluster: list, ex: Callable[[int, int], int] | None,
               last: dict[str, list[int]], everyone: list[int]) -> None:
        """A cluster with more than one span and not the same for all, annotators numbered
        and sorted by (start, end, tag, annotator)."""
        if len({r[3] for r in cluster}) == len(cluster):
            one_each(self, cluster, ex, last)
        elif self._same_for_all(cluster, everyone):
            identical(self, cluster[::self.m], ex, last)
        else:
            overlapping(self, cluster, ex, last)

    def _same_for_all(self, cluster: list, everyone: list[int]) -> bool:
        """Every annotator has the same spans (start, end, tag) in the cluster."""
        m, n = self.m, len(cluster)
        if n % m or [r[3] for r in cluster] != everyone * (n // m):
            return False
        first = [r[:3] for r in cluster[::m]]
        return all([r[:3] for r in cluster[q::m]] == first for q in range(1, m))
