"""Checks on TEI we write: RELAX NG validity against ``schemas/tei_all.rng`` (TEI P5 4.12.0)
and pointers that RELAX NG cannot check (``#id`` and ``#string-range(...)``)."""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

from annotator.formats.tei_common import (
    XML_ID,
    TEIOutput,
    as_element,
    get_text,
    parse_ranges,
    q,
    secure_parser,
    to_bytes,
)
from annotator.resources import schemas_dir

POINTER_ATTRIBUTES = ("target", "ana", "ref", "resp", "corresp", "next", "prev", "who",
                      "active", "passive", "mutual")


def schema_path() -> Path:
    return schemas_dir() / "tei_all.rng"  # checkout, installed wheel or PyInstaller bundle


@functools.cache
def _relaxng() -> etree.RelaxNG:
    """The compiled schema (10-20 s, so once per process)."""
    return etree.RelaxNG(file=str(schema_path()))


def validate(element: TEIOutput) -> list[str]:
    """RELAX NG errors (``line N: message``) against tei_all.rng; ``[]`` when valid."""
    schema = _relaxng()
    doc = etree.fromstring(to_bytes(element), secure_parser())  # fresh line numbers
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def _name(el: etree._Element) -> str:
    xml_id = el.get(XML_ID)
    local = etree.QName(el).localname
    return f"<{local} xml:id=\"{xml_id}\">" if xml_id else f"<{local}>"


def _range_text(pointer: str, ids: dict[str, etree._Element]) -> tuple[str | None, str | None]:
    """(the selected text, None) or (None, the problem)."""
    try:
        ((pid, off, n),) = parse_ranges(pointer)
    except ValueError as e:
        return None, str(e)
    p = ids.get(pid)
    if p is None or p.tag != q("p"):
        return None, f"{pointer}: no paragraph has xml:id '{pid}'"
    text = "".join(p.itertext())
    if off < 0 or n < 0 or off + n > len(text):
        return None, f"{pointer}: outside the paragraph ({len(text)} characters)"
    if n == 0:
        return None, f"{pointer}: selects nothing (zero length)"
    return text[off:off + n], None


def _check_pointer(pointer: str, ids: dict[str, etree._Element]) -> str | None:
    if pointer.startswith("#string-range("):
        return _range_text(pointer, ids)[1]
    if pointer.startswith("#") and pointer[1:] not in ids:
        return f"{pointer}: no element has this xml:id"
    return None


def _check_quote(el: etree._Element, ids: dict[str, etree._Element],
                 order: dict[str, int]) -> str | None:
    note = next((n for n in el.findall(q("note")) if n.get("type") == "quote"), None)
    targets = (el.get("target") or "").split()
    if note is None or not targets or not all(t.startswith("#string-range(") for t in targets):
        return None
    texts = [_range_text(t, ids)[0] for t in targets]
    if any(t is None for t in texts):
        return None  # reported already
    # one line break per paragraph boundary crossed: an empty paragraph has no pointer
    where = [order[parse_ranges(t)[0][0]] for t in targets]
    selected = str(texts[0]) + "".join("\n" * max(b - a, 1) + str(t) for a, b, t in zip(
        where, where[1:], texts[1:], strict=False))
    quote = get_text(note)
    if selected != quote:
        return f"{_name(el)}: the string-ranges select '{selected}', the quote is '{quote}'"
    return None


def check_pointers(tei: TEIOutput) -> list[str]:
    """Every ``#id`` in a pointer attribute names an element in the same file; every
    ``#string-range(p,offset,length)`` lies inside its paragraph and selects something
    (``length`` > 0), and an annotation's ``<note type="quote">`` equals the text its
    ranges select."""
    element = as_element(tei)
    ids = {el.get(XML_ID): el for el in element.iter() if el.get(XML_ID)}
    order = {el.get(XML_ID): n for n, el in enumerate(element.iter(q("p")))}
    problems = []
    for el in element.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in POINTER_ATTRIBUTES:
            for pointer in (el.get(attr) or "").split():
                problem = _check_pointer(pointer, ids)
                if problem:
                    problems.append(f"{_name(el)} @{attr}: {problem}")
        if el.tag == q("annotation"):
            problem = _check_quote(el, ids, order)
            if problem:
                problems.append(problem)
    return problems
