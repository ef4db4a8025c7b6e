"""Our own lossless JSON format (``annotator-dataset``, version 1) and its JSON Lines layout.

One JSON file holds the tagset, the annotators and every document with its canonical text,
cleaning log, annotation spans, relations and review decisions; ``docs/json-format.md`` describes it and
``schemas/annotator-dataset.schema.json`` (draft 2020-12) is its schema. The JSON Lines
layout writes one document per line plus a small manifest (``<stem>.manifest.json``) with
everything else; it is written as a stream, so a corpus never has to fit in memory.

Offsets are code points (Python string indices), half-open; each span also carries its UTF-16
offsets and its text so that readers in other languages can check what they slice.

Readers refuse anything that does not fit (schema, then every span against its text, tags,
annotators, unique ids, ``text_sha256``) with one :class:`InputError` naming the file, the line
for JSON Lines, the JSON pointer, the document and the span. Nothing partial is returned.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, NoReturn

import jsonschema
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from annotator.core import tagset as tagsets
from annotator.core.annotation import Annotation, Annotator
from annotator.core.dataset import Dataset, DocumentData, ReviewDecision
from annotator.core.document import Document, text_sha256
from annotator.core.errors import InputError
from annotator.core.tagset import Tagset
from annotator.core.textfiles import read_text, unique_keys
from annotator.formats import json_relations, json_workflow, jsonline
from annotator.formats.canonical import unsafe_reason
from annotator.formats.jsonline import span_dict, spans_json
from annotator.ingest.limits import MAX_DEPTH, check_size, parse_json, too_deep
from annotator.ingest.tracked import LogEntry, misfit, restore
from annotator.zh import Utf16Map

FORMAT = "annotator-dataset"
MANIFEST_FORMAT = "annotator-dataset-manifest"
VERSION = 1
OFFSET_UNIT = "code_point"
SCHEMA_ID = "urn:annotator:schema:dataset:1"
_SHOW = 40  # characters of text quoted in an error message
_DEEP = f"nested too deeply (more than {MAX_DEPTH} levels)"


# --- writing ---------------------------------------------------------------------------------

def _header(ds: Dataset, fmt: str) -> dict[str, Any]:
    return {"format": fmt, "version": VERSION, "offset_unit": OFFSET_UNIT,
            "tagset": ds.tagset.to_dict(),
            "annotators": [{"id": a.id, "name": a.name, "role": a.role} for a in ds.annotators],
            **json_workflow.guidelines_json(ds)}


def document_to_json(data: DocumentData) -> dict[str, Any]:
    """One document as a JSON object (a line of the JSON Lines layout)."""
    u16 = Utf16Map(data.document.text)
    found = (data.annotations if data.span_rows is None
             else jsonline.row_annotations(data.span_rows))
    spans = [span_dict(a, data.document.text, u16) for a in found]
    return {**jsonline.document_head(data), "spans": spans, **jsonline.document_tail(data)}


def document_line(data: DocumentData) -> str:
    """:func:`document_to_json` as one compact JSON line (no newline), made without a dict
    per span (:mod:`~annotator.formats.jsonline`): the same bytes, several times faster."""
    text = data.document.text
    u16 = Utf16Map(text)
    spans = (spans_json(data.annotations, text, u16) if data.span_rows is None
             else jsonline.rows_json(data.span_rows, text, u16))
    return jsonline.document_line(jsonline.document_head(data), spans,
                                  jsonline.document_tail(data))


def dataset_to_json(ds: Dataset) -> dict[str, Any]:
    return {**_header(ds, FORMAT), "documents": [document_to_json(d) for d in ds.documents]}


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_json(ds: Dataset, fp: IO[str]) -> None:
    """Write the whole dataset as one JSON document (UTF-8, not ASCII-escaped), streamed a
    document at a time with one span per line: readable, diffable, and written by the C
    encoder (a 30,000-span document in well under 300 ms)."""
    header = _compact(_header(ds, FORMAT))
    fp.write(header[:-1] + ',\n"documents":[')
    for n, data in enumerate(ds.documents):
        fp.write(",\n" if n else "\n")
        body = document_to_json(data)
        spans = body.pop("spans")
        review = body.pop("review")
        workflow = {k: body.pop(k) for k in (json_relations.MEMBER, *json_workflow.MEMBERS) if k in body}
        fp.write(_compact(body)[:-1] + ',\n "spans":[')
        fp.write(",".join("\n  " + _compact(span) for span in spans))
        fp.write('],\n "review":[' + ",".join("\n  " + _compact(r) for r in review) + "]")
        for key, rows in workflow.items():
            fp.write(f',\n "{key}":[' + ",".join("\n  " + _compact(r) for r in rows) + "]")
        fp.write("}")
    fp.write("]}\n")


def write_jsonl(ds: Dataset, fp_docs: IO[str], fp_manifest: IO[str]) -> int:
    """Stream one document per line to ``fp_docs``, then the manifest; returns the count.

    ``ds.documents`` is iterated once and never collected, so a generator of documents is
    exported in constant memory (one document at a time)."""
    count = 0
    for data in ds.documents:
        fp_docs.write(document_line(data) + "\n")
        count += 1
    json.dump({**_header(ds, MANIFEST_FORMAT), "document_count": count}, fp_manifest,
              ensure_ascii=False, indent=1)
    fp_manifest.write("\n")
    return count


def manifest_path(path_docs: str | Path) -> Path:
    """Where the manifest of a JSON Lines file lives: ``<stem>.manifest.json`` next to it."""
    path_docs = Path(path_docs)
    return path_docs.with_name(path_docs.stem + ".manifest.json")


# --- schema ----------------------------------------------------------------------------------

def schema_path() -> Path:
    return tagsets.schema_path().with_name("annotator-dataset.schema.json")


def _strict_integers() -> Any:
    """Draft 2020-12 counts 1.0 as an integer; offsets must be real ints."""
    checker = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _c, v: isinstance(v, int) and not isinstance(v, bool))
    return jsonschema.validators.extend(jsonschema.Draft202012Validator, type_checker=checker)


@functools.cache
def _validator(part: str) -> Any:
    """A validator for the whole dataset (``part=""``) or one of its ``$defs``."""
    resources = []
    for path in (schema_path(), tagsets.schema_path()):
        schema = json.loads(path.read_text(encoding="utf-8"))
        schema.pop("$schema")  # else jsonschema switches back to its own validator class
        resources.append((schema["$id"], DRAFT202012.create_resource(schema)))
    registry: Registry = Registry().with_resources(resources)
    ref = SCHEMA_ID + (f"#/$defs/{part}" if part else "")
    return _strict_integers()({"$ref": ref}, registry=registry)


def pointer(parts: Iterable[Any]) -> str:
    """An RFC 6901 JSON pointer; the empty pointer is shown as ``(top level)``."""
    text = "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)
    return text or "(top level)"


#: a problem found in parsed data; the reader adds the file (and line)
_Problem = json_workflow.Problem


_MAX_ERRORS = 100  # schema errors looked at: a file with a million of them is not slow


def _check_schema(data: Any, part: str) -> None:
    found = list(itertools.islice(_validator(part).iter_errors(data), _MAX_ERRORS))
    errors = sorted(found, key=lambda e: [
        (0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in e.absolute_path])
    if errors:
        first = errors[0]
        message = first.message if len(first.message) <= 200 else first.message[:199] + "…"
        count = f"{len(errors) - 1}+" if len(errors) == _MAX_ERRORS else str(len(errors) - 1)
        more = f" (and {count} more problems)" if len(errors) > 1 else ""
        raise _Problem(f"{pointer(first.absolute_path)}: {message}{more}")


# --- checking what the schema cannot ---------------------------------------------------------

def _show(text: str) -> str:
    return repr(text if len(text) <= _SHOW else text[:_SHOW - 1] + "…")


def _tagset(data: dict, path: Path) -> Tagset:
    try:
        return tagsets.load_tagset_dict(data, path)
    except InputError as e:
        raise _Problem(f"/tagset/{e.reason}") from None


def _annotators(items: list[dict]) -> tuple[Annotator, ...]:
    seen: set[str] = set()
    for i, a in enumerate(items):
        if a["id"] in seen:
            raise _Problem(f"/annotators/{i}/id: duplicate annotator id '{a['id']}'")
        seen.add(a["id"])
    return tuple(Annotator(a["id"], a["name"], a["role"]) for a in items)


class _Checker:
    """Builds documents from schema-valid JSON, checking every span against its text."""

    def __init__(self, tagset: Tagset, annotators: tuple[Annotator, ...]):
        self.tagset = tagset
        self.annotators = {a.id for a in annotators}
        self.doc_ids: set[str] = set()
        self.span_ids: set[str] = set()
        self.review_ids: set[str] = set()
        self.workflow = json_workflow.Reader(self.annotators)
        self.relations = json_relations.Reader(tagset, self.annotators)

    def document(self, d: dict, ptr: str) -> DocumentData:
        doc_id, text = d["id"], d["text"]
        if doc_id in self.doc_ids:
            raise _Problem(f"{ptr}/id: duplicate document id '{doc_id}'")
        self.doc_ids.add(doc_id)
        reason = unsafe_reason(text)
        if reason:
            raise _Problem(f"{ptr}/text (document '{doc_id}'): {reason}")
        if text_sha256(text) != d["text_sha256"]:
            raise _Problem(f"{ptr}/text_sha256 (document '{doc_id}'): does not match the "
                           f"text (the text was changed or truncated)")
        if too_deep(d["metadata"]):
            raise _Problem(f"{ptr}/metadata (document '{doc_id}'): {_DEEP}")
        u16 = Utf16Map(text)
        spans = tuple(self.span(s, text, u16, doc_id, f"{ptr}/spans/{i}")
                      for i, s in enumerate(d["spans"]))
        ids = {s.id for s in spans}
        decisions = tuple(self.review(r, doc_id, ids, f"{ptr}/review/{i}")
                          for i, r in enumerate(d["review"]))
        document = Document(
            id=doc_id, title=d["title"], text=text, text_sha256=d["text_sha256"],
            source=d["source"], origin=d["origin"], date=d["date"], script=d["script"],
            languages=tuple(d["languages"]), status=d["status"],
            review_status=d["review_status"], metadata=d["metadata"],
            original=_original(text, d["cleaning"], doc_id, ptr),
            cleaning=tuple(d["cleaning"]))
        workflow = self.workflow.document(d, doc_id, len(text), ptr)
        relations = self.relations.document(d, doc_id, spans, ptr)
        return DocumentData(document, spans, decisions, **workflow, relations=relations)

    def span(self, s: dict, text: str, u16: Utf16Map, doc_id: str, ptr: str) -> Annotation:
        try:
            self._check_span(s, text, u16)
        except _Problem as e:
            raise _Problem(f"{ptr} (document '{doc_id}', span '{s['id']}'): {e}") from None
        return Annotation(s["id"], doc_id, s["start"], s["end"], s["tag"], s["annotator"],
                          s["attributes"], s["created"], s["modified"])

    def _check_span(self, s: dict, text: str, u16: Utf16Map) -> None:
        start, end = s["start"], s["end"]
        if s["id"] in self.span_ids:
            raise _Problem("duplicate span id")
        self.span_ids.add(s["id"])
        if start >= end:
            raise _Problem(f"start {start} is not before end {end} (empty or inverted span)")
        if end > len(text):
            raise _Problem(f"end {end} is past the end of the text ({len(text)} code points)")
        if text[start:end] != s["text"]:
            raise _Problem(f"text {_show(s['text'])} does not match text[{start}:{end}] "
                           f"{_show(text[start:end])}")
        for key, cp in (("start_utf16", start), ("end_utf16", end)):
            if s[key] != u16.to_utf16(cp):
                raise _Problem(f"{key} {s[key]} does not match {key[:-6]} {cp} "
                               f"(expected {u16.to_utf16(cp)})")
        try:
            self.tagset.tag(s["tag"])
        except KeyError:
            raise _Problem(f"unknown tag '{s['tag']}' (not in tagset "
                           f"'{self.tagset.id}')") from None
        if s["annotator"] not in self.annotators:
            raise _Problem(f"annotator '{s['annotator']}' is not listed in /annotators")
        if too_deep(s["attributes"]):
            raise _Problem(f"attributes: {_DEEP}")

    def review(self, r: dict, doc_id: str, spans: set[str], ptr: str) -> ReviewDecision:
        """A review decision; every span it names (``spans``: the document's) must be in
        the file."""
        where = f"{ptr} (document '{doc_id}', review '{r['id']}')"
        if r["id"] in self.review_ids:
            raise _Problem(f"{where}: duplicate review id")
        self.review_ids.add(r["id"])
        if r["reviewer"] not in self.annotators:
            raise _Problem(f"{where}: reviewer '{r['reviewer']}' is not listed in /annotators")
        for key, found in [("targets", t) for t in r["targets"]] + [("result_id", r["result_id"])]:
            if found is not None and found not in spans:
                raise _Problem(f"{where}: {key} names span '{found}', which is not a span of "
                               "this document in the file")
        return ReviewDecision(r["id"], doc_id, r["reviewer"], r["decision"],
                              tuple(r["targets"]), r["result_id"], r["note"], r["created"])


def _original(text: str, cleaning: list[dict], doc_id: str, ptr: str) -> str | None:
    """The text before cleaning, rebuilt from the log; ``None`` when nothing was cleaned."""
    if not cleaning:
        return None
    log = [LogEntry.from_dict(e) for e in cleaning]
    i = misfit(text, log)
    if i is not None:
        raise _Problem(f"{ptr}/cleaning/{i} (document '{doc_id}'): cleaning step does not fit "
                       "the text")
    return restore(text, log)


# --- reading ---------------------------------------------------------------------------------

def _no_constants(name: str) -> NoReturn:
    raise _Problem(f"invalid JSON: {name} is not a number")


def _loads(text: str, one_line: bool = False) -> Any:
    try:
        return parse_json(text, None, object_pairs_hook=unique_keys,
                          parse_constant=_no_constants)
    except json.JSONDecodeError as e:
        where = f"column {e.colno}" if one_line else f"line {e.lineno}, column {e.colno}"
        raise _Problem(f"invalid JSON at {where}: {e.msg} (truncated or damaged?)") from None
    except InputError as e:  # too dense, too deep, half a surrogate pair
        raise _Problem(e.reason) from None
    except ValueError as e:  # a repeated key
        raise _Problem(f"invalid JSON: {e}") from None


def _header_parts(data: Any, path: Path, part: str) -> tuple[Tagset, tuple[Annotator, ...]]:
    _check_schema(data, part)
    return _tagset(data["tagset"], path), _annotators(data["annotators"])


def read_json(path: str | Path) -> Dataset:
    """Read and check a dataset written by :func:`write_json`."""
    path = Path(path)
    check_size(path)
    text = read_text(path)
    try:
        data = _loads(text)
        tagset, annotators = _header_parts(data, path, "")
        checker = _Checker(tagset, annotators)
        docs = tuple(checker.document(d, f"/documents/{i}")
                     for i, d in enumerate(data["documents"]))
        guidelines = json_workflow.read_guidelines(data)
    except _Problem as e:
        raise InputError(path, str(e)) from None
    return Dataset(tagset, annotators, docs, guidelines)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="\n") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    yield n, line
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except UnicodeDecodeError as e:
        raise InputError(path, f"not UTF-8 text (byte offset {e.start} of a line)") from None
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror or e}") from None


def read_jsonl(path_docs: str | Path, path_manifest: str | Path | None = None) -> Dataset:
    """Read and check the JSON Lines layout; the manifest defaults to ``<stem>.manifest.json``
    next to ``path_docs``."""
    path_docs = Path(path_docs)
    mpath = Path(path_manifest) if path_manifest is not None else manifest_path(path_docs)
    if not mpath.exists():
        raise InputError(path_docs, f"manifest not found (expected {mpath})")
    check_size(path_docs)
    check_size(mpath)
    try:
        manifest = _loads(read_text(mpath))
        tagset, annotators = _header_parts(manifest, mpath, "manifest")
        guidelines = json_workflow.read_guidelines(manifest)
    except _Problem as e:
        raise InputError(mpath, str(e)) from None
    checker, docs, n = _Checker(tagset, annotators), [], 0
    for n, line in _lines(path_docs):
        try:
            data = _loads(line, one_line=True)
            _check_schema(data, "document")
            docs.append(checker.document(data, ""))
        except _Problem as e:
            raise InputError(path_docs, str(e), line=n) from None
    if len(docs) != manifest["document_count"]:
        raise InputError(path_docs, f"{len(docs)} documents, but the manifest lists "
                                    f"{manifest['document_count']} (truncated file?)",
                         line=n or None)
    return Dataset(tagset, annotators, tuple(docs), guidelines)
