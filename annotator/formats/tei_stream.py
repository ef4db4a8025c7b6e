"""Writing TEI straight to bytes with lxml's incremental writer (:func:`lxml.etree.xmlfile`).

A stand-off TEI of a long document holds hundreds of thousands of elements; building them
one by one as a tree costs far more than writing their tags as they come. The writer makes
every tag, attribute and text node itself (and escapes them); small parts are still built
as elements and written with :func:`write_element`.

- The root declares the TEI namespace as the default one, and binds ``xml`` (which XML
  allows, and which the writer needs so as not to invent a prefix for ``xml:id``).
- Elements are written with start and end tags, even when empty (``<ptr ...></ptr>``).
- :func:`write_text` writes what :func:`~annotator.formats.tei_common.put_text` puts in an
  element (``<g type="codepoint">`` for characters XML 1.0 cannot carry).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import IO, Any

from lxml import etree

from annotator.formats.tei_common import ILLEGAL, TEI_NS, XML_NS, as_element, q

#: Namespaces declared on the root element.
NSMAP = {None: TEI_NS, "xml": XML_NS}
_G = q("g")

Writer = Any  # lxml's incremental writer (``etree.xmlfile(...).__enter__()``); not typed


class TEIBytes:
    """A TEI document written as UTF-8 bytes (an XML declaration, never pretty-printed).

    :func:`~annotator.formats.tei_common.to_bytes` gives the bytes; :meth:`element` parses
    them when a tree is needed."""

    def __init__(self, write: Callable[[Writer], None]):
        buffer = io.BytesIO()
        write_document(buffer, write)
        self.data = buffer.getvalue()

    def to_bytes(self) -> bytes:
        return self.data

    def element(self) -> etree._Element:
        return as_element(self)


def write_document(fp: IO[bytes], write: Callable[[Writer], None]) -> None:
    """An XML declaration, then what ``write`` writes (one root element) to ``fp``."""
    with etree.xmlfile(fp, encoding="UTF-8") as xf:
        xf.write_declaration()
        write(xf)


def write_text(xf: Writer, text: str) -> None:
    """``text`` as content; characters XML 1.0 forbids become ``<g type="codepoint">``."""
    if ILLEGAL.search(text) is None:  # the usual case: the text as it is
        xf.write(text)
        return
    pos = 0
    for m in ILLEGAL.finditer(text):
        xf.write(text[pos:m.start()])
        with xf.element(_G, type="codepoint", n=f"U+{ord(m[0]):04X}"):
            pass
        pos = m.end()
    xf.write(text[pos:])


def write_element(xf: Writer, el: etree._Element) -> None:
    """``el`` (built with the element API), its content and its children, through the
    writer, so that no namespace is declared again."""
    with xf.element(el.tag, el.attrib):
        if el.text:
            xf.write(el.text)
        for child in el:
            write_element(xf, child)
            if child.tail:
                xf.write(child.tail)
