"""Importing a folder again skips the files imported before, unread (their key: the bytes
and the cleaning rules), on both engines; a changed file, the same file under other rules
and a file of records are read as before; an upgraded project's documents take their
files' keys on the first import that finds them (issue 20: the re-run of an interrupted
import read and cleaned every file again)."""

from __future__ import annotations

from pathlib import Path

import pytest

import annotator.store.schema as schema_module
from annotator.core.tagset import default_tagset
from annotator.ingest import importer
from annotator.project import import_paths
from annotator.store import Store


def write_folder(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:02d}.txt").write_text(f"第{i}号文件\n上海合作组织打击恐怖主义。{i}",
                                             encoding="utf-8")
    (folder / "page.html").write_text("<html><head><title>通报</title></head><body><p>"
                                      "上海合作组织秘书处发表声明，双方交流了情报信息。"
                                      "</p></body></html>", encoding="utf-8")
    (folder / "records.jsonl").write_text('{"text": "记录一"}\n{"text": "记录二"}\n',
                                          encoding="utf-8")


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The names of the files decoded and cleaned (no reader process: under 200 files)."""
    names: list[str] = []
    read = importer.documents_from_file

    def counted(path, rules=None):
        names.append(path.name)
        return read(path, rules)

    monkeypatch.setattr(importer, "documents_from_file", counted)
    return names


def test_a_second_import_skips_the_files_it_imported_unread(engine_store, tmp_path, reads):
    write_folder(tmp_path / "f", 12)
    engine_store.set_tagset(default_tagset())
    first = import_paths(engine_store, [tmp_path / "f"])
    assert len(first.added) == 15 and len(reads) == 14
    reads.clear()
    again = import_paths(engine_store, [tmp_path / "f"])
    assert reads == ["records.jsonl"]  # two documents from one file: no key, read again
    assert not again.added and not again.errors
    assert sorted(again.duplicates) == sorted((origin, doc_id)
                                              for doc_id, _, origin in first.added)
    assert engine_store.document(first.added[0][0]).file_key is not None


def test_a_changed_file_or_other_rules_are_read_again(engine_store, tmp_path, reads):
    write_folder(tmp_path / "f", 3)
    engine_store.set_tagset(default_tagset())
    import_paths(engine_store, [tmp_path / "f"])
    (tmp_path / "f" / "01.txt").write_text("第1号文件\n内容改了。", encoding="utf-8")
    reads.clear()
    changed = import_paths(engine_store, [tmp_path / "f"])
    assert sorted(reads) == ["01.txt", "records.jsonl"]
    assert [origin for _, _, origin in changed.added] == [str(tmp_path / "f" / "01.txt")]
    reads.clear()
    rules = [r for r in importer.RULE_NAMES if r != "whitespace"]
    other = import_paths(engine_store, [tmp_path / "f"], rules=rules)
    assert len(reads) == 5 and not other.added  # same texts: duplicates, found by reading


def test_files_are_read_again_once_the_cleaning_changed(engine_store, tmp_path, reads,
                                                        monkeypatch):
    """A new version of the cleaning (a rule that makes something else of the same bytes)
    changes every key: the files are read and cleaned again, not skipped as imported."""
    from annotator.ingest import known

    write_folder(tmp_path / "f", 2)
    engine_store.set_tagset(default_tagset())
    import_paths(engine_store, [tmp_path / "f"])
    monkeypatch.setattr(known, "CLEANING_VERSION", known.CLEANING_VERSION + 1)
    reads.clear()
    again = import_paths(engine_store, [tmp_path / "f"])
    assert sorted(reads) == ["00.txt", "01.txt", "page.html", "records.jsonl"]
    assert not again.added and len(again.duplicates) == 5  # same texts, found by reading


def test_an_upgraded_project_learns_its_files_keys_on_the_next_import(tmp_path, monkeypatch,
                                                                      reads):
    """Schema 11 adds the keys; documents imported before have none (the bytes were not
    kept), so the first import after the upgrade reads every file (its texts are found
    stored, as before) and gives their documents the keys; the next one reads none."""
    write_folder(tmp_path / "f", 5)
    path = tmp_path / "old.annotator"
    with monkeypatch.context() as m:
        m.setattr(schema_module, "MIGRATIONS", schema_module.MIGRATIONS[:10])
        m.setattr(schema_module, "SCHEMA_VERSION", 10)
        with Store.open(path, create=True) as old:
            old.set_tagset(default_tagset())
            before = import_paths(old, [tmp_path / "f"])
            assert old.documents_from_files(["x"]) == {}
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == 11
        assert store.integrity() == [] and not store.check().problems
        assert {store.document(d).file_key for d, _, _ in before.added} == {None}
        reads.clear()
        first = import_paths(store, [tmp_path / "f"])
        assert len(reads) == 7 and len(first.duplicates) == 8 and not first.added
        reads.clear()
        second = import_paths(store, [tmp_path / "f"])
        assert reads == ["records.jsonl"]
        assert sorted(second.duplicates) == sorted(first.duplicates)


_IMPORTER = """
import sys
from annotator.project import import_paths
from annotator.store import Store
with Store.open(sys.argv[1]) as store:
    import_paths(store, [sys.argv[2]], progress=lambda files, new: print(files, flush=True))
"""


def test_an_import_killed_midway_leaves_whole_documents_and_the_rerun_adds_the_rest(tmp_path):
    """SIGKILL after the first batch's commit, while the next is read and stored: the file
    holds whole documents only (each with its index row and its key), and the same import
    again adds exactly the rest, skipping the stored ones' files unread."""
    import os
    import signal
    import subprocess
    import sys

    folder = tmp_path / "f"
    folder.mkdir()
    for i in range(600):
        (folder / f"{i:03d}.txt").write_text(f"第{i}号文件\n上海合作组织打击恐怖主义。{i}" * 20,
                                             encoding="utf-8")
    path = tmp_path / "p.annotator"
    with Store.open(path, create=True) as store:
        store.set_tagset(default_tagset())
    child = subprocess.Popen([sys.executable, "-c", _IMPORTER, str(path), str(folder)],
                             stdout=subprocess.PIPE, text=True, start_new_session=True)
    assert child.stdout is not None
    for line in child.stdout:
        if int(line) >= 330:
            break
    os.killpg(child.pid, signal.SIGKILL)  # the importer and its reader process
    child.wait()
    with Store.open(path) as store:
        assert store.integrity() == [] and not store.check().problems
        stored = store.document_ids()
        assert 200 <= len(stored) < 600
        indexed = store.conn.execute("SELECT count(*) FROM search_text").fetchone()[0]
        assert indexed == len(stored)
        assert all(store.document(d).file_key for d in stored)
        again = import_paths(store, [folder])
        assert len(again.duplicates) == len(stored)
        assert len(again.added) == 600 - len(stored) and len(store.document_ids()) == 600
        assert store.conn.execute("SELECT count(*) FROM search_text").fetchone()[0] == 600
        assert store.search("第599号")


def test_keys_are_looked_up_a_step_at_a_time_with_the_same_result(tmp_path, monkeypatch,
                                                                   reads):
    """(So that a re-run's progress starts before every file's bytes were hashed.)"""
    write_folder(tmp_path / "f", 9)
    with Store.open(tmp_path / "p.annotator", create=True) as store:
        store.set_tagset(default_tagset())
        import_paths(store, sorted((tmp_path / "f").iterdir())[::2])
        whole = import_paths(store, [tmp_path / "f"])
        reads.clear()
        monkeypatch.setattr(importer, "KNOWN_STEP", 4)
        steps = import_paths(store, [tmp_path / "f"])
        assert reads == ["records.jsonl"] and not steps.added
        assert sorted(steps.duplicates) == sorted(
            whole.duplicates + [(origin, doc_id) for doc_id, _, origin in whole.added])
