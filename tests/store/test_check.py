"""``annotator check`` (annotator.store.check): a clean project passes; projects damaged with
raw SQL or by overwriting a page are each reported, with exit status 1; the file is never
changed by the check."""

from __future__ import annotations

import json
import random
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from seedproject import create_without_gold as create_project

from annotator.cli import cli
from annotator.core.annotation import Annotator, new_id, now
from annotator.core.dataset import ReviewDecision
from annotator.core.errors import ProjectError
from annotator.core.session import Session
from annotator.store import Store
from annotator.store.check import (
    KINDS,
    Problem,
    foreign_key_problems,
    history_problems,
    journal_problem,
    span_problem,
    tag_problem,
)


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    """The seed project with spans in two documents, a retag, an undone delete, a second
    annotator's span and a review decision with a target and a result."""
    path = tmp_path_factory.mktemp("check") / "clean.annotator"
    store, _ = create_project(path)
    with store:
        lin = Session(store, Annotator("lin", "Lin"))
        first, second = (store.document(d.id) for d in store.documents()[:2])
        for doc in (first, second):
            for start in (0, 10, 20):
                lin.add(doc.id, doc.text, start, start + 6, "actor.state")
        spans = store.annotations(first.id)
        lin.retag(spans[:1], "actor.igo")
        lin.delete(spans[1:2])
        lin.undo()
        chen = Session(store, Annotator("chen", "Chen", "reviewer"))
        chen.add(first.id, first.text, 30, 36, "threat.terrorism")
        store.insert_decisions([ReviewDecision(new_id(), first.id, "chen", "accepted",
                                               (spans[0].id,), spans[2].id, None, now())])
    return path


@pytest.fixture
def project(clean, tmp_path) -> Path:
    path = tmp_path / "p.annotator"
    shutil.copyfile(clean, path)
    return path


def check(path: Path):
    result = CliRunner().invoke(cli, ["check", str(path)])
    return result.exit_code, result.output.splitlines()


def snapshot(path: Path) -> dict[str, bytes]:
    """The project file and its WAL, as bytes. A missing WAL counts as an empty one (SQLite
    treats them alike, and its read-only mode may create an empty one); the -shm file is
    SQLite's scratch memory."""
    wal = path.with_name(path.name + "-wal")
    return {"project": path.read_bytes(), "wal": wal.read_bytes() if wal.exists() else b""}


def raw(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=OFF")
    return conn


def test_clean_project_passes(clean):
    with Store.open_readonly(clean) as store:
        report = store.check()
    assert report.ok and report.problems == ()
    assert dict(report.counts) == {"documents": 5, "annotations": 7, "review_decisions": 1,
                                   "journal_entries": 9}
    before = snapshot(clean)
    code, lines = check(clean)
    assert (code, lines) == (0, [report.summary()])
    assert report.summary() == ("ok: no problems in 5 documents, 7 annotations, 1 review "
                                "decision, 9 journal entries")
    assert snapshot(clean) == before


# --- each damage: (what it does to the file, the problem lines it must cause) -------------
def first(conn: sqlite3.Connection, query: str, *params):
    return conn.execute(query, params).fetchone()


def delete_document(conn):
    doc = first(conn, "SELECT doc_id FROM review_decisions")[0]
    conn.execute("DELETE FROM documents WHERE id = ?", (doc,))
    spans = [r[0] for r in conn.execute("SELECT id FROM annotations WHERE doc_id = ?", (doc,))]
    decision = first(conn, "SELECT id FROM review_decisions")[0]
    index_row = first(conn, "SELECT id FROM search_text WHERE doc_id = ?", doc)[0]
    assert len(spans) == 4
    return {f"orphan: annotation {s} belongs to missing document {doc}" for s in spans} | {
        f"orphan: review decision {decision} belongs to missing document {doc}",
        f"orphan: search index entry {index_row} belongs to missing document {doc}"}


def span_past_the_end(conn):
    span, doc, start, length = first(conn, "SELECT a.id, a.doc_id, a.start, d.length FROM "
                                     "annotations a JOIN documents d ON d.id = a.doc_id")
    conn.execute("UPDATE annotations SET end = ? WHERE id = ?", (length + 1, span))
    return {f"span: annotation {span} in document {doc}: [{start}, {length + 1}) ends past the "
            f"text ({length} code points)"}


def reversed_and_negative_spans(conn):
    conn.execute("PRAGMA ignore_check_constraints=ON")
    (a, doc, s, _), (b, _, _, f) = conn.execute(
        "SELECT id, doc_id, start, end FROM annotations WHERE doc_id = (SELECT doc_id FROM "
        "review_decisions) ORDER BY start LIMIT 2").fetchall()
    conn.execute("UPDATE annotations SET end = start WHERE id = ?", (a,))
    conn.execute("UPDATE annotations SET start = -1 WHERE id = ?", (b,))
    return {f"span: annotation {a} in document {doc}: [{s}, {s}) is empty or reversed",
            f"span: annotation {b} in document {doc}: [-1, {f}) starts before the text"}


def unknown_tag(conn):
    span, doc = first(conn, "SELECT id, doc_id FROM annotations")
    new = new_id()
    conn.execute("INSERT INTO annotations SELECT ?, doc_id, start, end, 'actor.martian', "
                 "annotator, attributes, created, modified FROM annotations WHERE id = ?",
                 (new, span))
    tagset = first(conn, "SELECT id FROM tagsets WHERE active = 1")[0]
    return {f"tag: annotation {new} in document {doc} has tag 'actor.martian', which the "
            f"active tagset '{tagset}' does not define"}


def missing_annotator(conn):
    conn.execute("DELETE FROM annotators WHERE id = 'chen'")
    span = first(conn, "SELECT id FROM annotations WHERE annotator = 'chen'")[0]
    decision = first(conn, "SELECT id FROM review_decisions")[0]
    return {f"orphan: annotation {span} is by missing annotator 'chen'",
            f"orphan: review decision {decision} is by missing reviewer 'chen'"}


def missing_target_and_result(conn):
    decision, targets, result = first(conn, "SELECT id, targets, result_id FROM "
                                      "review_decisions")
    target = targets[2:-2]
    conn.execute("DELETE FROM annotations WHERE id = ?", (target,))
    conn.execute("UPDATE review_decisions SET result_id = 'gone'")
    return {f"orphan: review decision {decision} targets missing annotation {target}",
            f"orphan: review decision {decision} names missing annotation gone as its result"}


def unreadable_targets(conn):
    conn.execute("UPDATE review_decisions SET targets = '[\"a\"'")
    decision = first(conn, "SELECT id FROM review_decisions")[0]
    return {f"orphan: review decision {decision} has unreadable targets '[\"a\"'"}


def undecodable_journal(conn):
    seq = first(conn, "SELECT max(seq) FROM journal")[0]
    conn.execute("UPDATE journal SET payload = '{\"kind\": \"add\"' WHERE seq = ?", (seq,))
    return {re.compile(rf"journal: entry {seq} has an unreadable payload \(JSONDecodeError: .+\)")}


def history_out_of_order(conn):
    seq, later = first(conn, "SELECT min(seq), (SELECT min(seq) FROM journal WHERE annotator = "
                       "'lin' AND seq > (SELECT min(seq) FROM journal)) FROM journal")
    conn.execute("UPDATE journal SET undone = 1 WHERE seq = ?", (seq,))
    return {f"journal: annotator lin: entry {later} is done but comes after undone entry "
            f"{seq} (undo and redo would pick the wrong entries)"}


def no_active_tagset(conn):
    conn.execute("UPDATE tagsets SET active = 0")
    return {"tagset: the project has no active tagset (load one with `annotator tagset "
            "PROJECT --load FILE`)"}


def wrong_document_length(conn):
    doc, length = first(conn, "SELECT id, length FROM documents ORDER BY position")
    conn.execute("UPDATE documents SET length = length + 1 WHERE id = ?", (doc,))
    return {f"document: document {doc}: stored length {length + 1}, but its text has "
            f"{length} code points"}


def dropped_view_index_and_table(conn):
    conn.execute("DROP VIEW spans")
    conn.execute("DROP INDEX journal_annotator")
    conn.execute("DROP TABLE rejected_suggestions")
    return {"schema: view spans is missing",
            "schema: index journal_annotator of table journal is missing",
            "schema: table rejected_suggestions is missing"}


def dropped_column(conn):
    conn.execute("ALTER TABLE documents DROP COLUMN encoding")
    return {"schema: table documents lacks column encoding"}


DAMAGES = [delete_document, span_past_the_end, reversed_and_negative_spans, unknown_tag,
           missing_annotator, missing_target_and_result, unreadable_targets,
           undecodable_journal, history_out_of_order, no_active_tagset, wrong_document_length,
           dropped_view_index_and_table, dropped_column]
#: kinds a damage may cause besides its own lines (SQLite's integrity check also reports
#: CHECK constraint failures)
ALSO = {"reversed_and_negative_spans": {"integrity"}}


def matches(expected, line: str) -> bool:
    return expected.fullmatch(line) is not None if isinstance(expected, re.Pattern) \
        else expected == line


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda d: d.__name__)
def test_each_damage_is_reported_and_the_file_is_left_alone(project, damage):
    with raw(project) as conn:
        expected = damage(conn)
    conn.close()
    before = snapshot(project)
    code, lines = check(project)
    assert snapshot(project) == before
    assert code == 1
    *problems, summary = lines
    assert re.match(rf"{len(problems)} problems?: ", summary), summary
    for want in expected:
        assert any(matches(want, line) for line in problems), (want, lines)
    others = [line for line in problems if not any(matches(w, line) for w in expected)]
    assert all(line.split(":")[0] in ALSO.get(damage.__name__, ()) for line in others), others


def overwrite_page(path: Path, table: str, offset: int) -> None:
    """Overwrite 64 bytes of the root page of ``table`` from ``offset`` (negative: from the
    page's end, where the cells are). The file is closed cleanly first: no WAL."""
    with raw(path) as conn:
        root = first(conn, "SELECT rootpage FROM sqlite_master WHERE name = ?", table)[0]
        size = first(conn, "PRAGMA page_size")[0]
    conn.close()
    with path.open("r+b") as f:
        f.seek((root - 1) * size + offset % size)
        f.write(random.Random(14).randbytes(64))


@pytest.mark.parametrize(("offset", "first_line"), [
    (0, "integrity: cannot finish SQLite's integrity check: database disk image is malformed"),
    (-80, re.compile(r"integrity: row \d+ missing from index annotations_\w+"))])
def test_a_corrupt_page_is_reported_and_left_alone(project, offset, first_line):
    overwrite_page(project, "annotations", offset)
    before = snapshot(project)
    code, lines = check(project)
    assert code == 1 and matches(first_line, lines[0]), lines
    assert snapshot(project) == before


def test_damage_still_in_the_wal_is_seen_and_neither_file_changes(project):
    """A crash leaves committed work in the WAL: the check reads it, and checkpoints nothing."""
    conn = raw(project)
    try:
        conn.execute("PRAGMA wal_autocheckpoint=0")
        expected = unknown_tag(conn)
        before = snapshot(project)
        assert len(before["wal"]) > 0
        code, lines = check(project)
        assert snapshot(project) == before
    finally:
        conn.close()
    assert code == 1 and lines[:-1] == sorted(expected)


def test_an_older_project_is_checked_against_its_own_schema(tmp_path, monkeypatch):
    import annotator.store.schema as schema_module

    path = tmp_path / "old.annotator"
    current = schema_module.SCHEMA_VERSION
    monkeypatch.setattr(schema_module, "MIGRATIONS", schema_module.MIGRATIONS[:3])
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", 3)
    create_project(path)[0].close()
    monkeypatch.undo()
    before = snapshot(path)
    code, lines = check(path)
    assert code == 0 and lines[-1].startswith("ok: no problems in 5 documents")
    assert lines[:-1] == [f"note: made by an older annotator (schema 3); opening it upgrades "
                          f"it to schema {current}, after a backup"]
    assert snapshot(path) == before


def test_json_output(project):
    with raw(project) as conn:
        expected = no_active_tagset(conn)
    conn.close()
    result = CliRunner().invoke(cli, ["check", str(project), "--json"])
    data = json.loads(result.output)
    assert result.exit_code == 1 and data["ok"] is False
    assert [f"{p['kind']}: {p['message']}" for p in data["problems"]] == sorted(expected)
    assert data["summary"] == "1 problem: 1 tagset"


def test_not_a_project_is_one_line_and_untouched(tmp_path):
    path = tmp_path / "notes.annotator"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    code, lines = check(path)
    assert code == 1 and len(lines) == 1 and str(path) in lines[0]
    assert path.read_bytes() == b"SQLite format 3\x00" + b"\x00" * 200
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.annotator"]


def test_check_cannot_write(clean):
    before = snapshot(clean)
    with Store.open_readonly(clean) as store, pytest.raises(
            (sqlite3.OperationalError, ProjectError), match="read-?only"):
        store.add_annotator(Annotator("x", "X"))
    assert snapshot(clean) == before


# --- the pure half ------------------------------------------------------------------------
def test_span_bounds_are_half_open_code_points():
    lengths = {"d": 3}  # e.g. "𠮷上海": three code points, four UTF-16 units
    assert span_problem("a", "d", 0, 3, lengths) is None
    assert span_problem("a", "gone", 5, 1, lengths) is None  # an orphan, reported elsewhere
    assert span_problem("a", "d", 0, 4, lengths).message.endswith("ends past the text "
                                                                  "(3 code points)")
    assert span_problem("a", "d", 2, 2, lengths).kind == "span"
    assert span_problem("a", "d", -1, 2, lengths).kind == "span"


def test_tags_journal_history_and_foreign_keys():
    known = frozenset({"actor.state"})
    assert tag_problem("a", "d", "actor.state", "t", known) is None
    assert tag_problem("a", "d", "actor", "t", known).kind == "tag"
    assert journal_problem(1, "[]").message.startswith("entry 1 has an unreadable payload")
    assert journal_problem(1, '{"kind": "add", "doc_id": "d", "before": [], "after": []}') is None
    interleaved = [(1, "a", 0), (2, "b", 1), (3, "a", 0), (4, "a", 1), (5, "b", 1)]
    assert list(history_problems(interleaved)) == []
    assert [p.message for p in history_problems([(1, "a", 1), (2, "a", 0), (3, "a", 0)])] == [
        "annotator a: entry 2 is done but comes after undone entry 1 (undo and redo would "
        "pick the wrong entries)"]
    rows = [("annotations", None, "documents", 0), ("tags", 7, "tagsets", 0)]
    assert list(foreign_key_problems(rows)) == [
        Problem("foreign-key", "row 7 of tags points to a missing tagsets row")]
    assert {p.kind for p in [Problem(k, "") for k in KINDS]} == set(KINDS)
