"""View → Statistics in the real window: the charts of the annotated seeds, a click on a
heat-map cell lists its places, Enter opens one in the reader; layer and unit recompute;
each chart exports."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stats"))
import statseeds  # noqa: E402  (tests/stats/statseeds.py)

from annotator.qt.statsview import StatsView  # noqa: E402

CELL = ("cooc", "actor-threat", "actor.igo", "threat.terrorism")


@pytest.fixture
def view(qtbot, seed_window):
    statseeds.annotate(seed_window.store)
    action = seed_window.acts["statistics"]
    assert action.shortcut().toString() == "Ctrl+Shift+T"
    action.trigger()
    found = seed_window.findChild(StatsView)
    assert found is not None and found.isVisible()
    qtbot.waitExposed(found)
    qtbot.waitUntil(lambda: found.stats is not None, timeout=30000)
    return found


def _cell_position(view, row_tag: str, col_tag: str) -> QPoint:
    """Where the centre of a heat-map cell is on the canvas, in widget coordinates."""
    chart = view.chart("actor-threat")
    canvas = view.pages["actor-threat"].canvas
    canvas.draw()
    ax = next(iter(chart.pickers))
    m = view.stats.matrices["actor-threat"]
    x, y = ax.transData.transform((m.cols.index(col_tag), m.rows.index(row_tag)))
    ratio = canvas.device_pixel_ratio
    return QPoint(round(x / ratio), round((chart.figure.bbox.height - y) / ratio))


def test_clicking_a_cell_lists_its_places_and_enter_opens_one(qtbot, view):
    window = view.window_
    expected = view.stats.places_of(CELL)
    count = view.stats.total_of(CELL)
    assert count == len(expected) == 13
    position = _cell_position(view, "actor.igo", "threat.terrorism")
    canvas = view.pages["actor-threat"].canvas
    qtbot.waitExposed(canvas)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=position)
    assert view.places == expected
    assert view.table.rowCount() == 13
    assert "International organisation × Terrorism: 13 sentences with both" in \
        view.caption.text()
    place = expected[2]
    assert window.store.document(place.doc_id).title.startswith(view.table.item(2, 0).text()
                                                                .rstrip("…"))
    view.table.setFocus()
    view.table.setCurrentCell(2, 2)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.doc.id == place.doc_id
    assert window.reader.selection() == (place.start, place.end)
    text = window.doc.text[place.start:place.end]
    assert any(n in text for n in ("上海合作组织", "上合组织", "上海合作組織", "SCO"))
    assert any(n in text for n in ("恐怖主义", "恐怖主義", "恐怖袭击", "恐怖活动"))


def test_a_click_outside_the_cells_lists_nothing(qtbot, view):
    view.chart("actor-threat")
    canvas = view.pages["actor-threat"].canvas
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert view.table.rowCount() == 0 and view.places == []


def test_layer_and_unit_recompute(qtbot, view):
    everyone = sum(view.stats.tags.values())
    view.layer.setCurrentIndex(view.layer.findText("Gold layer"))
    qtbot.waitUntil(lambda: view.stats.layer.kind == "gold", timeout=30000)
    assert sum(view.stats.tags.values()) == 10 < everyone
    view.layer.setCurrentIndex(view.layer.findText("Annotator: Lin"))
    qtbot.waitUntil(lambda: view.stats.layer.annotator == "lin", timeout=30000)
    assert list(view.stats.annotators) == ["lin"]
    view.unit.setCurrentIndex(view.unit.findData("paragraph"))
    qtbot.waitUntil(lambda: view.stats.unit == "paragraph", timeout=30000)
    assert view.stats.layer.annotator == "lin"
    assert "spans in 5 documents" in view.status.text()


def test_a_bar_lists_its_spans(qtbot, view):
    chart = view.chart("tags")
    ax = next(iter(chart.pickers))
    key = chart.key_at(ax, 1, list(view.stats.tags).index("actor.person"))
    view.show_places(key)
    assert view.table.rowCount() == view.stats.tags["actor.person"] > 0
    assert {r.match for r in view.rows} <= {"赵克志", "趙克志", "习近平", "習近平", "廖进荣",
                                            "阿利莫夫", "帕特鲁舍夫", "王小洪", "奈薩文",
                                            "圖爾古姆巴耶夫"}


def test_exports(view, tmp_path):
    assert view.export("actor-threat", tmp_path / "cell.png")
    image = QImage(str(tmp_path / "cell.png"))
    assert not image.isNull() and (image.width(), image.height()) == (1500, 900)
    assert view.export("timeline", tmp_path / "t.svg")
    assert (tmp_path / "t.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert view.export("names", tmp_path / "n.csv")
    assert (tmp_path / "n.csv").read_text(encoding="utf-8").splitlines()[0] == \
        "group,rank,name,spans"
    assert not view.export("tags", tmp_path / "missing" / "x.png")
    assert "cannot export" in view.status.text() and "missing" in view.status.text()


def test_computing_shows_progress_and_cancel_stops_it(qtbot, view):
    """Recomputing runs on a worker thread: the Cancel button is on meanwhile and stops
    it (the figures shown stay the last ones); the next computation finishes."""
    shown = view.stats
    view.recompute()
    assert view.cancel.isEnabled() and view.running.busy
    view.cancel.click()
    assert not view.running.busy and not view.cancel.isEnabled()
    assert view.status.text() == "Cancelled." and view.stats is shown
    view.recompute()
    qtbot.waitUntil(lambda: view.stats is not shown, timeout=30000)
    assert not view.cancel.isEnabled() and "spans in" in view.status.text()
