"""Agreement over a stored project (annotator.review.report): the documents are streamed
from the store in one pass, in project order, with progress and cancellation."""

from __future__ import annotations

import random

import pytest

from annotator.core.annotation import Annotation, Annotator
from annotator.core.dataset import ReviewDecision
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.tagset import default_tagset
from annotator.review.agreement import Cancelled, agreement_report
from annotator.review.report import project_agreement
from annotator.store import Store

TEXT = "上海合作组织成员国在北京举行会议,打击三股势力和恐怖主义。"
TAGS = ["actor.state", "actor.igo", "threat.terrorism", "mechanism.meeting"]


@pytest.fixture
def project(tmp_path):
    """250 short documents (every seventh without spans), lin and chen who mostly agree,
    and a reviewer whose spans (the gold layer: results of review decisions) never count."""
    rng = random.Random(3)
    store = Store.open(tmp_path / "p.annotator", create=True)
    store.set_tagset(default_tagset())
    for who, role in (("lin", "annotator"), ("chen", "annotator"), ("prof", "reviewer")):
        store.add_annotator(Annotator(who, who.title(), role))
    texts = [f"第{i}号文件：上海合作组织成员国，在北京举行反恐会议。𠮷" for i in range(250)]
    store.add_documents(Document(document_id(t), f"t{i}", t, text_sha256(t))
                        for i, t in enumerate(texts))
    spans, decisions = [], []
    for i, text in enumerate(texts):
        if i % 7 == 0:
            continue
        doc = document_id(text)
        for u in range(4):
            start = rng.randrange(len(text) - 4)
            end, tag = start + rng.randint(1, 4), rng.choice(TAGS)
            spans.append(Annotation(f"l{i}-{u}", doc, start, end, tag, "lin"))
            if rng.random() < 0.8:
                spans.append(Annotation(f"c{i}-{u}", doc, start, end + (u == 3), tag, "chen"))
        spans.append(Annotation(f"p{i}", doc, 0, 3, "actor.igo", "prof"))
        decisions.append(ReviewDecision(f"r{i}", doc, "prof", "edited", (f"l{i}-0",),
                                        f"p{i}"))
    store.insert_annotations(spans)
    store.insert_decisions(decisions)
    yield store
    store.close()


def stored_docs(store, who=("lin", "chen")):
    return [(store.document(d.id).text, [a for a in store.annotations(d.id)
                                         if a.annotator in who]) for d in store.documents()]


@pytest.mark.parametrize("by", ["overall", "doc", "tag", "group"])
@pytest.mark.parametrize("skip", [False, True])
def test_project_agreement_equals_the_report_of_every_document(project, by, skip):
    result = project_agreement(project, None, by, skip)
    who, rows = result.annotators, result.rows
    assert who == ["lin", "chen"]  # the reviewer's gold is left out
    assert result.without_spans == ["prof"] and result.gold_spans == 250 - 36
    expected = agreement_report(stored_docs(project), who, by, skip_space_punct=skip)
    ids = [d.id for d in project.documents()]
    if by == "doc":  # every document, in project order, named by its id
        assert [r["scope"] for r in rows] == ids
        expected = [dict(r, scope=i) for r, i in zip(expected, ids, strict=True)]
    assert rows == expected


def test_progress_counts_documents_and_cancel_stops(project):
    seen = []
    project_agreement(project, None, "overall", progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 250) and seen[-1] == (250, 250)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen) and len(seen) >= 4
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) > 1  # let the first hundred documents through

    with pytest.raises(Cancelled):
        project_agreement(project, None, "doc", cancelled=cancelled)
    assert len(asked) == 2


def test_spans_by_document_streams_every_document_in_order(project):
    rows = list(project.spans_by_document(with_text=True))
    assert [r[0] for r in rows] == [d.id for d in project.documents()]
    for doc_id, length, text, spans in rows[:20]:
        assert text == project.document(doc_id).text and length == len(text)
        assert sorted(s[:4] for s in spans) == sorted(
            (a.start, a.end, a.tag, a.annotator) for a in project.annotations(doc_id))
    assert all(r[2] is None for r in project.spans_by_document())
    assert sum(not r[3] for r in rows) == 36  # every seventh document has no spans at all


# --- the gold layer and a reviewer who annotates too (issue 15; fixture in conftest.py) ---
def own_docs(store, gold_as=None):
    """(text, spans) per document: the annotators' own spans, the gold ones renamed
    ``gold_as`` (or left out)."""
    out = []
    for d in store.documents():
        gold = {r for dec in store.decisions(d.id) if (r := dec.result_id)}
        spans = [a._replace(annotator=gold_as) if a.id in gold else a
                 for a in store.annotations(d.id) if gold_as or a.id not in gold]
        out.append((store.document(d.id).text, spans))
    return out


@pytest.mark.parametrize("by", ["overall", "doc", "tag"])
def test_gold_is_not_an_annotator_unless_named(reviewed, by):
    result = project_agreement(reviewed, None, by)
    assert result.annotators == ["lin", "chen"]  # not prof: all prof has is gold
    assert result.without_spans == ["prof", "wang"] and result.gold_spans == 3
    ids = [d.id for d in reviewed.documents()]
    expected = agreement_report(own_docs(reviewed), ["lin", "chen"], by)
    if by == "doc":
        expected = [dict(r, scope=i) for r, i in zip(expected, ids, strict=True)]
        assert result.rows[1]["krippendorff_alpha"] is None  # nobody annotated it
    assert result.rows == expected
    assert "gold layer (review decisions): 3 spans" in " ".join(result.lines())
    named = project_agreement(reviewed, ["lin", "chen", "gold"], by)
    assert named.annotators == ["lin", "chen", "gold"] and named.without_spans == []
    expected = agreement_report(own_docs(reviewed, "gold"), ["lin", "chen", "gold"], by)
    if by == "doc":
        expected = [dict(r, scope=i) for r, i in zip(expected, ids, strict=True)]
    assert named.rows == expected
    assert not any("gold layer" in line for line in named.lines())


def test_annotators_without_spans_are_listed_not_left_out(reviewed):
    result = project_agreement(reviewed, ["lin", "wang"])
    assert result.annotators == ["lin", "wang"] and result.without_spans == ["wang"]
    assert result.rows[0]["f1_exact"] == 0.0  # wang found none of lin's spans
    assert "no spans of their own: wang" in result.lines()
    gold_only = project_agreement(reviewed, ["prof", "gold"])
    assert gold_only.without_spans == ["prof"]
    with pytest.raises(ValueError, match="gold for the gold layer"):
        project_agreement(reviewed, ["lin", "nobody"])


def test_too_few_annotators_says_who_has_spans(tmp_path):
    store = Store.open(tmp_path / "one.annotator", create=True)
    store.set_tagset(default_tagset())
    for who in ("lin", "prof"):
        store.add_annotator(Annotator(who, who.title()))
    store.add_documents([Document(document_id(TEXT), "t", TEXT, text_sha256(TEXT))])
    store.insert_annotations([Annotation("l1", document_id(TEXT), 0, 6, "actor.igo", "lin")])
    with pytest.raises(ValueError, match=r"^agreement needs at least two distinct "
                                         r"annotators \(with spans of their own: lin\)$"):
        project_agreement(store)
    store.close()
