"""The annotation panel's table model: it lists the span index's own list while the table
is in reading order and unfiltered (opening a long document copies no dict, sorts
nothing), and one edit moves one row, in any sort order or filter."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from annotator.core.annotation import Annotation  # noqa: E402

TEXT = "上海合作组织成员国安全合作北京会议"


def span(i: int, start: int, end: int, tag: str = "actor.igo",
         attributes: dict | None = None) -> Annotation:
    return Annotation(f"a{i:03d}", "d", start, end, tag, "lin", attributes or {}, "", "")


@pytest.fixture
def model(qapp):
    from annotator.qt.spanmodel import AnnotationTableModel

    m = AnnotationTableModel()
    spans = [span(0, 0, 6), span(1, 2, 4, "place"), span(2, 6, 9, "place"),
             span(3, 13, 15, "event", {"normalized": "北京"})]
    m.set_rows(TEXT, list(spans), ordered=True)
    return m


def texts(model) -> list[str]:
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_the_reading_order_list_is_shown_as_it_is(model):
    assert model.rows is model.spans  # no copy, no sort
    assert texts(model) == ["上海合作组织", "合作", "成员国", "北京"]
    assert model.tag_counts() == {"place": 2, "actor.igo": 1, "event": 1}
    assert model.known_names() == ["北京"]
    assert set(model.all) == {"a000", "a001", "a002", "a003"}


def test_an_edit_moves_one_row_in_reading_order(model, qtbot):
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        held = model.apply([], [span(9, 9, 11)])
    assert inserted.args[1:] == [3, 3]
    assert texts(model) == ["上海合作组织", "合作", "成员国", "安全", "北京"]
    old = model.spans[1]
    with qtbot.waitSignal(model.rowsRemoved) as removed:
        held = model.apply([old], [])
    assert held == [old] and removed.args[1:] == [1, 1]
    assert model.apply([span(42, 0, 1)], []) == []  # not held: nothing happens
    assert model.rows is model.spans and [a.id for a in model.spans] == \
        ["a000", "a002", "a009", "a003"]


def test_sorted_by_tag_or_filtered_the_rows_follow_the_edits(model):
    from PySide6.QtCore import Qt

    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.rows is not model.spans
    model.apply([model.spans[0]], [span(0, 0, 2, "zz")])  # retagged: moves to the end
    assert [a.id for a in model.rows][-1] == "a000"
    assert [a.id for a in model.spans][0] == "a000" and model.spans[0].tag == "zz"
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.set_filter("合作")
    assert texts(model) == ["合作"]
    model.apply([], [span(7, 10, 12)])  # 全合: held, not shown
    model.apply([], [span(8, 10, 13)])  # 全合作: shown
    assert texts(model) == ["合作", "全合作"] and len(model.spans) == 6
    model.set_filter("")
    assert model.rows is model.spans and len(model.spans) == 6


def test_rows_are_found_by_id_through_the_window_s_lookup(model):
    by_id = {a.id: a for a in model.spans}
    model.find = by_id.get
    assert model.row_of("a002") == 2 and model.row_of("nope") == -1
    model.find = None  # without one: a scan
    assert model.row_of("a003") == 3


def test_the_filter_finds_traditional_and_simplified_alike(model):
    model.set_filter("組織")  # the text has 组织
    assert texts(model) == ["上海合作组织"]
    model.set_filter("會議")
    assert texts(model) == []  # 会议 is no span's text
    model.set_filter("北京")
    assert texts(model) == ["北京"]


# the roles Qt 6's item delegate asks of a cell in one multiData call as it paints it, and
# the ones asked one at a time (tooltip, the row's id)
PAINT_ROLES = (0, 1, 6, 7, 8, 9, 10)
OTHER_ROLES = (3, 256)


def cell_by_multidata(m, index, role: int, stale=None):
    """``role`` of ``index`` through ``multiData``, in a slot that may hold a ``stale``
    value from the cell Qt asked before (Qt hands the same slots from cell to cell)."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    slot = QModelRoleData(role)
    if stale is not None:
        slot.setData(stale)
    m.multiData(index, QModelRoleDataSpan(slot))
    return slot.data()


def assert_multidata_is_data(m) -> None:
    from PySide6.QtGui import QColor

    assert m.rowCount() > 0
    for row in range(m.rowCount()):
        for column in range(m.columnCount()):
            index = m.index(row, column)
            for role in PAINT_ROLES + OTHER_ROLES:
                want = m.data(index, role)
                assert cell_by_multidata(m, index, role) == want, (row, column, role)
                # a value left from another cell is cleared where this one has none
                stale = cell_by_multidata(m, index, role, stale=QColor("#ff0000"))
                assert stale == want, (row, column, role, stale)


def test_a_cell_painted_in_one_call_shows_what_each_role_asked_alone_shows(model):
    """Qt 6 asks a cell's seven paint roles in one ``multiData`` call (one call into Python
    instead of seven); every role gives what ``data`` gives, and a slot holding the
    previous cell's value is cleared (left alone, the tag's colour swatch showed in every
    column)."""
    model.tag_colour = lambda t: "#3366cc"
    model.tag_name = lambda t: t.upper()
    assert_multidata_is_data(model)
    model.sort(1)
    model.set_filter("合作")
    assert_multidata_is_data(model)


def test_the_document_list_paints_a_cell_in_one_call_too(qtbot, seed_window):
    assert_multidata_is_data(seed_window.doc_list.model)
