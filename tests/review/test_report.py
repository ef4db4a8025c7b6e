"""Agreement over a stored project (annotator.review.report): the documents are streamed
from the store in one pass, in project order, with progress and cancellation."""

from __future__ import annotations

import random

import pytest

from annotator.core.annotation import Annotation, Annotator
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.tagset import default_tagset
from annotator.review.agreement import Cancelled, agreement_report
from annotator.review.report import project_agreement
from annotator.store import Store

TAGS = ["actor.state", "actor.igo", "threat.terrorism", "mechanism.meeting"]


@pytest.fixture
def project(tmp_path):
    """250 short documents (every seventh without spans), lin and chen who mostly agree,
    and a reviewer whose spans never count."""
    rng = random.Random(3)
    store = Store.open(tmp_path / "p.annotator", create=True)
    store.set_tagset(default_tagset())
    for who, role in (("lin", "annotator"), ("chen", "annotator"), ("prof", "reviewer")):
        store.add_annotator(Annotator(who, who.title(), role))
    texts = [f"第{i}号文件：上海合作组织成员国，在北京举行反恐会议。𠮷" for i in range(250)]
    store.add_documents(Document(document_id(t), f"t{i}", t, text_sha256(t))
                        for i, t in enumerate(texts))
    spans = []
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
    store.insert_annotations(spans)
    yield store
    store.close()


def stored_docs(store, who=("lin", "chen")):
    return [(store.document(d.id).text, [a for a in store.annotations(d.id)
                                         if a.annotator in who]) for d in store.documents()]


@pytest.mark.parametrize("by", ["overall", "doc", "tag", "group"])
@pytest.mark.parametrize("skip", [False, True])
def test_project_agreement_equals_the_report_of_every_document(project, by, skip):
    who, rows = project_agreement(project, None, by, skip)
    assert who == ["lin", "chen"]  # the reviewer is left out
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
