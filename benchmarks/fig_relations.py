"""Relations in the real window, on the long document with a relation for every third
span (10,000 at full size): open, page down with the arcs drawn, add a relation.

Naive baselines, measured in the same process on the same document:

* open and page down: every relation of the document laid out and painted on every paint
  (each end's place asked of the text layout), instead of those of the visible paragraphs;
* adding a relation: the same command committed, then every relation reloaded from the
  store and the arcs repainted that way.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from common import Sizes, median, ms_since, p95, result, timed_ms, working_copy
from data import long_document_ids
from fig_doc import _Clocks, _idle, _page_downs
from qtkit import application, close, open_window, settle

from annotator.core.arcs import RelationIndex
from annotator.qt import relating
from annotator.qt.arcs import ArcLayer

NAIVE_PAGES = 3  # the naive painter takes seconds a page: a few are enough


class NaiveLayer(ArcLayer):
    """Every relation of the document read when it opens, and every span with one
    counted as on screen: the whole document is laid out on every paint."""

    def __init__(self, window, *args):
        super().__init__(window.reader, self.all_relations, *args)
        self.window, self.loaded = window, (None, RelationIndex())

    def all_relations(self) -> RelationIndex:
        if self.loaded[0] is not self.window.editor.index:
            self.loaded = (self.window.editor.index,
                           RelationIndex(self.window.store.relations(self.window.doc.id)))
        return self.loaded[1]

    def _visible(self):
        r = self.reader
        assert r.index is not None
        index = self.relations()
        spans = {a.id: a for a in r.index if a.id in index.by_span}
        return spans, 0, r.document().blockCount()


def run(cfg: dict) -> dict:
    sizes, work = Sizes(**cfg["sizes"]), Path(cfg["work"])
    path = working_copy(cfg["inputs"]["long-rel"], work)
    long_id, small_id = long_document_ids(path)
    window = open_window(path, work, last=small_id)
    settle(window)
    ctl = relating.controller(window)
    opening, adding = _Clocks(), _Clocks()
    opens = [_open(window, long_id, small_id, opening) for _ in range(3)]
    window.open_document(long_id)
    stored = len(window.store.relations(long_id))
    assert stored > 0, "no relations in the benchmark document"
    scrolls, arcs, own = _scroll(window, ctl, sizes.scroll_pages)
    adds = _adds(window, ctl, max(4, sizes.tag_edits // 2), sizes.think_s, random.Random(8),
                 adding)
    naive = _naive(window, ctl, long_id, small_id, sizes.think_s)
    close(window)
    return {
        "relations.open": result(median(opens), naive["open"],
                                 f"median of 3 (first {opens[0]:.0f} ms); CPU "
                                 f"{median(opening.cpu):.0f} ms; {stored:,} relations"),
        "relations.scroll": result(median(scrolls), median(naive["scroll"]),
                                   f"{len(scrolls)} pages, {arcs:.0f} arcs a screen, "
                                   f"drawing them {own:.1f} ms; p95 {p95(scrolls):.1f} ms"),
        "relations.add": result(median(adds), median(naive["add"]),
                                f"{len(adds)} relations; p95 {p95(adds):.1f} ms; CPU "
                                f"{median(adding.cpu):.1f} ms"),
    }


def _open(window, long_id: str, small_id: str, timer=timed_ms) -> float:
    """From the small document, open the long one and paint it (arcs included)."""
    app = application()

    def show() -> None:
        window.open_document(long_id)
        window.reader.viewport().repaint()
        app.processEvents()

    took = timer(show)
    window.open_document(small_id)
    app.processEvents()
    return took


def _scroll(window, ctl, pages: int) -> tuple[list[float], float, float]:
    """Page-down times; the mean number of arcs a page drew and the median time drawing
    them took (of the page-down's)."""
    reader, counts, own = window.reader, [], []
    paint = ctl.layer.paint

    def timed() -> None:
        own.append(timed_ms(paint))
        counts.append(ctl.layer.drawn)
    reader.overlays[reader.overlays.index(paint)] = timed
    scrolls = _page_downs(reader, pages, random.Random(4))
    reader.overlays[reader.overlays.index(timed)] = paint
    return scrolls, sum(counts) / max(1, len(counts)), median(own)


def _start_on_screen(window, ctl, rng: random.Random) -> bool:
    """Scroll somewhere, select one of my spans on screen and start a relation from it;
    False when nothing there can be related."""
    bar, app = window.reader.verticalScrollBar(), application()
    bar.setValue(rng.randrange(0, max(1, bar.maximum())))
    app.processEvents()
    spans, _, _ = ctl.layer._visible()
    mine = [a for a in spans.values() if a.annotator == window.session.annotator.id]
    if not mine:
        return False
    window.select_span(rng.choice(mine).id)
    ctl.start()
    return ctl.picking is not None and bool(ctl.picking.options())


def _adds(window, ctl, count: int, think: float, rng: random.Random, timer=timed_ms
          ) -> list[float]:
    """``count`` relations made from a span on screen to its nearest target, each timed
    from the relation type's key to the repainted screen, ``think`` seconds after the
    relation was started (as in the doc group's tag edits: events run meanwhile)."""
    repaint, times = window.reader.viewport().repaint, []
    while len(times) < count:
        if not _start_on_screen(window, ctl, rng):
            ctl.picking = None
            continue
        option = ctl.picking.options()[0]
        _idle(think)
        times.append(timer(lambda o=option: (ctl.finish(o), repaint())))
    return times


def _naive(window, ctl, long_id: str, small_id: str, think: float) -> dict:
    """The naive painter in place of the real one: open, a few page downs, adds."""
    reader, app = window.reader, application()
    naive = NaiveLayer(window, ctl.types, ctl.layer.lang)
    reader.overlays[reader.overlays.index(ctl.layer.paint)] = naive.paint
    ctl.layer.shown = False
    window.open_document(small_id)
    app.processEvents()
    t0 = time.perf_counter()
    window.open_document(long_id)
    reader.viewport().repaint()
    app.processEvents()
    opened = ms_since(t0)
    scrolls = _page_downs(reader, NAIVE_PAGES, random.Random(4))
    adds, rng = [], random.Random(9)
    while len(adds) < 2:
        if not _start_on_screen(window, ctl, rng):
            ctl.picking = None
            continue
        option = ctl.picking.options()[0]
        _idle(think)

        def add(o=option) -> None:
            ctl.finish(o)
            naive.loaded = (None, RelationIndex())  # read every relation again
            reader.viewport().repaint()
        adds.append(timed_ms(add))
    return {"open": opened, "scroll": scrolls, "add": adds}
