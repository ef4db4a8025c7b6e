"""The document list's queries: ``documents()`` and ``summary()`` against plain SQL, and
that listing reads no document text and counts spans in one pass."""

from __future__ import annotations

import json
import random
import sqlite3

import pytest

from annotator.core.annotation import Annotation, Annotator
from annotator.core.document import REVIEW_STATUSES, STATUSES, Document, document_id, text_sha256
from annotator.core.errors import NotFoundError
from annotator.core.tagset import default_tagset
from annotator.store import Store

TEXTS = ["上海合作组织成员国", "國際恐怖組織", "𠮷😀 emoji", "English text", "反恐演习"]


def varied(i: int) -> Document:
    body = f"{TEXTS[i % len(TEXTS)]} 第{i}号"
    return Document(document_id(body), f"文件 {i}", body, text_sha256(body),
                    source=None if i % 3 == 0 else f"source {i % 4}",
                    date=None if i % 4 == 0 else f"2024-0{1 + i % 9}-1{i % 10}",
                    script=("zh-Hans", "zh-Hant", "und")[i % 3],
                    languages=(("zh-Hans", "en") if i % 5 == 0 else ()),
                    status=STATUSES[i % 3], review_status=REVIEW_STATUSES[i % 2])


def spans(doc: Document, n: int, rng: random.Random) -> list[Annotation]:
    out = []
    for k in range(n):
        start = rng.randrange(len(doc.text) - 2)
        out.append(Annotation(f"{doc.id}-{k}", doc.id, start, start + 2, "actor.state",
                              rng.choice(["lin", "wang"]), {}, "t", "t"))
    return out


def fill(s):
    """Forty documents in two imports, each with 0 to 9 spans (none on every tenth)."""
    s.set_tagset(default_tagset())
    for a in ("lin", "wang"):
        s.add_annotator(Annotator(a, a.title()))
    rng = random.Random(3)
    docs = [varied(i) for i in range(40)]
    for batch in (docs[:25], docs[25:]):  # two imports: positions continue
        s.add_documents(batch)
    # 0 to 9 spans a document, none on every tenth
    s.insert_annotations([a for i, d in enumerate(docs) for a in spans(d, i * 7 % 10, rng)])
    return s


@pytest.fixture
def store(engine_store):
    """The listing of both engines (a project file, a team project)."""
    return fill(engine_store)


@pytest.fixture
def file_store():
    with Store.memory() as s:
        yield fill(s)


def plain(store: Store) -> list[tuple]:
    """The list as plain SQL gives it, one correlated count per document."""
    rows = store.conn.execute(
        "SELECT id, title, date, source, script, languages, status, review_status, "
        "length, position FROM documents ORDER BY position").fetchall()
    count = "SELECT count(*) FROM annotations WHERE doc_id = ?"
    return [(*r, store.conn.execute(count, (r[0],)).fetchone()[0]) for r in rows]


def listed(store: Store) -> list[tuple]:
    return [(d.id, d.title, d.date, d.source, d.script,
             json.dumps(list(d.languages), separators=(",", ":")), d.status, d.review_status,
             d.length, d.position, d.annotations) for d in store.documents()]


def test_documents_match_plain_sql(store):
    assert listed(store) == plain(store)
    counts = [d.annotations for d in store.documents()]
    assert 0 in counts and len(set(counts)) > 3  # documents without spans are listed too
    assert [d.position for d in store.documents()] == list(range(40))


def test_summary_is_the_listed_row(store):
    for d in store.documents():
        assert store.summary(d.id) == d
    with pytest.raises(NotFoundError, match="no such document: nope"):
        store.summary("nope")


def test_listing_follows_edits(store):
    first, second = store.documents()[:2]
    store.set_status(first.id, "done")
    store.set_review_status(second.id, "in_review")
    store.insert_annotations(spans(store.document(first.id), 3, random.Random(9)))
    rows = {d.id: d for d in store.documents()}
    assert rows[first.id].status == "done"
    assert rows[first.id].annotations == first.annotations + 3
    assert rows[second.id].review_status == "in_review"
    assert listed(store) == plain(store)


def test_empty_project_lists_nothing(engine_store):
    assert engine_store.documents() == []


def test_listing_reads_no_text_and_counts_in_one_pass(file_store):
    """SQLite's authorizer sees every column a statement reads: the list never asks for a
    document's text (or its raw and original forms), and counts without a correlated
    subquery (one scan of the annotations table)."""
    read: set[tuple[str, str]] = set()

    def authorizer(action, table, column, _db, _trigger):
        if action == sqlite3.SQLITE_READ:
            read.add((table, column))
        return sqlite3.SQLITE_OK

    file_store.conn.set_authorizer(authorizer)
    try:
        file_store.documents()
    finally:
        file_store.conn.set_authorizer(None)
    assert read and not {("documents", c) for c in ("text", "raw", "original", "metadata",
                                                   "cleaning")} & read
    plan = " ".join(r[3] for r in file_store.conn.execute(
        f"EXPLAIN QUERY PLAN {file_store._LIST}"))
    assert "CORRELATED" not in plan and plan.count("annotations") == 1


@pytest.mark.parametrize("counts", [True, False])
def test_the_list_is_read_from_an_index_not_the_rows_holding_the_texts(file_store, counts):
    """A document's row holds its text (kilobytes): the list's columns come from the
    covering index ``documents_list`` alone, so listing reads no page of any text."""
    query = file_store._LIST if counts else file_store._LIST_UNCOUNTED
    plan = " ".join(r[3] for r in file_store.conn.execute(f"EXPLAIN QUERY PLAN {query}"))
    assert "COVERING INDEX documents_list" in plan, plan
    assert listed(file_store) == plain(file_store)


def test_ids_in_order_and_summaries_of_some_are_the_listings(store):
    listed = store.documents(counts=False)
    assert store.document_ids() == [d.id for d in listed]
    rng = random.Random(5)
    some = rng.sample([d.id for d in listed], 17) + ["nonesuch"]
    by_id = {d.id: d for d in listed}
    assert store.summaries(some) == [by_id[i] for i in some if i in by_id]
    assert store.summaries([]) == []
