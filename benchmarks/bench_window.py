"""Benchmark the annotation window on a 1M-character document with 30,000 spans.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_window.py

Prints: open (store load + text + first paint), add-tag latency (commit + repaint), and
resident memory above the empty window. Not a test: figures go in the closing note/README.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.annotation import Annotation, Annotator, new_id  # noqa: E402
from annotator.core.document import Document, document_id, text_sha256  # noqa: E402
from annotator.core.tagset import default_tagset  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402
from annotator.store import Store  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def make_text(chars: int = 1_000_000) -> str:
    source = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    words = [w for w in source.replace("\n", "").split("。") if w]
    rng = random.Random(1)
    paras, total = [], 0
    while total < chars:
        para = "".join(rng.choice(words) + "。" for _ in range(4))[:130]
        if rng.random() < 0.01:
            para = "𠮷" + para[1:]  # an astral character now and then
        paras.append(para)
        total += len(para) + 1
    return "\n".join(paras)[:chars]


def make_spans(doc_id: str, text: str, n: int, tags: list[str]) -> list[Annotation]:
    rng = random.Random(2)
    spans = []
    for _ in range(n):
        start = rng.randrange(0, len(text) - 10)
        length = rng.randint(2, 8)
        spans.append(Annotation(new_id(), doc_id, start, start + length, rng.choice(tags),
                                rng.choice(["lin", "wang"]), {}, "t", "t"))
    return spans


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.annotator"
    text = make_text()
    doc = Document(document_id(text), "1M", text, text_sha256(text), script="zh-Hans")
    tagset = default_tagset()
    tags = [t.id for t in tagset.tags]
    with Store.open(path, create=True) as store:
        store.set_tagset(tagset)
        store.add_documents([doc])
        store.add_annotator(Annotator("wang", "Wang"))
        store.add_annotator(Annotator("lin", "Lin"))
        store.insert_annotations(make_spans(doc.id, text, 30_000, tags))
        small = "上海合作组织。"
        store.add_documents([Document(document_id(small), "small", small, text_sha256(small))])
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(f"last-document/{path}", document_id(small))
    window = MainWindow(Store.open(path), Annotator("lin", "Lin"), settings)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    base = rss_mb()
    # the suggestion lexicon (every span of the project, compiled) is built in the
    # background once per project; the figures below are taken once it is there
    started = time.perf_counter()
    while window.editor.lexicon is None:
        app.processEvents()
        time.sleep(0.002)
    lexicon_ms = (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    window.open_document(doc.id)
    window.reader.viewport().repaint()  # first paint, synchronously
    app.processEvents()
    open_ms = (time.perf_counter() - started) * 1000
    after_open = rss_mb()

    rng = random.Random(3)
    latencies = []
    for _ in range(200):
        start = rng.randrange(0, 5000)
        window.reader.select_range(start, start + 4, ensure_visible=False)
        t0 = time.perf_counter()
        window.apply_tag(rng.choice(tags))
        window.reader.viewport().repaint()
        latencies.append((time.perf_counter() - t0) * 1000)
        window.clear_selection()
    latencies.sort()
    print(f"document: {len(text):,} characters, 30,000 spans, {text.count(chr(10)) + 1:,} paragraphs")
    print(f"open (store load + text + first paint): {open_ms:.0f} ms   [target < 300 ms]")
    print(f"add tag (commit + repaint): median {statistics.median(latencies):.1f} ms, "
          f"p95 {latencies[int(len(latencies) * 0.95)]:.1f} ms   [target median < 16 ms]")
    print(f"suggestion lexicon, built in the background: {lexicon_ms:.0f} ms for "
          f"{len(window.editor.lexicon.lexicon):,} terms")
    print(f"memory above the empty window: {after_open - base:.0f} MB   [target < 100 MB]")
    window.store.close()


if __name__ == "__main__":
    main()
