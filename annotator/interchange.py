"""``annotator import``: tell what each file is by its content
(:func:`annotator.formats.kinds.kind_of`) and bring it in: our own JSON / JSONL / stand-off
TEI exports as datasets, doccano and brat files as one annotator's layer, and everything
else (texts, web pages, JSON records, folders) as documents, cleaned (see
:mod:`annotator.project`). Datasets and layers go in one transaction per file; a bad file
changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.annotation import Annotator
from annotator.core.errors import InputError
from annotator.core.store import ProjectStore, tagset_of
from annotator.formats import kinds
from annotator.formats.kinds import DOCCANO, LAYERS, PROJECT, TEXT
from annotator.ingest import limits
from annotator.ingest.importer import expand_paths
from annotator.project import import_paths
from annotator.store.backups import companions
from annotator.transfer import import_dataset, layer_dataset


@dataclass
class ImportOutcome:
    lines: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    documents: int = 0  # text documents added
    done: int = 0  # files imported or refused
    total: int = 0  # files found
    cancelled: bool = False  # stopped between files: the rest were not imported
    projects: int = 0  # project files found in folders: skipped, with the files beside them


def needs_annotator(paths: Iterable[Path]) -> bool:
    """Whether any of ``paths``, or any file in a folder among them, is another tool's
    layer (doccano, brat): files as :func:`import_files` will find them."""
    found, _projects = _expand(paths)
    return any(isinstance(p, Path) and _kind(p) in LAYERS for p in found)


def import_files(store: ProjectStore, paths: Iterable[Path], annotator: Annotator | None = None,
                 rules: Iterable[str] | None = None,
                 progress: Callable[[int, int, int], None] | None = None,
                 cancelled: Callable[[], bool] = lambda: False,
                 verbose: bool = False) -> ImportOutcome:
    """Import every path by its kind; one file's failure does not stop the others.
    ``progress(done, total, documents)`` follows each file (datasets first, then texts);
    ``cancelled()`` is asked between files: each file is all-or-nothing, and the text files
    read so far are kept, whole (see :func:`annotator.project.import_paths`). Many text
    documents are counted, not listed, in the lines unless ``verbose``."""
    found, projects = _expand(paths)
    outcome = ImportOutcome(total=len(found), projects=len(projects))
    if projects:
        outcome.lines.append(_skipped_line(len(projects)))
    step = progress or (lambda *_: None)
    texts: list[Path] = []
    for path in found:
        if cancelled():
            outcome.cancelled = True
            break
        try:
            if isinstance(path, InputError):  # a link out of a folder, not followed
                raise path
            kind = kinds.kind_of(path) if path.exists() else TEXT  # a missing one: below
            if kind == TEXT:
                texts.append(path)
                continue
            outcome.lines.append(_import_one(store, path, kind, annotator))
        except InputError as e:
            outcome.errors.append(e)
        outcome.done += 1
        step(outcome.done, outcome.total, outcome.documents)
    if texts and not outcome.cancelled:
        _import_texts(store, texts, rules, annotator, outcome, progress, cancelled, verbose)
    return outcome  # a cancel is said by the caller, from outcome.cancelled


def _kind(path: Path) -> str:
    """The kind of ``path``; a file that cannot be read counts as text (the text importer
    then reports what is wrong with it)."""
    try:
        return kinds.kind_of(path) if path.exists() else TEXT
    except InputError:
        return TEXT


def _import_texts(store: ProjectStore, texts: list[Path], rules, annotator: Annotator | None,
                  outcome: ImportOutcome, progress: Callable[[int, int, int], None] | None,
                  cancelled: Callable[[], bool], verbose: bool = False) -> None:
    done, documents = outcome.done, outcome.documents
    step = (lambda files, docs: progress(done + files, outcome.total, documents + docs)
            ) if progress else None
    report = import_paths(store, texts, rules, step,
                          imported_by=annotator.id if annotator else None, cancelled=cancelled)
    outcome.lines += [ln for ln in report.lines(verbose) if not ln.startswith("error")]
    outcome.lines.append(f"texts: {len(report.added)} imported, {len(report.duplicates)} "
                         f"already present, {len(report.errors)} refused")
    outcome.errors += report.errors
    outcome.documents += len(report.added)
    outcome.done += report.files
    outcome.cancelled = report.cancelled


def _expand(paths: Iterable[Path]) -> tuple[list[Path | InputError], list[Path]]:
    """Files named and files in folders named, each to be told by its content; a JSONL
    export's manifest is read with its JSONL, not on its own. A project file found in a
    folder is left out with what the store keeps beside it (its side files, lock and
    backups: :func:`annotator.store.backups.companions`): (the files, those projects)."""
    from annotator.formats.jsonfmt import manifest_path

    paths = list(paths)
    files = list(expand_paths(paths))
    manifests = {manifest_path(f) for f in files if isinstance(f, Path)
                 and f.suffix.lower() in kinds.JSONL_SUFFIXES}
    named = set(map(Path, paths))
    projects = [f for f in files if isinstance(f, Path) and f not in named
                and f.suffix.lower() in kinds.PROJECT_SUFFIXES and kinds.is_project(f)]
    beside = [c for p in projects for c in companions(p)]
    projects = [p for p in projects if not _under(p, beside)]  # a backup is not counted
    brat = _brat_companions(files, named)
    return [f for f in files if f not in manifests and f not in brat and (
        not isinstance(f, Path) or f in named or not _under(f, [*projects, *beside]))], projects


#: brat's configuration files, found beside its ``.ann`` files in a collection's folder
BRAT_CONF = frozenset({"annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf"})


def _brat_companions(files: list, named: set[Path]) -> set[Path]:
    """In folders (not files named): the ``.txt`` beside each ``.ann`` (read with it, as
    the text it annotates) and brat's configuration files in a folder of ``.ann`` files
    (the project's tagset says what tags and relations are): a brat collection, such as
    ``export --format brat`` writes, imports as its layers alone."""
    anns = [f for f in files if isinstance(f, Path) and f.suffix.lower() in kinds.BRAT_SUFFIXES]
    folders = {f.parent for f in anns}
    texts = {f.with_suffix(".txt") for f in anns}
    return {f for f in files if isinstance(f, Path) and f not in named and (
        f in texts or (f.parent in folders and f.name in BRAT_CONF))}


def _under(path: Path, places: list[Path]) -> bool:
    """Whether ``path`` is one of ``places`` or lies in one of them."""
    return any(path == p or p in path.parents for p in places)


def _skipped_line(n: int) -> str:
    what = "project file" if n == 1 else "project files"
    return (f"skipped {n} {what} (with the files beside {'it' if n == 1 else 'them'}: "
            "side files, lock, backups); bring a project's work in with `annotator merge`")


def _import_one(store: ProjectStore, path: Path, kind: str, annotator: Annotator | None) -> str:
    if kind in LAYERS:
        return _import_layer(store, path, kind, annotator)
    if kind == PROJECT:
        raise InputError(path, "this is a project file: bring its work in with `annotator "
                               "merge` (File → Merge)")
    return import_dataset(store, kinds.read_dataset(path, kind), str(path)).line()


def _import_layer(store: ProjectStore, path: Path, kind: str, annotator: Annotator | None) -> str:
    from annotator.formats.brat import read_brat
    from annotator.formats.doccano import read_doccano
    from annotator.formats.layer_relations import with_relations

    if annotator is None:
        raise InputError(path, f"a {kind} file is one annotator's work: say whose with "
                               "--annotator NAME")
    tagset = tagset_of(store)
    with limits.reading(path):
        items = read_doccano(path, tagset) if kind == DOCCANO else [read_brat(path, tagset)]
    layers = [(it.text, [(s.start, s.end, s.tag, s.attributes) for s in it.spans],
               dict(it.about)) for it in items]
    with store.transaction():
        store.add_annotator(annotator)
        layer = layer_dataset(store, annotator, layers, str(path))
        report = import_dataset(store, with_relations(layer, [it.relations for it in items]),
                                str(path), strict=False)
    warnings = [f"\n  warning: {w}" for it in items for w in it.warnings]
    return report.line() + "".join(warnings)

