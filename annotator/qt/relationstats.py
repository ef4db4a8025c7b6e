"""The statistics view's Relations tab: relations per type, and the actor → mechanism →
threat network (:mod:`annotator.stats.relplot`, the chart ``annotator stats --relations
--plot`` writes) of the view's layer. A click on a link lists its places in the view's
table; Enter or a double-click opens one. Computed on a worker thread when the tab is
shown (again when the layer changes or on Refresh); exported as PNG, SVG and CSV."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annotator.core.blind import Blind
from annotator.qt.i18n import QT_TRANSLATE_NOOP
from annotator.qt.jobs import Background, Opener, opener
from annotator.stats import relplot
from annotator.stats.layer import Layer
from annotator.stats.plots import Chart
from annotator.stats.relations import RelationStats, project_relation_stats
from annotator.stats.reltables import type_name

if TYPE_CHECKING:
    from annotator.qt.statsview import StatsView

translate = QCoreApplication.translate
TITLE = QT_TRANSLATE_NOOP("RelationStats", "Relations")
HINT = QT_TRANSLATE_NOOP("RelationStats", "Click a link to list its places; Enter or "
                         "double-click opens one.")


def _job(open_store: Opener, layer: Layer, blind: Blind | None) -> RelationStats | Exception:
    try:
        with open_store() as store:
            return project_relation_stats(store, layer, blind)
    except Exception as e:  # noqa: BLE001 — shown in the tab
        return e


class RelationsPage(QWidget):
    def __init__(self, view: StatsView):
        super().__init__()
        self.view = view
        self.stats: RelationStats | None = None
        self.chart: Chart | None = None
        self.canvas: FigureCanvasQTAgg | None = None
        self.token = 0
        self.counts = QLabel(translate("RelationStats", "Computing…"))
        self.counts.setWordWrap(True)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(2, 2, 2, 2)
        self.box.addWidget(self.counts)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for fmt in ("PNG", "SVG", "CSV"):
            button = QPushButton(translate("StatsView", "Export {format}…").format(format=fmt))
            button.clicked.connect(partial(self.export_dialog, fmt.lower()))
            buttons.addWidget(button)
        self.box.addLayout(buttons)

    def invalidate(self) -> None:
        """The layer changed, or Refresh: compute again (now, if the tab is shown)."""
        self.stats = None
        self.token += 1
        if self.view.tabs.currentWidget() is self:
            self.compute()

    def compute(self) -> None:
        self.token += 1
        self.counts.setText(translate("RelationStats", "Computing…"))
        store, layer = self.view.window_.store, self.view.layer.currentData()
        blind = self.view.window_.editor.blind
        open_store = opener(store)
        if open_store is None:
            try:
                self.take(project_relation_stats(store, layer, blind), self.token)
            except ValueError as e:
                self.take(e, self.token)
            return
        job = Background("relations", partial(_job, open_store, layer, blind), self.token,
                         self)
        job.launch(self._received)

    def _received(self, result: object) -> None:
        job = self.sender()
        if isinstance(job, Background):
            self.take(result, job.token)

    def take(self, result: object, token: int) -> None:
        if token != self.token:
            return
        if isinstance(result, Exception):
            self.counts.setText(translate("RelationStats", "Cannot compute the relations: "
                                          "{error}").format(error=result))
            return
        assert isinstance(result, RelationStats)
        self.stats = result
        self.redraw()

    def redraw(self) -> None:
        """The counts line and the chart, in the view's chart language."""
        if self.stats is None:
            return
        tagset, lang = self.view.window_.tagset, self.view.lang.currentData()
        assert tagset is not None
        per_type = ", ".join(f"{type_name(tagset, t, lang)} {n}"
                             for t, n in self.stats.types.most_common())
        n, chains = sum(self.stats.types.values()), sum(self.stats.chains.values())
        self.counts.setText(" · ".join(filter(None, [
            translate("RelationStats", "%n relation(s)", "", n),
            per_type,
            translate("RelationStats", "%n chain(s) actor → mechanism → threat", "", chains),
            translate("RelationStats", HINT)])))
        self.chart = relplot.network_chart(self.stats, tagset, lang)
        if self.canvas is not None:
            self.box.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = FigureCanvasQTAgg(self.chart.figure)
        self.canvas.setMinimumSize(480, 300)
        self.canvas.mpl_connect("button_press_event", self.clicked)
        self.box.insertWidget(1, self.canvas, 1)

    def clicked(self, event) -> None:
        """A press on the chart: list the places of the link under it."""
        if self.chart is None or self.stats is None or event.inaxes is None:
            return
        key = self.chart.key_at(event.inaxes, event.xdata, event.ydata)
        if key is not None:
            self.show_link(key)

    def show_link(self, key: tuple) -> None:
        assert self.stats is not None
        _kind, g1, t1, g2, t2 = key
        n = self.stats.links[g1, t1, g2, t2]
        self.view.fill_places(self.stats.places.get(key, []), translate(
            "RelationStats", "{source} → {target}: %n link(s)", "", n).format(
            source=t1, target=t2), n)
        self.view.table.setFocus()

    def export_dialog(self, fmt: str) -> None:
        if self.chart is None:
            return
        settings = self.view.window_.settings
        folder = str(settings.value("stats-export-folder", str(Path.home())))
        path, _ = QFileDialog.getSaveFileName(
            self, translate("RelationStats", "Export the network as {format}").format(
                format=fmt.upper()), str(Path(folder) / f"{relplot.NAME}.{fmt}"),
            f"{fmt.upper()} (*.{fmt})")
        if path:
            settings.setValue("stats-export-folder", str(Path(path).parent))
            self.export(Path(path))

    def export(self, path: Path) -> bool:
        assert self.chart is not None
        try:
            if path.suffix.lower() == ".csv":
                path.write_text(self.chart.csv(), encoding="utf-8")
            else:
                self.chart.save(path)
        except (OSError, ValueError) as e:
            self.counts.setText(translate("StatsView", "{path}: cannot export: {reason}")
                                .format(path=path, reason=getattr(e, "strerror", None) or e))
            return False
        return True


def attach(view: StatsView) -> RelationsPage:
    """The tab, computed when shown (the view's :meth:`recompute` invalidates it when
    the layer changes or on Refresh); redrawn in another chart language."""
    page = RelationsPage(view)
    view.tabs.addTab(page, translate("RelationStats", TITLE))
    view.tabs.currentChanged.connect(
        lambda _i: page.compute() if view.tabs.currentWidget() is page and
        page.stats is None else None)
    view.lang.currentIndexChanged.connect(lambda _i: page.redraw())
    return page
