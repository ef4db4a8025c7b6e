"""Consistency findings: tagged differently, missed elsewhere, cuts a word."""

from __future__ import annotations

from annotator.core.annotation import Annotation
from annotator.review.consistency import KINDS, Finding, check

IGO, STATE = "actor.igo", "actor.state"


def span(doc, text, form, tag, nth=0, who="lin", cut=0):
    """A span over the ``nth`` occurrence of ``form`` in ``text`` (``cut`` characters short)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(form, start + 1)
    return Annotation(f"{doc}-{start}-{tag}-{who}", doc, start, start + len(form) - cut, tag,
                      who)


def where(findings: list[Finding]):
    return [(f.kind, f.form, f.doc_id, f.start, f.end, f.tags) for f in findings]


A = "上海合作组织秘书长出席。上海合作组织成员国"
B = "上海合作組織今年举行会议，中国代表上海合作组织发言。"


def test_consistent_annotations_have_no_findings():
    docs = [("a", "A", A, [span("a", A, "上海合作组织", IGO, 0),
                           span("a", A, "上海合作组织", IGO, 1)]),
            ("b", "B", B, [span("b", B, "上海合作組織", IGO), span("b", B, "中国", STATE),
                           span("b", B, "上海合作组织", IGO)])]
    assert check(docs) == []


def test_tagged_differently_reports_the_odd_one_out():
    docs = [("a", "A", A, [span("a", A, "上海合作组织", IGO, 0),
                           span("a", A, "上海合作组织", IGO, 1)]),
            ("b", "B", B, [span("b", B, "上海合作組織", STATE),
                           span("b", B, "上海合作组织", IGO)])]
    findings = check(docs)
    assert where(findings) == [("tagged differently", "上海合作组织", "b", 0, 6, (IGO, STATE))]
    assert findings[0].title == "B"
    assert findings[0].detail == f"tagged {STATE} here; in all: {IGO} ×3, {STATE} ×1"


def test_tagged_differently_without_a_majority_reports_every_place():
    docs = [("a", "A", A, [span("a", A, "上海合作组织", IGO, 0),
                           span("a", A, "上海合作组织", STATE, 1)])]
    assert [(f.kind, f.start, f.tags) for f in check(docs)] == [
        ("tagged differently", 0, (IGO, STATE)), ("tagged differently", 12, (IGO, STATE))]


def test_missed_elsewhere_in_both_scripts_and_same_document():
    docs = [("a", "A", A, [span("a", A, "上海合作组织", IGO, 0)]),
            ("b", "B", B, [span("b", B, "中国", STATE)])]
    assert where(check(docs)) == [
        ("missed elsewhere", "上海合作组织", "a", 12, 18, (IGO,)),
        ("missed elsewhere", "上海合作组织", "b", 0, 6, (IGO,)),
        ("missed elsewhere", "上海合作组织", "b", 17, 23, (IGO,)),
    ]


def test_covered_by_another_annotator_or_a_longer_span_with_that_tag_is_not_missed():
    docs = [("a", "A", A, [span("a", A, "上海合作组织", IGO, 0),
                           span("a", A, "上海合作组织成员国", IGO, who="chen")])]
    assert check(docs) == []


def test_untagged_inside_a_longer_tagged_form_is_not_missed():
    long = "上海合作组织成员国元首理事会"
    text = f"{long}召开。上海合作组织发表声明。"
    docs = [("a", "A", text, [span("a", text, long, "mechanism.meeting"),
                              span("a", text, "上海合作组织", IGO, 1)])]
    assert check(docs) == []


def test_span_cutting_a_longer_form_tagged_whole_elsewhere():
    docs = [("a", "A", A, [span("a", A, "上海合作组织", IGO, 0)]),
            ("b", "B", B, [span("b", B, "上海合作組織", IGO, cut=2),
                           span("b", B, "上海合作组织", IGO)])]
    findings = check(docs)
    assert where(findings) == [
        ("missed elsewhere", "上海合作组织", "a", 12, 18, (IGO,)),
        ("cuts a word", "上海合作", "b", 0, 4, (IGO,)),
    ]
    assert "cuts 上海合作组织 [0, 6)" in findings[1].detail


def test_span_with_another_tag_inside_a_form_is_a_miss_not_a_cut():
    docs = [("a", "A", A, [span("a", A, "上海合作组织", IGO, 0)]),
            ("b", "B", B, [span("b", B, "上海", "actor.place"), span("b", B, "上海合作组织", IGO)])]
    assert [f.kind for f in check(docs)] == ["missed elsewhere", "missed elsewhere"]


def test_order_is_documents_then_offsets_and_kinds_are_known():
    docs = [("b", "B", B, [span("b", B, "上海合作组织", STATE)]),
            ("a", "A", A, [span("a", A, "上海合作组织", IGO, 0),
                           span("a", A, "上海合作组织", IGO, 1)])]
    findings = check(docs)
    assert [(f.doc_id, f.start) for f in findings] == [("b", 0), ("b", 17)]
    assert [f.kind for f in findings] == ["missed elsewhere", "tagged differently"]
    assert all(f.kind in KINDS for f in findings)
    assert findings[0].to_dict()["tags"] == [IGO, STATE]


def test_single_characters_tagged_once_are_ignored():
    text = "华人在华"
    docs = [("a", "A", text, [Annotation("x", "a", 0, 1, STATE, "lin")])]
    assert check(docs) == []


def test_an_annotators_findings_leave_out_the_gold_they_made(fresh_store):
    """lin reviews too: the version she accepted from chen (gold, under her id) is not
    one of her annotations, so it makes no finding against her."""
    from annotator.core.annotation import Annotator
    from annotator.core.dataset import ReviewDecision
    from annotator.core.document import Document, document_id, text_sha256
    from annotator.review.consistency import project_findings

    fresh_store.add_documents([Document(document_id(A), "A", A, text_sha256(A))])
    for who in ("lin", "chen"):
        fresh_store.add_annotator(Annotator(who, who))
    doc = document_id(A)
    lin = [span(doc, A, "上海合作组织", IGO, n) for n in (0, 1)]
    chen = span(doc, A, "上海合作组织", STATE, 1, who="chen")
    gold = chen._replace(id="g", annotator="lin")
    fresh_store.insert_annotations([*lin, chen, gold])
    fresh_store.insert_decisions([ReviewDecision("r", doc, "lin", "accepted",
                                                 (lin[1].id, chen.id), "g")])
    assert project_findings(fresh_store, "lin") == []
    assert [f.kind for f in project_findings(fresh_store, "chen")] == ["missed elsewhere"]
    everyone = project_findings(fresh_store)  # every span, gold included, as before
    assert [f.kind for f in everyone] == ["tagged differently"]


# --- relations: the same pair of terms joined by different types -----------------------------
def test_related_differently():
    from annotator.core.relations import Relation
    from annotator.review.consistency import check_relations

    text = "中方与哈方合作。中方与哈方合作。中方與哈方合作。"
    spans = [Annotation(f"s{i}", "d1", s, s + 2, "actor.state", "lin")
             for i, s in enumerate((0, 3, 8, 11, 16, 19))]

    def rel(i, a, b, rtype):
        return Relation(f"r{i}", "d1", f"s{a}", f"s{b}", rtype, "lin")

    rels = [rel(0, 0, 1, "cooperates_with"), rel(1, 3, 2, "cooperates_with"),  # either order
            rel(2, 4, 5, "part_of")]  # 中方 in traditional characters too: the same pair
    found = check_relations([("d1", "T", text, spans, rels)])
    assert [(f.kind, f.form, f.start, f.end, f.tags) for f in found] == [
        ("related differently", "中方 — 哈方", 16, 21, ("cooperates_with", "part_of"))]
    assert found[0].detail == "part_of here; in all: cooperates_with ×2, part_of ×1"
    # no majority: every place is reported
    tie = check_relations([("d1", "T", text, spans, rels[1:])])
    assert [f.start for f in tie] == [8, 16]
    assert check_relations([("d1", "T", text, spans, rels[:2])]) == []
