"""The document list shows a date as people read it, in the interface's language: a date
whose year is unknown says so, never ``--06-08``; the list still sorts by the stored date."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from annotator.core.document import DocumentSummary  # noqa: E402
from annotator.qt import i18n  # noqa: E402
from annotator.qt.models import DocumentListModel  # noqa: E402


def summary(doc_id: str, date: str | None) -> DocumentSummary:
    return DocumentSummary(doc_id, f"title {doc_id}", date, None, "zh-Hans", ("zh-Hans",),
                           "todo", "not_reviewed", 0, 10, 0)


@pytest.mark.parametrize("language, shown", [
    ("en", "June 8, year unknown"), ("zh_CN", "6月8日（年份不详）"), ("zh_TW", "6月8日（年份不詳）")])
def test_the_list_says_when_the_year_is_unknown(qapp, language, shown):
    model = DocumentListModel()
    model.set_rows([summary("a", "2018-05-22"), summary("b", "--06-08"), summary("c", None)])
    try:
        i18n.install(language=language)
        dates = [model.data(model.index(row, 1)) for row in range(3)]
    finally:
        i18n.install(language="en")
    assert dates == ["2018-05-22", shown, ""]
    model.sort(1, Qt.SortOrder.AscendingOrder)  # by the stored date: no year first
    assert model.ids_in_view() == ["c", "b", "a"]
    model.set_filter("year unknown")
    assert model.ids_in_view() == ["b"]


def test_typing_narrows_and_backspace_widens_the_filter(qapp):
    """Each key filters the rows shown when the needle only grew (100,000 documents stay
    instant); deleting a character, or the team's columns changing, filters all again."""
    model = DocumentListModel()
    model.set_rows([summary(str(i), None) for i in range(30)])
    typed = {}
    for text in ("t", "ti", "title 1", "title 12", "title 1", "title 2", ""):
        model.set_filter(text)
        typed[text] = model.ids_in_view()
    assert typed["title 1"] == ["1", *map(str, range(10, 20))]
    assert typed["title 12"] == ["12"]
    assert typed["title 2"] == ["2", *map(str, range(20, 30))]
    assert len(typed[""]) == len(typed["t"]) == 30
    model.team = lambda r: ("done", 0, "", "", 0) if r.id == "5" else ("todo", 0, "", "", 0)
    model.set_filter("done", stale=True)  # the team's statuses came: the list is told
    assert model.ids_in_view() == ["5"]
