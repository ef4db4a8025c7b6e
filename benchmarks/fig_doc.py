"""The long document in the real window: open, add/remove a tag, scroll.

Naive baselines, measured in the same process on the same document:

* open, page down and jump: a plain ``QTextEdit`` given the text with ``setPlainText`` and every
  span as an ``ExtraSelection`` (one ``QTextCursor`` per span, background in the tag's
  colour) — the textbook way of highlighting ranges, which Qt lays out and paints in full;
* add/remove a tag (an edit every ``think_s`` seconds, as a brisk annotator): the edit
  committed the same way, then the document reopened
  (spans reloaded from the store, the text re-shown and repainted) — refreshing everything
  instead of the paragraphs the edit touched.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from common import Sizes, median, ms_since, p95, result, rss_mb, timed_ms, working_copy
from data import long_document_ids
from qtkit import application, close, open_window, settle

from annotator import zh
from annotator.store import Store


def run(cfg: dict) -> dict:
    sizes, work = Sizes(**cfg["sizes"]), Path(cfg["work"])
    path = working_copy(cfg["inputs"]["long"], work)
    long_id, small_id = long_document_ids(path)
    window = open_window(path, work, last=small_id)
    waited = settle(window)
    opening, editing, panels = _Clocks(), _Clocks(), []
    opens = [_open(window, long_id, small_id, opening) for _ in range(3)]
    window.open_document(long_id)
    edits = _edits(window, sizes.tag_edits, sizes.think_s, random.Random(3), editing,
                   after=panels)
    scrolls = _page_downs(window.reader, sizes.scroll_pages, random.Random(4))
    jumps = _jumps(window.reader, max(2, sizes.scroll_pages // 4), random.Random(6))
    # reopening a long document per edit is slow: a few edits are enough
    naive_edits = _naive_edits(window, long_id, max(2, sizes.tag_edits // 16), random.Random(5))
    size = window.reader.viewport().size()
    close(window)
    naive_open, naive_scrolls, naive_jumps = _naive_editor(
        path, long_id, (size.width(), size.height()), sizes.scroll_pages, len(jumps))
    return {
        "doc.open": result(median(opens), naive_open,
                           f"median of 3 (first {opens[0]:.0f} ms); CPU "
                           f"{median(opening.cpu):.0f} ms; lexicon built in {waited:.1f} s "
                           f"before"),
        "doc.tag.median": result(median(edits), median(naive_edits),
                                 f"{len(edits)} edits (adds and removes), "
                                 f"{sizes.think_s:g} s apart; CPU {median(editing.cpu):.1f} "
                                 f"ms; the annotations dock paints after: {median(panels):.1f} "
                                 f"ms more"),
        "doc.tag.p95": result(p95(edits), p95(naive_edits), f"max {max(edits):.1f} ms"),
        "doc.scroll": result(median(scrolls), median(naive_scrolls),
                             f"{len(scrolls)} pages; p95 {p95(scrolls):.1f} ms"),
        "doc.jump": result(median(jumps), median(naive_jumps),
                           f"{len(jumps)} jumps; max {max(jumps):.0f} ms"),
    }


def axis_figures(project: Path, work: Path, edits: int, think: float, opens: int = 5) -> dict:
    """One point of the span axis (``doc_axis.py``): the window opened on the long document
    as the app opens it; then ``suggest``, the seconds until the suggestions are ready in
    the background; ``rss`` (MB) with both there; the median of ``opens`` opens (ms, from
    the small document); adds and removes of tags (median, p95, ms); page-downs (ms)."""
    path = working_copy(str(project), work)
    long_id, small_id = long_document_ids(path)
    window = open_window(path, work, last=long_id)
    suggest = settle(window)
    rss = rss_mb()
    opening, editing = _Clocks(), _Clocks()
    times = [_open(window, long_id, small_id, opening) for _ in range(opens)]
    loaded = _loaded(window, long_id)
    tags = _edits(window, edits, think, random.Random(3), editing)
    scrolls = _page_downs(window.reader, 30, random.Random(4))
    close(window)
    return {"open": median(times), "tag.median": median(tags), "tag.p95": p95(tags),
            "scroll": median(scrolls), "suggest": suggest, "rss": rss,
            "open.cpu": median(opening.cpu), "tag.cpu": median(editing.cpu),
            "loaded": loaded}


def _loaded(window, long_id: str) -> float:
    """Open the long document and let the event loop run until every span is read (the
    first screens' spans are read before the first paint, the rest while the window is
    idle: ``qt.spanloading``); ms from the open to the last span read."""
    app = application()
    t0 = time.perf_counter()
    window.open_document(long_id)
    while not getattr(window.editor.index, "complete", True):  # (older code: read whole)
        app.processEvents()
    return ms_since(t0)


class _Clocks:
    """Times steps as ``timed_ms`` does, and keeps each step's CPU time of this process
    too (ms): a machine shared with other work inflates it far less than wall-clock time."""

    def __init__(self):
        self.cpu: list[float] = []

    def __call__(self, fn) -> float:
        c0 = time.process_time()
        took = timed_ms(fn)
        self.cpu.append((time.process_time() - c0) * 1000)
        return took


def _open(window, long_id: str, small_id: str, timer=timed_ms) -> float:
    """From the small document, open the long one (store load, span index, text, the
    first screen highlighted) and paint it synchronously; then back (not timed)."""
    app = application()

    def show() -> None:
        window.open_document(long_id)
        window.reader.viewport().repaint()
        app.processEvents()

    took = timer(show)
    window.open_document(small_id)
    app.processEvents()
    return took


def _visible_range(reader, rng: random.Random) -> tuple[int, int]:
    """Scroll somewhere at random and pick four characters near the top of the screen."""
    from PySide6.QtCore import QPoint

    bar = reader.verticalScrollBar()
    bar.setValue(rng.randrange(0, max(1, bar.maximum())))
    application().processEvents()
    start = reader.cp_at(QPoint(40 + rng.randrange(0, 400), 40 + rng.randrange(0, 200)))
    return start, start + 4


def _idle(seconds: float) -> None:
    """The annotator reads: the event loop runs (timers, background results), blocked
    between events as a real window's is — not polled, which with eleven windows at once
    (the team figure) cost the machine more than the windows' own work."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    application()
    loop = QEventLoop()
    timer = QTimer(loop)
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(loop.quit)
    timer.start(max(0, round(seconds * 1000)))
    loop.exec()


def _edits(window, count: int, think: float, rng: random.Random, timer=timed_ms,
           after: list[float] | None = None) -> list[float]:
    """``count`` tags added somewhere on screen then removed, each timed from the key to
    the repainted screen, ``think`` seconds apart: the work an edit leaves for later (the
    suggestion lexicon is recompiled 400 ms after a new term) may meet the next edit.
    ``after`` gets the time of the event loop's next turn after each edit (the
    annotations dock, which paints after the reader: ``qt.docks.hold_paint``)."""
    repaint, times = window.reader.viewport().repaint, []
    tags = list(window.tags)

    def timed(edit) -> None:
        times.append(timer(lambda: (edit(), repaint())))
        if after is not None:
            after.append(timed_ms(application().processEvents))

    for _ in range(count):
        window.clear_selection()
        window.reader.select_range(*_visible_range(window.reader, rng), ensure_visible=False)
        _idle(think)
        timed(lambda: window.apply_tag(rng.choice(tags)))
        if window.editor.selected is not None:  # the new span
            _idle(think)
            timed(window.delete_span)
    window.clear_selection()
    return times


def _naive_edits(window, doc_id: str, count: int, rng: random.Random) -> list[float]:
    app, times = application(), []
    tags = list(window.tags)

    def reopen() -> None:
        window.open_document(doc_id)
        window.reader.viewport().repaint()
        app.processEvents()

    for _ in range(count):
        window.clear_selection()
        window.reader.select_range(*_visible_range(window.reader, rng), ensure_visible=False)
        times.append(timed_ms(lambda: (window.apply_tag(rng.choice(tags)), reopen())))
    return times


def _page_downs(view, pages: int, rng: random.Random) -> list[float]:
    """``pages`` page-downs, in runs of up to ten from random places (each run starts with
    an untimed jump), each repainted synchronously: a reader paging through the text."""
    app, bar, times = application(), view.verticalScrollBar(), []
    while len(times) < pages:
        bar.setValue(rng.randrange(0, max(1, bar.maximum() - 11 * bar.pageStep())))
        app.processEvents()
        for _ in range(min(10, pages - len(times))):
            times.append(timed_ms(lambda: (bar.setValue(bar.value() + bar.pageStep()),
                                           view.viewport().repaint())))
    return times


def _jumps(view, count: int, rng: random.Random) -> list[float]:
    """``count`` jumps to random places (a search hit, Ctrl+End, the scroll bar dragged),
    each repainted synchronously."""
    app, bar, times = application(), view.verticalScrollBar(), []
    for _ in range(count):
        target = rng.randrange(0, max(1, bar.maximum()))
        times.append(timed_ms(lambda t=target: (bar.setValue(t), view.viewport().repaint())))
        app.processEvents()
    return times


def _naive_editor(path: Path, doc_id: str, size: tuple[int, int], pages: int, jumps: int
                  ) -> tuple[float, list[float], list[float]]:
    """(open ms, page-down times, jump times) of the QTextEdit baseline."""
    from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
    from PySide6.QtWidgets import QTextEdit

    app = application()
    edit = QTextEdit(readOnly=True)
    edit.viewport().resize(*size)
    edit.resize(size[0] + 20, size[1] + 4)
    edit.show()
    t0 = time.perf_counter()
    with Store.open(path, check=False) as store:
        doc, spans = store.document(doc_id), store.annotations(doc_id)
        colours = {t.id: t.colour for t in store.tagset().tags}
    edit.setPlainText(doc.text)
    umap, selections = zh.Utf16Map(doc.text), []
    for span in spans:
        cursor = QTextCursor(edit.document())
        cursor.setPosition(umap.to_utf16(span.start))
        cursor.setPosition(umap.to_utf16(span.end), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colours.get(span.tag, "#ccc")))
        selection = QTextEdit.ExtraSelection()
        selection.cursor, selection.format = cursor, fmt
        selections.append(selection)
    edit.setExtraSelections(selections)
    edit.viewport().repaint()
    app.processEvents()
    opened = ms_since(t0)
    scrolls = _page_downs(edit, pages, random.Random(4))
    jumped = _jumps(edit, jumps, random.Random(6))
    edit.close()
    return opened, scrolls, jumped
