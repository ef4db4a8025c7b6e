"""Disagreement cases and their settlement into gold, through the store (undoable)."""

from annotator.core.annotation import Annotation, Annotator
from annotator.core.commands import Change
from annotator.core.dataset import gold_ids
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.session import Session
from annotator.review.cases import accept, accept_unanimous, find_cases, reject

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
