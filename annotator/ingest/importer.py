"""Turn files into documents: decode, extract, clean, detect script, read metadata.

Nothing here touches a project; :func:`annotator.project.import_paths` stores the result.
A file that cannot be used raises :class:`InputError` naming the file and the reason; a
folder yields one result per file so the rest of a batch still imports. Limits (size,
markup, nesting) are checked before parsing (:mod:`annotator.ingest.limits`); a text or page
that is really one of our import formats (JSON, JSON Lines, TEI) is refused with the name it
needs, and a record's text may not hold NUL characters (a text file with them is binary).
A record (or a file) carrying spans (:data:`SPAN_FIELDS`) is refused, never imported
without them.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from annotator import zh
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.errors import InputError
from annotator.formats.kinds import (
    DOCUMENT_SUFFIXES,
    HTML_SUFFIXES,
    IMPORT_SUFFIXES,
    RECORD_SUFFIXES,
    SPAN_FIELDS,
)
from annotator.ingest import html as html_extract
from annotator.ingest import limits, noise, parallel
from annotator.ingest.clean import clean
from annotator.ingest.decode import decode_bytes
from annotator.ingest.known import Imported, Lookup, already_imported, file_key
from annotator.ingest.limits import MAX_BYTES as MAX_BYTES  # the import limit
from annotator.ingest.metadata import extract, short_title
from annotator.ingest.rules import RULE_NAMES

_SPANS_GO = ("which a text record cannot take (its text is cleaned, so offsets would not fit): "
             "bring spans in as doccano JSONL with --annotator NAME, or as an annotator dataset")
_JSON_START = re.compile(r"\s*(\{\s*\"|\[\s*[{\[\"])")
_TEI_ROOT = re.compile(r"<(TEI|teiCorpus)[\s>/]")


def build_document(original: str, origin: str, rules: Iterable[str] | None,
                   hints: dict | None = None, **stored) -> Document:
    """Clean ``original`` and make a :class:`Document`; ``hints`` (e.g. an HTML title) win
    over what is read from the text; ``stored`` fills raw/encoding. The metadata is read
    as every rule cleans the text, whichever rules clean the document's text: switching a
    rule off keeps what it removes, it does not hide what the text says."""
    cleaned = clean(original, rules)
    if not cleaned.text.strip():
        raise InputError(origin, "no text left after cleaning")
    every = cleaned if set(cleaned.rules) == set(RULE_NAMES) else clean(original)
    found = extract(every.text, every.log)
    found.update({k: v for k, v in (hints or {}).items() if v})
    runs = zh.paragraph_languages(cleaned.text)
    script, languages = zh.document_languages(runs)
    title = short_title(found.pop("title", None) or Path(origin).stem)
    metadata = {**found, "cleaning_rules": list(cleaned.rules),
                "paragraphs": [list(r) for r in runs]}
    return Document(
        id=document_id(cleaned.text), title=title, text=cleaned.text,
        text_sha256=text_sha256(cleaned.text), source=metadata.pop("source", None),
        origin=origin, date=metadata.pop("date", None), script=script,
        languages=tuple(languages), metadata=metadata, original=original,
        cleaning=tuple(e.to_dict() for e in cleaned.log), **stored,
    )


def read_bytes(path: Path) -> bytes:
    """The file's bytes; a file over :data:`MAX_BYTES` is refused before it is read."""
    return limits.read_bytes(path)


def _misnamed(text: str) -> str | None:
    """What a file named as a text or web page really is, when it is one of our import
    formats (which would otherwise be imported as one long garbled document)."""
    head = text[:4096].lstrip("\ufeff")
    if head.lstrip().startswith("<") and _TEI_ROOT.search(head):
        return "this is TEI XML, not a text: name it .xml to import it"
    if not _JSON_START.match(head):
        return None
    if '"annotator-dataset"' in head:
        return "this is an annotator dataset (JSON), not a text: name it .json to import it"
    first = head.split("\n", 1)[0]
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return "this is JSON, not a text: name it .json to import it"
    return "this is JSON Lines, not a text: name it .jsonl to import it"


def documents_from_file(path: Path, rules: Iterable[str] | None = None) -> list[Document]:
    suffix = path.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:  # the one table of file names: formats.kinds
        raise InputError(path, f"unsupported file type '{suffix or path.name}' "
                               f"(supported: {', '.join(sorted(IMPORT_SUFFIXES))})")
    data = read_bytes(path)
    decoded = decode_bytes(data, str(path))
    if suffix in RECORD_SUFFIXES:
        return list(_records(path, decoded.text, rules))
    misnamed = _misnamed(decoded.text)
    if misnamed:
        raise InputError(path, misnamed)
    key = file_key(data, rules)
    if suffix in HTML_SUFFIXES or html_extract.looks_like_html(decoded.text[:2000]):
        return [replace(_from_html(path, decoded.text, decoded.encoding, rules), file_key=key)]
    return [build_document(decoded.text, str(path), rules, encoding=decoded.encoding,
                           file_key=key)]


def _from_html(path: Path, source: str, encoding: str, rules) -> Document:
    article = html_extract.extract_html(source, str(path))
    if noise.menu_only(article.paragraphs):
        sample = " ".join(article.paragraphs)
        raise InputError(path, "no article text found in HTML, only menu items and labels ("
                               f"{sample[:40]}{'…' if len(sample) > 40 else ''})")
    hints = {"title": article.title, "date": article.date, "source": article.source}
    doc = build_document("\n".join(article.paragraphs), str(path), rules, hints,
                         raw=source, encoding=encoding)
    removed = [{"reason": r, "text": t} for r, t in article.removed]
    return replace(doc, metadata={**doc.metadata, "html_removed": removed})


def _records(path: Path, text: str, rules) -> Iterator[Document]:
    for where, record in _parse_records(path, text):
        if isinstance(record, dict) and str(record.get("format", "")).startswith(
                "annotator-dataset"):
            raise InputError(path, f"{where}: this is an annotator dataset, not text records: "
                                   "name it .json (a JSON Lines export needs its manifest)")
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(path, f"{where}: each record needs a \"text\" string")
        if spans := [k for k in SPAN_FIELDS if k in record]:
            raise InputError(path, f"{where}: carries span data ({', '.join(spans)}), "
                                   + _SPANS_GO)
        if "\x00" in record["text"]:
            raise InputError(path, f"{where}: the text holds NUL characters (binary data?)")
        if limits.too_deep(record):
            raise InputError(path, f"{where}: nested too deeply (more than "
                                   f"{limits.MAX_DEPTH} levels)")
        hints = {k: record.get(k) for k in ("title", "date", "source") if
                 isinstance(record.get(k), str)}
        origin = f"{path}#{where}"
        doc = build_document(record["text"], origin, rules, hints)
        extra = {k: v for k, v in record.items() if k not in ("text", "title", "date", "source")}
        yield replace(doc, metadata={**doc.metadata, **({"record": extra} if extra else {})})


def _parse_records(path: Path, text: str) -> Iterator[tuple[str, object]]:
    if path.suffix.lower() != ".json":
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield f"line {n}", _loads(path, line, n)
        return
    data = _loads(path, text, None)
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        _nothing_else(path, data)
        data = data["documents"]
    if not isinstance(data, list):
        raise InputError(path, "expected a JSON list of {\"title\", \"text\", ...} records")
    for i, record in enumerate(data):
        yield f"record {i}", record


def _nothing_else(path: Path, data: dict) -> None:
    """``{"documents": [...]}`` holds nothing else: another field would not be read."""
    extra = sorted(k for k in data if k != "documents")
    if spans := [k for k in extra if k in SPAN_FIELDS]:
        raise InputError(path, f"top level: carries span data ({', '.join(spans)}), "
                               + _SPANS_GO)
    if extra:
        raise InputError(path, f"top level: fields besides \"documents\" would not be read "
                               f"({', '.join(extra)})")


def _loads(path: Path, text: str, line: int | None):
    try:
        return limits.parse_json(text, path, line)
    except json.JSONDecodeError as e:
        at = f"line {line}" if line else f"line {e.lineno} column {e.colno}"
        raise InputError(path, f"invalid JSON at {at}: {e.msg}") from None


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files named, and files under folders named (recursively, sorted, hidden ones skipped).
    A link under a folder is followed only while it stays inside: one that leads out of the
    folder (to a file or a folder) comes as an :class:`InputError` saying so, in its place."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from _folder_files(p)
        else:
            yield p


def _folder_files(folder: Path) -> Iterator[Path | InputError]:
    inside = os.path.join(os.path.realpath(folder), "")
    for root, dirs, files in os.walk(folder):  # links to folders are listed, not entered
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        linked = [d for d in dirs if os.path.islink(os.path.join(root, d))]
        for name in sorted(f for f in files if not f.startswith(".")) + linked:
            path = Path(root) / name
            if not os.path.islink(path):
                yield path
                continue
            target = os.path.realpath(path)
            if not target.startswith(inside):
                yield InputError(path, f"a link to {target}, outside {folder}: not followed")
            elif name not in linked:  # a folder linked inside: its files are read from there
                yield path


def read_paths(paths: Iterable[str | Path], rules: Iterable[str] | None = None,
               processes: bool = True, known: Lookup | None = None
               ) -> Iterator[list[Document] | InputError | Imported]:
    """The documents of each file, one list per file in order; a bad file yields its
    :class:`InputError` instead, so the caller can go on with the rest. Many files are read
    in a helper process while the caller works on what it got (unless ``processes`` is
    false; :mod:`annotator.ingest.parallel`): the results are the same. ``known`` (the
    project's lookup of file keys): a file whose document is stored already yields
    :class:`Imported`, unread (:mod:`annotator.ingest.known`)."""
    rules = None if rules is None else tuple(rules)
    found = list(expand_paths(paths))
    step = KNOWN_STEP if known else max(len(found), 1)  # keys looked up a step at a time,
    for start in range(0, len(found), step):  # so that progress starts at once
        yield from _read_some(found[start:start + step], rules, processes, known)


#: files whose keys are looked up at a time (then the unknown ones are read)
KNOWN_STEP = 5000


def _read_some(found: list[Path | InputError], rules: tuple[str, ...] | None,
               processes: bool, known: Lookup | None
               ) -> Iterator[list[Document] | InputError | Imported]:
    files = [f for f in found if isinstance(f, Path)]
    skipped = already_imported(files, rules, known) if known else {}
    files = [f for f in files if f not in skipped]
    if processes and parallel.available(len(files)):
        results = parallel.read_files(files, read_file, rules)
    else:
        results = (read_file(path, rules) for path in files)
    try:
        for item in found:
            yield item if isinstance(item, InputError) else skipped.get(item) or next(results)
    finally:
        results.close()  # a caller that stops early stops the reader too


def read_file(path: Path, rules: tuple[str, ...] | None = None) -> list[Document] | InputError:
    """The documents of one file, or why it cannot be used."""
    try:
        if not path.exists():
            raise InputError(path, "no such file or folder")
        with limits.reading(path):
            return documents_from_file(path, rules)
    except InputError as e:
        return e
