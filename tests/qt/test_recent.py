"""File → Open Recent in the real window: projects opened and created there, most recent
first, missing ones greyed out, Ctrl+Shift+O, clearing; the list on its own."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox  # noqa: E402

from annotator.project import create_project  # noqa: E402
from annotator.qt import recent  # noqa: E402


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "recent.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def projects(tmp_path):
    paths = [tmp_path / f"{name}.annotator" for name in ("alpha", "beta")]
    for path in paths:
        create_project(path, seeds=False)[0].close()
    return paths


def entries(window) -> list[tuple[str, bool]]:
    """The Open Recent menu as the user sees it: (text, enabled), filled as on opening."""
    menu = window.acts["recent"].menu()
    menu.aboutToShow.emit()
    return [(a.text(), a.isEnabled()) for a in menu.actions() if not a.isSeparator()]


def entry(window, name: str):
    menu = window.acts["recent"].menu()
    menu.aboutToShow.emit()
    return next(a for a in menu.actions() if name in a.text())


def open_with_file_menu(window, path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(
        lambda *a, **k: (str(path), "")))
    window.acts["open"].trigger()


def test_the_list_keeps_the_last_ten_most_recent_first_each_once(settings, tmp_path):
    assert recent.recent_paths(settings) == []
    for n in range(12):
        recent.remember(settings, tmp_path / f"p{n}.annotator")
    recent.remember(settings, tmp_path / "p5.annotator")
    paths = recent.recent_paths(settings)
    assert [p.name for p in paths] == ["p5.annotator"] + [f"p{n}.annotator" for n in
                                                          (11, 10, 9, 8, 7, 6, 4, 3, 2)]
    settings.sync()
    reread = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert recent.recent_paths(reread) == paths
    recent.clear(reread)
    assert recent.recent_paths(reread) == []


def test_one_entry_reads_back_from_an_ini_file(settings, tmp_path):
    recent.remember(settings, tmp_path / "only.annotator")
    settings.sync()
    reread = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert recent.recent_paths(reread) == [tmp_path / "only.annotator"]


def test_opening_two_projects_lists_them_and_a_deleted_one_greys_out(
        seed_window, projects, monkeypatch):
    alpha, beta = projects
    first = seed_window.store.path
    open_with_file_menu(seed_window, alpha, monkeypatch)
    open_with_file_menu(seed_window, beta, monkeypatch)
    assert seed_window.store.path == beta
    texts = [text for text, _ in entries(seed_window)]
    assert [t.split("  ")[1] for t in texts[:3]] == ["beta.annotator", "alpha.annotator",
                                                   first.name]
    assert texts[0].startswith("&1") and texts[2].startswith("&3")
    assert texts[-1] == "&Clear recent projects"
    assert entry(seed_window, "beta").isChecked()  # the one open

    alpha.unlink()
    shown = dict(entries(seed_window))
    gone = next(t for t in shown if "alpha" in t)
    assert gone.endswith("(not found)") and shown[gone] is False
    assert all(enabled for text, enabled in shown.items() if "alpha" not in text)

    entry(seed_window, first.name).trigger()  # back to the first project
    assert seed_window.store.path == first
    assert [p.name for p in recent.recent_paths(seed_window.settings)] == [
        first.name, "beta.annotator", "alpha.annotator"]


def test_a_project_created_in_the_window_is_listed_first(seed_window, tmp_path, monkeypatch):
    new = tmp_path / "study.annotator"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a, **k: (str(new), "")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: QMessageBox.StandardButton.No))
    seed_window.acts["new"].trigger()
    assert seed_window.store.path == new
    assert recent.recent_paths(seed_window.settings)[0] == new


def test_a_project_gone_since_the_menu_opened_is_dropped_with_a_message(
        seed_window, projects, monkeypatch):
    alpha, _ = projects
    open_with_file_menu(seed_window, alpha, monkeypatch)
    first = recent.recent_paths(seed_window.settings)[1]
    action = entry(seed_window, first.name)
    first.unlink()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warned.append(a[2])))
    action.trigger()
    assert seed_window.store.path == alpha
    assert warned and str(first) in warned[0]
    assert first not in recent.recent_paths(seed_window.settings)


def test_ctrl_shift_o_pops_the_list_and_enter_switches_back(qtbot, seed_window, projects,
                                                            monkeypatch):
    first = seed_window.store.path
    open_with_file_menu(seed_window, projects[0], monkeypatch)
    seed_window.activateWindow()
    qtbot.waitUntil(seed_window.isActiveWindow)
    qtbot.keyClick(seed_window.reader, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    menu = seed_window.acts["recent"].menu()
    assert isinstance(menu, QMenu)
    qtbot.waitUntil(menu.isVisible)
    assert menu.activeAction() is not None and menu.activeAction().data() == str(first)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: seed_window.store.path == first)


def test_clear_recent_empties_the_menu(seed_window, projects, monkeypatch):
    open_with_file_menu(seed_window, projects[0], monkeypatch)
    entry(seed_window, "Clear recent").trigger()
    assert recent.recent_paths(seed_window.settings) == []
    assert entries(seed_window) == [("No recent projects", False),
                                    ("&Clear recent projects", False)]
    assert "cleared" in seed_window.statusBar().currentMessage()
