"""Relations in the real window, from the keyboard: Shift+R starts one from the selected
span, Tab picks the other end (nearest first), the type's key finishes it, Esc cancels;
arcs are drawn for what is on screen; the inspector lists the span's relations (Enter
jumps, Delete removes); deleting a span takes its relations in the same undo step."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402

from annotator.core import commands  # noqa: E402
from annotator.core.annotation import Annotator  # noqa: E402
from annotator.qt import relating, relmenu, team  # noqa: E402
from annotator.store import Store  # noqa: E402

SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier
CHAIN = (("上合组织", "actor.igo"), ("协调打击行动", "mechanism.operational"),
         ("三股势力", "threat.three_evils"))


def key(qtbot, win, k, mods=Qt.KeyboardModifier.NoModifier) -> None:
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    if not win.panel.relations.list.hasFocus():
        win.reader.setFocus()
    qtbot.keyClick(win.focusWidget(), k, mods)


def tag(win, text: str, tag_id: str, after: int = 0):
    start = win.doc.text.index(text, after)
    win.clear_selection()
    win.reader.select_range(start, start + len(text))
    win.apply_tag(tag_id)
    assert win.editor.selected is not None
    return win.editor.selected


@pytest.fixture
def chain(seed_window):
    """Seed 000 open with an actor, a mechanism and a threat tagged by Lin."""
    win = seed_window
    first = win.doc.text.index(CHAIN[1][0])
    spans = [tag(win, text, tag_id, max(0, first - 200)) for text, tag_id in CHAIN]
    return win, spans


def relations(win):
    return win.store.relations(win.doc.id)


def arcs(win) -> int:
    return len(relating.controller(win).layer.placements()[0])


def start_from(qtbot, win, span) -> relating.Relating:
    win.select_span(span.id)
    key(qtbot, win, Qt.Key.Key_R, SHIFT)
    ctl = relating.controller(win)
    assert ctl.picking is not None
    return ctl


def test_a_chain_from_the_keyboard_drawn_and_undone(qtbot, chain):
    win, (actor, mech, threat) = chain
    ctl = start_from(qtbot, win, actor)
    assert ctl.picking.picked.id == threat.id  # the nearest allowed span (poses)
    assert "Tab" in win.statusBar().currentMessage()
    key(qtbot, win, Qt.Key.Key_Tab)
    assert ctl.picking.picked.id == mech.id
    key(qtbot, win, Qt.Key.Key_1)  # uses
    [uses] = relations(win)
    assert (uses.source, uses.target, uses.type) == (actor.id, mech.id, "uses")
    assert win.editor.selected.id == mech.id  # the chain goes on from here
    ctl = start_from(qtbot, win, mech)
    while ctl.picking.picked.id != threat.id:
        key(qtbot, win, Qt.Key.Key_Tab)
    key(qtbot, win, Qt.Key.Key_2)  # addresses
    assert {r.type for r in relations(win)} == {"uses", "addresses"}
    assert arcs(win) == 2
    win.reader.viewport().repaint()  # painting them raises nothing
    key(qtbot, win, Qt.Key.Key_Z, CTRL)
    assert [r.type for r in relations(win)] == ["uses"] and arcs(win) == 1
    key(qtbot, win, Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(relations(win)) == 2 and arcs(win) == 2


def test_esc_cancels_and_a_key_that_does_not_fit_says_so(qtbot, chain):
    win, (actor, mech, threat) = chain
    ctl = start_from(qtbot, win, actor)
    key(qtbot, win, Qt.Key.Key_2)  # addresses: mechanism -> threat only
    assert ctl.picking is not None and "cannot join" in win.statusBar().currentMessage()
    assert win.editor.selected.id == actor.id  # the digit did not retag the span
    assert win.editor.selected.tag == "actor.igo"
    key(qtbot, win, Qt.Key.Key_Escape)
    assert ctl.picking is None and relations(win) == []
    assert win.editor.selected.id == actor.id


def test_a_reversed_type_and_the_short_list(qtbot, chain, monkeypatch):
    win, (actor, mech, threat) = chain
    ctl = start_from(qtbot, win, mech)
    assert ctl.picking.pick(actor.id)
    offered = [relmenu.option_text(o, "en") for o in ctl.picking.options()]
    assert offered == ["&1 uses (from the picked span)"]
    monkeypatch.setattr(relmenu, "choose", lambda reader, picking, at: picking.options()[0])
    key(qtbot, win, Qt.Key.Key_Return)
    [uses] = relations(win)
    assert (uses.source, uses.target) == (actor.id, mech.id)  # as the tagset declares it


def test_a_click_picks_the_other_end(qtbot, chain, monkeypatch):
    win, (actor, mech, threat) = chain
    monkeypatch.setattr(relmenu, "choose", lambda reader, picking, at: picking.options()[0])
    ctl = start_from(qtbot, win, mech)
    cursor = win.reader.textCursor()
    cursor.setPosition(win.reader.umap.to_utf16(threat.start + 1))
    point = win.reader.cursorRect(cursor).center() + QPoint(2, 0)
    qtbot.mouseClick(win.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert ctl.picking is None
    [rel] = relations(win)
    assert (rel.source, rel.target, rel.type) == (mech.id, threat.id, "addresses")


def test_the_inspector_lists_jumps_and_deletes(qtbot, chain):
    win, (actor, mech, threat) = chain
    win.session.run(commands.add_relation(actor, mech, "uses"))
    win.session.run(commands.add_relation(mech, threat, "addresses"))
    team.reload_document(win)  # made elsewhere: read as a colleague's would be
    win.select_span(mech.id)
    box = win.panel.relations
    assert box.list.count() == 2
    rows = [box.list.item(i).text() for i in range(2)]
    assert rows == ["← uses 上合组织", "→ addresses 三股势力"]
    key(qtbot, win, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert box.list.hasFocus()
    box.list.setCurrentRow(1)
    qtbot.keyClick(box.list, Qt.Key.Key_Return)
    assert win.editor.selected.id == threat.id
    win.select_span(mech.id)
    box.list.setFocus()
    box.list.setCurrentRow(0)
    qtbot.keyClick(box.list, Qt.Key.Key_Delete)
    assert [r.type for r in relations(win)] == ["addresses"]
    assert box.list.count() == 1 and win.editor.selected.id == mech.id
    key(qtbot, win, Qt.Key.Key_Z, CTRL)
    assert len(relations(win)) == 2


def test_deleting_a_span_takes_its_relations_in_one_undo_step(qtbot, chain):
    win, (actor, mech, threat) = chain
    win.session.run(commands.add_relation(actor, mech, "uses"))
    win.session.run(commands.add_relation(mech, threat, "addresses"))
    team.reload_document(win)  # made elsewhere: read as a colleague's would be
    win.select_span(mech.id)
    win.delete_span()
    assert relations(win) == [] and arcs(win) == 0
    key(qtbot, win, Qt.Key.Key_Z, CTRL)
    assert len(relations(win)) == 2 and arcs(win) == 2


def test_colleagues_relations_arrive_with_a_reload(qtbot, chain, tmp_path):
    win, (actor, mech, threat) = chain
    other = Store.open(win.store.path)
    try:
        other.apply_command(commands.add_relation(actor, mech, "uses"), "lin")
    finally:
        other.close()
    team.reload_document(win)
    assert arcs(win) == 1
    win.select_span(actor.id)
    assert win.panel.relations.list.count() == 1


def test_only_my_spans_start_a_relation(qtbot, chain):
    win, (actor, mech, threat) = chain
    win.session.annotator = Annotator("wang", "Wang")
    win.select_span(actor.id)
    relating.start(win)
    assert relating.controller(win).picking is None
    assert "one annotator" in win.statusBar().currentMessage()


def test_an_undo_or_another_document_meanwhile_drops_the_relation_being_made(qtbot, chain):
    win, (actor, mech, threat) = chain
    ctl = start_from(qtbot, win, actor)
    key(qtbot, win, Qt.Key.Key_Z, CTRL)  # takes the threat span away
    assert ctl.picking is None and ctl.layer.pending is None
    ctl = start_from(qtbot, win, actor)
    win.next_document()
    win.reader.viewport().repaint()
    assert ctl.picking is None and ctl.relations().touching([actor.id]) == []


def test_the_arcs_draw_from_the_editors_relations(qtbot, chain):
    """One index of the open document's relations, the editor's: opening a document or
    adding a relation builds or updates no second one for the window."""
    win, (actor, mech, _threat) = chain
    ctl = relating.controller(win)
    assert ctl.relations() is win.editor.relation_index
    rel = win.editor.add_relation(actor.id, mech.id, "uses").added_relations[0]
    assert ctl.relations().of(actor.id) == [rel]
    win.next_document()
    assert ctl.relations() is win.editor.relation_index


def test_arc_ends_sit_on_their_spans(qtbot, chain):
    win, spans = chain
    layer = relating.controller(win).layer
    for span in spans:
        cursor = win.reader.textCursor()
        cursor.setPosition(win.reader.umap.to_utf16(span.start))
        rect = win.reader.cursorRect(cursor)
        box = layer._box(span)
        assert (round(box.left), round(box.top)) == (rect.left(), rect.top())
        assert box.right > box.left


def test_f2_changes_a_relations_type_among_those_that_fit_and_undo_changes_it_back(
        qtbot, chain, monkeypatch):
    win, (actor, mech, threat) = chain
    ministry = tag(win, "中国公安部", "actor.state")
    win.session.run(commands.add_relation(ministry, actor, "cooperates_with"))
    team.reload_document(win)
    offered = []
    monkeypatch.setattr(relmenu, "choose_type",
                        lambda parent, options, at: offered.extend(options) or options[0])
    win.select_span(ministry.id)
    box = win.panel.relations
    box.list.setFocus()
    box.list.setCurrentRow(0)
    qtbot.keyClick(box.list, Qt.Key.Key_F2)
    # actor to actor, not the type it is; and the directed ones turned round
    assert [(o.type.id, o.reverse) for o in offered] == [("part_of", False), ("part_of", True)]
    [rel] = relations(win)
    assert rel.type == "part_of" and (rel.source, rel.target) == (ministry.id, actor.id)
    assert box.list.item(0).text() == "→ is part of 上合组织"
    assert "changed" in win.statusBar().currentMessage()
    key(qtbot, win, Qt.Key.Key_Z, CTRL)
    assert [r.type for r in relations(win)] == ["cooperates_with"]


def test_a_relation_no_other_type_fits_says_so(qtbot, chain, monkeypatch):
    win, (actor, mech, threat) = chain
    win.session.run(commands.add_relation(actor, mech, "uses"))
    team.reload_document(win)
    monkeypatch.setattr(relmenu, "choose_type", lambda *a: pytest.fail("no list to show"))
    win.select_span(actor.id)
    win.panel.relations.list.setFocus()
    win.panel.relations.retype.emit(relations(win)[0].id)
    assert "No other relation type" in win.statusBar().currentMessage()


def test_the_type_list_and_the_rows_context_menu_are_real_menus(qtbot, chain):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    win, (actor, mech, threat) = chain
    ministry = tag(win, "中国公安部", "actor.state")
    win.session.run(commands.add_relation(ministry, actor, "cooperates_with"))
    team.reload_document(win)
    win.select_span(ministry.id)
    box = win.panel.relations
    box.list.setCurrentRow(0)
    shown = []

    def press(key_, then=None):
        def act():
            popup = QApplication.activePopupWidget()
            shown.append([a.text() for a in popup.actions()])
            if then is not None:  # the next menu opens once this one closes
                QTimer.singleShot(300, then)
            qtbot.keyClick(popup, key_)
        return act

    # the row's menu: &Change type…, then the type list: 4 part of
    QTimer.singleShot(200, press(Qt.Key.Key_C, then=press(Qt.Key.Key_4)))
    box._context_menu(box.list.visualItemRect(box.list.item(0)).center())
    qtbot.waitUntil(lambda: relations(win)[0].type == "part_of")
    assert shown[0] == ["&Go to the other end", "&Change type…", "&Delete relation"]
    assert shown[1] == ["&4 is part of", "is part of (turned round)"]


def test_del_while_a_relation_is_being_made_deletes_nothing(qtbot, chain):
    win, (actor, mech, threat) = chain
    ctl = start_from(qtbot, win, actor)
    key(qtbot, win, Qt.Key.Key_Delete)
    assert win.editor.index.get(actor.id) is not None and ctl.picking is not None
    assert "Esc cancels it" in win.statusBar().currentMessage()
    key(qtbot, win, Qt.Key.Key_Escape)
    assert ctl.picking is None and win.editor.index.get(actor.id) is not None


def test_f2_turns_a_relation_round(qtbot, chain, monkeypatch):
    """An actor drawn as part of the wrong one: the same type, turned round, one undo."""
    win, (actor, mech, threat) = chain
    ministry = tag(win, "中国公安部", "actor.state")
    win.session.run(commands.add_relation(actor, ministry, "part_of"))
    team.reload_document(win)
    monkeypatch.setattr(relmenu, "choose_type", lambda parent, options, at: next(
        o for o in options if o.reverse and o.type.id == "part_of"))
    win.select_span(ministry.id)
    box = win.panel.relations
    box.list.setFocus()
    box.list.setCurrentRow(0)
    qtbot.keyClick(box.list, Qt.Key.Key_F2)
    [rel] = relations(win)
    assert (rel.source, rel.target, rel.type) == (ministry.id, actor.id, "part_of")
    assert win.editor.selected.id == ministry.id  # the end selected stays selected
    key(qtbot, win, Qt.Key.Key_Z, CTRL)
    [rel] = relations(win)
    assert (rel.source, rel.target) == (actor.id, ministry.id)


def test_a_relation_drawn_twice_is_refused_in_words_not_ids(qtbot, chain):
    win, (actor, mech, threat) = chain
    for _ in range(2):
        ctl = start_from(qtbot, win, actor)
        while ctl.picking.picked.id != mech.id:
            key(qtbot, win, Qt.Key.Key_Tab)
        key(qtbot, win, Qt.Key.Key_1)  # uses
    assert len(relations(win)) == 1
    message = win.statusBar().currentMessage()
    assert message == "the same 'uses' relation already exists", message
