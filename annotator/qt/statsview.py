"""View → Statistics… (Ctrl+Shift+T): the corpus's figures as charts, one tab each, for a
chosen layer (all annotators, one annotator, gold) and co-occurrence unit (sentence or
paragraph). Clicking a heat-map cell or a bar lists the places behind it; Enter or a
double-click on one opens it in the reader. Each chart exports as PNG, SVG and CSV.

The figures are computed on a worker thread with its own connection (10,000 documents
with a million spans take seconds), the charts are :mod:`annotator.stats.plots` figures
embedded as they are, so the window shows exactly what ``annotator stats --plot`` writes.
The window's own words are Qt translations; the charts' words come from
:mod:`annotator.stats.labels`, in the language of the "Chart labels" choice, which starts as
the interface's.
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core import concordance
from annotator.core.blind import Blind
from annotator.core.errors import Cancelled
from annotator.qt import i18n, jobs, progressview, relationstats
from annotator.qt.i18n import QT_TRANSLATE_NOOP
from annotator.qt.jobs import Opener, opener
from annotator.qt.searchpanel import HEADERS, HitTable
from annotator.qt.statscaption import caption
from annotator.stats import plots
from annotator.stats.compute import project_stats
from annotator.stats.labels import LANGS
from annotator.stats.layer import Layer
from annotator.stats.model import Key, Place, Stats
from annotator.stats.tables import CHARTS

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

translate = QCoreApplication.translate
TAB_TITLES = {"tags": QT_TRANSLATE_NOOP("StatsView", "Tags"),
              "documents": QT_TRANSLATE_NOOP("StatsView", "Documents"),
              "annotators": QT_TRANSLATE_NOOP("StatsView", "Annotators"),
              "progress": QT_TRANSLATE_NOOP("StatsView", "Progress"),
              "actor-threat": QT_TRANSLATE_NOOP("StatsView", "Actors × Threats"),
              "actor-mechanism": QT_TRANSLATE_NOOP("StatsView", "Actors × Mechanisms"),
              "timeline": QT_TRANSLATE_NOOP("StatsView", "Timeline"),
              "names": QT_TRANSLATE_NOOP("StatsView", "Names")}
#: the choices of the unit and timeline combos: (shown, translated where shown; value)
UNIT_CHOICES = ((QT_TRANSLATE_NOOP("StatsView", "Sentence"), "sentence"),
                (QT_TRANSLATE_NOOP("StatsView", "Paragraph"), "paragraph"))
PERIOD_CHOICES = ((QT_TRANSLATE_NOOP("StatsView", "By month"), "month"),
                  (QT_TRANSLATE_NOOP("StatsView", "By year"), "year"))
#: the chart languages, each by its own name (as language menus do)
LANG_NAMES = {"en": "English", "zh-Hans": "简体中文", "zh-Hant": "繁體中文"}
MATCH_WIDTH = 24  # a longer stretch is shown with … in its middle, both ends in view
CONTEXT = 14  # characters of context on either side
COLUMN_WIDTHS = (260, 240, 420)  # the widest the Document, Left and Match columns start
HINT = QT_TRANSLATE_NOOP("StatsView", "Click a cell or a bar to list the places behind it; "
                         "Enter or double-click opens one.")
def _tr(source: str) -> str:
    """A string of this module's tables (marked with QT_TRANSLATE_NOOP), translated."""
    return translate("StatsView", source)


def layer_choices(annotators) -> list[tuple[str, Layer]]:
    """The layer combo's entries: all, gold, then each annotator."""
    return [(translate("StatsView", "All annotators"), Layer()),
            (translate("StatsView", "Gold layer"), Layer("gold"))] + [
        (translate("StatsView", "Annotator: {name}").format(name=a.name or a.id),
         Layer("annotator", a.id)) for a in annotators]


def compute_job(open_store: Opener, layer: Layer, unit: str, period: str,
                blind: Blind | None = None) -> Stats | Exception:
    """The figures, read through a connection of this thread; an error is returned (and
    shown), not raised (a worker's exception would be lost)."""
    try:
        with open_store() as store:
            return project_stats(store, layer, unit, period, blind=blind)
    except Exception as e:  # noqa: BLE001 — shown in the view's status line
        return e


def _combo(entries) -> QComboBox:
    combo = QComboBox()
    for label, value in entries:
        combo.addItem(label, value)
    return combo


class ChartPage(QWidget):
    """One tab: the chart's canvas and its export buttons."""

    def __init__(self, view: StatsView, name: str):
        super().__init__()
        self.name = name
        self.canvas: FigureCanvasQTAgg | None = None
        self.chart: plots.Chart | None = None
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(2, 2, 2, 2)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for fmt in ("PNG", "SVG", "CSV"):
            button = QPushButton(translate("StatsView", "Export {format}…").format(format=fmt))
            button.clicked.connect(partial(view.export_dialog, name, fmt.lower()))
            buttons.addWidget(button)
        self.box.addLayout(buttons)

    def show_chart(self, chart: plots.Chart, on_click) -> None:
        if self.canvas is not None:
            self.box.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.chart = chart
        self.canvas = FigureCanvasQTAgg(chart.figure)
        self.canvas.setMinimumSize(480, 300)
        self.canvas.mpl_connect("button_press_event", on_click)
        self.box.insertWidget(0, self.canvas, 1)


class StatsView(QDialog):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Statistics"))
        self.stats: Stats | None = None
        self.places: list[Place] = []
        self.rows: list[concordance.Row] = []
        self.token = 0
        self.started = 0.0
        self.running = jobs.Running(self)
        self.pending: tuple[int, Stats] | None = None  # a worker's result, handed over
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(lambda: self.stop(said=True))
        self.layer = _combo(layer_choices(window.store.annotators()))
        self.unit = _combo([(_tr(label), value) for label, value in UNIT_CHOICES])
        self.period = _combo([(_tr(label), value) for label, value in PERIOD_CHOICES])
        self.lang = _combo([(LANG_NAMES[code], code) for code in LANGS])
        self.lang.setCurrentIndex(LANGS.index(i18n.tag_lang()))  # the interface's language
        self.status = QLabel(self.tr("Computing…"))
        self.tabs = QTabWidget()
        self.pages = {name: ChartPage(self, name) for name in CHARTS}
        for name, page in self.pages.items():
            self.tabs.addTab(page, _tr(TAB_TITLES[name]))
        self.team = progressview.attach(self)  # per annotator (not a chart)
        self.relations = relationstats.attach(self)  # relation counts and network
        self.caption = QLabel(_tr(HINT))
        self.table = HitTable(0, 4)
        self._lay_out()
        for combo in (self.layer, self.unit, self.period):
            combo.currentIndexChanged.connect(lambda _i: self.recompute())
        self.lang.currentIndexChanged.connect(lambda _i: self.redraw())
        self.tabs.currentChanged.connect(lambda _i: self.draw_current())
        self.table.chosen.connect(self.open_place)
        self.table.cellDoubleClicked.connect(lambda r, _c: self.open_place(r))

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for label, widget in ((self.tr("Layer"), self.layer),
                              (self.tr("Co-occurrence in"), self.unit),
                              (self.tr("Timeline"), self.period),
                              (self.tr("Chart labels"), self.lang)):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.recompute)
        top.addWidget(refresh)
        top.addStretch()
        top.addWidget(self.status)
        top.addWidget(self.cancel)
        self.table.setHorizontalHeaderLabels([translate("SearchPanel", h) for h in HEADERS[:4]])
        self.table.setEditTriggers(HitTable.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(HitTable.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        lower = QWidget()
        box = QVBoxLayout(lower)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.caption)
        box.addWidget(self.table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tabs)
        split.addWidget(lower)
        split.setSizes([620, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.resize(1180, 900)

    # --- computing -----------------------------------------------------------------------
    def recompute(self) -> None:
        """Compute the figures for the current choices (on a worker thread, with progress
        and a Cancel button, when the project is a file or a team's); a computation under
        way is cancelled first."""
        self.stop()
        self.token += 1
        self.started = time.perf_counter()
        self.status.setText(self.tr("Computing…"))
        self.relations.invalidate()
        store = self.window_.store
        args = (self.layer.currentData(), self.unit.currentData(), self.period.currentData())
        open_store, blind = opener(store), self.window_.editor.blind  # hides what it hides
        if open_store is None:
            try:
                self.take_result(project_stats(store, *args, blind=blind), self.token)
            except ValueError as e:
                self.take_result(e, self.token)
            return
        token = self.token

        def job(worker_store, progress, cancelled) -> str:
            try:
                self.pending = (token, project_stats(worker_store, *args, blind=blind,
                                                     progress=progress, cancelled=cancelled))
            except Cancelled:
                return ""
            return str(token)

        self.running.start(open_store, job, self.progressed, self._received, self._failed)
        self.cancel.setEnabled(True)

    def progressed(self, done: int, total: int) -> None:
        if total and not self.running.cancelled:
            self.status.setText(self.tr("Computing… {percent} %").format(
                percent=done * 100 // total))

    def stop(self, said: bool = False) -> None:
        """Cancel the computation under way, if any (it stops within a hundredth of its
        work); ``said``: the Cancel button was pressed, which the status line says."""
        if said and self.running.busy:
            self.status.setText(self.tr("Cancelled."))
        self.running.stop()
        self.cancel.setEnabled(False)

    def done(self, result: int) -> None:
        self.stop()
        super().done(result)

    def _received(self, token: str) -> None:
        self.cancel.setEnabled(False)
        pending, self.pending = self.pending, None
        if pending is not None and token == str(pending[0]):
            self.take_result(pending[1], pending[0])

    def _failed(self, message: str) -> None:
        self.cancel.setEnabled(False)
        self.take_result(ValueError(message), self.token)

    def take_result(self, result: object, token: int) -> None:
        if token != self.token:
            return  # the choices changed meanwhile
        if isinstance(result, Exception):
            self.status.setText(self.tr("Cannot compute the statistics: {error}").format(
                error=result))
            return
        assert isinstance(result, Stats)
        self.stats = result
        took = (time.perf_counter() - self.started) * 1000
        spans, documents = sum(result.tags.values()), result.progress["documents"]["total"]
        self.status.setText(self.tr("%n span(s) in {documents} · {ms} ms", "", spans).format(
            documents=self.tr("%n document(s)", "", documents), ms=f"{took:.0f}"))
        self.redraw()

    # --- charts ---------------------------------------------------------------------------
    def redraw(self) -> None:
        for page in self.pages.values():
            page.chart = None
        self.draw_current()

    def draw_current(self) -> None:
        """Draw the visible tab's chart, if it is not drawn for these figures yet."""
        page = self.tabs.currentWidget()
        if self.stats is None or not isinstance(page, ChartPage) or page.chart is not None:
            return
        made = plots.chart(self.stats, page.name, self.lang.currentData())
        page.show_chart(made, partial(self.clicked, page.name))

    def chart(self, name: str) -> plots.Chart:
        """The chart of a tab, drawn if need be."""
        self.tabs.setCurrentWidget(self.pages[name])
        self.draw_current()
        made = self.pages[name].chart
        assert made is not None
        return made

    def clicked(self, name: str, event) -> None:
        """A mouse press on a chart: list the places of the cell or bar under it."""
        made = self.pages[name].chart
        if made is None or event.inaxes is None:
            return
        key = made.key_at(event.inaxes, event.xdata, event.ydata)
        if key is not None:
            self.show_places(key)

    # --- places -----------------------------------------------------------------------------
    def show_places(self, key: Key) -> None:
        assert self.stats is not None
        self.fill_places(self.stats.places_of(key), caption(self.stats, key,
                         self.lang.currentData()),
                         self.stats.total_of(key) if key[0] != "document" else 0)

    def fill_places(self, places: list[Place], said: str, total: int = 0) -> None:
        """List ``places`` under ``said`` (what they count); ``total``: how many there
        are, when the list keeps only the first ones."""
        self.places = list(places)
        self.rows = concordance.rows(self.places, self.window_.store.document, CONTEXT)
        parts = [said]
        if 0 < len(self.places) < total:
            parts.append(self.tr("the first %n place(s)", "", len(self.places)))
        parts.append(self.tr("Enter or double-click opens one"))
        self.caption.setText(" · ".join(parts))
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, value in enumerate((row.title, row.left, _middle(row.match), row.right)):
                item = QTableWidgetItem(value)
                if c == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for column, widest in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        if self.rows:
            self.table.setCurrentCell(0, 2)

    def open_place(self, row: int) -> None:
        """Open a listed place in the reader, its stretch selected."""
        place = self.places[row]
        self.window_.jump_to(place.doc_id, place.start, place.end)
        self.window_.raise_()
        self.window_.activateWindow()

    # --- exports ----------------------------------------------------------------------------
    def export_dialog(self, name: str, fmt: str) -> None:
        if self.stats is None:
            return
        folder = str(self.window_.settings.value("stats-export-folder", str(Path.home())))
        title = self.tr("Export {chart} as {format}").format(chart=_tr(TAB_TITLES[name]),
                                                              format=fmt.upper())
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / f"{name}.{fmt}"),
                                              f"{fmt.upper()} (*.{fmt})")
        if path:
            self.window_.settings.setValue("stats-export-folder", str(Path(path).parent))
            self.export(name, Path(path))

    def export(self, name: str, path: Path) -> bool:
        """Write chart ``name`` to ``path``: .png, .svg, or .csv for its numbers."""
        made = self.chart(name)
        try:
            if path.suffix.lower() == ".csv":
                path.write_text(made.csv(), encoding="utf-8")
            else:
                made.save(path)
        except (OSError, ValueError) as e:
            self.status.setText(self.tr("{path}: cannot export: {reason}").format(
                path=path, reason=getattr(e, "strerror", None) or e))
            return False
        self.status.setText(self.tr("Exported {path}").format(path=path))
        return True


def _middle(text: str, width: int = MATCH_WIDTH) -> str:
    if len(text) <= width:
        return text
    half = (width - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


def open_statistics(window: MainWindow) -> StatsView:
    """View → Statistics…: show the view (one per window), computing afresh."""
    view = window.findChild(StatsView)
    if view is None:
        view = StatsView(window)
    view.show()
    view.raise_()
    view.recompute()
    return view
