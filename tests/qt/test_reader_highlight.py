"""The reader highlights the paragraphs on screen and no others: setting a long text runs
no Python per paragraph, a paragraph scrolled into view gets its formats then, and a
suggestion beside a span shows only outside it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("PySide6")

from PySide6.QtGui import QFont, QTextCharFormat  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.annotation import Annotation  # noqa: E402
from annotator.core.render import Segment  # noqa: E402
from annotator.core.spans import SpanIndex  # noqa: E402
from annotator.core.suggest import Suggestion  # noqa: E402
from annotator.qt.highlight import uncovered_parts  # noqa: E402
from annotator.qt.reader import Reader  # noqa: E402

PARAGRAPHS = 2000


def span(i: int, start: int) -> Annotation:
    return Annotation(f"s{i}", "d", start, start + 2, "actor.igo", "lin")


@pytest.fixture
def reader(qtbot):
    text = "\n".join(f"第{i}段上合组织举行联合反恐演习。" for i in range(PARAGRAPHS))
    index = SpanIndex(text, [span(i, text.index(f"第{i}段")) for i in range(PARAGRAPHS)])
    view = Reader()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    asked: list[int] = []
    view.suggestions_in = lambda n: asked.append(n) or []
    view.show_text(text, index)
    QApplication.processEvents()
    return view, asked


def test_a_long_text_is_highlighted_a_screen_at_a_time(reader):
    view, asked = reader
    on_screen = len(list(view._visible_blocks(view.firstVisibleBlock())))
    assert 0 < len(set(asked)) <= on_screen < 40
    assert view.document().firstBlock().layout().formats()  # the first span drawn
    last = view.document().lastBlock()
    assert not last.layout().formats()
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.viewport().repaint()
    QApplication.processEvents()
    assert last.layout().formats() and PARAGRAPHS - 1 in asked


def test_a_suggestion_shows_only_beside_the_spans():
    a = span(0, 4)
    segs = [Segment(4, 6, (a,))]
    find = Suggestion(0, 10, "actor.igo", "上合组织举行联合", "lexicon")
    assert uncovered_parts([find], segs) == [(0, 4, find), (6, 10, find)]
    inside, across = (Suggestion(4, 6, "actor.igo", "上合", "lexicon"),
                      Suggestion(5, 9, "actor.igo", "合组织举", "lexicon"))
    assert uncovered_parts([inside], segs) == []
    assert uncovered_parts([across], segs) == [(6, 9, across)]


def _uncovered_naive(start: int, end: int, segs) -> list[tuple[int, int]]:
    """The plain reference: every code point of the suggestion, kept or not."""
    covered = {i for seg in segs for i in range(seg.start, seg.end)}
    out: list[tuple[int, int]] = []
    for i in range(start, end):
        if i in covered:
            continue
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


@settings(max_examples=300)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 5)), max_size=12),
       st.lists(st.tuples(st.integers(0, 8), st.integers(1, 12)), max_size=8))
def test_uncovered_parts_are_the_plain_reference(cuts, finds):
    segs, at = [], 0
    for gap, width in cuts:  # sorted and disjoint, as segments are
        segs.append(Segment(at + gap, at + gap + width, (span(0, 0),)))
        at += gap + width
    drawn, at = [], 0
    for gap, length in finds:  # in reading order and disjoint, as drawn suggestions are
        drawn.append(Suggestion(at + gap, at + gap + length, "actor.igo", "x", "lexicon"))
        at += gap + length
    expected = [(lo, hi, find) for find in drawn
                for lo, hi in _uncovered_naive(find.start, find.end, segs)]
    assert uncovered_parts(drawn, segs) == expected
    backwards = drawn[::-1]  # not in reading order: right all the same
    assert uncovered_parts(backwards, segs) == [
        (lo, hi, find) for find in backwards
        for lo, hi in _uncovered_naive(find.start, find.end, segs)]


def _formats(view: Reader) -> list[list[tuple]]:
    block, out = view.document().firstBlock(), []
    while block.isValid():
        out.append([(f.start, f.length, QTextCharFormat(f.format))  # a copy: the
                    for f in block.layout().formats()])  # range's own goes with it
        block = block.next()
    return out


def test_reused_format_ranges_draw_what_fresh_ones_draw(qtbot):
    """The highlighter keeps the format ranges it made and hands them out again: whatever
    the selection and the review colours, a paragraph drawn with the kept ones has the
    formats one drawn from nothing has; with astral characters before a span its ranges
    are in UTF-16 units."""
    text = "𠮷𠮷上合组织举行联合反恐演习。\n上合组织反恐演习,𠮷上合组织。"
    second = text.index("\n") + 1
    spans = [Annotation("a", "d", 2, 6, "actor.igo", "lin"),
             Annotation("b", "d", 4, 8, "mechanism.exercise", "wang"),
             Annotation("c", "d", second + 10, second + 14, "actor.igo", "wang")]
    found = {0: [Suggestion(10, 12, "threat.terrorism", "反恐", "lexicon")],
             1: [Suggestion(second, second + 4, "actor.igo", "上合组织", "lexicon"),
                 Suggestion(second + 4, second + 8, "mechanism.exercise", "反恐演习",
                            "lexicon")]}
    view = Reader()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    view.suggestions_in = lambda n: found.get(n, [])
    view.show_text(text, SpanIndex(text, spans))
    for selected in (None, "a", "b", "c", None):
        for colours in ({}, {"lin": "#d04040", "wang": "#40a040"}):
            view.selected_id = selected
            view.set_review_colours(colours)
            view.repaint_range(0, len(text))
            kept = _formats(view)
            view.highlighter.clear_cache()
            view.repaint_range(0, len(text))
            assert kept == _formats(view), (selected, colours)
            only_a = next(f for start, length, f in kept[0] if (start, length) == (4, 2))
            assert (only_a.fontWeight() == QFont.Weight.Bold) == (selected == "a")
    first = _formats(view)[0]
    assert (4, 2) in [(start, length) for start, length, _ in first]  # 上合 at cp 2 = u16 4
    assert (12, 2) in [(start, length) for start, length, _ in first]  # 反恐 at cp 10
