"""``export_spans``, the export's read of bare span rows, on both engines: the same spans,
in the same order, as the plain per-document read, and the JSON Lines written from them
byte for byte those written from the annotations."""

from __future__ import annotations

import json

import pytest

from annotator.core.annotation import Annotation, Annotator
from annotator.core.dataset import ReviewDecision
from annotator.core.relations import Relation
from annotator.core.tagset import default_tagset
from annotator.formats import jsonfmt
from annotator.formats.jsonline import row_annotations
from annotator.project import import_paths
from annotator.store import datasets

ATTRIBUTES = ({}, {"note": "雙引號\"\n", "n": 3}, {"b": [1, 2], "a": None}, {})


@pytest.fixture
def store(engine_store, seed_paths):
    engine_store.set_tagset(default_tagset())
    import_paths(engine_store, seed_paths[:3])
    for who in ("lin", "wang"):
        engine_store.add_annotator(Annotator(who, who.title()))
    docs = [engine_store.document(d.id) for d in engine_store.documents()]
    spans = [Annotation(f"{doc.id[:6]}-{k}", doc.id, k % 7, k % 7 + 1 + k % 3,
                        ("actor.igo", "threat.terrorism")[k % 2], ("lin", "wang")[k % 2],
                        ATTRIBUTES[k % 4], f"2026-01-0{1 + k % 3}T00:00:00Z",
                        f"2026-02-0{1 + k % 2}T00:00:00Z" if k % 5 else "")
             for doc in docs[:-1] for k in range(12)]  # the last document: no span
    engine_store.insert_annotations(spans)
    return engine_store


@pytest.mark.parametrize("chunk", [1, 2, 200])
def test_export_rows_are_the_plain_read_of_every_document_in_the_order_asked(store, chunk):
    ids = [d.id for d in store.documents()][::-1]
    got = list(store.export_spans(ids, chunk=chunk))
    assert [doc_id for doc_id, _ in got] == ids
    assert got[0][1] == []  # the document without spans is there, with none
    for doc_id, rows in got:
        plain = store.annotations(doc_id)
        assert row_annotations(rows) == plain
        for r, a in zip(rows, plain, strict=True):  # the attributes as stored
            assert r[6] == "{}" if not a.attributes else json.loads(r[6]) == a.attributes
    assert sum(len(rows) for _, rows in got) == 12 * (len(ids) - 1)


def test_jsonl_from_export_rows_is_byte_for_byte_that_of_the_annotations(store):
    ids = [d.id for d in store.documents()]
    bare = [jsonfmt.document_line(d) for d in store.dataset(ids, bare=True).documents]
    plain = [jsonfmt.document_line(d) for d in store.dataset(ids).documents]
    assert bare == plain
    assert any('"attributes":{"note":' in line for line in bare)


@pytest.mark.parametrize("bare", [False, True])
def test_the_dataset_read_a_chunk_at_a_time_is_each_document_read_alone(store, monkeypatch,
                                                                        bare):
    """The export's stream reads documents, decisions and relations a chunk at a time: the
    same as each document's own reads, in the order asked, the last chunk short."""
    ids = [d.id for d in store.documents()]
    with store.transaction():
        store.insert_decisions([ReviewDecision(f"r{n}-{k}", doc_id, "wang", "accepted",
                                               (f"{doc_id[:6]}-{k}",), None, None,
                                               f"2026-03-0{1 + (n + k) % 3}T00:00:00Z")
                                for n, doc_id in enumerate(ids[:-1]) for k in (5, 1, 3)])
    store.insert_relations([Relation(f"l{n}-{k}", doc_id, f"{doc_id[:6]}-{k}",
                                     f"{doc_id[:6]}-{k + 2}", "cooperates_with", "lin",
                                     "2026-04-01T00:00:00Z", "2026-04-01T00:00:00Z")
                            for n, doc_id in enumerate(ids[:-1]) for k in (4, 0)])
    monkeypatch.setattr(datasets, "_CHUNK", 2)
    got = list(store.dataset(ids[::-1], bare=bare).documents)
    assert [d.document.id for d in got] == ids[::-1]
    for data in got:
        alone = store.document_data(data.document.id)
        assert data.document == alone.document
        assert (data.decisions, data.relations) == (alone.decisions, alone.relations)
    assert sum(len(d.decisions) for d in got) == 3 * (len(ids) - 1)
    assert sum(len(d.relations) for d in got) == 2 * (len(ids) - 1)
