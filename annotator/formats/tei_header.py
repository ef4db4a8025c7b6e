"""The parts of a TEI header that describe the whole dataset: the tagset as a taxonomy, the
review statuses, and the annotators as ``<respStmt>``s — written and read back."""

from __future__ import annotations

from typing import Any

from lxml import etree

from annotator.core.annotation import Annotator
from annotator.core.dataset import DECISIONS
from annotator.core.errors import InputError
from annotator.core.tagset import FORMAT, Group, Tag, Tagset, load_tagset_dict
from annotator.formats.tei_common import (
    REVIEW_TAXONOMY,
    TAGS_TAXONOMY,
    XML_ID,
    XML_LANG,
    E,
    get_text,
    group_category,
    group_from_category,
    make_id,
    put_text,
    q,
)
from annotator.formats.tei_relations import read_relation_types, relation_taxonomy

NS = {"tei": "http://www.tei-c.org/ns/1.0"}


# --- writing -----------------------------------------------------------------------------------

def class_decl(tagset: Tagset) -> etree._Element:
    review = E.taxonomy({XML_ID: REVIEW_TAXONOMY}, *[
        E.category({XML_ID: f"status-{d}"}, E.catDesc(d)) for d in DECISIONS])
    decl = E.classDecl(tag_taxonomy(tagset), review)
    relations = relation_taxonomy(tagset)
    if relations is not None:
        decl.append(relations)
    return decl


def tag_taxonomy(tagset: Tagset) -> etree._Element:
    tax = E.taxonomy({XML_ID: TAGS_TAXONOMY, "n": tagset.id})
    for lang, name in tagset.name.items():
        tax.append(put_text(E.gloss({XML_LANG: lang}), name))
    tax.append(put_text(E.desc(type="description"), tagset.description))
    tax.append(E.desc(str(tagset.version), type="version"))
    tax.extend(_group_category(g) for g in tagset.groups)
    return tax


def _labels(cat: etree._Element, label: dict[str, str], definition: dict[str, str]) -> None:
    for lang, text in label.items():
        cat.append(put_text(E.gloss({XML_LANG: lang}), text))
    for lang, text in definition.items():
        cat.append(put_text(E.desc({XML_LANG: lang}, type="definition"), text))


def _group_category(g: Group) -> etree._Element:
    cat = E.category({XML_ID: group_category(g.id)})
    _labels(cat, g.label, g.definition)
    cat.append(E.desc(g.colour, type="colour"))
    cat.extend(_tag_category(t) for t in g.tags)
    return cat


def _terms(terms: tuple[str, ...], **attrs: str) -> etree._Element:
    desc = E.desc(**attrs)
    if terms:
        desc.append(E.list(*[put_text(E.item(), t) for t in terms]))
    return desc


def _tag_category(t: Tag) -> etree._Element:
    cat = E.category({XML_ID: t.id})
    _labels(cat, t.label, t.definition)
    cat.append(E.desc(t.colour, type="colour"))
    if t.hotkey is not None:
        cat.append(E.desc(t.hotkey, type="hotkey"))
    for lang, terms in t.examples.items():
        cat.append(_terms(terms, type="examples", **{XML_LANG: lang}))
    for key, values in t.attributes.items():
        cat.append(_terms(values, type="attribute", subtype=key))
    return cat


def resp_stmt(a: Annotator) -> etree._Element:
    """The annotator's ``<respStmt>``; the real id is kept in ``<note type="id">``."""
    return E.respStmt({XML_ID: make_id("ann", a.id)}, E.resp(a.role),
                      put_text(E.persName(), a.name), put_text(E.note(type="id"), a.id))


# --- reading -----------------------------------------------------------------------------------

def _one(el: etree._Element, xpath: str, path: str | None, what: str) -> etree._Element:
    found = el.xpath(xpath, namespaces=NS)
    if len(found) != 1:
        raise InputError(path, f"expected one {what}, found {len(found)}")
    return found[0]


def _descs(cat: etree._Element, kind: str) -> list[etree._Element]:
    return [d for d in cat.findall(q("desc")) if d.get("type") == kind]


def _by_lang(els: list[etree._Element], path: str | None) -> dict[str, str]:
    return {el.get(XML_LANG, ""): get_text(el, path) for el in els}


def _desc_text(cat: etree._Element, kind: str, path: str | None) -> str | None:
    found = _descs(cat, kind)
    return get_text(found[0], path) if found else None


def _term_list(desc: etree._Element, path: str | None) -> list[str]:
    return [get_text(i, path) for i in desc.iterfind(f"{q('list')}/{q('item')}")]


def _category_dict(cat: etree._Element, path: str | None) -> dict[str, Any]:
    return {"id": cat.get(XML_ID, ""), "label": _by_lang(cat.findall(q("gloss")), path),
            "definition": _by_lang(_descs(cat, "definition"), path),
            "colour": _desc_text(cat, "colour", path) or ""}


def _tag_dict(cat: etree._Element, path: str | None) -> dict[str, Any]:
    out = _category_dict(cat, path)
    hotkey = _desc_text(cat, "hotkey", path)
    if hotkey is not None:
        out["hotkey"] = hotkey
    examples = {d.get(XML_LANG, ""): _term_list(d, path) for d in _descs(cat, "examples")}
    attributes = {d.get("subtype", ""): _term_list(d, path) for d in _descs(cat, "attribute")}
    if examples:
        out["examples"] = examples
    if attributes:
        out["attributes"] = attributes
    return out


def read_tagset(header: etree._Element, path: str | None) -> Tagset:
    tax = _one(header, f"tei:encodingDesc/tei:classDecl/tei:taxonomy[@xml:id='{TAGS_TAXONOMY}']",
               path, "tagset <taxonomy>")
    try:
        version = int(_desc_text(tax, "version", path) or "")
    except ValueError:
        raise InputError(path, "tagset <taxonomy>: missing or bad version") from None
    groups = []
    for g in tax.findall(q("category")):
        group = _category_dict(g, path)
        group["id"] = group_from_category(group["id"])
        group["tags"] = [_tag_dict(t, path) for t in g.findall(q("category"))]
        groups.append(group)
    data = {"format": FORMAT, "version": version, "id": tax.get("n", ""),
            "name": _by_lang(tax.findall(q("gloss")), path),
            "description": _desc_text(tax, "description", path) or "", "groups": groups}
    relations = read_relation_types(tax.getparent(), path)
    if relations:
        data["relations"] = relations
    return load_tagset_dict(data, path)


def read_annotators(header: etree._Element,
                    path: str | None) -> tuple[tuple[Annotator, ...], dict[str, str]]:
    """The annotators, and their ``<respStmt>`` xml:ids mapped to their real ids."""
    out, ids = [], {}
    for rs in header.xpath("tei:fileDesc/tei:titleStmt/tei:respStmt", namespaces=NS):
        resp, name, note = rs.find(q("resp")), rs.find(q("persName")), rs.find(q("note"))
        if resp is None or name is None or note is None or not rs.get(XML_ID):
            raise InputError(path, "<respStmt> needs an xml:id, <resp>, <persName> and "
                                   "<note type=\"id\">")
        a = Annotator(get_text(note, path), get_text(name, path), get_text(resp, path))
        out.append(a)
        ids[rs.get(XML_ID)] = a.id
    return tuple(out), ids
