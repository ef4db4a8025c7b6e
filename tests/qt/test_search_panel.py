"""Corpus search in the real window: type, Enter, walk the concordance, jump to the hit."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.project import create_project  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path):
    store, _ = create_project(tmp_path / "p.annotator")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, Annotator("lin", "Lin"), settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.store.close()


def test_search_traditional_query_and_jump(qtbot, window):
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert window.docks["search"].isVisible() and window.search.query.hasFocus()
    event = QInputMethodEvent()
    event.setCommitString("執法")  # traditional: finds 执法 in the simplified seeds too
    QApplication.sendEvent(window.search.query, event)
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    rows = window.search.rows
    texts = {window.store.document(r.doc_id).text[r.start:r.end] for r in rows}
    assert texts == {"执法", "執法"} and len({r.doc_id for r in rows}) == 4
    qtbot.keyClick(window.search.table, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.table, Qt.Key.Key_Return)
    hit = rows[1]
    assert window.doc.id == hit.doc_id
    assert window.reader.selection() == (hit.start, hit.end)


def test_consistency_dialog_jumps_to_a_missed_occurrence(qtbot, window):
    from annotator.qt.consistencydialog import ConsistencyDialog

    doc = window.doc
    start = doc.text.index("上合组织")
    window.reader.select_range(start, start + 4)
    window.apply_tag("actor.igo")
    dialog = ConsistencyDialog(window)
    qtbot.addWidget(dialog)
    missed = [i for i, f in enumerate(dialog.findings) if f.kind == "missed elsewhere"]
    assert missed and dialog.table.rowCount() == len(dialog.findings)
    finding = dialog.findings[missed[-1]]
    dialog.jump(missed[-1])
    assert window.doc.id == finding.doc_id
    assert window.reader.selection() == (finding.start, finding.end)
    assert window.doc.text[finding.start:finding.end] in ("上合组织", "上合組織")


def test_annotate_all_occurrences_is_one_undo(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QDialog, QListWidget

    def review_queue(dialog):  # the user unticks the first occurrence and presses OK
        listing = dialog.findChild(QListWidget)
        listing.item(0).setCheckState(Qt.CheckState.Unchecked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QDialog, "exec", review_queue)
    text = window.doc.text
    start = text.index("三股势力")
    window.reader.select_range(start, start + 4)
    window.apply_tag("threat.three_evils")
    count = text.count("三股势力")
    qtbot.keyClick(window.reader, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    spans = [a for a in window.store.annotations(window.doc.id) if a.tag == "threat.three_evils"]
    assert count > 3 and len(spans) == count - 1  # all but the unticked one
    window.undo()
    assert len([a for a in window.store.annotations(window.doc.id)
                if a.tag == "threat.three_evils"]) == 1


def test_choose_annotators_dialog_sets_the_layers_shown(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QDialog, QListWidget

    from annotator.qt import dialogs

    window.store.add_annotator(Annotator("chen", "Chen"))

    def untick_first(dialog):
        dialog.findChild(QListWidget).item(0).setCheckState(Qt.CheckState.Unchecked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QDialog, "exec", untick_first)
    dialogs.choose_annotators(window)
    assert window.editor.shown == frozenset({"chen"})
