"""Relation review (annotator.review.relcases) and relation agreement over a project."""

from __future__ import annotations

import pytest

from annotator.core.annotation import Annotator
from annotator.core.session import Session
from annotator.review.relcases import (
    ReviewError,
    accept_relation,
    find_relation_cases,
    reject_relation,
)
from annotator.review.report import project_agreement
from annotator.store import Store

WHO = ["lin", "chen"]


def doc_of(store):
    return store.documents()[0].id


def cases_of(store, who=WHO):
    doc = doc_of(store)
    directed = {t.id: t.directed for t in store.tagset().relations}
    return find_relation_cases(store.annotations(doc), store.relations(doc), who,
                               store.decisions(doc), directed)


def accept(store, session, case, version):
    doc = doc_of(store)
    return session.run(accept_relation(case, version, session.annotator.id,
                                       store.annotations(doc), store.decisions(doc), WHO))


def test_cases(related):
    cases = cases_of(related)
    assert [(c.kind, sorted(r.id for r in c.relations)) for c in cases] == [
        ("ends", ["c1", "r1"]), ("ends", ["c2", "r2"]), ("types", ["c3", "r3"])]
    assert (cases[0].start, cases[0].end) == (0, 12)
    assert len(cases[0].versions) == 2
    assert [c.kind for c in cases_of(related, ["lin"])] == ["only_one"] * 3


def test_accept_takes_the_ends_into_gold_in_one_undoable_command(related):
    prof = Session(related, Annotator("prof", "Prof"))
    doc = doc_of(related)
    uses = cases_of(related)[0]
    lin_uses = next(r for r in uses.relations if r.annotator == "lin")
    change = accept(related, prof, uses, lin_uses)
    assert change is not None
    gold = [a for a in related.annotations(doc) if a.annotator == "prof"]
    assert sorted((a.start, a.end, a.tag) for a in gold) == [
        (0, 4, "actor.igo"), (6, 12, "mechanism.exercise")]
    rels = [r for r in related.relations(doc) if r.annotator == "prof"]
    assert len(rels) == 1 and rels[0].type == "uses"
    ends = {a.id: a for a in gold}
    assert (ends[rels[0].source].start, ends[rels[0].target].start) == (0, 6)
    decisions = related.decisions(doc)
    assert len(decisions) == 3  # the two span cases and the relation case
    rel_decision = next(d for d in decisions if d.result_id == rels[0].id)
    assert sorted(rel_decision.targets) == ["c1", "r1"]
    assert cases_of(related)[0].decision == rel_decision
    prof.undo()  # one step takes it all back
    assert [a for a in related.annotations(doc) if a.annotator == "prof"] == []
    assert [r for r in related.relations(doc) if r.annotator == "prof"] == []
    assert related.decisions(doc) == []


def test_ends_follow_the_spans_accepted_before(related):
    """chen's addresses starts at chen's mechanism (4–12); the reviewer accepted lin's
    (6–12) for it with the uses relation: the gold relation starts there."""
    prof = Session(related, Annotator("prof", "Prof"))
    doc = doc_of(related)
    uses, addresses, _ = cases_of(related)
    accept(related, prof, uses, next(r for r in uses.relations if r.annotator == "lin"))
    chen = next(r for r in addresses.relations if r.annotator == "chen")
    accept(related, prof, cases_of(related)[1], chen)
    gold = {a.id: a for a in related.annotations(doc) if a.annotator == "prof"}
    assert len(gold) == 3  # the mechanism once, not twice
    rel = next(r for r in related.relations(doc) if r.type == "addresses"
               and r.annotator == "prof")
    assert (gold[rel.source].start, gold[rel.source].end) == (6, 12)
    assert (gold[rel.target].start, gold[rel.target].end) == (15, 19)


def test_a_rejected_end_refuses_and_reject_records(related):
    from annotator.review.cases import find_cases, reject

    prof = Session(related, Annotator("prof", "Prof"))
    doc = doc_of(related)
    mech = next(c for c in find_cases(related.annotations(doc), WHO, []) if c.start == 4)
    prof.run(reject(mech, "prof"))
    uses = cases_of(related)[0]
    with pytest.raises(ReviewError, match="rejected"):
        accept(related, prof, uses, uses.relations[0])
    text = related.document(doc).text
    with pytest.raises(ReviewError) as e:  # named by its words where the text is at hand
        accept_relation(uses, uses.relations[0], "prof", related.annotations(doc),
                        related.decisions(doc), WHO, text=text)
    end = mech.spans[0]
    assert f"「{text[end.start:end.end]}」 ({end.tag}) was rejected" in str(e.value)
    assert "[" not in str(e.value)
    prof.run(reject_relation(uses, "prof", "not a use"))
    decided = cases_of(related)[0].decision
    assert decided is not None and decided.decision == "rejected"
    assert decided.note == "not a use"


def test_agreement_report_has_relation_rows(related):
    result = project_agreement(related, ["lin", "chen"])
    rows = {r["scope"]: r for r in result.relation_rows}
    assert rows["uses"]["f1_exact"] == 0.0 and rows["uses"]["f1_overlap"] == 1.0
    assert rows["part_of"]["relations"] == {"lin": 0, "chen": 1}
    assert abs(rows["overall"]["f1_overlap"] - 2 / 3) < 1e-12
    assert result.to_dict()["relations"] == result.relation_rows


def test_agreement_against_gold(related):
    prof = Session(related, Annotator("prof", "Prof"))
    uses = cases_of(related)[0]
    accept(related, prof, uses, next(r for r in uses.relations if r.annotator == "lin"))
    rows = {r["scope"]: r for r in project_agreement(related, ["lin", "gold"]).relation_rows}
    assert rows["uses"]["f1_exact"] == 1.0
    assert rows["uses"]["relations"] == {"lin": 1, "gold": 1}
    # prof's gold relation is nobody's own: prof has no relations of her own
    own = {r["scope"]: r for r in project_agreement(related, ["lin", "chen"]).relation_rows}
    assert own["uses"]["relations"] == {"lin": 1, "chen": 1}


def test_accept_all_unanimous_spans_and_relations_in_one_step(related):
    from annotator.core.relations import Relation
    from annotator.review.cases import accept_unanimous, find_cases
    from annotator.review.relcases import accept_unanimous_relations

    doc = doc_of(related)
    related.insert_relations([Relation("r4", doc, "la", "lt", "poses", "lin"),
                              Relation("c4", doc, "ca", "ct", "poses", "chen")])
    prof = Session(related, Annotator("prof", "Prof"))
    spans, decisions = related.annotations(doc), related.decisions(doc)
    span_cases = find_cases(spans, WHO, decisions)
    command = accept_unanimous_relations(cases_of(related), "prof", spans, decisions, WHO,
                                         accept_unanimous(span_cases, "prof"))
    assert command is not None
    prof.run(command)
    gold = {a.id: a for a in related.annotations(doc) if a.annotator == "prof"}
    assert len(gold) == 4  # the four unanimous spans, each once
    (poses,) = [r for r in related.relations(doc) if r.annotator == "prof"]
    assert (poses.type, gold[poses.source].start, gold[poses.target].start) == ("poses", 0, 15)
    assert [c.kind for c in cases_of(related) if c.decision is not None] == ["unanimous"]
    prof.undo()
    assert related.relations(doc) and not [r for r in related.relations(doc)
                                           if r.annotator == "prof"]
    assert related.decisions(doc) == []


def test_deleting_a_gold_end_reopens_its_cases_and_undo_brings_them_back(related):
    """The decisions whose results a deletion removes (the gold span, the gold relation
    that went with it) go in the same step: nothing names a result that is gone, and the
    cases are open again."""
    prof = Session(related, Annotator("prof", "Prof"))
    doc = doc_of(related)
    uses = cases_of(related)[0]
    accept(related, prof, uses, next(r for r in uses.relations if r.annotator == "lin"))
    before = related.decisions(doc)
    gold = sorted((a for a in related.annotations(doc) if a.annotator == "prof"),
                  key=lambda a: a.start)
    prof.delete(gold[:1])  # the actor end (0-4)
    results = {d.result_id for d in related.decisions(doc)}
    assert results == {gold[1].id}  # the mechanism's decision stays; two went
    assert [r for r in related.relations(doc) if r.annotator == "prof"] == []
    assert cases_of(related)[0].decision is None
    related.close()
    with Store.open_readonly(related.location) as checking:
        assert checking.check().ok
    with Store.open(related.location) as again:
        Session(again, Annotator("prof", "Prof")).undo()
        assert {d.id: d for d in again.decisions(doc)} == {d.id: d for d in before}


def test_deleting_a_gold_relation_reopens_its_case_only(related):
    prof = Session(related, Annotator("prof", "Prof"))
    doc = doc_of(related)
    uses = cases_of(related)[0]
    accept(related, prof, uses, next(r for r in uses.relations if r.annotator == "lin"))
    gold_rel = next(r for r in related.relations(doc) if r.annotator == "prof")
    prof.delete_relations([gold_rel])
    assert gold_rel.id not in {d.result_id for d in related.decisions(doc)}
    assert len(related.decisions(doc)) == 2  # the two ends stay accepted
    assert cases_of(related)[0].decision is None
    prof.undo()
    assert cases_of(related)[0].decision is not None
