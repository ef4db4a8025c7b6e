"""Keeping work safe in the real window: a second window gets the project read-only, a
damaged project is replaced by its latest backup on request, backups at open and from
the File menu, restoring one, and the banner for risky places."""

from __future__ import annotations

import os
import sqlite3

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QInputDialog, QMessageBox  # noqa: E402
from seedproject import create_without_gold as create_project  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.core.session import Session  # noqa: E402
from annotator.qt import safety  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402
from annotator.store import DamagedError, Store, backups  # noqa: E402
from annotator.store.lock import LockedError  # noqa: E402

LIN, CHEN = Annotator("lin", "Lin"), Annotator("chen", "Chen")


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "p.annotator"
    create_project(p)[0].close()
    return p


def make_window(qtbot, store, who, tmp_path) -> MainWindow:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, who, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def answer(monkeypatch, button, seen: list | None = None):
    def question(parent, title, text, *args):
        if seen is not None:
            seen.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)


def test_a_second_window_gets_the_project_read_only(qtbot, path, tmp_path, monkeypatch):
    first = safety.open_store(None, path, LIN)
    assert first is not None and first.lock is not None and first.lock.held
    seen: list[str] = []
    answer(monkeypatch, QMessageBox.StandardButton.Yes, seen)
    second = safety.open_store(None, path, CHEN)
    assert second is not None and "Lin" in seen[0] and "read-only" in seen[0]
    assert "open for editing by Lin" in second.read_only
    win = make_window(qtbot, second, CHEN, tmp_path)
    assert win.banner.isVisible() and "Read-only" in win.banner.text()
    doc = win.doc
    win.reader.select_range(0, 4)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.reader.setFocus()
    qtbot.keyClick(win.reader, Qt.Key.Key_1)  # a tag key: refused, said in the status bar
    assert "read-only" in win.statusBar().currentMessage()
    assert second.annotations(doc.id) == [] and first.annotations(doc.id) == []
    win.store.close()
    first.close()


def test_declining_the_read_only_copy_opens_nothing(path, monkeypatch):
    with Store.open(path, lock="Lin"):
        answer(monkeypatch, QMessageBox.StandardButton.No)
        assert safety.open_store(None, path, CHEN) is None


def test_a_damaged_project_is_swapped_for_its_latest_backup_on_request(path, monkeypatch):
    with Store.open(path) as store:
        doc_id = store.documents()[0].id
        store.backup("manual")
    conn = sqlite3.connect(path)
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='documents'").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[root * size - 200:root * size] = b"\xa5" * 200
    path.write_bytes(bytes(data))
    damaged = path.read_bytes()
    seen: list[str] = []
    answer(monkeypatch, QMessageBox.StandardButton.Yes, seen)
    store = safety.open_store(None, path, LIN)
    assert store is not None and "damaged" in seen[0]
    assert store.document(doc_id).text and store.integrity() == []
    kept = [p for p in backups.folder_of(path).iterdir() if "replaced-by-restore" in p.name
            and p.suffix == ".annotator"]
    assert [p.read_bytes() for p in kept] == [damaged]
    store.close()


def test_backups_at_open_from_the_menu_and_restoring_one(qtbot, path, tmp_path, monkeypatch):
    store = safety.open_store(None, path, LIN)
    win = make_window(qtbot, store, LIN, tmp_path)
    qtbot.waitUntil(lambda: backups.latest(path) is not None, timeout=5000)  # at open
    at_open = backups.latest(path)
    assert at_open is not None and at_open.name.endswith("-open.annotator")
    win.acts["backup"].trigger()
    manual = backups.latest(path)
    assert manual is not None and manual.name.endswith("-manual.annotator")
    win.reader.select_range(0, 4)
    win.apply_tag("actor.state")
    doc_id = win.doc.id
    assert len(win.store.annotations(doc_id)) == 1

    def pick_latest(parent, title, label, items, current, editable):
        assert manual.name in items[0]
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick_latest)
    win.acts["restore"].trigger()
    assert win.store is not store and win.store.lock is not None
    assert win.store.annotations(doc_id) == []  # the backup's state
    replaced = [p for p in backups.folder_of(path).iterdir() if "replaced" in p.name
                and p.suffix == ".annotator"]
    with Store.open(replaced[0]) as old:
        assert len(old.annotations(doc_id)) == 1  # the replaced file keeps the span
    win.store.close()


def test_the_banner_warns_about_a_sync_folder(qtbot, tmp_path):
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    store, _ = create_project(folder / "p.annotator")
    win = make_window(qtbot, store, LIN, tmp_path)
    assert win.banner.isVisible() and "sync folder (Dropbox)" in win.banner.text()
    win.store.close()


# --- the damage check at open -----------------------------------------------------------
def scribble_on_index(path) -> None:
    """Damage the annotations' id index (the window reads nothing through it at open, so
    only SQLite's check can notice) and keep the file's time stamp, as bit rot would."""
    conn = sqlite3.connect(path)
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'annotations_id'"
                        ).fetchone()[0]
    conn.close()
    stamp = path.stat().st_mtime_ns
    with path.open("r+b") as f:
        f.seek(root * size - 100)
        f.write(b"\xa5" * 64)
    os.utime(path, ns=(stamp, stamp))


def closed_by_the_window(path) -> None:
    """The project as the app leaves it: opened for editing, checked, closed."""
    store = safety.open_store(None, path, LIN)
    assert store is not None and store.checked
    doc = store.document(store.documents()[0].id)
    session = Session(store, LIN)
    for i in range(0, 400, 4):  # enough spans for the id index to have pages of its own
        session.add(doc.id, doc.text, i, i + 2, "actor.state")
    store.backup("manual")
    store.close()


def test_a_cleanly_closed_project_opens_without_waiting_for_the_check(qtbot, path, tmp_path):
    closed_by_the_window(path)
    store = safety.open_store(None, path, LIN)
    assert store is not None and not store.checked  # the check went to a worker thread
    win = make_window(qtbot, store, LIN, tmp_path)
    qtbot.waitUntil(lambda: win.store.checked, timeout=10000)
    assert win.store is store and not win.banner.isVisible()
    win.store.close()
    assert safety.open_store(None, path, LIN).checked is False  # closed cleanly again


def test_damage_found_after_opening_swaps_in_the_latest_backup(qtbot, path, tmp_path,
                                                               monkeypatch):
    closed_by_the_window(path)
    scribble_on_index(path)
    damaged = path.read_bytes()
    seen: list[str] = []
    answer(monkeypatch, QMessageBox.StandardButton.Yes, seen)
    store = safety.open_store(None, path, LIN)
    assert store is not None and not store.checked
    win = make_window(qtbot, store, LIN, tmp_path)
    qtbot.waitUntil(lambda: win.store is not store, timeout=10000)
    assert seen and "damaged" in seen[0] and store.closed
    assert win.store.checked and win.store.integrity() == [] and win.store.lock is not None
    kept = [p for p in backups.folder_of(path).iterdir() if "replaced-by-restore" in p.name
            and p.suffix == ".annotator"]
    assert [p.read_bytes() for p in kept] == [damaged]
    win.store.close()


def test_damage_found_after_opening_and_no_restore_leaves_it_read_only(qtbot, path, tmp_path,
                                                                       monkeypatch):
    closed_by_the_window(path)
    scribble_on_index(path)
    answer(monkeypatch, QMessageBox.StandardButton.No)
    store = safety.open_store(None, path, LIN)
    win = make_window(qtbot, store, LIN, tmp_path)
    qtbot.waitUntil(lambda: win.store is not store, timeout=10000)
    assert "damaged" in win.store.read_only and win.banner.isVisible()
    assert "damaged" in win.banner.text()
    win.store.close()
    with pytest.raises(DamagedError):  # the clean mark is gone: checked before opening
        Store.open(path, check="auto")


# --- the editor closes: the read-only window offers to take over --------------------------
@pytest.fixture
def quick_watch(monkeypatch):
    from annotator.qt import lockwatch

    monkeypatch.setattr(lockwatch, "LOCK_POLL_MS", 50)
    return lockwatch


def read_only_window(qtbot, path, tmp_path, monkeypatch):
    first = safety.open_store(None, path, LIN)
    assert first is not None
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    second = safety.open_store(None, path, CHEN)
    assert second is not None and second.read_only
    return first, make_window(qtbot, second, CHEN, tmp_path)


def test_the_read_only_banner_says_since_when_in_words(qtbot, path, tmp_path, monkeypatch,
                                                      quick_watch):
    import re

    first, win = read_only_window(qtbot, path, tmp_path, monkeypatch)
    try:
        text = win.banner.text()
        assert re.search(r"open for editing by Lin \(process \d+ on .+, since \d\d:\d\d\)",
                         text), text
        assert "T" not in text.split("since ")[1]  # no ISO 8601 timestamp
    finally:
        win.store.close()
        first.close()


def test_when_the_editor_closes_the_read_only_window_offers_to_take_over(
        qtbot, path, tmp_path, monkeypatch, quick_watch):
    first, win = read_only_window(qtbot, path, tmp_path, monkeypatch)
    try:
        doc = win.doc.id
        qtbot.wait(200)  # the lock is watched: still held, still read-only
        assert "Read-only" in win.banner.text() and "closed" not in win.banner.text()
        first.close()  # Lin's window closes the project
        qtbot.waitUntil(lambda: "Lin has closed the project" in win.banner.text())
        assert f'href="{quick_watch.TAKE_OVER}"' in win.banner.text()
        assert win.store.read_only  # nothing changes until Chen says so
        win.banner.linkActivated.emit(quick_watch.TAKE_OVER)
        assert not win.store.read_only and win.store.lock is not None and win.store.lock.held
        assert not win.banner.isVisible()
        assert win.doc.id == doc  # on the same document
        assert "editing p.annotator now" in win.statusBar().currentMessage()
        win.reader.select_range(0, 4)
        win.apply_tag("actor.igo")
        assert len(win.store.annotations(doc)) == 1 and win.acts["undo"].isEnabled()
        with pytest.raises(LockedError):  # and Chen holds the lock now
            Store.open(path, lock="Lin")
    finally:
        win.store.close()


def test_someone_quicker_to_take_over_keeps_the_window_read_only(
        qtbot, path, tmp_path, monkeypatch, quick_watch):
    first, win = read_only_window(qtbot, path, tmp_path, monkeypatch)
    try:
        first.close()
        qtbot.waitUntil(lambda: "has closed" in win.banner.text())
        wang = Store.open(path, lock="Wang")  # another window got there first
        win.banner.linkActivated.emit(quick_watch.TAKE_OVER)
        assert win.store.read_only
        assert win.statusBar().currentMessage() == "Wang opened the project for editing first."
        assert "open for editing by Wang" in win.banner.text()
        wang.close()
        qtbot.waitUntil(lambda: "Wang has closed the project" in win.banner.text())
    finally:
        win.store.close()


# --- an upgraded project; damage met by a backup --------------------------------------------
def schema_4_project(path, monkeypatch) -> None:
    """A project as annotator made it at schema 4: a span ending on a space."""
    import annotator.store.schema as schema_module
    from annotator.core.annotation import Annotation

    with monkeypatch.context() as m:
        m.setattr(schema_module, "MIGRATIONS", schema_module.MIGRATIONS[:4])
        m.setattr(schema_module, "SCHEMA_VERSION", 4)
        with Store.open(path) as store:
            assert store.conn.execute("PRAGMA user_version").fetchone()[0] == 4
            doc = store.document(store.documents()[0].id)
            store.add_annotator(LIN)
            at = doc.text.index("。") + 1
            store.insert_annotations([Annotation("s", doc.id, at - 3, at + 1, "actor.state",
                                                 "lin")])


def test_what_an_upgrade_changed_is_shown_once(qtbot, tmp_path, monkeypatch):
    import annotator.store.schema as schema_module

    path = tmp_path / "old.annotator"
    with monkeypatch.context() as m:
        m.setattr(schema_module, "MIGRATIONS", schema_module.MIGRATIONS[:4])
        m.setattr(schema_module, "SCHEMA_VERSION", 4)
        create_project(path)[0].close()
    schema_4_project(path, monkeypatch)
    store = safety.open_store(None, path, LIN)
    assert store is not None and store.upgrade_notes
    win = make_window(qtbot, store, LIN, tmp_path)
    assert win.banner.isVisible()
    text = win.banner.text()
    assert "Upgraded" in text and "trimmed whitespace" in text and "1 span(s)" in text
    win.store.close()
    again = safety.open_store(None, path, LIN)
    assert again is not None and again.upgrade_notes == []
    win.set_project(again, LIN)
    assert not win.banner.isVisible()  # once: the next opening has nothing to say
    win.store.close()


@pytest.mark.parametrize("how", ["periodic", "menu"])
def test_damage_met_by_a_backup_offers_the_latest_backup(qtbot, path, tmp_path, monkeypatch,
                                                         how):
    """The file was sound at opening and was damaged since: the background backup (or
    File → Back up now) finds it, and the window offers the latest backup as the damage
    check at opening does (it was lost on the worker thread, or a bare warning)."""
    closed_by_the_window(path)
    store = safety.open_store(None, path, LIN)
    win = make_window(qtbot, store, LIN, tmp_path)
    qtbot.waitUntil(lambda: win.store.checked, timeout=10000)
    good = backups.latest(path)
    scribble_on_index(path)
    seen: list[str] = []
    answer(monkeypatch, QMessageBox.StandardButton.Yes, seen)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    if how == "periodic":
        win.editor.changes += 1  # new edits since the last backup
        win.backup_timer.timeout.emit()
        qtbot.waitUntil(lambda: win.store is not store, timeout=10000)
    else:
        win.acts["backup"].trigger()
    assert win.store is not store and store.closed
    assert seen and "damaged" in seen[0] and good is not None and good.name in "".join(
        p.name for p in backups.folder_of(path).iterdir())
    assert win.store.integrity() == [] and win.store.lock is not None and warned == []
    win.store.close()
