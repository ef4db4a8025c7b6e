"""Relations in TEI: the relation types as a taxonomy in the header, the relations as
``<relation>`` elements in a ``<listRelation>`` pointing at the spans they join.

TEI's own element for "a relationship amongst a group of persons, places, organisations
or other items" is ``<relation>`` (module namesdates, Guidelines 13.3.2.3), and its list,
``<listRelation>``, may stand in ``<standOff>`` (it is one of ``model.listLike``):

.. code-block:: xml

    <listRelation type="relations">
      <relation xml:id="rel-7" ref="#rt-uses" name="uses" active="#a-12" passive="#a-13"
                resp="#ann-li">
        <desc><date type="created" when="…"/><date type="modified" when="…"/></desc>
      </relation>
      <relation xml:id="rel-8" ref="#rt-cooperates_with" name="cooperates_with"
                mutual="#a-14 #a-15" resp="#ann-li"/>
    </listRelation>

- A directed type's ``from`` end is ``@active``, its ``to`` end ``@passive``; an undirected
  type's ends are ``@mutual`` (``from`` first, so that a round trip keeps the order). This is
  what the attributes mean in TEI, so a TEI user reads the direction without our docs.
- ``@ref`` points at the type's ``<category xml:id="rt-…">`` in the header's relation
  taxonomy (labels, definitions, colour, key, direction, the tags or groups of each end,
  acyclic); ``@name`` repeats the type's id for readers that do not follow pointers.
- ``@resp`` is the annotator (``<respStmt>``); created/modified times are ``<date>``s in
  the ``<desc>`` (``@when`` for an xs:dateTime, otherwise the text), the one child
  ``<relation>`` may hold.
- ``<link>`` was the other candidate: it is untyped (only ``@type``) and its ``@target`` has
  no direction, so it could not say who uses what without a convention of ours.

In inline TEI the same ``<listRelation>`` points at the first fragment (``a-<id>``) of each
span's element. The reader checks every relation as the window does
(:func:`annotator.core.relations.check_relation`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from lxml import etree

from annotator.core.annotation import Annotation
from annotator.core.errors import InputError
from annotator.core.relations import Relation, RelationError, RelationType, check_relation
from annotator.core.tagset import Tagset
from annotator.formats.layer_relations import clash_key
from annotator.formats.tei_common import (
    XML_ID,
    XML_LANG,
    E,
    get_text,
    make_id,
    parse_id,
    put_text,
    q,
    ref,
    refs,
)
from annotator.formats.tei_stream import Writer, write_text

RELATIONS_TAXONOMY = "tax-relations"
_DATES = f"{q('desc')}/{q('date')}"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
_NAME = re.compile(r"[^\s\x00-\x1f\x7f-\x9f]+")  # what TEI's @name may hold (no controls)


def type_id(rtype: str) -> str:
    return make_id("rt", rtype)


# --- the relation types ------------------------------------------------------------------

def _terms(kind: str, terms: Iterable[str]) -> etree._Element:
    return E.desc(E.list(*[put_text(E.item(), t) for t in terms]), type=kind)


def _type_category(r: RelationType) -> etree._Element:
    cat = E.category({XML_ID: type_id(r.id)})
    for lang, text in r.label.items():
        cat.append(put_text(E.gloss({XML_LANG: lang}), text))
    for lang, text in r.definition.items():
        cat.append(put_text(E.desc({XML_LANG: lang}, type="definition"), text))
    cat.append(E.desc(r.colour, type="colour"))
    if r.hotkey is not None:
        cat.append(put_text(E.desc(type="hotkey"), r.hotkey))
    cat.append(E.desc("directed" if r.directed else "undirected", type="direction"))
    cat.extend((_terms("sources", r.sources), _terms("targets", r.targets)))
    if r.acyclic:
        cat.append(E.desc("acyclic", type="cycles"))
    return cat


def relation_taxonomy(tagset: Tagset) -> etree._Element | None:
    """``<taxonomy xml:id="tax-relations">``, one ``<category>`` per relation type."""
    if not tagset.relations:
        return None
    return E.taxonomy({XML_ID: RELATIONS_TAXONOMY},
                      *[_type_category(r) for r in tagset.relations])


def _descs(cat: etree._Element, kind: str) -> list[etree._Element]:
    return [d for d in cat.findall(q("desc")) if d.get("type") == kind]


def _desc(cat: etree._Element, kind: str, path: str | None) -> str | None:
    found = _descs(cat, kind)
    return get_text(found[0], path) if found else None


def _type_dict(cat: etree._Element, path: str | None) -> dict[str, Any]:
    try:
        rid = parse_id("rt", cat.get(XML_ID) or "")
    except ValueError as e:
        raise InputError(path, f"relation type <category>: {e}") from None
    out: dict[str, Any] = {
        "id": rid,
        "label": {g.get(XML_LANG, ""): get_text(g, path) for g in cat.findall(q("gloss"))},
        "definition": {d.get(XML_LANG, ""): get_text(d, path)
                       for d in _descs(cat, "definition")},
        "colour": _desc(cat, "colour", path) or ""}
    hotkey = _desc(cat, "hotkey", path)
    if hotkey is not None:
        out["hotkey"] = hotkey
    out["directed"] = _desc(cat, "direction", path) != "undirected"
    for end in ("sources", "targets"):
        out[end] = [get_text(i, path) for d in _descs(cat, end)
                    for i in d.iterfind(f"{q('list')}/{q('item')}")]
    if _desc(cat, "cycles", path) == "acyclic":
        out["acyclic"] = True
    return out


def read_relation_types(class_decl: etree._Element | None, path: str | None
                        ) -> list[dict[str, Any]]:
    """The relation types as the tagset file writes them (``"relations"``); none when the
    header has no relation taxonomy (an export made before relations)."""
    found = [] if class_decl is None else class_decl.xpath(
        f"tei:taxonomy[@xml:id='{RELATIONS_TAXONOMY}']", namespaces=NS)
    return [_type_dict(c, path) for tax in found for c in tax.findall(q("category"))]


# --- writing the relations ---------------------------------------------------------------

def _is_datetime(value: str) -> bool:
    from annotator.formats.tei_standoff import _is_datetime as check

    return check(value)


def _attributes(r: Relation, tagset: Tagset, span_ref: Callable[[str], str]
                ) -> dict[str, str]:
    attrib = {XML_ID: make_id("rel", r.id), "ref": ref(type_id(r.type))}
    if _NAME.fullmatch(r.type):
        attrib["name"] = r.type
    try:
        directed = tagset.relation(r.type).directed
    except KeyError:
        directed = True  # not a type of the tagset: the export says so (check_pointers)
    if directed:
        attrib.update(active=span_ref(r.source), passive=span_ref(r.target))
    else:
        attrib["mutual"] = f"{span_ref(r.source)} {span_ref(r.target)}"
    attrib["resp"] = ref(make_id("ann", r.annotator))
    return attrib


def write_relations(xf: Writer, relations: Iterable[Relation], tagset: Tagset,
                    span_ref: Callable[[str], str] = lambda sid: ref(make_id("a", sid))
                    ) -> None:
    """``<listRelation type="relations">`` (nothing when there are no relations);
    ``span_ref(span id)`` is the pointer to a span's element."""
    relations = list(relations)
    if not relations:
        return
    date, desc = q("date"), q("desc")
    with xf.element(q("listRelation"), type="relations"):
        for r in relations:
            with xf.element(q("relation"), _attributes(r, tagset, span_ref)):
                times = [(k, v) for k, v in (("created", r.created), ("modified", r.modified))
                         if v]
                if not times:
                    continue
                with xf.element(desc):
                    for kind, value in times:
                        if _is_datetime(value):
                            with xf.element(date, type=kind, when=value):
                                pass
                        else:
                            with xf.element(date, type=kind):
                                write_text(xf, value)


def relation_list(relations: Iterable[Relation], tagset: Tagset,
                  span_ref: Callable[[str], str]) -> etree._Element | None:
    """:func:`write_relations` as an element (for TEI built as a tree: inline TEI)."""
    from annotator.formats.tei_stream import TEIBytes

    relations = list(relations)
    if not relations:
        return None
    wrapped = TEIBytes(lambda xf: _wrapped(xf, relations, tagset, span_ref)).element()
    return wrapped[0]


def _wrapped(xf: Writer, relations: list[Relation], tagset: Tagset,
             span_ref: Callable[[str], str]) -> None:
    from annotator.formats.tei_stream import NSMAP

    with xf.element(q("standOff"), nsmap=NSMAP):
        write_relations(xf, relations, tagset, span_ref)


# --- reading the relations ---------------------------------------------------------------

class _Bad(Exception):
    pass


def _end_ids(el: etree._Element, directed: bool, where: str) -> tuple[str, str]:
    """The span ids of the relation's ends, from @active/@passive or @mutual."""
    active, passive, mutual = (refs(el.get(k)) for k in ("active", "passive", "mutual"))
    if directed and (mutual or len(active) != 1 or len(passive) != 1):
        raise _Bad(f"{where}: a directed type's ends are one @active and one @passive span")
    if not directed and (active or passive or len(mutual) != 2):
        raise _Bad(f"{where}: an undirected type's ends are two @mutual spans")
    ends = (active[0], passive[0]) if directed else (mutual[0], mutual[1])
    try:
        return parse_id("a", ends[0]), parse_id("a", ends[1])
    except ValueError as e:
        raise _Bad(f"{where}: {e}") from None


def _times(el: etree._Element, path: str | None) -> dict[str, str]:
    out = {}
    for date in el.iterfind(_DATES):
        when = date.get("when")
        out[date.get("type", "")] = when if when is not None else get_text(date, path)
    return out


def _relation(el: etree._Element, doc_id: str, tagset: Tagset,
              annotator: Callable[[str | None, str], str], path: str | None) -> Relation:
    try:
        rid = parse_id("rel", el.get(XML_ID) or "")
    except ValueError as e:
        raise _Bad(f"<relation>: {e}") from None
    where = f"relation {rid}"
    types = refs(el.get("ref"))
    try:
        rtype = parse_id("rt", types[0]) if len(types) == 1 else None
    except ValueError:
        rtype = None
    if rtype is None or el.get("name", rtype) != rtype:
        raise _Bad(f"{where}: @ref must point at one relation type (rt-…), and @name "
                   "repeat its id")
    try:
        directed = tagset.relation(rtype).directed
    except KeyError:
        raise _Bad(f"{where}: unknown relation type '{rtype}'") from None
    source, target = _end_ids(el, directed, where)
    t = _times(el, path)
    return Relation(rid, doc_id, source, target, rtype, annotator(el.get("resp"), where),
                    t.get("created", ""), t.get("modified", ""))


def read_relations(tei: etree._Element, doc_id: str, spans: Iterable[Annotation],
                   tagset: Tagset, annotator: Callable[[str | None, str], str],
                   path: str | None) -> tuple[Relation, ...]:
    """The relations of one ``<TEI>``, each checked against the document's ``spans``:
    :class:`InputError` naming the file for the first that may not be stored."""
    by_id = {a.id: a for a in spans}
    out: list[Relation] = []
    clash: dict[tuple, list[Relation]] = {}
    for el in tei.xpath("tei:standOff/tei:listRelation[@type='relations']/tei:relation",
                        namespaces=NS):
        try:
            rel = _relation(el, doc_id, tagset, annotator, path)
            key = clash_key(tagset, rel)
            check_relation(tagset, rel, by_id, clash.get(key, ()))
        except (_Bad, RelationError) as e:
            raise InputError(path, f"document {doc_id}: {e}") from None
        clash.setdefault(key, []).append(rel)
        out.append(rel)
    return tuple(out)
