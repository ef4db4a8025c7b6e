"""An edit repaints what it changed, not the window around it: the side views set a field
only when what it shows changes, keep their size whatever is selected (a new size lays
the dock out and repaints all of it), and the reader keeps its cached formats."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from annotator.qt import guidelines  # noqa: E402


def tag(win, text: str, tag_id: str):
    start = win.doc.text.index(text)
    win.clear_selection()
    win.reader.select_range(start, start + len(text))
    win.apply_tag(tag_id)
    return win.editor.selected


def test_the_relation_list_keeps_its_size_whatever_is_selected(qtbot, seed_window):
    win = seed_window
    box = win.panel.relations
    sizes = {box.sizeHint().height()}
    actor = tag(win, "上合组织", "actor.igo")
    sizes.add(box.sizeHint().height())
    win.clear_selection()
    sizes.add(box.sizeHint().height())
    assert len(sizes) == 1 and actor is not None
    win.select_span(actor.id)
    assert box.empty.text() and box.stack.currentWidget() is box.empty


def test_the_headings_keep_their_height_whatever_is_selected(qtbot, seed_window):
    """The inspector's and the notes' headings wrap: a span's short heading and the
    document's long one took one and two lines, moving the views below them (Qt then
    repaints the dock whole, twice per selection)."""
    win = seed_window
    win.resizeDocks([win.docks["annotations"]], [200], Qt.Orientation.Horizontal)
    views = (win.panel.notes.tree, win.panel.relations, win.panel.notes)
    qtbot.wait(10)
    places = {tuple(v.geometry().getRect() for v in views)}
    actor = tag(win, "上合组织", "actor.igo")
    for _ in range(2):
        qtbot.wait(10)
        places.add(tuple(v.geometry().getRect() for v in views))
        win.clear_selection()
        qtbot.wait(10)
        places.add(tuple(v.geometry().getRect() for v in views))
        win.select_span(actor.id)
    assert len(places) == 1
    assert win.panel.notes.heading.text().startswith("Notes on “上合组织")


def test_selecting_spans_lays_no_widget_out_again(qtbot, seed_window):
    """A selection sets the headings, the inspector's fields, the relations and the
    notes; none of it may ask for a new layout (one request went up to the window, which
    laid out and repainted the whole dock, twice per selection)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    win = seed_window
    requested: list[str] = []

    class Requests(QObject):
        def eventFilter(self, obj, e):  # noqa: N802
            if e.type() == QEvent.Type.LayoutRequest and obj.isWidgetType():
                requested.append(obj.objectName() or type(obj).__name__)
            return False

    win.docks["palette"].raise_()  # the guidelines behind the palette's tab, as at start
    actor = tag(win, "上合组织", "actor.igo")
    other = tag(win, "反恐", "threat.terrorism")
    for span in (actor, None, other, None):  # once round: the guidelines pane, first sizes
        win.select_span(span.id) if span is not None else win.clear_selection()
    qtbot.wait(10)
    watch = Requests()
    QApplication.instance().installEventFilter(watch)
    try:
        for span in (actor, None, other, None, actor, other):
            win.select_span(span.id) if span is not None else win.clear_selection()
            QApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(watch)
    assert win.panel.inspector.heading.text().startswith("<b>反恐")
    # a heading's label asks its box, which has no layout to redo: the request ends there
    # and reaches none of the views around it, nor the dock (the status bar's labels may
    # still widen the window's bottom row once, by design: see statusbar.SteadyLabel)
    assert "SteadyHeading" in requested  # (the headings did change)
    panel = {"Inspector", "ThreadView", "RelationList", "QStackedWidget", "AnnotationPanel",
             "dock-annotations"}
    assert panel.isdisjoint(requested), requested


def weights(win, span) -> set[int]:
    """The font weights the reader's layout draws ``span`` with."""
    to16 = win.reader.umap.to_utf16
    block = win.reader.document().findBlock(to16(span.start))
    at, end = to16(span.start) - block.position(), to16(span.end) - block.position()
    return {r.format.fontWeight() for r in block.layout().formats()
            if r.start < end and at < r.start + r.length}


def test_a_new_span_is_drawn_selected_in_its_first_layout(qtbot, seed_window):
    """The span a tag key makes is the selected one: bold at once (it was drawn plain
    until the next redraw of its paragraph), and the one selected before, elsewhere, is
    drawn plain — without the paragraph laid out twice."""
    from PySide6.QtGui import QFont

    win = seed_window
    first = tag(win, "上合组织", "actor.igo")
    assert weights(win, first) == {QFont.Weight.Bold}
    start = win.doc.text.rindex("反恐")  # another paragraph, the first still selected
    assert win.reader.paragraphs(start, start + 2) != win.reader.paragraphs(first.start,
                                                                            first.end)
    win.reader.select_range(start, start + 2)
    win.apply_tag("threat.terrorism")
    second = win.editor.selected
    assert second is not None and second.id != first.id
    assert weights(win, second) == {QFont.Weight.Bold}
    assert QFont.Weight.Bold not in weights(win, first)


def test_a_heading_longer_than_its_room_is_whole_in_its_tooltip(qtbot, seed_window):
    """The heading keeps two lines' room: a longer one is cut there, its whole text is
    its tooltip, and a larger font makes the room larger."""
    heading = seed_window.panel.inspector.heading
    tag(seed_window, "上合组织", "actor.igo")
    assert heading.toolTip() == heading.text() and "上合组织" in heading.text()
    before = heading.height()
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    heading.setFont(font)
    assert heading.height() > 1.5 * before
    heading.label.setStyleSheet("font-size: 60px")  # a style sheet's font: the same
    assert heading.height() >= 2 * 60


def test_the_guidelines_pane_lays_a_definition_out_once(qtbot, seed_window, monkeypatch):
    win = seed_window
    pane = guidelines.pane(win)
    laid_out = []
    monkeypatch.setattr(pane.tag, "setHtml", lambda html: laid_out.append(html))
    win.docks["palette"].raise_()  # the pane behind the palette's tab
    assert pane.visibleRegion().isEmpty()
    guidelines.show_tag(win, "actor.igo")
    guidelines.show_tag(win, "threat.terrorism")
    assert laid_out == []
    win.docks["guidelines"].raise_()  # seen: the last one asked for
    assert len(laid_out) == 1 and "terrorism" in laid_out[0]
    guidelines.show_tag(win, "threat.terrorism")
    guidelines.show_tag(win, "actor.igo")
    assert len(laid_out) == 2


def test_the_palette_sets_only_the_counts_that_changed(qtbot, seed_window):
    win = seed_window
    palette = win.tag_palette
    changed = []
    palette.tree.itemChanged.connect(lambda item, col: changed.append(item.data(0, 256)))
    tag(win, "上合组织", "actor.igo")
    assert changed == ["actor.igo"]
    assert palette.items["actor.igo"].text(2) == str(win.tag_counts["actor.igo"])


def test_the_inspector_leaves_unchanged_fields_alone(qtbot, seed_window):
    win = seed_window
    actor = tag(win, "上合组织", "actor.igo")
    inspector = win.panel.inspector
    edits = []
    for field in (inspector.heading, inspector.normalized, inspector.note):
        setter = field.setText
        field.setText = lambda text, setter=setter: (edits.append(text), setter(text))
    win.select_span(actor.id)  # the same span again
    assert edits == []
    win.edit_attributes(actor.id, {"note": "首次"})
    assert edits == ["首次"] and inspector.note.text() == "首次"


def test_the_span_table_makes_only_the_cell_asked_for(qtbot, seed_window):
    win = seed_window
    tag(win, "上合组织", "actor.igo")
    model = win.panel.model
    named = []
    model.tag_name = lambda t: named.append(t) or t
    index = model.index(0, 0)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "上合组织"
    assert model.data(index, Qt.ItemDataRole.FontRole) is None
    assert named == []
    assert model.data(model.index(0, 1), Qt.ItemDataRole.DisplayRole) == "actor.igo"


def test_repainting_an_edited_paragraph_keeps_the_formats(qtbot, seed_window):
    win = seed_window
    actor = tag(win, "上合组织", "actor.igo")
    formats = win.reader.highlighter._formats
    assert formats
    kept = dict(formats)
    win.reader.repaint_range(actor.start, actor.end)
    assert all(formats.get(k) is v for k, v in kept.items())


def test_an_edit_paints_the_reader_first_and_the_span_table_just_after(qtbot, seed_window):
    from PySide6.QtWidgets import QApplication

    win = seed_window
    actor = tag(win, "上合组织", "actor.igo")
    rows = win.panel.table.viewport()
    assert not rows.updatesEnabled()  # it holds its paint
    assert win.docks["annotations"].updatesEnabled() and win.panel.inspector.updatesEnabled()
    assert win.reader.viewport().updatesEnabled() and win.tag_palette.updatesEnabled()
    assert win.panel.model.rowCount() == 1 and win.tag_counts["actor.igo"] == 1  # up to date
    QApplication.processEvents()  # the next turn of the event loop
    assert rows.updatesEnabled()
    assert actor is not None and win.panel.inspector.span == actor


def test_an_edit_repaints_the_span_table_not_the_dock_around_it(qtbot, seed_window):
    """Holding the whole dock repainted all of it when released: its title, the relations'
    title, the inspector's labels (~3.5 ms of CPU per edit)."""
    from PySide6.QtCore import QEvent, QObject

    win = seed_window
    win.show()
    first = tag(win, "上合组织", "actor.igo")
    qtbot.wait(50)
    painted: list[str] = []

    class Painted(QObject):
        def eventFilter(self, obj, e):  # noqa: N802
            if e.type() == QEvent.Type.Paint:
                painted.append(obj.objectName())
            return False

    watcher = Painted()
    still = {"relations title": win.panel.relations.title,
             "certainty label": win.panel.inspector.layout().labelForField(
                 win.panel.inspector.certainty),
             "table rows": win.panel.table.viewport()}
    for name, widget in still.items():
        widget.setObjectName(name)
        widget.installEventFilter(watcher)
    second = tag(win, "反恐", "threat.terrorism")
    qtbot.wait(50)
    assert first is not None and second is not None and second.id != first.id
    assert "table rows" in painted  # the new row is shown
    assert "relations title" not in painted and "certainty label" not in painted


def test_a_colleagues_change_does_not_hold_the_span_table(qtbot, seed_window):
    """Held, the table repaints whole when released (more CPU a colleague's edit in every
    window showing the document); not held, it repaints the rows it changed."""
    from annotator.core.annotation import Annotator
    from annotator.core.session import Session
    from annotator.qt import team

    win = seed_window
    doc = win.editor.doc
    start = doc.text.index("上合组织")
    Session(win.store, Annotator("wang", "Wang")).add(doc.id, doc.text, start, start + 4,
                                                      "actor.igo")
    team.reload_document(win)  # as a colleague's commit is read
    assert win.panel.model.rowCount() == 1  # shown
    assert win.panel.table.viewport().updatesEnabled()


def test_the_palette_fits_its_counts_column_only_when_the_widest_count_grows(qtbot,
                                                                             seed_window):
    from PySide6.QtWidgets import QHeaderView

    palette = seed_window.tag_palette
    tree, header = palette.tree, palette.tree.header()
    # fitted by set_counts, not by Qt at every count set (which measured every row)
    assert header.sectionResizeMode(2) == QHeaderView.ResizeMode.Interactive
    narrow = header.sectionSize(2)
    palette.set_counts({"actor.igo": 1234567})
    wide = header.sectionSize(2)
    assert wide > narrow and wide >= tree.fontMetrics().horizontalAdvance("1234567")
    palette.set_counts({"actor.igo": 1234568})
    assert header.sectionSize(2) == wide
    palette.set_counts({"actor.igo": 3})
    assert header.sectionSize(2) < wide
