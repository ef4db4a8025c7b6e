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
    resumed, added, total = resume(folder, work / "resumed.annotator", len(files) // 2)
    return {"import": result(seconds, naive, f"{len(report.added):,} documents, "
                             f"{len(report.added) / seconds:.0f} docs/s; naive on "
                             f"{len(sample):,} files, scaled"),
            "import.resume": result(resumed, seconds, f"stopped after {len(files) // 2:,} "
                                    f"files; the re-run added {added:,} (now {total:,}); "
                                    "naive = the whole import again")}


def resume(folder: Path, path: Path, stop_after: int) -> tuple[float, int, int]:
    """An import cancelled after ``stop_after`` files (as the dialog's Cancel, or a
    crash after a committed batch), then the same import again: (seconds of the re-run,
    documents it added, documents in the project)."""
    done = [0]

    def progress(files: int, _new: int) -> None:
        done[0] = files

    with new_project(path) as store:
        first = import_paths(store, [folder], progress=progress,
                             cancelled=lambda: done[0] >= stop_after)
        assert first.cancelled
        t0 = time.perf_counter()
        again = import_paths(store, [folder])
        seconds = time.perf_counter() - t0
        total = len(store.documents())
    return seconds, len(again.added), total
