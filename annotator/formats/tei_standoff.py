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

from lxml import etree

from annotator.core.annotation import CERTAINTIES, Annotation
from annotator.core.dataset import Dataset, DocumentData, ReviewDecision
from annotator.core.document import Document
from annotator.formats.tei_common import (
    XML_ID,
    XML_LANG,
    XML_SPACE,
    E,
    format_ranges,
    make_id,
    para_id,
    paragraph_starts,
    pieces,
    put_text,
    ref,
    token,
)
from annotator.formats.tei_fs import attributes_fs
from annotator.formats.tei_header import class_decl, resp_stmt

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
        self.text = doc.text
        self.paragraphs = doc.text.split("\n")
        self.starts = paragraph_starts(doc.text)
        self.lengths = [len(p) for p in self.paragraphs]
        self.ids = [para_id(doc.id, n + 1) for n in range(len(self.paragraphs))]

    def target(self, a: Annotation) -> str:
        if not 0 <= a.start < a.end <= len(self.text):
            raise ValueError(f"annotation {a.id}: span [{a.start}, {a.end}) is empty or "
                             f"outside the text ({len(self.text)} characters)")
        return format_ranges(self.ids, pieces(self.starts, self.lengths, a.start, a.end))

    def body(self) -> etree._Element:
        return E.body(*[E.p({XML_ID: pid}, text) if text else E.p({XML_ID: pid})
                        for pid, text in zip(self.ids, self.paragraphs, strict=True)])


def _annotation(a: Annotation, text: Paragraphs, entities: Entities) -> etree._Element:
    el = E.annotation({XML_ID: make_id("a", a.id), "motivation": "classifying",
                       "target": text.target(a), "resp": ref(make_id("ann", a.annotator))})
    if a.attributes.get("certainty") in CERTAINTIES:
        el.set("cert", a.attributes["certainty"])
    if a.attributes:
        el.set("ana", ref(make_id("f", a.id)))
    revisions = times(a.created, a.modified)
    if revisions is not None:
        el.append(revisions)
    el.append(E.ptr(type="category", target=ref(a.tag)))
    entity = entities.ref(a)
    if entity:
        el.append(E.ref(type="entity", target=ref(entity)))
    el.append(put_text(E.note(type="quote"), a.text_in(text.text)))
    return el


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


def _standoff(doc: DocumentData, text: Paragraphs, tei_id: str) -> etree._Element | None:
    entities = Entities(doc.document.id)
    spans = [_annotation(a, text, entities) for a in doc.annotations]
    out = E.standOff()
    if spans:
        out.append(E.listAnnotation(*spans, type="spans"))
    if doc.decisions:
        out.append(E.listAnnotation(*[_decision(r, tei_id) for r in doc.decisions],
                                    type="review"))
    out.extend(entities.lists())
    out.extend(attributes_fs(make_id("f", a.id), a.attributes)
               for a in doc.annotations if a.attributes)
    return out if len(out) else None


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


def _tei(doc: DocumentData, meta: Dataset | None) -> etree._Element:
    d = doc.document
    text = Paragraphs(d)
    tei_id = make_id("d", d.id)
    tei = E.TEI({XML_ID: tei_id}, document_header(d, meta), E.text(text.body()))
    if d.script:
        tei.set(XML_LANG, d.script)
    standoff = _standoff(doc, text, tei_id)
    if standoff is not None:
        tei.append(standoff)
    return tei


def standoff_document(dataset_meta: Dataset, doc: DocumentData) -> etree._Element:
    """One document as a stand-alone ``<TEI>`` (tagset and annotators in its header)."""
    tei = _tei(doc, dataset_meta)
    tei.set(XML_SPACE, "preserve")
    return tei


def standoff_corpus(dataset: Dataset) -> etree._Element:
    """A ``<teiCorpus>``: the tagset and annotators in its header, one ``<TEI>`` per document."""
    title = E.titleStmt(E.title("Annotated corpus"), *[resp_stmt(a) for a in dataset.annotators])
    header = E.teiHeader(E.fileDesc(
        title, E.publicationStmt(E.authority("annotator")),
        E.sourceDesc(E.p("Born digital: each text's own header describes its source."))),
        E.encodingDesc(class_decl(dataset.tagset)))
    corpus = E.teiCorpus({XML_SPACE: "preserve"}, header)
    corpus.extend(_tei(doc, None) for doc in dataset.documents)
    return corpus
