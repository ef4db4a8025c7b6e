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


def built_while_held(qtbot, tmp_path) -> tuple[MainWindow, float]:
    """A window whose list never settles, once its lexicon is built all the same; and the
    seconds from the lexicon's reset to then."""
    win = window(qtbot, tmp_path)
    held_list(win)
    win.show()
    qtbot.waitUntil(lambda: win.editor.lexicon is not None, timeout=10_000)
    assert win.doc_list.model.preparing
    return win, time.monotonic() - win.lexicon_receiver.opened


def test_a_small_projects_lexicon_does_not_wait(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(suggestions, "LIST_WAIT_ROWS", 20_000)
    win, _ = built_while_held(qtbot, tmp_path)
    win.close()
    win.store.close()


def test_the_lexicon_waits_only_so_long(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(suggestions, "LIST_WAIT_MAX_S", 0.3)
    win, waited = built_while_held(qtbot, tmp_path)
    assert waited >= 0.3
    win.close()
    win.store.close()


def failing_build(monkeypatch, error: Exception) -> list[int]:
    """The first build raises ``error``; the ones after build. Returns the builds tried."""
    tried: list[int] = []
    real = suggestions._build

    def build(*args, **kwargs):
        tried.append(1)
        if len(tried) == 1:
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(suggestions, "_build", build)
    return tried


def test_a_build_that_lost_the_connection_is_tried_again(qtbot, tmp_path, monkeypatch):
    from annotator.core.errors import ConnectionLost

    monkeypatch.setattr(suggestions, "LOST_RETRY_MS", 200)
    tried = failing_build(monkeypatch, ConnectionLost("server gone"))
    win = window(qtbot, tmp_path)
    win.show()
    qtbot.waitUntil(lambda: win.editor.lexicon is not None, timeout=10_000)
    assert len(tried) == 2
    win.close()
    win.store.close()


def test_a_build_that_failed_otherwise_leaves_the_window_free(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(suggestions, "LOST_RETRY_MS", 200)
    tried = failing_build(monkeypatch, ValueError("a bug"))
    win = window(qtbot, tmp_path)
    win.show()
    qtbot.waitUntil(lambda: bool(tried) and win.lexicon_builder is None, timeout=10_000)
    qtbot.wait(600)
    assert len(tried) == 1 and win.editor.lexicon is None  # not tried again and again
    said = win.statusBar().currentMessage()
    assert said.startswith("Suggestions are off: a bug (") and "\n" not in said
    suggestions.project_opened(win)  # (as when the blind setting changes) builds again
    qtbot.waitUntil(lambda: win.editor.lexicon is not None, timeout=10_000)
    win.close()
    win.store.close()


def test_the_build_waits_while_the_server_is_away(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(suggestions, "LIST_WAIT_ROWS", 10**9)  # (only the server matters)
    win = window(qtbot, tmp_path)
    win.retry_timer.setInterval(60_000)
    win.retry_timer.start()  # the connection was lost
    win.show()
    qtbot.wait(600)
    assert win.lexicon_builder is None and win.editor.lexicon is None
    win.retry_timer.stop()  # back
    qtbot.waitUntil(lambda: win.editor.lexicon is not None, timeout=10_000)
    win.close()
    win.store.close()
