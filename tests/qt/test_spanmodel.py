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
