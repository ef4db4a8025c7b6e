"""Suggestions and corpus-wide annotate-all in the real window, driven from the keyboard."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextCharFormat  # noqa: E402
from PySide6.QtWidgets import QDialog, QListWidget  # noqa: E402

from annotator.core.search import find_all  # noqa: E402

SHORT, IGO = "上合组织", "actor.igo"
DOT = QTextCharFormat.UnderlineStyle.DotLine


@pytest.fixture
def window(qtbot, seed_window):
    qtbot.waitUntil(lambda: seed_window.editor.lexicon is not None)  # built when idle
    return seed_window


def open_with(window, form: str, at_least: int) -> list[tuple[int, int]]:
    for row in window.doc_list.model.rows:
        found = find_all(window.store.document(row.id).text, form)
        if len(found) >= at_least:
            window.open_document(row.id)
            return found
    raise AssertionError(form)


def underline_at(window, pos: int):
    """The underline style the reader draws at code point ``pos`` (first screen only)."""
    index = window.editor.index
    number = index.paragraph_of(pos)
    block = window.reader.document().findBlockByNumber(number)
    u = window.reader.umap.to_utf16(pos) - window.reader.umap.to_utf16(index.para_starts[number])
    for r in block.layout().formats():
        if r.start <= u < r.start + r.length:
            return r.format.underlineStyle()
    return None


def key(qtbot, window, k, mods=Qt.KeyboardModifier.NoModifier):
    window.activateWindow()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, k, mods)


def test_tag_then_walk_accept_and_reject_from_the_keyboard(qtbot, window):
    found = open_with(window, SHORT, 4)
    window.reader.select_range(*found[0])
    key(qtbot, window, Qt.Key.Key_2)  # actor.igo's hotkey
    assert [(a.start, a.end, a.tag) for a in window.store.annotations(window.doc.id)] == [
        (*found[0], IGO)]
    window.clear_selection()
    window.reader.select_range(found[0][1], found[0][1])  # caret after the new span
    mine = [s for s in window.editor.suggestions.all() if s.form == SHORT]
    assert [(s.start, s.end, s.tag) for s in mine] == [(s, e, IGO) for s, e in found[1:]]

    key(qtbot, window, Qt.Key.Key_N)
    first = window.editor.suggestions.following(found[0][1])
    assert window.reader.selection() == (first.start, first.end)
    key(qtbot, window, Qt.Key.Key_A)  # accept: tagged, and on to the next suggestion
    tagged = {(a.start, a.end, a.tag) for a in window.store.annotations(window.doc.id)}
    assert (first.start, first.end, first.tag) in tagged
    second = window.editor.suggestions.following(first.start)
    assert window.reader.selection() == (second.start, second.end)
    key(qtbot, window, Qt.Key.Key_U)  # reject: stored, gone, never added
    assert (second.start, second.end, second.tag) in window.store.rejections(window.doc.id,
                                                                             "lin")
    assert second not in window.editor.suggestions.all()
    assert len(window.store.annotations(window.doc.id)) == 2
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the reject
    assert second in window.editor.suggestions.all()


def test_suggestions_are_drawn_dotted_and_can_be_hidden(qtbot, window):
    found = open_with(window, SHORT, 2)
    window.reader.select_range(*found[0])
    window.apply_tag(IGO)
    window.editor.compile_lexicon()
    window.reader.refresh_all()
    s = next(x for x in window.editor.suggestions.all() if x.form == SHORT)
    window.jump_to(window.doc.id, s.start, s.end)
    window.reader.refresh_all()
    assert underline_at(window, s.start) == DOT
    assert underline_at(window, found[0][0]) != DOT  # the span itself: not a suggestion
    window.acts["toggle_suggestions"].trigger()
    assert underline_at(window, s.start) != DOT
    assert window.settings.value("show-suggestions", type=bool) is False
    window.acts["toggle_suggestions"].trigger()
    assert underline_at(window, s.start) == DOT


def test_accept_all_in_document_is_one_undo(qtbot, window):
    open_with(window, SHORT, 2)
    every = window.editor.suggestions.all()
    assert len(every) > 5
    before = window.store.annotations(window.doc.id)
    key(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    after = window.store.annotations(window.doc.id)
    assert sorted((a.start, a.end, a.tag) for a in after) == sorted(
        (s.start, s.end, s.tag) for s in every)
    assert window.panel.model.rowCount() == len(every)
    assert window.editor.suggestions.all() == []
    window.undo()
    assert window.store.annotations(window.doc.id) == before


def test_annotate_all_in_the_corpus_is_one_undo_across_documents(qtbot, window,
                                                                 monkeypatch):
    seen = []

    def review_queue(dialog):  # the user unticks the first occurrence and presses OK
        listing = dialog.findChild(QListWidget)
        seen.append(listing.count())
        listing.item(0).setCheckState(Qt.CheckState.Unchecked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QDialog, "exec", review_queue)
    store = window.store
    texts = {d.id: store.document(d.id).text for d in store.documents()}
    expected = {d: find_all(t, "执法") for d, t in texts.items()}
    docs_with = [d for d, p in expected.items() if p]
    assert len(docs_with) >= 3
    here = docs_with[0]
    window.open_document(here)
    window.reader.select_range(*expected[here][0])
    window.apply_tag("mechanism.operational")
    key(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    total = sum(len(p) for p in expected.values())
    assert seen == [total - 1]
    tagged = {d: [(a.start, a.end) for a in store.annotations(d)] for d in texts}
    assert sum(len(v) for v in tagged.values()) == total - 1  # all but the unticked one
    assert all(tagged[d] for d in docs_with[1:])
    assert len(window.editor.index) == len(tagged[here])  # only this document's spans

    window.open_document(docs_with[-1])  # undo from another document of the batch
    window.undo()
    assert [a for d in texts for a in store.annotations(d)] == [
        a for a in store.annotations(here)] and len(store.annotations(here)) == 1
    assert window.doc.id == docs_with[-1] and len(window.editor.index) == 0
    window.redo()
    assert len(window.editor.index) == len(tagged[docs_with[-1]])


def test_a_new_term_is_suggested_on_screen_at_once(qtbot, window):
    found = open_with(window, "维护", 3)
    source = window.editor.lexicon
    assert "维护" not in source.lexicon
    before = window.editor.suggestions.all()
    free = [(s, e) for s, e in found[1:] if not any(x.start < e and s < x.end for x in before)]
    target = free[0]
    window.jump_to(window.doc.id, *target)  # drawn, not suggested yet
    window.editor.select(None)
    assert underline_at(window, target[0]) != DOT
    window.reader.select_range(*found[0], ensure_visible=False)
    window.apply_tag("mechanism.concept")
    assert source.ready and not source.due and window.lexicon_builder is None
    new = [(s.start, s.end) for s in window.editor.suggestions.all() if s.form == "维护"]
    assert target in new and set(new) <= set(found[1:])
    window.jump_to(window.doc.id, *target)  # drawn there too, without waiting for anything
    assert underline_at(window, target[0]) == DOT


def test_n_at_the_start_of_a_document_goes_to_a_suggestion_at_offset_0(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from annotator.core.annotation import Annotator
    from annotator.core.document import Document, document_id, text_sha256
    from annotator.project import create_project
    from annotator.qt.window import MainWindow

    text = "中国代表团抵达。\n俄罗斯与会。"
    store, _ = create_project(tmp_path / "p.annotator", seeds=False)
    store.add_documents([Document(document_id(text), "t", text, text_sha256(text))])
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, Annotator("lin", "Lin"), settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        qtbot.waitUntil(lambda: win.editor.lexicon is not None)
        assert win.reader.selection() == (0, 0)
        key(qtbot, win, Qt.Key.Key_N)
        assert win.reader.selection() == (0, 2)  # 中国, not 俄罗斯 after it
        key(qtbot, win, Qt.Key.Key_N)
        assert win.reader.selection() == (text.index("俄罗斯"), text.index("俄罗斯") + 3)
    finally:
        store.close()


def test_an_edit_works_out_its_paragraphs_suggestions_once(qtbot, window):
    """The edited paragraph is drawn anew with the change; the refresh of the suggestions
    that follows does not work them out again (hundreds a paragraph in a big project),
    and what is drawn is what a fresh look-up gives."""
    found = open_with(window, SHORT, 3)
    number = window.editor.index.paragraph_of(found[0][0])
    suggestions = window.editor.suggestions
    asked: list[int] = []
    real = suggestions.in_paragraph
    window.reader.suggestions_in = lambda n: asked.append(n) or real(n)
    window.reader.select_range(*found[0])
    key(qtbot, window, Qt.Key.Key_1)  # another tag: the form's other places change
    assert window.editor.suggestions_touched
    assert asked.count(number) == 1
    assert window.reader.drawn[number] == real(number)
    assert underline_at(window, found[1][0]) == DOT
    asked.clear()
    window.clear_selection()  # the bold moves: the spans' look, not the suggestions
    assert window.editor.selected is None and number not in asked
    assert window.reader.drawn[number] == real(number)


def test_a_colleagues_span_is_drawn_without_working_out_the_suggestions_again(qtbot, window):
    """Their span does not make way for my suggestions and leaves the lexicon's finds as
    they were: the paragraph is drawn anew with it, the suggestions drawn stay (what they
    look like: where and which tag; the entry's source and score may have moved)."""
    from annotator.core.annotation import Annotator
    from annotator.core.session import Session
    from annotator.qt import team

    found = open_with(window, SHORT, 3)
    number = window.editor.index.paragraph_of(found[0][0])
    real = window.editor.suggestions.in_paragraph
    assert any(s.start == found[0][0] for s in real(number))  # suggested to me there
    asked: list[int] = []
    window.reader.suggestions_in = lambda n: asked.append(n) or real(n)
    colleague = Session(window.store, Annotator("wang", "Wang"))
    colleague.add(window.doc.id, window.doc.text, *found[0], IGO)
    team.reload_document(window)
    assert not window.editor.suggestions_touched and number not in asked
    assert any(a.annotator == "wang" for a in window.editor.index.at(found[0][0]))
    assert drawn(window, number) == drawn(window, number, real)
    mine = window.editor.session.annotator.id  # my own span: my suggestions make way
    Session(window.store, Annotator(mine, mine)).add(window.doc.id, window.doc.text,
                                                      *found[1], IGO)
    team.reload_document(window)
    number = window.editor.index.paragraph_of(found[1][0])
    assert number in asked and window.reader.drawn[number] == real(number)
    assert not any(s.start == found[1][0] for s in window.reader.drawn[number])


def drawn(window, number: int, find=None) -> list[tuple[int, int, str]]:
    found = window.reader.drawn[number] if find is None else find(number)
    return [(s.start, s.end, s.tag) for s in found]
