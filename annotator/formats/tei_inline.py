"""Inline TEI: a reading view of ONE layer of annotations, marked up in the text itself.

Each span becomes ``<rs>`` (or ``<orgName>``/``<persName>``/``<placeName>`` for the actor
tags that name organisations, people and states) with ``@type`` (group), ``@subtype`` (the
tag's local name), ``@ana`` (the tag's category), ``@resp``, ``@ref`` (normalised name) and
``@cert``. Spans that nest are nested; a span that crosses another (or a paragraph break) is
cut into fragments chained with ``@next``/``@prev``: the first fragment keeps the span's id
``a-<id>``, the n-th is ``a<n>-<id>``. The text content of every ``<p>`` is still exactly
its paragraph.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

from lxml import etree

from annotator.core.annotation import CERTAINTIES, Annotation
from annotator.core.dataset import Dataset, DocumentData, gold_ids
from annotator.core.document import Document
from annotator.core.relations import Relation
from annotator.core.tagset import Tagset
from annotator.formats.tei_common import (
    XML_ID,
    XML_LANG,
    XML_SPACE,
    E,
    make_id,
    pieces,
    ref,
    token,
)
from annotator.formats.tei_relations import relation_list
from annotator.formats.tei_standoff import Entities, Paragraphs, document_header

NAME_ELEMENTS = {"actor.igo": "orgName", "actor.agency": "orgName",
                 "actor.armed_group": "orgName", "actor.person": "persName",
                 "actor.state": "placeName"}

Fragment = tuple[int, int, int]  # start, end (in the paragraph), index of the span


def nest(spans: list[Fragment]) -> list[Fragment]:
    """Cut ``(start, end, key)`` spans into fragments that nest properly, in document order
    (outer before inner): a span running past the end of an enclosing one is cut there and
    its rest continues after it."""
    heap = [(s, -e, k) for s, e, k in spans]
    heapq.heapify(heap)
    out: list[Fragment] = []
    ends: list[int] = []
    while heap:
        start, neg_end, key = heapq.heappop(heap)
        end = -neg_end
        while ends and ends[-1] <= start:
            ends.pop()
        if ends and ends[-1] < end:
            heapq.heappush(heap, (ends[-1], -end, key))
            end = ends[-1]
        out.append((start, end, key))
        ends.append(end)
    return out


def _append_text(el: etree._Element, text: str) -> None:
    if not text:
        return
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def fill(p: etree._Element, text: str, frags: list[Fragment], make) -> None:
    """Write ``text`` into ``p`` with an element (``make(fragment)``) around each fragment;
    ``frags`` come from :func:`nest`."""
    stack: list[tuple[etree._Element, int]] = [(p, len(text))]
    pos = 0
    for frag in frags:
        while len(stack) > 1 and stack[-1][1] <= frag[0]:
            el, end = stack.pop()
            _append_text(el, text[pos:end])
            pos = end
        _append_text(stack[-1][0], text[pos:frag[0]])
        pos = frag[0]
        el = make(frag)
        stack[-1][0].append(el)
        stack.append((el, frag[1]))
    while stack:
        el, end = stack.pop()
        _append_text(el, text[pos:end])
        pos = end


def _layer(doc: DocumentData, annotator: str | None, gold: bool) -> list[Annotation]:
    if gold:
        ids = gold_ids(doc.decisions)
        return [a for a in doc.annotations if a.id in ids]
    return [a for a in doc.annotations if annotator is None or a.annotator == annotator]


class _Builder:
    def __init__(self, tagset: Tagset, layer: list[Annotation], paras: Paragraphs,
                 doc_id: str):
        self.tagset, self.layer, self.paras = tagset, layer, paras
        self.entities = Entities(doc_id)
        by_para: dict[int, list[Fragment]] = {}
        for key, a in enumerate(layer):
            start, end = paras.bounds(a)  # never empty
            for k, off, n in pieces(paras.starts, paras.lengths, start, end):
                by_para.setdefault(k, []).append((off, off + n, key))
        self.frags = {k: nest(spans) for k, spans in by_para.items()}
        self.chains: dict[int, int] = {}  # span -> number of fragments
        self.position: dict[tuple[int, int, int], int] = {}  # (span, para, start) -> n
        for k in sorted(self.frags):
            for start, _end, key in self.frags[k]:
                self.position[(key, k, start)] = self.chains.get(key, 0)
                self.chains[key] = self.chains.get(key, 0) + 1

    def _frag_id(self, key: int, n: int) -> str:
        tok = token(self.layer[key].id)
        return f"a-{tok}" if n == 0 else f"a{n + 1}-{tok}"

    def element(self, k: int, frag: Fragment) -> etree._Element:
        a = self.layer[frag[2]]
        n = self.position[(frag[2], k, frag[0])]
        try:
            group = self.tagset.tag(a.tag).group
        except KeyError:
            group = a.tag.partition(".")[0]
        el = E(NAME_ELEMENTS.get(a.tag, "rs"), {
            XML_ID: self._frag_id(frag[2], n), "type": group,
            "subtype": a.tag.removeprefix(group + "."), "ana": ref(a.tag),
            "resp": ref(make_id("ann", a.annotator))})
        entity = self.entities.ref(a)
        if entity:
            el.set("ref", ref(entity))
        if a.attributes.get("certainty") in CERTAINTIES:
            el.set("cert", a.attributes["certainty"])
        if n > 0:
            el.set("prev", ref(self._frag_id(frag[2], n - 1)))
        if n + 1 < self.chains[frag[2]]:
            el.set("next", ref(self._frag_id(frag[2], n + 1)))
        return el

    def paragraph(self, k: int) -> etree._Element:
        p = E.p({XML_ID: self.paras.ids[k]})
        fill(p, self.paras.paragraphs[k], self.frags.get(k, []),
             lambda frag: self.element(k, frag))
        return p


def layer_title(annotator: str | None, gold: bool) -> str:
    if gold:
        return "Layer: gold (results of review)"
    return f"Layer: annotator {annotator}" if annotator is not None else "Layer: all annotators"


def inline_document(dataset_meta: Dataset, doc: DocumentData, annotator: str | None = None,
                    gold: bool = False) -> etree._Element:
    """One document with one layer inline: ``annotator``'s spans, the gold layer
    (``gold=True``), or every span when neither is given; with the relations between them."""
    return inline_layer(dataset_meta, doc.document, _layer(doc, annotator, gold),
                        layer_title(annotator, gold), doc.relations)


def inline_layer(dataset_meta: Dataset, d: Document, layer: Sequence[Annotation],
                 title: str, relations: Iterable[Relation] = ()) -> etree._Element:
    """One document with ``layer`` (spans chosen already) inline; ``title`` names it. The
    ``relations`` between spans of the layer go in ``<standOff><listRelation>``, pointing at
    each span's (first) element (:mod:`annotator.formats.tei_relations`)."""
    paras = Paragraphs(d)
    builder = _Builder(dataset_meta.tagset, list(layer), paras, d.id)
    body = E.body(*[builder.paragraph(k) for k in range(len(paras.paragraphs))])
    header = document_header(d, dataset_meta, cleaning=False)
    header[0][0].insert(1, E.title(title, type="sub"))
    tei = E.TEI({XML_ID: make_id("d", d.id), XML_SPACE: "preserve"}, header, E.text(body))
    if d.script:
        tei.set(XML_LANG, d.script)
    lists = builder.entities.lists()
    ids = {a.id for a in layer}
    links = relation_list([r for r in relations if r.source in ids and r.target in ids],
                          dataset_meta.tagset, lambda sid: ref(make_id("a", sid)))
    if links is not None:
        lists.insert(0, links)
    if lists:
        tei.append(E.standOff(*lists))
    return tei
