"""Property tests: stand-off TEI round-trips any dataset exactly, and the inline view keeps
the text and reassembles every span from its fragments."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from annotator.core.annotation import CERTAINTIES, Annotation, Annotator
from annotator.core.commands import trim_space
from annotator.core.dataset import DECISIONS, Dataset, DocumentData, ReviewDecision
from annotator.core.document import REVIEW_STATUSES, STATUSES, Document, text_sha256
from annotator.core.tagset import default_tagset
from annotator.formats import tei
from annotator.formats.tei_common import TEI_NS, XML_ID, Unwritable, make_id, q
from annotator.ingest.tracked import LogEntry, restore

TAGS = [t.id for t in default_tagset().tags]
SETTINGS = settings(max_examples=50, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

canonical = st.text(alphabet=st.sampled_from(list("ab 中国上海组织\n𠮷😀\t.,")), max_size=40)
anything = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
ident = st.text(alphabet=st.sampled_from(list("ab9-_.李四 :#")), min_size=1, max_size=8)
times = st.sampled_from(["", "2026-08-20T10:15:00.000+00:00", "2021-06-23T08:00:00Z",
                         "yesterday", "2026-13-01T00:00:00"])
scalars = st.one_of(anything, st.integers(-10**12, 10**12), st.booleans(), st.none(),
                    st.floats(allow_nan=False, allow_infinity=False))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(anything, inner, max_size=3)), max_leaves=6)
attributes = st.fixed_dictionaries({}, optional={
    "normalized": anything, "note": anything, "certainty": st.sampled_from(CERTAINTIES),
}).flatmap(lambda base: st.dictionaries(ident, json_values, max_size=2).map(
    lambda extra: {**extra, **base}))
cleaning_entry = st.fixed_dictionaries({
    "rule": anything, "reason": anything, "orig_start": st.integers(0, 99),
    "orig_end": st.integers(0, 99), "removed": anything, "at": st.integers(0, 40),
    "inserted": anything})


@st.composite
def documents(draw, n: int, annotators: list[str], trimmed: bool) -> DocumentData:
    """A document with spans; ``trimmed``: as every import makes them (never starting or
    ending on whitespace), else anywhere in the text."""
    text = draw(canonical)
    doc_id = draw(ident) + str(n)
    cleaning = tuple(sorted(draw(st.lists(cleaning_entry, max_size=3)), key=lambda e: e["at"]))
    doc = Document(
        id=doc_id, title=draw(anything), text=text, text_sha256=text_sha256(text),
        source=draw(st.none() | anything), origin=draw(st.none() | anything),
        date=draw(st.sampled_from([None, "2021-06-23", "--06-23", "六月", ""])),
        script=draw(st.sampled_from(["und", "zh-Hans", "zh-Hant"])),
        languages=tuple(draw(st.lists(st.sampled_from(["zh-Hans", "en", "zh-Hant"]),
                                      max_size=3))),
        status=draw(st.sampled_from(STATUSES)),
        review_status=draw(st.sampled_from(REVIEW_STATUSES)),
        metadata=draw(st.dictionaries(anything, json_values, max_size=3)),
        encoding=draw(st.sampled_from([None, "utf-8", "gb18030"])), cleaning=cleaning,
        original=restore(text, [LogEntry.from_dict(e) for e in cleaning]))
    spans = []
    for i in range(draw(st.integers(0, 8)) if text else 0):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        if trimmed:
            start, end = trim_space(text, start, end)
            if start >= end:
                continue
        spans.append(Annotation(f"{doc_id}/{i}注", doc_id, start, end, draw(st.sampled_from(TAGS)),
                                draw(st.sampled_from(annotators)), draw(attributes),
                                draw(times), draw(times)))
    return DocumentData(doc, tuple(spans), tuple(draw(decisions(doc_id, spans, annotators))))


@st.composite
def decisions(draw, doc_id: str, spans: list[Annotation], annotators: list[str]):
    ids = [a.id for a in spans]
    out = []
    for i in range(draw(st.integers(0, 2)) if ids else 0):
        out.append(ReviewDecision(
            f"{doc_id}-r{i}", doc_id, draw(st.sampled_from(annotators)),
            draw(st.sampled_from(DECISIONS)),
            tuple(draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))),
            draw(st.none() | st.sampled_from(ids)), draw(st.none() | anything), draw(times)))
    return out


@st.composite
def datasets(draw, trimmed: bool = True) -> Dataset:
    ids = draw(st.lists(ident, min_size=1, max_size=3, unique=True))
    annotators = tuple(Annotator(i, draw(anything), draw(st.sampled_from(["annotator",
                                                                           "reviewer"])))
                       for i in ids)
    docs = tuple(draw(documents(n, ids, trimmed)) for n in range(draw(st.integers(1, 3))))
    return Dataset(default_tagset(), annotators, docs)


@SETTINGS
@given(datasets())
def test_standoff_round_trip(ds):
    data = tei.to_bytes(tei.standoff_corpus(ds))
    back = tei.read_standoff(data, "x.xml")
    assert back.tagset.to_dict() == ds.tagset.to_dict()
    assert back.annotators == ds.annotators
    assert [d.document for d in back.documents] == [d.document for d in ds.documents]
    key = lambda a: (a.start, a.end, a.id)  # noqa: E731
    for got, want in zip(back.documents, ds.documents, strict=True):
        assert sorted(got.annotations, key=key) == sorted(want.annotations, key=key)
        assert got.decisions == want.decisions
    assert back == ds
    assert tei.to_bytes(tei.standoff_corpus(back)) == data
    assert tei.check_pointers(etree.fromstring(data)) == []


def test_metadata_keeps_json_types():
    ds = Dataset(default_tagset(), (Annotator("a", "A"),))
    text = "x"
    meta = {"n": 1, "f": 1.5, "l": [1, "二", None], "d": {"k": True}}
    doc = Document("d", "t", text, text_sha256(text), metadata=meta, original=text)
    ds = Dataset(ds.tagset, ds.annotators, (DocumentData(doc),))
    back = tei.read_standoff(tei.to_bytes(tei.standoff_corpus(ds)))
    assert json.dumps(back.documents[0].document.metadata) == json.dumps(meta)


def _chain_texts(el: etree._Element) -> dict[str, str]:
    """First fragment id -> its chain's text (a line break per paragraph boundary crossed:
    an empty paragraph holds no fragment)."""
    ids = {e.get(XML_ID): e for e in el.iter() if e.get(XML_ID)}
    order = {p: n for n, p in enumerate(el.iter(q("p")))}
    out = {}
    for xml_id, frag in ids.items():
        if frag.tag == q("p") or frag.get("prev") or not xml_id.startswith("a-"):
            continue
        parts, para = [], None
        node: etree._Element | None = frag
        while node is not None:
            p = next(a for a in node.iterancestors() if a.tag == q("p"))
            breaks = "\n" * (order[p] - order[para]) if para is not None else ""
            parts.append(breaks + "".join(node.itertext()))
            para = p
            nxt = node.get("next")
            node = ids[nxt[1:]] if nxt else None
        out[xml_id] = "".join(parts)
    return out


@SETTINGS
@given(datasets())
def test_inline_keeps_text_and_spans(ds):
    for doc in ds.documents:
        el = etree.fromstring(tei.to_bytes(tei.inline_document(ds, doc)))
        paras = el.findall(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body/{{{TEI_NS}}}p")
        assert "\n".join("".join(p.itertext()) for p in paras) == doc.document.text
        assert tei.check_pointers(el) == []
        chains = _chain_texts(el)
        assert len(chains) == len(doc.annotations)
        for a in doc.annotations:
            assert chains[make_id("a", a.id)] == a.text_in(doc.document.text)


def _trimmed_spans(data: DocumentData) -> list[tuple]:
    text = data.document.text
    return sorted((a.id, *trim_space(text, a.start, a.end)) for a in data.annotations)


@SETTINGS
@given(datasets(trimmed=False))
def test_tei_writers_never_point_at_nothing_whatever_spans_they_get(ds):
    """Spans that start or end on whitespace or a line break (which imports trim, and
    older projects may hold) are written trimmed: no zero-length pointer, no empty
    element; a span of only whitespace is refused in one line, not written."""
    blank = [a.id for d in ds.documents for a in d.annotations
             if not d.document.text[a.start:a.end].strip()]
    if blank:
        with pytest.raises(Unwritable, match=r"holds only whitespace, which TEI cannot"):
            tei.to_bytes(tei.standoff_corpus(ds))
        return
    data = tei.to_bytes(tei.standoff_corpus(ds))
    assert not re.search(rb"#string-range\([^)]*,0\)", data)
    assert tei.check_pointers(etree.fromstring(data)) == []
    back = tei.read_standoff(data, "x.xml")
    for got, want in zip(back.documents, ds.documents, strict=True):
        assert sorted((a.id, a.start, a.end) for a in got.annotations) == _trimmed_spans(want)
        el = etree.fromstring(tei.to_bytes(tei.inline_document(ds, want)))
        fragments = [e for e in el.iter() if re.match(r"a\d*-", e.get(XML_ID) or "")]
        assert all("".join(e.itertext()) for e in fragments)  # none is empty
        assert tei.check_pointers(el) == []
