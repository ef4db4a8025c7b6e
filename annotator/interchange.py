"""``annotator import``: tell what a file is by its content and bring it in.

- ``.json`` with ``"format": "annotator-dataset"``: our JSON; other JSON: text records.
- ``.jsonl`` with a ``<stem>.manifest.json`` beside it: our JSONL; lines with ``label``,
  ``labels`` or ``entities``: doccano; other lines: text records.
- ``.xml``: our stand-off TEI.
- ``.ann`` (with its ``.txt``): brat.
- anything else (text, HTML, folders): documents, cleaned (see :mod:`annotator.project`).

Every file is checked against the import limits (:mod:`annotator.ingest.limits`: a regular
file of at most ``MAX_BYTES``) before anything reads it, even to tell its kind. Datasets and
layers go in one transaction per file; a bad file changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.annotation import Annotator
from annotator.core.errors import InputError
from annotator.ingest import limits
from annotator.ingest.importer import expand_paths
from annotator.project import import_paths
from annotator.transfer import import_dataset, layer_dataset

DATASET, JSONL, TEI, DOCCANO, BRAT, TEXT = "dataset", "jsonl", "tei", "doccano", "brat", "text"


@dataclass
class ImportOutcome:
    lines: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    documents: int = 0  # text documents added
    done: int = 0  # files imported or refused
    total: int = 0  # files found
    cancelled: bool = False  # stopped between files: the rest were not imported


def needs_annotator(paths: Iterable[Path]) -> bool:
    """Whether any of ``paths`` is another tool's layer (doccano, brat)."""
    return any(p.exists() and kind_of(p) in (DOCCANO, BRAT) for p in paths)


def kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if path.is_dir():
        return TEXT
    if suffix == ".xml":
        return TEI
    if suffix == ".ann":
        return BRAT
    if suffix == ".json":
        return DATASET if _head_says_dataset(path) else TEXT
    if suffix in (".jsonl", ".ndjson"):
        from annotator.formats.jsonfmt import manifest_path

        if manifest_path(path).exists() or _first_line_is_dataset(path):
            return JSONL  # our own export: without its manifest it is refused, not guessed
        return DOCCANO if _first_line_is_doccano(path) else TEXT
    return TEXT


def _head_says_dataset(path: Path) -> bool:
    try:
        limits.check_size(path)
        with path.open(encoding="utf-8-sig", errors="replace") as f:
            head = f.read(4096)
    except (OSError, InputError):
        return False
    return '"annotator-dataset"' in head


def _first_record(path: Path) -> dict:
    """The first line as a JSON object (``{}`` if it is none); a line too dense to be a
    document is not parsed (the importer then refuses the file)."""
    try:
        limits.check_size(path)
        with path.open(encoding="utf-8-sig", errors="replace") as f:
            line = next((ln for ln in f if ln.strip()), "")
        record = limits.parse_json(line, path)
    except (OSError, ValueError, InputError):
        return {}
    return record if isinstance(record, dict) else {}


def _first_line_is_doccano(path: Path) -> bool:
    return any(k in _first_record(path) for k in ("label", "labels", "entities"))


def _first_line_is_dataset(path: Path) -> bool:
    return {"text_sha256", "spans"} <= set(_first_record(path))


def import_files(store, paths: Iterable[Path], annotator: Annotator | None = None,
                 rules: Iterable[str] | None = None,
                 progress: Callable[[int, int, int], None] | None = None,
                 cancelled: Callable[[], bool] = lambda: False,
                 verbose: bool = False) -> ImportOutcome:
    """Import every path by its kind; one file's failure does not stop the others.
    ``progress(done, total, documents)`` follows each file (datasets first, then texts);
    ``cancelled()`` is asked between files: each file is all-or-nothing, and the text files
    read so far are kept, whole (see :func:`annotator.project.import_paths`). Many text
    documents are counted, not listed, in the lines unless ``verbose``."""
    found = _expand(paths)
    outcome = ImportOutcome(total=len(found))
    step = progress or (lambda *_: None)
    texts: list[Path] = []
    for path in found:
        if cancelled():
            outcome.cancelled = True
            break
        try:
            if isinstance(path, InputError):  # a link out of a folder, not followed
                raise path
            kind = _kind(path)
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
    if not path.exists():
        return TEXT  # reported by import_paths
    limits.check_size(path)  # before anything reads it to tell its kind
    return kind_of(path)


def _import_texts(store, texts: list[Path], rules, annotator: Annotator | None,
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


def _expand(paths: Iterable[Path]) -> list[Path | InputError]:
    """Files named and files in folders named, each to be told by its content; a JSONL
    export's manifest is read with its JSONL, not on its own."""
    from annotator.formats.jsonfmt import manifest_path

    files = list(expand_paths(paths))
    manifests = {manifest_path(f) for f in files if isinstance(f, Path)
                 and f.suffix.lower() in (".jsonl", ".ndjson")}
    return [f for f in files if f not in manifests]


def _import_one(store, path: Path, kind: str, annotator: Annotator | None) -> str:
    from annotator.formats import jsonfmt, tei

    if kind in (DOCCANO, BRAT):
        return _import_layer(store, path, kind, annotator)
    with limits.reading(path):
        if kind == DATASET:
            ds = jsonfmt.read_json(path)
        elif kind == JSONL:
            ds = jsonfmt.read_jsonl(path)
        else:
            ds = tei.read_standoff(_read_bytes(path), str(path))
    return import_dataset(store, ds, str(path)).line()


def _import_layer(store, path: Path, kind: str, annotator: Annotator | None) -> str:
    from annotator.formats.brat import read_brat
    from annotator.formats.doccano import read_doccano

    if annotator is None:
        raise InputError(path, f"a {kind} file is one annotator's work: say whose with "
                               "--annotator NAME")
    tagset = store.tagset()
    with limits.reading(path):
        items = read_doccano(path, tagset) if kind == DOCCANO else [read_brat(path, tagset)]
    layers = [(it.text, [(s.start, s.end, s.tag, s.attributes) for s in it.spans])
              for it in items]
    with store.transaction():
        store.add_annotator(annotator)
        report = import_dataset(store, layer_dataset(store, annotator, layers, str(path)),
                                str(path), strict=False)
    warnings = [f"\n  warning: {w}" for it in items for w in it.warnings]
    return report.line() + "".join(warnings)


def _read_bytes(path: Path) -> bytes:
    return limits.read_bytes(path)
