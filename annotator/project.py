"""Project-level operations the CLI and the window share. Each returns what changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.annotation import Annotator
from annotator.core.document import Document
from annotator.core.errors import InputError, ProjectError
from annotator.core.store import ProjectStore
from annotator.core.tagset import Tagset, default_tagset
from annotator.ingest.importer import read_paths
from annotator.ingest.known import Imported
from annotator.resources import default_project_path, seeds_dir
from annotator.store import Store, is_team, open_project

#: an import of more documents than this says how many, not which (unless asked)
LIST_AT_MOST = 20
#: a file losing more than this share of its text as repeated paragraphs is reported
MOSTLY = 0.5


@dataclass
class ImportReport:
    """What an import did: documents added, duplicates skipped, files refused, and files
    whose text cleaning took mostly away."""

    added: list[tuple[str, str, str]] = field(default_factory=list)  # (id, title, origin)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (origin, existing id)
    errors: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # one line each, naming the file
    files: int = 0  # files read (imported or refused)
    cancelled: bool = False  # stopped early: the files after ``files`` were not imported

    def lines(self, verbose: bool = False) -> list[str]:
        """One line per document added or skipped, per warning and per refused file; more
        than :data:`LIST_AT_MOST` documents added (or skipped, or warned about) are counted
        in one line instead, unless ``verbose``."""
        out = _listed(verbose, [f"imported {doc_id}  {title}  ({origin})"
                                for doc_id, title, origin in self.added],
                      f"imported {len(self.added):,} documents (not listed one by one)")
        out += _listed(verbose, [f"skipped {origin}: same text as document {dup}"
                                 for origin, dup in self.duplicates],
                       f"skipped {len(self.duplicates):,} documents already in the project "
                       "(same text)")
        out += _listed(verbose, [f"warning: {w}" for w in self.warnings],
                       f"warning: {len(self.warnings):,} files were mostly repeated "
                       "paragraphs, which were removed (rule repeated-paragraph)")
        out += [f"error: {e.message}" for e in self.errors]
        return out


def _listed(verbose: bool, lines: list[str], summary: str) -> list[str]:
    return lines if verbose or len(lines) <= LIST_AT_MOST else [summary]


def _mostly_repeats(doc: Document) -> str | None:
    """A warning when repeated paragraphs were most of what the cleaner saw of ``doc``."""
    removed = sum(len(e["removed"]) for e in doc.cleaning if e["rule"] == "repeated-paragraph")
    total = len(doc.original if doc.original is not None else doc.text)
    if not total or removed <= MOSTLY * total:
        return None
    return (f"{doc.origin}: {removed:,} of its {total:,} characters were repeated paragraphs "
            f"and were removed, leaving {len(doc.text):,} (rule repeated-paragraph)")


#: documents stored per transaction by :func:`import_paths`
BATCH = 200


def import_paths(store: ProjectStore, paths: Iterable[str | Path], rules: Iterable[str] | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 imported_by: str | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportReport:
    """Import files and folders. A file's documents are stored in one transaction with their
    neighbours' (:data:`BATCH` documents a transaction), so a bad file (or a crash) never
    leaves part of a file behind; the rest of the batch goes on. ``imported_by`` is recorded
    in each document's metadata. ``progress(files_done, documents)`` follows each file
    (``documents``: new ones, stored or about to be). ``cancelled()`` is asked after each
    file: when it says yes, the batch read so far is committed (whole files only) and the
    remaining files are not imported (``report.cancelled``)."""
    report = ImportReport()
    batch: list = []
    seen: set[str] = set()  # texts read so far, to count new documents as they come
    new = 0
    known = store.documents_from_files if store.document_ids() else None  # files seen?
    for item in read_paths(paths, rules, known=known):
        report.files += 1
        if isinstance(item, InputError):
            report.errors.append(item)
        elif isinstance(item, Imported):
            report.duplicates.append((item.origin, item.doc_id))
        else:
            extra = {"imported_by": imported_by} if imported_by else {}
            batch += [replace(doc, metadata={**doc.metadata, **extra}) for doc in item]
            new += _count_new(store, item, seen) if progress else 0
        if len(batch) >= BATCH:
            _store_batch(store, batch, report)
        if progress:
            progress(report.files, new)
        if cancelled and cancelled():
            report.cancelled = True
            break
    _store_batch(store, batch, report)
    return report


def _count_new(store: ProjectStore, docs: list, seen: set[str]) -> int:
    """How many of ``docs`` will be added: their text neither stored nor read before."""
    fresh = [d.text_sha256 for d in docs if d.text_sha256 not in seen]
    seen.update(d.text_sha256 for d in docs)
    return sum(1 for sha in dict.fromkeys(fresh) if store.document_with_text(sha) is None)


def _store_batch(store: ProjectStore, batch: list, report: ImportReport) -> None:
    for doc, dup in store.add_documents(batch):
        if dup is None:
            report.added.append((doc.id, doc.title, doc.origin or ""))
            if warning := _mostly_repeats(doc):
                report.warnings.append(warning)
        else:
            report.duplicates.append((doc.origin or "", dup))
    batch.clear()


def create_project(path: str | Path, tagset: Tagset | None = None, seeds: bool = True,
                   annotator: Annotator | None = None) -> tuple[ProjectStore, ImportReport]:
    """Create a new project — a file, or a team project in the database a
    ``postgresql://`` URL names — with a tagset (default: the shipped one) and, unless told
    otherwise, the seed corpus. Refuses to overwrite an existing file or project."""
    if is_team(path):
        store: ProjectStore = open_project(path, create=True)
    else:
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise ProjectError(f"{path}: already exists; open it, or choose another name")
        store = Store.open(path, create=True)
    store.set_tagset(tagset or default_tagset())
    if annotator:
        store.add_annotator(annotator)
    report = import_seeds(store) if seeds else ImportReport()
    return store, report


#: the demo corpus's gold layer: every actor, mechanism and threat of the five seed
#: articles, tagged by the default tagset's definitions (an ``export --status gold``)
SEED_GOLD = "gold.json"


def import_seeds(store: ProjectStore) -> ImportReport:
    """The demo corpus: the seed articles (cleaned like any import), then their gold layer
    (review decisions of the demo's reviewer, so review, agreement, statistics and the
    recommenders have something true to show from the start)."""
    from annotator.formats import kinds
    from annotator.transfer import import_dataset

    folder = seeds_dir()
    report = import_paths(store, sorted(folder.glob("*.txt")))
    gold = folder / SEED_GOLD
    if gold.is_file():
        import_dataset(store, kinds.read_dataset(gold, kinds.kind_of(gold)), str(gold))
    return report


def default_project(seeds: bool = True) -> Path:
    """The user's default project, created on first use: with the seed corpus, or empty
    (with the default tagset) when ``seeds`` is false."""
    path = default_project_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        create_project(path, seeds=seeds)[0].close()
    return path
