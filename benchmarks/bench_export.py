"""Benchmark exports: a 1M-character document with 30,000 spans to TEI and JSON, and the
JSONL export of a 10,000-document corpus (peak memory measured while streaming).

    .venv/bin/python benchmarks/bench_export.py
"""

from __future__ import annotations

import io
import os
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import make_spans, make_text  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.core.dataset import Dataset, DocumentData  # noqa: E402
from annotator.core.document import Document, document_id, text_sha256  # noqa: E402
from annotator.core.tagset import default_tagset  # noqa: E402
from annotator.formats import jsonfmt, tei  # noqa: E402


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return min(times)


def corpus(count: int, tagset, annotators):
    rng = random.Random(5)
    base = make_text(3000 * 20)
    tags = [t.id for t in tagset.tags]
    for i in range(count):
        start = rng.randrange(0, len(base) - 3000)
        text = f"{i}\n" + base[start:start + 3000]
        doc = Document(document_id(text), f"doc {i}", text, text_sha256(text))
        yield DocumentData(doc, tuple(make_spans(doc.id, text, 100, tags)), ())


def main() -> None:
    tagset = default_tagset()
    annotators = (Annotator("lin", "Lin"), Annotator("wang", "Wang"))
    text = make_text()
    doc = Document(document_id(text), "1M", text, text_sha256(text), script="zh-Hans")
    spans = tuple(make_spans(doc.id, text, 30_000, [t.id for t in tagset.tags]))
    ds = Dataset(tagset, annotators, (DocumentData(doc, spans, ()),))
    tei_ms = best_of(3, lambda: tei.to_bytes(tei.standoff_corpus(ds)))
    json_ms = best_of(3, lambda: jsonfmt.write_json(ds, io.StringIO()))
    print(f"1M characters, 30,000 spans -> TEI stand-off: {tei_ms:.0f} ms   [target < 500 ms]")
    print(f"1M characters, 30,000 spans -> JSON:          {json_ms:.0f} ms   [target < 300 ms]")
    for count in (1_000, 10_000):
        tracemalloc.start()
        t0 = time.perf_counter()
        with open(os.devnull, "w") as sink_docs:
            jsonfmt.write_jsonl(Dataset(tagset, annotators, corpus(count, tagset, annotators)),
                                sink_docs, io.StringIO())
        seconds = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        print(f"JSONL, {count:,} documents x 3,000 chars x 100 spans: {seconds:.1f} s, "
              f"peak traced memory {peak:.1f} MB")


if __name__ == "__main__":
    main()
