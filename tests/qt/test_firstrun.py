"""The first-run dialog and the keyboard tour, driven with the keyboard. The user's data
and settings folders are temporary, so no test touches the real configuration."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from annotator.core.tagset import default_tagset  # noqa: E402
from annotator.project import create_project  # noqa: E402
from annotator.qt import actions, firstrun  # noqa: E402
from annotator.qt.app import identity  # noqa: E402
from annotator.resources import default_project_path  # noqa: E402
from annotator.store import Store  # noqa: E402

K = Qt.Key


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh user: empty home, data and config folders; a settings file of our own."""
    for var, sub in (("HOME", "home"), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "cfg")):
        (tmp_path / sub).mkdir()
        monkeypatch.setenv(var, str(tmp_path / sub))
    monkeypatch.setattr(firstrun, "os_user_name", lambda: "lin")
    assert str(default_project_path()).startswith(str(tmp_path))
    return QSettings(str(tmp_path / "cfg" / "annotator.ini"), QSettings.Format.IniFormat)


def drive(qtbot, steps):
    """Run ``steps(dialog)`` on the first-run dialog once it is up (it is modal: exec()
    returns only when it closes). A failing step closes the dialog and fails the test."""
    errors: list[BaseException] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, run)
            return
        try:
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)  # for its shortcuts
            steps(dialog)
        except BaseException as e:  # noqa: BLE001 — re-raised in the test
            errors.append(e)
            dialog.done(0)

    QTimer.singleShot(0, run)
    return errors


def page(dialog) -> int:
    return dialog.stack.currentIndex()


def test_first_run_with_the_demo_corpus_by_keyboard(qtbot, home):
    def steps(dialog):
        assert dialog.name_edit.text() == "lin" and dialog.name_edit.hasFocus()
        qtbot.keyClicks(dialog.name_edit, "Lin Wei")  # typing replaces the suggestion
        qtbot.keyClick(dialog.name_edit, K.Key_Return)
        assert page(dialog) == 1 and dialog.demo.isChecked() and dialog.demo.hasFocus()
        qtbot.keyClick(dialog.focusWidget(), K.Key_Return)
        assert page(dialog) == 2  # the tour
        qtbot.keyClick(dialog.focusWidget(), K.Key_Right)
        assert page(dialog) == 3
        qtbot.keyClick(dialog.focusWidget(), K.Key_Left)
        assert page(dialog) == 2
        qtbot.keyClick(dialog.focusWidget(), K.Key_Escape)  # skips the rest of the tour

    errors = drive(qtbot, steps)
    who = identity(home)
    assert not errors, errors
    assert who is not None and (who.id, who.name) == ("lin-wei", "Lin Wei")
    assert home.value("annotator/name") == "Lin Wei" and home.value("annotator/id") == "lin-wei"
    with Store.open(default_project_path()) as store:
        assert len(store.documents()) == 5
    assert identity(home) == who  # asked once


def test_first_run_with_an_empty_project_paging_the_whole_tour(qtbot, home):
    def steps(dialog):
        qtbot.keyClick(dialog.name_edit, K.Key_Return)  # the computer's user name
        qtbot.keyClick(dialog.demo, K.Key_Down)  # the radio buttons: arrows choose
        assert dialog.empty.isChecked() and not dialog.demo.isChecked()
        qtbot.keyClick(dialog.empty, K.Key_Return)
        tour = dialog.stack.count() - 2
        assert tour == len(firstrun.tour_steps())
        for _ in range(tour - 1):
            qtbot.keyClick(dialog.focusWidget(), K.Key_PageDown)
        assert page(dialog) == dialog.stack.count() - 1
        assert dialog.next.text() == "&Start annotating"
        qtbot.keyClick(dialog.focusWidget(), K.Key_Return)

    errors = drive(qtbot, steps)
    who = identity(home)
    assert not errors, errors
    assert who is not None and who.name == "lin"
    with Store.open(default_project_path()) as store:
        assert store.documents() == [] and store.tagset() == default_tagset()


def test_escape_before_the_tour_cancels_and_stores_nothing(qtbot, home):
    def steps(dialog):
        qtbot.keyClick(dialog.name_edit, K.Key_Return)
        assert dialog.cancel.text() == "Cancel"
        qtbot.keyClick(dialog.focusWidget(), K.Key_Escape)

    errors = drive(qtbot, steps)
    assert identity(home) is None and not errors
    assert home.value("annotator/name") is None
    assert not default_project_path().exists()


def test_a_name_is_required(qtbot, home):
    def steps(dialog):
        dialog.name_edit.selectAll()
        qtbot.keyClick(dialog.name_edit, K.Key_Delete)
        qtbot.keyClicks(dialog.name_edit, "   ")
        assert not dialog.next.isEnabled()
        qtbot.keyClick(dialog.name_edit, K.Key_Return)
        assert page(dialog) == 0
        qtbot.keyClicks(dialog.name_edit, "Chen")
        assert dialog.next.isEnabled()
        qtbot.keyClick(dialog.name_edit, K.Key_Return)
        assert page(dialog) == 1
        dialog.reject()

    errors = drive(qtbot, steps)
    assert identity(home) is None and not errors


def test_an_existing_default_project_is_opened_not_replaced(qtbot, home):
    path = default_project_path()
    path.parent.mkdir(parents=True)
    create_project(path, seeds=False)[0].close()
    seen = {}

    def steps(dialog):
        qtbot.keyClick(dialog.name_edit, K.Key_Return)
        seen["choice shown"] = dialog.demo.isVisible() or dialog.empty.isVisible()
        seen["path shown"] = any(str(path) == label.text()
                                 for label in dialog.findChildren(QLabel))
        dialog.accept()

    errors = drive(qtbot, steps)
    assert identity(home) is not None and not errors
    assert seen == {"choice shown": False, "path shown": True}
    with Store.open(path) as store:
        assert store.documents() == []


def test_a_project_named_on_the_command_line_is_not_replaced(qtbot, home, tmp_path):
    named = tmp_path / "study.annotator"
    create_project(named, seeds=False)[0].close()
    errors = drive(qtbot, lambda dialog: dialog.accept())
    assert identity(home, named) is not None and not errors
    assert not default_project_path().exists()


def shown_keys(steps) -> set[str]:
    return {key for step in steps for keys, _ in step.rows for key in keys}


def test_the_tour_shows_the_keys_the_window_binds(seed_window):
    bound = {s.toString() for a in seed_window.acts.values() for s in a.shortcuts()}
    reader = {k for _, name, _, keys, _ in actions.ACTIONS if name in actions.READER_KEYS
              for k in keys}
    shown = {QKeySequence(k).toString() for k in shown_keys(firstrun.tour_steps())}
    assert shown <= bound | reader
    assert {"Ctrl+Z", "Alt+Left", "Alt+Shift+Right", "Tab", "N", "A", "U", "Ctrl+R",
            "Ctrl+Shift+F"} <= shown
    sheet = {k for keys, _ in actions.shortcut_table(seed_window.tagset)
             for k in keys.split(", ")}
    assert shown <= sheet
    tags = {a.shortcut().toString() for a in seed_window.tag_actions}
    dialog = firstrun.show_tour(seed_window)
    caps = {label.text() for label in dialog.stack.widget(0).findChildren(QLabel)
            if label.styleSheet() == firstrun.CAP_STYLE}
    assert caps == tags and len(tags) == 24
    dialog.close()


def test_the_tour_follows_the_bindings(monkeypatch):
    table = [row if row[1] != "undo" else (*row[:3], ["Ctrl+Alt+U"], row[4])
             for row in actions.ACTIONS]
    monkeypatch.setattr(actions, "ACTIONS", table)  # the table keys_of reads
    assert "Ctrl+Alt+U" in shown_keys(firstrun.tour_steps())
    assert "Ctrl+Z" not in shown_keys(firstrun.tour_steps())


def test_help_keyboard_tour_pages_with_keys_and_closes_with_escape(qtbot, seed_window):
    seed_window.acts["tour"].trigger()
    dialog = seed_window.findChild(firstrun.TourDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.isModal() and page(dialog) == 0 and not dialog.back.isEnabled()
    qtbot.keyClick(dialog.focusWidget(), K.Key_Return)
    qtbot.keyClick(dialog.focusWidget(), K.Key_Right)
    assert page(dialog) == 2
    qtbot.keyClick(dialog.focusWidget(), K.Key_PageUp)
    assert page(dialog) == 1
    qtbot.keyClick(dialog.focusWidget(), K.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_caps_spell_out_a_key_sequence():
    assert firstrun.caps("Alt+Shift+Left") == ["Alt", "Shift", "←"]
    assert firstrun.caps("Ctrl+PgDown") == ["Ctrl", "PgDown"]
    assert firstrun.caps("N") == ["N"]
