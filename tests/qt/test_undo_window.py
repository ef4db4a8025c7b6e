"""Undo and Redo in the real window read the stored journal, the one truth: a conflict is
one line and changes nothing, a read-only window offers neither, an undo in another
document takes the document list along, and document statuses undo like spans."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from seedproject import create_without_gold as create_project  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.core.session import Session  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402
from annotator.store import Store  # noqa: E402

LIN, CHEN = Annotator("lin", "Lin"), Annotator("chen", "Chen")
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "p.annotator"
    create_project(p)[0].close()
    return p


def make_window(qtbot, store, who, tmp_path) -> MainWindow:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, who, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def key(qtbot, win: MainWindow, k, mods=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press in the reader of the active window, as the user makes it."""
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.reader.setFocus()
    qtbot.keyClick(win.reader, k, mods)


def tag_first_chars(win: MainWindow, n: int = 4) -> None:
    win.reader.select_range(0, n)
    win.apply_tag("actor.igo")


def texts(win: MainWindow) -> tuple[str, bool, str, bool]:
    undo, redo = win.acts["undo"], win.acts["redo"]
    return undo.text(), undo.isEnabled(), redo.text(), redo.isEnabled()


def test_the_actions_say_what_the_journal_would_do(qtbot, path, tmp_path):
    win = make_window(qtbot, Store.open(path), LIN, tmp_path)
    try:
        assert texts(win) == ("&Undo", False, "&Redo", False)
        tag_first_chars(win)
        label = f"tag {win.doc.text[:4]}"
        assert texts(win) == (f"&Undo {label}", True, "&Redo", False)
        key(qtbot, win, Qt.Key.Key_Z, CTRL)
        assert texts(win) == ("&Undo", False, f"&Redo {label}", True)
        key(qtbot, win, Qt.Key.Key_Z, CTRL | SHIFT)
        assert texts(win) == (f"&Undo {label}", True, "&Redo", False)
    finally:
        win.store.close()


def test_undo_names_a_new_tag_by_its_name_and_one_suggestion_once(qtbot, path, tmp_path):
    from annotator.core.session import Step
    from annotator.qt import i18n
    from annotator.qt.undo import step_text

    win = make_window(qtbot, Store.open(path), LIN, tmp_path)
    try:
        tag_first_chars(win)
        win.apply_tag("actor.agency")  # the span selected: its tag changes
        assert texts(win)[0] == "&Undo change tag to Government body"
        retag = Step("retag", "change tag to actor.agency")
        try:
            i18n.install(language="zh_CN")
            assert step_text(retag, win.tags) == "更改标签为 政府机构"
        finally:
            i18n.install(language="en")
    finally:
        win.store.close()
    from annotator.core.suggest import Suggestion, accept_all

    text = "上合组织与上合组织"
    one = accept_all("d", text, [Suggestion(0, 4, "actor.igo", "上合组织", "lexicon")], "lin")
    two = accept_all("d", text, [Suggestion(0, 4, "actor.igo", "上合组织", "lexicon"),
                                 Suggestion(5, 9, "actor.igo", "上合组织", "lexicon")], "lin")
    assert one is not None and one.label == "accept 1 suggestion (上合组织)"
    assert two is not None and two.label == "accept 2 suggestions (上合组织…)"


def test_an_undo_someone_else_overtook_is_one_line_and_changes_nothing(qtbot, path, tmp_path):
    """Lin tags; Chen retags the same span; Lin's Ctrl+Z: a line in the status bar, the
    spans as they were, Redo still off, Undo still offering the same step."""
    win = make_window(qtbot, Store.open(path), LIN, tmp_path)
    tag_first_chars(win)
    doc_id = win.doc.id
    win.close()
    win.store.close()
    with Store.open(path) as store:
        [span] = store.annotations(doc_id)
        Session(store, CHEN).retag([span], "actor.state")
    again = make_window(qtbot, Store.open(path), LIN, tmp_path)
    try:
        before = again.store.annotations(doc_id)
        offered = texts(again)
        assert offered[:2] == (f"&Undo tag {again.doc.text[:4]}", True)
        key(qtbot, again, Qt.Key.Key_Z, CTRL)
        message = again.statusBar().currentMessage()
        assert message.startswith(f"Cannot undo “tag {again.doc.text[:4]}”")
        assert "\n" not in message
        assert again.store.annotations(doc_id) == before
        assert texts(again) == offered and not again.acts["redo"].isEnabled()
        assert again.session.history()[1] == []  # the journal undid nothing
    finally:
        again.store.close()


def test_a_read_only_window_offers_no_undo(qtbot, path, tmp_path):
    with Store.open(path) as store:
        doc_id = store.documents()[0].id
        text = store.document(doc_id).text
        lin = Session(store, LIN)
        lin.add(doc_id, text, 0, 4, "actor.igo")
        lin.add(doc_id, text, 5, 8, "actor.igo")
        lin.undo()
    win = make_window(qtbot, Store.open(path, read_only="open for editing by Chen"), LIN,
                      tmp_path)
    try:
        assert not win.acts["undo"].isEnabled() and not win.acts["redo"].isEnabled()
        spans = win.store.annotations(doc_id)
        key(qtbot, win, Qt.Key.Key_Z, CTRL)
        key(qtbot, win, Qt.Key.Key_Z, CTRL | SHIFT)
        win.undo()
        assert win.store.annotations(doc_id) == spans
    finally:
        win.store.close()


def test_an_undo_in_another_document_moves_the_list_selection(qtbot, path, tmp_path):
    win = make_window(qtbot, Store.open(path), LIN, tmp_path)
    try:
        first, second = (r.id for r in win.doc_list.model.rows[:2])
        win.open_document(first)
        tag_first_chars(win)
        win.open_document(second)
        key(qtbot, win, Qt.Key.Key_Z, CTRL)
        assert win.doc.id == first
        selected = win.doc_list.table.selectionModel().selectedRows()
        assert [win.doc_list.model.ids_in_view()[i.row()] for i in selected] == [first]
        assert win.settings.value(f"last-document/{win.store.path}") == first
    finally:
        win.store.close()


def test_document_status_is_undone_like_any_edit(qtbot, path, tmp_path):
    win = make_window(qtbot, Store.open(path), LIN, tmp_path)
    try:
        doc_id = win.doc.id
        model = win.doc_list.model
        key(qtbot, win, Qt.Key.Key_3, CTRL)
        assert win.store.summary(doc_id).status == "done"
        assert model.rows[model.row_of(doc_id)].status == "done"
        assert win.acts["undo"].text() == "&Undo set status to done"
        key(qtbot, win, Qt.Key.Key_Z, CTRL)
        assert win.store.summary(doc_id).status == "todo"
        assert model.rows[model.row_of(doc_id)].status == "todo"
        assert "to do" in win.status_doc.text()
        key(qtbot, win, Qt.Key.Key_Z, CTRL | SHIFT)
        assert win.store.summary(doc_id).status == "done"
    finally:
        win.store.close()


def test_alt_arrows_step_a_spans_edge_over_spaces(qtbot, tmp_path):
    """Alt+Shift+→ from 中国 onto the space: on to 与; Alt+→ onto the space: on to 与, and
    no further (nothing would be left). No edge ever rests on whitespace."""
    from annotator.core.document import Document, document_id, text_sha256

    text = "中国 与俄罗斯\n在北京"
    store, _ = create_project(tmp_path / "edges.annotator", seeds=False)
    store.add_documents([Document(document_id(text), "t", text, text_sha256(text))])
    win = make_window(qtbot, store, LIN, tmp_path)
    try:
        win.reader.select_range(0, 2)
        win.apply_tag("actor.state")
        alt = Qt.KeyboardModifier.AltModifier
        key(qtbot, win, Qt.Key.Key_Right, alt | SHIFT)
        [span] = win.store.annotations(win.doc.id)
        assert text[span.start:span.end] == "中国 与"
        for _ in range(4):
            key(qtbot, win, Qt.Key.Key_Right, alt)
        [span] = win.store.annotations(win.doc.id)
        assert text[span.start:span.end] == "与"  # 中 国 ␠ skipped; 与 is the last left
        key(qtbot, win, Qt.Key.Key_Right, alt)  # nothing would be left: refused
        assert win.store.annotations(win.doc.id) == [span]
    finally:
        store.close()


def test_the_status_bar_says_what_undo_and_redo_did(qtbot, path, tmp_path):
    win = make_window(qtbot, Store.open(path), LIN, tmp_path)
    try:
        tag_first_chars(win)
        win.statusBar().showMessage("Tagged (Ctrl+Z takes it back).")
        key(qtbot, win, Qt.Key.Key_Z, CTRL)
        assert win.statusBar().currentMessage().startswith("Undone: tag ")
        key(qtbot, win, Qt.Key.Key_Z, CTRL | SHIFT)
        assert win.statusBar().currentMessage().startswith("Redone: tag ")
    finally:
        win.store.close()
