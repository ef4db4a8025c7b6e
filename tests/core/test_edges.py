"""Resizing a span with Alt+arrows never leaves an edge on whitespace or a line break: the
edge steps over it (or the move is refused when nothing would be left)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotation import Annotator
from annotator.core.commands import moved_edge
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.editor import Editor
from annotator.core.session import Session
from annotator.store import Store

TEXT = "中国 与俄罗斯\n在  北京\u3000会谈 。"
DOC = document_id(TEXT)


@pytest.fixture
def editor():
    store = Store.memory()
    store.add_documents([Document(DOC, "t", TEXT, text_sha256(TEXT))])
    ed = Editor(store, Session(store, Annotator("lin", "Lin")))
    ed.open(DOC)
    yield ed
    store.close()


def tagged(editor: Editor, start: int, end: int) -> None:
    change = editor.apply_tag("actor.state", start, end)
    assert change is not None and (change.added[0].start, change.added[0].end) == (start, end)


def bounds(editor: Editor) -> tuple[int, int]:
    assert editor.selected is not None
    [span] = editor.store.annotations(DOC)
    assert (span.start, span.end) == (editor.selected.start, editor.selected.end)
    return span.start, span.end


def test_the_end_steps_over_a_space_and_a_line_break(editor):
    tagged(editor, 0, 2)  # 中国
    editor.move_edge("end", 1)  # onto the space: on to 与
    assert bounds(editor) == (0, 4)
    editor.move_edge("end", 3)  # 与俄罗斯 ends at 7
    assert bounds(editor) == (0, 7)
    editor.move_edge("end", 1)  # the line break: on to 在
    assert TEXT[slice(*bounds(editor))] == "中国 与俄罗斯\n在"
    editor.move_edge("end", 1)  # two spaces after 在: on to 北
    assert TEXT[slice(*bounds(editor))].endswith("在  北")
    editor.move_edge("end", -1)  # back past both spaces to 在
    assert TEXT[slice(*bounds(editor))].endswith("\n在")


def test_the_start_steps_over_spaces_both_ways(editor):
    start = TEXT.index("北京")
    tagged(editor, start, start + 2)
    editor.move_edge("start", -1)  # two spaces before 北: on to 在
    assert TEXT[slice(*bounds(editor))] == "在  北京"
    editor.move_edge("start", 1)  # onto the spaces: on to 北
    assert TEXT[slice(*bounds(editor))] == "北京"


def test_an_ideographic_space_counts_as_whitespace(editor):
    start = TEXT.index("北京")
    tagged(editor, start, start + 2)
    editor.move_edge("end", 1)  # U+3000 after 北京
    assert TEXT[slice(*bounds(editor))] == "北京\u3000会"


def test_a_move_that_would_leave_nothing_is_refused(editor):
    start = TEXT.index("会谈")
    tagged(editor, start, start + 2)
    editor.move_edge("start", 1)
    assert TEXT[slice(*bounds(editor))] == "谈"
    assert editor.move_edge("start", 1) is None  # past the span's last character
    assert editor.move_edge("end", -1) is None
    editor.move_edge("end", 1)  # the space after 谈: on to 。
    assert TEXT[slice(*bounds(editor))] == "谈 。"
    assert editor.move_edge("end", 1) is None  # the end of the text
    assert TEXT[slice(*bounds(editor))] == "谈 。"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\u3000\t", min_size=1, max_size=12), st.data())
def test_no_edge_ever_rests_on_whitespace(text, data):
    solid = [i for i, ch in enumerate(text) if not ch.isspace()]
    if not solid:
        return
    start = data.draw(st.sampled_from(solid))
    end = data.draw(st.sampled_from([i + 1 for i in solid if i >= start]))
    for _ in range(data.draw(st.integers(1, 6))):
        edge = data.draw(st.sampled_from(["start", "end"]))
        moved = moved_edge(text, start, end, edge, data.draw(st.sampled_from([-1, 1])))
        if moved is None:
            continue
        start, end = moved
        assert 0 <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
