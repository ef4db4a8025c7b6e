"""TEI P5 import and export.

- Stand-off (lossless): :func:`standoff_document`, :func:`standoff_corpus`, read back with
  :func:`read_standoff`. See :mod:`annotator.formats.tei_standoff` for the shape.
- Every span is written trimmed of whitespace at its ends (as imports trim it), so no
  pointer selects nothing and no inline element is empty; a text XML cannot carry, or a
  span of only whitespace, raises :class:`Unwritable` (one line naming the document).
- Inline (a reading view of one layer): :func:`inline_document`, :func:`inline_layer`.
- The stand-off exports are written straight to bytes with lxml's incremental writer
  (:class:`~annotator.formats.tei_stream.TEIBytes`; ``.element()`` parses them back).
- :func:`to_bytes` serialises (UTF-8, XML declaration, never pretty-printed);
  :func:`validate` checks against ``schemas/tei_all.rng``; :func:`check_pointers` checks
  ``#id`` and ``#string-range()`` pointers.

Pure Python and lxml; untrusted input is parsed without DTDs, entities, network or XInclude.
"""

from __future__ import annotations

from annotator.formats.tei_check import check_pointers, schema_path, validate
from annotator.formats.tei_common import TEI_NS, Unwritable, to_bytes
from annotator.formats.tei_inline import inline_document, inline_layer
from annotator.formats.tei_read import read_standoff
from annotator.formats.tei_standoff import (
    standoff_corpus,
    standoff_document,
    write_standoff_corpus,
)

__all__ = ["TEI_NS", "Unwritable", "check_pointers", "inline_document", "inline_layer",
           "read_standoff", "schema_path", "standoff_corpus", "standoff_document", "to_bytes",
           "validate", "write_standoff_corpus"]
