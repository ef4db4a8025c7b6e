"""Never lose work: read-only opening, damaged files, locks, backups, full disks, busy files
and migrations that fail halfway."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from seedproject import create_without_gold as create_project

from annotator.core.annotation import Annotator
from annotator.core.errors import ProjectError
from annotator.core.session import Session
from annotator.store import DamagedError, ReadOnlyError, Store, backups, location, schema
from annotator.store.lock import LockedError, ProjectLock

ROOT = Path(__file__).resolve().parents[2]


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def project(tmp_path) -> Path:
    path = tmp_path / "p.annotator"
    store, _ = create_project(path)
    session = Session(store, Annotator("lin", "Lin"))
    doc = store.documents()[0]
    session.add(doc.id, store.document(doc.id).text, 0, 4, "actor.state")
    store.close()
    return path


# --- read-only ---------------------------------------------------------------------------
def test_read_only_reads_everything_and_refuses_every_write(project):
    before = project.read_bytes()
    with Store.open(project, read_only="open in another window") as store:
        docs = store.documents()
        assert docs and store.annotations(docs[0].id)
        with pytest.raises(ReadOnlyError, match="open in another window"):
            Session(store, Annotator("chen", "Chen")).add(docs[0].id, "abcdef", 0, 2, "x.y")
        with pytest.raises(ReadOnlyError):
            store.set_status(docs[0].id, "done")
        assert store.read_only == "open in another window"
    assert project.read_bytes() == before


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody can write to: a read-only bind mount as root, chmod otherwise."""
    source, target = tmp_path / "rw", tmp_path / "ro"
    source.mkdir()
    target.mkdir()
    if os.geteuid() != 0:
        yield source, lambda: source.chmod(0o555)
        source.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "--bind", str(source), str(target)],
                             capture_output=True).returncode == 0
    if not mounted:
        pytest.skip("root without mount rights: cannot make a read-only folder")
    try:
        def seal():
            subprocess.run(["mount", "-o", "remount,ro,bind", str(target)], check=True)
        yield target, seal
    finally:
        subprocess.run(["umount", str(target)], check=False)


def test_a_project_in_a_read_only_folder_opens_read_only(read_only_folder):
    folder, seal = read_only_folder
    path = folder / "p.annotator"
    store, _ = create_project(path)
    doc_id = store.documents()[0].id
    store.close()  # checkpoints: no -wal or -shm left beside it
    assert not path.with_name(path.name + "-wal").exists()
    seal()
    assert location.writable(path)[0] is False
    with Store.open(path) as again:
        assert "read-only" in again.read_only
        assert again.document(doc_id).text
        with pytest.raises(ReadOnlyError, match="read-only"):
            again.set_status(doc_id, "done")
    assert not path.with_name(path.name + "-shm").exists()


# --- damage ---------------------------------------------------------------------------
def corrupt(path: Path) -> None:
    """Scribble over the cells at the end of the documents table's root page."""
    conn = sqlite3.connect(path)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'documents'"
                        ).fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    end = root * page
    data[end - 200:end] = b"\xa5" * 200
    path.write_bytes(bytes(data))


def test_a_damaged_project_is_left_untouched_and_the_latest_backup_offered(project):
    with Store.open(project) as store:
        taken = store.backup("manual")
    corrupt(project)
    before = project.read_bytes()
    with pytest.raises(DamagedError) as info:
        Store.open(project)
    assert info.value.backup == taken
    message = str(info.value)
    assert "\n" not in message and str(project) in message and taken.name in message
    assert project.read_bytes() == before

    replaced = backups.restore(project, info.value.backup)
    assert replaced.read_bytes() == before  # kept, never deleted
    with Store.open(project) as store:
        assert store.integrity() == [] and store.documents()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(project, tmp_path):
    bad = tmp_path / "bad.annotator"
    bad.write_bytes(project.read_bytes())
    corrupt(bad)
    before = dump(project)
    with pytest.raises(ProjectError):
        backups.restore(project, bad)
    assert dump(project) == before


# --- backups --------------------------------------------------------------------------
def test_backups_roll_and_partial_files_are_cleaned(project):
    folder = backups.folder_of(project)
    with Store.open(project) as store:
        made = [store.backup(f"b{i}") for i in range(backups.KEEP + 3)]
        (folder / "crashed.annotator.part").write_bytes(b"half")
        store.backup("after-crash")
    kept = backups.backups(project)
    assert len(kept) == backups.KEEP
    assert made[0] not in kept and made[-1] in kept
    assert not list(folder.glob("*.part"))
    with Store.open(kept[0]) as copy:
        assert copy.integrity() == [] and copy.documents()


def test_restore_moves_a_stale_wal_aside(project):
    with Store.open(project) as store:
        taken = store.backup("manual")
        doc = store.documents()[0]
        Session(store, Annotator("lin", "Lin")).add(doc.id, store.document(doc.id).text,
                                                    5, 9, "actor.igo")
        # the window still has it open: the new span may sit in the -wal file
        replaced = backups.restore(project, taken)
    assert not project.with_name(project.name + "-wal").exists() or \
        project.with_name(project.name + "-wal").stat().st_size == 0
    with Store.open(project) as store:
        assert len(store.annotations(doc.id)) == 1  # the backup's state, not the WAL's
    with Store.open(replaced) as old:
        assert len(old.annotations(doc.id)) == 2  # the replaced project keeps its work


# --- locks ----------------------------------------------------------------------------
HOLD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from annotator.store.lock import ProjectLock
    lock = ProjectLock(Path(sys.argv[1])).acquire("Lin")
    print("locked", flush=True)
    time.sleep(60)
""")


def test_a_second_editor_is_told_who_has_the_project(project):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(project)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError) as info:
            ProjectLock(project).acquire("Chen")
        message = str(info.value)
        assert "Lin" in message and str(holder.pid) in message and str(project) in message
        with pytest.raises(LockedError):
            ProjectLock(project).acquire()
    finally:
        holder.kill()
        holder.wait()
    with ProjectLock(project).acquire("Chen") as lock:  # gone with the process
        assert lock.held


def test_the_lock_file_is_removed_when_released(project):
    lock_file = project.with_name(project.name + ".lock")
    with ProjectLock(project).acquire("Lin") as lock:
        assert lock.held and lock_file.exists()
    assert not lock_file.exists()
    with Store.open(project, lock="Lin"):
        assert lock_file.exists()
    assert not lock_file.exists()
    with pytest.raises(LockedError), ProjectLock(project).acquire("Lin"):
        ProjectLock(project).acquire("Chen")  # refused: the file stays for its holder
    assert not lock_file.exists()
    lock_file.write_text("")  # left by an older annotator: taken and removed
    with ProjectLock(project).acquire("Lin"):
        pass
    assert not lock_file.exists()


def test_a_lock_file_removed_while_being_opened_is_not_taken_over(project, monkeypatch):
    """B opens the lock file, A releases it (removing it), C makes a new one and takes it:
    B's lock on the removed file must not count, or B and C would both edit."""
    import annotator.store.lock as lock_module

    first = ProjectLock(project).acquire("Lin")
    real, raced, others = lock_module._try_lock, [], []

    def racing(fd):
        if not raced:
            raced.append(fd)
            first.release()
            others.append(ProjectLock(project).acquire("Chen"))
        return real(fd)

    monkeypatch.setattr(lock_module, "_try_lock", racing)
    with pytest.raises(LockedError, match="Chen"):
        ProjectLock(project).acquire("Wang")
    others[0].release()
    with ProjectLock(project).acquire("Wang") as lock:
        assert lock.held


# --- write failures -------------------------------------------------------------------
def test_a_full_disk_is_one_message_and_committed_work_stays(project):
    with Store.open(project) as store:
        doc = store.documents()[0]
        text = store.document(doc.id).text
        session = Session(store, Annotator("lin", "Lin"))
        before = store.annotations(doc.id)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(ProjectError, match="disk is full") as info:
            for i in range(2000):  # until the pages run out
                session.add(doc.id, text, i % 50, i % 50 + 3, "actor.state",
                            {"note": "x" * 2000})
        assert "\n" not in str(info.value)
        stored = store.annotations(doc.id)
        assert stored[:len(before)] == before or set(before) <= set(stored)
        assert store.integrity() == []
    with Store.open(project) as again:
        assert again.annotations(doc.id) == stored
        done, _ = again.history("lin")
        assert len(done) == len(stored)  # one journal entry per stored span, no more


def test_a_busy_project_ends_in_a_message(project, monkeypatch):
    monkeypatch.setattr("annotator.store.base.BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(project, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with Store.open(project) as store:
            store.conn.execute("PRAGMA busy_timeout = 200")
            with pytest.raises(ProjectError, match="busy") as info:
                store.set_status(store.documents()[0].id, "done")
            assert "\n" not in str(info.value)
    finally:
        other.execute("ROLLBACK")
        other.close()


# --- migrations -----------------------------------------------------------------------
def test_a_failing_migration_leaves_the_old_version_and_a_backup(project, monkeypatch):
    before = dump(project)

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("DELETE FROM annotations")
        raise sqlite3.OperationalError("simulated crash in a migration")

    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, broken))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    with pytest.raises(ProjectError):
        Store.open(project)
    assert dump(project) == before
    taken = backups.latest(project)
    assert taken is not None and "before-upgrade" in taken.name
    assert dump(taken) == before


KILLED_MIGRATION = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from annotator.store import Store, schema

    def dies(conn):
        conn.execute("DELETE FROM annotations")
        conn.execute("CREATE TABLE half_done (x)")
        os.kill(os.getpid(), signal.SIGKILL)

    schema.MIGRATIONS = (*schema.MIGRATIONS, dies)
    schema.SCHEMA_VERSION = len(schema.MIGRATIONS)
    Store.open(Path(sys.argv[1]))
""")


def test_a_process_killed_mid_migration_leaves_the_old_version(project):
    before = dump(project)
    result = subprocess.run([sys.executable, "-c", KILLED_MIGRATION, str(project)], cwd=ROOT)
    assert result.returncode == -9
    assert dump(project) == before
    with Store.open(project) as store:
        assert store.integrity() == []


# --- where projects live --------------------------------------------------------------
MOUNTS = """/dev/sda1 / ext4 rw 0 0
server:/export /mnt/lab nfs4 rw 0 0
//nas/share /media/nas cifs rw 0 0
"""


@pytest.mark.parametrize(("path", "expected"), [
    ("/home/lin/study.annotator", None),
    ("/home/lin/Dropbox/study.annotator", "sync folder (Dropbox)"),
    ("/home/lin/OneDrive - Uni/p.annotator", "sync folder (OneDrive - Uni)"),
    ("/mnt/lab/projects/p.annotator", "network drive (nfs4)"),
    ("/media/nas/p.annotator", "network drive (cifs)"),
    ("/mnt/laboratory/p.annotator", None),
])
def test_network_drives_and_sync_folders_are_warned_about(path, expected):
    warning = location.storage_warning(Path(path), MOUNTS)
    if expected is None:
        assert warning is None
    else:
        assert warning is not None and expected in warning and path in warning


# --- the clean-close mark -------------------------------------------------------------
def test_only_a_file_left_as_a_checked_editing_store_closed_it_skips_the_check(project):
    from annotator.store.backups import closed_cleanly

    assert not closed_cleanly(project)  # never closed by an editing store
    with Store.open(project, lock="Lin") as store:
        assert store.checked
    assert closed_cleanly(project)
    with Store.open(project, lock="Lin", check="auto") as store:
        assert not store.checked
    assert closed_cleanly(project)  # untouched
    with Store.open(project, lock="Lin", check="auto") as store:
        store.set_status(store.documents()[0].id, "done")
    assert not closed_cleanly(project)  # changed by a store whose check never finished
    with Store.open(project, lock="Lin") as store:
        pass
    writer = sqlite3.connect(project)  # someone else writes to it afterwards
    writer.execute("UPDATE documents SET status = 'done'")
    writer.commit()
    assert not closed_cleanly(project)  # a write-ahead log beside it
    writer.close()
    assert not closed_cleanly(project)  # checkpointed: size or time stamp differ
    with Store.open(project, check="auto") as store:
        assert store.checked
