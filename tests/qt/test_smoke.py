"""Smoke mode's verdict on a window (the packaged-build check: tests/packaging/test_smoke.py
runs the program itself)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.project import create_project  # noqa: E402
from annotator.qt import about, smoke  # noqa: E402


def test_requested_by_the_environment(monkeypatch):
    monkeypatch.delenv(smoke.ENV, raising=False)
    assert not smoke.requested()
    monkeypatch.setenv(smoke.ENV, "0")
    assert not smoke.requested()
    monkeypatch.setenv(smoke.ENV, "1")
    assert smoke.requested()


def test_verdict_on_the_seed_window(seed_window, qapp):
    about.brand()  # the icon, as run() sets it
    assert smoke.verdict(seed_window) == (0, "smoke ok: 5 documents")


def test_verdict_on_an_empty_project_names_the_problems(qtbot, tmp_path, qapp):
    from annotator.qt.window import MainWindow

    about.brand()
    store, _ = create_project(tmp_path / "empty.annotator", seeds=False)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, Annotator("lin", "Lin"), settings)
    qtbot.addWidget(window)
    try:
        code, line = smoke.verdict(window)
    finally:
        window.store.close()
    assert code == 1
    assert line == "smoke failed: the project has no documents; the reader shows no text"


def test_not_armed_unless_requested(seed_window, monkeypatch):
    monkeypatch.delenv(smoke.ENV, raising=False)
    smoke.arm(seed_window)
    assert not hasattr(seed_window, "_smoke")


def test_armed_window_reports_after_painting_and_closes(seed_window, qtbot, qapp, capsys,
                                                         monkeypatch):
    """The reader paints; the line is printed; the window is closed (its background work
    stopped) before the app is asked to end with the verdict's status."""
    about.brand()
    exits: list[int] = []
    monkeypatch.setenv(smoke.ENV, "1")
    monkeypatch.setattr(smoke.QGuiApplication, "exit", staticmethod(exits.append))
    try:
        smoke.arm(seed_window)
        seed_window.reader.viewport().update()
        qtbot.waitUntil(lambda: exits == [0], timeout=5000)
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert capsys.readouterr().out == "smoke ok: 5 documents\n"
    assert not seed_window.isVisible()


# --- nobody at the keyboard -------------------------------------------------------------
def fresh_home(tmp_path, monkeypatch=None) -> dict[str, str]:
    """A user who never ran the app: empty home, data and config folders, no settings."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    for var, sub in (("HOME", "home"), ("XDG_DATA_HOME", "data"),
                     ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        (tmp_path / sub).mkdir()
        env[var] = str(tmp_path / sub)
        if monkeypatch is not None:
            monkeypatch.setenv(var, env[var])
    env.update(QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", **{smoke.ENV: "1"})
    return env


@pytest.mark.parametrize("os_name, expected", [("Lin Wei", "Lin Wei"), ("", smoke.NAME)])
def test_smoke_mode_answers_the_first_run_dialog_with_its_defaults(
        qapp, tmp_path, monkeypatch, os_name, expected):
    from PySide6.QtWidgets import QDialog

    from annotator.qt import firstrun
    from annotator.resources import default_project_path
    from annotator.store import Store

    fresh_home(tmp_path, monkeypatch)
    monkeypatch.setenv(smoke.ENV, "1")
    monkeypatch.setattr(firstrun, "os_user_name", lambda: os_name)

    def waits(self) -> int:
        raise AssertionError("the first-run dialog waited for an answer")

    monkeypatch.setattr(QDialog, "exec", waits)
    assert firstrun.first_run() == expected
    with Store.open(default_project_path(), read_only=True) as store:  # the demo corpus
        assert len(store.documents()) == 5


def test_the_watchdog_ends_a_process_whose_gui_thread_never_returns(tmp_path):
    import subprocess
    import sys
    import time

    script = ("import time\nfrom annotator.qt import smoke\nsmoke.start_watchdog(0.5)\n"
              "time.sleep(60)  # a modal dialog nobody answers, a hang\n")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=50)
    assert time.monotonic() - started < 30
    assert result.returncode == 2
    assert result.stdout == "smoke failed: nothing painted within 0.5 s\n"


def test_a_fresh_home_with_no_settings_starts_and_reports(tmp_path):
    """The first run of a new user in smoke mode: no name stored, so the first-run dialog
    comes up, answers itself, and the window reports on the demo corpus."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "annotator"], env=fresh_home(tmp_path),
                            capture_output=True, text=True, timeout=100)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke ok: 5 documents" in result.stdout.splitlines()
