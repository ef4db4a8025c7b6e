"""Schema 5 trims every stored span past whitespace and line breaks (deleting the ones that
held nothing else) in the table and in the undo journal alike, so old commands still undo
and redo and the annotations stay a replay of the journal; it records and says what it did."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

import annotator.store.schema as schema_module
from annotator.cli import cli
from annotator.core.annotation import Annotation, Annotator
from annotator.core.commands import Command, apply_to
from annotator.core.dataset import ReviewDecision
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.tagset import default_tagset
from annotator.project import create_project
from annotator.store import Store, backups
from annotator.store.trim import META_KEY, trimmed

#    0123456789012345678
ONE = "上海合作组织 秘书处\n  反恐怖 机构。"
TWO = "\n中国\t与哈萨克斯坦举行演习。 "
T = "2026-01-01T00:00:00.000+00:00"


def span(span_id: str, doc: str, start: int, end: int, tag: str = "actor.igo",
         who: str = "lin") -> Annotation:
    return Annotation(span_id, doc, start, end, tag, who, {}, T, T)


def add(store: Store, *spans: Annotation, who: str = "lin") -> None:
    store.apply_command(Command("add", spans[0].doc_id, (), spans, "add"), who)


def change(store: Store, before: Annotation, after: Annotation) -> None:
    store.apply_command(Command("resize", before.doc_id, (before,), (after,), "resize"),
                        before.annotator)


@pytest.fixture
def old_project(tmp_path, monkeypatch) -> tuple[Path, str, str]:
    """A project made at schema 4 with spans on whitespace: (path, doc one, doc two)."""
    path = tmp_path / "old.annotator"
    monkeypatch.setattr(schema_module, "MIGRATIONS", schema_module.MIGRATIONS[:4])
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", 4)
    one, two = document_id(ONE), document_id(TWO)
    with Store.open(path, create=True) as store:
        store.set_tagset(default_tagset())
        for who in ("lin", "chen"):
            store.add_annotator(Annotator(who, who.title()))
        store.add_documents([Document(one, "一", ONE, text_sha256(ONE)),
                             Document(two, "二", TWO, text_sha256(TWO))])
        # document one: only edited through the journal (the window's path)
        add(store, span("a", one, 0, 7))  # 上海合作组织␠ -> [0, 6)
        add(store, span("b", one, 6, 7, "mechanism.body"))  # ␠ only: deleted
        add(store, span("c", one, 10, 12))  # \n␠: deleted ...
        change(store, span("c", one, 10, 12), span("c", one, 10, 16))  # ... then \n␠␠反恐怖
        add(store, span("d", one, 7, 11, who="chen"), who="chen")  # 秘书处\n -> [7, 10)
        store.apply_command(Command("delete", one, (span("d", one, 7, 11, who="chen"),), ()),
                            "chen")
        add(store, span("e", one, 16, 18))  # ␠机 -> [17, 18)
        store.undo("lin")  # e stays in the journal, undone
        # document two: stored without the journal (an import), with review decisions
        store.insert_annotations([span("f", two, 0, 3, "actor.state"),  # \n中国 -> [1, 3)
                                  span("g", two, 3, 4, "actor.state", "chen"),  # \t: deleted
                                  span("h", two, 4, 10, "actor.state")])  # untouched
        store.insert_decisions([
            ReviewDecision("r1", two, "chen", "gold", ("f", "g"), "g", None, T),
            ReviewDecision("r2", two, "chen", "accepted", ("h",), None, None, T)])
        # ... and an adjudication through the journal naming the whitespace-only span
        gold = span("g2", two, 12, 16, "mechanism.meeting", "chen")  # 演习。␠ -> [12, 15)
        store.apply_command(Command("adjudicate", two, (), (gold,), "gold", decisions_after=(
            ReviewDecision("r3", two, "chen", "gold", ("g",), "g2", None, T),)), "chen")
    monkeypatch.undo()
    return path, one, two


def ranges(store: Store, doc: str) -> dict[str, tuple[int, int]]:
    return {a.id: (a.start, a.end) for a in store.annotations(doc)}


def test_spans_are_trimmed_and_whitespace_only_ones_deleted(old_project, caplog):
    path, one, two = old_project
    with caplog.at_level(logging.WARNING, "annotator.store"), Store.open(path) as store:
        assert ranges(store, one) == {"a": (0, 6), "c": (13, 16)}
        assert ranges(store, two) == {"f": (1, 3), "h": (4, 10), "g2": (12, 15)}
        for doc, text in ((one, ONE), (two, TWO)):
            for a in store.annotations(doc):
                assert text[a.start] not in " \t\n" and text[a.end - 1] not in " \t\n"
        decisions = {d.id: d for d in store.decisions(two)}
        assert (decisions["r1"].targets, decisions["r1"].result_id) == (("f",), None)
        assert decisions["r2"].targets == ("h",)
        assert (decisions["r3"].targets, decisions["r3"].result_id) == ((), "g2")
        record = json.loads(store.conn.execute("SELECT value FROM meta WHERE key = ?",
                                               (META_KEY,)).fetchone()[0])
        assert {k: record[k] for k in ("trimmed", "removed", "decisions", "journal_entries")
                } == {"trimmed": 4, "removed": 2, "decisions": 2, "journal_entries": 8}
        [note] = store.upgrade_notes
        assert "4 span(s)" in note and "deleted 2" in note
        assert store.check().ok
    assert [r.getMessage() for r in caplog.records] == [f"{path}: {note}"]
    taken = backups.latest(path)
    assert taken is not None and "before-upgrade-v4" in taken.name


def test_check_says_what_the_upgrade_did(old_project):
    path, _, _ = old_project
    Store.open(path).close()
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0
    *notes, summary = result.output.splitlines()
    assert summary.startswith("ok: no problems in 2 documents, 5 annotations")
    assert len(notes) == 1 and notes[0].startswith("note: the upgrade to schema 5 (")
    assert "from the ends of 4 span(s) and deleted 2 that held nothing else" in notes[0]


def replay(store: Store, who: str) -> dict[str, Annotation]:
    done, _ = store.history(who)
    rows: dict[str, Annotation] = {}
    for command in done:
        rows = apply_to(rows, command)
    return rows


def test_the_journal_is_trimmed_alike_and_still_undoes_and_redoes(old_project):
    path, one, two = old_project
    with Store.open(path) as store:
        trimmed_state = store.annotations(one)
        journalled = {**replay(store, "lin"), **replay(store, "chen")}
        assert {a.id: a for a in trimmed_state} == {
            i: a for i, a in journalled.items() if a.doc_id == one}  # only edited by commands
        steps = 0
        while store.undo("lin") is not None:  # every old command of lin, back to the start
            steps += 1
        assert steps == 4 and store.annotations(one) == []
        while store.redo("lin") is not None:
            steps -= 1
        assert steps == -1  # the undone one (e) too
        assert ranges(store, one) == {"a": (0, 6), "c": (13, 16), "e": (17, 18)}
        store.undo("lin")
        assert store.annotations(one) == trimmed_state
        before = (store.annotations(two), store.decisions(two))
        undone = store.undo("chen")  # the adjudication: its decision no longer names g
        assert undone is not None and undone.kind == "adjudicate"
        assert "g2" not in ranges(store, two) and "r3" not in {d.id for d in
                                                                store.decisions(two)}
        assert store.redo("chen") is not None
        assert (store.annotations(two), store.decisions(two)) == before


def test_a_new_project_records_nothing_to_say(tmp_path):
    store, _ = create_project(tmp_path / "p.annotator")
    with store:
        assert store.upgrade_notes == []
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "p.annotator")])
    assert result.exit_code == 0 and "note:" not in result.output


def test_a_span_outside_its_text_is_left_for_check_to_report():
    assert trimmed("abc", 2, 9) == (2, 9)
    assert trimmed(None, 0, 3) == (0, 3)  # its document is gone
    assert trimmed(" a ", 0, 3) == (1, 2)
    assert trimmed(" \n", 0, 2) is None
    assert trimmed("a\u3000", 0, 2) == (0, 1)  # the ideographic space is whitespace
