"""Relations in the window's other views: the statistics view's Relations tab (a click on a
link lists its places, Enter opens one), the agreement table per relation type, and the
consistency check's "related differently"."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from relproject import REL_DOC  # noqa: E402

from annotator.qt.statsview import open_statistics  # noqa: E402


@pytest.fixture
def window(related_window):
    return related_window


def link_position(page, link) -> QPoint:
    """The middle of a drawn link, in the canvas's widget coordinates."""
    page.canvas.draw()
    ax = next(iter(page.chart.pickers))
    curve = page.chart.pickers[ax].args[0][link]
    x, y = ax.transData.transform(curve[len(curve) // 2])
    ratio = page.canvas.device_pixel_ratio
    return QPoint(round(x / ratio), round((page.chart.figure.bbox.height - y) / ratio))


def test_relations_tab_click_a_link_lists_its_places(qtbot, window, tmp_path):
    view = open_statistics(window)
    qtbot.waitExposed(view)
    page = view.relations
    view.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.chart is not None, timeout=30000)
    assert "6 relations" in page.counts.text() and "2 chains" in page.counts.text()
    link = ("mechanism", "联合反恐演习", "threat", "三股势力")
    qtbot.waitExposed(page.canvas)
    qtbot.mouseClick(page.canvas, Qt.MouseButton.LeftButton,
                     pos=link_position(page, link))
    assert view.places == [(REL_DOC, 6, 19)]
    assert "联合反恐演习 → 三股势力: 1 link" in view.caption.text()
    assert view.table.item(0, 2).text() == "联合反恐演习,打击三股势力"
    view.table.setCurrentCell(0, 2)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.reader.selection() == (6, 19)
    # chen's layer alone: recomputed when the layer changes
    view.layer.setCurrentIndex(view.layer.findText("Annotator: Chen"))
    qtbot.waitUntil(lambda: page.stats is not None and page.stats.layer.annotator == "chen",
                    timeout=30000)
    assert sum(page.stats.types.values()) == 3
    assert page.export(tmp_path / "net.svg") and page.export(tmp_path / "net.csv")
    assert (tmp_path / "net.csv").read_text(encoding="utf-8").startswith(
        "from_group,from,to_group,to,count\nactor,上合组织,mechanism,举行联合反恐演习,1")


def test_agreement_per_relation_type(qtbot, window):
    from annotator.qt.agreementdialog import AgreementDialog

    dialog = AgreementDialog(window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    dialog.by.setCurrentIndex(dialog.by.findData("relation"))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 5, timeout=10000)
    heads = [dialog.table.horizontalHeaderItem(c).text()
             for c in range(dialog.table.columnCount())]
    assert heads == ["Scope", "Relations", "F1 (exact)", "F1 (overlap)"]
    rows = {dialog.table.item(r, 0).text(): [dialog.table.item(r, c).text() for c in (1, 2, 3)]
            for r in range(5)}
    assert rows["uses"] == ["2", "0.000", "1.000"]
    assert rows["overall"] == ["6", "0.000", "0.667"]


def test_consistency_lists_related_differently(qtbot, window):
    from annotator.qt.consistencydialog import ConsistencyDialog

    dialog = ConsistencyDialog(window)
    qtbot.addWidget(dialog)
    kinds = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert kinds.count("related differently") == 2
    row = kinds.index("related differently")
    assert dialog.table.item(row, 1).text() == "中方 — 哈方"
    dialog.jump(row)
    assert window.reader.selection() == (20, 25)
