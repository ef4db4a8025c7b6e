"""Project-level operations the CLI and the window share. Each returns what changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.annotation import Annotator
from annotator.core.errors import InputError, ProjectError
from annotator.core.tagset import Tagset, default_tagset
from annotator.ingest.importer import read_paths
from annotator.resources import default_project_path, seeds_dir
from annotator.store import Store


@dataclass
class ImportReport:
    """What an import did: documents added, duplicates skipped, files refused."""

    added: list[tuple[str, str, str]] = field(default_factory=list)  # (id, title, origin)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (origin, existing id)
    errors: list[InputError] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"imported {doc_id}  {title}  ({origin})" for doc_id, title, origin in self.added]
        out += [f"skipped {origin}: same text as document {dup}" for origin, dup in
                self.duplicates]
        out += [f"error: {e.message}" for e in self.errors]
        return out


def import_paths(store: Store, paths: Iterable[str | Path], rules: Iterable[str] | None = None,
                 progress: Callable[[str], None] | None = None,
                 imported_by: str | None = None) -> ImportReport:
    """Import files and folders. A file's documents are stored in one transaction with their
    neighbours', so a bad file (or a crash) never leaves part of a file behind; the rest of
    the batch goes on. ``imported_by`` is recorded in each document's metadata."""
    report = ImportReport()
    batch: list = []
    for item in read_paths(paths, rules):
        if isinstance(item, InputError):
            report.errors.append(item)
            continue
        for doc in item:
            extra = {"imported_by": imported_by} if imported_by else {}
            batch.append(replace(doc, metadata={**doc.metadata, **extra}))
            if progress:
                progress(doc.origin or "")
        if len(batch) >= 200:
            _store_batch(store, batch, report)
    _store_batch(store, batch, report)
    return report


def _store_batch(store: Store, batch: list, report: ImportReport) -> None:
    for doc, dup in store.add_documents(batch):
        if dup is None:
            report.added.append((doc.id, doc.title, doc.origin or ""))
        else:
            report.duplicates.append((doc.origin or "", dup))
    batch.clear()


def create_project(path: str | Path, tagset: Tagset | None = None, seeds: bool = True,
                   annotator: Annotator | None = None) -> tuple[Store, ImportReport]:
    """Create a new project file with a tagset (default: the shipped one) and, unless told
    otherwise, the seed corpus. Refuses to overwrite an existing file."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise ProjectError(f"{path}: already exists; open it, or choose another name")
    store = Store.open(path, create=True)
    store.set_tagset(tagset or default_tagset())
    if annotator:
        store.add_annotator(annotator)
    report = import_paths(store, [seeds_dir()]) if seeds else ImportReport()
    return store, report


def default_project() -> Path:
    """The user's default project, created with the seed corpus on first use."""
    path = default_project_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        create_project(path)[0].close()
    return path
