"""Benchmark project-wide search on 10,000 documents of ~3,000 characters.

    /tmp/venv311/bin/python benchmarks/bench_search.py [--docs 10000] [--chars 3000]

Texts are random runs of the seed corpus's sentences (so the character distribution is that
of Chinese news; one document in five from the traditional-script seed), stored with
``Store.add_documents`` in batches of 200. The same texts also go into a second project with
indexing switched off, to give the index's size on disk and its share of the build time;
that project is then indexed the way the migration does it (``backfill``). Prints the
median of 20 runs of the first page (limit 50) for 1-, 2- and 4-character queries.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import corpus_documents  # noqa: E402

import annotator.store.documents as documents_module  # noqa: E402
from annotator.core.document import Document  # noqa: E402
from annotator.store import Store  # noqa: E402
from annotator.store.search import backfill  # noqa: E402

BATCH = 200
QUERIES = ["安", "會", "北京", "反恐", "执法", "峰会", "恐怖主義", "上海合作", "执法安全",
           "联合国安理会", "北京大学", "a."]


def corpus(count: int, chars: int) -> list[Document]:
    return list(corpus_documents(count, chars))


def load(path: Path, docs: list[Document]) -> tuple[Store, float]:
    store = Store.open(path, create=True)
    t0 = time.perf_counter()
    for i in range(0, len(docs), BATCH):
        store.add_documents(docs[i:i + BATCH])
    return store, time.perf_counter() - t0


def size_mb(store: Store) -> float:
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert store.path is not None
    return store.path.stat().st_size / 2**20


def breakdown(store: Store) -> str:
    """Megabytes per search table (SQLite's dbstat), FTS5 shadow tables included."""
    try:
        rows = store.conn.execute("SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE "
                                  "'search%' GROUP BY name").fetchall()
    except Exception:  # dbstat not compiled in
        return "(no dbstat)"
    sizes: dict[str, float] = {}
    for name, size in rows:
        table = "search_text" if name.startswith("search_text") or "autoindex" in name else \
            name.split("_")[0] + "_" + name.split("_")[1]
        sizes[table] = sizes.get(table, 0) + size / 2**20
    return ", ".join(f"{k} {v:.0f} MB" for k, v in sorted(sizes.items()))


def median_ms(fn, runs: int = 20) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def report_queries(store: Store) -> None:
    print(f"\n{'query':<10} {'chars':>5} {'page (limit 50)':>16} {'hits':>8} {'count()':>10}")
    for q in QUERIES:
        page = median_ms(lambda q=q: store.search(q, limit=50))
        t0 = time.perf_counter()
        total = store.search_count(q)
        count_ms = (time.perf_counter() - t0) * 1000
        print(f"{q:<10} {len(q):>5} {page:>13.1f} ms {total:>8} {count_ms:>7.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--chars", type=int, default=3_000)
    args = parser.parse_args()
    docs = corpus(args.docs, args.chars)
    total = sum(len(d.text) for d in docs)
    print(f"{len(docs)} documents, {total / 1e6:.1f}M characters")
    with tempfile.TemporaryDirectory() as tmp:
        indexed, with_index = load(Path(tmp) / "indexed.annotator", docs)
        real = documents_module.index_documents
        documents_module.index_documents = lambda conn, docs: 0  # type: ignore[assignment]
        try:
            plain, without = load(Path(tmp) / "plain.annotator", docs)
        finally:
            documents_module.index_documents = real
        bare = size_mb(plain)
        t0 = time.perf_counter()
        with plain.transaction():
            backfill(plain.conn)
        rebuilt = time.perf_counter() - t0
        print(f"add_documents in batches of {BATCH}: {with_index:.1f} s with the index, "
              f"{without:.1f} s without (index: {with_index - without:.1f} s)")
        print(f"backfill (the migration, with optimize): {rebuilt:.1f} s")
        print(f"file size: {bare:.0f} MB without the index, {size_mb(indexed):.0f} MB indexed "
              f"incrementally, {size_mb(plain):.0f} MB after backfill")
        print(f"index tables (incremental): {breakdown(indexed)}")
        print(f"index tables (backfill):    {breakdown(plain)}")
        indexed.close()
        reopened = Store.open(Path(tmp) / "indexed.annotator")
        t0 = time.perf_counter()
        reopened.search("北京", limit=50)
        print(f"first query after opening (builds the cached document order): "
              f"{(time.perf_counter() - t0) * 1000:.0f} ms")
        report_queries(reopened)
        reopened.close()
        plain.close()


if __name__ == "__main__":
    main()
