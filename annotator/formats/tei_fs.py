"""Annotation attributes (any JSON-able dict) as TEI feature structures, and back.

``str`` → ``<string>``, ``bool`` → ``<binary>``, ``int``/``float`` → ``<numeric>``,
``None`` → ``<symbol value="null"/>``, lists → ``<vColl org="list">``, dicts → a nested
``<fs type="object">``. A key that is not a plain name (``[A-Za-z][A-Za-z0-9._-]*``) is
written ``_`` + its escaped form (see :func:`annotator.formats.tei_common.escape`).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from annotator.core.errors import InputError
from annotator.formats.tei_common import XML_ID, E, escape, get_text, put_text, unescape

_PLAIN_KEY = re.compile(r"[A-Za-z][A-Za-z0-9._-]*")


def feature_name(key: str) -> str:
    return key if _PLAIN_KEY.fullmatch(key) else "_" + escape(key)


def key_of(name: str) -> str:
    return unescape(name[1:]) if name.startswith("_") else name


def attributes_fs(xml_id: str, attributes: dict) -> etree._Element:
    fs = E.fs({XML_ID: xml_id}, type="attributes")
    fs.extend(_feature(k, v) for k, v in attributes.items())
    return fs


def _feature(key: str, value: Any) -> etree._Element:
    return E.f(_value(value), name=feature_name(key))


def _value(v: Any) -> etree._Element:
    if isinstance(v, bool):
        return E.binary(value="true" if v else "false")
    if v is None:
        return E.symbol(value="null")
    if isinstance(v, int | float):
        return E.numeric(value=repr(v))
    if isinstance(v, str):
        return put_text(E.string(), v)
    if isinstance(v, list | tuple):
        return E.vColl(*[_value(x) for x in v], org="list")
    if isinstance(v, dict):
        return E.fs(*[_feature(k, x) for k, x in v.items()], type="object")
    raise TypeError(f"attribute value of type {type(v).__name__} cannot be exported")


def read_fs(fs: etree._Element, path: str | None) -> dict:
    out = {}
    for f in fs:
        if etree.QName(f).localname != "f" or len(f) != 1 or (f.text or "").strip():
            raise InputError(path, f"<fs xml:id=\"{fs.get(XML_ID, '')}\">: every child must be "
                                   "an <f> holding one value")
        try:
            key = key_of(f.get("name", ""))
        except ValueError as e:
            raise InputError(path, f"<f name=\"{f.get('name')}\">: {e}") from None
        out[key] = read_value(f[0], path)
    return out


def _number(text: str, path: str | None) -> int | float:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        raise InputError(path, f"bad <numeric value=\"{text}\">") from None


def read_value(el: etree._Element, path: str | None) -> Any:
    kind = etree.QName(el).localname
    value = el.get("value", "")
    if kind == "binary" and value in ("true", "false"):
        return value == "true"
    if kind == "symbol" and value == "null":
        return None
    if kind == "numeric":
        return _number(value, path)
    if kind == "string":
        return get_text(el, path)
    if kind == "vColl":
        return [read_value(c, path) for c in el]
    if kind == "fs" and el.get("type") == "object":
        return read_fs(el, path)
    raise InputError(path, f"unsupported feature value <{kind}>")
