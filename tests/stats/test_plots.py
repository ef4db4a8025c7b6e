"""The charts render offscreen (no Qt) to PNG and SVG files of the right size with real
content, Chinese labels included; each chart knows what lies under a point."""

from __future__ import annotations

import csv
import io
import logging
from pathlib import Path

import numpy as np
import pytest
import statseeds
from lxml import etree
from matplotlib import font_manager
from matplotlib.image import imread
from needs import need

from annotator.stats import plots
from annotator.stats.compute import project_stats
from annotator.stats.tables import CHARTS
from annotator.store import Store

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def stats(tmp_path_factory):
    path = statseeds.annotated_project(tmp_path_factory.mktemp("plots") / "seeds.annotator")
    with Store.open(path) as store:
        return project_stats(store)


@pytest.fixture(scope="module")
def written(stats, tmp_path_factory):
    folder = tmp_path_factory.mktemp("charts")
    return folder, plots.write_all(stats, folder, "zh-Hans")


def test_every_chart_is_written_as_png_svg_and_csv(written):
    folder, paths = written
    assert sorted(p.name for p in paths) == sorted(
        f"{name}.{ext}" for name in CHARTS for ext in ("png", "svg", "csv"))
    assert all(p.parent == folder and p.stat().st_size > 0 for p in paths)


@pytest.mark.parametrize("name", CHARTS)
def test_png_has_the_right_size_and_is_not_blank(written, name):
    image = imread(written[0] / f"{name}.png")
    width, height = (round(v * plots.PNG_DPI) for v in plots.SIZE)
    assert image.shape[:2] == (height, width)
    rgb = (image[..., :3] * 255).astype(np.int64)
    colours = np.unique(rgb[..., 0] << 16 | rgb[..., 1] << 8 | rgb[..., 2])
    assert len(colours) > 50  # text, bars, grid: not a single colour
    assert (image[..., :3] < 0.3).mean() > 0.002  # dark pixels: labels were drawn


def test_the_heat_map_uses_its_colour_scale(written):
    image = imread(written[0] / "actor-threat.png")[..., :3]
    darkest = np.array([0x80, 0x00, 0x26]) / 255  # YlOrRd at the maximum count
    assert (np.abs(image - darkest).sum(axis=2) < 0.05).sum() > 1000


@pytest.mark.parametrize("name", CHARTS)
def test_svg_parses_and_draws(written, name):
    root = etree.parse(str(written[0] / f"{name}.svg")).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("width") == f"{plots.SIZE[0] * 72:g}pt"
    assert len(root.findall(f".//{SVG}path")) + len(root.findall(f".//{SVG}use")) > 40


def test_chart_csv_holds_the_numbers_drawn(stats, written):
    rows = list(csv.reader(io.StringIO((written[0] / "actor-threat.csv").read_text("utf-8"))))
    m = stats.matrices["actor-threat"]
    assert rows[0] == ["actor", "label", *m.cols]
    igo = next(r for r in rows if r[0] == "actor.igo")
    assert igo[1] == "国际组织"  # the chart's language
    assert [int(v) for v in igo[2:]] == [m.value("actor.igo", c) for c in m.cols]
    timeline = list(csv.reader(io.StringIO((written[0] / "timeline.csv").read_text("utf-8"))))
    assert timeline[-1][0] == "undated" and timeline[0][-1] == "total"


def test_heat_map_cell_under_a_point(stats):
    chart = plots.chart(stats, "actor-threat")
    ax = next(iter(chart.pickers))
    m = stats.matrices["actor-threat"]
    i, j = m.rows.index("actor.igo"), m.cols.index("threat.terrorism")
    assert chart.key_at(ax, j + 0.3, i - 0.3) == ("cooc", "actor-threat", "actor.igo",
                                                  "threat.terrorism")
    assert chart.key_at(ax, len(m.cols) + 2, 0) is None
    assert chart.key_at(None, 0, 0) is None


def test_bars_under_a_point(stats):
    tags = plots.chart(stats, "tags")
    ax = next(iter(tags.pickers))
    row = list(stats.tags).index("threat.terrorism")
    assert tags.key_at(ax, 1, row) == ("tag", "threat.terrorism")
    assert tags.key_at(ax, 1, row + 0.5) is None  # between two bars
    line = plots.chart(stats, "timeline")
    ax = next(iter(line.pickers))
    first = stats.timeline.periods[0]
    shown = [t for t in stats.timeline.tags if stats.timeline.counts.get((first, t))]
    assert line.key_at(ax, 0, 0.5) == ("timeline", first, shown[0])
    names = plots.chart(stats, "names")
    top = stats.names["actor"][0]
    assert names.key_at(list(names.pickers)[0], 1, 0) == ("name", "actor", top.name)


def test_a_cjk_font_leads_and_missing_fonts_are_left_out(caplog):
    families = plots.font_families()
    installed = {f.name for f in font_manager.fontManager.ttflist}
    assert families[-1] == "DejaVu Sans" and set(families) <= installed
    need(any("CJK" in f for f in installed), "a CJK font (Debian: fonts-noto-cjk)")
    assert "CJK" in families[0]
    path = font_manager.findfont(font_manager.FontProperties(family=families[0]))
    assert "CJK" in path


def test_a_cjk_font_installed_after_matplotlibs_font_cache_is_found(monkeypatch):
    manager = font_manager.fontManager
    system = [p for p in font_manager.findSystemFonts() if "CJK" in Path(p).name]
    need(bool(system), "a CJK font (Debian: fonts-noto-cjk)")
    stale = [f for f in manager.ttflist if "CJK" not in f.name]
    monkeypatch.setattr(manager, "ttflist", stale)  # as if cached before the font came
    assert "CJK" in plots.font_families.__wrapped__()[0]  # not the cached answer
    assert plots.add_fonts_missing_from_cache() == 0  # all are listed now


def test_drawing_chinese_logs_no_font_warnings(stats, tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="matplotlib"):
        plots.chart(stats, "names", "zh-Hant").save(tmp_path / "names.png")
    assert not [r for r in caplog.records if "findfont" in r.getMessage()]


def test_save_refuses_other_formats(stats, tmp_path):
    with pytest.raises(ValueError, match="as .png or .svg"):
        plots.chart(stats, "tags").save(tmp_path / "tags.pdf")


def test_an_empty_project_still_charts_without_warnings(tmp_path):
    import warnings

    from annotator.core.tagset import default_tagset

    store = Store.memory()
    store.set_tagset(default_tagset())
    empty = project_stats(store)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        paths = plots.write_all(empty, tmp_path)
    assert len(paths) == 3 * len(CHARTS)
    chart = plots.chart(empty, "annotators")
    assert chart.key_at(next(iter(chart.pickers)), 0, 0) is None


@pytest.fixture(scope="module")
def few(tmp_path_factory):
    """A project with three spans: counts of 0, 1 and 2, which matplotlib's own ticks
    would split into fractions (0.25, 0.5 …)."""
    from annotator.core.annotation import Annotation, Annotator
    from annotator.project import create_project

    store, _ = create_project(tmp_path_factory.mktemp("few") / "few.annotator")
    with store:
        store.add_annotator(Annotator("lin", "Lin"))
        doc = next(d for d in store.documents() if d.date and d.date[0].isdigit() and
                   "上合组织" in store.document(d.id).text)  # dated: on the timeline
        text = store.document(doc.id).text
        sco = text.index("上合组织")
        store.insert_annotations([
            Annotation("a", doc.id, sco, sco + 4, "actor.igo", "lin", {}, "t", "t"),
            Annotation("b", doc.id, 0, 2, "actor.state", "lin", {}, "t", "t"),
            Annotation("c", doc.id, sco + 4, sco + 6, "threat.terrorism", "lin", {}, "t", "t")])
        store.set_status(doc.id, "done")
        return project_stats(store)


def _count_ticks(figure) -> list[float]:
    """The ticks of every axis that counts something (the value axis of bars and the
    colour scale of heat maps), as drawn."""
    figure.canvas.draw()
    ticks: list[float] = []
    for ax in figure.axes:
        if not ax.axison:  # an empty panel ("no dates", "—"): no axes drawn
            continue
        for axis in (ax.xaxis, ax.yaxis):
            if not axis.get_ticklabels() or any(t.get_text() and not t.get_text()
                                                .replace("−", "-").replace(".", "", 1)
                                                .lstrip("-").isdigit()
                                                for t in axis.get_ticklabels()):
                continue  # a category axis (tags, documents, periods)
            low, high = axis.get_view_interval()
            ticks += [t for t in axis.get_ticklocs() if low <= t <= high]
    return ticks


@pytest.mark.parametrize("name", ["tags", "documents", "annotators", "progress",
                                  "actor-threat", "timeline", "names"])
def test_counts_on_axes_are_whole_numbers(few, name):
    made = plots.chart(few, name, "en")
    ticks = _count_ticks(made.figure)
    assert ticks, name
    assert all(float(t).is_integer() for t in ticks), (name, ticks)
