"""A damaged project points at its latest backup on every path that can meet it (open, check,
backup, export, restore…), never makes a damaged backup, and readers leave no side files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.project import create_project
from annotator.store import DamagedError, Store, backups, find_damage

SIDE_FILES = ("-wal", "-shm")


def corrupt(path: Path) -> None:
    """Scribble over the cells at the end of the documents table's root page."""
    conn = sqlite3.connect(path)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'documents'"
                        ).fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[root * page - 200:root * page] = b"\xa5" * 200
    path.write_bytes(bytes(data))


def side_files(path: Path) -> list[str]:
    return [s for s in SIDE_FILES if path.with_name(path.name + s).exists()]


def run(*args) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.output.splitlines()


@pytest.fixture
def damaged(tmp_path) -> tuple[Path, Path]:
    """A damaged project with one sound backup: (project, backup)."""
    path = tmp_path / "p.annotator"
    store, _ = create_project(path)
    with store:
        taken = store.backup("manual")
    corrupt(path)
    return path, taken


def points_at_backup(line: str, project: Path, backup: Path) -> bool:
    return (str(project) in line and "damaged" in line and backup.name in line
            and f"annotator restore {project.name}" in line)


@pytest.mark.parametrize("command", [
    ["docs"], ["show", "1"], ["export", "--format", "json", "--out", "{tmp}/x.json"],
    ["search", "上海"], ["stats"], ["agreement"], ["check-consistency"], ["tagset"]])
def test_every_reading_command_points_at_the_latest_backup(damaged, tmp_path, command):
    project, taken = damaged
    before = project.read_bytes()
    code, lines = run(command[0], project, *[a.format(tmp=tmp_path) for a in command[1:]])
    assert code == 1 and len(lines) == 1 and points_at_backup(lines[0], project, taken)
    assert project.read_bytes() == before


def test_check_lists_the_damage_and_points_at_the_latest_backup(damaged):
    project, taken = damaged
    code, lines = run("check", project)
    assert code == 1 and lines[0].startswith("integrity: ")
    assert points_at_backup(lines[-1], project, taken)
    assert side_files(project) == []


def test_check_of_a_tagset_problem_does_not_call_the_file_damaged(tmp_path):
    path = tmp_path / "p.annotator"
    create_project(path)[0].close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE tagsets SET active = 0")
    conn.commit()
    conn.close()
    code, lines = run("check", path)
    assert code == 1 and "damaged" not in lines[-1] and "backup" not in lines[-1]


def test_backup_of_a_damaged_project_is_refused_and_keeps_the_good_ones(damaged):
    project, taken = damaged
    code, lines = run("backup", project)
    assert code == 1 and len(lines) == 1 and points_at_backup(lines[0], project, taken)
    assert backups.backups(project) == [taken]
    assert not list(backups.folder_of(project).glob("*.part"))


def test_a_store_opened_without_the_check_makes_no_damaged_backup(damaged):
    project, taken = damaged
    with Store.open(project, check=False) as store, pytest.raises(DamagedError) as info:
        store.backup("every-20-minutes")
    assert info.value.backup == taken and backups.backups(project) == [taken]


def test_restore_of_a_damaged_backup_names_the_next_one(damaged, tmp_path):
    project, good = damaged
    bad = backups.folder_of(project) / f"{project.stem}-29991231T000000Z-manual.annotator"
    bad.write_bytes(project.read_bytes())  # the newest backup is damaged too
    before = project.read_bytes()
    code, lines = run("restore", project)
    assert code == 1 and len(lines) == 1
    assert str(bad) in lines[0] and "damaged" in lines[0] and good.name in lines[0]
    assert f"annotator restore {project} {good}" in lines[0]
    assert "there is no backup" not in lines[0]
    assert project.read_bytes() == before and side_files(bad) == []
    code, lines = run("restore", project, good)
    assert code == 0, lines


def test_an_error_of_sqlite_meeting_damage_later_points_at_the_backup(tmp_path, monkeypatch):
    """Damage quick_check missed, met while reading: the same one line, not a traceback."""
    path = tmp_path / "p.annotator"
    create_project(path)[0].close()
    code, lines = run("backup", path)
    taken = Path(lines[0])

    def malformed(self):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(Store, "documents", malformed)
    code, lines = run("docs", path)
    assert code == 1 and len(lines) == 1 and points_at_backup(lines[0], path, taken)


def test_a_damaged_schema_is_damage_not_a_foreign_file(tmp_path):
    path = tmp_path / "p.annotator"
    with create_project(path)[0] as store:
        taken = store.backup("manual")
    data = bytearray(path.read_bytes())
    data[100 + 8:4096] = b"\xa5" * (4096 - 108)  # page 1: sqlite_master's cells
    path.write_bytes(bytes(data))
    for opening in (Store.open, Store.open_readonly):
        with pytest.raises(DamagedError) as info:
            opening(path)
        assert info.value.backup == taken
    assert side_files(path) == []


# --- readers leave no side files --------------------------------------------------------
@pytest.fixture
def project(tmp_path) -> Path:
    path = tmp_path / "p.annotator"
    create_project(path)[0].close()
    assert side_files(path) == []
    return path


def test_check_leaves_no_wal_or_shm_and_the_file_untouched(project):
    before = (project.read_bytes(), project.stat().st_mtime_ns)
    code, _ = run("check", project)
    assert code == 0 and side_files(project) == []
    assert (project.read_bytes(), project.stat().st_mtime_ns) == before


def test_every_read_only_connection_tidies_what_it_made(project):
    with Store.open(project, read_only=True) as store:
        assert store.documents() and side_files(project)  # SQLite needs them while open
    assert side_files(project) == []
    assert find_damage(project) == [] and side_files(project) == []
    with Store.open_readonly(project) as store:
        assert store.check().ok
    assert side_files(project) == []


def test_a_reader_leaves_the_side_files_of_a_window_that_has_the_project_open(project):
    with Store.open(project, lock="Lin") as window:
        doc = window.documents()[0].id
        window.set_status(doc, "done")  # in the -wal, not yet in the file
        with Store.open_readonly(project) as reader:
            assert reader.check().ok
        assert side_files(project) == list(SIDE_FILES)
        window.set_status(doc, "in_progress")
    with Store.open(project) as store:
        assert store.summary(doc).status == "in_progress"


def test_a_reader_closing_after_the_window_opened_keeps_the_windows_files(project):
    reader = Store.open_readonly(project)
    reader.documents()
    window = Store.open(project, lock="Lin")
    doc = window.documents()[0].id
    window.set_status(doc, "done")
    reader.close()  # not the last connection: SQLite keeps the log the window writes to
    window.set_status(doc, "in_progress")
    window.close()
    assert side_files(project) == []
    with Store.open(project) as store:
        assert store.summary(doc).status == "in_progress"



def test_restore_and_check_of_a_backup_leave_no_side_files_in_the_backups(project):
    """`restore` opens the backup it restores from (to check it), and `check` may be given a
    backup: neither leaves a -wal or -shm beside it."""
    code, lines = run("backup", project)
    taken = Path(lines[0])
    folder = taken.parent
    code, lines = run("check", taken)
    assert code == 0 and lines[0].startswith("ok"), lines
    code, lines = run("backup", project, "--list")
    assert code == 0 and taken.name in "\n".join(lines)
    code, lines = run("restore", project)
    assert code == 0 and lines[0].startswith(f"restored {taken.name}"), lines
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted([taken.name, *(p.name for p in folder.glob("*replaced*"))])
    assert all(side_files(p) == [] for p in folder.iterdir())
    assert side_files(project) == []


def test_a_cancelled_check_stops_finding_nothing_and_vouching_for_nothing(damaged):
    """A window closing stops its damage check: the check is interrupted, which is no
    damage (the mark of a clean close is not taken away for it) and leaves no side file."""
    from annotator.core.errors import CancelFlag, Cancelled

    path, _ = damaged
    mark = backups.clean_mark(path)
    mark.parent.mkdir(parents=True, exist_ok=True)
    mark.write_text("{}", encoding="utf-8")
    flag = CancelFlag()
    flag.cancel()
    with pytest.raises(Cancelled):
        find_damage(path, flag)
    assert mark.exists() and side_files(path) == []
    assert find_damage(path, CancelFlag())  # not cancelled: the damage is found


def test_a_check_is_interrupted_from_another_thread(tmp_path, monkeypatch):
    """The check waits inside one statement: setting the flag interrupts it there."""
    import threading
    import time

    from annotator.core.errors import CancelFlag, Cancelled
    from annotator.store import base

    begun, flag, outcome = threading.Event(), CancelFlag(), []

    def slow_check(conn):  # a statement that runs until interrupted
        begun.set()
        try:
            conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                         "SELECT count(*) FROM n").fetchall()
        except sqlite3.OperationalError as e:
            return [str(e)]
        return []

    path = tmp_path / "p.annotator"
    create_project(path, seeds=False)[0].close()
    monkeypatch.setattr(base, "quick_check", slow_check)

    def check() -> None:
        try:
            find_damage(path, flag)
        except Cancelled:
            outcome.append("cancelled")

    worker = threading.Thread(target=check, daemon=True)  # (a failure does not hang)
    worker.start()
    begun.wait(10)
    t0 = time.perf_counter()
    flag.cancel()
    worker.join(10)
    assert outcome == ["cancelled"] and time.perf_counter() - t0 < 1.0
