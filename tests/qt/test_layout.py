"""The window on a small screen with a large font: the reader keeps a readable width (the
docks give way), and the status bar's messages never run into its permanent widgets; the
script view is marked there."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QEvent, QObject, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.project import create_project  # noqa: E402
from annotator.qt.reader import READABLE_CHARS  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402

LONG = ("Opened 中国公安部:上合组织正制定措施应对域内四大安全挑战 in 12 ms, and a good deal "
        "more to say about it than any status bar has room for")


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


def test_a_long_message_stops_short_of_the_permanent_widgets(small_window, qtbot):
    win = small_window
    bar = win.statusBar()
    win.status_saved.setText("Saved 12:00:00")
    bar.showMessage(LONG, 10000)
    qtbot.waitUntil(lambda: bar.currentMessage() == LONG)
    room = bar.message_rect()
    first = min(w.geometry().left() for w in (win.status_view, win.status_who,
                                              win.status_doc, win.status_saved))
    shown = bar.shown_message()
    assert shown.endswith("…") and shown != LONG
    assert room.left() + bar.fontMetrics().horizontalAdvance(shown) < first
    assert room.right() < first
    assert bar.toolTip() == LONG  # the whole message on hover
    bar.showMessage("Saved", 1000)
    assert bar.shown_message() == "Saved" and bar.toolTip() == ""


def test_the_script_view_is_shown_and_cycled_in_the_status_bar(small_window, qtbot):
    win = small_window
    assert win.status_view.text() == "原"
    win.cycle_view()
    assert win.status_view.text() == "简"
    qtbot.mouseClick(win.status_view, Qt.MouseButton.LeftButton)
    assert win.view == "traditional" and win.status_view.text() == "繁"
    assert "traditional" in win.status_view.toolTip().lower()
    assert QApplication.focusWidget() is not win.status_view


class _LayoutRequests(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's)
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_the_saved_time_and_document_line_change_without_laying_out_the_bar(small_window,
                                                                            qtbot):
    """A new text of about the same length (every edit: the saved time, the span count)
    repaints the label alone: the bar is not laid out again, so it and the window behind
    it are not repainted whole. A longer text widens the label; a much shorter one
    narrows it."""
    win = small_window
    label, bar = win.status_saved, win.statusBar()
    label.setText("Saved 12:00:00")
    QApplication.processEvents()
    requests = _LayoutRequests()
    bar.installEventFilter(requests)
    before = label.geometry()
    for second in range(1, 6):
        label.setText(f"Saved 12:00:0{second}")
        QApplication.processEvents()
    assert requests.count == 0 and label.geometry() == before
    assert label.text() == "Saved 12:00:05"
    label.setText("Saved 12:00:05 — and a good deal more to say")
    QApplication.processEvents()
    assert requests.count >= 1
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
    wide = label.width()
    label.setText("S")
    QApplication.processEvents()
    assert label.width() < wide / 2


def test_a_steady_label_fits_its_text_in_any_font_and_style(small_window, qtbot):
    """The label measures its text as it is drawn: with the bar's style sheet, after a
    font change (no new text), at the height of the bar's row."""
    win = small_window
    label, bar = win.status_doc, win.statusBar()
    label.setText("Document 1 of 12 · 3 spans · to do")
    QApplication.processEvents()
    assert label.height() == win.status_view.sizeHint().height()
    advance = label.fontMetrics().horizontalAdvance(label.text())
    bar.setStyleSheet("QStatusBar QLabel { padding: 0 30px; }")
    label.setText("Document 1 of 12 · 4 spans · to do")
    QApplication.processEvents()
    assert label.width() >= advance + 60
    bar.setStyleSheet("")
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    label.setFont(font)
    QApplication.processEvents()
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
