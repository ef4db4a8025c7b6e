"""Hostile input at every importer ("never lose work, never trust input").

Every case goes through :func:`annotator.interchange.import_files` (what ``annotator import``
and the window call) into a copy of a seed project. Each must be refused with one
:class:`InputError` whose one-line message names the file and the problem, within seconds,
and the project file must be unchanged (a full SQL dump before and after). The valid files
the cases are made from import cleanly and do change the project, so the checks can fail.
"""

from __future__ import annotations

import copy
import json
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.annotation import Annotation, Annotator, now
from annotator.core.errors import InputError
from annotator.core.tagset import default_tagset
from annotator.exporting import ExportOptions, export
from annotator.ingest.importer import MAX_BYTES
from annotator.ingest.limits import UNFORESEEN
from annotator.interchange import import_files
from annotator.project import create_project
from annotator.store import Store

WHO = Annotator("chen", "陳明")
TERMS = {"上海合作组织": "actor.igo", "恐怖主义": "threat.terrorism", "赵克志": "actor.person"}
TEI_NS = "http://www.tei-c.org/ns/1.0"
GARBAGE = random.Random(7).randbytes(4096)


class T:
    """Valid files of every kind, exported from a project where 'li' tagged the seeds."""

    json: dict
    jsonl: list[dict]
    manifest: dict
    tei: bytes
    doccano: list[dict]
    brat_txt: str
    brat_ann: str


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> tuple[Path, T]:
    root = tmp_path_factory.mktemp("hostile")
    store, _ = create_project(root / "pristine.annotator")
    with store:  # the shipped tagset, with its relation types, whatever the seeds carry
        store.set_tagset(default_tagset())
    store, _ = create_project(root / "source.annotator")
    with store:
        store.set_tagset(default_tagset())
        store.add_annotator(Annotator("li", "李华"))
        for doc in store.documents():
            text = store.document(doc.id).text
            store.insert_annotations(
                Annotation(f"{doc.id}-{k}", doc.id, text.find(term), text.find(term) + len(term),
                           tag, "li", {"note": "n"}, now(), now())
                for k, (term, tag) in enumerate(TERMS.items()) if term in text)
        for fmt, name, who in (("json", "x.json", None), ("jsonl", "x.jsonl", None),
                               ("tei", "x.xml", None), ("doccano", "d.jsonl", {"li"})):
            export(store, ExportOptions.build(fmt, root / name, annotators=who))
        doc = store.document(store.documents()[0].id)
    t = T()
    t.json = json.loads((root / "x.json").read_text(encoding="utf-8"))
    t.jsonl = [json.loads(x) for x in (root / "x.jsonl").read_text(encoding="utf-8").split("\n")
               if x]
    t.manifest = json.loads((root / "x.manifest.json").read_text(encoding="utf-8"))
    t.tei = (root / "x.xml").read_bytes()
    t.doccano = [json.loads(x) for x in (root / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    t.brat_txt = doc.text
    at = doc.text.find("上海合作组织")
    t.brat_ann = f"T1\tactor-igo {at} {at + 6}\t上海合作组织\n#1\tAnnotatorNotes T1\t注\n"
    return root / "pristine.annotator", t


# --- building files ----------------------------------------------------------------------------

def dumps(value, ascii: bool = False) -> bytes:
    return json.dumps(value, ensure_ascii=ascii).encode()


def lines(records) -> bytes:
    return b"".join((r if isinstance(r, bytes) else dumps(r)) + b"\n" for r in records)


def changed(value, path: str, new):
    """A deep copy of ``value`` with the item at ``a/0/b`` set to ``new`` (``...`` deletes)."""
    value = json.loads(json.dumps(value))
    *parents, last = [int(p) if p.isdigit() else p for p in path.split("/")]
    holder = value
    for p in parents:
        holder = holder[p]
    if new is ...:
        del holder[last]
    else:
        holder[last] = new
    return value


def span0(t: T) -> dict:
    return t.json["documents"][0]["spans"][0]


def dataset(t: T, path: str, new) -> dict[str, bytes]:
    return {"a.json": dumps(changed(t.json, path, new))}


def jsonl(t: T, path: str = "", new=None, raw: bytes | None = None,
          manifest: bytes | None = None) -> dict[str, bytes]:
    docs = [changed(t.jsonl, path, new)[0] if path else t.jsonl[0], *t.jsonl[1:]]
    return {"a.jsonl": raw if raw is not None else lines(docs),
            "a.manifest.json": manifest if manifest is not None else dumps(t.manifest)}


def doccano(t: T, *extra) -> dict[str, bytes]:
    return {"a.jsonl": lines([t.doccano[0], *extra])}


def doccano_label(t: T, label) -> dict[str, bytes]:
    spans_apart = {k: v for k, v in t.doccano[1].items() if k not in ("entities", "relations")}
    return doccano(t, {**spans_apart, "label": label})


def doccano_relation(t: T, from_id, to_id, rtype: str = "cooperates_with") -> dict:
    """A relation put in a line of the export that holds entities (ids 1, 2, …)."""
    record = next(r for r in t.doccano[1:] if r["entities"])
    return doccano(t, {**record, "relations": [
        {"id": 1, "from_id": from_id, "to_id": to_id, "type": rtype}]})


def brat(t: T, ann: str | bytes | None = None, txt: str | bytes | None = None) -> dict:
    def enc(x, default):
        x = default if x is None else x
        return x if isinstance(x, bytes) else x.encode()
    return {"a.ann": enc(ann, t.brat_ann), "a.txt": enc(txt, t.brat_txt)}


def tei(t: T, old: str | bytes, new: str | bytes, count: int = 1) -> dict[str, bytes]:
    old, new = (x.encode() if isinstance(x, str) else x for x in (old, new))
    assert old in t.tei
    return {"a.xml": t.tei.replace(old, new, count)}


def tei_attr(t: T, attr: str, value: str) -> dict[str, bytes]:
    """The first ``attr="…"`` of the first stand-off annotation set to ``value``."""
    at = t.tei.index(b"<annotation ")
    m = re.compile(rb' %s="([^"]*)"' % attr.encode()).search(t.tei, at)
    assert m
    return {"a.xml": t.tei[:m.start(1)] + value.encode() + t.tei[m.end(1):]}


def xml_doc(body: str, prolog: str = "", encoding: str = "utf-8") -> bytes:
    return (f'<?xml version="1.0" encoding="{encoding}"?>{prolog}'
            f'<TEI xmlns="{TEI_NS}">{body}</TEI>').encode(encoding)


XXE = '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
LAUGHS = ("<!DOCTYPE TEI [<!ENTITY a 'aaaaaaaaaa'>"
          + "".join(f"<!ENTITY {c} '{('&' + p + ';') * 10}'>"
                    for p, c in zip("abcdefgh", "bcdefghi", strict=True))
          + "]>")
XINCLUDE = ('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" '
            'parse="text"/>')
DEEP_JSON = "[" * 100_000 + "]" * 100_000
DEEP_XML = "<nesting>" * 100_000 + "</nesting>" * 100_000
HTML = "<html><head><title>标题</title></head><body><p>{}</p></body></html>"


def tei_range(t: T, offset: int, length: int) -> dict[str, bytes]:
    m = re.search(rb'target="#string-range\(([^,]+),\d+,\d+\)"', t.tei)
    assert m
    return {"a.xml": t.tei.replace(m[0], b'target="#string-range(%s,%d,%d)"'
                                   % (m[1], offset, length), 1)}


def tei_twice(t: T, start: bytes, end: bytes) -> dict[str, bytes]:
    """The first element from ``start`` to ``end`` repeated."""
    i = t.tei.index(start)
    j = t.tei.index(end, i) + len(end)
    return {"a.xml": t.tei[:j] + t.tei[i:j] + t.tei[j:]}


def tei_same_idno(t: T) -> dict[str, bytes]:
    """The second document claims the first one's id (its xml:ids are its own)."""
    ids = re.findall(rb'<idno type="document">([^<]+)</idno>', t.tei)
    second = t.tei.index(b"<TEI", t.tei.index(b"<TEI") + 1)
    head, tail = t.tei[:second], t.tei[second:]
    return {"a.xml": head + tail.replace(b">%s</idno>" % ids[1], b">%s</idno>" % ids[0], 1)}


def tei_bad_feature(t: T) -> dict[str, bytes]:
    """An attribute whose escaped name stands for no character (U+110000)."""
    data = tei_attr(t, "ana", "#f-x")["a.xml"]
    fs = b'<fs xml:id="f-x"><f name="__110000_"><string>x</string></f></fs></standOff>'
    return {"a.xml": data.replace(b"</standOff>", fs, 1)}


def new_text_with_stored_id(t: T) -> dict[str, bytes]:
    """A document with a text the project lacks under the id of a stored document."""
    from annotator.core.document import text_sha256

    doc = {**t.json["documents"][1], "text": "一段新文本。", "spans": [], "review": [],
           "cleaning": [], "text_sha256": text_sha256("一段新文本。")}
    return {"a.json": dumps({**t.json, "documents": [doc]})}


def tei_carriage_return(t: T) -> dict[str, bytes]:
    """The first paragraph starts with ``&#13;`` (which XML carries, but no canonical text
    holds), the text's sha256 made to match."""
    from lxml import etree

    from annotator.core.document import text_sha256

    ns = {"t": TEI_NS}
    root = etree.fromstring(t.tei)
    first = root.find("t:TEI", ns)
    paragraphs = first.findall("t:text/t:body/t:p", ns)
    paragraphs[0].text = "\r" + paragraphs[0].text
    sha = first.find(".//t:idno[@type='sha256']", ns)
    sha.text = text_sha256("\n".join(p.text or "" for p in paragraphs))
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    assert b"&#13;" in data
    return {"a.xml": data}


def review(targets: list[str], result: str | None) -> dict:
    """A review decision by li."""
    return {"id": "r1", "reviewer": "li", "decision": "accepted", "targets": targets,
            "result_id": result, "note": None, "created": "2025-01-01T00:00:00Z"}


def tei_review(t: T, target: str, result: str = "") -> dict[str, bytes]:
    """A review decision in the first document, pointing at ``target`` (and ``result``)."""
    ptr = f'<ptr type="result" target="{result}"/>' if result else ""
    decision = (f'<listAnnotation type="review"><annotation xml:id="r-r1" '
                f'motivation="assessing" target="{target}" resp="#ann-li">'
                f'<ptr type="status" target="#status-accepted"/>{ptr}</annotation>'
                "</listAnnotation>")
    return {"a.xml": t.tei.replace(b"</standOff>", decision.encode() + b"</standOff>", 1)}


def first_span_ref(t: T) -> str:
    m = re.search(rb'<annotation xml:id="(a-[^"]+)"', t.tei)
    assert m
    return "#" + m[1].decode()


def tei_relation(t: T, passive: str, rtype: str = "poses", ends: str | None = None
                 ) -> dict[str, bytes]:
    """A relation put in the first document's stand-off, from its first span, in that span's
    layer (``ends``: the attributes naming the ends, if not ``active``/``passive``)."""
    m = re.search(rb'<annotation xml:id="(a-[^"]+)"[^>]*resp="([^"]+)"', t.tei)
    assert m
    first, resp = "#" + m[1].decode(), m[2].decode()
    ends = ends or f'active="{first}" passive="{passive}"'
    el = (f'<listRelation type="relations"><relation xml:id="rel-x" ref="#rt-{rtype}" '
          f'name="{rtype}" {ends} resp="{resp}"/></listRelation>')
    return {"a.xml": insert(t.tei, b"</listAnnotation>", el.encode())}


def last_span_ref(t: T) -> str:
    return "#" + re.findall(rb'<annotation xml:id="(a-[^"]+)"', t.tei)[-1].decode()


def insert(data: bytes, needle: bytes, extra: bytes) -> bytes:
    at = data.index(needle) + len(needle)
    return data[:at] + extra + data[at:]


Build = Callable[[T], dict[str, bytes]]
S = "documents/0/spans/0/"
J = "0/spans/0/"
CASES: dict[str, tuple[Build, str]] = {
    # plain text ------------------------------------------------------------------------------
    "txt-empty": (lambda t: {"a.txt": b""}, "empty"),
    "txt-blank": (lambda t: {"a.txt": " \n\t\u3000\n".encode()}, "empty"),
    "txt-binary": (lambda t: {"a.txt": GARBAGE}, "binary|not text"),
    "txt-nul": (lambda t: {"a.txt": "上海合作组织\x00会议。".encode()}, "NUL|binary"),
    "txt-bad-utf8": (lambda t: {"a.txt": b"\xc3\x28 abc \xa0\xa1\xff\xfd"}, "not text"),
    "txt-is-dataset-json": (lambda t: {"a.txt": dumps(t.json)}, r"JSON.*\.json"),
    "txt-is-tei": (lambda t: {"a.txt": t.tei}, r"TEI.*\.xml"),
    "txt-is-doccano": (lambda t: {"a.txt": lines(t.doccano)}, r"JSON.*\.jsonl"),
    "txt-is-xxe-tei": (lambda t: {"a.txt": xml_doc("<text>&x;</text>", XXE)}, "TEI|XML"),
    # HTML ------------------------------------------------------------------------------------
    "html-empty": (lambda t: {"a.html": b""}, "empty"),
    "html-binary": (lambda t: {"a.html": b"<html>" + GARBAGE}, "binary|not text"),
    "html-nul": (lambda t: {"a.html": HTML.format("中\x00文").encode()}, "NUL|binary"),
    "html-bad-utf8": (lambda t: {"a.html": HTML.format("正文").encode() + b"\xff\x80\x81"},
                      "not text"),
    "html-no-text": (lambda t: {"a.html": HTML.format("").encode()}, "no article text"),
    "html-deep": (lambda t: {"a.html": ("<html><body>" + "<a>" * 100_000).encode()},
                  "markup|no article text"),
    "html-is-dataset-json": (lambda t: {"a.html": dumps(t.json)}, r"JSON.*\.json"),
    "html-is-tei": (lambda t: {"a.html": t.tei}, r"TEI.*\.xml"),
    # JSON / JSONL text records ----------------------------------------------------------------
    "records-empty": (lambda t: {"a.json": b""}, "empty"),
    "records-binary": (lambda t: {"a.json": b'[{"text": "' + GARBAGE}, "binary|not text"),
    "records-nul": (lambda t: {"a.json": '[{"text": "中\x00文"}]'.encode()}, "NUL|binary"),
    "records-bad-utf8": (lambda t: {"a.json": b'[{"text": "\xff\xfe\x80"}]'}, "not text"),
    "records-deep": (lambda t: {"a.json": DEEP_JSON.encode()}, "nested too deeply"),
    "records-truncated": (lambda t: {"a.json": '[{"text": "上海合作组织会议"}, {"te'.encode()},
                          "invalid JSON"),
    "records-nul-escaped": (lambda t: {"a.json": b'[{"text": "\\u0000"}]'}, "NUL"),
    "records-surrogate": (lambda t: {"a.json": b'[{"text": "\\ud800 x"}]'}, "surrogate"),
    "records-wrong-type": (lambda t: {"a.json": b'[{"text": ["x"]}]'}, '"text" string'),
    "records-text-named-json": (lambda t: {"a.json": "上海合作组织召开会议。".encode()},
                                "invalid JSON"),
    "records-annotations": (lambda t: {"a.json": dumps({"documents": [
        {"id": "x1", "text": "上海合作组织举行会议。", "annotations": [
            {"start": 5, "end": 2, "tag": "actor"}]}]})},
        r"a\.json: record 0: carries span data \(annotations\), which a text record cannot "
        r"take .* doccano JSONL with --annotator NAME"),
    "records-spans-later-line": (lambda t: {"a.jsonl": lines([
        {"text": "上海合作组织举行会议。"},
        {"text": "恐怖主义", "spans": [{"start": 0, "end": 4, "label": "threat.terrorism"}]}])},
        r"line 2: carries span data \(spans\)"),
    "records-offsets": (lambda t: {"a.json": dumps([{"text": "上海", "start": 0, "end": 2,
                                                     "label": "actor.igo"}])},
                        r"span data \(label, start, end\)"),
    "records-top-level-spans": (lambda t: {"a.json": dumps({
        "documents": [{"text": "上海合作组织举行会议。"}], "entities": [[0, 6, "actor.igo"]]})},
        r"top level: carries span data \(entities\)"),
    "records-top-level-other": (lambda t: {"a.json": dumps({
        "documents": [{"text": "上海合作组织举行会议。"}], "tagset": "mine"})},
        r"top level: fields besides \"documents\" would not be read \(tagset\)"),
    "records-jsonl-empty": (lambda t: {"a.jsonl": b"\n\n"}, "empty"),
    "records-jsonl-binary": (lambda t: {"a.jsonl": GARBAGE}, "binary|not text"),
    "records-jsonl-nul": (lambda t: {"a.jsonl": '{"text": "中\x00文"}\n'.encode()}, "NUL"),
    "records-jsonl-bad-utf8": (lambda t: {"a.jsonl": b'{"text": "\xff\x80"}\n'}, "not text"),
    "records-jsonl-deep": (lambda t: {"a.jsonl": DEEP_JSON.encode()}, "nested too deeply"),
    "records-jsonl-truncated": (lambda t: {"a.jsonl": '{"text": "上海"}\n{"text": "恐'.encode()},
                                "invalid JSON"),
    "records-jsonl-is-tei": (lambda t: {"a.jsonl": t.tei}, "invalid JSON|XML"),
    "records-jsonl-is-dataset": (lambda t: {"a.jsonl": dumps(t.json)}, r"\.json\b"),
    # our JSON dataset ------------------------------------------------------------------------
    "dataset-empty": (lambda t: {"a.json": b'{"format": "annotator-dataset"}'}, "required"),
    "dataset-binary": (lambda t: {"a.json": b'{"format": "annotator-dataset", ' + GARBAGE},
                       "not UTF-8|invalid JSON"),
    "dataset-nul": (lambda t: {"a.json": insert(dumps(t.json), b'"text": "', b"\x00")},
                    "invalid JSON"),
    "dataset-bad-utf8": (lambda t: {"a.json": insert(dumps(t.json), b'"text": "', b"\xff")},
                         "not UTF-8"),
    "dataset-deep": (lambda t: {"a.json": ('{"format": "annotator-dataset", "x": ' + DEEP_JSON
                                           + "}").encode()}, "nested too deeply"),
    "dataset-deep-metadata": (lambda t: dataset(t, "documents/0/metadata/x",
                                                json.loads("[" * 900 + "]" * 900)),
                              "nested too deeply"),
    "dataset-surrogate": (lambda t: {"a.json": dumps(changed(t.json, "documents/0/title",
                                                             "\ud800"), ascii=True)},
                          "surrogate"),
    "dataset-truncated": (lambda t: {"a.json": dumps(t.json)[:len(dumps(t.json)) // 2]},
                          "invalid JSON.*truncated"),
    "dataset-span-negative": (lambda t: dataset(t, S + "start", -1), "minimum"),
    "dataset-span-inverted": (lambda t: dataset(t, S + "start", span0(t)["end"] + 1),
                              "inverted"),
    "dataset-span-beyond": (lambda t: dataset(t, S + "end", 10**6), "past the end"),
    "dataset-unknown-tag": (lambda t: dataset(t, S + "tag", "actor.nope"), "unknown tag"),
    "dataset-duplicate-span": (lambda t: dataset(t, "documents/0/spans/1/id", span0(t)["id"]),
                               "duplicate span id"),
    "dataset-duplicate-document": (lambda t: dataset(t, "documents/1", t.json["documents"][0]),
                                   "duplicate document id"),
    "dataset-stored-id-other-text": (new_text_with_stored_id, "another text|different text"),
    "dataset-wrong-type": (lambda t: dataset(t, "documents/0/text", 5), "not of type"),
    "dataset-review-target-elsewhere": (
        lambda t: dataset(t, "documents/0/review", [review(["li-elsewhere"], None)]),
        r"/documents/0/review/0 .*targets names span 'li-elsewhere', which is not a span of "
        "this document in the file"),
    "dataset-review-result-elsewhere": (
        lambda t: dataset(t, "documents/0/review", [review([span0(t)["id"]], "gold-x")]),
        "result_id names span 'gold-x'"),
    "dataset-review-other-document": (
        lambda t: dataset(t, "documents/1/review", [review([span0(t)["id"]], None)]),
        "not a span of this document"),
    "dataset-control-char": (lambda t: dataset(t, "documents/0/text", "上海\u000b合作"),
                             r"/documents/0/text .*U\+000B \(a control character\) at offset 2"),
    "dataset-missing-key": (lambda t: dataset(t, "documents/0/text_sha256", ...), "required"),
    # our JSON Lines + manifest ----------------------------------------------------------------
    "jsonl-empty": (lambda t: jsonl(t, raw=b""), "0 documents"),
    "jsonl-binary": (lambda t: jsonl(t, raw=GARBAGE), "not UTF-8|invalid JSON"),
    "jsonl-nul": (lambda t: jsonl(t, raw=insert(lines(t.jsonl), b'"text": "', b"\x00")),
                  "invalid JSON"),
    "jsonl-bad-utf8": (lambda t: jsonl(t, raw=insert(lines(t.jsonl), b'"text": "', b"\xff")),
                       "not UTF-8"),
    "jsonl-deep": (lambda t: jsonl(t, raw=DEEP_JSON.encode()), "nested too deeply"),
    "jsonl-truncated-line": (lambda t: jsonl(t, raw=lines(t.jsonl)[:-30]), "invalid JSON"),
    "jsonl-missing-line": (lambda t: jsonl(t, raw=lines(t.jsonl[:-1])), "truncated"),
    "jsonl-manifest-empty": (lambda t: jsonl(t, manifest=b""), "invalid JSON"),
    "jsonl-manifest-binary": (lambda t: jsonl(t, manifest=GARBAGE), "not UTF-8"),
    "jsonl-manifest-deep": (lambda t: jsonl(t, manifest=DEEP_JSON.encode()), "nested too deeply"),
    "jsonl-span-negative": (lambda t: jsonl(t, J + "start", -1), "minimum"),
    "jsonl-span-inverted": (lambda t: jsonl(t, J + "end", 0), "inverted"),
    "jsonl-span-beyond": (lambda t: jsonl(t, J + "end", 10**6), "past the end"),
    "jsonl-unknown-tag": (lambda t: jsonl(t, J + "tag", "actor.nope"), "unknown tag"),
    "jsonl-duplicate-span": (lambda t: jsonl(t, "0/spans/1/id", t.jsonl[0]["spans"][0]["id"]),
                             "duplicate span id"),
    "jsonl-duplicate-document": (lambda t: jsonl(t, raw=lines([t.jsonl[0], *t.jsonl])),
                                 "duplicate document id"),
    "jsonl-wrong-type": (lambda t: jsonl(t, "0/spans", {"a": 1}), "not of type"),
    "jsonl-review-elsewhere": (lambda t: jsonl(t, "0/review", [review(["x"], None)]),
                               r"a\.jsonl:1: /review/0 .*names span 'x'"),
    "jsonl-noncharacter": (lambda t: jsonl(t, "0/text", "上海合作\ufffe"),
                           r"a\.jsonl:1: /text .*U\+FFFE \(a noncharacter\) at offset 4"),
    # stand-off TEI ---------------------------------------------------------------------------
    "tei-empty": (lambda t: {"a.xml": b""}, "not well-formed"),
    "tei-binary": (lambda t: {"a.xml": GARBAGE}, "not well-formed"),
    "tei-nul": (lambda t: {"a.xml": insert(t.tei, b"<p ", b"\x00")}, "not well-formed"),
    "tei-bad-utf8": (lambda t: {"a.xml": insert(t.tei, b"<title>", b"\xff\xfe")},
                     "not well-formed"),
    "tei-surrogate": (lambda t: {"a.xml": insert(t.tei, b'<idno type="document">',
                                                 b'<g type="codepoint" n="U+D800"/>')},
                      "bad code point"),
    "tei-truncated": (lambda t: {"a.xml": t.tei[:len(t.tei) // 2]}, "not well-formed"),
    "tei-deep": (lambda t: {"a.xml": xml_doc(DEEP_XML)}, "depth"),
    "tei-deep-dense": (lambda t: {"a.xml": xml_doc("<a>" * 100_000 + "</a>" * 100_000)},
                       "too much markup"),
    "tei-xxe": (lambda t: {"a.xml": xml_doc("<text>&x;</text>", XXE)}, "DTD"),
    "tei-xxe-utf16": (lambda t: {"a.xml": xml_doc("<text>&x;</text>", XXE, "utf-16")}, "DTD"),
    "tei-billion-laughs": (lambda t: {"a.xml": xml_doc("<text>&i;</text>", LAUGHS)}, "DTD"),
    "tei-external-dtd": (lambda t: {"a.xml": xml_doc("", '<!DOCTYPE TEI SYSTEM '
                                                     '"file:///etc/passwd">')}, "DTD"),
    "tei-public-dtd": (lambda t: {"a.xml": xml_doc("", '<!DOCTYPE TEI PUBLIC "-//X//DTD Y//EN" '
                                                   '"http://example.invalid/t.dtd">')}, "DTD"),
    "tei-xinclude": (lambda t: {"a.xml": insert(t.tei, b"<teiHeader>", XINCLUDE.encode())},
                     "XInclude"),
    "tei-span-negative": (lambda t: tei_range(t, -1, 3), "out of range|not a #string-range"),
    "tei-span-inverted": (lambda t: tei_range(t, 5, -3), "out of range|inverted|not a #string"),
    "tei-span-beyond": (lambda t: tei_range(t, 10**6, 3), "out of range"),
    "tei-span-empty": (lambda t: tei_range(t, 5, 0), "empty or inverted"),
    "tei-unknown-tag": (lambda t: tei(t, b'<ptr type="category" target="#',
                                      b'<ptr type="category" target="#nope'), "unknown tag"),
    "tei-unknown-element": (lambda t: {"a.xml": insert(t.tei, b"<body>", b"<x/>")},
                            "<body> must hold only"),
    "tei-duplicate-span": (lambda t: tei_twice(t, b"<annotation ", b"</annotation>"),
                           "duplicate xml:id|already defined"),
    "tei-duplicate-document": (tei_same_idno, "duplicate document"),
    "tei-bad-feature-name": (tei_bad_feature, "not a character"),
    "tei-cleaning-not-a-number": (lambda t: tei(t, b'<num type="at" value="0">0</num>',
                                                b'<seg type="at">0</seg>'), "must be <num>"),
    "tei-wrong-root": (lambda t: {"a.xml": b'<?xml version="1.0"?><html><p>x</p></html>'},
                       "not a TEI document"),
    "tei-is-json": (lambda t: {"a.xml": dumps(t.json)}, "not well-formed"),
    "tei-review-target-elsewhere": (lambda t: tei_review(t, "#a-elsewhere"),
                                    "review decision r1: names span elsewhere, which is not a "
                                    "span of document"),
    "tei-review-result-elsewhere": (lambda t: tei_review(t, first_span_ref(t), "#a-gold"),
                                    "names span gold"),
    "tei-review-target-not-a-span": (lambda t: tei_review(t, "#p-x-1"), r"@target: id 'p-x-1'"),
    "tei-carriage-return": (tei_carriage_return, r"U\+000D \(a carriage return.*at offset 0"),
    "tei-is-text": (lambda t: {"a.xml": "上海合作组织召开会议。".encode()}, "not well-formed"),
    "tei-relation-missing-span": (lambda t: tei_relation(t, "#a-nowhere"),
                                  "no such span nowhere"),
    "tei-relation-self": (lambda t: tei_relation(t, first_span_ref(t)), "to itself"),
    "tei-relation-other-document": (lambda t: tei_relation(t, last_span_ref(t)),
                                    "no such span"),
    "tei-relation-unknown-type": (lambda t: tei_relation(t, last_span_ref(t), rtype="funds"),
                                  "unknown relation type 'funds'"),
    "tei-relation-mutual-directed": (lambda t: tei_relation(
        t, "", "uses", f'mutual="{first_span_ref(t)} {last_span_ref(t)}"'), "one @active"),
    # doccano ---------------------------------------------------------------------------------
    "doccano-empty-text": (lambda t: doccano(t, {"text": "", "label": []}), "non-empty"),
    "doccano-binary": (lambda t: {"a.jsonl": lines([t.doccano[0], GARBAGE])},
                       "not UTF-8|invalid JSON"),
    "doccano-nul": (lambda t: {"a.jsonl": lines([t.doccano[0], b'{"text": "a\x00b"}'])},
                    "invalid JSON"),
    "doccano-nul-escaped": (lambda t: doccano(t, {"text": "上海\u0000合作", "label": []}),
                            "NUL|control"),
    "doccano-surrogate": (lambda t: {"a.jsonl": lines([t.doccano[0], b'{"text": "\\udc00"}'])},
                          "surrogate"),
    "doccano-bad-utf8": (lambda t: {"a.jsonl": lines([t.doccano[0], b'{"text": "\xff"}'])},
                         "not UTF-8"),
    "doccano-deep": (lambda t: {"a.jsonl": lines([t.doccano[0], DEEP_JSON.encode()])},
                     "nested too deeply"),
    "doccano-truncated": (lambda t: {"a.jsonl": lines(t.doccano)[:-15]}, "invalid JSON"),
    "doccano-negative": (lambda t: doccano_label(t, [[-1, 3, "actor.igo"]]), "out of range"),
    "doccano-inverted": (lambda t: doccano_label(t, [[5, 2, "actor.igo"]]), "inverted"),
    "doccano-beyond": (lambda t: doccano_label(t, [[0, 10**6, "actor.igo"]]), "out of range"),
    "doccano-unknown-tag": (lambda t: doccano_label(t, [[0, 2, "nope"]]), "unknown tag"),
    "doccano-label-not-list": (lambda t: doccano_label(t, {"a": 1}), "must be a list"),
    "doccano-label-pair": (lambda t: doccano_label(t, [[1, 2]]), r"expected \[start"),
    "doccano-label-strings": (lambda t: doccano_label(t, [["a", "b", "c"]]), "integers"),
    "doccano-label-floats": (lambda t: doccano_label(t, [[1.0, 2, "actor.igo"]]), "integers"),
    "doccano-label-tag-int": (lambda t: doccano_label(t, [[1, 2, 3]]), "must be a string"),
    "doccano-relation-missing-span": (lambda t: doccano_relation(t, 1, 999),
                                      "to_id 999 is not an entity of this line"),
    "doccano-relation-self": (lambda t: doccano_relation(t, 1, 1), "to itself"),
    "doccano-relation-unknown-type": (lambda t: doccano_relation(t, 1, 1, "funds"),
                                      "unknown relation type 'funds'"),
    "doccano-relation-no-ids": (lambda t: doccano(t, {**t.doccano[1], "entities": [
        {k: v for k, v in e.items() if k != "id"} for e in t.doccano[1]["entities"]],
        "relations": [{"from_id": 1, "to_id": 2, "type": "uses"}]}), "not an entity"),
    "doccano-entities-shape": (lambda t: doccano(t, {"text": "上海", "entities": [
        {"start_offset": 0}]}), "end_offset"),
    "doccano-text-wrong-type": (lambda t: doccano(t, {"text": ["上海"], "label": []}),
                                '"text" string'),
    "doccano-duplicate-id": (lambda t: doccano(t, {**t.doccano[1], "id": t.doccano[0]["id"]}),
                             "duplicate id"),
    "doccano-not-canonical": (lambda t: doccano(t, {"text": "cafe\u0301 文本", "label": []}),
                              "not canonical"),
    "doccano-carriage-return": (lambda t: doccano(t, {"text": "新\r\n文本", "label": []}),
                                r"a\.jsonl:2: .*U\+000D \(a carriage return"),
    "doccano-control-char": (lambda t: doccano(t, {"text": "a\u000bb",
                                                   "label": [[2, 3, "actor.state"]]}),
                             r"a\.jsonl:2: its text holds U\+000B .* at offset 1"),
    # brat ------------------------------------------------------------------------------------
    "brat-empty-ann": (lambda t: brat(t, ann=""), "empty"),
    "brat-empty-txt": (lambda t: brat(t, txt=""), "empty"),
    "brat-no-txt": (lambda t: {"a.ann": t.brat_ann.encode()}, "not found"),
    "brat-binary-ann": (lambda t: brat(t, ann=GARBAGE), "not UTF-8"),
    "brat-binary-txt": (lambda t: brat(t, txt=GARBAGE), "not UTF-8"),
    "brat-bad-utf8-ann": (lambda t: brat(t, ann=t.brat_ann.encode() + b"T2\t\xff\n"),
                          "not UTF-8"),
    "brat-nul-ann": (lambda t: brat(t, ann="T1\tactor-igo 0 2\t\x00\x00\n"), "NUL|not match"),
    "brat-nul-txt": (lambda t: brat(t, ann="T1\tactor-igo 0 6\t上海合作组织\n",
                                    txt="上海合作组织\x00会议"), "NUL|binary"),
    "brat-control-txt": (lambda t: brat(t, ann="T1\tactor-igo 0 2\t上海\n", txt="上海\x01合作"),
                         r"a\.ann: a\.txt: its text holds U\+0001 .* at offset 2"),
    "brat-negative": (lambda t: brat(t, ann="T1\tactor-igo -1 5\tx\n"), "bad offsets"),
    "brat-inverted": (lambda t: brat(t, ann="T1\tactor-igo 5 2\tx\n"), "inverted"),
    "brat-beyond": (lambda t: brat(t, ann="T1\tactor-igo 0 999999\tx\n"), "past the end"),
    "brat-unknown-label": (lambda t: brat(t, ann=t.brat_ann.replace("actor-igo", "nope")),
                           "unknown label"),
    "brat-duplicate-id": (lambda t: brat(t, ann=t.brat_ann + t.brat_ann), "duplicate entity"),
    "brat-bad-line": (lambda t: brat(t, ann="X1\tfoo 0 1\tx\n"), "unknown annotation line"),
    "brat-truncated": (lambda t: brat(t, ann=t.brat_ann[:12]), "bad offsets|expected"),
    "brat-dangling-note": (lambda t: brat(t, ann=t.brat_ann.replace("AnnotatorNotes T1",
                                                                     "AnnotatorNotes T9")),
                           "not an entity"),
    "brat-is-json": (lambda t: brat(t, ann=dumps(t.json)), "unknown annotation line"),
    "brat-relation-missing-span": (lambda t: brat(t, ann=t.brat_ann + "R1\tpart_of Arg1:T1 "
                                                  "Arg2:T9\n"), "'T9' is not an entity"),
    "brat-relation-self": (lambda t: brat(t, ann=t.brat_ann + "R1\tcooperates_with Arg1:T1 "
                                          "Arg2:T1\n"), "to itself"),
    "brat-relation-unknown-type": (lambda t: brat(t, ann=t.brat_ann + "R1\tfunds Arg1:T1 "
                                                  "Arg2:T1\n"), "unknown relation type"),
    "brat-equivalence-directed": (lambda t: brat(t, ann=t.brat_ann + "*\tuses T1 T1\n"),
                                  "is directed"),
}


# --- running an import ---------------------------------------------------------------------------

def dump(project: Path) -> str:
    with sqlite3.connect(project) as conn:
        return "\n".join(conn.iterdump())


def put(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder / next(iter(files))


def run_import(pristine: Path, folder: Path, files: dict[str, bytes]):
    """Import the first of ``files`` into a copy of the seed project: (outcome, seconds,
    peak bytes traced, dump before, dump after)."""
    project = folder / "p.annotator"
    shutil.copy(pristine, project)
    target = put(folder, files)
    with Store.open(project) as store:
        before = dump(project)
        tracemalloc.start()
        start = time.perf_counter()
        try:
            outcome = import_files(store, [target], WHO)
        finally:
            seconds = time.perf_counter() - start
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
    return outcome, seconds, peak, before, dump(project)


def assert_refused(outcome, name: str, expect: str) -> str:
    assert [type(e) for e in outcome.errors] == [InputError], outcome.lines
    message = outcome.errors[0].message
    assert "\n" not in message and "Traceback" not in message, message
    assert name in message, message
    assert UNFORESEEN not in message  # a reader check is missing
    assert re.search(expect, message, re.I), message
    assert not any(line.startswith("imported") for line in outcome.lines), outcome.lines
    return message


@pytest.mark.parametrize("case", CASES)
def test_hostile_file_is_refused_in_one_line_and_changes_nothing(world, tmp_path, case):
    pristine, t = world
    build, expect = CASES[case]
    files = build(t)
    outcome, seconds, peak, before, after = run_import(pristine, tmp_path, files)
    named = "a.manifest.json" if "manifest" in case else next(iter(files))
    assert_refused(outcome, named, expect)
    assert seconds < 5, f"{case} took {seconds:.1f} s"
    assert peak < 64 * 2**20, f"{case} traced {peak / 2**20:.0f} MB"
    assert after == before


def test_a_review_decision_id_stored_for_another_document_is_refused(world, tmp_path):
    pristine, t = world
    project = tmp_path / "p.annotator"
    shutil.copy(pristine, project)
    decision = {"id": "r1", "reviewer": "li", "decision": "accepted", "note": None,
                "created": "2025-01-01T00:00:00Z"}
    files = [dumps(changed(t.json, f"documents/{n}/review", [
        {**decision, "targets": [d["spans"][0]["id"]], "result_id": d["spans"][0]["id"]}]))
        for n, d in enumerate(t.json["documents"][:2])]
    with Store.open(project) as store:
        first = import_files(store, [put(tmp_path / "1", {"a.json": files[0]})], WHO)
        assert not first.errors and "1 review decisions added" in first.lines[0]
        before = dump(project)
        second = import_files(store, [put(tmp_path / "2", {"a.json": files[1]})], WHO)
    assert_refused(second, "a.json", "review decision r1 differs")
    assert dump(project) == before


VALID: dict[str, Build] = {
    "dataset": lambda t: {"a.json": dumps(t.json)},
    "jsonl": lambda t: jsonl(t),
    "tei": lambda t: {"a.xml": t.tei},
    "doccano": lambda t: {"a.jsonl": lines(t.doccano)},
    "brat": lambda t: brat(t),
    "text": lambda t: {"a.txt": "上海合作组织成员国举行会议。\n".encode()},
    "text-repeated-to-the-end": lambda t: {"a.txt": ("第一段。\n" + ("重复" * 60 + "\n") * 3)
                                            .encode()},
    "html": lambda t: {"a.html": HTML.format("上海合作组织成员国举行会议。").encode()},
    "records": lambda t: {"a.json": dumps([{"title": "t", "text": "上海合作组织举行会议。"}])},
    "records-jsonl": lambda t: {"a.jsonl": lines([{"text": "上海合作组织举行会议。"}])},
}


@pytest.mark.parametrize("kind", VALID)
def test_the_files_the_cases_are_made_from_import_and_change_the_project(world, tmp_path, kind):
    pristine, t = world
    outcome, seconds, _, before, after = run_import(pristine, tmp_path, VALID[kind](t))
    assert not outcome.errors, [e.message for e in outcome.errors]
    assert after != before and seconds < 5


@pytest.mark.parametrize("prolog, body", [
    ('<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "前&x;后"),
    ('<!DOCTYPE html SYSTEM "file:///etc/passwd">', "前后"),
    (LAUGHS.replace("TEI", "html"), "前&i;后"),
    ("", f"前{XINCLUDE}后"),
], ids=["xxe", "external-dtd", "billion-laughs", "xinclude"])
def test_html_never_expands_entities_or_includes(world, tmp_path, prolog, body):
    page = prolog + HTML.format(body)
    outcome, seconds, peak, before, after = run_import(world[0], tmp_path,
                                                       {"a.html": page.encode()})
    assert all(isinstance(e, InputError) for e in outcome.errors)
    assert "root:" not in after and "aaaaaaaaaaaaaaaaaaaa" not in after
    assert seconds < 5 and peak < 64 * 2**20


# --- big files -----------------------------------------------------------------------------------

MEASURE = """
import resource, sys, time
from pathlib import Path
import annotator.formats.brat, annotator.formats.jsonfmt, annotator.formats.tei
from annotator.core.annotation import Annotator
from annotator.interchange import import_files
from annotator.store import Store
with Store.open(Path(sys.argv[1])) as store:
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    outcome = import_files(store, [Path(sys.argv[2])], Annotator("chen", "C"))
    seconds = time.perf_counter() - start
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024
print(seconds, grown, len(outcome.errors), *(e.message for e in outcome.errors[:1]), sep="\\n")
"""


def huge_tei(t: T) -> dict[str, bytes]:
    return {"a.xml": xml_doc("<text>" + "<a b='1' c='2'/>" * 2_500_000 + "</text>")}


def huge_html(t: T) -> dict[str, bytes]:
    return {"a.html": ("<html><body>" + "<div>上</div>" * 500_000).encode()}


def huge_json(t: T) -> dict[str, bytes]:
    return {"a.json": ("[" + '{"a":1},' * 5_000_000 + '{"text": "x"}]').encode()}


def huge_doccano(t: T) -> dict[str, bytes]:
    return doccano(t, {"text": "上海", "label": [[]] * 5_000_000})


def huge_text_node(t: T) -> dict[str, bytes]:
    return {"a.xml": xml_doc("<text>" + "上" * 12_000_000 + "</text>")}


@pytest.mark.parametrize("build", [huge_tei, huge_html, huge_json, huge_doccano,
                                   huge_text_node])
def test_huge_files_under_the_size_limit_are_refused_in_bounded_memory(world, tmp_path, build):
    """Measured in a fresh process: lxml's memory is invisible to tracemalloc."""
    pristine, t = world
    project = tmp_path / "p.annotator"
    shutil.copy(pristine, project)
    files = build(t)
    target = put(tmp_path, files)
    size = sum(len(d) for d in files.values())
    assert 2**20 < size < MAX_BYTES
    before = dump(project)
    result = subprocess.run([sys.executable, "-c", MEASURE, str(project), str(target)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    seconds, grown, errors, message = result.stdout.strip().split("\n")
    assert errors == "1" and target.name in message, result.stdout
    assert float(seconds) < 5, message
    assert float(grown) < 50 + 3 * size / 2**20, f"{grown} MB for {size / 2**20:.0f} MB"
    assert dump(project) == before


BIG = {  # 100 MB, over the limit, for every kind
    "text": lambda t, big: {"a.txt": big},
    "html": lambda t, big: {"a.html": b"<html><body><p>" + big},
    "records": lambda t, big: {"a.json": b'[{"text": "' + big},
    "records-jsonl": lambda t, big: {"a.jsonl": b'{"text": "' + big},
    "dataset": lambda t, big: {"a.json": b'{"format": "annotator-dataset", "x": "' + big},
    "jsonl": lambda t, big: jsonl(t, raw=lines(t.jsonl) + big),
    "jsonl-manifest": lambda t, big: jsonl(t, manifest=dumps(t.manifest)[:-1] + b', "x": "'
                                           + big),
    "tei": lambda t, big: {"a.xml": t.tei + big},
    "doccano": lambda t, big: {"a.jsonl": lines(t.doccano) + big},
    "brat-ann": lambda t, big: brat(t, ann=t.brat_ann.encode() + big),
    "brat-txt": lambda t, big: brat(t, txt=t.brat_txt.encode() + big),
}


@pytest.mark.slow
@pytest.mark.parametrize("kind", BIG)
def test_a_100_mb_file_is_refused_without_reading_it(world, tmp_path, kind):
    pristine, t = world
    big = "上海合作组织安全会议。".encode() * (100 * 2**20 // 30)
    files = BIG[kind](t, big)
    outcome, seconds, peak, before, after = run_import(pristine, tmp_path, files)
    named = "a.manifest.json" if "manifest" in kind else "a.txt" if kind == "brat-txt" \
        else next(iter(files))
    assert_refused(outcome, named, "too large")
    assert seconds < 5 and peak < 16 * 2**20, (seconds, peak)
    assert after == before


# --- through the command line --------------------------------------------------------------------

CLI_CASES = ["txt-nul", "html-deep", "records-deep", "dataset-span-inverted",
             "jsonl-truncated-line", "tei-xxe", "tei-billion-laughs", "tei-xinclude",
             "doccano-deep", "brat-beyond"]


@pytest.mark.parametrize("case", CLI_CASES)
def test_annotator_import_prints_one_line_and_exits_1(world, tmp_path, case):
    from click.testing import CliRunner

    from annotator.cli import cli

    pristine, t = world
    project = tmp_path / "p.annotator"
    shutil.copy(pristine, project)
    build, expect = CASES[case]
    target = put(tmp_path / "in", build(t))
    before = dump(project)
    who = ["--annotator", "chen"] if case.startswith(("doccano", "brat")) else []
    result = CliRunner().invoke(cli, ["import", str(project), str(target), *who])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(target) in errors[0], result.stderr
    assert re.search(expect, errors[0], re.I) and "Traceback" not in result.output
    assert dump(project) == before


# --- property tests: anything at all is imported or refused with an InputError ------------------

@pytest.fixture(scope="module")
def live(world, tmp_path_factory):
    """One project for all examples (a successful import may change it; a refusal may not)."""
    folder = tmp_path_factory.mktemp("live")
    project = folder / "p.annotator"
    shutil.copy(world[0], project)
    with Store.open(project) as store:
        yield store, project, world[1], folder


def import_anything(live, files: dict[str, bytes]) -> None:
    store, project, _, folder = live
    target = put(folder / f"x{time.perf_counter_ns()}", files)
    before = dump(project)
    outcome = import_files(store, [target], WHO)
    for error in outcome.errors:
        assert type(error) is InputError
        assert "\n" not in error.message and target.parent.name in error.message, error.message
        assert UNFORESEEN not in error.message  # a reader check is missing
    if outcome.errors:
        assert dump(project) == before


WRAP: dict[str, Callable[[T, bytes], dict[str, bytes]]] = {
    "text": lambda t, b: {"a.txt": b},
    "html": lambda t, b: {"a.html": b"<html><body><p>" + b},
    "records": lambda t, b: {"a.json": b},
    "records-jsonl": lambda t, b: {"a.jsonl": b},
    "dataset": lambda t, b: {"a.json": b'{"format": "annotator-dataset", ' + b},
    "jsonl": lambda t, b: jsonl(t, raw=b),
    "manifest": lambda t, b: jsonl(t, manifest=b),
    "tei": lambda t, b: {"a.xml": b},
    "doccano": lambda t, b: {"a.jsonl": lines([t.doccano[0]]) + b},
    "brat": lambda t, b: brat(t, ann=b),
    "brat-txt": lambda t, b: brat(t, txt=b),
}
PROPERTY = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
noise = st.one_of(st.binary(max_size=300), st.text(max_size=100).map(str.encode),
                  st.lists(st.sampled_from(['{"', '"}', "[", "]", ",", ":", "\n", "<", ">", "/",
                                            "\x00", "\\u0000", "\\ud800", '"text"', '"label"',
                                            "TEI", "&", "上海", "\t", "T1", "0 6", "\ufeff"]),
                           max_size=40).map(lambda x: "".join(x).encode()))


@PROPERTY
@given(kind=st.sampled_from(sorted(WRAP)), data=noise)
def test_random_bytes_at_every_importer(live, kind, data):
    import_anything(live, WRAP[kind](live[2], data))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2, 10**9) | st.floats(allow_nan=False)
    | st.text(max_size=8) | st.sampled_from(["actor.igo", "li", "", "x" * 300, "\udfff"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=4), max_leaves=10)


def paths_in(value, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(
        value, list) else ()
    for key, child in items:
        if not (isinstance(key, int) and key > 1):  # the first two of each list
            out += paths_in(child, (*prefix, key))
    return out


def mutated(value, path: tuple, new):
    if not path:
        return None if new is ... else new
    value = json.loads(json.dumps(value))
    holder = value
    for key in path[:-1]:
        holder = holder[key]
    if new is ... and isinstance(holder, dict):
        del holder[path[-1]]
    else:
        holder[path[-1]] = None if new is ... else new
    return value


JSON_TARGETS: dict[str, Callable[[T], object]] = {
    "dataset": lambda t: t.json, "jsonl": lambda t: t.jsonl[:2], "manifest": lambda t: t.manifest,
    "doccano": lambda t: t.doccano[:2],
}


def json_file(t: T, kind: str, value) -> dict[str, bytes]:
    records = [dumps(v, ascii=True) for v in (value if isinstance(value, list) else [value])]
    if kind == "dataset":
        return {"a.json": dumps(value, ascii=True)}
    if kind == "jsonl":
        return jsonl(t, raw=lines(records))
    if kind == "manifest":
        return jsonl(t, manifest=dumps(value, ascii=True))
    return {"a.jsonl": lines(records)}


@PROPERTY
@given(data=st.data(), kind=st.sampled_from(sorted(JSON_TARGETS)),
       new=st.one_of(st.just(...), json_values))
def test_well_formed_json_with_wrong_types_and_missing_keys(live, data, kind, new):
    t = live[2]
    value = JSON_TARGETS[kind](t)
    path = data.draw(st.sampled_from(paths_in(value)))
    import_anything(live, json_file(t, kind, mutated(value, path, new)))


spans = st.lists(st.one_of(json_values, st.tuples(st.integers(-3, 400), st.integers(-3, 400),
                                                  st.sampled_from(["actor.igo", "nope", 1]))
                           .map(list)), max_size=5)


@PROPERTY
@given(key=st.sampled_from(["label", "labels", "entities"]), shapes=spans,
       text=st.sampled_from(["text", "data", "body"]))
def test_doccano_label_shapes(live, key, shapes, text):
    t = live[2]
    if key == "entities":
        shapes = [dict(zip(("start_offset", "end_offset", "label"), s, strict=False))
                  if isinstance(s, list) else s for s in shapes]
    record = {text: t.doccano[1]["text"], key: shapes}
    import_anything(live, {"a.jsonl": lines([t.doccano[0], dumps(record, ascii=True)])})


PARAGRAPHS = ["上海合作组织安全会议" * 12, "会议举行。", "", "  ", "图片 1", "首页 新闻 国际 军事 财经",
              "执(zhí)法", "作者:李天毅", "http://x.cn/a/b?id=1", "\u200b", "<p>", "{\"a\": 1}",
              "来源：新华网 2021年99月1日 25:61", "发布时间：2021-02-30", "责任编辑：", "图片 1"]


@PROPERTY
@given(st.lists(st.sampled_from(PARAGRAPHS) | st.just(PARAGRAPHS[0]), min_size=1, max_size=12),
       st.sampled_from(["\n", "\r\n", "\n\n", " "]))
def test_texts_of_noise_and_repeated_paragraphs(live, paragraphs, sep):
    import_anything(live, {"a.txt": sep.join(paragraphs).encode()})


ann_lines = st.tuples(
    st.sampled_from(["T1", "T2", "T", "R1", "A1", "#1", "E1", "*", "N1", "X1", ""]),
    st.sampled_from(["actor-igo", "actor.igo", "nope", "AnnotatorNotes", "", "Arg1:T1"]),
    st.lists(st.one_of(st.integers(-5, 10**6).map(str), st.text(max_size=3)), max_size=4),
    st.sampled_from([" ", ";", "\t"]), st.text(max_size=8),
).map(lambda p: f"{p[0]}\t{p[1]} {p[3].join(p[2])}\t{p[4]}")


@PROPERTY
@given(st.lists(ann_lines, min_size=1, max_size=6))
def test_brat_ann_with_bad_lines(live, ann):
    import_anything(live, brat(live[2], ann="\n".join(ann)))


TEI_TAGS = ["TEI", "teiCorpus", "teiHeader", "text", "body", "p", "standOff", "listAnnotation",
            "annotation", "ptr", "note", "fs", "f", "string", "numeric", "vColl", "idno",
            "category", "taxonomy", "respStmt", "g", "foo"]
ATTRS = ["{http://www.w3.org/XML/1998/namespace}id", "target", "type", "resp", "ana", "n",
         "value", "when", "name", "subtype"]
tei_ops = st.tuples(st.sampled_from(["delete", "attr", "text", "copy", "child", "rename"]),
                    st.integers(0, 10**6), st.sampled_from(TEI_TAGS), st.sampled_from(ATTRS),
                    st.one_of(st.text(max_size=12),
                              st.sampled_from(["#nope", "#string-range(p,1,2)", "a-x", "-1"])))


def edit_tei(data: bytes, ops) -> bytes:
    from lxml import etree

    root = etree.fromstring(data)
    for op, at, tag, attr, value in ops:
        value = "".join(c for c in value if c.isprintable())
        elements = list(root.iter())
        el = elements[at % len(elements)]
        parent = el.getparent()
        if op == "delete" and parent is not None:
            parent.remove(el)
        elif op == "attr":
            el.set(attr, value)
        elif op == "text":
            el.text = value
        elif op == "copy" and parent is not None:
            parent.append(copy.deepcopy(el))
        elif op == "child":
            etree.SubElement(el, f"{{{TEI_NS}}}{tag}").text = value
        elif op == "rename":
            el.tag = f"{{{TEI_NS}}}{tag}"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@PROPERTY
@given(st.lists(tei_ops, min_size=1, max_size=4))
def test_tei_like_xml_with_wrong_structure(live, ops):
    import_anything(live, {"a.xml": edit_tei(live[2].tei, ops)})
