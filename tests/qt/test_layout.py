"""The window on a small screen with a large font: the reader keeps a readable width (the
docks give way)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.project import create_project  # noqa: E402
from annotator.qt.reader import READABLE_CHARS  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402


@pytest.fixture
def big_font(qapp):
    font = qapp.font()
    bigger = type(font)(font)
    bigger.setPointSizeF(font.pointSizeF() * 1.5)
    qapp.setFont(bigger)
    yield
    qapp.setFont(font)


@pytest.fixture
def small_window(qtbot, tmp_path, big_font):
    store, _ = create_project(tmp_path / "p.annotator")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, Annotator("lin", "Lin"), settings)
    qtbot.addWidget(win)
    win.resize(1024, 700)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.store.close()


def characters_per_line(win: MainWindow) -> int:
    reader = win.reader
    room = reader.viewport().width() - 2 * reader.document().documentMargin()
    return int(room // reader.fontMetrics().horizontalAdvance("中"))


def test_the_reader_keeps_a_readable_width_and_the_docks_give_way(small_window, qtbot):
    win = small_window
    qtbot.waitUntil(lambda: win.width() == 1024)
    assert characters_per_line(win) >= READABLE_CHARS - 1  # a scroll bar may take a little
    for name in ("documents", "palette"):
        assert win.docks[name].width() < 420


def test_narrower_still_the_docks_shrink_before_the_reader(small_window, qtbot):
    win = small_window
    win.resize(800, 600)
    qtbot.waitUntil(lambda: win.width() <= 800)
    assert characters_per_line(win) >= READABLE_CHARS - 1
