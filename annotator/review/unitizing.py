"""Krippendorff's unitizing alpha (αu) for one category over a continuum with gaps.

Pure Python (stdlib only); all sums are exact integers/fractions, converted to ``float`` once.

Definition (Krippendorff 1995, "On the reliability of unitizing continuous data", *Sociological
Methodology* 25: 47–76; in the form of Krippendorff 2004, *Content Analysis*, 2nd ed., §12.4;
see also Krippendorff, Mathet, Bouvry & Widlöcher 2016, *Quality & Quantity* 50: 2347–2364).

The continuum is ``[0, L)``. For one category ``c``, each of the ``m ≥ 2`` coders ``i`` divides
it into contiguous *sections* ``g`` with begin ``b_ig``, length ``l_ig`` and ``w_ig = 1`` for a
unit of ``c`` and ``w_ig = 0`` for a gap (a maximal stretch the coder left uncoded for ``c``;
gaps are counted, and are also cut at the given document ``boundaries``). Overlapping units of
one coder are merged first (:func:`annotator.review.units.merge_intervals`). For sections ``g``
of coder ``i`` and ``h`` of coder ``j`` the squared distance is::

    δ²(g, h) = (b_g − b_h)² + (b_g + l_g − b_h − l_h)²   if w_g = w_h = 1 and −l_g < b_g − b_h < l_h
             = l_g²                                     if w_g = 1, w_h = 0 and h contains g
             = l_h²                                     if w_g = 0, w_h = 1 and g contains h
             = 0                                        otherwise

(the first case is the squared difference of the two units' begins plus that of their ends).
Observed and expected disagreement and αu::

    uD_o = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(g, h) / (m (m − 1) L²)

    uD_e = (2 / L) · Σ_i Σ_g w_ig [ (N_c − 1)/3 · (2 l_ig³ − 3 l_ig² + l_ig)
                                   + l_ig² · Σ_j Σ_h (1 − w_jh) · max(0, l_jh − l_ig + 1) ]
           / ( m L (m L − 1) − Σ_i Σ_g w_ig l_ig (l_ig − 1) )

    uα_c = 1 − uD_o / uD_e

with ``N_c`` the number of units of ``c`` over all coders, and the inner sum over the gaps of
*all* coders (including ``i``). Edge cases: ``uD_e = 0`` happens only when no coder has a unit
of ``c`` (or every coder codes every position as a unit of length 1); then ``uD_o = 0`` and
uα = 1.0 (nothing to disagree about). ``L ≤ 0`` or fewer than two coders raise ValueError.

Worked example reproduced by the tests: Krippendorff (2004: 254–256), continuum [150, 450),
category c — published uD_o = 0.0144, uD_e = 0.0532, uα_c = 0.7286; exactly uD_o = 13/900,
uD_e = 69179/1299825, uα_c = 201615/276716 = 0.7285989968… (arithmetic in the tests).

Caveat: Krippendorff et al. (2016) show that this (2004) definition behaves unexpectedly with
more than two coders and propose a modified family (uα, |uα, cuα, (k)uα); this module
implements the 1995/2004 definition, observed disagreement averaged over all coder pairs.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from itertools import accumulate, combinations

from annotator.review.units import Interval, merge_intervals

#: A section of a coder's partition of the continuum: (begin, length, is_unit).
Section = tuple[int, int, bool]


def sections(length: int, units: Iterable[Interval], boundaries: Iterable[int] = ()) -> list[Section]:
    """A coder's partition of ``[0, length)`` into units and gaps, gaps also cut at
    ``boundaries``. Units are merged where they overlap; a unit outside the continuum or
    across a boundary raises ValueError."""
    merged = merge_intervals(units)
    cuts = sorted({b for b in boundaries if 0 < b < length})
    out: list[Section] = []
    pos = 0
    for start, end in merged:
        if start < 0 or end > length:
            raise ValueError(f"unit [{start}, {end}) is outside the continuum [0, {length})")
        k = bisect.bisect_right(cuts, start)
        if k < len(cuts) and cuts[k] < end:
            raise ValueError(f"unit [{start}, {end}) crosses a boundary")
        out += _gaps(pos, start, cuts)
        out.append((start, end - start, True))
        pos = end
    return out + _gaps(pos, length, cuts)


def _gaps(start: int, end: int, cuts: Sequence[int]) -> list[Section]:
    """The gap ``[start, end)`` cut at the boundaries inside it."""
    inner = cuts[bisect.bisect_right(cuts, start):bisect.bisect_left(cuts, end)]
    edges = [start, *inner, end]
    return [(a, b - a, False) for a, b in zip(edges, edges[1:], strict=False) if b > a]


def delta2(g: Section, h: Section) -> int:
    """The squared distance δ² between section ``g`` of one coder and ``h`` of another."""
    (bg, lg, ug), (bh, lh, uh) = g, h
    if ug and uh:
        return (bg - bh) ** 2 + (bg + lg - bh - lh) ** 2 if -lg < bg - bh < lh else 0
    if ug and not uh:
        return lg * lg if bh <= bg and bg + lg <= bh + lh else 0
    if uh and not ug:
        return lh * lh if bg <= bh and bh + lh <= bg + lg else 0
    return 0


def _pair_sum(a: Sequence[Section], b: Sequence[Section]) -> int:
    """Σ_g Σ_h δ²(g, h) over two partitions of the same continuum. Only overlapping sections
    can be at a non-zero distance, so a merge-like sweep visits each overlapping pair once."""
    total, i, j = 0, 0, 0
    while i < len(a) and j < len(b):
        total += delta2(a[i], b[j])
        end_a, end_b = a[i][0] + a[i][1], b[j][0] + b[j][1]
        i += end_a <= end_b
        j += end_b <= end_a
    return total


def _gap_term(units: Sequence[int], gaps: Sequence[int]) -> int:
    """Σ over units of l² · Σ over gaps of length ≥ l of (gap − l + 1)."""
    gaps = sorted(gaps)
    suffix = list(accumulate(reversed(gaps)))[::-1] + [0]
    total = 0
    for lu in units:
        k = bisect.bisect_left(gaps, lu)
        total += lu * lu * (suffix[k] - (lu - 1) * (len(gaps) - k))
    return total


def disagreements(length: int, units_by_coder: Mapping[str, Iterable[Interval]],
                  boundaries: Iterable[int] = ()) -> tuple[Fraction, Fraction]:
    """The exact ``(uD_o, uD_e)`` of one category (see the module docstring)."""
    if length <= 0:
        raise ValueError("the continuum is empty")
    if len(units_by_coder) < 2:
        raise ValueError("unitizing alpha needs at least two coders")
    cuts = list(boundaries)
    parts = [sections(length, units, cuts) for units in units_by_coder.values()]
    m, big_l = len(parts), length
    observed = 2 * sum(_pair_sum(a, b) for a, b in combinations(parts, 2))
    unit_lengths = [s[1] for p in parts for s in p if s[2]]
    gap_lengths = [s[1] for p in parts for s in p if not s[2]]
    n_c = len(unit_lengths)
    own = sum((n_c - 1) * lu * (lu - 1) * (2 * lu - 1) // 3 for lu in unit_lengths)
    expected_num = 2 * (own + _gap_term(unit_lengths, gap_lengths))
    denominator = m * big_l * (m * big_l - 1) - sum(lu * (lu - 1) for lu in unit_lengths)
    d_o = Fraction(observed, m * (m - 1) * big_l * big_l)
    d_e = Fraction(expected_num, big_l * denominator)
    return d_o, d_e


def _alpha(d_o: Fraction, d_e: Fraction) -> float:
    if d_e == 0:
        return 1.0 if d_o == 0 else float("nan")
    return float(1 - d_o / d_e)


def unitizing_alpha(length: int, units_by_coder: Mapping[str, Iterable[Interval]],
                    boundaries: Iterable[int] = ()) -> float:
    """Krippendorff's uα for one category: ``1 − uD_o / uD_e`` over the continuum
    ``[0, length)``; ``units_by_coder`` maps each coder (at least two) to their units
    ``(start, end)`` of the category, half-open. ``boundaries`` (e.g. where concatenated
    documents meet) cut gaps: no unit may cross one. 1.0 when no coder has a unit."""
    return _alpha(*disagreements(length, units_by_coder, boundaries))


def unitizing_alpha_pooled(length: int,
                           by_category: Mapping[str, Mapping[str, Iterable[Interval]]],
                           boundaries: Iterable[int] = ()) -> float:
    """uα over several categories: ``1 − Σ_c uD_o,c / Σ_c uD_e,c`` (the pooled form DKPro
    Statistics' ``KrippendorffAlphaUnitizingAgreement.calculateAgreement`` computes).
    ``by_category`` maps category → coder → units; every category needs the same coders."""
    cuts = list(boundaries)
    pairs = [disagreements(length, units, cuts) for units in by_category.values()]
    if not pairs:
        raise ValueError("no categories")
    return _alpha(sum((p[0] for p in pairs), Fraction(0)), sum((p[1] for p in pairs), Fraction(0)))


# --- concatenated documents without one section list ------------------------------------
#
# No unit crosses a document boundary, so two coders' sections in different documents never
# overlap: observed disagreement is a sum over documents, and expected disagreement needs only
# how many units and gaps there are of each length. A document where no coder has a unit of
# the category is one gap of its length per coder; those are counted from all documents'
# lengths minus the lengths of the documents that use the category, so the cost follows the
# number of units (:class:`annotator.review.corpus.CategoryTally` gathers them).

def cross(a: Sequence[Interval], b: Sequence[Interval]) -> int:
    """Σ over units g of coder ``a`` of δ² to the sections of coder ``b``, doubled where g
    lies inside a gap of ``b``: summed over ordered coder pairs, this is the observed
    numerator of :func:`disagreements`, because the sweep there meets that (unit, gap) pair
    from both sides. ``a`` and ``b`` are sorted and disjoint, within one document: a unit
    that no unit of ``b`` overlaps lies inside one of ``b``'s gaps."""
    total, k = 0, 0
    for bg, eg in a:
        while k < len(b) and b[k][1] <= bg:
            k += 1
        j = k
        while j < len(b) and b[j][0] < eg:
            bh, eh = b[j]
            total += (bg - bh) ** 2 + (eg - eh) ** 2
            j += 1
        if j == k:
            total += 2 * (eg - bg) ** 2
    return total


class Lengths:
    """A multiset of gap lengths with suffix sums: Σ over gaps g ≥ l of (g − l + 1) in log
    time."""

    def __init__(self, counts: Mapping[int, int]):
        self.values = sorted(v for v, c in counts.items() if c)
        self.total = sum(v * counts[v] for v in self.values)
        times = [counts[v] for v in self.values]
        self.count_from = [*list(accumulate(reversed(times)))[::-1], 0]
        self.sum_from = [*list(accumulate(v * c for v, c in zip(reversed(self.values),
                                                                reversed(times),
                                                                strict=True)))[::-1], 0]

    def term(self, units: Mapping[int, int]) -> int:
        """Σ over unit lengths l (with multiplicity) of l² · Σ_{g ≥ l} (g − l + 1)."""
        total = 0
        for lu, times in units.items():
            k = bisect.bisect_left(self.values, lu)
            total += times * lu * lu * (self.sum_from[k] - (lu - 1) * self.count_from[k])
        return total


def category_terms(observed: int, units: Sequence[int], gaps: Sequence[int],
                   doc_lengths: Sequence[int], coders: int,
                   every_doc: Lengths | None = None) -> tuple[int, int, int]:
    """``(O, E, D)`` of one category: ``uD_o = O / (m (m−1) L²)``, ``uD_e = E / (L D)``.

    ``observed`` is Σ_i Σ_{j≠i} Σ δ² (see :func:`cross`), ``units`` and ``gaps`` are the
    lengths of every coder's units and gaps in the documents that use the category, whose
    lengths are ``doc_lengths``. Without ``every_doc`` the continuum is those documents laid
    end to end; with it (all documents' lengths), all documents, each one that does not use
    the category adding one gap of its length per coder. Equal to :func:`disagreements` with
    the boundaries between the documents."""
    m = coders
    counts: Mapping[int, int] = Counter(units)
    if every_doc is None and len(units) + len(gaps) <= 64:  # one document's, usually
        gap_sum = _small_gap_term(units, gaps)
    else:
        gap_sum = Lengths(Counter(gaps)).term(counts)
    big_l = sum(doc_lengths)
    if every_doc is not None:
        gap_sum += m * (every_doc.term(counts) - Lengths(Counter(doc_lengths)).term(counts))
        big_l = every_doc.total
    n_c = len(units)
    own = sum(t * ((n_c - 1) * lu * (lu - 1) * (2 * lu - 1) // 3) for lu, t in counts.items())
    denominator = m * big_l * (m * big_l - 1) - sum(t * lu * (lu - 1)
                                                    for lu, t in counts.items())
    return observed, 2 * (own + gap_sum), denominator


def _small_gap_term(units: Sequence[int], gaps: Sequence[int]) -> int:
    """:meth:`Lengths.term` of a few units and gaps: both sorted, one pass."""
    gs = sorted(gaps)
    rest, count, i, total = sum(gs), len(gs), 0, 0  # gaps not shorter than the unit
    for lu in sorted(units):
        while i < len(gs) and gs[i] < lu:
            rest, count, i = rest - gs[i], count - 1, i + 1
        total += lu * lu * (rest - (lu - 1) * count)
    return total


def pooled_alpha(length: int, coders: int, terms: Iterable[tuple[int, int, int]]) -> float:
    """``1 − Σ_c uD_o,c / Σ_c uD_e,c`` from :func:`category_terms` over a continuum of
    ``length`` (one category: its uα); exact, as :func:`unitizing_alpha_pooled`."""
    terms = list(terms)
    if length <= 0:
        raise ValueError("the continuum is empty")
    if coders < 2:
        raise ValueError("unitizing alpha needs at least two coders")
    if not terms:
        raise ValueError("no categories")
    observed, num, den = 0, 0, 1  # Σ_c E_c / D_c as num / den
    for o, e, d in terms:
        observed += o
        num, den = num * d + e * den, den * d
    d_o = Fraction(observed, coders * (coders - 1) * length * length)
    return _alpha(d_o, Fraction(num, length * den))
