"""The SQL views (``docs``, ``spans``, ``decisions``) that make a project pleasant to query
with ``sqlite-utils query``, the ``sqlite3`` shell or Datasette (docs/sql.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import annotator.store.schema as schema_module
from annotator.core.annotation import Annotation, Annotator
from annotator.core.dataset import ReviewDecision, accepted_ids, gold_ids
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.tagset import default_tagset
from annotator.store import Store

SQLITE_UTILS = Path(sys.executable).with_name("sqlite-utils")
TEXT = "𠮷野家在上海合作组织峰会上\n提供了便当。"  # an astral character first: offsets in code points


def query(path: Path, sql: str) -> list[dict]:
    """Rows from the real ``sqlite-utils query`` command-line tool of the virtualenv."""
    done = subprocess.run([str(SQLITE_UTILS), "query", str(path), sql], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def fill(store: Store) -> Document:
    store.set_tagset(default_tagset())
    store.add_annotator(Annotator("lin", "Lin"))
    store.add_annotator(Annotator("chen", "Chen", "reviewer"))
    doc = Document(document_id(TEXT), "便当", TEXT, text_sha256(TEXT), source="新华社",
                   date="2026-05-01")
    other = "第二篇。"
    store.add_documents([doc, Document(document_id(other), "二", other, text_sha256(other))])
    store.insert_annotations([
        Annotation("a1", doc.id, 0, 3, "actor.person", "lin", {"normalized": "吉野家"}),
        Annotation("a2", doc.id, 4, 10, "actor.igo", "lin", {"certainty": "high"}),
        Annotation("a3", doc.id, 4, 10, "actor.igo", "chen", {"note": "同上"}),
        Annotation("g1", doc.id, 4, 10, "actor.igo", "chen"),
    ])
    store.insert_decisions([
        ReviewDecision("d1", doc.id, "chen", "gold", ("a2", "a3"), "g1", "一致", "t1"),
        ReviewDecision("d2", doc.id, "chen", "rejected", ("a1",), None, None, "t2"),
    ])
    return doc


@pytest.fixture
def project(tmp_path) -> tuple[Path, Document]:
    path = tmp_path / "study.annotator"
    with Store.open(path, create=True) as store:
        doc = fill(store)
    return path, doc


def test_sqlite_utils_query_reads_spans_with_their_text_and_labels(project):
    path, doc = project
    rows = query(path, "select id, doc_number, doc_title, start, end, text, tag, tag_group, "
                       "label_en, label_zh_hans, annotator_name, normalized, certainty, note, "
                       "accepted, gold from spans order by id")
    assert rows == [
        {"id": "a1", "doc_number": 1, "doc_title": "便当", "start": 0, "end": 3,
         "text": "𠮷野家", "tag": "actor.person", "tag_group": "actor", "label_en": "Official or person",
         "label_zh_hans": "官员与人物", "annotator_name": "Lin", "normalized": "吉野家",
         "certainty": None, "note": None, "accepted": 0, "gold": 0},
        {"id": "a2", "doc_number": 1, "doc_title": "便当", "start": 4, "end": 10,
         "text": "上海合作组织", "tag": "actor.igo", "tag_group": "actor",
         "label_en": "International organisation", "label_zh_hans": "国际组织",
         "annotator_name": "Lin", "normalized": None, "certainty": "high", "note": None,
         "accepted": 1, "gold": 0},
        {"id": "a3", "doc_number": 1, "doc_title": "便当", "start": 4, "end": 10,
         "text": "上海合作组织", "tag": "actor.igo", "tag_group": "actor",
         "label_en": "International organisation", "label_zh_hans": "国际组织",
         "annotator_name": "Chen", "normalized": None, "certainty": None, "note": "同上",
         "accepted": 1, "gold": 0},
        {"id": "g1", "doc_number": 1, "doc_title": "便当", "start": 4, "end": 10,
         "text": "上海合作组织", "tag": "actor.igo", "tag_group": "actor",
         "label_en": "International organisation", "label_zh_hans": "国际组织",
         "annotator_name": "Chen", "normalized": None, "certainty": None, "note": None,
         "accepted": 1, "gold": 1},
    ]


def test_sqlite_utils_query_reads_documents_and_decisions(project):
    path, doc = project
    docs = query(path, "select number, id, title, date, source, length, spans, status "
                       "from docs order by number")
    assert docs == [{"number": 1, "id": doc.id, "title": "便当", "date": "2026-05-01",
                     "source": "新华社", "length": len(TEXT), "spans": 4, "status": "todo"},
                    {"number": 2, "id": document_id("第二篇。"), "title": "二", "date": None,
                     "source": None, "length": 4, "spans": 0, "status": "todo"}]
    decisions = query(path, "select id, doc_title, reviewer_name, decision, target_count, "
                            "result_tag, result_text, note from decisions order by id")
    assert decisions == [
        {"id": "d1", "doc_title": "便当", "reviewer_name": "Chen", "decision": "gold",
         "target_count": 2, "result_tag": "actor.igo", "result_text": "上海合作组织",
         "note": "一致"},
        {"id": "d2", "doc_title": "便当", "reviewer_name": "Chen", "decision": "rejected",
         "target_count": 1, "result_tag": None, "result_text": None, "note": None}]
    counted = query(path, "select label_en, count(*) as n from spans group by label_en "
                          "order by n desc")
    assert counted == [{"label_en": "International organisation", "n": 3},
                       {"label_en": "Official or person", "n": 1}]


def test_the_views_agree_with_the_store(project):
    path, doc = project
    with Store.open(path) as store:
        spans = store.annotations(doc.id)
        decisions = tuple(store.decisions(doc.id))
        rows = store.conn.execute("SELECT id, text, accepted, gold FROM spans").fetchall()
        listed = store.documents()
        docs = store.conn.execute("SELECT id, title, spans, length, number FROM docs ORDER BY "
                                  "number").fetchall()
    assert {r[0]: r[1] for r in rows} == {a.id: TEXT[a.start:a.end] for a in spans}
    assert {r[0] for r in rows if r[2]} == accepted_ids(decisions)
    assert {r[0] for r in rows if r[3]} == gold_ids(decisions)
    assert docs == [(d.id, d.title, d.annotations, d.length, i)
                    for i, d in enumerate(listed, 1)]


def test_an_older_project_gets_the_views_by_a_migration(tmp_path, monkeypatch):
    path = tmp_path / "old.annotator"
    monkeypatch.setattr(schema_module, "MIGRATIONS", schema_module.MIGRATIONS[:3])
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", 3)
    with Store.open(path, create=True) as store:
        fill(store)
        assert store.db.view_names() == []
    monkeypatch.undo()
    with Store.open(path) as store:
        assert sorted(store.db.view_names()) == ["decisions", "docs", "links", "spans"]
        assert store.conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 4


def test_the_examples_in_the_documentation_run(project):
    """Every ``sql`` block of docs/sql.md, statement by statement, on a project."""
    path, _ = project
    page = (Path(__file__).resolve().parents[2] / "docs" / "sql.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in page.split("```sql\n")[1:]]
    statements = [s.strip() for b in blocks for s in b.split(";") if s.strip()]
    assert len(statements) >= 4
    with Store.open(path) as store:
        for statement in statements:
            body = "\n".join(line for line in statement.splitlines()
                             if not line.startswith("--"))
            store.conn.execute(body).fetchall()  # runs: no unknown column or syntax error
    rows = query(path, "select label_en, count(*) as n from spans group by label_en order by "
                       "n desc")  # the first command of the page
    assert rows[0]["n"] == 3


def test_links_give_each_relation_with_the_text_and_tags_of_its_ends(project):
    from annotator.core.relations import Relation

    path, doc = project
    with Store.open(path) as store:
        store.insert_relations([Relation("r1", doc.id, "a1", "a2", "part_of", "lin", "t", "t")])
    rows = query(path, "select doc_number, type, from_text, from_tag, to_text, to_tag, "
                       "annotator_name from links")
    assert rows == [{"doc_number": 1, "type": "part_of", "from_text": "𠮷野家",
                     "from_tag": "actor.person", "to_text": "上海合作组织",
                     "to_tag": "actor.igo", "annotator_name": "Lin"}]
