"""The statistics as charts: matplotlib :class:`~matplotlib.figure.Figure` objects drawn
with the Agg/SVG renderers, no pyplot and no Qt, so ``annotator stats --plot`` needs no
display and the window embeds the very same figures.

Chinese labels render through a font fallback list (the first CJK font installed, then
DejaVu Sans); fonts that are not installed are left out of the list, so matplotlib never
warns about them. Every chart knows the numbers it draws (:attr:`Chart.header`,
:attr:`Chart.rows`) and which figure key lies under a point (:meth:`Chart.key_at`), so a
click on a cell or a bar can list the places behind it.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, cast

import matplotlib
from matplotlib.colors import to_hex
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from annotator import zh
from annotator.stats.labels import group_label, layer_label, shorten, tag_label, text
from annotator.stats.model import Key, Stats
from annotator.stats.tables import CHARTS, chart_table, table_csv

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK TC", "Source Han Sans SC", "Source Han Sans CN",
             "Source Han Sans TC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei",
             "PingFang SC", "SimHei", "Noto Sans CJK JP", "Droid Sans Fallback")
LATIN_FONT = "DejaVu Sans"
SIZE = (10.0, 6.0)  # inches
DPI = 100  # on screen
PNG_DPI = 150  # exported PNG: 1500 × 900 pixels
TOP_DOCUMENTS = 20
STATUS_COLOURS = ("#c8c8c8", "#f2b84b", "#5aa469")
Picker = Callable[[float, float], Key | None]


@functools.cache
def font_families() -> tuple[str, ...]:
    """The installed CJK fonts of :data:`CJK_FONTS`, in that order, then DejaVu Sans."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    if not installed & set(CJK_FONTS) and add_fonts_missing_from_cache():
        installed = {f.name for f in font_manager.fontManager.ttflist}
    return (*(f for f in CJK_FONTS if f in installed), LATIN_FONT)


def add_fonts_missing_from_cache() -> int:
    """Add the system's font files that matplotlib's font cache does not list (it is built
    once, so a CJK font installed after it stays invisible to charts); how many were added."""
    from matplotlib import font_manager

    manager = font_manager.fontManager
    known = {f.fname for f in manager.ttflist}
    added = 0
    for path in font_manager.findSystemFonts():
        if path in known:
            continue
        try:
            manager.addfont(path)
        except (OSError, RuntimeError, ValueError):  # a font file FreeType cannot read
            continue
        added += 1
    return added


def has_cjk_font() -> bool:
    return len(font_families()) > 1


@functools.cache
def setup_fonts() -> None:
    """Use the fallback list for every chart (matplotlib's settings are process-wide);
    with no CJK font at all, Chinese shows as boxes and the CLI says so once, instead of
    matplotlib warning for every missing glyph."""
    matplotlib.rcParams.update({"font.family": "sans-serif",
                                "font.sans-serif": list(font_families()),
                                "axes.unicode_minus": False, "svg.fonttype": "path"})
    warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from", category=UserWarning)


@dataclass
class Chart:
    name: str  # one of tables.CHARTS, also the exported file's stem
    figure: Figure
    header: list[str]
    rows: list[list]
    pickers: dict[Any, Picker] = field(default_factory=dict)  # axes -> picker

    def key_at(self, axes, x: float | None, y: float | None) -> Key | None:
        """The figure key under data point ``(x, y)`` of ``axes`` (None: nothing there)."""
        picker = self.pickers.get(axes)
        return picker(x, y) if picker and x is not None and y is not None else None

    def save(self, path: Path) -> Path:
        """Write PNG or SVG by the suffix (at :data:`PNG_DPI` for PNG)."""
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in ("png", "svg"):
            raise ValueError(f"{path}: save a chart as .png or .svg")
        self.figure.savefig(path, format=fmt, dpi=PNG_DPI if fmt == "png" else DPI)
        return path

    def csv(self) -> str:
        return table_csv(self.header, self.rows)


def charts(stats: Stats, lang: str = "en") -> list[Chart]:
    """Every chart of :data:`~annotator.stats.tables.CHARTS`, in that order."""
    return [chart(stats, name, lang) for name in CHARTS]


def chart(stats: Stats, name: str, lang: str = "en") -> Chart:
    setup_fonts()
    header, rows = chart_table(stats, name, lang)
    figure = Figure(figsize=SIZE, dpi=DPI, layout="constrained")
    made = Chart(name, figure, header, rows)
    _DRAW[name](made, stats, lang)
    return made


def write_all(stats: Stats, folder: Path, lang: str = "en") -> list[Path]:
    """PNG, SVG and CSV of every chart into ``folder`` (created if need be)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for c in charts(stats, lang):
        written += [c.save(folder / f"{c.name}.png"), c.save(folder / f"{c.name}.svg")]
        path = folder / f"{c.name}.csv"
        path.write_text(c.csv(), encoding="utf-8")
        written.append(path)
    return written


# --- bars -----------------------------------------------------------------------------------
class Bars(NamedTuple):
    labels: list[str]  # one per category (bar)
    segments: list[tuple[str, list[int], str]]  # (legend label, value per bar, colour)
    keys: Sequence[Sequence[Key | None]]  # keys[segment][bar]


def _stacked(ax, bars: Bars, horizontal: bool = True, empty: str = "") -> Picker:
    """Stacked bars (one per label), the first on top (or, upright, on the left); with no
    bars at all, the ``empty`` message instead."""
    n = len(bars.labels)
    if not n:
        ax.text(0.5, 0.5, empty, ha="center", va="center", transform=ax.transAxes,
                color="#666")
        ax.set_axis_off()
        return lambda x, y: None
    base = [0] * n
    thickness = 0.7 if n > 3 else 0.45  # a few bars stay bars, not slabs
    for label, values, colour in bars.segments:
        if horizontal:
            ax.barh(range(n), values, left=base, color=colour, label=label, height=thickness,
                    edgecolor="#555", linewidth=0.4)
        else:
            ax.bar(range(n), values, bottom=base, color=colour, label=label, width=thickness,
                   edgecolor="#555", linewidth=0.4)
        base = [b + v for b, v in zip(base, values, strict=True)]
    top = max(base) or 1  # counts start at 0, even when there are none
    if horizontal:
        ax.set_yticks(range(n), labels=bars.labels)
        ax.set_ylim(n - 0.5, -0.5)  # the first bar on top
        ax.set_xlim(0, top * 1.08)
    else:
        ax.set_xticks(range(n), labels=bars.labels)
        ax.set_xlim(-0.5, n - 0.5)
        ax.set_ylim(0, top * 1.05)
    # counts: whole numbers on the value axis, never 0.25 of a span
    (ax.xaxis if horizontal else ax.yaxis).set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="x" if horizontal else "y", color="#e4e4e4", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return functools.partial(_pick_bar, bars, horizontal)


def _pick_bar(bars: Bars, horizontal: bool, x: float, y: float) -> Key | None:
    """The segment under ``(x, y)``; to the far side of a one-segment bar, that bar."""
    along, across = (x, y) if horizontal else (y, x)
    i = round(across)
    if not 0 <= i < len(bars.labels) or abs(across - i) > 0.4:
        return None
    edge = 0
    for s, (_, values, _) in enumerate(bars.segments):
        edge += values[i]
        if values[i] and along < edge:
            return bars.keys[s][i]
    return bars.keys[0][i] if len(bars.segments) == 1 else None


def _titles(ax, title: str, stats: Stats, lang: str) -> None:
    ax.set_title(title, loc="left", fontsize=13, fontweight="bold")
    ax.set_title(_layer_note(stats, lang), loc="right", fontsize=9, color="#666")


def _layer_note(stats: Stats, lang: str) -> str:
    return text("layer", lang, layer=layer_label(stats.layer, lang))


def _value_labels(ax, bars: Bars) -> None:
    """Each bar's total at its end (the last container holds the outer segments)."""
    totals = [sum(values[i] for _, values, _ in bars.segments) for i in range(len(bars.labels))]
    if ax.containers:
        ax.bar_label(cast(BarContainer, ax.containers[-1]),
                     labels=[str(t) if t else "" for t in totals], padding=3, fontsize=8,
                     color="#333")


def _draw_tags(c: Chart, stats: Stats, lang: str) -> None:
    ax = c.figure.add_subplot()
    tags = list(stats.tags)
    colours = [_group_colour(stats, stats.group_of(t)) for t in tags]
    bars = Bars([tag_label(stats.tagset, t, lang) for t in tags],
                [("", list(stats.tags.values()), "#888")], [[("tag", t) for t in tags]])
    c.pickers[ax] = _stacked(ax, bars)
    for patch, colour in zip(ax.patches, colours, strict=True):
        patch.set_facecolor(colour)
    _value_labels(ax, bars)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel(text("spans", lang))
    handles = [Patch(color=_group_colour(stats, g),
                                        label=group_label(stats.tagset, g, lang))
               for g in stats.groups]
    ax.legend(handles=handles, loc="lower right", frameon=False)
    _titles(ax, text("tags", lang), stats, lang)


def _group_colour(stats: Stats, group: str) -> str:
    try:
        return stats.tagset.group(group).colour
    except KeyError:
        return "#999999"


def _draw_documents(c: Chart, stats: Stats, lang: str) -> None:
    ax = c.figure.add_subplot()
    ranked = sorted(stats.documents, key=lambda d: -d.total)[:TOP_DOCUMENTS]
    keys = [("document", d.doc_id) for d in ranked]
    bars = Bars([shorten(d.title, 26) for d in ranked],
                [(group_label(stats.tagset, g, lang), [d.counts.get(g, 0) for d in ranked],
                  _group_colour(stats, g)) for g in stats.groups],
                [keys for _ in stats.groups])
    c.pickers[ax] = _stacked(ax, bars, empty=text("empty", lang))
    _value_labels(ax, bars)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel(text("spans", lang))
    if ranked:
        ax.legend(loc="lower right", frameon=False)
    _titles(ax, text("documents", lang, n=len(ranked)), stats, lang)


def _draw_annotators(c: Chart, stats: Stats, lang: str) -> None:
    ax = c.figure.add_subplot()
    who = list(stats.annotators)
    bars = Bars(who, [(group_label(stats.tagset, g, lang),
                       [stats.annotators[w].get(g, 0) for w in who], _group_colour(stats, g))
                      for g in stats.groups],
                [[("annotator", w, g) for w in who] for g in stats.groups])
    c.pickers[ax] = _stacked(ax, bars, empty=text("empty", lang))
    _value_labels(ax, bars)
    ax.set_xlabel(text("spans", lang))
    if who:
        ax.legend(loc="lower right", frameon=False)
    _titles(ax, text("annotators", lang), stats, lang)


def _draw_progress(c: Chart, stats: Stats, lang: str) -> None:
    ax = c.figure.add_subplot()
    measures = ("status", "review_status")
    values = [list(stats.progress[m].items()) for m in measures]
    bars = Bars([text(m, lang) for m in measures],
                [("", [v[s][1] for v in values], STATUS_COLOURS[s]) for s in range(3)],
                [[("status", m, v[s][0]) for m, v in zip(measures, values, strict=True)]
                 for s in range(3)])
    c.pickers[ax] = _stacked(ax, bars)
    for container, s in zip(ax.containers, range(3), strict=True):
        names = [f"{text(v[s][0], lang)} {v[s][1]}" if v[s][1] else "" for v in values]
        ax.bar_label(cast(BarContainer, container), labels=names, label_type="center",
                     fontsize=10)
    ax.set_xlabel(text("documents_axis", lang))
    _titles(ax, text("progress", lang), stats, lang)


# --- heat maps, timeline, names ---------------------------------------------------------------
def _draw_matrix(c: Chart, stats: Stats, lang: str) -> None:
    m, ts = stats.matrices[c.name], stats.tagset
    ax = c.figure.add_subplot()
    data = [[m.value(r, col) for col in m.cols] for r in m.rows]
    top = max((v for row in data for v in row), default=0)
    image = ax.imshow(data, cmap="YlOrRd", aspect="auto", vmin=0, vmax=max(top, 1))
    ax.set_xticks(range(len(m.cols)), labels=[tag_label(ts, t, lang) for t in m.cols],
                  rotation=35, ha="right", rotation_mode="anchor", fontsize=9)
    ax.set_yticks(range(len(m.rows)), labels=[tag_label(ts, t, lang) for t in m.rows],
                  fontsize=9)
    for i, row in enumerate(data):
        for j, v in enumerate(row):
            ax.text(j, i, str(v), ha="center", va="center", fontsize=9,
                    color="white" if v > top * 0.6 else "#bbbbbb" if not v else "#222")
    c.figure.colorbar(image, ax=ax, shrink=0.8, label=text(f"{stats.unit}_axis", lang),
                      ticks=MaxNLocator(integer=True))
    ax.set_xlabel(group_label(ts, m.col_group, lang))
    ax.set_ylabel(group_label(ts, m.row_group, lang))
    _titles(ax, text(c.name, lang, units=text(stats.unit, lang)), stats, lang)
    c.pickers[ax] = functools.partial(_pick_cell, m.rows, m.cols, m.name)


def _pick_cell(rows: list[str], cols: list[str], name: str, x: float, y: float) -> Key | None:
    i, j = round(y), round(x)
    if 0 <= i < len(rows) and 0 <= j < len(cols):
        return ("cooc", name, rows[i], cols[j])
    return None


def _draw_timeline(c: Chart, stats: Stats, lang: str) -> None:
    ax = c.figure.add_subplot()
    line, ts = stats.timeline, stats.tagset
    tags = [t for t in line.tags if any(line.counts.get((p, t)) for p in line.periods)]
    _titles(ax, text("timeline", lang, period=text(line.period, lang)), stats, lang)
    if not tags:
        ax.text(0.5, 0.5, text("no_dates", lang), ha="center", va="center",
                transform=ax.transAxes, color="#666")
        ax.set_axis_off()
        return
    palette = matplotlib.colormaps["tab20"]
    bars = Bars(line.periods,
                [(tag_label(ts, t, lang), [line.counts.get((p, t), 0) for p in line.periods],
                  to_hex(palette(k % 20))) for k, t in enumerate(tags)],
                [[("timeline", p, t) for p in line.periods] for t in tags])
    c.pickers[ax] = _stacked(ax, bars, horizontal=False)
    if len(line.periods) > 12:
        ax.tick_params(axis="x", rotation=60)
    undated = sum(line.undated.values())
    ax.set_ylabel(text("spans", lang))
    ax.set_xlabel(text("undated_count", lang, n=undated) if undated else "")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=9)


def _draw_names(c: Chart, stats: Stats, lang: str) -> None:
    groups = list(stats.names)
    axes = c.figure.subplots(1, max(len(groups), 1), squeeze=False)[0]
    c.figure.suptitle(text("names", lang), x=0.01, ha="left", fontsize=13, fontweight="bold")
    c.figure.text(0.99, 0.985, _layer_note(stats, lang), ha="right", va="top", fontsize=9,
                  color="#666")
    for ax, group in zip(axes, groups, strict=False):
        names = stats.names[group]
        ax.set_title(group_label(stats.tagset, group, lang), fontsize=11)
        if not names:
            ax.text(0.5, 0.5, "—", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
            continue
        shown = [zh.convert_view(n.name, "traditional") if lang == "zh-Hant" else n.name
                 for n in names]
        bars = Bars([shorten(s, 14) for s in shown],
                    [("", [n.spans for n in names], _group_colour(stats, group))],
                    [[("name", group, n.name) for n in names]])
        c.pickers[ax] = _stacked(ax, bars)
        _value_labels(ax, bars)
        ax.tick_params(axis="y", labelsize=9)
        ax.set_xlabel(text("spans", lang))


_DRAW: dict[str, Callable[[Chart, Stats, str], None]] = {
    "tags": _draw_tags, "documents": _draw_documents, "annotators": _draw_annotators,
    "progress": _draw_progress, "actor-threat": _draw_matrix,
    "actor-mechanism": _draw_matrix, "timeline": _draw_timeline, "names": _draw_names,
}
