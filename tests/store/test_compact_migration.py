"""Schema 9 makes the file smaller (issue 20): a span's ``modified`` is stored as NULL while
it equals ``created``, spans by annotator and the trigram search table go, and the file is
VACUUMed after the upgrade. Every row of a schema-8 file is kept, relations still point at
their spans, and search finds what it found."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

import annotator.store.schema as schema_module
from annotator.cli import cli
from annotator.core.annotation import Annotation, Annotator
from annotator.core.commands import Command
from annotator.core.dataset import ReviewDecision
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.relations import Relation
from annotator.core.tagset import default_tagset
from annotator.ingest.importer import build_document
from annotator.store import Store

TEXT = "上海合作组织秘书处在北京举行反恐怖会议。上海合作组织地区反恐怖机构执行委员会。"
T0, T1 = "2026-01-01T00:00:00.000+00:00", "2026-02-01T00:00:00.000+00:00"
QUERIES = ("上海合作", "反恐怖", "会议", "北")


def span(span_id: str, doc: str, start: int, end: int, modified: str = T0,
         who: str = "lin") -> Annotation:
    return Annotation(span_id, doc, start, end, "actor.igo", who, {}, T0, modified)


#: as imported: a text the cleaner changed (its log rebuilds the original), one it left
#: alone, one whose stored original the log cannot rebuild
NOISY = "上海合作组织\u200b秘书处\r\n在北京举行会议。"
CLEANED = (build_document(NOISY, "noisy.txt", None),
           build_document("中国与哈萨克斯坦举行联合演习。", "clean.txt", None),
           replace(build_document("俄罗斯\u200b参加。", "odd.txt", None), original="别的"))


def fill(store: Store) -> str:
    """Spans made and changed through commands and in bulk, relations between them, a
    review decision, imported documents; returns the first document's id."""
    doc = document_id(TEXT)
    store.set_tagset(default_tagset())
    for who in ("lin", "chen"):
        store.add_annotator(Annotator(who, who.title()))
    store.add_documents([Document(doc, "一", TEXT, text_sha256(TEXT)), *CLEANED])
    a, b = span("a", doc, 0, 6), span("b", doc, 9, 11)
    store.apply_command(Command("add", doc, (), (a, b), "add"), "lin")
    store.apply_command(Command("retag", doc, (b,), (b._replace(tag="actor.state",
                                                                modified=T1),), "retag"), "lin")
    store.insert_annotations([span("c", doc, 20, 26, who="chen"),
                              span("d", doc, 26, 32, T1, who="chen")])
    store.insert_relations([Relation("r1", doc, "a", "b", "cooperates_with", "lin", T0, T0),
                            Relation("r2", doc, "c", "d", "cooperates_with", "chen", T0, T1)])
    store.insert_decisions([ReviewDecision("x", doc, "chen", "accepted", ("a",), None, None,
                                           T0)])
    return doc


def state(store: Store, doc: str) -> dict:
    return {"documents": [store.document(d.id) for d in store.documents()],
            "spans": store.annotations(doc), "relations": store.relations(doc),
            "decisions": store.decisions(doc), "history": store.history("lin"),
            "search": {q: store.search(q) for q in QUERIES},
            "view": store.conn.execute("SELECT id, created, modified FROM spans ORDER BY id"
                                       ).fetchall()}


@pytest.fixture
def v8(tmp_path, monkeypatch) -> tuple[Path, str, dict]:
    """A project file at schema 8 (the trigram table and both span indexes in it), with
    what it holds as read then."""
    path = tmp_path / "old.annotator"
    with monkeypatch.context() as m:
        m.setattr(schema_module, "MIGRATIONS", schema_module.MIGRATIONS[:8])
        m.setattr(schema_module, "SCHEMA_VERSION", 8)
        with Store.open(path, create=True) as old:
            doc = fill(old)
            before = state(old, doc)
            assert old.conn.execute("SELECT count(*) FROM annotations WHERE modified IS NULL"
                                    ).fetchone()[0] == 0
            assert originals(old) == ORIGINALS | {d.id: d.original for d in CLEANED}
    return path, doc, before


#: what the file stores as each document's original: '' where text and log rebuild it
ORIGINALS = {document_id(TEXT): None, CLEANED[0].id: "", CLEANED[1].id: "",
             CLEANED[2].id: "别的"}


def originals(store: Store) -> dict[str, str | None]:
    return dict(store.conn.execute("SELECT id, original FROM documents"))


def names(store: Store) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}


def test_the_upgrade_keeps_every_row_and_compacts_the_file(v8):
    path, doc, before = v8
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema_module.SCHEMA_VERSION
        assert state(store, doc) == before
        stored = dict(store.conn.execute("SELECT id, modified FROM annotations"))
        assert stored == {"a": None, "b": T1, "c": None, "d": T1}
        assert originals(store) == ORIGINALS
        assert not {"annotations_annotator", "search_trigrams"} & names(store)
        assert "annotations_id" in names(store)
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA freelist_count").fetchone()[0] == 0  # VACUUMed
        store.undo("lin")  # the retag, from the journal, onto the rebuilt table
        assert [a.tag for a in store.annotations(doc)][:2] == ["actor.igo", "actor.igo"]
        # back as it was made: its second stamp is stored as NULL again, not as a copy
        assert store.conn.execute("SELECT modified FROM annotations WHERE id = 'b'"
                                  ).fetchone()[0] is None
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0, result.output


def test_a_failed_copy_leaves_schema_8(v8, monkeypatch):
    path, doc, before = v8
    import annotator.store.compact as compact

    real = compact.compact_file
    monkeypatch.setattr(compact, "SPANS_V9", compact.SPANS_V9.replace("CREATE TABLE",
                                                                "CREATE TABLE IF NOT EXISTS"))

    def short(conn):  # a span lost on the way
        conn.execute(compact.SPANS_V9)
        conn.execute("CREATE TEMP TRIGGER lose AFTER INSERT ON main.annotations_v9 "
                     "WHEN new.id = 'c' BEGIN DELETE FROM annotations_v9 WHERE id = 'c'; END")
        real(conn)

    monkeypatch.setattr(compact, "compact_file", short)
    with pytest.raises(Exception, match="3 of 4 spans copied"):
        Store.open(path)
    with monkeypatch.context() as m:
        m.setattr(schema_module, "MIGRATIONS", schema_module.MIGRATIONS[:8])
        m.setattr(schema_module, "SCHEMA_VERSION", 8)
        with Store.open(path) as old:
            assert old.conn.execute("PRAGMA user_version").fetchone()[0] == 8
            assert state(old, doc) == before


def test_an_unchanged_span_is_stored_without_its_second_stamp(tmp_path):
    with Store.open(tmp_path / "new.annotator", create=True) as store:
        doc = fill(store)
        stored = dict(store.conn.execute("SELECT id, modified FROM annotations"))
        assert stored == {"a": None, "b": T1, "c": None, "d": T1}
        assert originals(store) == ORIGINALS
        assert [store.document(d.id).original for d in CLEANED] == [d.original for d in CLEANED]
        assert [(a.id, a.created, a.modified) for a in store.find_spans()] == [
            ("a", T0, T0), ("b", T0, T1), ("c", T0, T0), ("d", T0, T1)]
        assert store.annotations_by_id(["a"])[0].modified == T0
        assert not {"annotations_annotator", "search_trigrams"} & names(store)
        assert [(h.doc_id, h.start) for h in store.search("反恐怖")] == [
            (doc, TEXT.find("反恐怖")), (doc, TEXT.rfind("反恐怖"))]


def span_pages(path: Path, spans: list[Annotation], docs: list[Document]) -> int:
    with Store.open(path, create=True) as store:
        store.set_tagset(default_tagset())
        for who in ("lin", "chen"):
            store.add_annotator(Annotator(who, who.title()))
        store.add_documents(docs)
        store.insert_annotations(spans)
        return store.conn.execute("SELECT count(*) FROM dbstat WHERE name = 'annotations'"
                                  ).fetchone()[0]


def test_spans_inserted_in_any_order_fill_their_pages(tmp_path):
    """A bulk insert goes in the table's key order, whatever order the spans come in (in
    the order they were made, shuffled, they split pages left part empty: 4.15x the
    text against 4.02x for a file built by inserts, benchmarks/README.md)."""
    rng = random.Random(5)
    texts = [f"{i}{TEXT}" for i in range(40)]
    docs = [Document(document_id(t), str(i), t, text_sha256(t)) for i, t in enumerate(texts)]
    spans = [span(f"{d.id}-{k}", d.id, s, s + rng.randint(1, 6)) for d in docs
             for k, s in enumerate(rng.sample(range(len(TEXT) - 6), 30))]
    ordered = sorted(spans, key=lambda a: (a.doc_id, a.start, a.end, a.id))
    shuffled = rng.sample(spans, len(spans))
    assert span_pages(tmp_path / "shuffled.annotator", shuffled, docs) == \
        span_pages(tmp_path / "sorted.annotator", ordered, docs)
