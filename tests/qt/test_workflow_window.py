"""The team's workflow in the window (a project file): my queue first ("Mine", "All") and
Ctrl+PgDn following it, the list's team columns, Assign to…, the Guidelines pane following
the span and the palette, a new guidelines version recorded on new spans, threads on a
span (started, answered, resolved, undone), Ctrl+Shift+N across documents, blind
annotation hiding a colleague's spans until I mark the document done, and the statistics
view's Team progress tab."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QDialog  # noqa: E402

from annotator.core import assign  # noqa: E402
from annotator.core.annotation import Annotator  # noqa: E402
from annotator.core.search import find_all  # noqa: E402
from annotator.core.session import Session  # noqa: E402
from annotator.core.workflow import GUIDELINES_ATTRIBUTE  # noqa: E402
from annotator.project import create_project  # noqa: E402
from annotator.qt import guidelines, searchpanel, statsview, workboard  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402
from annotator.stats.layer import Layer  # noqa: E402

COLUMN = {"status": 4, "spans": 5, "team": 6, "here": 7, "threads": 8}


@pytest.fixture
def window(qtbot, tmp_path):
    store, _ = create_project(tmp_path / "p.annotator")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, Annotator("lin", "Lin"), settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.store.close()


def cell(win: MainWindow, doc_id: str, column: str) -> str:
    model = win.doc_list.model
    row = model.view_row(doc_id)
    return model.index(row, COLUMN[column]).data()


def others(win: MainWindow) -> Session:
    return Session(win.store, Annotator("chen", "Chen"))


def choose_rows(win: MainWindow, rows: list[int]) -> None:
    table, model = win.doc_list.table, win.doc_list.model
    flags = table.selectionModel().SelectionFlag
    table.clearSelection()
    for row in rows:
        table.selectionModel().select(model.index(row, 0), flags.Select | flags.Rows)


def test_my_queue_comes_first_and_ctrl_pgdn_follows_it(qtbot, window, monkeypatch):
    ids = [r.id for r in window.doc_list.model.rows]
    assert window.doc_list.tabs.isHidden()  # no queue of mine yet
    choose_rows(window, [1, 3])
    assert window.doc_list.selected_ids() == [ids[1], ids[3]]

    def tick(dialog):
        dialog.boxes["lin"].setChecked(True)
        dialog.other.setText("chen")  # not known to the project yet
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(workboard.AssignDialog, "exec", tick)
    window.acts["assign"].trigger()
    assert {(a.doc_id, a.annotator) for a in window.store.assignments()} == {
        (d, w) for d in (ids[1], ids[3]) for w in ("lin", "chen")}
    assert window.doc_list.tabs.isVisible() and window.doc_list.tabs.currentIndex() == 0
    assert window.doc_list.ids_in_view() == [ids[1], ids[3]]  # Mine: my queue
    assert "lin ○" in cell(window, ids[1], "team") and "chen ○" in cell(window, ids[1], "team")
    window.open_document(ids[1])
    window.acts["next_doc"].trigger()
    assert window.doc.id == ids[3]
    window.acts["next_doc"].trigger()
    assert window.doc.id == ids[1]  # round the queue, not the corpus
    window.set_status("done")
    assert cell(window, ids[1], "status") == "done"  # mine
    assert "lin ✓" in cell(window, ids[1], "team")
    window.doc_list.tabs.setCurrentIndex(1)
    assert len(window.doc_list.ids_in_view()) == 5
    window.undo()  # my status
    window.undo()  # the assignment
    assert window.store.assignments() == [] and window.doc_list.tabs.isHidden()


def test_the_guidelines_pane_follows_the_span_and_the_palette(qtbot, window, monkeypatch):
    pane = guidelines.pane(window)
    start, end = find_all(window.doc.text, "上合组织")[0]
    window.reader.select_range(start, end)
    window.apply_tag("actor.igo")
    window.docks["guidelines"].raise_()  # behind the palette's tab it lays out nothing
    definition = window.tags["actor.igo"].definition["en"]
    assert definition[:40] in pane.tag.toPlainText()
    assert "上合组织" in window.tag_palette.items["actor.igo"].toolTip(0)  # an example
    guidelines.show_tag(window, "threat.terrorism")  # the palette row under the mouse
    assert window.tags["threat.terrorism"].definition["en"][:30] in pane.tag.toPlainText()

    def write(dialog):
        dialog.text.setPlainText("# 标注规范\n\n**最短**的名称。")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(guidelines.GuidelinesDialog, "exec", write)
    window.acts["guidelines"].trigger()
    assert window.store.guidelines().version == 1
    assert "最短" in pane.project.toPlainText() and "**" not in pane.project.toPlainText()
    start, end = find_all(window.doc.text, "上合组织")[1]
    window.reader.select_range(start, end)
    window.apply_tag("actor.igo")
    assert window.editor.selected.attributes[GUIDELINES_ATTRIBUTE] == 1


def test_threads_on_a_span_and_the_next_open_thread(qtbot, window):
    ids = [r.id for r in window.doc_list.model.rows]
    start, end = find_all(window.doc.text, "上合组织")[0]
    window.reader.select_range(start, end)
    window.apply_tag("actor.igo")
    view = window.panel.notes
    view.text.setText("是组织还是简称？")
    view.start.click()
    [thread] = window.store.threads(window.doc.id)
    assert thread.span_id == window.editor.selected.id
    assert cell(window, window.doc.id, "threads") == "1"
    assert view.tree.topLevelItem(0).child(0).text(0).endswith("是组织还是简称？")
    other = window.store.document(ids[2])
    chen = others(window)
    from annotator.core import discussion

    chen.run(discussion.open_thread(other.id, None, "chen", "日期不对"))
    window.clear_selection()
    window.reader.select_range(0, 0)
    window.acts["next_thread"].trigger()
    assert window.editor.selected is not None and window.editor.selected.id == thread.span_id
    window.acts["next_thread"].trigger()
    assert window.doc.id == other.id  # the next document with an open thread
    assert view.thread_id() is not None
    view.resolve.click()  # anyone at a project file of their own may resolve
    assert window.store.open_threads() == {ids[0]: 1}
    window.undo()
    assert window.store.open_threads() == {ids[0]: 1, other.id: 1}


def test_selecting_spans_reads_the_threads_once_a_change_reads_them_again(qtbot, window,
                                                                           monkeypatch):
    spans = []
    for start, end in find_all(window.doc.text, "上合组织")[:2]:
        window.clear_selection()
        window.reader.select_range(start, end)
        window.apply_tag("actor.igo")
        spans.append(window.editor.selected)
    reads = []
    real = type(window.store).threads
    monkeypatch.setattr(type(window.store), "threads",
                        lambda self, doc_id=None: reads.append(doc_id) or real(self, doc_id))
    for span in (*spans, *spans):
        window.select_span(span.id)
    assert reads == []  # nothing changed: the threads as read before
    view = window.panel.notes
    view.text.setText("是组织还是简称？")
    view.start.click()  # a change: read again, and shown on its span
    assert reads and view.tree.topLevelItem(0).child(0).text(0).endswith("是组织还是简称？")
    window.select_span(spans[0].id)
    assert view.tree.topLevelItemCount() == 0  # the other span has none
    window.select_span(spans[1].id)
    assert view.tree.topLevelItemCount() == 1


def test_blind_annotation_shows_only_my_layer_until_i_am_done(qtbot, window):
    doc = window.doc
    start, end = find_all(doc.text, "上合组织")[0]
    chen = others(window)
    theirs = chen.add(doc.id, doc.text, start, end, "actor.igo").added[0]
    chen.run(assign.assign({doc.id: ("lin", "chen")}, [], "wang"))
    window.acts["blind"].trigger()  # checks it: on
    window.open_document(doc.id)
    assert window.store.blind() and window.editor.hidden
    assert theirs.id not in window.panel.model.all
    assert "blind" in window.status_doc.text()
    assert cell(window, doc.id, "spans") == "0"
    window.acts["review"].trigger()
    assert not window.docks["review"].isVisible()  # refused while blind
    def found_here() -> int:  # the span search over the whole project, in this document
        found = searchpanel.find(window.store, "", {"tag": "actor.igo"}, limit=10**6,
                                 blind=window.search.blind())
        assert found is not None and found.total  # other documents' (gold) spans still show
        return sum(1 for a in found.hits if a.doc_id == doc.id)

    assert found_here() == 0  # the span search neither
    figures = statsview.compute_job(window.store.reopen, Layer(), "sentence", "month",
                                    window.editor.blind)
    elsewhere = sum(1 for a in window.store.find_spans(tag="actor.igo") if a.doc_id != doc.id)
    assert figures.tags["actor.igo"] == elsewhere  # nor the statistics (of this document)
    window.set_status("done")
    assert not window.editor.hidden and theirs.id in window.panel.model.all
    assert found_here() == 1 + sum(1 for a in window.store.annotations(doc.id)
                                   if a.tag == "actor.igo" and a.annotator != "chen")


def test_the_statistics_view_has_team_progress(qtbot, window):
    others(window).set_status(window.doc.id, "done")
    window.set_status("done")
    view = statsview.open_statistics(window)
    view.tabs.setCurrentWidget(view.team)
    qtbot.waitUntil(lambda: view.team.found is not None, timeout=10000)
    names = {view.team.people.item(r, 0).text() for r in range(view.team.people.rowCount())}
    assert {"Lin", "Chen"} <= names
    assert view.team.pairs.rowCount() == 1
    view.close()

