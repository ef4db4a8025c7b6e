"""The clusters that are not one span of everybody's or of one annotator alone (see
:mod:`annotator.review.corpus`): each kind as cheaply as its shape allows, the last
(:func:`overlapping`) by the general rules. Every function adds to the ``tally`` and keeps
each annotator's last unit end per category in ``last`` (their gaps run across clusters).
Spans here are ``(start, end, tag, annotator number)``, sorted."""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import permutations
from typing import TYPE_CHECKING

from annotator.review.unitizing import cross
from annotator.review.units import UNCODED, Run

if TYPE_CHECKING:
    from annotator.review.corpus import CategoryTally, Labels, Tally

Excluded = Callable[[int, int], int] | None


def identical(tally: Tally, spans: list, ex: Excluded,
               last: dict[str, list[int]]) -> None:
    """A cluster where every annotator has the same (overlapping) spans: the same
    labels, the same units, every span matched."""
    m = tally.m
    if not tally.binary:
        runs = _innermost_runs(spans, tally.category)
        for (p, lab), (q, _next) in zip(runs, runs[1:], strict=False):
            w = q - p - (ex(p, q) if ex else 0)
            if w and lab != UNCODED:
                key = (lab,) * m
                tally.coded[key] = tally.coded.get(key, 0) + w
    by_cat: dict[str, list[tuple[int, int]]] = {}
    for s, e, tag, _k in spans:
        by_cat.setdefault(tally._category.get(tag) or tally.category(tag), []).append((s, e))
    for c, extents in by_cat.items():
        t = tally.cats.get(c) or tally.tally(c)
        shared_units(tally, extents, t, last.get(c) or last.setdefault(c, [0] * m), ex)

def shared_units(tally: Tally, extents: list[tuple[int, int]], t: CategoryTally, ends: list[int],
                  ex: Excluded) -> None:
    """Spans of one category that every annotator has, here: shared units, all matched."""
    for us, ue in _merge(extents):
        for q in range(tally.m):
            if us > ends[q]:
                t.gaps.append(us - ends[q])
            ends[q] = ue
        t.shared.append(ue - us)
        w = ue - us - (ex(us, ue) if ex else 0)
        if tally.binary and w:
            t.binary[t.everyone] = t.binary.get(t.everyone, 0) + w
    t.agreed += len(extents)

def two(tally: Tally, a: tuple, b: tuple, ex: Excluded,
         last: dict[str, list[int]]) -> None:
    """Two overlapping spans of two annotators (``a`` starts first)."""
    (s1, e1, t1, k1), (s2, e2, t2, k2) = a, b
    c1 = tally._category.get(t1) or tally.category(t1)
    c2 = tally._category.get(t2) or tally.category(t2)
    ta, tb = tally.cats.get(c1) or tally.tally(c1), tally.cats.get(c2) or tally.tally(c2)
    if c1 != c2:
        lone_unit(tally, s1, e1, k1, ta, ex, last.get(c1) or last.setdefault(c1, [0] * tally.m))
        lone_unit(tally, s2, e2, k2, tb, ex, last.get(c2) or last.setdefault(c2, [0] * tally.m))
        if tally.binary:
            return
    else:
        pair_units(tally, a, b, ta, last.get(c1) or last.setdefault(c1, [0] * tally.m))
    both = list(ta.one[k1])
    both[k2] = c2
    lo, hi = (e2, e1) if e1 > e2 else (e1, e2)
    target = ta.target
    for s, e, key in ((s1, s2, ta.one[k1]), (s2, lo, tuple(both)),
                      (lo, hi, ta.one[k1] if e1 > e2 else tb.one[k2])):
        w = e - s - (ex(s, e) if ex else 0)
        if w:
            target[key] = target.get(key, 0) + w

def pair_units(tally: Tally, a: tuple, b: tuple, t: CategoryTally, ends: list[int]) -> None:
    """Two overlapping units of one category, of two annotators."""
    m = tally.m
    for s, e, _tag, k in (a, b):
        if s > ends[k]:
            t.gaps.append(s - ends[k])
        ends[k] = e
        t.units.append(e - s)
        t.spans[k] += 1
        t.observed += 2 * (m - 2) * (e - s) ** 2
    (s1, e1, _t1, k1), (s2, e2, _t2, k2) = a, b
    t.observed += 2 * ((s1 - s2) ** 2 + (e1 - e2) ** 2)
    matches = t.matches[tally.pair_index[(k1, k2) if k1 < k2 else (k2, k1)]]
    matches[0] += s1 == s2 and e1 == e2
    matches[1] += 1

def lone_unit(tally: Tally, s: int, e: int, k: int, t: CategoryTally,
               ex: Excluded, ends: list[int]) -> None:
    """A unit of a category that no other annotator's unit of it overlaps."""
    record_unit(tally.m, s, e, k, t, ends)
    if tally.binary:
        w = e - s - (ex(s, e) if ex else 0)
        if w:
            t.binary[t.one[k]] = t.binary.get(t.one[k], 0) + w

def record_unit(m: int, s: int, e: int, k: int, t: CategoryTally, ends: list[int]) -> None:
    """Annotator ``k``'s unit ``[s, e)`` that no other of ``m`` annotators' units of its
    category overlaps: the gap before it, its length, its observed disagreement."""
    if s > ends[k]:
        t.gaps.append(s - ends[k])
    ends[k] = e
    t.units.append(e - s)
    t.observed += 2 * (m - 1) * (e - s) ** 2
    t.spans[k] += 1


def one_each(tally: Tally, cluster: list, ex: Excluded,
              last: dict[str, list[int]]) -> None:
    """At most one span per annotator (none empty): no overlaps within an annotator,
    so each span is its annotator's label, unit and only match candidate."""
    m = tally.m
    by_cat: dict[str, list[tuple[int, int, int]]] = {}
    runs: list[list[Run]] = [[] for _ in range(m)]
    for s, e, tag, k in cluster:
        c = tally._category.get(tag) or tally.category(tag)
        by_cat.setdefault(c, []).append((k, s, e))
        runs[k] = [(s, c), (e, UNCODED)]
    if not tally.binary:
        _count(runs, cluster[0][0], ex, tally.coded, m)
    for c, group in by_cat.items():
        t = tally.cats.get(c) or tally.tally(c)
        ends = last.get(c) or last.setdefault(c, [0] * m)
        mine = {k: (s, e) for k, s, e in group}
        for k, s, e in group:
            if s > ends[k]:
                t.gaps.append(s - ends[k])
            ends[k] = e
            t.units.append(e - s)
            t.spans[k] += 1
            t.observed += _one_each_observed(k, s, e, group, m)
        if tally.binary:
            binary: list[list[Run]] = [[] for _ in range(m)]
            for k, s, e in group:
                binary[k] = [(s, c), (e, UNCODED)]
            _count(binary, cluster[0][0], ex, t.binary, m)
        for p, (a, b) in enumerate(tally.pairs):
            if a in mine and b in mine:
                (sa, ea), (sb, eb) = mine[a], mine[b]
                t.matches[p][0] += sa == sb and ea == eb
                t.matches[p][1] += sa < eb and sb < ea

def overlapping(tally: Tally, cluster: list, ex: Excluded,
             last: dict[str, list[int]]) -> None:
    """A cluster where some annotator has overlapping spans: the general rules."""
    m = tally.m
    by_cat: dict[str, list[list[tuple[int, int]]]] = {}
    by_coder: list[list] = [[] for _ in range(m)]
    for r in cluster:
        s, e, tag, k = r
        c = tally._category.get(tag) or tally.category(tag)
        lists = by_cat.get(c) or by_cat.setdefault(c, [[] for _ in range(m)])
        lists[k].append((s, e))
        by_coder[k].append(r)
    start = cluster[0][0]
    end = max(r[1] for r in cluster)
    if not tally.binary and ex is None and end - start <= PAINT:
        _paint(by_coder, start, end, tally.category, tally.coded)
    elif not tally.binary:
        runs = [_innermost_runs(mine, tally.category) for mine in by_coder]
        _count(runs, start, ex, tally.coded, m)
    for c, lists in by_cat.items():
        t = tally.cats.get(c) or tally.tally(c)
        ends = last.get(c) or last.setdefault(c, [0] * m)
        if lists.count(lists[0]) == m:
            shared_units(tally, lists[0], t, ends, ex)
            continue
        merged = [_merge(x) for x in lists]
        for k, units in enumerate(merged):
            for us, ue in units:
                if us > ends[k]:
                    t.gaps.append(us - ends[k])
                t.units.append(ue - us)
                ends[k] = ue
        t.observed += sum(cross(a, b) for a, b in permutations(merged, 2) if a != b)
        if tally.binary:
            _count([_interval_runs(u, c) for u in merged], start, ex, t.binary, m)
        for p, (a, b) in enumerate(tally.pairs):
            t.matches[p][0] += _exact(lists[a], lists[b])
            t.matches[p][1] += _overlap(lists[a], lists[b])
        for k in range(m):
            t.spans[k] += len(lists[k])

def zero_length(tally: Tally, zeros: list, last: dict[str, list[int]], length: int) -> None:
    """Empty spans: no units, but they count as spans (and may match exactly)."""
    if zeros[-1][0] > length:
        raise ValueError(f"span [{zeros[-1][0]}, {zeros[-1][1]}) is outside [0, {length})")
    by_cat: dict[str, list[list[tuple[int, int]]]] = {}
    for s, e, tag, k in zeros:
        c = tally.category(tag)
        by_cat.setdefault(c, [[] for _ in range(tally.m)])[k].append((s, e))
    for c, lists in by_cat.items():
        t = tally.tally(c)
        last.setdefault(c, [0] * tally.m)
        for p, (a, b) in enumerate(tally.pairs):
            t.matches[p][0] += _exact(sorted(lists[a]), sorted(lists[b]))
        for k in range(tally.m):
            t.spans[k] += len(lists[k])


def _one_each_observed(k: int, s: int, e: int, group: list[tuple[int, int, int]],
                       m: int) -> int:
    """:func:`annotator.review.unitizing.cross` of annotator ``k``'s unit against every
    other annotator, each having at most one unit of the category here."""
    doubled = 2 * (e - s) ** 2
    total = doubled * (m - len(group))  # annotators without a unit: inside their gap
    for j, sj, ej in group:
        if j != k:
            total += (s - sj) ** 2 + (e - ej) ** 2 if sj < e and s < ej else doubled
    return total


def _merge(extents: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """:func:`annotator.review.units.merge_intervals` of non-empty extents sorted by start."""
    out: list[tuple[int, int]] = []
    for start, end in extents:
        if out and start < out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


#: Clusters up to this many characters get their labels painted character by character
#: (C-speed list slices), longer ones by runs.
PAINT = 48


def _paint(by_coder: list[list], start: int, end: int, category: Callable[[str], str],
           counts: dict[Labels, int]) -> None:
    """Add the label tuples of a short cluster without exclusions, as :func:`char_labels`
    paints them: the innermost span last."""
    width, columns = end - start, []
    for mine in by_coder:
        cells = [UNCODED] * width
        for s, e, tag, _k in sorted(mine, key=_innermost_first, reverse=True):
            cells[s - start:e - start] = [category(tag)] * (e - s)
        columns.append(cells)
    empty = (UNCODED,) * len(by_coder)
    for key, w in Counter(zip(*columns, strict=False)).items():
        if key != empty:
            counts[key] = counts.get(key, 0) + w


def _innermost_first(r: tuple) -> tuple:
    return (r[1] - r[0], r[0], r[2])  # ties have the same tag: any order paints the same


def _innermost_runs(spans: list, category: Callable[[str], str]) -> list[Run]:
    """One annotator's labels over a cluster (spans sorted by start, none empty): at each
    boundary the shortest covering span, ties by start, then tag (a heap, lazily pruned)."""
    if all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)):
        runs: list[Run] = []
        for s, e, tag, _who in spans:
            if runs and runs[-1][0] == s:
                runs[-1] = (s, category(tag))
            else:
                runs.append((s, category(tag)))
            runs.append((e, UNCODED))
        return runs
    heap: list[tuple[int, int, str, int]] = []
    out: list[Run] = []
    k = 0
    for p in sorted({q for r in spans for q in (r[0], r[1])}):
        while k < len(spans) and spans[k][0] <= p:
            s, e, tag, _who = spans[k]
            heapq.heappush(heap, (e - s, s, tag, e))
            k += 1
        while heap and heap[0][3] <= p:
            heapq.heappop(heap)
        out.append((p, category(heap[0][2]) if heap else UNCODED))
    return out


def _interval_runs(units: Sequence[tuple[int, int]], category: str) -> list[Run]:
    runs: list[Run] = []
    for start, end in units:
        if runs and runs[-1][0] == start:
            runs[-1] = (start, category)
        else:
            runs.append((start, category))
        runs.append((end, UNCODED))
    return runs


def _count(runs: Sequence[Sequence[Run]], start: int, ex: Callable[[int, int], int] | None,
           counts: dict[Labels, int], m: int) -> None:
    """Add the units from ``start`` on per label tuple, except all-∅ (counted as the rest)."""
    events = sorted((p, k, lab) for k, rs in enumerate(runs) for p, lab in rs)
    empty = (UNCODED,) * m
    current = list(empty)
    prev = start
    for p, k, lab in events:
        if p != prev:
            width = p - prev - (ex(prev, p) if ex else 0)
            key = tuple(current)
            if width and key != empty:
                counts[key] = counts.get(key, 0) + width
            prev = p
        current[k] = lab


def _exact(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    """Spans with the same start and end, one-to-one (both sorted)."""
    if a == b:
        return len(a)
    i = j = tp = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            tp, i, j = tp + 1, i + 1, j + 1
        elif a[i] < b[j]:
            i += 1
        else:
            j += 1
    return tp


def _overlap(ref: Sequence[tuple[int, int]], cand: Sequence[tuple[int, int]]) -> int:
    """Greedy one-to-one matching by largest overlap, ties by the reference's then the
    candidate's start and end (as :func:`annotator.review.agreement.span_f1`). Equal lists
    match completely: the largest remaining overlap is always a span with its twin."""
    if ref == cand:
        return len(ref)
    if not ref or not cand:
        return 0
    starts = [s for s, _e in cand]
    longest = max(e - s for s, e in cand)
    pairs = []
    for i, (rs, re_) in enumerate(ref):
        for k in range(bisect_left(starts, rs - longest), bisect_left(starts, re_)):
            cs, ce = cand[k]
            shared = min(re_, ce) - max(rs, cs)
            if shared > 0:
                pairs.append((-shared, rs, re_, cs, ce, i, k))
    pairs.sort()
    used_r: set[int] = set()
    used_c: set[int] = set()
    for pair in pairs:
        i, k = pair[5], pair[6]
        if i not in used_r and k not in used_c:
            used_r.add(i)
            used_c.add(k)
    return len(used_r)
