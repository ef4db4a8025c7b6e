"""Importing a folder of ``.txt`` files into a new project: decoding, cleaning with
provenance, metadata, storing and indexing (``annotator.project.import_paths``, what
``annotator import`` runs for text files).

Naive baseline: the same files imported one ``import_paths`` call per file, so each
document is its own transaction (and its own commit) instead of batches of 200;
measured on a tenth of the files and scaled linearly.
"""

from __future__ import annotations

import time
from pathlib import Path

from common import result

from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.store import Store


def new_project(path: Path) -> Store:
    store = Store.open(path, create=True)
    store.set_tagset(default_tagset())
    return store


def run(cfg: dict) -> dict:
    work, folder = Path(cfg["work"]), Path(cfg["inputs"]["texts"])
    files = sorted(folder.iterdir())
    with new_project(work / "import.annotator") as store:
        t0 = time.perf_counter()
        report = import_paths(store, [folder])
        seconds = time.perf_counter() - t0
    assert not report.errors, report.errors[0].message
    sample = files[:max(1, len(files) // 10)]
    with new_project(work / "naive.annotator") as store:
        t0 = time.perf_counter()
        for f in sample:
            import_paths(store, [f])
        naive = (time.perf_counter() - t0) * len(files) / len(sample)
    return {"import": result(seconds, naive, f"{len(report.added):,} documents, "
                             f"{len(report.added) / seconds:.0f} docs/s; naive on "
                             f"{len(sample):,} files, scaled")}
