"""Bulk inserts: sqlite-utils' ``insert_all`` against a hand-written ``executemany``.

    python benchmarks/bench_insert.py [--rows 10000] [--runs 5]

Each way inserts the same rows into a fresh project inside one ``Store.transaction()``
(``insert_all`` joins it with a savepoint per chunk): spans and review decisions (small
rows: the cost is Python's, per value) and documents of ~3,000 characters in batches of
200 (the cost is SQLite's). Prints the median of the runs for each.

On the shared 2-core VM (runs swing a lot): spans 1.6-2.7 times as long with
``insert_all`` (49-96 ms against 98-262 ms: it passes every value through
``jsonify_if_needed``, with a savepoint per chunk of 111 rows), decisions 1.0-1.9 times,
documents 1.0-1.4 times. So spans and decisions stay on ``executemany``; documents use
``insert_all``, where the difference is a small share of an import (cleaning and indexing
dominate) and the import of 10,000 files did not get slower (35-41 s, against 45 s before,
under the same load).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotator.core.annotation import Annotation, Annotator  # noqa: E402
from annotator.core.dataset import ReviewDecision  # noqa: E402
from annotator.core.document import Document, document_id, text_sha256  # noqa: E402
from annotator.store import Store  # noqa: E402
from annotator.store.annotations import _annotation_row  # noqa: E402
from annotator.store.decisions import COLUMNS as DECISION_COLUMNS  # noqa: E402
from annotator.store.decisions import _row as decision_row  # noqa: E402
from annotator.store.documents import document_row  # noqa: E402

STAMP = "2026-01-01T00:00:00.000+00:00"
CHARS = "上海合作组织成员国安全会议秘书会议反恐怖主义北京新华社电"


def project(folder: Path, name: str) -> tuple[Store, str]:
    store = Store.open(folder / f"{name}.annotator", create=True)
    store.add_annotator(Annotator("lin", "Lin"))
    text = "上海合作组织" * 20_000
    store.add_documents([Document(document_id(text), "t", text, text_sha256(text))])
    return store, document_id(text)


#: the span table's columns, as a row is stored
SPAN_COLUMNS = ["id", "doc_id", "start", "end", "tag", "annotator", "attributes", "created",
                "modified"]


def spans(doc_id: str, n: int) -> list[tuple]:
    r = random.Random(n)
    out = []
    for i in range(n):
        start = r.randrange(100_000)
        attributes = {"normalized": "上海合作组织"} if i % 5 == 0 else {}
        out.append(_annotation_row(Annotation(f"a{i}", doc_id, start, start + r.randint(1, 8),
                                              "actor.state", "lin", attributes, STAMP, STAMP),
                                   Store._stored_modified))
    return out


def decisions(doc_id: str, n: int) -> list[tuple]:
    return [decision_row(ReviewDecision(f"d{i}", doc_id, "lin", "accepted", (f"a{i}",), None,
                                        None, STAMP)) for i in range(n)]


def documents(n: int) -> list[tuple]:
    r = random.Random(n)
    out = []
    for i in range(n):
        text = "".join(r.choice(CHARS) for _ in range(3000)) + str(i)
        out.append(tuple(document_row(Document(document_id(text), f"t{i}", text,
                                               text_sha256(text)), i + 1).values()))
    return out


def by_executemany(store: Store, table: str, columns: list[str], rows: list[tuple]) -> None:
    with store.transaction():
        store.conn.executemany(f"INSERT INTO {table}({', '.join(columns)}) VALUES "
                               f"({', '.join('?' * len(columns))})", rows)


def by_insert_all(store: Store, table: str, columns: list[str], rows: list[tuple]) -> None:
    with store.transaction():
        store.db[table].insert_all([columns, *rows])


def timed(folder: Path, name: str, way: Callable, table: str, columns: list[str],
          make: Callable[[str], list[tuple]], batch: int) -> float:
    store, doc_id = project(folder, name)
    rows = make(doc_id)
    start = time.perf_counter()
    for i in range(0, len(rows), batch):
        way(store, table, columns, rows[i:i + batch])
    seconds = time.perf_counter() - start
    store.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    n = args.rows
    doc_columns = list(document_row(Document("x", "t", "x", "x"), 0))
    cases = [("spans", "annotations", SPAN_COLUMNS,
              lambda doc_id: spans(doc_id, n), n),
             ("decisions", "review_decisions", [c.strip() for c in DECISION_COLUMNS.split(",")],
              lambda doc_id: decisions(doc_id, n), n),
             ("documents", "documents", doc_columns, lambda _: documents(n // 5), 200)]
    with tempfile.TemporaryDirectory() as tmp:
        for label, table, columns, make, batch in cases:
            times: dict[str, list[float]] = {"executemany": [], "insert_all": []}
            for run in range(args.runs):
                for way, fn in (("executemany", by_executemany), ("insert_all", by_insert_all)):
                    times[way].append(timed(Path(tmp), f"{label}-{way}-{run}", fn, table,
                                            columns, make, batch))
            many, every = (statistics.median(times[w]) for w in ("executemany", "insert_all"))
            rows = n // 5 if label == "documents" else n
            print(f"{rows:>6,} {label:<10} executemany {many * 1000:7.1f} ms   insert_all "
                  f"{every * 1000:7.1f} ms   ({every / many:.2f}x)")


if __name__ == "__main__":
    main()
