"""The project file: identity, versioning, pragmas, transactions, documents."""

import hashlib
import sqlite3

import pytest

from annotator.core.annotation import Annotation, Annotator
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.errors import NotFoundError, ProjectError
from annotator.store import Store
from annotator.store.schema import APPLICATION_ID, SCHEMA_VERSION


def make_doc(text="上海合作组织成员国安全会议秘书会议。", **kw) -> Document:
    return Document(id=document_id(text), title=kw.pop("title", "t"), text=text,
                    text_sha256=text_sha256(text), **kw)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_project_identity_and_pragmas(tmp_path):
    path = tmp_path / "p.annotator"
    with Store.open(path, create=True) as store:
        pragma = lambda name: store.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("application_id") == APPLICATION_ID
        assert pragma("user_version") == SCHEMA_VERSION
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 1  # NORMAL
        assert pragma("busy_timeout") == 5000


def test_missing_file_is_not_created_without_create(tmp_path):
    with pytest.raises(ProjectError, match="no such project file"):
        Store.open(tmp_path / "nope.annotator")
    assert not (tmp_path / "nope.annotator").exists()


def test_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "p.annotator"
    Store.open(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    before = digest(path)
    with pytest.raises(ProjectError, match=rf"newer version of annotator \(schema {SCHEMA_VERSION + 1}"):
        Store.open(path)
    assert digest(path) == before


def test_other_application_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(ProjectError, match="another application"):
        Store.open(path)
    assert digest(path) == before


@pytest.mark.parametrize("content", [b"hello, not a database", b"\x00" * 100])
def test_non_sqlite_file_is_refused_untouched(tmp_path, content):
    path = tmp_path / "x.annotator"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match="not an annotator project"):
        Store.open(path)
    assert path.read_bytes() == content


def test_failed_migration_leaves_old_version(tmp_path, monkeypatch):
    import annotator.store.schema as store_module

    def broken(conn):
        conn.execute("CREATE TABLE half_done(x)")
        raise RuntimeError("boom")

    path = tmp_path / "p.annotator"
    Store.open(path, create=True).close()
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS + (broken,))
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError, match="boom"):
        Store.open(path)
    monkeypatch.undo()
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables


def test_documents_round_trip_and_duplicates(engine_store):
    doc = make_doc(source="新华社", date="2018-05-22", script="zh-Hans",
                   languages=("zh-Hans",), metadata={"place": "北京"},
                   cleaning=({"rule": "pinyin", "removed": "(zhí)"},), original="x", encoding="gb18030")
    [(stored, dup)] = engine_store.add_documents([doc])
    assert dup is None
    assert engine_store.document(doc.id) == doc
    [(_, dup)] = engine_store.add_documents([make_doc(title="again")])
    assert dup == doc.id
    assert [d.title for d in engine_store.documents()] == ["t"]


def test_transaction_is_all_or_nothing(engine_store):
    with pytest.raises(RuntimeError), engine_store.transaction():
        engine_store.add_documents([make_doc("一")])
        engine_store.add_documents([make_doc("二")])
        raise RuntimeError("crash between steps")
    assert engine_store.documents() == []


def test_add_documents_batch_rolls_back_whole(engine_store, monkeypatch):
    docs = [make_doc("一"), make_doc("二"), make_doc("三")]
    real = engine_store._insert_documents

    def flaky(rows):
        real(rows[:2])  # the engine fails on the third row
        if engine_store.kind == "file":
            raise sqlite3.OperationalError("disk I/O error")
        engine_store.conn.execute("SELECT 1 / 0")  # the server refuses a statement

    monkeypatch.setattr(engine_store, "_insert_documents", flaky)
    expected = "disk I/O error.*not stored" if engine_store.kind == "file" else "by zero"
    with pytest.raises(ProjectError, match=expected):
        engine_store.add_documents(docs)
    assert engine_store.documents() == []


def test_add_documents_stores_a_text_once_within_a_batch_and_across_batches(engine_store):
    one, two = make_doc("一"), make_doc("二")
    again = make_doc("一", title="again")
    results = engine_store.add_documents([one, two, again])
    assert [dup for _, dup in results] == [None, None, one.id]
    assert [dup for _, dup in engine_store.add_documents([make_doc("二"), make_doc("三")])] \
        == [two.id, None]
    assert [(d.title, d.position) for d in engine_store.documents()] == [
        ("t", 0), ("t", 1), ("t", 2)]
    assert engine_store.document(one.id) == one


def test_status_and_annotation_counts(engine_store):
    doc = make_doc()
    engine_store.add_documents([doc])
    engine_store.add_annotator(Annotator("lin", "Lin"))
    engine_store.insert_annotations([Annotation("a1", doc.id, 0, 6, "actor.igo", "lin")])
    engine_store.set_status(doc.id, "in_progress")
    [summary] = engine_store.documents()
    assert (summary.status, summary.annotations) == ("in_progress", 1)
    with pytest.raises(ValueError, match="'finished' is not a status"):
        engine_store.set_status(doc.id, "finished")
    with pytest.raises(NotFoundError, match="no such document: nope"):
        engine_store.set_status("nope", "done")
    with pytest.raises(NotFoundError, match="no such document: nope"):
        engine_store.set_review_status("nope", "reviewed")


def test_resolve_document_by_prefix_and_number(engine_store):
    a, b = make_doc("一"), make_doc("二")
    engine_store.add_documents([a, b])
    assert engine_store.resolve_document(b.id[:6]) == b.id
    assert engine_store.resolve_document("1") == a.id
    with pytest.raises(NotFoundError, match="no such document: zzz"):
        engine_store.resolve_document("zzz")


def test_a_missing_document_is_a_typed_error_naming_the_project(tmp_path):
    path = tmp_path / "p.annotator"
    with Store.open(path, create=True) as store:
        for ask in (store.document, store.summary, store.resolve_document,
                    store.document_data):
            with pytest.raises(NotFoundError) as info:
                ask("nope")
            assert not isinstance(info.value, KeyError)  # not mistaken for a bug's KeyError
            assert str(info.value) == f"{path}: no such document: nope"
            assert (info.value.what, info.value.ref) == ("document", "nope")


def test_integrity_of_fresh_project(tmp_path):
    with Store.open(tmp_path / "p.annotator", create=True) as store:
        assert store.integrity() == []
