"""The document list's rows read while idle: a team project's server lost meanwhile
does not make the list read (and raise) every turn of the event loop until it is back."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from annotator.core.docrows import LazyRows  # noqa: E402
from annotator.core.document import DocumentSummary  # noqa: E402
from annotator.core.errors import ConnectionLost  # noqa: E402
from annotator.qt.models import DocumentListModel  # noqa: E402


def summary(i: int) -> DocumentSummary:
    return DocumentSummary(f"d{i}", f"doc {i}", None, None, "zh-Hans", (), "todo",
                           "not_reviewed", -1, 10 + i, i)


def test_a_lost_connection_slows_the_idle_reading_of_rows(qtbot):
    down = [True]

    def read(ids: list[str]) -> list[DocumentSummary]:
        if down[0]:
            raise ConnectionLost("server gone")
        return [summary(int(i[1:])) for i in ids]

    model = DocumentListModel()
    rows = LazyRows([f"d{i}" for i in range(30)], read)
    rows.CHUNK = 10
    model.set_rows(rows)
    with pytest.raises(ConnectionLost):  # the window's error hook says so (the banner)
        model._prepare_some()
    assert model._preparing.interval() >= 1000 and model._preparing.isActive()
    down[0] = False
    model._prepare_some()
    assert model._preparing.interval() == 0 and not model._preparing.isActive()
    assert [model.rows[i] for i in range(30)] == [summary(i) for i in range(30)]


def lazy_model() -> tuple[DocumentListModel, list[list[str]]]:
    """A list of 30 rows none of which is read yet, and the reads made since."""
    reads: list[list[str]] = []

    def read(ids: list[str]) -> list[DocumentSummary]:
        reads.append(ids)
        return [summary(int(i[1:])) for i in ids]

    model = DocumentListModel()
    model.set_rows(LazyRows([f"d{i}" for i in range(30)], read))
    return model, reads


def test_the_ids_in_view_need_no_row_read():
    """Stepping to the next document lists the ids in view: no summary is read for it
    (100,000 of them take half a second)."""
    model, reads = lazy_model()
    assert model.ids_in_view() == [f"d{i}" for i in range(30)] and reads == []


def test_my_queue_is_listed_without_reading_rows():
    """A team project with assignments shows my queue at open: no summary read for it."""
    model, reads = lazy_model()
    model.set_filter("", only=frozenset({"d3", "d7"}))
    assert model.ids_in_view() == ["d3", "d7"] and reads == []


def test_the_span_counts_arriving_read_no_row(qtbot):
    """The counts come from a worker thread once the list is shown: filling them in reads
    no summary (100,000 of them took half a second); the rows drawn or read later show
    them."""
    from annotator.qt.doclist import DocumentList

    reads: list[list[str]] = []

    def read(ids: list[str]) -> list[DocumentSummary]:
        reads.append(ids)
        return [summary(int(i[1:])) for i in ids]

    doc_list = DocumentList()
    qtbot.addWidget(doc_list)
    rows = LazyRows([f"d{i}" for i in range(3000)], read)
    doc_list.set_rows(rows)
    drawn = len(reads)
    doc_list.set_counts({"d1": 5, "d2999": 7})
    assert len(reads) == drawn
    model = doc_list.model
    spans = model.HEADERS.index("Spans")
    assert model.index(1, spans).data() == "5" and model.index(0, spans).data() == "0"
    assert model.rows[2999].annotations == 7 and len(reads) <= drawn + 2


def test_a_closed_window_reads_nothing_more_while_idle(qtbot, seed_window):
    """The list's rows and the document's spans are read while the window is idle: once it
    is closed (its project closed after it) that work stops instead of reading from a
    closed store on every idle turn."""
    win = seed_window
    win.doc_list.model._forget_hay()  # rows to prepare, as just after opening
    win.span_loader.timer.start()
    assert win.doc_list.model.preparing
    win.close()
    assert not win.doc_list.model.preparing and not win.span_loader.timer.isActive()
