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
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from itertools import combinations

from annotator.core.annotation import Annotation
from annotator.review.unitizing import unitizing_alpha, unitizing_alpha_pooled
from annotator.review.units import (
    UNCODED,
    binary_char_labels,
    categories,
    category_intervals,
    category_of,
    char_labels,
)

__all__ = [
    "UNCODED", "agreement_report", "char_labels", "cohen_kappa", "fleiss_kappa",
    "krippendorff_alpha_nominal", "span_f1", "unitizing_alpha", "unitizing_alpha_pooled",
]

NOTES = ("units: characters; uncoded characters count as the category '∅' (agreeing on "
         "uncoded text counts as agreement)")
BINARY_NOTE = "; labels are binary: this category vs everything else (∅)"
BYS = ("tag", "group", "doc", "overall")


def _chance_corrected(observed: Fraction, expected: Fraction) -> float:
    """``(observed − expected) / (1 − expected)`` for agreements; 1.0 when ``expected`` is 1."""
    if expected == 1:
        return 1.0
    return float((observed - expected) / (1 - expected))


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's κ of two coders' labels of the same units (equal lengths, at least one unit)."""
    if len(a) != len(b):
        raise ValueError("the two coders labelled different numbers of units")
    if not a:
        raise ValueError("no units")
    n = len(a)
    ca, cb = Counter(a), Counter(b)
    p_o = Fraction(sum(x == y for x, y in zip(a, b, strict=True)), n)
    p_e = Fraction(sum(ca[k] * cb[k] for k in ca), n * n)
    return _chance_corrected(p_o, p_e)


def fleiss_kappa(rows: Sequence[Sequence[str]]) -> float:
    """Fleiss' κ: ``rows[u]`` are all coders' labels of unit ``u`` (same number, ≥ 2, per row)."""
    if not rows:
        raise ValueError("no units")
    n = len(rows[0])
    if n < 2 or any(len(r) != n for r in rows):
        raise ValueError("every unit needs the labels of the same number (at least 2) of coders")
    big_n = len(rows)
    totals: Counter[str] = Counter()
    same = 0
    for row in rows:
        counts = Counter(row)
        totals.update(counts)
        same += sum(c * (c - 1) for c in counts.values())
    p_bar = Fraction(same, big_n * n * (n - 1))
    p_e = Fraction(sum(t * t for t in totals.values()), (big_n * n) ** 2)
    return _chance_corrected(p_bar, p_e)


def krippendorff_alpha_nominal(data: Sequence[Sequence[str | None]]) -> float:
    """Krippendorff's α (nominal): ``data[coder][unit]``, ``None`` for a missing value."""
    if not data or not data[0]:
        raise ValueError("no units")
    if any(len(row) != len(data[0]) for row in data):
        raise ValueError("every coder needs one entry (or None) per unit")
    pairable: Counter[str] = Counter()
    within = Fraction(0)
    for values in zip(*data, strict=True):
        counts = Counter(v for v in values if v is not None)
        m_u = sum(counts.values())
        if m_u < 2:
            continue
        pairable.update(counts)
        within += Fraction(m_u * m_u - sum(c * c for c in counts.values()), m_u - 1)
    n = sum(pairable.values())
    if n == 0:
        raise ValueError("no unit has values from two or more coders")
    expected = n * n - sum(c * c for c in pairable.values())
    if expected == 0:
        return 1.0
    return float(1 - (n - 1) * within / expected)


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


def _coefficients(labels: Mapping[str, list[str]], annotators: Sequence[str]) -> dict:
    columns = [labels[a] for a in annotators]
    rows = [list(r) for r in zip(*columns, strict=True)]
    return {
        "n_units": len(rows),
        "cohen_kappa": _safe(lambda: cohen_kappa(*columns)) if len(columns) == 2 else None,
        "fleiss_kappa": _safe(lambda: fleiss_kappa(rows)),
        "krippendorff_alpha": _safe(lambda: krippendorff_alpha_nominal(columns)),
    }


def _pairwise_f1(spans: Sequence[Mapping[str, list[Annotation]]], annotators: Sequence[str],
                 match: str, label: str) -> float:
    """Mean over annotator pairs of the F1 of counts summed over documents (micro-average);
    spans match when their categories (tags, or groups for ``label="group"``) are equal."""
    scores = []
    for a, b in combinations(annotators, 2):
        tp = fp = fn = 0
        for doc in spans:
            ref = [s._replace(tag=category_of(s.tag, label)) for s in doc.get(a, [])]
            cand = [s._replace(tag=category_of(s.tag, label)) for s in doc.get(b, [])]
            t = _tp(ref, cand, match, True)
            tp, fp, fn = tp + t, fp + len(cand) - t, fn + len(ref) - t
        scores.append(_prf(tp, fp, fn)["f1"])
    return sum(scores) / len(scores)


def _split(docs: Sequence[Doc], annotators: Sequence[str], label: str,
           only: str | None) -> list[dict[str, list[Annotation]]]:
    """Per document: annotator → their spans (only those of category ``only`` if given)."""
    out = []
    for _text, anns in docs:
        by: dict[str, list[Annotation]] = {a: [] for a in annotators}
        for a in anns:
            if a.annotator in by and only in (None, category_of(a.tag, label)):
                by[a.annotator].append(a)
        out.append(by)
    return out


def _row(scope: str, by: str, docs: Sequence[Doc], annotators: Sequence[str], label: str,
         skip: bool, only: str | None) -> dict:
    spans = _split(docs, annotators, label, only)
    labels: dict[str, list[str]] = {a: [] for a in annotators}
    for (text, _anns), doc in zip(docs, spans, strict=True):
        if only is None:
            part, _ = char_labels(text, doc, annotators, "char", skip, label)
        else:
            part, _ = binary_char_labels(text, doc, annotators, only, label, skip)
        for a in annotators:
            labels[a] += part[a]
    row = {"scope": scope, "by": by, **_coefficients(labels, annotators)}
    row["unitizing_alpha"] = _safe(lambda: _unitizing(docs, spans, annotators, label, only))
    row["f1_exact"] = _pairwise_f1(spans, annotators, "exact", label)
    row["f1_overlap"] = _pairwise_f1(spans, annotators, "overlap", label)
    row["notes"] = NOTES + (BINARY_NOTE if only is not None else "")
    return row


def _unitizing(docs: Sequence[Doc], spans: Sequence[Mapping[str, list[Annotation]]],
               annotators: Sequence[str], label: str, only: str | None) -> float:
    """uα on the documents laid end to end; gaps are cut at document boundaries. One
    category: uα of it; all categories (``only=None``): the pooled uα over the categories."""
    offsets = [0]
    for text, _anns in docs:
        offsets.append(offsets[-1] + len(text))
    cats = [only] if only is not None else categories(
        (a for doc in spans for group in doc.values() for a in group), label)
    by_cat = {c: {a: [(o + s, o + e) for o, doc in zip(offsets, spans, strict=False)
                      for s, e in category_intervals(doc[a], c, label)] for a in annotators}
              for c in cats}
    if not by_cat:
        return 1.0
    return unitizing_alpha_pooled(offsets[-1], by_cat, offsets[1:-1])


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
    """
    if by not in BYS:
        raise ValueError(f"by must be one of {BYS}, not {by!r}")
    if len(annotators) < 2 or len(set(annotators)) != len(annotators):
        raise ValueError("agreement needs at least two distinct annotators")
    if unit != "char":
        raise ValueError(f"unit must be 'char', not {unit!r}")
    if by == "overall":
        return [_row("overall", by, docs, annotators, label, skip_space_punct, None)]
    if by == "doc":
        return [_row(_doc_id(d, i), by, [d], annotators, label, skip_space_punct, None)
                for i, d in enumerate(docs)]
    wanted = set(annotators)
    cats = categories((a for _t, anns in docs for a in anns if a.annotator in wanted), by)
    return [_row(c, by, docs, annotators, by, skip_space_punct, c) for c in cats]


def _doc_id(doc: Doc, index: int) -> str:
    return doc[1][0].doc_id if doc[1] else f"#{index}"
