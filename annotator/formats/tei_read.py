"""Read our own stand-off TEI (a ``<TEI>`` or a ``<teiCorpus>``) back into a :class:`Dataset`.

Everything is checked before anything is returned: spans against the text, tags against the
tagset, annotators against the ``<respStmt>``s, quotes against the spans, the text against
its sha256. Any problem raises :class:`InputError` naming the file (and the annotation).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from annotator.core.annotation import Annotation
from annotator.core.dataset import DECISIONS, Dataset, DocumentData, ReviewDecision
from annotator.core.document import Document, text_sha256
from annotator.core.errors import InputError
from annotator.core.tagset import Tagset
from annotator.formats.canonical import unsafe_reason
from annotator.formats.tei_common import (
    XML_ID,
    get_text,
    paragraph_starts,
    parse_id,
    parse_ranges,
    parse_secure,
    pieces,
    q,
    refs,
)
from annotator.formats.tei_fs import read_fs
from annotator.formats.tei_header import NS, read_annotators, read_tagset
from annotator.formats.tei_relations import read_relations
from annotator.formats.tei_workflow import read_guidelines, read_notes, read_revision
from annotator.ingest.limits import MAX_DEPTH, parse_json, reading, too_deep
from annotator.ingest.tracked import LogEntry, restore

_DEEP = f"<note type=\"metadata\">: nested too deeply (more than {MAX_DEPTH} levels)"


@dataclass
class _Context:
    path: str | None
    tagset: Tagset
    resp: dict[str, str]  # respStmt xml:id -> annotator id

    def fail(self, reason: str) -> InputError:
        return InputError(self.path, reason)

    def known_tag(self, tag: str) -> bool:
        try:
            self.tagset.tag(tag)
        except KeyError:
            return False
        return True

    def annotator(self, value: str | None, where: str) -> str:
        ids = refs(value)
        if len(ids) != 1 or ids[0] not in self.resp:
            raise self.fail(f"{where}: @resp '{value or ''}' is not one of the annotators")
        return self.resp[ids[0]]


class _Text:
    """A document's paragraphs, to turn string ranges back into spans."""

    def __init__(self, paragraphs: list[tuple[str, str]], ctx: _Context, doc_id: str):
        self.ctx, self.doc_id = ctx, doc_id
        self.index = {pid: k for k, (pid, _) in enumerate(paragraphs)}
        self.lengths = [len(t) for _, t in paragraphs]
        self.text = "\n".join(t for _, t in paragraphs)
        self.starts = paragraph_starts(self.text)

    def span(self, target: str | None, where: str) -> tuple[int, int]:
        try:
            parts = parse_ranges(target or "")
        except ValueError as e:
            raise self.ctx.fail(f"{where}: bad @target: {e}") from None
        found = []
        for pid, off, n in parts:
            if pid not in self.index:
                raise self.ctx.fail(f"{where}: string-range names unknown paragraph '{pid}'")
            k = self.index[pid]
            if off < 0 or n < 0 or off + n > self.lengths[k]:
                raise self.ctx.fail(f"{where}: string-range({pid},{off},{n}) is out of range "
                                    f"(the paragraph has {self.lengths[k]} characters)")
            found.append((k, off, n))
        start = self.starts[found[0][0]] + found[0][1]
        end = self.starts[found[-1][0]] + found[-1][1] + found[-1][2]
        if end <= start:
            raise self.ctx.fail(f"{where}: the span is empty or inverted")
        # zero-length pointers (which older exports wrote at line breaks) select nothing
        if pieces(self.starts, self.lengths, start, end) != [f for f in found if f[2]]:
            raise self.ctx.fail(f"{where}: the string-ranges do not make one contiguous span")
        return start, end


def _one(el: etree._Element, xpath: str, ctx: _Context, what: str) -> etree._Element:
    found = el.xpath(xpath, namespaces=NS)
    if len(found) != 1:
        raise ctx.fail(f"expected one {what}, found {len(found)}")
    return found[0]


def _opt_text(el: etree._Element, xpath: str, ctx: _Context) -> str | None:
    found = el.xpath(xpath, namespaces=NS)
    if len(found) > 1:
        raise ctx.fail(f"more than one {xpath}")
    return get_text(found[0], ctx.path) if found else None


def _times(el: etree._Element, ctx: _Context) -> dict[str, str]:
    out = {}
    for change in el.xpath("tei:revisionDesc/tei:change", namespaces=NS):
        when = change.get("when")
        out[change.get("type", "")] = when if when is not None else get_text(change, ctx.path)
    return out


def _paragraphs(tei: etree._Element, ctx: _Context) -> list[tuple[str, str]]:
    body = _one(tei, "tei:text/tei:body", ctx, "<text><body>")
    out = []
    for p in body:
        if p.tag != q("p") or len(p) or not p.get(XML_ID):
            raise ctx.fail("<body> must hold only <p xml:id=...> elements with plain text")
        out.append((p.get(XML_ID), p.text or ""))
    if not out:
        raise ctx.fail("<body> has no paragraphs")
    return out


def _cleaning_entry(item: etree._Element, ctx: _Context) -> dict:
    entry: dict = {}
    for child in item:
        kind = etree.QName(child).localname
        if kind == "num":
            try:
                entry[child.get("type", "")] = int(child.get("value", ""))
            except ValueError:
                raise ctx.fail(f"cleaning log: bad number '{child.get('value')}'") from None
        else:
            key = {"del": "removed", "add": "inserted"}.get(kind, child.get("type", ""))
            entry[key] = get_text(child, ctx.path)
    try:
        log = LogEntry.from_dict(entry)
    except (KeyError, TypeError):
        raise ctx.fail("cleaning log: an <item> lacks one of rule, reason, orig_start, "
                       "orig_end, at, del, add") from None
    if not all(isinstance(getattr(log, k), int) for k in ("orig_start", "orig_end", "at")):
        raise ctx.fail("cleaning log: orig_start, orig_end and at must be <num>s")
    return log.to_dict()


def _cleaning(header: etree._Element, ctx: _Context) -> tuple[dict, ...]:
    items = header.xpath("tei:encodingDesc/tei:editorialDecl/tei:normalization/tei:p/"
                         "tei:list[@type='cleaning']/tei:item", namespaces=NS)
    return tuple(_cleaning_entry(i, ctx) for i in items)


def _metadata(bibl: etree._Element, ctx: _Context) -> dict:
    raw = _opt_text(bibl, "tei:note[@type='metadata']", ctx)
    try:
        data = parse_json(raw, ctx.path) if raw is not None else {}
    except json.JSONDecodeError as e:
        raise ctx.fail(f"<note type=\"metadata\"> is not JSON: {e.msg}") from None
    if not isinstance(data, dict):
        raise ctx.fail("<note type=\"metadata\"> must hold a JSON object")
    if too_deep(data):
        raise ctx.fail(_DEEP)
    return data


def _document(header: etree._Element, text: str, ctx: _Context) -> Document:
    pub = _one(header, "tei:fileDesc/tei:publicationStmt", ctx, "<publicationStmt>")
    doc_id = get_text(_one(pub, "tei:idno[@type='document']", ctx, "document <idno>"), ctx.path)
    sha = _opt_text(pub, "tei:idno[@type='sha256']", ctx)
    if sha != text_sha256(text):
        raise ctx.fail(f"document {doc_id}: text_sha256 {sha} does not match the text "
                       f"({text_sha256(text)})")
    bibl = _one(header, "tei:fileDesc/tei:sourceDesc/tei:bibl", ctx, "<sourceDesc><bibl>")
    lang = _one(bibl, "tei:textLang", ctx, "<textLang>")
    cleaning = _cleaning(header, ctx)
    log = [LogEntry.from_dict(d) for d in cleaning]
    return Document(
        id=doc_id, text=text, text_sha256=sha,
        title=get_text(_one(header, "tei:fileDesc/tei:titleStmt/tei:title", ctx, "<title>"),
                       ctx.path),
        source=_opt_text(bibl, "tei:publisher", ctx), origin=_opt_text(
            bibl, "tei:idno[@type='origin']", ctx), date=_opt_text(bibl, "tei:date", ctx),
        script=lang.get("mainLang", ""), languages=tuple(lang.get("otherLangs", "").split()),
        status=_opt_text(bibl, "tei:note[@type='status']", ctx) or "todo",
        review_status=_opt_text(bibl, "tei:note[@type='review_status']", ctx) or "not_reviewed",
        metadata=_metadata(bibl, ctx), encoding=_opt_text(bibl, "tei:note[@type='encoding']", ctx),
        cleaning=cleaning, original=restore(text, log))


def _attributes(el: etree._Element, fs: dict[str, etree._Element], ctx: _Context,
                where: str) -> dict:
    out: dict = {}
    for xml_id in refs(el.get("ana")):
        if xml_id not in fs:
            raise ctx.fail(f"{where}: @ana points to '{xml_id}', which is no <fs> here")
        out.update(read_fs(fs[xml_id], ctx.path))
    return out


def _ptr(el: etree._Element, kind: str, ctx: _Context, where: str) -> str | None:
    found = el.xpath(f"tei:ptr[@type='{kind}']", namespaces=NS)
    if len(found) > 1 or (found and len(refs(found[0].get("target"))) != 1):
        raise ctx.fail(f"{where}: bad <ptr type=\"{kind}\">")
    return refs(found[0].get("target"))[0] if found else None


def _span(el: etree._Element, text: _Text, fs: dict, ctx: _Context) -> Annotation:
    aid = _id("a", el, ctx)
    where = f"annotation {aid}"
    start, end = text.span(el.get("target"), where)
    tag = _ptr(el, "category", ctx, where)
    if tag is None or not ctx.known_tag(tag):
        raise ctx.fail(f"{where}: unknown tag '{tag}'")
    quote = _opt_text(el, "tei:note[@type='quote']", ctx)
    if quote is not None and quote != text.text[start:end]:
        raise ctx.fail(f"{where}: quote '{quote}' does not match the text "
                       f"'{text.text[start:end]}'")
    t = _times(el, ctx)
    return Annotation(aid, text.doc_id, start, end, tag,
                      ctx.annotator(el.get("resp"), where), _attributes(el, fs, ctx, where),
                      t.get("created", ""), t.get("modified", ""))


def _id(prefix: str, el: etree._Element, ctx: _Context) -> str:
    try:
        return parse_id(prefix, el.get(XML_ID) or "")
    except ValueError as e:
        raise ctx.fail(f"<annotation>: {e}") from None


def _decision(el: etree._Element, doc_id: str, tei_id: str | None, spans: set[str],
              ctx: _Context) -> ReviewDecision:
    """A review decision; every span it names must be one of ``spans`` (the document's, in
    this file); with no span to name it points at its ``<TEI>`` (``tei_id``)."""
    rid = _id("r", el, ctx)
    where = f"review decision {rid}"
    status = _ptr(el, "status", ctx, where) or ""
    if status.removeprefix("status-") not in DECISIONS:
        raise ctx.fail(f"{where}: unknown review status '{status}'")
    result = _ptr(el, "result", ctx, where)
    pointers = refs(el.get("target"))
    try:
        targets = () if pointers == [tei_id] else tuple(parse_id("a", t) for t in pointers)
        result_id = parse_id("a", result) if result is not None else None
    except ValueError as e:
        raise ctx.fail(f"{where}: @target: {e}") from None
    for name in (*targets, result_id):
        if name is not None and name not in spans:
            raise ctx.fail(f"{where}: names span {name}, which is not a span of document "
                           f"{doc_id} in this file")
    return ReviewDecision(rid, doc_id, ctx.annotator(el.get("resp"), where),
                          status.removeprefix("status-"), targets, result_id,
                          _opt_text(el, "tei:note[@type='comment']", ctx),
                          _times(el, ctx).get("created", ""))


def _read_tei(tei: etree._Element, ctx: _Context) -> DocumentData:
    text = _Text(_paragraphs(tei, ctx), ctx, "")
    doc = _document(_one(tei, "tei:teiHeader", ctx, "<teiHeader>"), text.text, ctx)
    text.doc_id = doc.id
    reason = unsafe_reason(text.text)
    if reason:
        raise ctx.fail(f"document {doc.id}: {reason}")
    fs = {el.get(XML_ID): el for el in tei.xpath("tei:standOff/tei:fs", namespaces=NS)}
    lists = "tei:standOff/tei:listAnnotation[@type='{}']/tei:annotation"
    spans = tuple(_span(el, text, fs, ctx) for el in tei.xpath(lists.format("spans"),
                                                               namespaces=NS))
    ids = {a.id for a in spans}
    decisions = tuple(_decision(el, doc.id, tei.get(XML_ID), ids, ctx)
                      for el in tei.xpath(lists.format("review"), namespaces=NS))
    statuses, assignments = read_revision(tei.find(q("teiHeader")), doc.id, ctx.annotator,
                                          ctx.path)
    threads, comments = read_notes(tei, doc.id, text.span, ctx.annotator, ctx.path)
    relations = read_relations(tei, doc.id, spans, ctx.tagset, ctx.annotator, ctx.path)
    return DocumentData(doc, spans, decisions, statuses, assignments, threads, comments,
                        relations)


def _check_ids(root: etree._Element, path: str | None) -> None:
    counts = Counter(el.get(XML_ID) for el in root.iter() if el.get(XML_ID) is not None)
    twice = sorted(i for i, n in counts.items() if n > 1)
    if twice:
        raise InputError(path, f"duplicate xml:id '{twice[0]}'")


def _read(root: etree._Element, path: str | None) -> Dataset:
    if root.tag not in (q("TEI"), q("teiCorpus")):
        raise InputError(path, f"not a TEI document (the root element is <{root.tag}>)")
    _check_ids(root, path)
    header = root.find(q("teiHeader"))
    if header is None:
        raise InputError(path, "no <teiHeader>")
    tagset = read_tagset(header, path)
    annotators, resp = read_annotators(header, path)
    ctx = _Context(path, tagset, resp)
    teis = root.findall(q("TEI")) if root.tag == q("teiCorpus") else [root]
    docs = tuple(_read_tei(t, ctx) for t in teis)
    twice = [i for i, n in Counter(d.document.id for d in docs).items() if n > 1]
    if twice:
        raise InputError(path, f"duplicate document id '{twice[0]}'")
    return Dataset(tagset, annotators, docs, read_guidelines(header, path))


def read_standoff(data: bytes, path: str | None = None) -> Dataset:
    """Our stand-off TEI back into a :class:`Dataset`; :class:`InputError` on anything wrong."""
    root = parse_secure(data, path)
    with reading(path):  # a safety net: still one line
        return _read(root, path)
