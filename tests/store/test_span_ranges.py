"""A document's spans read a part at a time, on both engines: the spans over a range of
the text, and the spans after a reading-order key, page by page; each against the plain
reference (every span of the document, filtered or sliced in Python)."""

from __future__ import annotations

import random

from annotator.core.annotation import Annotation, Annotator, new_id
from annotator.core.document import Document, document_id, text_sha256

TEXT = "上海合作组织成员国在北京举行会议。\n各方讨论了打击恐怖主义问题。\n\n" * 6


def _project(store) -> tuple[Document, list[Annotation]]:
    """A document with 160 random spans (some the same range, some across paragraphs),
    and a second document whose spans must never come with the first's."""
    doc = Document(document_id(TEXT), "t", TEXT, text_sha256(TEXT))
    other = Document(document_id("另一个文件。"), "o", "另一个文件。", text_sha256("另一个文件。"))
    store.add_documents([doc, other])
    me = store.identify(Annotator("lin", "lin")) if store.kind == "team" \
        else Annotator("lin", "lin")
    store.add_annotator(me)
    rng, spans = random.Random(20), []
    for _ in range(160):
        start = rng.randrange(len(TEXT) - 1)
        end = min(len(TEXT), start + rng.choice([1, 2, 3, 8, 40]))
        spans.append(Annotation(new_id(), doc.id, start, end, "actor.state", me.id))
    spans += [spans[0]._replace(id=new_id()) for _ in range(3)]  # same range, ids decide
    store.insert_annotations([*spans, Annotation(new_id(), other.id, 0, 2, "actor.state",
                                                 me.id)])
    return doc, spans


def test_spans_over_a_range_are_those_overlapping_it_in_reading_order(engine_store):
    with engine_store as store:
        doc, _ = _project(store)
        every = store.annotations(doc.id)
        assert len(every) == 163
        rng = random.Random(4)
        for _ in range(60):
            start = rng.randrange(len(TEXT))
            end = start + rng.randrange(0, 30)
            assert store.annotations_between(doc.id, start, end) == \
                [a for a in every if a.start < end and a.end > start], (start, end)
        assert store.annotations_between(doc.id, 0, len(TEXT)) == every


def test_spans_after_a_key_page_by_page_are_every_span_once_in_order(engine_store):
    with engine_store as store:
        doc, _ = _project(store)
        every = store.annotations(doc.id)
        for limit in (1, 7, 50, 1000):
            pages, after = [], None
            while page := store.annotations_after(doc.id, after, limit):
                assert len(page) <= limit
                pages += page
                after = (page[-1].start, page[-1].end, page[-1].id)
            assert pages == every, limit
        middle = every[80]
        assert store.annotations_after(doc.id, (middle.start, middle.end, middle.id), 5) \
            == every[81:86]
