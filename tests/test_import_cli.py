"""``annotator import``: a progress line on stderr when asked (or on a terminal), and Ctrl+C
stops it between files leaving whole documents only; importing again adds the rest."""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.ingest.importer import documents_from_file
from annotator.ingest.progress import (
    ImportProgress,
    TerminalProgress,
    cancelled_message,
    clock_time,
    first_interrupt_cancels,
)
from annotator.project import LIST_AT_MOST, create_project
from annotator.store import Store

ROOT = Path(__file__).resolve().parents[1]


def write_folder(folder: Path, count: int) -> list[Path]:
    """``count`` small distinct articles with noise for the cleaning rules (CRLF, a
    zero-width space, an image placeholder line); one in five traditional."""
    folder.mkdir()
    paths = []
    for i in range(count):
        body = (f"第{i:04d}号通报\n图片 1\n中哈两国举行联合反恐演习。\u200b双方交流了情报信息，"
                f"上海合作组织秘书处发表声明（编号{i:04d}）。")
        if i % 5 == 0:
            body = body.replace("两国举行联合", "兩國舉行聯合").replace("组织", "組織")
        path = folder / f"{i:05d}.txt"
        path.write_bytes(body.replace("\n", "\r\n").encode("utf-8"))
        paths.append(path)
    return paths


def assert_whole(store: Store, files: list[Path]) -> list[str]:
    """Every stored document is its source file's whole cleaned text, indexed for search,
    with no spans; they are the first files in order (the import stops between files).
    Returns the stored origins."""
    rows = store.conn.execute(
        "SELECT d.id, d.origin, d.text, d.length, s.id FROM documents d "
        "LEFT JOIN search_text s ON s.doc_id = d.id ORDER BY d.position").fetchall()
    for doc_id, origin, text, length, key in rows:
        expected = documents_from_file(Path(origin))[0]
        assert (doc_id, text, length) == (expected.id, expected.text, len(expected.text))
        assert key is not None, f"{origin}: not indexed"
        number = Path(origin).stem[1:]
        assert [h.doc_id for h in store.search(f"第{number}号")] == [doc_id]
    assert store.conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0
    origins = [r[1] for r in rows]
    assert origins == [str(p) for p in files[:len(origins)]]
    return origins


def stored_count(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # busy or not created yet
        return 0
    finally:
        conn.close()


def test_ctrl_c_stops_between_files_and_a_second_import_adds_the_rest(tmp_path):
    files = write_folder(tmp_path / "articles", 2000)
    project = tmp_path / "p.annotator"
    create_project(project, seeds=False)[0].close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.Popen([sys.executable, "-m", "annotator", "import", str(project),
                            str(tmp_path / "articles")], cwd=tmp_path, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while stored_count(project) < 200 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)  # the first batch (200 documents) is committed: well under way
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=60)
    assert run.returncode == 130, err
    assert "Traceback" not in err
    with Store.open(project) as store:
        origins = assert_whole(store, files)
        assert store.check().ok
    assert 200 <= len(origins) < 2000
    assert f"Cancelled: {len(origins):,} documents imported from {len(origins):,} of 2,000 " \
           "files" in err
    assert f"texts: {len(origins)} imported, 0 already present" in out

    again = CliRunner().invoke(cli, ["import", str(project), str(tmp_path / "articles")])
    assert again.exit_code == 0, again.output
    assert f"texts: {2000 - len(origins)} imported, {len(origins)} already present, " \
           "0 refused" in again.output
    with Store.open(project) as store:
        assert len(assert_whole(store, files)) == 2000
    assert CliRunner().invoke(cli, ["check", str(project)]).exit_code == 0


def test_progress_line_only_when_asked_or_on_a_terminal(tmp_path):
    write_folder(tmp_path / "articles", 12)
    project = tmp_path / "p.annotator"
    create_project(project, seeds=False)[0].close()
    quiet = CliRunner().invoke(cli, ["import", str(project), str(tmp_path / "articles")])
    assert quiet.exit_code == 0 and " files · " not in quiet.output + quiet.stderr
    shown = CliRunner().invoke(cli, ["import", str(project), str(tmp_path / "articles"),
                                     "--progress"])
    assert shown.exit_code == 0
    assert "12 of 12 files · 0 documents" in shown.stderr  # all 12 already there
    assert " files · " not in shown.stdout


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_line_counts_rate_and_time_left():
    clock = Clock()
    p = ImportProgress(10_000, started=clock(), clock=clock)
    p.update(1, 10_000, 1)
    assert p.line() == "1 of 10,000 files · 1 document"  # no rate in the first second
    clock.now += 10
    p.update(2_000, 10_000, 1_990)
    assert p.line() == "2,000 of 10,000 files · 1,990 documents · 200 files/s · 0:40 left"
    clock.now += 40
    p.update(10_000, 10_000, 9_990)
    assert p.line().endswith("· 200 files/s · 0:50 in all")
    assert [clock_time(s) for s in (0.2, 59.6, 725, 3723)] == ["0:00", "1:00", "12:05",
                                                                 "1:02:03"]
    assert cancelled_message(1_400, 10_000, 1_400).startswith(
        "Cancelled: 1,400 documents imported from 1,400 of 10,000 files (each whole)")


def test_terminal_line_is_redrawn_in_place_at_most_ten_times_a_second():
    clock, out = Clock(), io.StringIO()
    bar = TerminalProgress(out, tty=True, clock=clock)
    bar(1, 3, 1)
    bar(2, 3, 2)  # same instant: not drawn
    clock.now += 0.2
    bar(3, 3, 3)
    bar.close()
    assert out.getvalue().split("\r") == ["", "1 of 3 files · 1 document",
                                          "3 of 3 files · 3 documents · 0:00 in all",
                                          "3 of 3 files · 3 documents · 0:00 in all\n"]
    piped = io.StringIO()
    bar = TerminalProgress(piped, tty=False, clock=clock)
    bar(1, 3, 1)
    bar(2, 3, 2)
    bar.close()
    assert piped.getvalue() == ("1 of 3 files · 1 document\n"
                                "2 of 3 files · 2 documents\n")


def test_first_ctrl_c_sets_the_flag_and_a_second_interrupts():
    before = signal.getsignal(signal.SIGINT)
    with pytest.raises(KeyboardInterrupt), first_interrupt_cancels() as stop:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)
        assert stop.is_set()
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)
    assert signal.getsignal(signal.SIGINT) is before


def test_an_ignored_ctrl_c_stays_ignored():
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with first_interrupt_cancels() as stop:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)
            assert not stop.is_set()
            assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)


def test_a_folder_import_refuses_links_out_of_the_folder_and_says_so(tmp_path):
    outside = tmp_path / "home"
    outside.mkdir()
    (outside / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (outside / "notes.json").write_text('[{"title": "机密", "text": "机密笔记：不得外传。"}]',
                                        encoding="utf-8")
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "a.txt").write_text("中哈两国举行联合反恐演习。双方交流了情报信息。", encoding="utf-8")
    (folder / "x.txt").symlink_to(outside / "passwd")
    (folder / "y.json").symlink_to(outside / "notes.json")
    project = tmp_path / "p.annotator"
    create_project(project, seeds=False)[0].close()
    result = CliRunner().invoke(cli, ["import", str(project), str(folder)])
    assert result.exit_code == 1, result.output
    real = outside.resolve()
    assert f"error: {folder / 'x.txt'}: a link to {real / 'passwd'}, outside {folder}: " \
           "not followed" in result.stderr
    assert f"error: {folder / 'y.json'}: a link to {real / 'notes.json'}, outside {folder}: " \
           "not followed" in result.stderr
    assert "texts: 1 imported, 0 already present, 0 refused" in result.stdout
    with Store.open(project) as store:
        texts = [store.document(r.id).text for r in store.documents()]
    assert texts == ["中哈两国举行联合反恐演习。双方交流了情报信息。"]


def test_a_large_import_prints_a_summary_unless_verbose(tmp_path):
    files = write_folder(tmp_path / "articles", LIST_AT_MOST + 5)
    project = tmp_path / "p.annotator"
    create_project(project, seeds=False)[0].close()
    result = CliRunner().invoke(cli, ["import", str(project), str(tmp_path / "articles")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"imported {len(files)} documents (not listed one by one)",
        f"texts: {len(files)} imported, 0 already present, 0 refused", "done"]
    again = CliRunner().invoke(cli, ["import", str(project), str(tmp_path / "articles"),
                                     "--verbose"])
    assert again.exit_code == 0, again.output
    skipped = [ln for ln in again.stdout.splitlines() if ln.startswith("skipped ")]
    assert len(skipped) == len(files) and str(files[0]) in skipped[0]
    quiet = CliRunner().invoke(cli, ["import", str(project), str(tmp_path / "articles")])
    assert quiet.stdout.splitlines()[0] == \
        f"skipped {len(files)} documents already in the project (same text)"


def test_a_small_import_lists_each_document_with_a_short_title(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_text("上海合作组织成员国安全会议秘书会议在北京举行" * 50_000, encoding="utf-8")
    project = tmp_path / "p.annotator"
    create_project(project, seeds=False)[0].close()
    result = CliRunner().invoke(cli, ["import", str(project), str(huge)])
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert first.startswith("imported ") and str(huge) in first
    assert len(first) < len(str(huge)) + 150 and len(result.output) < len(str(huge)) + 300


def test_a_file_mostly_removed_as_repeated_paragraphs_is_reported_with_the_numbers(tmp_path):
    paragraph = "上海合作组织成员国安全会议秘书第十三次会议在北京举行，会议由中方主持。" * 4
    (tmp_path / "in").mkdir()
    scraped = tmp_path / "in" / "scraped.txt"
    scraped.write_text("\n".join([paragraph] * 20), encoding="utf-8")
    normal = tmp_path / "in" / "normal.txt"
    normal.write_text("\n".join([paragraph, "第二段。", paragraph]), encoding="utf-8")
    project = tmp_path / "p.annotator"
    create_project(project, seeds=False)[0].close()
    result = CliRunner().invoke(cli, ["import", str(project), str(tmp_path / "in")])
    assert result.exit_code == 0, result.output
    total, kept = 20 * len(paragraph) + 19, len(paragraph)
    assert f"warning: {scraped}: {total - kept:,} of its {total:,} characters were repeated " \
           f"paragraphs and were removed, leaving {kept:,} (rule repeated-paragraph)" \
        in result.stdout.splitlines()
    assert str(normal) not in result.stdout.replace(f"({normal})", "")
    kept_all = CliRunner().invoke(cli, ["import", str(project), str(scraped), "--skip-rule",
                                        "repeated-paragraph"])
    assert kept_all.exit_code == 0 and "warning" not in kept_all.output
