"""Corpus search in the real window: type, Enter, walk the concordance, jump to the hit."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from seedproject import create_without_gold as create_project  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402


@pytest.fixture
def window(seed_window):
    return seed_window


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


# --- searching spans by tag, annotator, status and normalized name -----------------------
from annotator.core import searching  # noqa: E402
from annotator.core.annotation import Annotation  # noqa: E402
from annotator.core.dataset import ReviewDecision  # noqa: E402
from annotator.core.tagset import default_tagset  # noqa: E402
from annotator.qt import searchpanel  # noqa: E402
from annotator.qt.searchpanel import Choice, Result  # noqa: E402


def tag_occurrences(store, text: str, tag: str, who: str, prefix: str, limit: int,
                    attributes: dict | None = None) -> list[Annotation]:
    hits = [h for h in store.search(text, limit=1000)
            if store.document(h.doc_id).text[h.start:h.end] == text][:limit]
    return [Annotation(f"{prefix}{i}", h.doc_id, h.start, h.end, tag, who, attributes or {})
            for i, h in enumerate(hits)]


@pytest.fixture
def tagged(qtbot, tmp_path):
    """The seeds, with spans by Lin and Chen, one accepted in review and one made gold."""
    store, _ = create_project(tmp_path / "p.annotator")
    store.add_annotator(Annotator("lin", "Lin"))
    store.add_annotator(Annotator("chen", "Chen"))
    spans = (tag_occurrences(store, "恐怖主义", "threat.terrorism", "lin", "t", 6)
             + tag_occurrences(store, "上合组织", "actor.igo", "chen", "o", 4)
             + tag_occurrences(store, "趙克志", "actor.person", "lin", "z", 3,
                               {"normalized": "趙克志"})
             + tag_occurrences(store, "赵克志", "actor.person", "chen", "y", 1,
                               {"normalized": "赵克志"})
             + tag_occurrences(store, "王小洪", "actor.person", "lin", "w", 1,
                               {"normalized": "王小洪"}))
    z0 = spans[10]
    gold = Annotation("g1", z0.doc_id, z0.start, z0.end, "actor.person", "chen",
                      {"normalized": "赵克志"})
    store.insert_annotations([*spans, gold])
    store.insert_decisions([
        ReviewDecision("d1", spans[0].doc_id, "chen", "accepted", ("t0",), None, None, "t"),
        ReviewDecision("d2", z0.doc_id, "chen", "gold", ("z0",), "g1", None, "t"),
    ])
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, Annotator("lin", "Lin"), settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    searchpanel.open_search(win)
    yield win
    win.store.close()


def choose(combo, field: str, value: str) -> None:
    """Pick the entry filtering by ``field=value``, as a user choosing it in the list."""
    index = next(i for i, c in enumerate(combo.choices) if (c.field, c.value) == (field, value))
    combo.setCurrentIndex(index)


def shown_ranges(panel) -> list[tuple[str, int, int]]:
    return [(r.doc_id, r.start, r.end) for r in panel.rows]


def ranges(spans) -> list[tuple[str, int, int]]:
    return [(a.doc_id, a.start, a.end) for a in spans]


def column(panel, col: int) -> list[str]:
    return [panel.table.item(r, col).text() for r in range(panel.table.rowCount())]


def test_filters_are_filled_from_the_project(tagged):
    panel = tagged.search
    tags = [panel.tag.itemText(i) for i in range(panel.tag.count())]
    assert tags[:3] == ["Any tag", "All Actors", "State"]
    assert "All Threats" in tags and "Terrorism" in tags
    indented = [bool(panel.tag.itemData(i, searchpanel.INDENT_ROLE)) for i in range(4)]
    assert indented == [False, False, True, True]
    assert len(tags) == 1 + 3 + len(default_tagset().tags)
    assert panel.tag.itemIcon(0).isNull() and not panel.tag.itemIcon(2).isNull()  # swatches
    names = [panel.annotator.itemText(i) for i in range(panel.annotator.count())]
    assert names[0] == "Any annotator" and {"Lin", "Chen"} <= set(names[1:])
    assert [panel.status.itemText(i) for i in range(3)] == ["Any status", "Accepted", "Gold"]
    assert panel.normalized.placeholderText().startswith("normalized name")


def test_tag_filter_lists_exactly_the_spans_with_that_tag(tagged):
    panel, store = tagged.search, tagged.store
    choose(panel.tag, "tag", "threat.terrorism")
    expected = store.find_spans(tag="threat.terrorism")
    assert len(expected) == 6 and shown_ranges(panel) == ranges(expected)
    assert column(panel, 2) == ["恐怖主义"] * 6
    assert set(column(panel, searchpanel.TAG_COLUMN)) == {"Terrorism"}
    assert not panel.table.isColumnHidden(searchpanel.TAG_COLUMN)
    assert panel.count.text() == "6 spans"
    titles = {store.document(a.doc_id).title for a in expected}
    assert set(column(panel, 0)) == titles


def test_group_and_annotator_filters_combine(tagged):
    panel, store = tagged.search, tagged.store
    choose(panel.tag, "group", "actor")
    assert shown_ranges(panel) == ranges(store.find_spans(group="actor"))
    assert len(panel.rows) == 4 + 3 + 1 + 1 + 1
    choose(panel.annotator, "annotator", "chen")
    expected = store.find_spans(group="actor", annotator="chen")
    # chen's own: her gold g1 (a review decision) is the gold layer's, not hers
    assert shown_ranges(panel) == ranges(expected) and len(expected) == 4 + 1
    assert set(column(panel, searchpanel.TAG_COLUMN)) == {"International organisation",
                                                          "Official or person"}


def test_normalized_name_finds_either_script_and_enter_moves_to_the_table(qtbot, tagged):
    panel = tagged.search
    panel.normalized.setFocus()
    panel.normalized.setText("趙克志")
    qtbot.keyClick(panel.normalized, Qt.Key.Key_Return)
    ids = {a.id for a in tagged.store.find_spans(normalized="赵克志")}
    assert ids == {"z0", "z1", "z2", "y0", "g1"}
    assert len(panel.rows) == 5 and panel.count.text() == "5 spans"
    texts = {tagged.store.document(r.doc_id).text[r.start:r.end] for r in panel.rows}
    assert texts == {"趙克志", "赵克志"}
    assert panel.table.hasFocus() and panel.table.currentRow() == 0


def test_status_gold_lists_only_the_gold_span(tagged):
    panel = tagged.search
    choose(panel.status, "status", "gold")
    gold = tagged.store.find_spans(status="gold")
    assert [a.id for a in gold] == ["g1"] and shown_ranges(panel) == ranges(gold)
    assert panel.count.text() == "1 span"
    choose(panel.status, "status", "accepted")
    accepted = tagged.store.find_spans(status="accepted")
    assert {a.id for a in accepted} == {"t0", "z0", "g1"}
    assert shown_ranges(panel) == ranges(accepted)


def test_query_with_a_tag_shows_only_hits_inside_the_tagged_spans(qtbot, tagged):
    panel, store = tagged.search, tagged.store
    panel.query.setText("恐怖")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    everywhere = shown_ranges(panel)
    assert len(everywhere) > 6 and panel.table.isColumnHidden(searchpanel.TAG_COLUMN)
    choose(panel.tag, "tag", "threat.terrorism")
    inside = shown_ranges(panel)
    assert inside == [(a.doc_id, a.start, a.start + 2)
                      for a in store.find_spans(tag="threat.terrorism")]
    assert set(inside) < set(everywhere) and panel.count.text() == "6 matches"
    choose(panel.tag, "tag", "threat.drugs")
    assert panel.rows == [] and panel.count.text() == "no matches"


def test_enter_on_a_span_row_jumps_the_reader_to_it(qtbot, tagged):
    panel = tagged.search
    choose(panel.annotator, "annotator", "chen")
    panel.query.setFocus()
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)  # no query, a filter: lists the spans
    assert panel.table.hasFocus()
    chen = tagged.store.find_spans(annotator="chen")
    assert shown_ranges(panel) == ranges(chen) and len(chen) == 5  # g1 is gold, not hers
    for _ in range(4):
        qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    target = chen[4]
    assert tagged.doc.id == target.doc_id
    assert tagged.reader.selection() == (target.start, target.end)
    assert tagged.doc.text[target.start:target.end] in ("赵克志", "趙克志")


def test_double_click_jumps_and_no_filter_no_query_clears(qtbot, tagged):
    panel = tagged.search
    choose(panel.tag, "tag", "actor.igo")
    row = 3
    panel.table.cellDoubleClicked.emit(row, 2)
    hit = panel.rows[row]
    assert tagged.doc.id == hit.doc_id and tagged.reader.selection() == (hit.start, hit.end)
    panel.tag.setCurrentIndex(0)  # "Any tag", no query: nothing to list
    assert panel.rows == [] and panel.table.rowCount() == 0 and panel.count.text() == ""


def test_set_store_refills_the_filters(qtbot, tagged, tmp_path):
    panel = tagged.search
    choose(panel.tag, "tag", "threat.terrorism")
    other, _ = create_project(tmp_path / "other.annotator", seeds=False)
    other.add_annotator(Annotator("wang", "Wang"))
    panel.set_store(other)
    names = [panel.annotator.itemText(i) for i in range(panel.annotator.count())]
    assert names == ["Any annotator", "Wang"]
    assert panel.rows == [] and panel.count.text() == ""
    panel.set_store(tagged.store)
    other.close()


# --- the logic, without a window -----------------------------------------------------------
def test_tag_choices_group_then_indented_tags():
    tagset = default_tagset()
    choices = searchpanel.tag_choices(tagset)
    assert choices[0] == Choice("Any tag")
    groups = [c for c in choices if c.field == "group"]
    assert [c.value for c in groups] == [g.id for g in tagset.groups]
    tags = [c for c in choices if c.field == "tag"]
    assert [c.value for c in tags] == [t.id for t in tagset.tags]
    assert all(c.indented and c.colour and c.label == tagset.tag(c.value).name()
               for c in tags)
    assert not any(c.indented for c in groups)
    i = choices.index(groups[1])
    assert choices[i + 1].value == tagset.groups[1].tags[0].id
    assert searchpanel.tag_choices(None) == [Choice("Any tag")]


def test_span_filters_from_the_chosen_entries():
    any_tag, by_lin = Choice("Any tag"), Choice("Lin", "annotator", "lin")
    assert searchpanel.span_filters([any_tag, Choice("Any status")], "  ") == {}
    assert searchpanel.span_filters([Choice("x", "group", "actor"), by_lin,
                                     Choice("Gold", "status", "gold")], " 趙克志 ") == {
        "group": "actor", "annotator": "lin", "status": "gold", "normalized": "趙克志"}
    assert [c.value for c in searchpanel.status_choices()] == [None, "accepted", "gold"]
    assert searchpanel.annotator_choices([Annotator("lin", "Lin")]) == [
        Choice("Any annotator"), by_lin]


def test_find_decides_between_hits_spans_and_nothing(tagged):
    store = tagged.store
    assert searchpanel.find(store, "  ", {}) is None
    plain = searchpanel.find(store, "恐怖", {})
    assert plain is not None and not plain.spans and plain.hits == store.search("恐怖", 200)
    spans = searchpanel.find(store, "", {"tag": "actor.igo"}, limit=3)  # a page: the
    assert spans is not None and spans.spans and spans.total is None  # total comes after
    assert [a.id for a in spans.hits] == [a.id for a in store.find_spans(tag="actor.igo")][:3]
    assert searchpanel.count_hits(store, "", {"tag": "actor.igo"}) == 4
    every = searchpanel.find(store, "", {"tag": "actor.igo"}, limit=4)
    assert every is not None and every.total == len(every.hits) == 4
    inside = searchpanel.find(store, "上合", {"annotator": "chen", "tag": "actor.igo"})
    assert inside is not None and not inside.spans
    assert [(h.doc_id, h.start) for h in inside.hits] == [
        (a.doc_id, a.start) for a in store.find_spans(tag="actor.igo")]


def test_count_text_says_how_many_of_how_many():
    count = searchpanel.count_text
    assert count(Result([], True, 0)) == "no matches"
    assert count(Result([1, 2], True, 2)) == "2 spans"
    assert count(Result([1, 2], True, 5)) == "2 of 5 spans"
    assert count(Result([1], False, 1)) == "1 match"
    assert count(Result([1, 2], False, 208)) == "2 of 208 matches"
    assert count(Result([1, 2], False, None)) == "first 2 matches, counting…"
    assert count(Result([1, 2], False, None), counting=False) == "first 2 matches"
    assert count(Result([1, 2], True, None)) == "first 2 spans, counting…"
    assert count(Result([1, 2], True, None), counting=False) == "first 2 spans"


def test_a_page_of_spans_leaves_out_what_blind_annotation_hides(tagged):
    """Blind annotation hides others' spans in my documents: the page is read further
    until it is full of spans I may see, and those are counted."""
    from annotator.core.blind import Blind

    store = tagged.store
    every = store.find_spans()
    me = every[-1].annotator
    blind = Blind(True, me, "annotator")
    mine = [a.id for a in every if a.annotator == me]
    page = searchpanel.find(store, "", {"group": every[-1].tag.split(".")[0]}, 2, blind)
    assert page is not None and all(a.annotator == me for a in page.hits)
    whole = searching.first_spans(store, {"annotator": me}, 1000, blind)
    assert [a.id for a in whole.hits] == mine and whole.total == len(mine)
    assert searchpanel.count_hits(store, "", {"annotator": me}, blind) == len(mine)


def test_find_counts_a_page_that_is_not_full_and_leaves_a_full_one_to_count_hits(tagged):
    store = tagged.store
    assert store.search_count("安全") == 208
    full = searchpanel.find(store, "安全", {})
    assert full is not None and len(full.hits) == searching.PAGE and full.total is None
    assert searchpanel.count_hits(store, "安全", {}) == 208
    few = searchpanel.find(store, "安全", {}, limit=300)
    assert few is not None and few.total == len(few.hits) == 208
    inside = {"annotator": "lin", "tag": "threat.terrorism"}
    every = searchpanel.find(store, "恐怖", inside, limit=1000)
    assert every is not None and every.total == len(every.hits) == 6
    assert searchpanel.count_hits(store, "恐怖", inside) == 6
    assert searchpanel.count_hits(store, "恐怖", {"tag": "threat.drugs"}) == 0


def test_a_full_page_says_first_then_how_many_of_how_many(qtbot, tagged):
    """The first page shows at once; the total is counted on a worker thread after it."""
    panel = tagged.search
    panel.query.setText("安全")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert len(panel.rows) == searching.PAGE
    qtbot.waitUntil(lambda: panel.count.text() == "200 of 208 matches", timeout=5000)
    panel.query.setText("恐怖")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.count.text() == f"{len(panel.rows)} matches"  # not full: counted already


def test_table_rows_add_the_tag_name_for_spans_only():
    from annotator.core.concordance import Row

    row = Row("d", "Title", 3, 5, "左边", "恐怖", "右边")
    span = Annotation("a", "d", 3, 5, "threat.terrorism", "lin")
    name = searchpanel.tag_namer(default_tagset())
    assert searchpanel.table_rows([row], [span], True, name) == [
        ("Title", "左边", "恐怖", "右边", "Terrorism")]
    assert searchpanel.table_rows([row], [span], False, name) == [
        ("Title", "左边", "恐怖", "右边", "")]
    assert name("no.such") == "no.such"


def test_the_consistency_dialog_counts_each_kind_in_plural_forms(qapp):
    from annotator.qt.consistencydialog import counts_text
    from annotator.review.consistency import Finding

    def found(kind: str) -> Finding:
        return Finding(kind, "上合", "d", 0, 2, ("actor.igo",), "")

    assert counts_text([]) == "0 findings"
    assert counts_text([found("cuts a word")]) == "1 finding: 1 cuts a word"
    assert counts_text([found("tagged differently")] * 2 + [found("cuts a word")] * 3) == \
        "5 findings: 2 tagged differently, 3 cut a word"
    assert counts_text([found("missed elsewhere")]) == "1 finding: 1 missed elsewhere"


def test_hits_ordered_by_the_word_before_or_after(window):
    from annotator.core import concordance
    from annotator.core.search import searchable

    panel = window.search
    panel.query.setText("合作")
    panel.run()
    by_place = [(r.doc_id, r.start) for r in panel.rows]
    panel.sort.setCurrentIndex(1)  # by the word before: the table follows at once
    before = [concordance.neighbour(window.store.document(r.doc_id).text, r.start, r.end,
                                    "before") for r in panel.rows]
    assert sorted(by_place) == sorted((r.doc_id, r.start) for r in panel.rows)
    assert before == sorted(before, key=searchable) and len(set(before)) > 3
    assert panel.table.item(0, 2).text() == "合作"
    panel.sort.setCurrentIndex(0)
    assert [(r.doc_id, r.start) for r in panel.rows] == by_place
