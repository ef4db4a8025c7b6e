"""The suggestion lexicon's build does not hold the window: closing it, or opening
another project, stops the build at its next part (not at its end), with no thread left
reading behind the window."""

from __future__ import annotations

import threading
import time

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402

from annotator.core import suggester  # noqa: E402
from annotator.core.annotation import Annotator  # noqa: E402
from annotator.qt.jobs import Background  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402

#: the slow build: this many span rows, one every few milliseconds (some 10 s in all)
ROWS, PAUSE_S = 2000, 0.005


@pytest.fixture
def slow_build(monkeypatch):
    """Every project's span rows come slowly (the build of a big project), counted in
    parts of 20; set once the build has begun."""
    from seedproject import create_without_gold

    started = threading.Event()

    def span_texts(self, annotator=None):
        started.set()
        for k in range(ROWS):
            time.sleep(PAUSE_S)
            yield (f"上海{k}", "actor.igo", 1)

    from annotator.store import Store

    monkeypatch.setattr(Store, "span_texts", span_texts)
    monkeypatch.setattr(suggester, "CHUNK", 20)
    return started, create_without_gold


def building_window(qtbot, tmp_path, slow_build) -> MainWindow:
    started, create = slow_build
    store, _ = create(tmp_path / "p.annotator")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, Annotator("lin", "Lin"), settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(started.is_set)
    assert isinstance(win.lexicon_builder, Background) and win.lexicon_builder.isRunning()
    return win


def test_closing_the_window_stops_the_lexicon_build_at_once(qtbot, tmp_path, slow_build):
    win = building_window(qtbot, tmp_path, slow_build)
    t0 = time.perf_counter()
    win.close()
    took = time.perf_counter() - t0
    win.store.close()
    assert took < 1.0, f"closing waited {took:.1f} s for the lexicon"
    assert not [j for j in win.findChildren(Background) if j.isRunning()]
    assert win.editor.lexicon is None  # what was cancelled never arrives


def test_another_project_stops_the_last_ones_build(qtbot, tmp_path, slow_build):
    from annotator.store import Store

    win = building_window(qtbot, tmp_path, slow_build)
    old = win.lexicon_builder
    assert old is not None
    _, create = slow_build
    other, _ = create(tmp_path / "q.annotator")
    win.switch_project(other)
    assert old.wait(1000), "the last project's lexicon is still being built"
    assert win.lexicon_builder is not old
    win.close()
    win.store.close()
    assert isinstance(other, Store)
