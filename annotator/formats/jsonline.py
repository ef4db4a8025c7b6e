"""One document as one compact JSON line, fast: the bytes ``json.dumps(document_to_json(
data), ensure_ascii=False, separators=(",", ":"))`` would give, made without the dict of
each span.

A corpus export writes ten million spans; building an eleven-key dict per span and having
the encoder walk it again costs more than everything else the export does. Here a span is
one f-string over its fields, its strings escaped by the C string encoder the ``json``
module itself uses, so the output is byte for byte the same
(``tests/formats/test_jsonline.py`` checks it against ``json.dumps`` on random spans). The document's members around its
spans are here too, so that the two ways share them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from operator import itemgetter
from typing import Any

from annotator.core.annotation import Annotation
from annotator.core.dataset import DocumentData, ReviewDecision
from annotator.formats import json_relations, json_workflow
from annotator.zh import Utf16Map

_SPAN = ('{"id":%s,"start":%d,"end":%d,"start_utf16":%d,"end_utf16":%d,"text":%s,'
         '"tag":%s,"annotator":%s,"attributes":%s,"created":%s,"modified":%s}')
_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def spans_json(spans: Sequence[Annotation], text: str, u16: Utf16Map) -> list[str]:
    """The JSON of each span of ``text`` (as ``jsonfmt``'s span object, compact), in one
    comprehension: no call per span but the string escapes. A field of an unexpected type
    (``None`` for a string, say) makes the escaper refuse it, and the spans go the slow
    way, through ``json`` itself."""
    enc, attributes = encode_basestring, _attributes
    try:
        if u16.astral:
            cp16 = u16.to_utf16
            return [_SPAN % (enc(i), s, e, cp16(s), cp16(e), enc(text[s:e]), enc(t), enc(w),
                             attributes(at) if at else "{}", enc(c), enc(m))
                    for i, _, s, e, t, w, at, c, m in _offsets(spans)]
        # no character above U+FFFF: UTF-16 offsets are the code-point ones
        return [f'{{"id":{enc(i)},"start":{s},"end":{e},"start_utf16":{s},"end_utf16":{e},'
                f'"text":{enc(text[s:e])},"tag":{enc(t)},"annotator":{enc(w)},"attributes":'
                f'{attributes(at) if at else "{}"},"created":{enc(c)},"modified":{enc(m)}}}'
                for i, _, s, e, t, w, at, c, m in _offsets(spans)]
    except TypeError:
        return [_compact(span_dict(a, text, u16)) for a in spans]


def rows_json(rows: Sequence[tuple], text: str, u16: Utf16Map) -> list[str]:
    """As :func:`spans_json`, of a store's export rows (``ProjectStore.export_spans``):
    ``attributes`` is the stored JSON text, written as is when it is ``{}`` and re-encoded
    otherwise, and ``modified`` None stands for ``created``, so the bytes are those of the
    spans the rows stand for. Tags and annotators, a few strings met again and again, are
    escaped once (:data:`_ESCAPED`)."""
    enc, attributes, known = encode_basestring, _stored_attributes, _ESCAPED
    try:
        if not _plain(rows):
            raise TypeError("offsets that are not plain integers")
        if len(known) > _ESCAPED_MAX:
            known.clear()
        if u16.astral:
            cp16 = u16.to_utf16
            return [_SPAN % (enc(i), s, e, cp16(s), cp16(e), enc(text[s:e]), known[t], known[w],
                             "{}" if at == "{}" else attributes(at), ec := enc(c),
                             ec if m is None else enc(m))
                    for i, _, s, e, t, w, at, c, m in rows]
        return [f'{{"id":{enc(i)},"start":{s},"end":{e},"start_utf16":{s},"end_utf16":{e},'
                f'"text":{enc(text[s:e])},"tag":{known[t]},"annotator":{known[w]},'
                f'"attributes":{"{}" if at == "{}" else attributes(at)},'
                f'"created":{(ec := enc(c))},"modified":{ec if m is None else enc(m)}}}'
                for i, _, s, e, t, w, at, c, m in rows]
    except TypeError:
        return spans_json(row_annotations(rows), text, u16)


class _Escape(dict):
    """A string's JSON (``encode_basestring``), made the first time it is asked for; a
    value that is no string (or unhashable) raises TypeError, as the escaper does."""

    def __missing__(self, key: Any) -> str:
        if type(key) is not str:
            raise TypeError("not a string")
        value = self[key] = encode_basestring(key)
        return value


#: tags' and annotators' JSON (cleared past :data:`_ESCAPED_MAX` strings)
_ESCAPED = _Escape()
_ESCAPED_MAX = 4096
_START, _END = itemgetter(2), itemgetter(3)


def _plain(rows: Sequence[tuple]) -> bool:
    """Every offset of ``rows`` a plain integer (an integer subclass, a bool say, would be
    formatted otherwise than ``json`` writes it): the types gathered in C, no loop."""
    return {*map(type, map(_START, rows)), *map(type, map(_END, rows))} <= {int}


def row_annotations(rows: Sequence[tuple]) -> list[Annotation]:
    """The annotations that export rows stand for (their attributes decoded, ``modified``
    None read as ``created``)."""
    return [Annotation(i, d, s, e, t, w, json.loads(at) if at else {}, c,
                       c if m is None else m)
            for i, d, s, e, t, w, at, c, m in rows]


def _stored_attributes(value: str) -> str:
    return _compact(dict(json.loads(value)))


def _offsets(spans: Sequence[Any]) -> Sequence[Any]:
    """``spans``, whose offsets must be plain integers to be formatted as they are (an
    integer subclass, a bool say, is refused: ``json`` would write it otherwise)."""
    if all(type(a[2]) is int and type(a[3]) is int for a in spans):
        return spans
    raise TypeError("offsets that are not plain integers")


def _attributes(value: Any) -> str:
    return _compact(dict(value))


def span_dict(a: Annotation, text: str, u16: Utf16Map) -> dict[str, Any]:
    return {"id": a.id, "start": a.start, "end": a.end, "start_utf16": u16.to_utf16(a.start),
            "end_utf16": u16.to_utf16(a.end), "text": text[a.start:a.end], "tag": a.tag,
            "annotator": a.annotator, "attributes": dict(a.attributes), "created": a.created,
            "modified": a.modified}


def document_line(head: dict[str, Any], spans: list[str], tail: dict[str, Any]) -> str:
    """The document's JSON: ``head`` (the members before ``spans``), the spans' JSON in
    order, then ``tail`` (the members after, never empty: ``review`` is always there)."""
    return f'{_compact(head)[:-1]},"spans":[{",".join(spans)}],{_compact(tail)[1:]}'


def review_dict(d: ReviewDecision) -> dict[str, Any]:
    return {"id": d.id, "reviewer": d.reviewer, "decision": d.decision,
            "targets": list(d.targets), "result_id": d.result_id, "note": d.note,
            "created": d.created}


def document_head(data: DocumentData) -> dict[str, Any]:
    """A document's members before its spans."""
    doc = data.document
    return {"id": doc.id, "title": doc.title, "source": doc.source, "origin": doc.origin,
            "date": doc.date, "script": doc.script, "languages": list(doc.languages),
            "status": doc.status, "review_status": doc.review_status,
            "metadata": dict(doc.metadata), "text": doc.text, "text_sha256": doc.text_sha256,
            "cleaning": [dict(e) for e in doc.cleaning]}


def document_tail(data: DocumentData) -> dict[str, Any]:
    """A document's members after its spans (``review`` always, then the others)."""
    return {"review": [review_dict(d) for d in data.decisions],
            **json_relations.document_json(data), **json_workflow.document_json(data)}
