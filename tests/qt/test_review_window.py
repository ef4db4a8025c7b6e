"""Adjudication in the real window: walk the disagreement list with the keyboard, accept
and reject, and see the gold layer and the review status."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt  # noqa: E402

from annotator.core.annotation import Annotation, Annotator  # noqa: E402
from annotator.core.dataset import gold_ids  # noqa: E402
from annotator.core.document import Document, document_id, text_sha256  # noqa: E402
from annotator.core.tagset import default_tagset  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402
from annotator.store import Store  # noqa: E402

TEXT = "上海合作组织成员国在北京举行会议,打击三股势力和恐怖主义。"
DOC = document_id(TEXT)


def span(i, start, end, tag, who):
    return Annotation(i, DOC, start, end, tag, who, {}, "t", "t")


def project(tmp_path):
    path = tmp_path / "review.annotator"
    store = Store.open(path, create=True)
    store.set_tagset(default_tagset())
    store.add_documents([Document(DOC, "t", TEXT, text_sha256(TEXT))])
    for who in ("lin", "chen"):
        store.add_annotator(Annotator(who, who.title()))
    store.insert_annotations([
        span("l1", 0, 6, "actor.igo", "lin"), span("c1", 0, 6, "actor.igo", "chen"),
        span("l2", 10, 12, "actor.state", "lin"),
        span("l3", 20, 24, "threat.three_evils", "lin"),
        span("c3", 19, 24, "threat.three_evils", "chen"),
        span("l4", 25, 29, "threat.terrorism", "lin"),
        span("c4", 25, 29, "threat.extremism", "chen")])
    return store


def open_window(qtbot, tmp_path, who: Annotator):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(project(tmp_path), who, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot, tmp_path):
    win = open_window(qtbot, tmp_path, Annotator("prof", "Prof. Wang", "reviewer"))
    yield win
    win.store.close()


@pytest.fixture
def lin_window(qtbot, tmp_path):
    """The same project, opened by lin, who annotated it and now reviews it."""
    win = open_window(qtbot, tmp_path, Annotator("lin", "Lin"))
    yield win
    win.store.close()


def gold(win):
    decisions = tuple(win.store.decisions(DOC))
    return sorted((a.start, a.end, a.tag) for a in win.store.annotations(DOC)
                  if a.id in gold_ids(decisions))


def test_walk_accept_reject_with_the_keyboard(qtbot, window):
    qtbot.keyClick(window.reader, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    tree = window.review.tree
    assert window.docks["review"].isVisible() and tree.hasFocus()
    assert window.review.summary.text() == "4 open of 4 cases"
    # what only one annotator marked is drawn in that annotator's colour (北京: only Lin)
    lin = window.reader.review_colours["lin"].lower()
    ranges = window.reader.document().firstBlock().layout().formats()
    assert any(r.start <= 10 < r.start + r.length and r.format.foreground().color().name()
               == lin for r in ranges)
    # Ctrl+Enter: the unanimous case (上海合作组织) goes to gold in one step
    qtbot.keyClick(tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert gold(window) == [(0, 6, "actor.igo")]
    assert window.statusBar().currentMessage() == \
        "Saved: accept all unanimous. Open cases left in this document: 3."
    # the list moved on to the next open case: only lin marked 北京 -> reject it
    assert window.reader.selection() == (10, 12)
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage().endswith("Open cases left in this document: 2.")
    # boundaries differ: go down to the second version (lin's 20-24) and accept it
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert gold(window) == [(0, 6, "actor.igo"), (20, 24, "threat.three_evils")]
    assert window.store.summary(DOC).review_status == "in_review"
    # tags differ: accept the first version
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.review.summary.text() == "0 open of 4 cases"
    assert window.store.summary(DOC).review_status == "reviewed"
    assert {d.decision for d in window.store.decisions(DOC)} == {"accepted", "rejected"}
    assert all(d.reviewer == "prof" for d in window.store.decisions(DOC))
    # every decision is a command: undo takes the last one back
    window.undo()
    assert len(gold(window)) == 2 and window.review.summary.text() == "1 open of 4 cases"
    assert window.store.summary(DOC).review_status == "in_review"  # undone with it
    window.redo()
    assert window.store.summary(DOC).review_status == "reviewed"


def test_agreement_panel_opens_the_disagreements(qtbot, window):
    from annotator.qt.agreementdialog import AgreementDialog

    dialog = AgreementDialog(window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    assert dialog.table.item(0, 0).text() == "t"  # the document's title
    kappa = float(dialog.table.item(0, 2).text())
    assert 0 < kappa < 1
    dialog.open_row(0)
    assert window.docks["review"].isVisible()
    assert window.review.summary.text() == "4 open of 4 cases"


def kinds(win):
    return [win.review.tree.topLevelItem(i).text(0)
            for i in range(win.review.tree.topLevelItemCount())]


def test_a_reviewer_who_annotated_compares_her_own_layer(qtbot, lin_window):
    """Issue 15: lin's own layer is compared like chen's (it was hidden, and chen's spans
    alone showed as "all agree"); her decisions go to gold and never join the cases."""
    win = lin_window
    qtbot.keyClick(win.reader, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    who = [win.review.who.item(i).text() for i in range(win.review.who.count())]
    assert who == ["Lin", "Chen"] and win.review.chosen() == ["lin", "chen"]
    assert kinds(win) == ["all agree", "only one annotator marked it", "boundaries differ",
                          "tags differ"]
    tree = win.review.tree
    qtbot.keyClick(tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tree, Qt.Key.Key_Delete)  # only lin marked 北京: rejected
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # boundaries: the first version, chen's 19-24
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert gold(win) == [(0, 6, "actor.igo"), (19, 24, "threat.three_evils")]
    assert {a.annotator for a in win.store.annotations(DOC) if a.id in gold_ids(
        tuple(win.store.decisions(DOC)))} == {"lin"}
    # the gold copies under lin's id changed nothing in the comparison
    assert kinds(win) == ["all agree — accepted", "only one annotator marked it — rejected",
                          "boundaries differ — accepted", "tags differ"]
    assert win.review.summary.text() == "1 open of 4 cases"
    # unchecking chen leaves lin alone: nothing there "agrees"
    win.review.who.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert all(k.startswith("only one annotator marked it") for k in kinds(win))
    win.review.set_annotators(win.store.annotators()[::-1])  # e.g. the next document's
    assert win.review.chosen() == ["lin"]  # chen stays left out until checked again


def test_two_of_three_alike_is_its_own_kind_and_cases_are_counted_in_plural_forms(
        qtbot, window):
    """wang marked only 恐怖主义: lin and chen's identical 上海合作组织 is "not every
    annotator marked it" (it read "only one annotator marked it"); "1 open of 1 case"."""
    store = window.store
    store.add_annotator(Annotator("wang", "Wang"))
    store.insert_annotations([span("w4", 25, 29, "threat.terrorism", "wang")])
    window.open_document(DOC)
    qtbot.keyClick(window.reader, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.review.chosen() == ["lin", "chen", "wang"]
    assert kinds(window) == ["not every annotator marked it", "only one annotator marked it",
                             "boundaries differ", "tags differ"]
    assert window.review.summary.text() == "4 open of 4 cases"
    text, spans, decisions, names = window.review._source
    window.review.show_document(text, spans[:2], decisions, names)  # 上海合作组织 alone
    assert window.review.summary.text() == "1 open of 1 case"
