"""Where the keyboard goes: closing the find bar gives it back to the reader, and a tag key
never types into a list filter unless the user clicked into it."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from annotator.core.search import find_all  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier


def focus() -> object:
    return QApplication.focusWidget()


def press(qtbot, win, k, mods=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard is now, in the active window."""
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(focus() or win, k, mods)


def filters(win) -> list[QLineEdit]:
    return [win.doc_list.filter, win.panel.filter, win.tag_palette.filter]


def test_find_enter_escape_then_a_tag_key_tags_the_match(qtbot, seed_window):
    win = seed_window
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.reader.setFocus()
    press(qtbot, win, Qt.Key.Key_F, CTRL)
    assert focus() is win.findbar.edit
    query = win.doc.text[:2]
    event = QInputMethodEvent()  # Chinese comes from an input method
    event.setCommitString(query)
    QApplication.sendEvent(win.findbar.edit, event)
    found = find_all(win.doc.text, query)
    press(qtbot, win, Qt.Key.Key_Return)
    assert win.reader.selection() == found[0]
    press(qtbot, win, Qt.Key.Key_Escape)
    assert not win.findbar.isVisible()
    assert focus() is win.reader
    rows = len(win.doc_list.ids_in_view())
    press(qtbot, win, Qt.Key.Key_2)  # actor.igo's key
    assert [(a.start, a.end) for a in win.store.annotations(win.doc.id)] == [found[0]]
    assert all(f.text() == "" for f in filters(win))
    assert len(win.doc_list.ids_in_view()) == rows


def test_the_find_bars_close_button_also_gives_the_keyboard_back(qtbot, seed_window):
    win = seed_window
    win.findbar.open()
    qtbot.waitUntil(lambda: focus() is win.findbar.edit)
    win.findbar.close_button.click()
    assert focus() is win.reader


def test_tab_never_lands_in_a_list_filter(qtbot, seed_window):
    """Walking the whole focus chain from the find bar: no filter on the way."""
    win = seed_window
    win.findbar.open()
    qtbot.waitUntil(lambda: focus() is win.findbar.edit)
    seen = []
    for _ in range(60):
        win.focusNextChild()
        seen.append(focus())
    assert not set(seen) & set(filters(win))


def test_a_filter_the_user_clicked_into_takes_typing(qtbot, seed_window):
    win = seed_window
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    box = win.doc_list.filter
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(10, box.height() // 2))
    assert focus() is box
    qtbot.keyClicks(box, "zz")
    assert box.text() == "zz"
    assert win.store.annotations(win.doc.id) == []
