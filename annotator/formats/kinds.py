"""What a file is: one table of file names and one detector, for import, merge and drag and
drop (and the window's file dialogs).

A file's kind is told by its content where its name cannot tell:

- a project file (SQLite) named ``.annotator`` or ``.db``: ``project`` (merged, not imported);
- ``.json`` with ``"format": "annotator-dataset"`` at its head: our JSON ``dataset``; other
  JSON: ``text`` records;
- ``.jsonl``/``.ndjson`` with a ``<stem>.manifest.json`` beside it, or whose first line is
  one of our documents: our ``jsonl``; first line with ``label``, ``labels`` or ``entities``:
  ``doccano``; other lines: ``text`` records;
- ``.xml``: our stand-off ``tei``;
- ``.ann`` (with its ``.txt``): ``brat``;
- anything else (texts, web pages, folders): ``text``, cleaned on import.

Every file is checked against the import limits (:mod:`annotator.ingest.limits`: a regular
file of at most ``MAX_BYTES``) before anything reads it, even to tell its kind, and our own
formats are read (:func:`read_dataset`) within those limits wherever they come in.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotator.core.dataset import Dataset
from annotator.core.errors import InputError
from annotator.ingest import limits
from annotator.resources import PROJECT_SUFFIX

PROJECT, DATASET, JSONL, TEI, DOCCANO, BRAT, TEXT = (
    "project", "dataset", "jsonl", "tei", "doccano", "brat", "text")
#: kinds that hold one annotator's spans from another tool (``--annotator`` says whose)
LAYERS = (DOCCANO, BRAT)
#: our own lossless formats, as :func:`read_dataset` reads them
DATASETS = (DATASET, JSONL, TEI)

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEI_SUFFIXES = frozenset({".xml"})
BRAT_SUFFIXES = frozenset({".ann"})
PROJECT_SUFFIXES = frozenset({PROJECT_SUFFIX, ".db"})
#: JSON and JSON Lines: datasets, doccano layers or text records, told by their content
RECORD_SUFFIXES = JSON_SUFFIXES | JSONL_SUFFIXES
#: what the text importer (:mod:`annotator.ingest.importer`) reads as documents
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
#: what ``annotator import`` (File → Import, a drop) takes
IMPORT_SUFFIXES = DOCUMENT_SUFFIXES | TEI_SUFFIXES | BRAT_SUFFIXES
#: what ``annotator merge`` (File → Merge) takes: projects and our own exports
MERGE_SUFFIXES = PROJECT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | TEI_SUFFIXES

#: the fields in which a doccano line holds its spans (exactly one of them)
DOCCANO_FIELDS = ("label", "labels", "entities")
#: fields that carry spans, in any JSON record: an importer takes them as spans or refuses
#: the record, never drops them (a text record, whose text is cleaned, refuses them all)
SPAN_FIELDS = ("annotations", "entities", "spans", "label", "labels", "start", "end",
               "start_offset", "end_offset")

_SQLITE_MAGIC = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database


def patterns(suffixes: Iterable[str]) -> str:
    """``*.ann *.htm …`` for a file dialog's filter."""
    return " ".join(f"*{s}" for s in sorted(suffixes))


def is_project(path: Path) -> bool:
    """Whether ``path`` is an SQLite database (a project file, whatever its name)."""
    try:
        with open(path, "rb") as f:
            return f.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False


def kind_of(path: Path) -> str:
    """The kind of the file or folder at ``path`` (a folder is ``text``: its files are
    told one by one); a file is checked against the import limits first."""
    if path.is_dir():
        return TEXT
    limits.check_size(path)  # before anything reads it, even to tell its kind
    suffix = path.suffix.lower()
    if suffix in PROJECT_SUFFIXES and is_project(path):
        return PROJECT
    if suffix in TEI_SUFFIXES:
        return TEI
    if suffix in BRAT_SUFFIXES:
        return BRAT
    if suffix in JSON_SUFFIXES:
        return DATASET if _head_says_dataset(path) else TEXT
    if suffix in JSONL_SUFFIXES:
        from annotator.formats.jsonfmt import manifest_path

        if manifest_path(path).exists() or _first_line_is_dataset(path):
            return JSONL  # our own export: without its manifest it is refused, not guessed
        return DOCCANO if _first_line_is_doccano(path) else TEXT
    return TEXT


def _head_says_dataset(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as f:
            head = f.read(4096)
    except OSError:
        return False
    return '"annotator-dataset"' in head


def _first_record(path: Path) -> dict:
    """The first line as a JSON object (``{}`` if it is none); a line too dense to be a
    document is not parsed (the importer then refuses the file)."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as f:
            line = next((ln for ln in f if ln.strip()), "")
        record = limits.parse_json(line, path)
    except (OSError, ValueError, InputError):
        return {}
    return record if isinstance(record, dict) else {}


def _first_line_is_doccano(path: Path) -> bool:
    return any(k in _first_record(path) for k in DOCCANO_FIELDS)


def _first_line_is_dataset(path: Path) -> bool:
    return {"text_sha256", "spans"} <= set(_first_record(path))


def read_dataset(path: Path, kind: str) -> Dataset:
    """One of our own exports (``kind`` in :data:`DATASETS`), read and checked whole within
    the import limits; :class:`InputError` names the file and the problem."""
    from annotator.formats import jsonfmt, tei

    with limits.reading(path):
        if kind == DATASET:
            return jsonfmt.read_json(path)
        if kind == JSONL:
            return jsonfmt.read_jsonl(path)
        if kind == TEI:
            return tei.read_standoff(limits.read_bytes(path), str(path))
    raise ValueError(f"{kind} is not one of our dataset formats")
