"""Benchmark the annotation window on a 1M-character document with 30,000 spans.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_window.py

Prints: open (store load + text + first paint), add-tag latency (commit + repaint), the
suggestion lexicon's build time and the memory above the empty window. The suite
(``suite.py --only doc``) measures the same document more thoroughly (adds and removes
anywhere in the text, page-downs, jumps, naive baselines); this stays as a quick look.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import median, ms_since, p95, rss_mb, timed_ms  # noqa: E402
from data import build_long_document, long_document_ids  # noqa: E402
from qtkit import application, close, open_window, settle  # noqa: E402


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.annotator"
    build_long_document(path, 1_000_000, 30_000)
    long_id, small_id = long_document_ids(path)
    window = open_window(path, folder, last=small_id)
    base = rss_mb()
    # the suggestion lexicon (every span of the project, compiled) is built in the
    # background once per project; the figures below are taken once it is there
    lexicon_ms = settle(window) * 1000
    started = time.perf_counter()
    window.open_document(long_id)
    window.reader.viewport().repaint()  # first paint, synchronously
    application().processEvents()
    open_ms = ms_since(started)
    after_open = rss_mb()
    rng, tags, latencies = random.Random(3), list(window.tags), []
    for _ in range(200):
        start = rng.randrange(0, 5000)
        window.reader.select_range(start, start + 4, ensure_visible=False)
        latencies.append(timed_ms(lambda: (window.apply_tag(rng.choice(tags)),
                                           window.reader.viewport().repaint())))
        window.clear_selection()
    text = window.doc.text
    print(f"document: {len(text):,} characters, 30,000 spans, "
          f"{text.count(chr(10)) + 1:,} paragraphs")
    print(f"open (store load + text + first paint): {open_ms:.0f} ms   [target < 300 ms]")
    print(f"add tag (commit + repaint): median {median(latencies):.1f} ms, "
          f"p95 {p95(latencies):.1f} ms   [target median < 16 ms]")
    assert window.editor.lexicon is not None
    print(f"suggestion lexicon, built in the background: {lexicon_ms:.0f} ms for "
          f"{len(window.editor.lexicon.lexicon):,} terms")
    print(f"memory above the empty window: {after_open - base:.0f} MB   [target < 100 MB]")
    close(window)


if __name__ == "__main__":
    main()
