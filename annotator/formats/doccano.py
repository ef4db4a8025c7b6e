"""doccano sequence-labelling JSONL with relations: export, and import as one annotator's layer.

Offsets: doccano stores ``start_offset``/``end_offset`` (and ``[start, end, label]``
triples) as **Python character offsets, i.e. Unicode code points**, half-open — the same
unit as our documents, so no conversion is needed (UTF-16 readers must convert astral
characters such as 𠮷 or 😀 themselves).

Export writes one line per document in doccano's relation-extraction form (what doccano
exports from a sequence-labelling project with relations, and imports into one)::

    {"id": "578b7c69f7383599", "text": "…",
     "entities": [{"id": 1, "label": "actor.igo", "start_offset": 12, "end_offset": 18}, ...],
     "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "uses"}, ...],
     "meta": {"title": …, "source": …, "date": …, "text_sha256": …, "annotators": [...]}}

Entity and relation ids are numbers within the line (doccano's own ids are numbers); a
relation's ``from_id`` is its ``from`` end, also for an undirected type.

Import accepts the ``label`` and ``labels`` triples and doccano's ``entities`` form
(``{"entities": [{"id", "start_offset", "end_offset", "label"}], "relations": [{"id",
"from_id", "to_id", "type"}]}``; ``data`` instead of ``text`` as in old doccano versions; a
line holding two different texts in both is refused); a line holds its spans in one of
these, and a line with spans anywhere else (``spans``, ``annotations``, offsets at the top
level, or two of these) is refused. Relations are read with entities (whose ids they name;
:mod:`annotator.formats.layer_relations` checks them: a relation naming an entity the line
does not hold, joining an entity to itself, of a type the tagset does not have, between
tags its type does not allow, twice, or closing a cycle its type forbids refuses the file).
A text the project does not hold becomes a document named by ``meta``'s title (with its
source and date), as our export writes them, else by its first line. Other fields with
something in them (comments, a ``meta`` holding more than the document's title, source,
date, sha256 and annotators that our export writes in it …) are not read, and a warning
names them and their lines. Every line is checked (JSON, text, offsets in range, not empty
or inverted, known tag, no id twice, a text canonical text may hold); the first problem
refuses the whole file with an :class:`InputError` naming the file and line. The result is
a list of :class:`ImportedText`, which :func:`annotator.transfer.layer_dataset` turns into
one annotator's layer (matched to stored documents by text).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any, NamedTuple

from annotator.core.annotation import Annotation
from annotator.core.dataset import Dataset
from annotator.core.document import Document
from annotator.core.errors import InputError
from annotator.core.relations import Relation
from annotator.core.tagset import Tagset
from annotator.formats.canonical import unsafe_reason
from annotator.formats.kinds import DOCCANO_FIELDS, SPAN_FIELDS
from annotator.formats.layer_relations import (
    ImportedRelation,
    LayerRelationError,
    check_layer_relations,
)
from annotator.ingest.limits import check_size, parse_json


class ImportedSpan(NamedTuple):
    start: int
    end: int
    tag: str
    attributes: dict = {}  # noqa: RUF012 (shared default, never mutated)


@dataclass(frozen=True)
class ImportedText:
    """A text from another tool with its spans (code points, half-open)."""

    text: str
    spans: tuple[ImportedSpan, ...]
    ref: str | None = None  # the other tool's id or file name
    line: int | None = None  # where it was in the file
    warnings: tuple[str, ...] = ()
    #: what the record says of its text (title, source, date: doccano's ``meta``, as our
    #: export writes it), for a document the import makes of it
    about: tuple[tuple[str, str], ...] = ()
    #: relations between ``spans`` (indexes into them)
    relations: tuple[ImportedRelation, ...] = ()


# --- export ----------------------------------------------------------------------------------

def doccano_record(doc: Document, annotations: Iterable[Annotation],
                   relations: Iterable[Relation] = ()) -> dict[str, Any]:
    """One line: the text, its spans as ``entities`` and the relations between them
    (a relation whose ends are not both among the spans is not written)."""
    spans = sorted(annotations, key=lambda a: (a.start, a.end, a.tag, a.id))
    number = {a.id: k for k, a in enumerate(spans, 1)}
    links = sorted((r for r in relations if r.source in number and r.target in number),
                   key=lambda r: (number[r.source], number[r.target], r.type, r.id))
    meta = {"title": doc.title, "source": doc.source, "date": doc.date,
            "text_sha256": doc.text_sha256,
            "annotators": sorted({a.annotator for a in spans})}
    return {"id": doc.id, "text": doc.text,
            "entities": [{"id": number[a.id], "label": a.tag, "start_offset": a.start,
                          "end_offset": a.end} for a in spans],
            "relations": [{"id": k, "from_id": number[r.source], "to_id": number[r.target],
                           "type": r.type} for k, r in enumerate(links, 1)],
            "meta": meta}


def write_doccano(ds: Dataset, fp: IO[str]) -> int:
    """Write one doccano line per document (streamed); returns the number of documents.
    All annotations of ``ds`` are written: use :func:`annotator.formats.select.select` to
    choose an annotator's layer or the gold layer first."""
    count = 0
    for data in ds.documents:
        record = doccano_record(data.document, data.annotations, data.relations)
        fp.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


# --- import ----------------------------------------------------------------------------------

class _Bad(Exception):
    pass


def _triples(record: dict) -> tuple[list[Any], list[Any] | None]:
    """The spans as ``[start, end, label]`` items, and (in the ``entities`` form) the
    entities' ids (``None`` where an entity has none)."""
    given = [k for k in SPAN_FIELDS if k in record]
    if len(given) > 1 or (given and given[0] not in DOCCANO_FIELDS):
        raise _Bad(f"spans in {', '.join(given)}: a line holds its spans in one of "
                   f"{', '.join(DOCCANO_FIELDS)}")
    if "entities" in record:
        ents = record["entities"]
        if not isinstance(ents, list) or not all(isinstance(e, dict) for e in ents):
            raise _Bad('"entities" must be a list of objects')
        try:
            return ([[e["start_offset"], e["end_offset"], e["label"]] for e in ents],
                    [e.get("id") for e in ents])
        except KeyError as e:
            raise _Bad(f"an entity has no {e.args[0]!r}") from None
    key = "label" if "label" in record else "labels"
    items = record.get(key, [])
    if not isinstance(items, list):
        raise _Bad(f'"{key}" must be a list of [start, end, label]')
    if any(isinstance(t, str) for t in items):
        raise _Bad(f'"{key}" holds text-classification labels, not spans')
    return items, None


def _is_id(value: Any) -> bool:
    """doccano's ids are numbers (ours too); a string is taken as well (not a boolean)."""
    return isinstance(value, int | str) and not isinstance(value, bool)


def _spans(record: dict, text: str, tagset: Tagset
           ) -> tuple[list[ImportedSpan], dict[Any, int] | None]:
    """The line's spans (a span given twice kept once: doccano can repeat one), and each
    entity id's span (an index into them; ``None`` outside the ``entities`` form)."""
    items, ids = _triples(record)
    spans: list[ImportedSpan] = []
    where: dict[tuple[int, int, str], int] = {}
    index = []
    for k, item in enumerate(items):
        span = _span(item, len(text), tagset, k)
        index.append(where.setdefault((span.start, span.end, span.tag), len(spans)))
        if index[-1] == len(spans):
            spans.append(span)
    if ids is None:
        return spans, None
    by_id: dict[Any, int] = {}
    for k, (eid, n) in enumerate(zip(ids, index, strict=True)):
        if eid is None:
            continue
        if not _is_id(eid):
            raise _Bad(f"span {k}: id must be a number, got {json.dumps(eid)[:40]}")
        if eid in by_id:
            raise _Bad(f"span {k}: entity id {json.dumps(eid)} given twice")
        by_id[eid] = n
    return spans, by_id


def _relation(r: Any, k: int, by_id: dict[Any, int]) -> ImportedRelation:
    if not isinstance(r, dict):
        raise _Bad(f"relation {k}: expected an object with from_id, to_id and type")
    ref = str(r["id"]) if _is_id(r.get("id")) else str(k)
    for key in ("from_id", "to_id", "type"):
        if key not in r:
            raise _Bad(f"relation {ref}: no {key!r}")
    if not isinstance(r["type"], str):
        raise _Bad(f"relation {ref}: type must be a string, got {json.dumps(r['type'])[:40]}")
    ends = []
    for key in ("from_id", "to_id"):
        if not _is_id(r[key]) or r[key] not in by_id:
            raise _Bad(f"relation {ref}: {key} {json.dumps(r[key])[:40]} is not an entity "
                       "of this line")
        ends.append(by_id[r[key]])
    return ImportedRelation(ends[0], ends[1], r["type"], ref)


def _relations(record: dict, spans: list[ImportedSpan], by_id: dict[Any, int] | None,
               tagset: Tagset) -> tuple[ImportedRelation, ...]:
    """The line's relations, checked (:func:`check_layer_relations`)."""
    links = record.get("relations")
    if links in (None, []):
        return ()
    if not isinstance(links, list):
        raise _Bad('"relations" must be a list of objects')
    if by_id is None:
        raise _Bad('relations name their ends by entity id: a line with relations holds '
                   'its spans in "entities"')
    out = tuple(_relation(r, k, by_id) for k, r in enumerate(links))
    try:
        check_layer_relations(tagset, spans, out)
    except LayerRelationError as e:
        raise _Bad(str(e)) from None
    return out


def _span(item: Any, n_chars: int, tagset: Tagset, k: int) -> ImportedSpan:
    if not (isinstance(item, list | tuple) and len(item) == 3):
        raise _Bad(f"span {k}: expected [start, end, label], got {json.dumps(item)[:60]}")
    start, end, tag = item
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise _Bad(f"span {k}: offsets must be integers, got {start!r}, {end!r}")
    if start < 0 or end > n_chars:
        raise _Bad(f"span {k} [{start}, {end}]: out of range (text has {n_chars} characters)")
    if start >= end:
        raise _Bad(f"span {k} [{start}, {end}]: empty or inverted")
    if not isinstance(tag, str):
        raise _Bad(f"span {k}: label must be a string, got {tag!r}")
    try:
        tagset.tag(tag)
    except KeyError:
        raise _Bad(f"span {k} [{start}, {end}]: unknown tag '{tag}' (not in tagset "
                   f"'{tagset.id}')") from None
    return ImportedSpan(start, end, tag)


def _record(line: str, tagset: Tagset) -> tuple[ImportedText, list[str]]:
    """The line's text and spans, and the fields it holds that are not read."""
    try:
        record = parse_json(line, None)
    except json.JSONDecodeError as e:
        raise _Bad(f"invalid JSON at column {e.colno}: {e.msg}") from None
    except InputError as e:  # too dense, too deep, half a surrogate pair
        raise _Bad(e.reason) from None
    if not isinstance(record, dict):
        raise _Bad("each line must be a JSON object")
    text = record.get("text", record.get("data"))
    if not isinstance(text, str) or not text:
        raise _Bad('each line needs a non-empty "text" string')
    if "text" in record and record.get("data") not in (None, "", text):
        raise _Bad('two texts: "text" and "data" (old doccano\'s name for it) differ; a line '
                   "holds one")
    reason = unsafe_reason(text)
    if reason:
        raise _Bad(reason)
    spans, by_id = _spans(record, text, tagset)
    relations = _relations(record, spans, by_id, tagset)
    ref = record.get("id")
    unread = [k for k, v in record.items() if k not in _READ and v not in ([], {}, None, "")]
    meta = record.get("meta")
    if meta not in ({}, None) and not (isinstance(meta, dict) and set(meta) <= _OUR_META):
        unread.append("meta")
    about = tuple((k, v.strip()) for k in _ABOUT if isinstance(meta, dict)
                  and isinstance(v := meta.get(k), str) and v.strip())
    return ImportedText(text, tuple(spans), None if ref is None else str(ref), about=about,
                        relations=relations), unread


#: the fields a line is read for; ``meta`` is doccano's note on the text: what our export
#: writes in it repeats the document's (:func:`doccano_record`)
_READ = {"id", "text", "data", "meta", "relations", *DOCCANO_FIELDS}
_OUR_META = {"title", "source", "date", "text_sha256", "annotators"}
#: what a new document takes from ``meta`` (a stored one keeps its own)
_ABOUT = ("title", "source", "date")


def _not_read(unread: dict[str, list[int]]) -> tuple[str, ...]:
    """A warning per field not read (comments …) naming the lines that hold it:
    nothing is dropped without a word."""
    return tuple(f"{key} not read (annotator takes spans and relations only): lines "
                 f"{', '.join(map(str, lines[:10]))}{' …' if len(lines) > 10 else ''}"
                 for key, lines in unread.items())


def _unique(ref: str | None, seen: dict[str, int], n: int) -> None:
    """Each record's id once: a repeated id means two exports were joined, or a damaged one."""
    if ref is None:
        return
    if ref in seen:
        raise _Bad(f"duplicate id {ref!r} (also on line {seen[ref]})")
    seen[ref] = n


def read_doccano(path: str | Path, tagset: Tagset) -> list[ImportedText]:
    """Read a doccano JSONL export; the first problem refuses the whole file."""
    path = Path(path)
    check_size(path)
    out: list[ImportedText] = []
    ids: dict[str, int] = {}
    unread: dict[str, list[int]] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="\n") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    item, skipped = _record(line, tagset)
                    _unique(item.ref, ids, n)
                except _Bad as e:
                    raise InputError(path, str(e), line=n) from None
                out.append(replace(item, line=n))
                for key in skipped:
                    unread.setdefault(key, []).append(n)
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except UnicodeDecodeError as e:
        raise InputError(path, f"not UTF-8 text (byte offset {e.start} of a line)") from None
    if not out:
        raise InputError(path, "no records (empty file)")
    out[0] = replace(out[0], warnings=_not_read(unread))  # said once, for the file
    return out
