"""A dataset read without the documents' sources (for exports and training) on both
engines: the documents as stored but for their ``raw`` file and ``original`` text."""

from __future__ import annotations

from dataclasses import replace

from annotator.core.document import Document, document_id, text_sha256
from annotator.project import default_tagset

TEXT = "上海合作组织成员国在北京举行会议。"


def test_a_dataset_without_sources_is_the_documents_less_raw_and_original(engine_store):
    with engine_store as store:
        store.set_tagset(default_tagset())
        doc = Document(document_id(TEXT), "峰会", TEXT, text_sha256(TEXT),
                       original=TEXT + "\u3000图片 1", raw=f"<p>{TEXT}</p><p>图片 1</p>",
                       encoding="utf-8", metadata={"url": "http://example.org/1"})
        plain = Document(document_id("各方"), "t", "各方", text_sha256("各方"))
        store.add_documents([doc, plain])
        stored = {d.id: store.document(d.id) for d in (doc, plain)}
        assert stored[doc.id].raw and stored[doc.id].original
        light = {d.document.id: d.document
                 for d in store.dataset(sources=False).documents}
        assert light == {i: replace(d, raw=None, original=None) for i, d in stored.items()}
        assert {d.document.id: d.document for d in store.dataset().documents} == stored
