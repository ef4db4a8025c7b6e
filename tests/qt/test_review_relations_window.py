"""Relation review in the real window: relation disagreements beside span ones, accept a
relation into gold (its ends follow the accepted spans), reject, undo in one step."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from relproject import REL_DOC  # noqa: E402

from annotator.core.dataset import gold_ids  # noqa: E402


@pytest.fixture
def window(related_window):
    return related_window


def kinds(win):
    return [win.review.tree.topLevelItem(i).text(0)
            for i in range(win.review.tree.topLevelItemCount())]


def go_to(qtbot, win, kind):
    tree = win.review.tree
    for i in range(tree.topLevelItemCount()):
        if tree.topLevelItem(i).text(0) == kind:
            tree.setCurrentItem(tree.topLevelItem(i))
            return tree.topLevelItem(i)
    raise AssertionError(kind)


def gold_relations(win):
    gold = gold_ids(tuple(win.store.decisions(REL_DOC)))
    spans = {a.id: a for a in win.store.annotations(REL_DOC)}
    return sorted((r.type, (spans[r.source].start, spans[r.source].end),
                   (spans[r.target].start, spans[r.target].end))
                  for r in win.store.relations(REL_DOC) if r.id in gold)


def test_relation_cases_accept_reject_undo(qtbot, window):
    qtbot.keyClick(window.reader, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert kinds(window)[-3:] == ["relation: ends differ", "relation: ends differ",
                                  "relation: types differ"]
    assert window.review.summary.text() == "8 open of 8 cases"  # 5 span cases, 3 relation
    uses = go_to(qtbot, window, "relation: ends differ")
    assert window.reader.selection() == (0, 12)
    versions = [uses.child(k).text(2) for k in range(uses.childCount())]
    assert sorted(versions) == ["上合组织 —uses→ 举行联合反恐演习", "上合组织 —uses→ 联合反恐演习"]
    lin = next(k for k in range(uses.childCount()) if uses.child(k).text(1) == "Lin")
    window.review.tree.setCurrentItem(uses.child(lin))
    qtbot.keyClick(window.review.tree, Qt.Key.Key_Return)
    assert gold_relations(window) == [("uses", (0, 4), (6, 12))]
    # the mechanism's span case was settled with it: lin's 6–12 is its gold span
    assert kinds(window).count("relation: ends differ — accepted") == 1
    assert "boundaries differ — accepted" in kinds(window)
    # chen's addresses (from chen's 4–12) follows the mechanism accepted: 6–12
    addresses = go_to(qtbot, window, "relation: ends differ")
    chen = next(k for k in range(addresses.childCount()) if addresses.child(k).text(1) == "Chen")
    window.review.tree.setCurrentItem(addresses.child(chen))
    qtbot.keyClick(window.review.tree, Qt.Key.Key_Return)
    assert gold_relations(window) == [("addresses", (6, 12), (15, 19)),
                                      ("uses", (0, 4), (6, 12))]
    # types differ: reject with Delete
    go_to(qtbot, window, "relation: types differ")
    qtbot.keyClick(window.review.tree, Qt.Key.Key_Delete)
    assert "relation: types differ — rejected" in kinds(window)
    window.undo()
    assert "relation: types differ" in kinds(window)
    window.undo()  # the addresses relation and the threat's gold span, in one step
    assert gold_relations(window) == [("uses", (0, 4), (6, 12))]
    assert len([a for a in window.store.annotations(REL_DOC) if a.annotator == "prof"]) == 2
