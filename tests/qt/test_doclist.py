"""The document list on a generated 2,000-document project (about 50 spans each, two
annotators; ``generate(store, 10_000)`` makes the issue's 10,000 documents with 100 each):
it shows exactly the store's documents, filters, sorts, follows status changes, is built
fast and formats only the rows it shows."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.annotation import Annotation, Annotator  # noqa: E402
from annotator.core.document import (  # noqa: E402
    Document,
    DocumentSummary,
    document_id,
    text_sha256,
)
from annotator.core.tagset import default_tagset  # noqa: E402
from annotator.qt.doclist import DocumentList  # noqa: E402
from annotator.qt.models import STATUS_LABELS, DocumentListModel  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402
from annotator.store import Store  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
STATUS_TEXT = {"to do": "todo", "in progress": "in_progress", "done": "done"}


def seed_sentences() -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return [s for s in re.split(r"(?<=[。！？\n])", text) if re.search(r"[\u4e00-\u9fff]", s)]


def generate(store: Store, docs: int, spans: int = 100, chars: int = 300) -> None:
    """A project like the benchmark's (seed sentences, one document in five traditional),
    with short texts (the list never reads them) and 0 to ``2 * spans`` spans a document
    from two annotators; stored directly, not through the importer."""
    rng, pool = random.Random(7), seed_sentences()
    store.set_tagset(default_tagset())
    tags = [t.id for t in default_tagset().tags]
    for a in ("lin", "wang"):
        store.add_annotator(Annotator(a, a.title()))
    made = []
    for i in range(docs):
        parts = [f"第{i}号文件\n"]
        while sum(map(len, parts)) < chars:
            parts.append(rng.choice(pool))
        body = "".join(parts)
        made.append(Document(document_id(body), f"doc {i}", body, text_sha256(body),
                             source=f"source {i % 7}", date=f"2024-{1 + i % 12:02}-{1 + i % 28:02}",
                             script="zh-Hant" if i % 5 == 4 else "zh-Hans",
                             status=("todo", "in_progress", "done")[i % 3]))
    store.add_documents(made)
    store.insert_annotations(a for d in made for a in _spans(d, rng.randint(0, 2 * spans), rng,
                                                             tags))


def _spans(doc: Document, n: int, rng: random.Random, tags: list[str]) -> list[Annotation]:
    starts = rng.choices(range(len(doc.text) - 8), k=n)
    return [Annotation(f"{doc.id}-{k}", doc.id, s, s + size, tag, who, {}, "t", "t")
            for k, (s, size, tag, who) in enumerate(zip(
                starts, rng.choices(range(2, 7), k=n), rng.choices(tags, k=n),
                rng.choices(("lin", "wang"), k=n), strict=True))]


@pytest.fixture(scope="module")
def big():
    store = Store.memory()
    generate(store, 2000, spans=50)  # 100,000 spans: a second or two to make
    yield store
    store.close()


def plain_rows(store: Store) -> list[tuple[str, str, str, int]]:
    """(id, title, status, spans) in project order, by plain SQL."""
    counts = dict(store.conn.execute("SELECT doc_id, count(*) FROM annotations GROUP BY doc_id"))
    rows = store.conn.execute("SELECT id, title, status FROM documents ORDER BY position")
    return [(i, t, s, counts.get(i, 0)) for i, t, s in rows]


def shown(model: DocumentListModel) -> list[tuple[str, str, str, int]]:
    """What the table shows, row by row, read through the Qt model API."""
    def cell(row: int, col: int) -> str:
        return model.index(row, col).data()
    return [(model.index(r, 0).data(Qt.ItemDataRole.UserRole), cell(r, 0),
             STATUS_TEXT[cell(r, 4).split(" · ")[0]], int(cell(r, 5)))
            for r in range(model.rowCount())]


@pytest.fixture
def doclist(qtbot, big):
    widget = DocumentList()
    qtbot.addWidget(widget)
    widget.resize(500, 700)
    widget.set_rows(big.documents())
    widget.show()
    return widget


def test_generated_project_is_the_size_asked(big):
    total = big.conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
    assert len(big.documents()) == 2000 and 75_000 < total < 125_000


def test_list_shows_exactly_the_stores_documents(doclist, big):
    assert shown(doclist.model) == plain_rows(big)
    assert doclist.ids_in_view() == [r[0] for r in plain_rows(big)]
    assert doclist.position(plain_rows(big)[41][0]) == (42, 2000)


def test_list_is_built_fast_and_formats_only_what_it_shows(qtbot, big, monkeypatch):
    asked: set[int] = set()
    real = DocumentListModel.data

    def counting(self, index, role=Qt.ItemDataRole.DisplayRole):
        asked.add(index.row())
        return real(self, index, role)

    widget = DocumentList()
    qtbot.addWidget(widget)
    widget.resize(500, 700)
    monkeypatch.setattr(DocumentListModel, "data", counting)
    started = time.perf_counter()
    widget.set_rows(big.documents())
    widget.show()
    QApplication.processEvents()  # the first paint
    elapsed = time.perf_counter() - started
    assert widget.model.rowCount() == 2000
    assert elapsed < 1.0, f"{elapsed:.2f} s"  # about 0.03 s; 10,000 documents take 0.2 s
    assert len(asked) < 200  # the visible rows and a sample for the column widths


def test_filter_shows_matching_rows_in_order(qtbot, doclist, big):
    rows = plain_rows(big)
    doclist.filter.setText("DOC 12")  # case-insensitive, any column
    assert doclist.ids_in_view() == [r[0] for r in rows if "doc 12" in r[1]]
    doclist.filter.setText("in progress")
    assert doclist.ids_in_view() == [r[0] for r in rows if r[2] == "in_progress"]
    assert {s for _, _, s, _ in shown(doclist.model)} == {"in_progress"}
    doclist.filter.setText("")
    assert doclist.ids_in_view() == [r[0] for r in rows]


def test_the_filter_finds_traditional_and_simplified_alike(qtbot):
    rows = [DocumentSummary.of_row((f"d{i}", title, None, None, "und", (), "todo",
                                    "not_reviewed", 0, 10, i))
            for i, title in enumerate(("上海合作组织峰会", "上海合作組織峰會", "北京"))]
    model = DocumentListModel()
    model.set_rows(rows)
    for needle in ("合作组织", "合作組織", "組織峰会"):
        model.set_filter(needle)
        assert model.ids_in_view() == ["d0", "d1"], needle


def test_esc_in_the_filter_clears_it_then_leaves_it(qtbot, doclist):
    doclist.filter.setFocus()
    qtbot.keyClicks(doclist.filter, "doc 12")
    assert len(doclist.ids_in_view()) == 111
    qtbot.keyClick(doclist.filter, Qt.Key.Key_Escape)
    assert doclist.filter.text() == "" and len(doclist.ids_in_view()) == 2000
    qtbot.keyClick(doclist.filter, Qt.Key.Key_Escape)
    assert doclist.table.hasFocus()


def test_the_filter_texts_are_made_while_idle_and_a_keystroke_makes_none(qtbot, doclist,
                                                                         monkeypatch):
    model = doclist.model
    qtbot.waitUntil(lambda: None not in model._hay, timeout=5000)  # idle turns made them
    assert not model._preparing.isActive()
    made: list[int] = []
    real = DocumentListModel._hay_of
    monkeypatch.setattr(DocumentListModel, "_hay_of",
                        lambda self, i: made.append(i) or real(self, i))
    doclist.filter.setText("doc 1")
    assert made == [] and len(doclist.ids_in_view()) == 1111  # doc 1, 10-19, 100-199, 1000-1999
    some = doclist.ids_in_view()[:3]
    doclist.refresh(set(some))  # these rows' team columns changed: their texts alone
    assert sorted(made) == sorted(model.row_of(d) for d in some)
    made.clear()
    doclist.filter.setText("")
    doclist.refresh()  # any row's may have: made again, ahead, not on the next key
    assert None in model._hay and model._preparing.isActive()
    qtbot.waitUntil(lambda: None not in model._hay, timeout=5000)
    doclist.filter.setText("doc 12")
    assert len(made) == 2000 and len(doclist.ids_in_view()) == 111  # by idle turns alone


def test_sort_by_spans_keeps_project_order_in_ties_and_the_selection(doclist, big):
    rows = plain_rows(big)
    doclist.mark_current(rows[10][0])
    doclist.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    assert doclist.ids_in_view() == [r[0] for r in sorted(rows, key=lambda r: -r[3])]
    selected = doclist.table.selectionModel().selectedRows()
    assert [i.data(Qt.ItemDataRole.UserRole) for i in selected] == [rows[10][0]]
    doclist.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert doclist.ids_in_view() == [r[0] for r in sorted(rows, key=lambda r: r[1])]
    doclist.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert doclist.ids_in_view() == [r[0] for r in rows]


def test_status_change_updates_moves_and_hides_the_row(doclist, big):
    doc = [r for r in plain_rows(big) if r[2] == "todo"][100][0]  # mid-list: it must move
    doclist.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # by status
    doclist.filter.setText("to do")
    doclist.mark_current(doc)
    before = doclist.model.rowCount()
    big.set_status(doc, "in_progress")
    try:
        doclist.update_row(big.summary(doc))
        assert doc not in doclist.ids_in_view() and doclist.model.rowCount() == before - 1
        doclist.filter.setText("")
        row = doclist.model.view_row(doc)
        assert doclist.model.index(row, 4).data() == STATUS_LABELS["in_progress"]
        ids = doclist.ids_in_view()  # the row moved to its place in the sort
        statuses = [doclist.model.index(r, 4).data() for r in range(len(ids))]
        assert statuses == sorted(statuses)
        doclist.mark_current(doc)
        was = doclist.model.view_row(doc)
        big.set_status(doc, "done")
        doclist.update_row(big.summary(doc))
        row = doclist.model.view_row(doc)
        assert row != was
        assert doclist.model.index(row, 4).data() == "done"
        assert doclist.table.selectionModel().isRowSelected(row)  # it moved, still selected
        after = [doclist.model.index(r, 4).data() for r in range(2000)]
        assert after == sorted(after) and after != statuses
    finally:
        big.set_status(doc, "todo")


# --- in the window -------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "p.annotator"
    with Store.open(path, create=True) as store:
        generate(store, 12, spans=3)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Store.open(path), Annotator("lin", "Lin"), settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.editor.lexicon is not None)
    yield win
    win.store.close()


def test_window_lists_filters_and_walks_the_list(qtbot, window):
    docs = window.doc_list
    rows = plain_rows(window.store)
    assert shown(docs.model) == rows and window.doc.id == rows[0][0]
    docs.filter.setText("doc 1")  # doc 1, doc 10, doc 11
    assert docs.ids_in_view() == [rows[i][0] for i in (1, 10, 11)]
    window.next_document()
    assert window.doc.id == rows[1][0]
    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.id == rows[10][0]
    assert docs.table.selectionModel().isRowSelected(1)
    docs.table.setFocus()
    qtbot.keyClick(docs.table, Qt.Key.Key_Down)
    qtbot.keyClick(docs.table, Qt.Key.Key_Return)
    assert window.doc.id == rows[11][0]
    assert window.status_doc.text().startswith("Document 12 of 12")


def test_window_status_key_updates_the_row(qtbot, window):
    docs = window.doc_list
    qtbot.keyClick(window.reader, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    row = docs.model.view_row(window.doc.id)
    assert docs.model.index(row, 4).data().startswith("done")
    assert window.store.summary(window.doc.id).status == "done"
    assert shown(docs.model) == plain_rows(window.store)


def test_load_lists_at_once_and_counts_the_spans_after(qtbot, big, tmp_path):
    """``load`` lists the documents uncounted (counting reads every span: seconds on
    100,000 documents) and fills the Spans column when the count is done: on a worker
    thread for a project file, at once for one in memory. The rows then are the store's."""
    uncounted = big.documents(counts=False)
    assert [r.annotations for r in uncounted] == [-1] * 2000
    assert big.spans_per_document() == {i: n for i, _, _, n in plain_rows(big) if n}
    widget = DocumentList()
    qtbot.addWidget(widget)
    widget.load(big)
    assert shown(widget.model) == plain_rows(big)
    path = tmp_path / "small.annotator"
    with Store.open(path, create=True) as store:
        generate(store, 30, spans=5)
        expected = plain_rows(store)
    with Store.open(path) as store:
        widget.filter.setText("doc 2")
        widget.load(store)
        assert widget.model.index(0, 5).data() == ""  # not counted yet
        qtbot.waitUntil(lambda: widget.model.rows[0].annotations >= 0, timeout=10000)
        assert [(r.id, r.annotations) for r in widget.model.rows] == [
            (i, n) for i, _, _, n in expected]
        assert widget.ids_in_view() == [i for i, t, _, _ in expected if "doc 2" in t]
