"""Shared fixtures for the window tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def english(qapp):
    """The interface in English, as the app installs it at start: with its plural forms
    ("1 span", "2 spans")."""
    pytest.importorskip("PySide6")
    from annotator.qt import i18n

    i18n.install(language="en")


@pytest.fixture
def seed_window(qtbot, tmp_path):
    """The real window on a fresh project with the seed corpus, annotator Lin."""
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QSettings
    from seedproject import create_without_gold as create_project

    from annotator.core.annotation import Annotator
    from annotator.qt.window import MainWindow

    store, _ = create_project(tmp_path / "p.annotator")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, Annotator("lin", "Lin"), settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.store.close()


@pytest.fixture
def gold_window(qtbot, tmp_path):
    """The real window on a new project as users get it: the seed corpus with its gold
    layer, annotator Lin."""
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QSettings

    from annotator.core.annotation import Annotator
    from annotator.project import create_project
    from annotator.qt.window import MainWindow

    store, _ = create_project(tmp_path / "p.annotator")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, Annotator("lin", "Lin"), settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.store.close()


@pytest.fixture
def related_window(qtbot, tmp_path):
    """The real window, reviewer Prof, on a project where two annotators related spans
    differently (tests/relproject.py)."""
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QSettings
    from relproject import make_related

    from annotator.core.annotation import Annotator
    from annotator.qt.window import MainWindow
    from annotator.store import Store

    path = make_related(tmp_path / "rel.annotator")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Store.open(path), Annotator("prof", "Prof", "reviewer"), settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.store.close()
