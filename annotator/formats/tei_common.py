"""What the TEI exporters and the importer share: names, ids, safe text, string ranges, parsing.

Ids are NCNames built as ``<prefix>-<token>``: a token is the real id when it only uses
``[A-Za-z0-9._-]`` (and does not start with ``_``), otherwise ``_`` followed by the id with
every other character written as ``_<hex code point>_``. The mapping is reversible, so the
real ids always come back.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import Protocol, TypeAlias

from lxml import etree
from lxml.builder import ElementMaker

from annotator.core.errors import AnnotatorError, InputError
from annotator.formats.canonical import describe
from annotator.ingest.limits import check_markup

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XI_NS = "http://www.w3.org/2001/XInclude"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
XML_SPACE = f"{{{XML_NS}}}space"
E = ElementMaker(namespace=TEI_NS, nsmap={None: TEI_NS})

TAGS_TAXONOMY = "tax-tags"
REVIEW_TAXONOMY = "tax-review"

_PLAIN = re.compile(r"[A-Za-z0-9.-][A-Za-z0-9._-]*")
_SAFE_CHAR = re.compile(r"[A-Za-z0-9.-]")
_ESCAPE = re.compile(r"_([0-9a-f]{1,6})_")
#: Characters XML 1.0 cannot carry (written as ``<g type="codepoint" n="U+XXXX"/>``).
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_RANGE = re.compile(r"#string-range\(([^,()\s]+),(-?\d+),(-?\d+)\)")


class Unwritable(AnnotatorError):
    """What a TEI writer was given cannot be written as TEI; one line naming the document."""


def check_writable(doc_id: str, text: str) -> None:
    """Refuse a document text holding a character XML 1.0 cannot carry (which importers
    refuse; a project made before they did may hold one): :class:`Unwritable`."""
    m = ILLEGAL.search(text)
    if m is not None:
        raise Unwritable(f"document {doc_id}: its text holds {describe(m.start(), m[0])}, "
                         "which XML cannot carry: export it as JSON or JSONL instead")


def q(name: str) -> str:
    """The Clark name of a TEI element."""
    return f"{{{TEI_NS}}}{name}"


# --- ids ---------------------------------------------------------------------------------------

def escape(raw: str) -> str:
    """``raw`` with every character outside ``[A-Za-z0-9.-]`` written ``_<hex>_``."""
    return "".join(c if _SAFE_CHAR.match(c) else f"_{ord(c):x}_" for c in raw)


def _char(code: int) -> str:
    """The character with this code point; ``ValueError`` for a surrogate or beyond
    U+10FFFF (neither can be stored)."""
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        raise ValueError(f"U+{code:04X} is not a character")
    return chr(code)


def unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: _char(int(m[1], 16)), text)


def token(raw: str) -> str:
    return raw if _PLAIN.fullmatch(raw) else "_" + escape(raw)


def untoken(tok: str) -> str:
    """The id :func:`token` made ``tok`` from; ``ValueError`` if no id gives ``tok``."""
    raw = unescape(tok[1:]) if tok.startswith("_") else tok
    if token(raw) != tok:
        raise ValueError(f"malformed id token '{tok}'")
    return raw


def make_id(prefix: str, raw: str) -> str:
    return f"{prefix}-{token(raw)}"


def parse_id(prefix: str, xml_id: str) -> str:
    """The real id behind ``<prefix>-<token>``; ``ValueError`` if it has another shape."""
    if not xml_id.startswith(prefix + "-"):
        raise ValueError(f"id '{xml_id}' does not start with '{prefix}-'")
    return untoken(xml_id[len(prefix) + 1:])


def group_category(group_id: str) -> str:
    """Tag ids (``group.tag``) are NCNames already; group ids may hold ``-``, so those get a
    prefix that keeps them apart from every id we make."""
    return group_id if "-" not in group_id else f"g-{group_id}"


def group_from_category(cat_id: str) -> str:
    return cat_id[2:] if cat_id.startswith("g-") else cat_id


def ref(xml_id: str) -> str:
    return "#" + xml_id


def refs(value: str | None) -> list[str]:
    """The ids of the ``#id`` pointers in an attribute (others are skipped)."""
    return [p[1:] for p in (value or "").split() if p.startswith("#")]


# --- text that XML may not carry ---------------------------------------------------------------

def put_text(el: etree._Element, text: str) -> etree._Element:
    """Set the content of ``el`` to ``text``; characters XML 1.0 forbids become ``<g>``."""
    if ILLEGAL.search(text) is None:  # the usual case: the text as it is
        _add_text(el, None, text)
        return el
    pos = 0
    last: etree._Element | None = None
    for m in ILLEGAL.finditer(text):
        _add_text(el, last, text[pos:m.start()])
        last = E.g(type="codepoint", n=f"U+{ord(m[0]):04X}")
        el.append(last)
        pos = m.end()
    _add_text(el, last, text[pos:])
    return el


def _add_text(el: etree._Element, last: etree._Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        el.text = (el.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def get_text(el: etree._Element, path: str | None = None) -> str:
    """The inverse of :func:`put_text`; :class:`InputError` on any other markup."""
    out = [el.text or ""]
    for child in el:
        n = child.get("n", "")
        if child.tag != q("g") or child.get("type") != "codepoint" or not n.startswith("U+"):
            raise InputError(path, f"unexpected <{etree.QName(child).localname}> in "
                                   f"<{etree.QName(el).localname}>")
        try:
            out.append(_char(int(n[2:], 16)))
        except ValueError:
            raise InputError(path, f"bad code point '{n}'") from None
        out.append(child.tail or "")
    return "".join(out)


# --- string ranges -----------------------------------------------------------------------------

def paragraph_starts(text: str) -> list[int]:
    return list(accumulate((len(p) + 1 for p in text.split("\n")[:-1]), initial=0))


def _para_of(starts: list[int], pos: int) -> int:
    """The last paragraph that starts at or before ``pos`` (the first one for ``pos < 0``)."""
    return max(bisect_right(starts, pos) - 1, 0)


def pieces(starts: list[int], lengths: list[int], start: int,
           end: int) -> list[tuple[int, int, int]]:
    """``(paragraph index, offset, length)`` for the span ``[start, end)``, one per paragraph
    it covers some text of: no piece is empty (a zero-length pointer selects nothing). An
    empty paragraph inside the span has no piece, so joining the pieces' texts with one line
    break per paragraph boundary crossed gives the span's text."""
    first = _para_of(starts, start)
    last = _para_of(starts, end)
    out = []
    for k in range(first, last + 1):
        lo = max(start, starts[k])
        hi = min(end, starts[k] + lengths[k])
        if hi > lo:
            out.append((k, lo - starts[k], hi - lo))
    return out


def format_ranges(ids: list[str], parts: Iterable[tuple[int, int, int]]) -> str:
    return " ".join(f"#string-range({ids[k]},{off},{n})" for k, off, n in parts)


def parse_ranges(value: str) -> list[tuple[str, int, int]]:
    """``(paragraph id, offset, length)`` per pointer; ``ValueError`` on anything else."""
    out = []
    for part in value.split():
        m = _RANGE.fullmatch(part)
        if not m:
            raise ValueError(f"'{part}' is not a #string-range(p,offset,length) pointer")
        out.append((m[1], int(m[2]), int(m[3])))
    if not out:
        raise ValueError("empty target")
    return out


# --- reading -----------------------------------------------------------------------------------

def secure_parser() -> etree.XMLParser:
    """The only XML parser we use: no entities, DTDs, network, huge trees, comments or PIs."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_pis=True,
                           remove_comments=True)


_NO_DTD = "DOCTYPE with DTD/entity declarations are not allowed"


def parse_secure(data: bytes, path: str | None) -> etree._Element:
    """Parse untrusted XML: no DTDs, entities, network, XInclude or processing instructions."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise InputError(path, _NO_DTD)
    check_markup(data, path)
    try:
        root = etree.fromstring(data, secure_parser())
    except etree.XMLSyntaxError as e:
        line = e.lineno if e.lineno and e.lineno > 0 else None
        raise InputError(path, f"not well-formed XML: {e.msg}", line) from None
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.externalDTD is not None \
            or docinfo.doctype or docinfo.system_url:
        raise InputError(path, _NO_DTD)
    if next(root.iter(f"{{{XI_NS}}}*"), None) is not None:
        raise InputError(path, "XInclude is not allowed")
    return root


class Serialised(Protocol):
    """TEI that was written straight to bytes (see :mod:`annotator.formats.tei_stream`)."""

    def to_bytes(self) -> bytes: ...


TEIOutput: TypeAlias = "etree._Element | Serialised"


def to_bytes(element: TEIOutput) -> bytes:
    """UTF-8 with an XML declaration; never pretty-printed (mixed content stays exact)."""
    if isinstance(element, etree._Element):
        return etree.tostring(element, xml_declaration=True, encoding="UTF-8")
    return element.to_bytes()


def as_element(tei: TEIOutput) -> etree._Element:
    """``tei`` as a tree (TEI written as bytes is parsed back, no DTDs or entities)."""
    if isinstance(tei, etree._Element):
        return tei
    return parse_secure(tei.to_bytes(), None)
