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
