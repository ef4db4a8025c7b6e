"""Inter-annotator agreement: the reference implementation of this tool (stdlib only).

Full definitions, conventions and a methods-section text: ``docs/agreement.md``. In short
(counts are exact integers/fractions; each result is converted to ``float`` once):

Units (:mod:`annotator.review.units`)
    One unit per code point (optionally without whitespace/punctuation); an uncoded character
    has the label ``"∅"``, **which counts as a category**; an annotator's overlapping spans are
    resolved to the innermost (shortest) one, ties by start, then tag id.

Cohen's κ (Cohen 1960), two coders, ``N`` units, ``n_k``/``n'_k`` the coders' counts of ``k``::

    p_o = (1/N) Σ_u [a_u = b_u],   p_e = Σ_k n_k n'_k / N²,   κ = (p_o − p_e) / (1 − p_e)

Fleiss' κ (Fleiss 1971; Scott's π generalised to ``n`` coders, "multi-π" in Artstein &
Poesio 2008), ``N`` units each labelled by the same ``n ≥ 2`` coders, ``n_uk`` coders giving
unit ``u`` category ``k``::

    P̄ = Σ_u Σ_k n_uk (n_uk − 1) / (N n (n − 1)),   P̄_e = Σ_k (Σ_u n_uk / (N n))²,
    κ = (P̄ − P̄_e) / (1 − P̄_e)

Krippendorff's α, nominal (Krippendorff 2004/2011), missing values allowed: only units with
``m_u ≥ 2`` values are pairable; ``n = Σ m_u``, ``n_k`` = pairable values ``k``::

    α = 1 − (n − 1) · Σ_u (m_u² − Σ_k n_uk²) / (m_u − 1)  /  (n² − Σ_k n_k²)

Chance-corrected coefficients are **1.0 when expected disagreement is 0** (every value is the
same category, hence observed disagreement is 0 too); no units (or, for α, no pairable unit)
raises ValueError.

Unitizing αu: :mod:`annotator.review.unitizing`. Span F1: :func:`span_f1`.

The coefficients take label *counts* (``*_counts``: units per tuple of the coders' labels);
the list forms count first. The report (:func:`agreement_report`, :func:`agreement_rows`)
gets those counts, the unitizing sums and the span matches from
:mod:`annotator.review.corpus`, in time proportional to the number of spans, never one label
per character; the tests check them against :func:`char_labels` and the list forms.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction

from annotator.core.annotation import Annotation
from annotator.core.errors import Cancelled
from annotator.review.corpus import DocSpans, Tally
from annotator.review.unitizing import (
    Lengths,
    pooled_alpha,
    unitizing_alpha,
    unitizing_alpha_pooled,
)
from annotator.review.units import UNCODED, char_labels

__all__ = [
    "UNCODED", "agreement_report", "agreement_rows", "char_labels", "cohen_kappa",
    "fleiss_kappa", "krippendorff_alpha_nominal", "span_f1", "unitizing_alpha",
    "unitizing_alpha_pooled",
]

NOTES = ("units: characters; uncoded characters count as the category '∅' (agreeing on "
         "uncoded text counts as agreement)")
BINARY_NOTE = "; labels are binary: this category vs everything else (∅)"
NO_SPANS_NOTE = "; no spans by these annotators here: nothing to agree on, so no figures"
FIGURES = ("cohen_kappa", "fleiss_kappa", "krippendorff_alpha", "unitizing_alpha",
           "f1_exact", "f1_overlap")
BYS = ("tag", "group", "doc", "overall")
TOO_FEW = "agreement needs at least two distinct annotators"


def _chance_corrected(observed: int, expected: int, whole: int) -> float:
    """``(p_o − p_e) / (1 − p_e)`` for ``p_o = observed / whole`` and ``p_e = expected /
    whole``: the exact ratio ``(observed − expected) / (whole − expected)`` of integers,
    rounded once (Python's integer division is correctly rounded); 1.0 when ``p_e`` is 1."""
    if expected == whole:
        return 1.0
    return (observed - expected) / (whole - expected)


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's κ of two coders' labels of the same units (equal lengths, at least one unit)."""
    if len(a) != len(b):
        raise ValueError("the two coders labelled different numbers of units")
    return cohen_kappa_counts(Counter(zip(a, b, strict=True)))


def cohen_kappa_counts(pairs: Mapping[tuple, int]) -> float:
    """Cohen's κ from how many units got each pair of labels ``(a_u, b_u)``."""
    n = sum(pairs.values())
    if not n:
        raise ValueError("no units")
    ca: Counter[str] = Counter()
    cb: Counter[str] = Counter()
    agree = 0
    for (x, y), w in pairs.items():
        ca[x] += w
        cb[y] += w
        agree += w if x == y else 0
    return _chance_corrected(agree * n, sum(ca[k] * cb[k] for k in ca), n * n)


def fleiss_kappa(rows: Sequence[Sequence[str]]) -> float:
    """Fleiss' κ: ``rows[u]`` are all coders' labels of unit ``u`` (same number, ≥ 2, per row)."""
    return fleiss_kappa_counts(Counter(tuple(r) for r in rows))


def fleiss_kappa_counts(rows: Mapping[tuple[str, ...], int]) -> float:
    """Fleiss' κ from how many units got each tuple of all coders' labels."""
    big_n = sum(rows.values())
    if not big_n:
        raise ValueError("no units")
    n = len(next(iter(rows)))
    if n < 2 or any(len(r) != n for r in rows):
        raise ValueError("every unit needs the labels of the same number (at least 2) of coders")
    totals: dict[str, int] = {}
    same = 0
    for row, w in rows.items():
        for k in set(row):
            c = row.count(k)
            totals[k] = totals.get(k, 0) + w * c
            same += w * c * (c - 1)
    # P̄ = same / (N n (n−1)) and P̄_e = Σ t² / (N n)², over the common denominator
    # (N n)² (n−1)
    scale = big_n * n * (n - 1)
    return _chance_corrected(same * big_n * n, sum(t * t for t in totals.values()) * (n - 1),
                             scale * big_n * n)


def krippendorff_alpha_nominal(data: Sequence[Sequence[str | None]]) -> float:
    """Krippendorff's α (nominal): ``data[coder][unit]``, ``None`` for a missing value."""
    if not data or not data[0]:
        raise ValueError("no units")
    if any(len(row) != len(data[0]) for row in data):
        raise ValueError("every coder needs one entry (or None) per unit")
    return krippendorff_alpha_counts(Counter(zip(*data, strict=True)))


def krippendorff_alpha_counts(units: Mapping[tuple, int]) -> float:
    """Krippendorff's α (nominal) from how many units got each tuple of the coders' values
    (``None``: missing)."""
    pairable: dict[str, int] = {}
    within: dict[int, int] = {}  # m_u → Σ over its units of m_u² − Σ_k n_uk²
    for values, w in units.items():
        present = [v for v in values if v is not None]
        m_u = len(present)
        if m_u < 2 or not w:
            continue
        squares = 0
        for k in set(present):
            c = present.count(k)
            pairable[k] = pairable.get(k, 0) + w * c
            squares += c * c
        within[m_u] = within.get(m_u, 0) + w * (m_u * m_u - squares)
    n = sum(pairable.values())
    if n == 0:
        raise ValueError("no unit has values from two or more coders")
    expected = n * n - sum(c * c for c in pairable.values())
    if expected == 0:
        return 1.0
    d = sum((Fraction(d, m_u - 1) for m_u, d in within.items()), Fraction(0))
    # 1 − (n − 1) D / expected, as one ratio of integers rounded once
    whole = d.denominator * expected
    return (whole - (n - 1) * d.numerator) / whole


# --- span precision / recall / F1 ---------------------------------------------------------

def _prf(tp: int, fp: int, fn: int) -> dict:
    """Counts and ratios; an empty denominator gives 1.0 if both sides are empty, else 0.0."""
    both_empty = tp + fp + fn == 0
    precision = tp / (tp + fp) if tp + fp else float(both_empty)
    recall = tp / (tp + fn) if tp + fn else float(both_empty)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def _exact_tp(ref: Sequence[Annotation], cand: Sequence[Annotation]) -> int:
    """Matches of identical (doc, start, end[, tag]) keys, one-to-one (multisets)."""
    rc = Counter((a.doc_id, a.start, a.end, a.tag) for a in ref)
    cc = Counter((a.doc_id, a.start, a.end, a.tag) for a in cand)
    return sum(min(c, cc[k]) for k, c in rc.items())


def _overlap_pairs(ref: Sequence[Annotation], cand: Sequence[Annotation]) -> list[tuple]:
    """All (reference, candidate) index pairs sharing at least one character, with a sort key:
    larger overlap first, then reference and candidate position, then tags."""
    order = sorted(range(len(cand)), key=lambda k: (cand[k].start, cand[k].end))
    starts = [cand[k].start for k in order]
    longest = max((c.end - c.start for c in cand), default=0)
    pairs = []
    for i, r in enumerate(ref):
        lo = bisect.bisect_left(starts, r.start - longest)
        for k in order[lo:bisect.bisect_left(starts, r.end)]:
            c = cand[k]
            shared = min(r.end, c.end) - max(r.start, c.start)
            if shared > 0:
                pairs.append(((-shared, r.start, r.end, c.start, c.end, r.tag, c.tag, i, k), i, k))
    return sorted(pairs)


def _overlap_tp(ref: Sequence[Annotation], cand: Sequence[Annotation]) -> int:
    """Greedy one-to-one matching by largest overlap (see :func:`span_f1`)."""
    used_r: set[int] = set()
    used_c: set[int] = set()
    for _key, i, k in _overlap_pairs(ref, cand):
        if i not in used_r and k not in used_c:
            used_r.add(i)
            used_c.add(k)
    return len(used_r)


def _grouped(spans: Iterable[Annotation], by_tag: bool) -> dict[tuple, list[Annotation]]:
    out: dict[tuple, list[Annotation]] = defaultdict(list)
    for a in spans:
        out[(a.doc_id, a.tag if by_tag else "")].append(a if by_tag else a._replace(tag=""))
    return out


def _tp(ref: Sequence[Annotation], cand: Sequence[Annotation], match: str, by_tag: bool) -> int:
    if match not in ("exact", "overlap"):
        raise ValueError(f"match must be 'exact' or 'overlap', not {match!r}")
    rg, cg = _grouped(ref, by_tag), _grouped(cand, by_tag)
    count = _exact_tp if match == "exact" else _overlap_tp
    return sum(count(spans, cg.get(key, [])) for key, spans in rg.items())


def span_f1(reference: Sequence[Annotation], candidate: Sequence[Annotation],
            match: str = "exact", by_tag: bool = True) -> dict:
    """Span-level precision/recall/F1 of ``candidate`` against ``reference``.

    A candidate span matches a reference span of the same document (and, with ``by_tag``, the
    same tag) — ``match="exact"``: same start and end; ``match="overlap"``: at least one shared
    character. Matching is one-to-one: each reference and each candidate span is used at most
    once; for "overlap" the pairs are taken greedily by decreasing number of shared characters
    (ties: reference start, end, candidate start, end, tags, input order). ``tp`` = matched
    pairs, ``fp`` = unmatched candidates, ``fn`` = unmatched references; P = tp/(tp+fp),
    R = tp/(tp+fn), F1 = 2PR/(P+R). Empty denominators: 1.0 if both lists are empty, else 0.0.
    With ``by_tag`` the result also has ``per_tag``: the same dict for each tag.
    """
    tp = _tp(reference, candidate, match, by_tag)
    out = _prf(tp, len(candidate) - tp, len(reference) - tp)
    if by_tag:
        out["per_tag"] = {
            tag: span_f1([a for a in reference if a.tag == tag],
                         [a for a in candidate if a.tag == tag], match, by_tag=False)
            for tag in sorted({a.tag for a in (*reference, *candidate)})}
    return out


# --- report -------------------------------------------------------------------------------

Doc = tuple[str, Sequence[Annotation]]


def _safe(fn: Callable[[], float]) -> float | None:
    try:
        return fn()
    except ValueError:
        return None


def _coefficients(counts: Counter[tuple[str, ...]], coders: int) -> dict:
    return {
        "n_units": sum(counts.values()),
        "cohen_kappa": _safe(lambda: cohen_kappa_counts(counts)) if coders == 2 else None,
        "fleiss_kappa": _safe(lambda: fleiss_kappa_counts(counts)),
        "krippendorff_alpha": _safe(lambda: krippendorff_alpha_counts(counts)),
    }


def _unitizing(tally: Tally, only: str | None, many_docs: bool) -> float:
    """uα of one category, or pooled over the categories used (1.0 if none)."""
    cats = [only] if only is not None else sorted(tally.cats)
    if not cats:
        return 1.0
    every = Lengths(Counter(tally.lengths)) if many_docs else None
    terms = [tally.tally(c).terms(tally.m, every) for c in cats]
    return pooled_alpha(sum(tally.lengths), tally.m, terms)


def _f1(tally: Tally, match: int, only: str | None) -> float:
    """Mean over annotator pairs of the F1 of the match counts summed over documents (and
    categories); ``match`` 0: exact, 1: overlap."""
    cats = [tally.tally(only)] if only is not None else list(tally.cats.values())
    scores = []
    for p, (a, b) in enumerate(tally.pairs):
        counts = [c.pair_counts(p, a, b) for c in cats]
        tp = sum(c[match] for c in counts)
        ref, cand = sum(c[2] for c in counts), sum(c[3] for c in counts)
        scores.append(_prf(tp, cand - tp, ref - tp)["f1"])
    return sum(scores) / len(scores)


def _row(scope: str, by: str, tally: Tally, only: str | None, many_docs: bool) -> dict:
    """One report row; a scope where none of the annotators has a span has no figures
    (None), not the 1.0 that all-uncoded labels would give."""
    if not tally.n_spans:
        return {"scope": scope, "by": by, "n_units": tally.units,
                **dict.fromkeys(FIGURES), "notes": NOTES + NO_SPANS_NOTE}
    row = {"scope": scope, "by": by, **_coefficients(tally.counts(only), tally.m)}
    row["unitizing_alpha"] = _safe(lambda: _unitizing(tally, only, many_docs))
    row["f1_exact"] = _f1(tally, 0, only)
    row["f1_overlap"] = _f1(tally, 1, only)
    row["notes"] = NOTES + (BINARY_NOTE if only is not None else "")
    return row


def agreement_rows(docs: Iterable[DocSpans], annotators: Sequence[str], by: str = "overall",
                   label: str = "tag", total: int = 0,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> list[dict]:
    """The rows of :func:`agreement_report` from documents streamed past once (a generator
    is fine). ``progress(done, total)`` is called every 100 documents; ``cancelled()`` is
    asked as often, and :class:`Cancelled` raised when it says so."""
    if by not in BYS:
        raise ValueError(f"by must be one of {BYS}, not {by!r}")
    if len(annotators) < 2 or len(set(annotators)) != len(annotators):
        raise ValueError(TOO_FEW)
    binary = by in ("tag", "group")
    label = by if binary else label
    rows, tally = [], Tally(annotators, label, binary)
    for n, doc in enumerate(docs):
        if n % 100 == 0:
            if cancelled is not None and cancelled():
                raise Cancelled("agreement cancelled")
            if progress is not None:
                progress(n, total)
        if by == "doc":
            rows.append(_row(doc.scope, by, Tally(annotators, label).add(doc), None, False))
        else:
            tally.add(doc)
    if by == "overall":
        rows = [_row("overall", by, tally, None, True)]
    elif binary:
        rows = [_row(c, by, tally, c, True) for c in sorted(tally.cats)]
    return rows


def agreement_report(docs: Sequence[Doc], annotators: Sequence[str], by: str = "overall",
                     unit: str = "char", skip_space_punct: bool = False,
                     label: str = "tag") -> list[dict]:
    """Agreement of ``annotators`` (at least two) over ``docs`` — ``(text, annotations)`` pairs;
    annotations of other annotators are ignored. One row per scope:

    * ``by="tag"``/``"group"``: one row per tag/group occurring in the data, binary labels
      (this category vs not) over the characters of all documents;
    * ``by="doc"``: one row per document (scope: its annotations' ``doc_id``, else ``"#i"``),
      ``by="overall"``: one row for all documents; both with one label per character (tag ids,
      or groups with ``label="group"``).

    Each row: ``scope``, ``by``, ``n_units``, ``cohen_kappa`` (None unless exactly two
    annotators), ``fleiss_kappa``, ``krippendorff_alpha``, ``unitizing_alpha`` (documents
    concatenated into one continuum, gaps cut at document boundaries; pooled over categories
    for doc/overall rows), ``f1_exact``, ``f1_overlap`` (same-category spans; counts summed
    over documents, mean over annotator pairs) and ``notes``. Undefined values are None.

    The labels are counted run by run (:mod:`annotator.review.corpus`), not per character;
    the result is what :func:`char_labels` and the coefficients above give. Spans outside
    their text raise ValueError.
    """
    if unit != "char":
        raise ValueError(f"unit must be 'char', not {unit!r}")
    spans = [DocSpans(_doc_id(d, i), len(d[0]), d[0] if skip_space_punct else None,
                      [(a.start, a.end, a.tag, a.annotator) for a in d[1]])
             for i, d in enumerate(docs)]
    return agreement_rows(spans, annotators, by, label)


def _doc_id(doc: Doc, index: int) -> str:
    return doc[1][0].doc_id if doc[1] else f"#{index}"
