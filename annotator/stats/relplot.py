"""The actor → mechanism → threat network as a chart: three columns of terms (the most
linked first), links drawn as curves as thick as they are frequent. Drawn like the other
statistics charts (:mod:`annotator.stats.plots`: a bare Figure, no pyplot, no Qt), and as
pickable: a point near a link gives its key ``("link", from group, from term, to group,
to term)``, the key of its places in :class:`~annotator.stats.relations.RelationStats`."""

from __future__ import annotations

import functools
from pathlib import Path

from matplotlib.figure import Figure

from annotator.core.tagset import Tagset
from annotator.stats.labels import group_label, layer_label, shorten, text
from annotator.stats.model import Key
from annotator.stats.plots import DPI, SIZE, Chart, setup_fonts
from annotator.stats.relations import COLUMNS, LINKS, Link, RelationStats
from annotator.stats.tables import table_csv

NAME = "relations"
TOP_NODES = 12  # terms shown per column
HEADER = ["from_group", "from", "to_group", "to", "count"]
SAMPLES = 24  # points along a drawn link
PICK = 0.03  # how near (axes fraction) a click must be to a link
Curve = list[tuple[float, float]]


def _curve(x0: float, y0: float, x1: float, y1: float) -> Curve:
    """An S-shaped curve from (x0, y0) to (x1, y1): smoothstep in y along x."""
    out = []
    for i in range(SAMPLES + 1):
        u = i / SAMPLES
        s = u * u * (3 - 2 * u)
        out.append((x0 + (x1 - x0) * u, y0 + (y1 - y0) * s))
    return out


def _positions(stats: RelationStats) -> dict[tuple[str, str], tuple[float, float]]:
    """(group, term) -> (x, y) of the :data:`TOP_NODES` terms of each column most linked,
    the first on top."""
    out = {}
    for x, column in enumerate(COLUMNS):
        ranked = sorted(stats.nodes(column).items(), key=lambda kv: (-kv[1], kv[0]))
        for rank, (term, _n) in enumerate(ranked[:TOP_NODES]):
            out[column, term] = (float(x), float(-rank))
    return out


def _link_colour(tagset: Tagset, g1: str, g2: str) -> str:
    """The colour of the first relation type joining these groups (grey if none)."""
    for t in tagset.relations:
        if any(s == g1 or s.startswith(g1 + ".") for s in t.sources) and \
                any(s == g2 or s.startswith(g2 + ".") for s in t.targets):
            return t.colour
    return "#888888"


def _group_colour(tagset: Tagset, group: str) -> str:
    try:
        return tagset.group(group).colour
    except KeyError:
        return "#999999"


def network_chart(stats: RelationStats, tagset: Tagset, lang: str = "en") -> Chart:
    setup_fonts()
    figure = Figure(figsize=SIZE, dpi=DPI, layout="constrained")
    rows = [[g1, t1, g2, t2, n] for (g1, t1, g2, t2), n in
            sorted(stats.links.items(), key=lambda kv: (-kv[1], kv[0]))]
    chart = Chart(NAME, figure, HEADER, rows)
    ax = figure.add_subplot()
    ax.set_axis_off()
    ax.set_title(text("network", lang), loc="left", fontsize=13, fontweight="bold")
    ax.set_title(text("layer", lang, layer=layer_label(stats.layer, lang)), loc="right",
                 fontsize=9, color="#666")
    where = _positions(stats)
    if not where:
        ax.text(0.5, 0.5, text("no_links", lang), ha="center", va="center",
                transform=ax.transAxes, color="#666")
        return chart
    curves = _draw_links(ax, stats, tagset, where)
    _draw_nodes(ax, stats, tagset, where, lang)
    depth = max(1, -min(y for _, y in where.values()))
    ax.set_xlim(-0.55, 2.55)
    ax.set_ylim(-depth - 0.6, 0.9)
    chart.pickers[ax] = functools.partial(_pick, curves, depth + 1.5)
    return chart


def _draw_links(ax, stats: RelationStats, tagset: Tagset,
                where: dict[tuple[str, str], tuple[float, float]]) -> dict[Link, Curve]:
    heaviest = max(stats.links.values())
    curves = {}
    for link, n in sorted(stats.links.items(), key=lambda kv: kv[1]):  # thick ones on top
        g1, t1, g2, t2 = link
        if (g1, g2) not in LINKS or (g1, t1) not in where or (g2, t2) not in where:
            continue
        (x0, y0), (x1, y1) = where[g1, t1], where[g2, t2]
        curve = _curve(x0 + 0.12, y0, x1 - 0.12, y1)
        ax.plot(*zip(*curve, strict=True), color=_link_colour(tagset, g1, g2),
                linewidth=1 + 9 * n / heaviest, alpha=0.55, solid_capstyle="butt")
        mid = curve[SAMPLES // 2]
        ax.text(mid[0], mid[1], str(n), fontsize=7, ha="center", va="center", color="#333")
        curves[link] = curve
    return curves


def _draw_nodes(ax, stats: RelationStats, tagset: Tagset,
                where: dict[tuple[str, str], tuple[float, float]], lang: str) -> None:
    for x, column in enumerate(COLUMNS):
        ax.text(x, 0.6, group_label(tagset, column, lang), ha="center", va="bottom",
                fontsize=11, fontweight="bold", color=_group_colour(tagset, column))
    weights = {c: stats.nodes(c) for c in COLUMNS}
    for (column, term), (px, py) in where.items():
        ax.text(px, py, f"{shorten(term, 14)} ({weights[column][term]})", ha="center",
                va="center", fontsize=9, zorder=3,
                bbox={"boxstyle": "round,pad=0.3", "facecolor": "white",
                      "edgecolor": _group_colour(tagset, column)})


def _pick(curves: dict[Link, Curve], height: float, x: float, y: float) -> Key | None:
    """The link nearest to data point (x, y), if within :data:`PICK` of the axes."""
    best, key = PICK, None
    for link, curve in curves.items():
        for cx, cy in curve:
            d = max(abs(cx - x) / 3.1, abs(cy - y) / height)
            if d < best:
                best, key = d, ("link", *link)
    return key


def write(stats: RelationStats, tagset: Tagset, folder: Path, lang: str = "en") -> list[Path]:
    """PNG, SVG and CSV of the network into ``folder`` (created if need be)."""
    folder.mkdir(parents=True, exist_ok=True)
    chart = network_chart(stats, tagset, lang)
    written = [chart.save(folder / f"{NAME}.png"), chart.save(folder / f"{NAME}.svg")]
    path = folder / f"{NAME}.csv"
    path.write_text(table_csv(HEADER, chart.rows), encoding="utf-8")
    return [*written, path]
