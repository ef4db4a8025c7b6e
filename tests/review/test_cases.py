"""Disagreement cases and their settlement into gold, through the store (undoable)."""

from annotator.core.annotation import Annotation, Annotator
from annotator.core.commands import Change
from annotator.core.dataset import gold_ids
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.session import Session
from annotator.review.cases import accept, accept_unanimous, find_cases, reject
from annotator.review.layers import own_annotators

TEXT = "上海合作组织成员国在北京举行会议,打击三股势力和恐怖主义。"
DOC = document_id(TEXT)


def span(i, start, end, tag, who, **attrs):
    return Annotation(i, DOC, start, end, tag, who, attrs, "t", "t")


SPANS = [
    span("l1", 0, 6, "actor.igo", "lin"), span("c1", 0, 6, "actor.igo", "chen"),  # unanimous
    span("l2", 10, 12, "actor.state", "lin"),  # only lin
    span("l3", 20, 24, "threat.three_evils", "lin"), span("c3", 19, 24, "threat.three_evils",
                                                          "chen"),  # boundaries
    span("l4", 25, 29, "threat.terrorism", "lin"), span("c4", 25, 29, "threat.extremism",
                                                        "chen"),  # tags
]


def test_cases_are_grouped_by_kind():
    cases = find_cases(SPANS, ["lin", "chen"], [])
    assert [c.kind for c in cases] == ["unanimous", "only_one", "boundaries", "tags"]
    assert [len(c.versions) for c in cases] == [1, 1, 2, 2]
    attrs = [span("a", 0, 6, "actor.igo", "lin", normalized="上合"),
             span("b", 0, 6, "actor.igo", "chen")]
    assert find_cases(attrs, ["lin", "chen"], [])[0].kind == "attributes"


def test_a_span_two_of_three_marked_alike_is_not_only_one_annotators():
    """lin and chen marked 上海合作组织 alike, wang did not: some agree, one did not mark it
    (not "only one annotator marked it", and not "all agree")."""
    from annotator.review.cases import KIND_LABELS, KINDS

    cases = find_cases([*SPANS[:3]], ["lin", "chen", "wang"], [])
    assert [c.kind for c in cases] == ["partial", "only_one"]
    assert KIND_LABELS["partial"] == "not every annotator marked it" and "partial" in KINDS
    assert accept_unanimous(cases, "prof") is None  # never settled with the unanimous
    three = [*SPANS[:2], span("w1", 0, 6, "actor.igo", "wang")]
    assert [c.kind for c in find_cases(three, ["lin", "chen", "wang"], [])] == ["unanimous"]
    two_of_three_differ = [SPANS[0], span("c9", 0, 5, "actor.igo", "chen")]
    assert find_cases(two_of_three_differ, ["lin", "chen", "wang"], [])[0].kind == \
        "boundaries"


def test_settling_goes_to_gold_and_undoes(fresh_store):
    fresh_store.add_documents([Document(DOC, "t", TEXT, text_sha256(TEXT))])
    for who in ("lin", "chen"):
        fresh_store.add_annotator(Annotator(who, who))
    fresh_store.insert_annotations(SPANS)
    prof = Session(fresh_store, Annotator("prof", "Prof", "reviewer"))
    cases = find_cases(fresh_store.annotations(DOC), ["lin", "chen"], [])
    prof.run(accept_unanimous(cases, "prof"))
    prof.run(accept(cases[2], cases[2].versions[0], "prof", note="starts at 打"))
    prof.run(reject(cases[1], "prof", note="venue, not an actor"))
    decisions = fresh_store.decisions(DOC)
    gold = [a for a in fresh_store.annotations(DOC) if a.id in gold_ids(tuple(decisions))]
    assert sorted((a.start, a.end, a.tag, a.annotator) for a in gold) == [
        (0, 6, "actor.igo", "prof"), (19, 24, "threat.three_evils", "prof")]
    assert {d.decision for d in decisions} == {"accepted", "rejected"}
    settled = find_cases(fresh_store.annotations(DOC), ["lin", "chen"], decisions)
    assert [c.decision is not None for c in settled] == [True, True, True, False]
    change = prof.undo()  # the rejection
    assert isinstance(change, Change)
    assert len(fresh_store.decisions(DOC)) == 2
    prof.undo()
    prof.undo()
    assert fresh_store.decisions(DOC) == []
    assert {a.annotator for a in fresh_store.annotations(DOC)} == {"lin", "chen"}
    prof.redo()
    assert len(fresh_store.decisions(DOC)) == 1


def test_the_reviewers_own_layer_is_compared_and_gold_stays_apart(fresh_store):
    """Issue 15: lin annotates and then reviews. Her decisions go to gold under her id, but
    the cases compare her own spans with chen's as before, and gold never joins them."""
    fresh_store.add_documents([Document(DOC, "t", TEXT, text_sha256(TEXT))])
    for who in ("lin", "chen"):
        fresh_store.add_annotator(Annotator(who, who))
    fresh_store.insert_annotations(SPANS)
    lin = Session(fresh_store, Annotator("lin", "Lin"))
    before = find_cases(fresh_store.annotations(DOC), ["lin", "chen"], [])
    lin.run(accept(before[2], before[2].versions[1], "lin"))  # chen's 19-24 into gold
    lin.run(accept_unanimous(before, "lin"))  # 0-6, identical to lin's own span
    spans, decisions = fresh_store.annotations(DOC), fresh_store.decisions(DOC)
    assert own_annotators(spans, decisions) == {"lin", "chen"}
    assert sum(a.annotator == "lin" for a in spans) == 6  # 4 of her own, 2 gold
    after = find_cases(spans, ["lin", "chen"], decisions)
    assert [(c.kind, c.id) for c in after] == [(c.kind, c.id) for c in before]
    assert [c.decision is not None for c in after] == [True, False, True, False]
    # a reviewer whose every span is gold has no layer of her own to compare
    prof = Session(fresh_store, Annotator("prof", "Prof", "reviewer"))
    prof.run(accept(after[3], after[3].versions[0], "prof"))
    assert "prof" in {a.annotator for a in fresh_store.annotations(DOC)}
    assert own_annotators(fresh_store.annotations(DOC), fresh_store.decisions(DOC)) == \
        {"lin", "chen"}


def test_one_annotator_alone_never_agrees_with_anyone():
    """Compared alone, an annotator's spans are what only one annotator marked — never
    "all agree", which Ctrl+Enter would accept into gold wholesale."""
    cases = find_cases(SPANS, ["chen"], [])
    assert [c.kind for c in cases] == ["only_one"] * 3
    assert accept_unanimous(cases, "prof") is None
