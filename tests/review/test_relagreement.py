"""Relation F1 (annotator.review.relagreement) against a plainly written reference: every
pair of relations compared code point by code point, then matched greedily as
docs/agreement.md §6 says; plus hand-worked examples whose numbers are counted by hand."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.review.relagreement import RelationTally, RelItem, matched, relation_f1

UNDIRECTED = {"cooperates_with"}
TYPES = ["uses", "cooperates_with"]


def rel(s, t, type_="uses", who="a", doc="d1"):
    return RelItem(doc, type_, s, t, who)


# --- the reference -------------------------------------------------------------------------

def chars(bounds):
    return set(range(bounds[0], bounds[1]))


def ends_match(r, c, match, orientation):
    """Do the ends of ``c`` (taken in ``orientation``) match those of ``r``?"""
    cs, ct = (c.source, c.target) if orientation == 0 else (c.target, c.source)
    if match == "exact":
        return cs == r.source and ct == r.target
    return bool(chars(cs) & chars(r.source)) and bool(chars(ct) & chars(r.target))


def shared(r, c, orientation):
    cs, ct = (c.source, c.target) if orientation == 0 else (c.target, c.source)
    return len(chars(cs) & chars(r.source)) + len(chars(ct) & chars(r.target))


def reference_tp(ref, cand, match):
    """All pairs listed, scored, sorted and taken greedily: no grouping, no shortcuts."""
    candidates = []
    for i in range(len(ref)):
        for k in range(len(cand)):
            r, c = ref[i], cand[k]
            if r.doc_id != c.doc_id or r.type != c.type:
                continue
            orientations = [0, 1] if r.type in UNDIRECTED else [0]
            scores = [shared(r, c, o) for o in orientations if ends_match(r, c, match, o)]
            if scores:
                candidates.append((-max(scores), r.source, r.target, c.source, c.target, i, k))
    candidates.sort()
    taken_ref, taken_cand, tp = [], [], 0
    for entry in candidates:
        i, k = entry[5], entry[6]
        if i in taken_ref or k in taken_cand:
            continue
        taken_ref.append(i)
        taken_cand.append(k)
        tp += 1
    return tp


def reference_f1(ref, cand, match):
    tp = reference_tp(ref, cand, match)
    if not ref and not cand:
        return 1.0
    if tp == 0:
        return 0.0
    precision, recall = tp / len(cand), tp / len(ref)
    return 2 * precision * recall / (precision + recall)


# --- random layers ---------------------------------------------------------------------------

bounds = st.tuples(st.integers(0, 12), st.integers(1, 4)).map(lambda p: (p[0], p[0] + p[1]))
relations = st.lists(st.builds(lambda d, t, s, e: rel(s, e, t, doc=d),
                               st.sampled_from(["d1", "d2"]), st.sampled_from(TYPES),
                               bounds, bounds), max_size=8)


@settings(max_examples=300, deadline=None)
@given(relations, relations)
def test_f1_equals_the_reference(ref, cand):
    for match in ("exact", "overlap"):
        got = relation_f1(ref, cand, match, UNDIRECTED)
        assert got["tp"] == reference_tp(ref, cand, match)
        assert abs(got["f1"] - reference_f1(ref, cand, match)) < 1e-12
        for t, row in got["per_type"].items():
            r = [x for x in ref if x.type == t]
            c = [x for x in cand if x.type == t]
            assert row["tp"] == reference_tp(r, c, match)
            assert abs(row["f1"] - reference_f1(r, c, match)) < 1e-12


@settings(max_examples=150, deadline=None)
@given(relations, relations)
def test_exact_never_beats_overlap_and_identical_layers_agree(ref, cand):
    assert matched(ref, cand, "exact", UNDIRECTED) <= matched(ref, cand, "overlap", UNDIRECTED)
    assert relation_f1(ref, list(reversed(ref)), "exact", UNDIRECTED)["f1"] == 1.0


# --- hand-worked examples ---------------------------------------------------------------------

def test_worked_example():
    """a: uses (0,6)→(10,14), uses (0,6)→(20,24), cooperates (0,6)–(30,32).
    b: uses (0,6)→(10,14) (exact), uses (1,6)→(21,24) (overlap only),
    cooperates (30,32)–(0,6) (crossed: undirected, matches), addresses (0,6)→(10,14)
    (a type a never used). Exact: tp 2 of a's 3 and b's 4 → P 2/4, R 2/3, F1 4/7.
    Overlap: tp 3 → P 3/4, R 1, F1 6/7. uses: exact 1/2 each → 0.5, overlap 1.0."""
    a = [rel((0, 6), (10, 14)), rel((0, 6), (20, 24)),
         rel((0, 6), (30, 32), "cooperates_with")]
    b = [rel((0, 6), (10, 14), who="b"), rel((1, 6), (21, 24), who="b"),
         rel((30, 32), (0, 6), "cooperates_with", "b"), rel((0, 6), (10, 14), "addresses", "b")]
    exact = relation_f1(a, b, "exact", UNDIRECTED)
    assert (exact["tp"], exact["fp"], exact["fn"]) == (2, 2, 1)
    assert abs(exact["f1"] - 4 / 7) < 1e-12
    overlap = relation_f1(a, b, "overlap", UNDIRECTED)
    assert (overlap["tp"], overlap["fp"], overlap["fn"]) == (3, 1, 0)
    assert abs(overlap["f1"] - 6 / 7) < 1e-12
    assert exact["per_type"]["uses"]["f1"] == 0.5
    assert overlap["per_type"]["uses"]["f1"] == 1.0
    assert exact["per_type"]["addresses"]["f1"] == 0.0
    assert exact["per_type"]["cooperates_with"]["f1"] == 1.0


def test_direction_counts_for_directed_types():
    a, b = [rel((0, 2), (5, 7))], [rel((5, 7), (0, 2), who="b")]
    assert relation_f1(a, b, "overlap", UNDIRECTED)["tp"] == 0
    a2 = [x._replace(type="cooperates_with") for x in a]
    b2 = [x._replace(type="cooperates_with") for x in b]
    assert relation_f1(a2, b2, "exact", UNDIRECTED)["tp"] == 1


def test_one_to_one_prefers_the_larger_overlap():
    """b's two relations both overlap a's one; only one matches, and it is the closer."""
    a = [rel((0, 4), (10, 14))]
    b = [rel((3, 8), (10, 14), who="b"), rel((0, 4), (12, 13), who="b")]
    got = relation_f1(a, b, "overlap")
    assert (got["tp"], got["fp"], got["fn"]) == (1, 1, 0)
    assert reference_tp(a, b, "overlap") == 1


def test_other_documents_and_empty_layers():
    assert relation_f1([rel((0, 2), (3, 4))], [rel((0, 2), (3, 4), doc="d2", who="b")])["tp"] == 0
    assert relation_f1([], [])["f1"] == 1.0
    assert relation_f1([rel((0, 2), (3, 4))], [])["f1"] == 0.0


def test_tally_rows_mean_over_pairs():
    """Three annotators; uses: a and b agree exactly, c has nothing → pairs (a,b) 1.0,
    (a,c) 0, (b,c) 0 → 1/3."""
    docs = [[rel((0, 6), (10, 14)), rel((0, 6), (10, 14), who="b")],
            [rel((0, 2), (3, 4), "cooperates_with", who="c", doc="d2")]]
    tally = RelationTally(["a", "b", "c"], UNDIRECTED)
    for d in docs:
        tally.add(d)
    rows = {r["scope"]: r for r in tally.rows()}
    assert abs(rows["uses"]["f1_exact"] - 1 / 3) < 1e-12
    assert rows["uses"]["relations"] == {"a": 1, "b": 1, "c": 0}
    # cooperates_with: only c → every pair with c 0, (a,b) both empty → 1.0: mean 1/3
    assert abs(rows["cooperates_with"]["f1_overlap"] - 1 / 3) < 1e-12
    assert rows["overall"]["n_relations"] == 3
    # overall: (a,b) 1 of 1 → 1; (a,c): a 1, c 1, none matched → 0; (b,c) 0
    assert abs(rows["overall"]["f1_exact"] - 1 / 3) < 1e-12


def test_tally_without_relations_has_no_figures():
    rows = RelationTally(["a", "b"]).add([]).rows()
    assert rows == [{"scope": "overall", "by": "overall", "n_relations": 0,
                     "relations": {"a": 0, "b": 0}, "f1_exact": None, "f1_overlap": None}]
