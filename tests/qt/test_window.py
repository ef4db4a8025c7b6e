"""The real window, driven with qtbot key and mouse events (offscreen)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QColor, QTextCursor  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.core.document import Document, document_id, text_sha256  # noqa: E402
from annotator.core.tagset import default_tagset  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402
from annotator.store import Store  # noqa: E402

ASTRAL_TEXT = "𠮷😀上海合作组织成员国在北京举行会议。\n国际恐怖组织试图向上合组织地区渗透。"
SIMPLIFIED = "上海合作组织成员国安全会议秘书会议在北京举行。\n各方讨论了打击恐怖主义问题。"


def make_doc(text: str, title: str) -> Document:
    return Document(document_id(text), title, text, text_sha256(text), script="zh-Hans")


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.annotator"
    store = Store.open(path, create=True)
    store.set_tagset(default_tagset())
    store.add_documents([make_doc(ASTRAL_TEXT, "astral"), make_doc(SIMPLIFIED, "simplified")])
    store.close()
    return path


@pytest.fixture
def window(qtbot, project, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store = Store.open(project)
    win = MainWindow(store, Annotator("lin", "Lin"), settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.store.close()


def hotkey(tag_id: str) -> str:
    return default_tagset().tag(tag_id).hotkey


def press_hotkey(qtbot, win, tag_id: str) -> None:
    qtbot.keyClick(win.reader, hotkey(tag_id))


def select_with_keyboard(qtbot, win, start_u16: int, length: int) -> None:
    """Put the caret at a UTF-16 position, then extend with Shift+Right like a user."""
    cursor = win.reader.textCursor()
    cursor.setPosition(start_u16)
    win.reader.setTextCursor(cursor)
    for _ in range(length):
        qtbot.keyClick(win.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def stored(win):
    return win.store.annotations(win.editor.doc.id)


def first_tag(group: str) -> str:
    return next(t.id for t in default_tagset().tags if t.group == group and t.hotkey)


def test_hotkey_after_astral_characters_stores_exact_code_points(qtbot, window):
    window.open_document(document_id(ASTRAL_TEXT))
    window.reader.setFocus()
    # 𠮷 and 😀 take two UTF-16 units each: 上海合作组织 starts at UTF-16 offset 4
    select_with_keyboard(qtbot, window, 4, 6)
    tag = first_tag("actor")
    press_hotkey(qtbot, window, tag)
    [span] = stored(window)
    assert (span.start, span.end, span.tag, span.annotator) == (2, 8, tag, "lin")
    assert ASTRAL_TEXT[span.start:span.end] == "上海合作组织"


def test_selection_in_traditional_view_annotates_canonical_text(qtbot, window):
    window.open_document(document_id(SIMPLIFIED))
    window.set_view("traditional")
    assert window.reader.toPlainText().startswith("上海合作組織成員國")
    window.reader.setFocus()
    select_with_keyboard(qtbot, window, 0, 6)
    press_hotkey(qtbot, window, first_tag("actor"))
    [span] = stored(window)
    assert SIMPLIFIED[span.start:span.end] == "上海合作组织"


def test_trims_spaces_and_punctuation(qtbot, window):
    window.open_document(document_id(SIMPLIFIED))
    start = SIMPLIFIED.index("在北京举行。") + 1
    window.reader.setFocus()
    select_with_keyboard(qtbot, window, start, 6)  # 北京举行。\n
    press_hotkey(qtbot, window, first_tag("actor"))
    [span] = stored(window)
    assert SIMPLIFIED[span.start:span.end] == "北京举行"


def test_retag_resize_delete_undo_redo_from_keyboard(qtbot, window):
    window.open_document(document_id(SIMPLIFIED))
    window.reader.setFocus()
    select_with_keyboard(qtbot, window, 0, 6)
    actor, threat = first_tag("actor"), first_tag("threat")
    press_hotkey(qtbot, window, actor)
    press_hotkey(qtbot, window, threat)  # span selected: the hotkey changes its tag
    assert [a.tag for a in stored(window)] == [threat]
    qtbot.keyClick(window.reader, Qt.Key.Key_Right,
                   Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    [span] = stored(window)
    assert (span.start, span.end) == (1, 7)
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    assert stored(window) == []
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [(a.start, a.end, a.tag) for a in stored(window)] == [(1, 7, threat)]
    for _ in range(3):  # the two resizes and the retag
        qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [(a.start, a.end, a.tag) for a in stored(window)] == [(0, 6, actor)]
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == []
    qtbot.keyClick(window.reader, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [(a.start, a.end, a.tag) for a in stored(window)] == [(0, 6, actor)]


def test_tab_walks_spans_and_escape_clears(qtbot, window):
    window.open_document(document_id(SIMPLIFIED))
    window.reader.setFocus()
    for start in (0, SIMPLIFIED.index("北京")):
        select_with_keyboard(qtbot, window, start, 2)
        press_hotkey(qtbot, window, first_tag("actor"))
    qtbot.keyClick(window.reader, Qt.Key.Key_Escape)
    assert window.editor.selected is None
    window.reader.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(window.reader, Qt.Key.Key_Tab)
    assert window.editor.selected.start == 0
    qtbot.keyClick(window.reader, Qt.Key.Key_Tab)
    assert window.editor.selected.start == SIMPLIFIED.index("北京")
    qtbot.keyClick(window.reader, Qt.Key.Key_Backtab)
    assert window.editor.selected.start == 0


def test_undo_survives_reopening(qtbot, project, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Store.open(project), Annotator("lin", "Lin"), settings)
    qtbot.addWidget(win)
    win.open_document(document_id(SIMPLIFIED))
    win.reader.select_range(0, 6)
    win.apply_tag(first_tag("actor"))
    win.store.close()
    win.close()
    again = MainWindow(Store.open(project), Annotator("lin", "Lin"), settings)
    qtbot.addWidget(again)
    assert again.acts["undo"].isEnabled()
    again.undo()
    assert again.store.annotations(document_id(SIMPLIFIED)) == []
    again.redo()
    assert len(again.store.annotations(document_id(SIMPLIFIED))) == 1
    again.store.close()


def test_clicking_palette_tags_selection_and_counts(qtbot, window):
    window.open_document(document_id(SIMPLIFIED))
    window.reader.select_range(0, 6)
    tag = first_tag("mechanism")
    item = window.tag_palette.items[tag]
    rect = window.tag_palette.tree.visualItemRect(item)
    qtbot.mouseClick(window.tag_palette.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 30, rect.center().y()))
    assert [a.tag for a in stored(window)] == [tag]
    assert item.text(2) == "1"
    assert window.panel.model.rowCount() == 1


def test_pixels_show_tag_colours_and_both_layers(qtbot, window):
    window.open_document(document_id(SIMPLIFIED))
    outer, inner = first_tag("mechanism"), first_tag("actor")
    window.reader.select_range(0, 16)  # 上海合作组织成员国安全会议秘书会议
    window.apply_tag(outer)
    window.clear_selection()
    window.reader.select_range(0, 6)  # 上海合作组织 inside it
    window.apply_tag(inner)
    window.clear_selection()
    qtbot.wait(50)
    image = window.reader.viewport().grab().toImage()
    colour = window.reader.colour_of
    inner_bg = _blend(colour(inner))
    outer_bg = _blend(colour(outer))
    rect_inner = _char_rect(window, 2)
    rect_outer = _char_rect(window, 12)
    assert _has_colour(image, rect_inner, inner_bg)
    assert _has_colour(image, rect_outer, outer_bg)
    # the outer layer shows as an underline under the inner span
    under = QColor(colour(outer)).darker(160)
    assert _has_colour(image, rect_inner.adjusted(0, rect_inner.height() // 2, 0, 6), under, 40)


def _blend(colour: str) -> QColor:
    from annotator.qt.reader import lighter

    return lighter(colour, 0.35)


def _char_rect(win, cp: int):
    cursor = win.reader.textCursor()
    cursor.setPosition(win.reader.umap.to_utf16(cp))
    return win.reader.cursorRect(cursor).adjusted(2, 0, 10, 0)


def _has_colour(image, rect, colour: QColor, tolerance: int = 12) -> bool:
    for x in range(max(rect.left(), 0), min(rect.right(), image.width())):
        for y in range(max(rect.top(), 0), min(rect.bottom(), image.height())):
            c = image.pixelColor(QPoint(x, y))
            if all(abs(a - b) <= tolerance for a, b in ((c.red(), colour.red()),
                   (c.green(), colour.green()), (c.blue(), colour.blue()))):
                return True
    return False


def type_with_ime(widget, text: str) -> None:
    """Chinese arrives from an input method as a commit string, not as key presses."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_find_matches_traditional_query(qtbot, window):
    window.open_document(document_id(SIMPLIFIED))
    window.findbar.open()
    type_with_ime(window.findbar.edit, "恐怖主義")
    qtbot.keyClick(window.findbar.edit, Qt.Key.Key_Return)
    assert window.reader.selection() == (SIMPLIFIED.index("恐怖主义"),
                                         SIMPLIFIED.index("恐怖主义") + 4)


def test_status_from_keyboard_and_list(qtbot, window):
    window.open_document(document_id(SIMPLIFIED))
    qtbot.keyClick(window.reader, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    model = window.doc_list.model
    row = model.rows[model.row_of(document_id(SIMPLIFIED))]
    assert row.status == "done"
    assert window.store.documents()[1].status == "done"


def test_undo_reaches_across_documents(qtbot, window):
    window.open_document(document_id(SIMPLIFIED))
    window.reader.select_range(0, 6)
    window.apply_tag(first_tag("actor"))
    window.open_document(document_id(ASTRAL_TEXT))
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.doc.id == document_id(SIMPLIFIED)  # the window went to the edit
    assert window.store.annotations(document_id(SIMPLIFIED)) == []
    assert window.panel.model.rowCount() == 0


def test_window_restores_last_document_and_view(qtbot, project, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = MainWindow(Store.open(project), Annotator("lin", "Lin"), settings)
    qtbot.addWidget(first)
    first.open_document(document_id(SIMPLIFIED))
    first.set_view("traditional")
    first.close()
    first.store.close()
    again = MainWindow(Store.open(project), Annotator("lin", "Lin"), settings)
    qtbot.addWidget(again)
    assert again.doc.id == document_id(SIMPLIFIED)
    assert again.view == "traditional" and again.reader.toPlainText().startswith("上海合作組織")
    again.store.close()


def test_annotator_filter_and_hover_text(qtbot, window):
    from annotator.core.annotation import Annotation

    doc = document_id(SIMPLIFIED)
    window.store.add_annotator(Annotator("wang", "Wang"))
    window.store.insert_annotations([Annotation("w1", doc, 0, 6, first_tag("actor"), "wang",
                                                {"normalized": "上合组织"}, "t", "t")])
    window.open_document(doc)
    window.reader.select_range(7, 10)
    window.apply_tag(first_tag("mechanism"))
    assert window.panel.model.rowCount() == 2
    window.set_shown("mine")
    assert [a.annotator for a in window.panel.model.rows] == ["lin"]
    window.set_shown(frozenset({"wang"}))
    assert [a.annotator for a in window.panel.model.rows] == ["wang"]
    hover = window.reader.describe(window.editor.index.get("w1"))
    assert "上海合作组织" in hover and "Wang" in hover and "上合组织" in hover
