"""The suggestion lexicon is built once the document list's idle work is done: built
meanwhile, the counting's passing objects and the list's lasting ones shared the heap, and
what the counting freed stayed held (+60 MB resident at 100,000 documents). It waits a
bounded time, so a list that never settles does not keep suggestions away."""

from __future__ import annotations

import time

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.qt import suggestions  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402


@pytest.fixture(autouse=True)
def big_list(monkeypatch):
    """The seed project's few documents count as a big list."""
    monkeypatch.setattr(suggestions, "LIST_WAIT_ROWS", 1)


def window(qtbot, tmp_path) -> MainWindow:
    from seedproject import create_without_gold

    store, _ = create_without_gold(tmp_path / "p.annotator")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, Annotator("lin", "Lin"), settings)
    qtbot.addWidget(win)
    return win


def held_list(win: MainWindow) -> None:
    """The list's idle work goes on until released (a big project's first seconds)."""
    model = win.doc_list.model
    model._preparing.timeout.disconnect()
    model._preparing.setInterval(10)
    model._preparing.start()


def test_the_lexicon_waits_for_the_lists_idle_work(qtbot, tmp_path):
    win = window(qtbot, tmp_path)
    held_list(win)
    win.show()
    qtbot.wait(600)  # many times the build's delay
    assert win.doc_list.model.preparing
    assert win.lexicon_builder is None and win.editor.lexicon is None
    win.doc_list.model.stop_preparing()  # the list is done
    qtbot.waitUntil(lambda: win.editor.lexicon is not None, timeout=10_000)
    win.close()
    win.store.close()


def test_a_small_projects_lexicon_does_not_wait(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(suggestions, "LIST_WAIT_ROWS", 20_000)
    win = window(qtbot, tmp_path)
    held_list(win)
    win.show()
    qtbot.waitUntil(lambda: win.editor.lexicon is not None, timeout=10_000)
    assert win.doc_list.model.preparing
    win.close()
    win.store.close()


def test_the_lexicon_waits_only_so_long(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(suggestions, "LIST_WAIT_MAX_S", 0.3)
    win = window(qtbot, tmp_path)
    held_list(win)
    t0 = time.monotonic()
    win.show()
    qtbot.waitUntil(lambda: win.editor.lexicon is not None, timeout=10_000)
    assert win.doc_list.model.preparing  # built all the same
    assert time.monotonic() - t0 >= 0.3
    win.close()
    win.store.close()
