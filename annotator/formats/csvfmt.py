"""CSV of annotation spans, for spreadsheets.

One row per span, columns :data:`COLUMNS`. The file starts with a UTF-8 byte order mark so
Excel opens Chinese text correctly; fields are quoted when they hold commas, quotes or line
breaks (``csv.QUOTE_MINIMAL``, ``\\r\\n`` row ends). The caller opens ``fp`` with
``encoding="utf-8", newline=""``.

Offsets are code points, half-open. ``tag_label_zh`` is the label in the document's script
(traditional for ``zh-Hant`` documents, else simplified). Text cells that a spreadsheet would
run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a
leading ``'``; this file is for reading, not for importing back.
"""

from __future__ import annotations

import csv
from typing import IO, Any

from annotator.core.annotation import Annotation
from annotator.core.dataset import Dataset
from annotator.core.document import Document
from annotator.core.tagset import Tagset

BOM = "\ufeff"
COLUMNS = ("document_id", "title", "start", "end", "text", "tag", "tag_group", "tag_label_en",
           "tag_label_zh", "annotator", "annotator_name", "normalized", "certainty", "note",
           "created", "modified")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _labels(tagset: Tagset, tag: str, script: str) -> tuple[str, str]:
    try:
        t = tagset.tag(tag)
    except KeyError:
        return "", ""
    zh = "zh-Hant" if script == "zh-Hant" else "zh-Hans"
    return t.label.get("en", ""), t.label.get(zh, "")


def span_row(doc: Document, a: Annotation, tagset: Tagset, names: dict[str, str]) -> list:
    en, zh = _labels(tagset, a.tag, doc.script)
    attrs = a.attributes
    row = [doc.id, doc.title, a.start, a.end, doc.text[a.start:a.end], a.tag,
           a.tag.split(".", 1)[0], en, zh, a.annotator, names.get(a.annotator, ""),
           attrs.get("normalized"), attrs.get("certainty"), attrs.get("note"), a.created,
           a.modified]
    return [_cell(v) for v in row]


def write_csv(ds: Dataset, fp: IO[str]) -> int:
    """Write the BOM, the header and one row per span (streamed); returns the row count."""
    fp.write(BOM)
    writer = csv.writer(fp, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    names = {a.id: a.name for a in ds.annotators}
    rows = 0
    for data in ds.documents:
        for a in sorted(data.annotations, key=lambda a: (a.start, a.end, a.tag, a.id)):
            writer.writerow(span_row(data.document, a, ds.tagset, names))
            rows += 1
    return rows
