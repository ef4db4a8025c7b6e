"""Inter-annotator agreement (annotator.review.agreement / units / unitizing).

Coefficients are checked against independent references to 1e-9: scikit-learn (Cohen's κ),
NLTK's AnnotationTask (Cohen's κ = ``kappa()``; Fleiss' κ = ``pi()``, the multi-coder Scott's π;
``multi_kappa()`` is Davies & Fleiss 1982, which is *not* Fleiss' κ for more than two coders)
and the ``krippendorff`` package (α, nominal, with missing values). Unitizing αu is checked
against the worked example of Krippendorff (2004) and a brute-force implementation.
"""

from __future__ import annotations

import itertools
import math
import random
import warnings
from fractions import Fraction
from pathlib import Path

import pytest

from annotator.core.annotation import Annotation
from annotator.review.agreement import (
    UNCODED,
    agreement_report,
    char_labels,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    span_f1,
)
from annotator.review.unitizing import (
    delta2,
    disagreements,
    sections,
    unitizing_alpha,
    unitizing_alpha_pooled,
)
from annotator.review.units import binary_char_labels, category_intervals, merge_intervals

TOL = 1e-9
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TAGS = ["actor.state", "actor.igo", "mechanism.meeting", "mechanism.legal", "threat.terrorism"]


def ann(start, end, tag="actor.state", annotator="a", doc="d1", id_=None):
    return Annotation(id_ or f"{annotator}-{start}-{end}-{tag}", doc, start, end, tag, annotator)


def random_labels(rng, coders, units, cats, missing=0.0):
    values = [f"c{k}" for k in range(cats)]
    return [[None if rng.random() < missing else rng.choice(values) for _ in range(units)]
            for _ in range(coders)]


def random_cases(seed=1234):
    """(coders, units, categories) combinations: 2–4 coders, 2–5 categories, several sizes."""
    rng = random.Random(seed)
    for coders, cats, units in itertools.product((2, 3, 4), (2, 3, 5), (1, 7, 60, 400)):
        yield rng, coders, units, cats


def seed_text(length=400):
    text = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    return text[:length]


def random_spans(rng, text, annotator, count, doc="d1"):
    out = []
    for _ in range(count):
        start = rng.randrange(len(text) - 1)
        end = min(len(text), start + rng.randint(1, 12))
        out.append(ann(start, end, rng.choice(TAGS), annotator, doc, f"{annotator}{len(out)}"))
    return out


def realistic_labels(seed, coders, label="tag", skip=False):
    rng = random.Random(seed)
    text = seed_text()
    names = [f"coder{k}" for k in range(coders)]
    # a shared "true" annotation each coder copies with noise: realistic agreement levels
    truth = random_spans(rng, text, "truth", 25)
    spans = {}
    for name in names:
        mine = [a._replace(annotator=name, id=f"{name}{k}") for k, a in enumerate(truth)
                if rng.random() < 0.8]
        spans[name] = mine + random_spans(rng, text, name, 5)
    return char_labels(text, spans, names, skip_space_punct=skip, label=label)


def as_ints(data):
    index = {v: k for k, v in enumerate(sorted({v for row in data for v in row if v}))}
    return [[math.nan if v is None else index[v] for v in row] for row in data]


def nltk_task(data):
    agreement = pytest.importorskip("nltk.metrics.agreement")
    triples = [(f"c{i}", str(u), v) for i, row in enumerate(data) for u, v in enumerate(row)]
    return agreement.AnnotationTask(data=triples)


# --- character units ----------------------------------------------------------------------

def test_char_labels_uncoded_and_innermost_overlap():
    text = "上合组织成员国，反恐合作。"
    spans = {"a": [ann(0, 7, "actor.igo"), ann(0, 2, "actor.state"), ann(8, 12, "mechanism.meeting")],
             "b": [ann(0, 4, "actor.igo", "b")]}
    labels, positions = char_labels(text, spans, ["a", "b", "c"])
    assert positions == list(range(len(text)))
    assert labels["a"][:8] == ["actor.state"] * 2 + ["actor.igo"] * 5 + [UNCODED]
    assert labels["a"][8:] == ["mechanism.meeting"] * 4 + [UNCODED]
    assert labels["b"] == ["actor.igo"] * 4 + [UNCODED] * 9
    assert labels["c"] == [UNCODED] * len(text)  # an annotator without spans: all uncoded
    grouped, _ = char_labels(text, spans, ["a"], label="group")
    assert grouped["a"][:8] == ["actor"] * 7 + [UNCODED]
    outer, _ = char_labels(text, spans, ["a"], overlap="outermost")
    assert outer["a"][:2] == ["actor.igo"] * 2


def test_char_labels_ties_are_independent_of_input_order():
    text = "abcdefgh"
    spans = [ann(2, 5, "threat.drugs"), ann(1, 4, "actor.state"), ann(2, 5, "actor.igo")]
    for perm in itertools.permutations(spans):
        labels, _ = char_labels(text, {"a": list(perm)}, ["a"])
        # equal lengths: the smaller start (1) wins [1, 4); then [4, 5): smaller tag id
        assert labels["a"] == [UNCODED] + ["actor.state"] * 3 + ["actor.igo"] + [UNCODED] * 3


def test_char_labels_skip_space_and_punctuation():
    text = "中国 与\u3000俄罗斯，“合作”。\nA"
    labels, positions = char_labels(text, {"a": [ann(0, len(text), "actor.state")]}, ["a"],
                                    skip_space_punct=True)
    assert "".join(text[i] for i in positions) == "中国与俄罗斯合作A"
    assert labels["a"] == ["actor.state"] * len(positions)


def test_char_labels_rejects_bad_input():
    with pytest.raises(ValueError):
        char_labels("abc", {"a": [ann(1, 4)]}, ["a"])
    for kwargs in ({"unit": "token"}, {"label": "kind"}, {"overlap": "first"}):
        with pytest.raises(ValueError):
            char_labels("abc", {}, ["a"], **kwargs)


def test_binary_labels_and_category_intervals():
    spans = {"a": [ann(0, 3, "actor.igo"), ann(2, 5, "actor.state"), ann(5, 6, "actor.state"),
                   ann(1, 2, "threat.drugs")]}
    labels, _ = binary_char_labels("abcdefg", spans, ["a"], "actor", label="group")
    assert labels["a"] == ["actor"] * 6 + [UNCODED]
    assert category_intervals(spans["a"], "actor", "group") == [(0, 5), (5, 6)]
    assert merge_intervals([(3, 4), (0, 2), (1, 3), (5, 5)]) == [(0, 3), (3, 4)]


# --- Cohen's κ, Fleiss' κ, Krippendorff's α against references ----------------------------

def test_cohen_kappa_matches_sklearn_and_nltk():
    metrics = pytest.importorskip("sklearn.metrics")
    for rng, _coders, units, cats in random_cases():
        a, b = random_labels(rng, 2, units, cats)
        if len(set(a) | set(b)) == 1:
            continue  # sklearn gives nan there; see test_edge_cases_single_category
        ours = cohen_kappa(a, b)
        assert ours == pytest.approx(metrics.cohen_kappa_score(a, b), abs=TOL)
        task = nltk_task([a, b])
        assert ours == pytest.approx(task.kappa(), abs=TOL)
        assert ours == pytest.approx(task.multi_kappa(), abs=TOL)  # same for two coders


def test_fleiss_kappa_matches_nltk_multi_pi():
    pytest.importorskip("nltk.metrics.agreement")
    differs = False
    for rng, coders, units, cats in random_cases(99):
        data = random_labels(rng, coders, units, cats)
        if len({v for row in data for v in row}) == 1:
            continue
        ours = fleiss_kappa([list(r) for r in zip(*data, strict=True)])
        task = nltk_task(data)
        assert ours == pytest.approx(task.pi(), abs=TOL)
        differs |= coders > 2 and abs(ours - task.multi_kappa()) > 1e-6
    assert differs  # Davies–Fleiss multi_kappa is a different coefficient


def test_fleiss_kappa_published_example():
    """Fleiss (1971)-style worked example (Wikipedia, "Fleiss' kappa"): 10 subjects, 14 raters,
    5 categories; P̄ = 0.378, P̄_e = 0.213, κ = 0.210."""
    counts = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0],
              [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2],
              [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    rows = [[str(k) for k, c in enumerate(row) for _ in range(c)] for row in counts]
    p_bar = Fraction(sum(c * (c - 1) for row in counts for c in row), 10 * 14 * 13)
    p_e = sum(Fraction(sum(col), 140) ** 2 for col in zip(*counts, strict=True))
    assert fleiss_kappa(rows) == pytest.approx(float((p_bar - p_e) / (1 - p_e)), abs=TOL)
    assert fleiss_kappa(rows) == pytest.approx(0.210, abs=5e-4)


def test_krippendorff_alpha_matches_package_with_missing_values():
    krippendorff = pytest.importorskip("krippendorff")
    for rng, coders, units, cats in random_cases(7):
        for missing in (0.0, 0.3):
            data = random_labels(rng, coders, units, cats, missing)
            try:
                ours = krippendorff_alpha_nominal(data)
            except ValueError:
                continue  # no pairable unit
            pairable = {v for col in zip(*data, strict=True) if sum(x is not None for x in col) > 1
                        for v in col if v is not None}
            if len(pairable) < 2:
                assert ours == 1.0
                continue
            ref = krippendorff.alpha(reliability_data=as_ints(data),
                                     level_of_measurement="nominal")
            assert ours == pytest.approx(ref, abs=TOL)


def test_krippendorff_alpha_matches_nltk_on_complete_data():
    for rng, coders, units, cats in random_cases(3):
        data = random_labels(rng, coders, units, cats)
        if len({v for row in data for v in row}) > 1 and units > 1:
            assert krippendorff_alpha_nominal(data) == pytest.approx(nltk_task(data).alpha(),
                                                                     abs=TOL)


def test_krippendorff_alpha_published_example():
    """Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 coders, 12 units,
    missing values; nominal α = 0.743."""
    rows = ["1 2 3 3 2 1 4 1 2 . . .", "1 2 3 3 2 2 4 1 2 5 . 3",
            ". 3 3 3 2 3 4 2 2 5 1 .", "1 2 3 3 2 4 4 1 2 5 1 ."]
    data = [[None if v == "." else v for v in row.split()] for row in rows]
    assert krippendorff_alpha_nominal(data) == pytest.approx(0.743, abs=5e-4)


@pytest.mark.parametrize("coders", [2, 3, 4])
@pytest.mark.parametrize("skip", [False, True])
def test_coefficients_on_realistic_span_data(coders, skip):
    metrics = pytest.importorskip("sklearn.metrics")
    krippendorff = pytest.importorskip("krippendorff")
    for seed, label in ((coders, "tag"), (coders + 10, "group")):
        labels, positions = realistic_labels(seed, coders, label, skip)
        data = list(labels.values())
        assert all(len(row) == len(positions) for row in data)
        task = nltk_task(data)
        if coders == 2:
            assert cohen_kappa(*data) == pytest.approx(metrics.cohen_kappa_score(*data), abs=TOL)
        assert fleiss_kappa([list(r) for r in zip(*data, strict=True)]) == pytest.approx(
            task.pi(), abs=TOL)
        ref = krippendorff.alpha(reliability_data=as_ints(data), level_of_measurement="nominal")
        assert krippendorff_alpha_nominal(data) == pytest.approx(ref, abs=TOL)


def test_edge_cases_single_category_and_empty():
    same = ["∅"] * 5
    assert cohen_kappa(same, same) == 1.0
    assert fleiss_kappa([["x", "x", "x"]] * 4) == 1.0
    assert krippendorff_alpha_nominal([same, same, [None] * 5]) == 1.0
    assert cohen_kappa(["a", "b"], ["a", "b"]) == 1.0
    assert cohen_kappa(["a", "b"], ["b", "a"]) == -1.0
    with pytest.raises(ValueError):
        cohen_kappa([], [])
    with pytest.raises(ValueError):
        cohen_kappa(["a"], ["a", "b"])
    with pytest.raises(ValueError):
        fleiss_kappa([])
    with pytest.raises(ValueError):
        fleiss_kappa([["a", "b"], ["a"]])
    with pytest.raises(ValueError):
        fleiss_kappa([["a"], ["b"]])
    with pytest.raises(ValueError):
        krippendorff_alpha_nominal([[], []])
    with pytest.raises(ValueError):
        krippendorff_alpha_nominal([["a", None], [None, "b"]])  # nothing pairable
    metrics = pytest.importorskip("sklearn.metrics")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert math.isnan(metrics.cohen_kappa_score(same, same))  # where we define 1.0


# --- unitizing αu -------------------------------------------------------------------------

def krippendorff_2004_example():
    """Krippendorff (2004), Content Analysis, 2nd ed., pp. 254–256 (and DKPro Statistics'
    Krippendorff2004Test): continuum [150, 450), coders i and j; (begin, length) units
    c: i (225, 70) (370, 30); j (220, 80) (355, 20) (400, 20); k: both (180, 60) (300, 50).
    Shifted by −150 to start at 0 (αu depends only on relative positions)."""
    def units(*pairs):
        return [(b - 150, b - 150 + n) for b, n in pairs]
    c = {"i": units((225, 70), (370, 30)), "j": units((220, 80), (355, 20), (400, 20))}
    k = {"i": units((180, 60), (300, 50)), "j": units((180, 60), (300, 50))}
    return 300, c, k


def test_unitizing_alpha_krippendorff_2004_worked_example():
    """Hand arithmetic (L = 300, m = 2, N_c = 5):

    uD_o: δ² ≠ 0 only for i(225,70)~j(220,80): 5² + 5² = 50; i(370,30)~j(355,20):
    15² + 25² = 850; j's unit (400,20) inside i's gap [400,450): 20² = 400. Σ = 1300, both
    orders: 2600 / (2·1·300²) = 13/900 = 0.01444 (published 0.0144).

    uD_e: unit lengths 70, 30, 80, 20, 20; gaps 75, 75, 50 (i) and 70, 55, 25, 30 (j).
    Per unit (N_c−1)/3·(2l³−3l²+l) + l²·Σ_{gap≥l}(gap−l+1):
    70: 895160 + 4900·13 = 958860;  30: 68440 + 900·181 = 231340;  80: 1339840 + 0;
    20: 19760 + 400·247 = 118560 (twice). Σ = 2767160. Denominator mL(mL−1) − Σl(l−1) =
    359400 − 12780 = 346620. uD_e = (2/300)·2767160/346620 = 69179/1299825 = 0.05322
    (published 0.0532). uα_c = 1 − uD_o/uD_e = 201615/276716 = 0.72860 (published 0.7286).
    """
    length, c, k = krippendorff_2004_example()
    d_o, d_e = disagreements(length, c)
    assert d_o == Fraction(2600, 2 * 300**2) == Fraction(13, 900)
    assert d_e == Fraction(2 * 2767160, 300 * 346620) == Fraction(69179, 1299825)
    exact = 1 - Fraction(13, 900) / Fraction(69179, 1299825)
    assert exact == Fraction(201615, 276716)
    assert unitizing_alpha(length, c) == pytest.approx(float(exact), abs=TOL)
    assert unitizing_alpha(length, c) == pytest.approx(0.7286, abs=5e-5)  # as published
    assert float(d_o) == pytest.approx(0.0144, abs=5e-5)
    assert float(d_e) == pytest.approx(0.0532, abs=5e-5)
    # category k: identical units → uD_o = 0, uα = 1; uD_e = 0.0490 (DKPro Statistics)
    d_o, d_e = disagreements(length, k)
    assert d_o == 0 and float(d_e) == pytest.approx(0.0490, abs=5e-5)
    assert unitizing_alpha(length, k) == 1.0
    pooled = unitizing_alpha_pooled(length, {"c": c, "k": k})
    assert pooled == pytest.approx(0.8591, abs=5e-4)  # DKPro Statistics' overall value


def krippendorff_1995_example(stretch=1):
    """Krippendorff (1995: 57): four pairs of coders on a continuum of 24 (transcribed from
    DKPro Statistics' Krippendorff1995Test); units (begin, length)."""
    pairs = {
        "A": ([(2, 8), (14, 6)], [(4, 4), (15, 2)]),
        "B": ([(0, 18)], [(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1)]),
        "C": ([(2, 6), (10, 2), (14, 4), (20, 2)], [(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)]),
        "D": ([(0, 2), (2, 8), (10, 4), (14, 6), (20, 4)],
              [(0, 4), (4, 4), (8, 7), (15, 2), (17, 7)]),
    }
    return 24 * stretch, {
        cat: {name: [(b * stretch, (b + n) * stretch) for b, n in units]
              for name, units in zip(("x", "y"), both, strict=True)}
        for cat, both in pairs.items()}


def test_unitizing_krippendorff_1995_example():
    length, example = krippendorff_1995_example()
    published_d_o = {"A": 0.03125, "B": 2.26736, "C": 0.02777, "D": 0.38715}
    for cat, value in published_d_o.items():
        d_o, _ = disagreements(length, example[cat])
        assert float(d_o) == pytest.approx(value, abs=1e-5)
    # The 1995 paper treats the continuum as continuous; a fine grid approaches its values.
    length, example = krippendorff_1995_example(stretch=50000)
    assert unitizing_alpha(length, example["A"]) == pytest.approx(0.553, abs=5e-4)
    assert unitizing_alpha(length, example["D"]) == pytest.approx(0.066, abs=5e-4)


def brute_force_alpha(length, units_by_coder):
    """Straight from the definitions, no sweep, no suffix sums: every section of every coder
    against every section of every other coder; the gap sum as an explicit double loop."""
    parts = []
    for units in units_by_coder.values():
        covered = [False] * length
        for s, e in units:
            covered[s:e] = [True] * (e - s)
        runs, pos = [], 0
        for value, group in itertools.groupby(covered):  # (never touching units here)
            size = len(list(group))
            runs.append((pos, size, value))
            pos += size
        parts.append(runs)
    m = len(parts)

    def dist(g, h):
        (bg, lg, ug), (bh, lh, uh) = g, h
        if ug and uh and max(bg, bh) < min(bg + lg, bh + lh):
            return (bg - bh) ** 2 + ((bg + lg) - (bh + lh)) ** 2
        if ug and not uh and bh <= bg and bg + lg <= bh + lh:
            return lg**2
        if uh and not ug and bg <= bh and bh + lh <= bg + lg:
            return lh**2
        return 0

    observed = sum(dist(g, h) for i, j in itertools.permutations(range(m), 2)
                   for g in parts[i] for h in parts[j])
    units = [s for p in parts for s in p if s[2]]
    gaps = [s for p in parts for s in p if not s[2]]
    total = Fraction(0)
    for _b, lu, _u in units:
        total += Fraction(len(units) - 1, 3) * (2 * lu**3 - 3 * lu**2 + lu)
        for _gb, lg, _gu in gaps:
            if lg >= lu:
                total += lu * lu * (lg - lu + 1)
    d_o = Fraction(observed, m * (m - 1) * length**2)
    d_e = Fraction(2, length) * total / (m * length * (m * length - 1)
                                         - sum(lu * (lu - 1) for _b, lu, _u in units))
    return 1.0 if d_e == 0 else float(1 - d_o / d_e)


def test_unitizing_alpha_matches_brute_force():
    rng = random.Random(5)
    for _ in range(60):
        length = rng.randint(1, 60)
        coders = rng.randint(2, 4)
        by_coder = {}
        for c in range(coders):
            cuts = sorted(rng.sample(range(length + 1), k=min(length + 1, 2 * rng.randint(0, 4))))
            # alternate cut points as unit bounds; merge_intervals drops empty ones
            by_coder[f"c{c}"] = merge_intervals(zip(cuts[::2], cuts[1::2], strict=False))
        assert unitizing_alpha(length, by_coder) == pytest.approx(
            brute_force_alpha(length, by_coder), abs=TOL)


def test_unitizing_sections_delta_and_edges():
    assert sections(10, [(2, 4), (3, 5)], boundaries=[7]) == [
        (0, 2, False), (2, 3, True), (5, 2, False), (7, 3, False)]
    assert delta2((5, 6, True), (4, 2, True)) == 26  # Krippendorff (2004) distance examples
    assert delta2((5, 6, True), (7, 2, True)) == 8
    assert delta2((2, 3, False), (2, 2, True)) + delta2((5, 6, True), (4, 7, False)) == 40
    assert unitizing_alpha(10, {"a": [], "b": []}) == 1.0  # nobody coded the category
    assert unitizing_alpha(10, {"a": [(0, 10)], "b": [(0, 10)]}) == 1.0
    assert unitizing_alpha(1, {"a": [(0, 1)], "b": [(0, 1)]}) == 1.0  # uD_o = uD_e = 0
    for bad in ({"a": [(0, 3)]}, {"a": [(0, 11)], "b": []}, {"a": [(4, 8)], "b": []}):
        with pytest.raises(ValueError):
            unitizing_alpha(10, bad, boundaries=[5])
    with pytest.raises(ValueError):
        unitizing_alpha(0, {"a": [], "b": []})


def test_boundaries_change_only_expected_disagreement():
    by_coder = {"a": [(2, 4), (12, 15)], "b": [(2, 5), (13, 15)], "c": [(11, 16)]}
    free, cut = disagreements(20, by_coder), disagreements(20, by_coder, boundaries=[10])
    assert free[0] == cut[0] and free[1] != cut[1]


# --- span F1 ------------------------------------------------------------------------------

def test_span_f1_exact_hand_computed():
    ref = [ann(0, 4, "actor.state"), ann(5, 9, "actor.igo"), ann(10, 12, "threat.drugs")]
    cand = [ann(0, 4, "actor.state", "b"), ann(5, 9, "actor.state", "b"),
            ann(10, 13, "threat.drugs", "b"), ann(20, 22, "actor.igo", "b")]
    out = span_f1(ref, cand, "exact")
    assert (out["tp"], out["fp"], out["fn"]) == (1, 3, 2)
    assert out["precision"] == 0.25 and out["recall"] == pytest.approx(1 / 3, abs=TOL)
    assert out["f1"] == pytest.approx(2 * 0.25 * (1 / 3) / (0.25 + 1 / 3), abs=TOL)
    assert out["per_tag"]["actor.state"]["tp"] == 1 and out["per_tag"]["actor.state"]["fp"] == 1
    assert out["per_tag"]["actor.igo"]["f1"] == 0.0
    untagged = span_f1(ref, cand, "exact", by_tag=False)
    assert (untagged["tp"], untagged["fp"], untagged["fn"]) == (2, 2, 1)
    assert "per_tag" not in untagged


def test_span_f1_overlap_is_one_to_one_greedy_by_largest_overlap():
    ref = [ann(0, 10, "actor.state"), ann(12, 14, "actor.state")]
    cand = [ann(2, 4, "actor.state", "b"), ann(3, 13, "actor.state", "b"),
            ann(12, 14, "actor.igo", "b")]
    out = span_f1(ref, cand, "overlap")
    # pairs: r0~c1 shares 7, r0~c0 shares 2, r1~c1 shares 1 (c2 has another tag).
    # greedy: r0~c1; then r0 is used (c0 unmatched), r1~c1 impossible (c1 used).
    assert (out["tp"], out["fp"], out["fn"]) == (1, 2, 1)
    untagged = span_f1(ref, cand, "overlap", by_tag=False)
    assert (untagged["tp"], untagged["fp"], untagged["fn"]) == (2, 1, 0)  # r1~c2 (2 chars)


def test_span_f1_documents_and_empty_sets():
    ref = [ann(0, 4, doc="d1")]
    assert span_f1(ref, [ann(0, 4, annotator="b", doc="d2")])["tp"] == 0
    empty = span_f1([], [])
    assert (empty["precision"], empty["recall"], empty["f1"]) == (1.0, 1.0, 1.0)
    none_found = span_f1(ref, [])
    assert (none_found["precision"], none_found["recall"], none_found["f1"]) == (0.0, 0.0, 0.0)
    duplicates = span_f1(ref * 2, ref)
    assert (duplicates["tp"], duplicates["fn"]) == (1, 1)
    with pytest.raises(ValueError):
        span_f1(ref, ref, match="fuzzy")


# --- report -------------------------------------------------------------------------------

def report_docs():
    t1, t2 = "上合组织成员国开展联合反恐演习。", "中俄签署打击三股势力公约。"
    d1 = [ann(0, 4, "actor.igo", "a", "d1"), ann(9, 11, "threat.terrorism", "a", "d1"),
          ann(0, 4, "actor.igo", "b", "d1"), ann(8, 11, "threat.terrorism", "b", "d1"),
          ann(0, 7, "actor.igo", "c", "d1")]
    d2 = [ann(0, 2, "actor.state", "a", "d2"), ann(4, 6, "mechanism.legal", "a", "d2"),
          ann(0, 2, "actor.state", "b", "d2"), ann(10, 12, "mechanism.legal", "b", "d2"),
          ann(0, 1, "actor.state", "z", "d2")]
    return [(t1, d1), (t2, d2)]


def test_report_overall_two_annotators():
    docs = report_docs()
    (row,) = agreement_report(docs, ["a", "b"], by="overall")
    assert row["scope"] == "overall" and row["n_units"] == len(docs[0][0]) + len(docs[1][0])
    a = char_labels(docs[0][0], {"a": docs[0][1][:2]}, ["a"])[0]["a"] + \
        char_labels(docs[1][0], {"a": docs[1][1][:2]}, ["a"])[0]["a"]
    b = char_labels(docs[0][0], {"b": docs[0][1][2:4]}, ["b"])[0]["b"] + \
        char_labels(docs[1][0], {"b": docs[1][1][2:4]}, ["b"])[0]["b"]
    assert row["cohen_kappa"] == pytest.approx(cohen_kappa(a, b), abs=TOL)
    assert row["fleiss_kappa"] == pytest.approx(fleiss_kappa(list(map(list, zip(a, b, strict=True)))), abs=TOL)
    assert row["krippendorff_alpha"] == pytest.approx(krippendorff_alpha_nominal([a, b]), abs=TOL)
    # exact: a/b share actor.igo [0,4) and actor.state [0,2): tp 2, fp 2, fn 2 → F1 0.5;
    # overlap: the threat spans overlap too → tp 3 → F1 0.75
    assert row["f1_exact"] == pytest.approx(0.5, abs=TOL)
    assert row["f1_overlap"] == pytest.approx(0.75, abs=TOL)
    assert "∅" in row["notes"] and "category" in row["notes"]
    assert -1 <= row["unitizing_alpha"] <= 1


def test_report_by_tag_is_binary_and_unitizing_on_concatenation():
    docs = report_docs()
    rows = {r["scope"]: r for r in agreement_report(docs, ["a", "b", "c"], by="tag")}
    assert sorted(rows) == ["actor.igo", "actor.state", "mechanism.legal", "threat.terrorism"]
    row = rows["threat.terrorism"]
    assert row["cohen_kappa"] is None and "binary" in row["notes"]
    offset = len(docs[0][0])
    # c never codes threat.terrorism; continuum = both texts, boundary at ``offset``
    expected = unitizing_alpha(offset + len(docs[1][0]),
                               {"a": [(9, 11)], "b": [(8, 11)], "c": []}, [offset])
    assert row["unitizing_alpha"] == pytest.approx(expected, abs=TOL)
    legal = rows["mechanism.legal"]
    assert legal["unitizing_alpha"] == pytest.approx(unitizing_alpha(
        offset + len(docs[1][0]),
        {"a": [(offset + 4, offset + 6)], "b": [(offset + 10, offset + 12)], "c": []},
        [offset]), abs=TOL)
    labels = [["threat.terrorism" if lo <= i < hi else UNCODED for i in range(row["n_units"])]
              for lo, hi in ((9, 11), (8, 11), (0, 0))]
    assert row["fleiss_kappa"] == pytest.approx(
        fleiss_kappa(list(map(list, zip(*labels, strict=True)))), abs=TOL)
    assert row["krippendorff_alpha"] == pytest.approx(krippendorff_alpha_nominal(labels), abs=TOL)
    pairs = [1.0, 0.0, 0.0]  # overlap F1 for (a, b), (a, c), (b, c)
    assert row["f1_overlap"] == pytest.approx(sum(pairs) / 3, abs=TOL)


def test_report_by_group_and_doc():
    docs = report_docs()
    groups = agreement_report(docs, ["a", "b"], by="group")
    assert [r["scope"] for r in groups] == ["actor", "mechanism", "threat"]
    assert groups[0]["f1_exact"] == pytest.approx(1.0, abs=TOL)  # ignores annotator z
    per_doc = agreement_report(docs, ["a", "b"], by="doc", skip_space_punct=True)
    assert [r["scope"] for r in per_doc] == ["d1", "d2"]
    assert per_doc[0]["n_units"] == len(docs[0][0]) - 1  # the full stop is skipped
    assert agreement_report([("", [])], ["a", "b"], by="doc")[0]["cohen_kappa"] is None
    for bad in ({"by": "span"}, {"unit": "token"}):
        with pytest.raises(ValueError):
            agreement_report(docs, ["a", "b"], **bad)
    with pytest.raises(ValueError):
        agreement_report(docs, ["a"])


def test_a_document_nobody_annotated_has_no_agreement_figures():
    """Issue 15: no span by any of the compared annotators is not perfect agreement: the
    figures are undefined (None, shown as —), not 1.0; the units are still counted."""
    docs = report_docs()
    blank = "这篇文章没有人标注。"
    only_z = [ann(0, 2, "actor.state", "z", "d3")]  # z is not compared
    rows = agreement_report([*docs, (blank, []), (blank, only_z)], ["a", "b"], by="doc")
    assert [r["scope"] for r in rows] == ["d1", "d2", "#2", "d3"]
    figures = ("cohen_kappa", "fleiss_kappa", "krippendorff_alpha", "unitizing_alpha",
               "f1_exact", "f1_overlap")
    for row in rows[2:]:
        assert row["n_units"] == len(blank)
        assert {k: row[k] for k in figures} == dict.fromkeys(figures)
        assert "no spans" in row["notes"]
    assert all(rows[0][k] is not None for k in figures)
    # agreeing spans, even all alike, still give figures (1.0 is earned there)
    same = [ann(0, 2, "actor.state", who, "d4") for who in ("a", "b")]
    (row,) = agreement_report([(blank, same)], ["a", "b"], by="doc")
    assert row["cohen_kappa"] == row["f1_exact"] == 1.0
    (row,) = agreement_report([(blank, []), (blank, only_z)], ["a", "b"])  # overall
    assert row["scope"] == "overall" and row["krippendorff_alpha"] is None
    assert row["n_units"] == 2 * len(blank)
