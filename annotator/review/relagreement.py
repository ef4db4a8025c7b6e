"""Relation agreement: precision, recall and F1 of relations per relation type, with the
endpoints matched exactly or by overlap. Definitions: ``docs/agreement.md`` §6.

A relation is compared as a :class:`RelItem`: its document, its type, the bounds of its two
endpoint spans and its annotator (span ids differ between annotators, so relations are
compared by where their ends lie, never by ids). A candidate relation *can match* a
reference relation when

* both are in the same document and have the same type, and
* their endpoints match: ``match="exact"``: the source spans have the same start and end,
  and so do the target spans; ``match="overlap"``: the source spans share at least one code
  point, and so do the target spans. For an undirected type the ends may also match crossed
  (source with target, target with source).

Endpoint tags are not compared (a tag disagreement already shows in the span figures).
Matching is one-to-one, greedy: the pairs that can match are taken by decreasing number of
code points shared by the two pairs of endpoints (for an undirected type, the better of the
two orientations), ties by the reference's then the candidate's bounds, then input order.
Pure Python (stdlib only).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from itertools import combinations
from typing import NamedTuple

from annotator.core.annotation import Annotation
from annotator.core.relations import Relation

MATCHES = ("exact", "overlap")
Bounds = tuple[int, int]


class RelItem(NamedTuple):
    """A relation as agreement reads it."""

    doc_id: str
    type: str
    source: Bounds  # (start, end) of the source span
    target: Bounds
    annotator: str


def items(relations: Iterable[Relation], spans_by_id: Mapping[str, Annotation],
          layer: Mapping[str, str] | None = None) -> list[RelItem]:
    """``relations`` with their ends' bounds; ``layer`` renames an annotator per relation id
    (the gold layer); relations with an end missing from ``spans_by_id`` are left out."""
    out = []
    for r in relations:
        s, t = spans_by_id.get(r.source), spans_by_id.get(r.target)
        if s is None or t is None:
            continue
        who = layer.get(r.id, r.annotator) if layer else r.annotator
        out.append(RelItem(r.doc_id, r.type, (s.start, s.end), (t.start, t.end), who))
    return out


def _shared(a: Bounds, b: Bounds) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _ends_score(r: RelItem, c: RelItem, match: str, undirected: bool) -> int | None:
    """Code points the two pairs of ends share when they match (best orientation), else
    None."""
    orientations = [(c.source, c.target)] + ([(c.target, c.source)] if undirected else [])
    best = None
    for cs, ct in orientations:
        if match == "exact":
            ok = cs == r.source and ct == r.target
        else:
            ok = _shared(cs, r.source) > 0 and _shared(ct, r.target) > 0
        if ok:
            score = _shared(cs, r.source) + _shared(ct, r.target)
            best = score if best is None else max(best, score)
    return best


def _near(ref: list[RelItem], cand: list[RelItem], match: str, undirected: bool
          ) -> list[set[int]]:
    """For each reference relation, the candidates whose end could meet its source (same
    bounds, or overlapping): found through an index, not by trying every pair."""
    ends = sorted((e[0], e[1], k) for k, c in enumerate(cand)
                  for e in ((c.source, c.target) if undirected else (c.source,)))
    if match == "exact":
        by_bounds: dict[Bounds, set[int]] = defaultdict(set)
        for s, e, k in ends:
            by_bounds[s, e].add(k)
        return [by_bounds.get(r.source, set()) for r in ref]
    starts = [s for s, _, _ in ends]
    longest = max((e - s for s, e, _ in ends), default=0)
    out = []
    for r in ref:
        lo = bisect.bisect_left(starts, r.source[0] - longest)
        hi = bisect.bisect_left(starts, r.source[1])
        out.append({k for _, e, k in ends[lo:hi] if e > r.source[0]})
    return out


def _group_tp(ref: list[RelItem], cand: list[RelItem], match: str, undirected: bool) -> int:
    """One-to-one greedy matches among relations of one document and type."""
    pairs = []
    for i, (r, near) in enumerate(zip(ref, _near(ref, cand, match, undirected), strict=True)):
        for k in near:
            c = cand[k]
            score = _ends_score(r, c, match, undirected)
            if score is not None:
                pairs.append((-score, r.source, r.target, c.source, c.target, i, k))
    used_r: set[int] = set()
    used_c: set[int] = set()
    for *_key, i, k in sorted(pairs):
        if i not in used_r and k not in used_c:
            used_r.add(i)
            used_c.add(k)
    return len(used_r)


def _by_group(rels: Iterable[RelItem]) -> dict[tuple[str, str], list[RelItem]]:
    out: dict[tuple[str, str], list[RelItem]] = defaultdict(list)
    for r in rels:
        out[r.doc_id, r.type].append(r)
    return out


def matched(reference: Sequence[RelItem], candidate: Sequence[RelItem], match: str = "exact",
            undirected: Container[str] = ()) -> int:
    """How many ``candidate`` relations match ``reference`` ones, one-to-one."""
    if match not in MATCHES:
        raise ValueError(f"match must be 'exact' or 'overlap', not {match!r}")
    cg = _by_group(candidate)
    return sum(_group_tp(rels, cg.get(key, []), match, key[1] in undirected)
               for key, rels in _by_group(reference).items())


def prf(tp: int, n_ref: int, n_cand: int) -> dict:
    """Counts and ratios as in :func:`annotator.review.agreement.span_f1` (an empty
    denominator gives 1.0 when both sides are empty, else 0.0)."""
    fp, fn = n_cand - tp, n_ref - tp
    both_empty = tp + fp + fn == 0
    precision = tp / (tp + fp) if tp + fp else float(both_empty)
    recall = tp / (tp + fn) if tp + fn else float(both_empty)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def relation_f1(reference: Sequence[RelItem], candidate: Sequence[RelItem],
                match: str = "exact", undirected: Container[str] = ()) -> dict:
    """Precision/recall/F1 of ``candidate`` against ``reference`` (all types together: a
    match still needs the same type), with ``per_type``: the same for each type present.
    ``undirected``: the ids of the undirected relation types."""
    out = prf(matched(reference, candidate, match, undirected), len(reference), len(candidate))
    out["per_type"] = {
        t: prf(matched(ref, cand, match, undirected), len(ref), len(cand))
        for t in sorted({r.type for r in (*reference, *candidate)})
        for ref, cand in [([r for r in reference if r.type == t],
                           [c for c in candidate if c.type == t])]}
    return out


# --- the report's rows --------------------------------------------------------------------

class RelationTally:
    """Match counts per relation type and annotator pair, summed over documents."""

    def __init__(self, annotators: Sequence[str], undirected: Container[str] = ()):
        self.annotators = list(annotators)
        self.undirected = undirected
        self.pairs = list(combinations(self.annotators, 2))
        self.count: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        # type -> pair -> [exact, overlap]
        self.tp: dict[str, dict[tuple[str, str], list[int]]] = defaultdict(
            lambda: defaultdict(lambda: [0, 0]))

    def add(self, rels: Iterable[RelItem]) -> RelationTally:
        """One document's relations (of any annotator; others are ignored)."""
        mine: dict[tuple[str, str], list[RelItem]] = defaultdict(list)
        for r in rels:
            if r.annotator in self.annotators:
                mine[r.type, r.annotator].append(r)
                self.count[r.type][r.annotator] += 1
        for rtype in {t for t, _ in mine}:
            for a, b in self.pairs:
                ra, rb = mine.get((rtype, a), []), mine.get((rtype, b), [])
                if ra and rb:
                    tp = self.tp[rtype][a, b]
                    tp[0] += matched(ra, rb, "exact", self.undirected)
                    tp[1] += matched(ra, rb, "overlap", self.undirected)
        return self

    def _f1(self, types: list[str], k: int) -> float:
        """Mean over annotator pairs of the F1 of the counts summed over ``types``."""
        scores = []
        for a, b in self.pairs:
            tp = sum(self.tp[t][a, b][k] for t in types if (a, b) in self.tp.get(t, {}))
            n_a = sum(self.count[t].get(a, 0) for t in types)
            n_b = sum(self.count[t].get(b, 0) for t in types)
            scores.append(prf(tp, n_a, n_b)["f1"])
        return sum(scores) / len(scores)

    def row(self, scope: str, types: list[str]) -> dict:
        counts = {a: sum(self.count[t].get(a, 0) for t in types) for a in self.annotators}
        none = not any(counts.values())
        return {"scope": scope, "by": "relation_type" if scope != "overall" else "overall",
                "n_relations": sum(counts.values()), "relations": counts,
                "f1_exact": None if none else self._f1(types, 0),
                "f1_overlap": None if none else self._f1(types, 1)}

    def rows(self) -> list[dict]:
        """One row per relation type used, then one over all types."""
        types = sorted(self.count)
        return [*(self.row(t, [t]) for t in types), self.row("overall", types)]
