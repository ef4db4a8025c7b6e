"""Relations against spans, in one window, interleaved so both sides meet the same load
(the suite's figures, measured minutes apart on a shared machine, cannot be compared):

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_relations.py

On the long document with 10,000 relations (the suite's cached ``long-rel`` project, built
if missing): a relation added against a tag added, each after a pause, commit + repaint;
page downs with the arcs drawn against the same without; the store reading the document's
relations against its spans.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import FULL, timed_ms, working_copy  # noqa: E402
from data import long_document_ids, prepare  # noqa: E402
from fig_doc import _idle, _visible_range  # noqa: E402
from fig_relations import _start_on_screen  # noqa: E402
from qtkit import application, close, open_window, settle  # noqa: E402

from annotator.qt import relating  # noqa: E402

HERE = Path(__file__).resolve().parent


def adds(window, ctl, count: int, rng: random.Random) -> tuple[list[float], list[float]]:
    """(relation times, tag times), alternately."""
    repaint, rels, tags = window.reader.viewport().repaint, [], []
    names = list(window.tags)
    while len(rels) < count:
        if not _start_on_screen(window, ctl, rng):
            ctl.picking = None
            continue
        option = ctl.picking.options()[0]
        _idle(0.2)
        rels.append(timed_ms(lambda o=option: (ctl.finish(o), repaint())))
        window.clear_selection()
        window.reader.select_range(*_visible_range(window.reader, rng), ensure_visible=False)
        _idle(0.2)
        tags.append(timed_ms(lambda: (window.apply_tag(rng.choice(names)), repaint())))
    return rels, tags


def pages(window, ctl, count: int) -> tuple[list[float], list[float]]:
    """(page downs with arcs, without), alternately."""
    bar, repaint, on, off = window.reader.verticalScrollBar(), window.reader.viewport().repaint, \
        [], []
    for i in range(2 * count):
        ctl.layer.shown = i % 2 == 0
        step = bar.pageStep() if bar.value() < bar.maximum() - 2 * bar.pageStep() else \
            -bar.value()
        (on if ctl.layer.shown else off).append(
            timed_ms(lambda s=step: (bar.setValue(bar.value() + s), repaint())))
    ctl.layer.shown = True
    return on, off


def main() -> None:
    project = prepare(HERE / ".cache", FULL, need={"long-rel"})["long-rel"]
    work = Path(tempfile.mkdtemp())
    path = working_copy(project, work)
    long_id, small_id = long_document_ids(path)
    window = open_window(path, work, last=small_id)
    settle(window)
    ctl = relating.controller(window)
    window.open_document(long_id)
    application().processEvents()
    rels, tags = adds(window, ctl, 20, random.Random(8))
    on, off = pages(window, ctl, 30)
    med = statistics.median
    print(f"add: relation {med(rels):.1f} ms, tag {med(tags):.1f} ms (medians of "
          f"{len(rels)}; ratio {med(rels) / med(tags):.2f})")
    print(f"page down: with arcs {med(on):.1f} ms, without {med(off):.1f} ms")
    t0 = time.perf_counter()
    n = len(window.store.relations(long_id))
    read_rels = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    m = len(window.store.annotations(long_id))
    read_spans = (time.perf_counter() - t0) * 1000
    print(f"store: {n:,} relations in {read_rels:.0f} ms, {m:,} spans in {read_spans:.0f} ms")
    close(window)


if __name__ == "__main__":
    main()
