"""Lossless stand-off TEI: the canonical text in ``<p>``s, the annotations in ``<standOff>``.

Shape (one ``<TEI>``; in a ``<teiCorpus>`` the tagset and the annotators move to the corpus
header):

- ``TEI/@xml:id`` ``d-<doc>``; paragraphs ``p-<doc>-<n>`` (1-based); spans ``a-<id>``;
  review decisions ``r-<id>``; attribute structures ``f-<span id>``; annotators
  ``ann-<id>``; entities ``e-<doc>-<n>`` (see :mod:`annotator.formats.tei_common` for how
  ids that are not NCNames are escaped).
- ``teiHeader``: title; annotators as ``titleStmt/respStmt``; document id and text sha256 as
  ``publicationStmt/idno``; source, date, origin, script/languages, statuses, encoding and
  the metadata (JSON) in ``sourceDesc/bibl``; the tagset and the review statuses as
  taxonomies in ``encodingDesc/classDecl``; the cleaning log as one ``<item>`` per edit in
  ``encodingDesc/editorialDecl/normalization``.
- created/modified times in ``<revisionDesc><change type="created|modified">`` inside each
  span or decision (``@when`` when the value is an xs:dateTime, otherwise the text).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from bisect import bisect_right
from typing import IO, Any

from lxml import etree

from annotator.core.annotation import CERTAINTIES, Annotation
from annotator.core.commands import trim_space
from annotator.core.dataset import Dataset, DocumentData, ReviewDecision
from annotator.core.document import Document
from annotator.core.tagset import Tagset
from annotator.formats.tei_common import (
    XML_ID,
    XML_LANG,
    XML_SPACE,
    E,
    Unwritable,
    check_writable,
    format_ranges,
    make_id,
    paragraph_starts,
    pieces,
    put_text,
    q,
    ref,
    token,
)
from annotator.formats.tei_fs import attributes_fs
from annotator.formats.tei_header import class_decl, resp_stmt
from annotator.formats.tei_relations import write_relations
from annotator.formats.tei_stream import (
    NSMAP,
    TEIBytes,
    Writer,
    write_document,
    write_element,
    write_text,
)
from annotator.formats.tei_workflow import guidelines_decl, notes, revision

_DATETIME = re.compile(r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")
_DATE = re.compile(r"\d{4}-\d\d-\d\d|--\d\d-\d\d")
#: entity kind by tag → (list element, entry element, name element)
ENTITY_ELEMENTS = {"org": ("listOrg", "org", "orgName"),
                   "person": ("listPerson", "person", "persName"),
                   "place": ("listPlace", "place", "placeName")}


def _is_datetime(value: str) -> bool:
    try:
        return bool(_DATETIME.fullmatch(value)) and bool(dt.datetime.fromisoformat(value))
    except ValueError:
        return False


def _is_date(value: str) -> bool:
    try:
        return bool(_DATE.fullmatch(value)) and bool(
            dt.date.fromisoformat(value.replace("--", "2000-", 1)))
    except ValueError:
        return False


def entity_kind(tag: str) -> str | None:
    if tag == "actor.person":
        return "person"
    if tag == "actor.state":
        return "place"
    return "org" if tag.startswith("actor.") else None


class Entities:
    """Normalised names of actors as ``<org>``/``<person>``/``<place>`` entries."""

    def __init__(self, doc_id: str):
        self.doc = token(doc_id)
        self.ids: dict[tuple[str, str], str] = {}

    def ref(self, a: Annotation) -> str | None:
        name, kind = a.attributes.get("normalized"), entity_kind(a.tag)
        if not isinstance(name, str) or not name or kind is None:
            return None
        return self.ids.setdefault((kind, name), f"e-{self.doc}-{len(self.ids) + 1}")

    def lists(self) -> list[etree._Element]:
        out = []
        for kind, (list_tag, entry_tag, name_tag) in ENTITY_ELEMENTS.items():
            entries = [E(entry_tag, {XML_ID: xml_id}, put_text(E(name_tag), name))
                       for (k, name), xml_id in self.ids.items() if k == kind]
            if entries:
                out.append(E(list_tag, *entries))
        return out


def times(created: str, modified: str = "") -> etree._Element | None:
    changes = []
    for kind, value in (("created", created), ("modified", modified)):
        if value and _is_datetime(value):
            changes.append(E.change(type=kind, when=value))
        elif value:
            changes.append(put_text(E.change(type=kind), value))
    return E.revisionDesc(*changes) if changes else None


class Paragraphs:
    """The paragraphs of one document and their ids."""

    def __init__(self, doc: Document):
        check_writable(doc.id, doc.text)
        self.doc_id = doc.id
        self.text = doc.text
        self.paragraphs = doc.text.split("\n")
        self.starts = paragraph_starts(doc.text)
        self.lengths = [len(p) for p in self.paragraphs]
        prefix = f"p-{token(doc.id)}-"
        self.ids = [f"{prefix}{n}" for n in range(1, len(self.paragraphs) + 1)]

    def bounds(self, a: Annotation) -> tuple[int, int]:
        """Where ``a`` is written: trimmed of whitespace at its ends, as every import trims
        it, so that no pointer or element is ever empty (:class:`Unwritable` when nothing
        is left, or the span is not inside the text)."""
        start, end, text = a.start, a.end, self.text
        if not 0 <= start < end <= len(text):
            raise Unwritable(f"document {self.doc_id}: span {a.id} [{start}, {end}) is empty "
                             f"or outside the text ({len(text)} characters)")
        if text[start].isspace() or text[end - 1].isspace():
            start, end = trim_space(text, start, end)
            if start >= end:
                raise Unwritable(f"document {self.doc_id}: span {a.id} [{a.start}, {a.end}) "
                                 "holds only whitespace, which TEI cannot point at")
        return start, end

    def pointer(self, start: int, end: int) -> str:
        """``#string-range(...)`` pointers to ``[start, end)``, one per paragraph it covers
        text of (:func:`~annotator.formats.tei_common.pieces`)."""
        k = bisect_right(self.starts, start) - 1
        if end <= self.starts[k] + self.lengths[k]:  # the usual case: in one paragraph
            return f"#string-range({self.ids[k]},{start - self.starts[k]},{end - start})"
        return format_ranges(self.ids, pieces(self.starts, self.lengths, start, end))

    def write_body(self, xf: Writer) -> None:
        p, element, write = q("p"), xf.element, xf.write
        with element(q("body")):
            for pid, text in zip(self.ids, self.paragraphs, strict=True):
                with element(p, {XML_ID: pid}):
                    write(text)


class _Spans:
    """Writes one document's spans (``<annotation motivation="classifying">``); what many
    spans share (their annotator, tag, times) is prepared once."""

    def __init__(self, xf: Writer, text: Paragraphs, entities: Entities):
        self.xf, self.text, self.entities = xf, text, entities
        self.resp: dict[str, str] = {}  # annotator -> @resp
        self.category: dict[str, Any] = {}  # tag -> <ptr type="category">
        self.times: dict[tuple[str, str], list[tuple[Any, str]]] = {}
        self.revision, self.note = xf.element(q("revisionDesc")), xf.element(q("note"), type="quote")

    def _resp(self, annotator: str) -> str:
        self.resp[annotator] = ref(make_id("ann", annotator))
        return self.resp[annotator]

    def _category(self, tag: str) -> Any:
        self.category[tag] = self.xf.element(q("ptr"), type="category", target=ref(tag))
        return self.category[tag]

    def _changes(self, created: str, modified: str) -> list[tuple[Any, str]]:
        """``(<change>, its text)`` for :func:`times`."""
        out = []
        for kind, value in (("created", created), ("modified", modified)):
            if value and _is_datetime(value):
                out.append((self.xf.element(q("change"), type=kind, when=value), ""))
            elif value:
                out.append((self.xf.element(q("change"), type=kind), value))
        self.times[created, modified] = out
        return out

    def _from_attributes(self, a: Annotation, attrib: dict[str, str]) -> str | None:
        """Sets ``@cert`` and ``@ana``; the entity the span names, if any."""
        if a.attributes.get("certainty") in CERTAINTIES:
            attrib["cert"] = a.attributes["certainty"]
        attrib["ana"] = ref(make_id("f", a.id))
        return self.entities.ref(a)

    def write(self, annotations: tuple[Annotation, ...]) -> None:
        xf, text, full, annotation = self.xf, self.text, self.text.text, q("annotation")
        for a in annotations:
            start, end = text.bounds(a)
            attrib = {XML_ID: make_id("a", a.id), "motivation": "classifying",
                      "target": text.pointer(start, end),
                      "resp": self.resp.get(a.annotator) or self._resp(a.annotator)}
            entity = self._from_attributes(a, attrib) if a.attributes else None
            with xf.element(annotation, attrib):
                changes = self.times.get((a.created, a.modified))
                if changes is None:
                    changes = self._changes(a.created, a.modified)
                if changes:
                    with self.revision:
                        for change, value in changes:
                            with change:
                                write_text(xf, value)
                with self.category.get(a.tag) or self._category(a.tag):
                    pass
                if entity:
                    with xf.element(q("ref"), type="entity", target=ref(entity)):
                        pass
                with self.note:
                    write_text(xf, full[start:end])


def _decision(r: ReviewDecision, tei_id: str) -> etree._Element:
    targets = " ".join(ref(make_id("a", t)) for t in r.targets) or ref(tei_id)
    el = E.annotation({XML_ID: make_id("r", r.id), "motivation": "assessing",
                       "target": targets, "resp": ref(make_id("ann", r.reviewer))})
    revisions = times(r.created)
    if revisions is not None:
        el.append(revisions)
    el.append(E.ptr(type="status", target=ref(f"status-{r.decision}")))
    if r.result_id is not None:
        el.append(E.ptr(type="result", target=ref(make_id("a", r.result_id))))
    if r.note is not None:
        el.append(put_text(E.note(type="comment"), r.note))
    return el


def _write_standoff(xf: Writer, doc: DocumentData, text: Paragraphs, tei_id: str,
                    tagset: Tagset) -> None:
    """``<standOff>``, when the document has spans, decisions or threads."""
    if not doc.annotations and not doc.decisions and not doc.threads:
        return
    entities = Entities(doc.document.id)
    with xf.element(q("standOff")):
        if doc.annotations:
            with xf.element(q("listAnnotation"), type="spans"):
                _Spans(xf, text, entities).write(doc.annotations)
        write_relations(xf, doc.relations, tagset)
        if doc.decisions:
            write_element(xf, E.listAnnotation(*[_decision(r, tei_id) for r in doc.decisions],
                                               type="review"))
        threads = notes(doc, tei_id, {a.id for a in doc.annotations}, text.pointer)
        if threads is not None:
            write_element(xf, threads)
        for el in entities.lists():
            write_element(xf, el)
        for a in doc.annotations:
            if a.attributes:
                write_element(xf, attributes_fs(make_id("f", a.id), a.attributes))


def _bibl(d: Document) -> etree._Element:
    bibl = E.bibl()
    if d.source is not None:
        bibl.append(put_text(E.publisher(), d.source))
    if d.date is not None:
        date = put_text(E.date(), d.date)
        if _is_date(d.date):
            date.set("when", d.date)
        bibl.append(date)
    if d.origin is not None:
        bibl.append(put_text(E.idno(type="origin"), d.origin))
    lang = E.textLang(mainLang=d.script)
    if d.languages:
        lang.set("otherLangs", " ".join(d.languages))
    bibl.append(lang)
    bibl.append(put_text(E.note(type="status"), d.status))
    bibl.append(put_text(E.note(type="review_status"), d.review_status))
    if d.encoding is not None:
        bibl.append(put_text(E.note(type="encoding"), d.encoding))
    bibl.append(put_text(E.note(type="metadata"), json.dumps(d.metadata, ensure_ascii=False)))
    return bibl


def _cleaning_item(entry: dict) -> etree._Element:
    item = E.item(put_text(E.seg(type="rule"), entry["rule"]),
                  put_text(E.seg(type="reason"), entry["reason"]))
    item.extend(E.num(str(entry[k]), type=k, value=str(entry[k]))
                for k in ("orig_start", "orig_end", "at"))
    item.append(put_text(E("del"), entry["removed"]))
    item.append(put_text(E.add(), entry["inserted"]))
    return item


def document_header(d: Document, meta: Dataset | None, cleaning: bool = True) -> etree._Element:
    """The header of one document; ``meta`` (tagset, annotators) when it stands alone."""
    title = E.titleStmt(put_text(E.title(), d.title))
    encoding = E.encodingDesc()
    if meta is not None:
        title.extend(resp_stmt(a) for a in meta.annotators)
        encoding.append(class_decl(meta.tagset))
        if (guidelines := guidelines_decl(meta.guidelines)) is not None:
            encoding.append(guidelines)
    publication = E.publicationStmt(E.authority("annotator"),
                                    put_text(E.idno(type="document"), d.id),
                                    E.idno(d.text_sha256, type="sha256"))
    header = E.teiHeader(E.fileDesc(title, publication, E.sourceDesc(_bibl(d))))
    if d.cleaning and cleaning:
        items = [_cleaning_item(e) for e in d.cleaning]
        encoding.append(E.editorialDecl(E.normalization(E.p(E.list(*items, type="cleaning")))))
    if len(encoding):
        header.append(encoding)
    return header


def _write_tei(xf: Writer, doc: DocumentData, meta: Dataset | None, tagset: Tagset,
               standalone: bool = False) -> None:
    """One ``<TEI>``; ``standalone``: the root (namespaces, ``xml:space``) of its own file;
    ``meta``: the dataset whose tagset and annotators its header holds (none in a corpus)."""
    d = doc.document
    text = Paragraphs(d)
    tei_id = make_id("d", d.id)
    attrib = {XML_ID: tei_id}
    if d.script:
        attrib[XML_LANG] = d.script
    if standalone:
        attrib[XML_SPACE] = "preserve"
    with xf.element(q("TEI"), attrib, nsmap=NSMAP if standalone else None):
        header = document_header(d, meta)
        if (changes := revision(doc)) is not None:
            header.append(changes)
        write_element(xf, header)
        with xf.element(q("text")):
            text.write_body(xf)
        _write_standoff(xf, doc, text, tei_id, tagset)


def standoff_document(dataset_meta: Dataset, doc: DocumentData) -> TEIBytes:
    """One document as a stand-alone ``<TEI>`` (tagset and annotators in its header)."""
    return TEIBytes(lambda xf: _write_tei(xf, doc, dataset_meta, dataset_meta.tagset,
                                          standalone=True))


def _corpus_header(dataset: Dataset) -> etree._Element:
    title = E.titleStmt(E.title("Annotated corpus"), *[resp_stmt(a) for a in dataset.annotators])
    encoding = E.encodingDesc(class_decl(dataset.tagset))
    if (guidelines := guidelines_decl(dataset.guidelines)) is not None:
        encoding.append(guidelines)
    return E.teiHeader(E.fileDesc(
        title, E.publicationStmt(E.authority("annotator")),
        E.sourceDesc(E.p("Born digital: each text's own header describes its source."))),
        encoding)


def _write_corpus(xf: Writer, dataset: Dataset) -> None:
    with xf.element(q("teiCorpus"), {XML_SPACE: "preserve"}, nsmap=NSMAP):
        write_element(xf, _corpus_header(dataset))
        for doc in dataset.documents:
            _write_tei(xf, doc, None, dataset.tagset)


def standoff_corpus(dataset: Dataset) -> TEIBytes:
    """A ``<teiCorpus>``: the tagset and annotators in its header, one ``<TEI>`` per document."""
    return TEIBytes(lambda xf: _write_corpus(xf, dataset))


def write_standoff_corpus(fp: IO[bytes], dataset: Dataset) -> None:
    """:func:`standoff_corpus` written to ``fp`` as it is made: a lazy dataset is exported
    in constant memory (a 10,000-document corpus is a 500 MB file)."""
    write_document(fp, lambda xf: _write_corpus(xf, dataset))
