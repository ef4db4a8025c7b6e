"""TEI export/import on a realistic dataset built from the seed files: schema validity,
pointers, string ranges, inline fragments, round trips, and hostile or damaged input."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from annotator.core.annotation import Annotation, Annotator
from annotator.core.dataset import Dataset, DocumentData, ReviewDecision, gold_ids
from annotator.core.errors import InputError
from annotator.core.tagset import default_tagset
from annotator.formats import tei
from annotator.formats.tei_common import TEI_NS, XML_ID, parse_ranges, put_text, q
from annotator.formats.tei_inline import nest
from annotator.ingest.importer import documents_from_file

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
NS = {"t": TEI_NS}
WHEN = "2026-08-20T10:15:00.000+00:00"
TERMS = [("上海合作组织", "actor.igo"), ("上海合作組織", "actor.igo"),
         ("赵克志", "actor.person"), ("趙克志", "actor.person"),
         ("三股势力", "threat.three_evils"), ("恐怖主义", "threat.terrorism"),
         ("地区反恐怖机构", "mechanism.body"), ("中国", "actor.state")]
ALICE, LI, REVIEWER = "alice", "李四", "rev 1"


def _spans(doc_id: str, text: str) -> list[Annotation]:
    out: list[Annotation] = []
    for term, tag in TERMS:
        for m in list(re.finditer(term, text))[:3]:
            n = len(out)
            attrs = {"normalized": term, "certainty": ("high", "low")[n % 2], "note": f"第{n}处"}
            out.append(Annotation(f"{doc_id}-{n:03d}-alice", doc_id, m.start(), m.end(), tag,
                                  ALICE, attrs, WHEN, WHEN))
            # 李四: a longer span that crosses alice's (starts inside it, ends after it)
            end = min(len(text), m.end() + 3)
            out.append(Annotation(f"{doc_id}-{n:03d}-li", doc_id, m.start() + 1, end,
                                  "mechanism.meeting", LI, {"level": "ministerial"}, "", ""))
    para = text.index("\n")  # a span across the first paragraph break
    out.append(Annotation(f"{doc_id}-x-li", doc_id, max(0, para - 2), para + 3,
                          "threat.extremism", LI, {}, "yesterday", ""))
    outer = next((a for a in out if a.annotator == ALICE), None)
    if outer is not None:  # nested in alice's first span
        out.append(Annotation(f"{doc_id}-nest-alice", doc_id, outer.start, outer.start + 2,
                              "actor.state", ALICE, {"certainty": "medium"}, WHEN, ""))
    return out


def _decisions(doc_id: str, spans: list[Annotation]) -> tuple[list[Annotation],
                                                                list[ReviewDecision]]:
    alice = [a for a in spans if a.annotator == ALICE]
    li = [a for a in spans if a.annotator == LI]
    if not alice:
        return [], []
    gold = alice[0]._replace(id=f"{doc_id}-gold", annotator=REVIEWER)
    return [gold], [
        ReviewDecision(f"{doc_id}-r1", doc_id, REVIEWER, "gold", (alice[0].id, li[0].id),
                       gold.id, "两位标注者一致", WHEN),
        ReviewDecision(f"{doc_id}-r2", doc_id, REVIEWER, "rejected", (li[-1].id,), None,
                       "not a threat here", WHEN),
        ReviewDecision(f"{doc_id}-r3", doc_id, REVIEWER, "accepted", (alice[-1].id,)),
    ]


def seed_dataset() -> Dataset:
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        for d in documents_from_file(path):
            spans = _spans(d.id, d.text)
            gold, decisions = _decisions(d.id, spans)
            docs.append(DocumentData(d, tuple(spans + gold), tuple(decisions)))
    annotators = (Annotator(ALICE, "Alice"), Annotator(LI, "李四"),
                  Annotator(REVIEWER, "王五", "reviewer"))
    return Dataset(default_tagset(), annotators, tuple(docs))


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return seed_dataset()


@pytest.fixture(scope="module")
def corpus_bytes(dataset) -> bytes:
    return tei.to_bytes(tei.standoff_corpus(dataset))


def test_seed_dataset_is_realistic(dataset):
    assert len(dataset.documents) == 5
    tags = {a.tag for d in dataset.documents for a in d.annotations}
    assert {"actor.igo", "actor.person", "threat.three_evils", "threat.terrorism",
            "mechanism.body"} <= tags
    assert all(d.decisions for d in dataset.documents)


# --- stand-off ---------------------------------------------------------------------------------

def test_standoff_corpus_is_valid_tei(validator, dataset, corpus_bytes):
    root = etree.fromstring(corpus_bytes)
    assert validator(root) == []
    assert tei.check_pointers(root) == []


def test_standoff_documents_are_valid_tei(validator, dataset):
    for doc in dataset.documents:
        el = tei.standoff_document(dataset, doc)
        assert validator(el) == []
        assert tei.check_pointers(el) == []


def test_every_string_range_selects_the_span(dataset, corpus_bytes):
    root = etree.fromstring(corpus_bytes)
    texts = {p.get(XML_ID): p.text or "" for p in root.iter(q("p"))}
    spans = {a.id: (d.document.text, a) for d in dataset.documents for a in d.annotations}
    seen = 0
    for el in root.iterfind(".//t:listAnnotation[@type='spans']/t:annotation", NS):
        text, a = spans[el.get(XML_ID).removeprefix("a-")]
        selected = "\n".join(texts[p][off:off + n] for p, off, n in parse_ranges(el.get("target")))
        assert selected == text[a.start:a.end] == el.findtext("t:note[@type='quote']", None, NS)
        seen += 1
    assert seen == len(spans)


def test_paragraphs_join_to_the_canonical_text(dataset, corpus_bytes):
    root = etree.fromstring(corpus_bytes)
    for doc, el in zip(dataset.documents, root.findall(q("TEI")), strict=True):
        paras = el.findall("t:text/t:body/t:p", NS)
        assert "\n".join(p.text or "" for p in paras) == doc.document.text


def test_corpus_round_trip(dataset, corpus_bytes):
    back = tei.read_standoff(corpus_bytes, "corpus.xml")
    assert back.tagset.to_dict() == dataset.tagset.to_dict()
    assert back.annotators == dataset.annotators
    assert back == dataset  # documents (original rebuilt from the cleaning log), spans, reviews
    assert tei.to_bytes(tei.standoff_corpus(back)) == corpus_bytes


def test_document_round_trip(dataset):
    doc = dataset.documents[4]
    data = tei.to_bytes(tei.standoff_document(dataset, doc))
    back = tei.read_standoff(data, "doc.xml")
    assert back == replace(dataset, documents=(doc,))


def test_no_original_or_raw_text_is_exported(dataset, corpus_bytes):
    doc = next(d.document for d in dataset.documents if d.document.cleaning)
    removed = max((e["removed"] for e in doc.cleaning), key=len)
    assert doc.original and doc.original.encode() not in corpus_bytes
    assert removed  # the log keeps what cleaning removed, one item per edit
    assert corpus_bytes.count(b"<item>") >= sum(len(d.document.cleaning)
                                                for d in dataset.documents)


# --- inline ------------------------------------------------------------------------------------

def _chains(p_root: etree._Element) -> dict[str, str]:
    """First fragment id -> the text its @next chain reassembles (a newline per paragraph
    boundary crossed: an empty paragraph holds no fragment)."""
    ids = {el.get(XML_ID): el for el in p_root.iter() if el.get(XML_ID)}
    order = {p: n for n, p in enumerate(p_root.iter(q("p")))}
    out = {}
    for xml_id, el in ids.items():
        if not xml_id.startswith("a-") or el.tag == q("p"):
            continue
        parts, para = [], None
        while el is not None:
            p = next(a for a in el.iterancestors() if a.tag == q("p"))
            breaks = "\n" * (order[p] - order[para]) if para is not None else ""
            parts.append(breaks + "".join(el.itertext()))
            para = p
            nxt = el.get("next")
            el = ids[nxt[1:]] if nxt else None
        out[xml_id] = "".join(parts)
    return out


@pytest.mark.parametrize("layer", [{"annotator": ALICE}, {"annotator": LI}, {"gold": True}, {}])
def test_inline_layers_are_valid_and_lossless(validator, dataset, layer):
    for doc in dataset.documents:
        el = tei.inline_document(dataset, doc, **layer)
        assert validator(el) == []
        assert tei.check_pointers(el) == []
        paras = el.findall("t:text/t:body/t:p", NS)
        assert "\n".join("".join(p.itertext()) for p in paras) == doc.document.text
        chains = _chains(el)
        if layer.get("gold"):
            wanted = [a for a in doc.annotations if a.id in gold_ids(doc.decisions)]
        else:
            wanted = [a for a in doc.annotations
                      if layer.get("annotator") in (None, a.annotator)]
        assert {f"a-{a.id}" for a in wanted} == set(chains)
        for a in wanted:
            assert chains[f"a-{a.id}"] == a.text_in(doc.document.text)


def test_inline_uses_name_elements_and_fragments(dataset):
    doc = dataset.documents[4]
    el = tei.inline_document(dataset, doc, annotator=ALICE)
    data = tei.to_bytes(el).decode()
    assert "<persName" in data and "<orgName" in data and 'next="#' not in data  # alice nests
    el = tei.inline_document(dataset, doc)
    assert el.find(".//t:rs[@next]", NS) is not None and el.find(".//t:rs[@prev]", NS) is not None


def test_nest_cuts_crossing_spans():
    assert nest([(0, 5, 0), (3, 8, 1)]) == [(0, 5, 0), (3, 5, 1), (5, 8, 1)]
    assert nest([(0, 8, 0), (2, 4, 1), (2, 4, 2)]) == [(0, 8, 0), (2, 4, 1), (2, 4, 2)]
    assert nest([(1, 3, 0), (0, 2, 1), (2, 2, 2)]) == [(0, 2, 1), (1, 2, 0), (2, 3, 0),
                                                       (2, 2, 2)]


# --- hostile and damaged input -----------------------------------------------------------------

def _raises(data: bytes, *words: str) -> InputError:
    started = time.monotonic()
    with pytest.raises(InputError) as info:
        tei.read_standoff(data, "bad.xml")
    assert time.monotonic() - started < 1
    message = str(info.value)
    assert message.startswith("bad.xml") and "\n" not in message
    for word in words:
        assert word in message, message
    return info.value


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>&h;</p></body></text></TEI>"""


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&x;</p></body></text></TEI>',
    LAUGHS,
    b'<?xml version="1.0"?><!DOCTYPE TEI SYSTEM "http://example.org/tei.dtd">'
    b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>',
    '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE TEI [<!ENTITY x "y">]>'
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>'.encode("utf-16"),
], ids=["xxe", "billion-laughs", "external-dtd", "utf16-dtd"])
def test_dtds_and_entities_are_refused(data):
    _raises(data, "DTD/entity declarations are not allowed")


def test_xinclude_is_refused(corpus_bytes):
    data = corpus_bytes.replace(
        b"<text>", b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
                   b'href="file:///etc/passwd" parse="text"/><text>', 1)
    _raises(data, "XInclude is not allowed")


def test_truncated_xml(corpus_bytes):
    _raises(corpus_bytes[: len(corpus_bytes) // 2], "not well-formed XML")


def _first_span(root: etree._Element) -> etree._Element:
    return root.find(".//t:listAnnotation[@type='spans']/t:annotation", NS)


def _tampered(corpus_bytes: bytes, change) -> tuple[bytes, str]:
    root = etree.fromstring(corpus_bytes)
    span = _first_span(root)
    change(root, span)
    return tei.to_bytes(root), span.get(XML_ID).removeprefix("a-")


def test_string_range_out_of_range(corpus_bytes):
    def change(root, span):
        pid = parse_ranges(span.get("target"))[0][0]
        span.set("target", f"#string-range({pid},100000,2)")
    data, aid = _tampered(corpus_bytes, change)
    _raises(data, aid, "out of range")


def test_unknown_paragraph(corpus_bytes):
    data, aid = _tampered(corpus_bytes, lambda r, s: s.set("target", "#string-range(nope,0,1)"))
    _raises(data, aid, "unknown paragraph 'nope'")


def test_empty_and_inverted_spans(corpus_bytes):
    def empty(root, span):
        span.set("target", f"#string-range({parse_ranges(span.get('target'))[0][0]},3,0)")
    _raises(_tampered(corpus_bytes, empty)[0], "empty or inverted")

    def negative(root, span):
        span.set("target", f"#string-range({parse_ranges(span.get('target'))[0][0]},3,-1)")
    _raises(_tampered(corpus_bytes, negative)[0], "out of range")


def test_unknown_tag(corpus_bytes):
    data, aid = _tampered(corpus_bytes, lambda r, s: s.find(q("ptr")).set("target", "#actor.alien"))
    _raises(data, aid, "unknown tag 'actor.alien'")


def test_quote_mismatch(corpus_bytes):
    def change(root, span):
        put_text(span.find("t:note[@type='quote']", NS), "别的文字")
    data, aid = _tampered(corpus_bytes, change)
    _raises(data, aid, "quote")


def test_tampered_text_sha256(corpus_bytes):
    def change(root, span):
        root.find(".//t:idno[@type='sha256']", NS).text = "0" * 64
    _raises(_tampered(corpus_bytes, change)[0], "text_sha256")


def test_tampered_text(corpus_bytes):
    def change(root, span):
        p = root.find(".//t:body/t:p", NS)
        p.text = (p.text or "") + "!"
    _raises(_tampered(corpus_bytes, change)[0], "text_sha256")


def test_unknown_annotator_and_duplicate_ids(corpus_bytes):
    data, aid = _tampered(corpus_bytes, lambda r, s: s.set("resp", "#ann-nobody"))
    _raises(data, aid, "not one of the annotators")

    def dup(root, span):
        span.getparent()[1].set(XML_ID, span.get(XML_ID))
    data, aid = _tampered(corpus_bytes, dup)
    _raises(data, aid)  # libxml2 itself reports the ID defined twice


def test_not_tei():
    _raises(b"<html/>", "not a TEI document")


def test_check_pointers_reports_problems(dataset):
    el = tei.standoff_document(dataset, dataset.documents[0]).element()
    span = _first_span(el)
    span.set("resp", "#ann-ghost")
    put_text(span.find("t:note[@type='quote']", NS), "x")
    problems = tei.check_pointers(el)
    assert any("#ann-ghost" in p for p in problems)
    assert any("quote" in p for p in problems)


def test_control_characters_in_the_cleaning_log_survive(validator, dataset):
    doc = dataset.documents[0]
    entry = {"rule": "line_breaks", "reason": "form feed", "orig_start": 0, "orig_end": 1,
             "removed": "\x0c", "at": 0, "inserted": ""}
    d = replace(doc.document, cleaning=(entry,), original="\x0c" + doc.document.text)
    ds = replace(dataset, documents=(replace(doc, document=d),))
    el = tei.standoff_corpus(ds)
    assert validator(el) == []
    assert tei.read_standoff(tei.to_bytes(el)) == ds


def edge_dataset() -> Dataset:
    """Empty paragraphs, astral characters, spans across line breaks and empty paragraphs,
    odd ids, times and values of every kind."""
    text = "  上海合作组织 𠮷😀\n\n中国\t反恐 \n"
    d = replace(documents_from_file(SEEDS / "003_1ef7e408a7b6727a.txt")[0], id="文档 1", text=text,
                text_sha256=__import__("hashlib").sha256(text.encode()).hexdigest(),
                cleaning=(), original=text, date="--06-23", source="", metadata={"k": [1, 2.5]})
    attrs = {"normalized": "上海合作组织", "certainty": "unknown", "n": 3, "f": 0.25, "b": False,
             "none": None, "list": [["嵌套"], {"k": "v"}], "键 with space": "\x0c\x00ok",
             "_under": ""}
    spans = [
        Annotation("s1", d.id, 2, 8, "actor.igo", "李四", attrs, "not a time", WHEN),
        Annotation("s2", d.id, 9, 11, "threat.cyber", ALICE, {}, "", ""),     # 𠮷😀
        Annotation("s3", d.id, 10, 14, "threat.cyber", ALICE, {}, "", ""),    # 😀, an empty ¶, 中
        Annotation("s4", d.id, 10, 15, "actor.state", ALICE, {"certainty": "low"}),  # 2 breaks
        Annotation("s5", d.id, 2, len(text) - 2, "mechanism.plan", "李四"),   # all but spaces
        Annotation("s6", d.id, 5, 14, "threat.drugs", "李四"),                # crosses s1, s4
    ]
    decisions = (ReviewDecision("r", d.id, REVIEWER, "edited", (), "s5", None, "2021-06-23"),)
    annotators = (Annotator(ALICE, "Alice"), Annotator("李四", "李四"),
                  Annotator(REVIEWER, "王五", "reviewer"))
    return Dataset(default_tagset(), annotators,
                   (DocumentData(d, tuple(spans), decisions),))


def test_edge_dataset_is_valid_and_round_trips(validator):
    ds = edge_dataset()
    doc = ds.documents[0]
    for el in (tei.standoff_corpus(ds), tei.standoff_document(ds, doc),
               tei.inline_document(ds, doc), tei.inline_document(ds, doc, gold=True)):
        assert validator(el) == []
        assert tei.check_pointers(el) == []
    data = tei.to_bytes(tei.standoff_corpus(ds))
    assert re.search(rb'<p xml:id="[^"]+"(/>|></p>)', data) and "𠮷😀".encode() in data
    assert tei.read_standoff(data) == ds
    chains = _chains(tei.inline_document(ds, doc))
    assert chains == {f"a-{a.id}": a.text_in(doc.document.text)
                                                 for a in doc.annotations}


def test_control_characters_in_span_times_survive(validator):
    ds = edge_dataset()
    doc = ds.documents[0]
    spans = (doc.annotations[0]._replace(created="\x0bsoon\x00", modified="\r\ttab"),
             *doc.annotations[1:])
    ds = replace(ds, documents=(replace(doc, annotations=spans),))
    data = tei.to_bytes(tei.standoff_corpus(ds))
    assert b'<g type="codepoint" n="U+000B"' in data and b"&#13;" in data
    assert validator(etree.fromstring(data)) == []
    back = tei.read_standoff(data)
    assert back == ds
    assert tei.to_bytes(tei.standoff_corpus(back)) == data


def test_a_corpus_written_as_it_is_made_equals_the_bytes_in_memory(dataset, corpus_bytes):
    import io

    streamed = io.BytesIO()

    def lazy():  # the window and CLI hand over documents one at a time
        yield from dataset.documents

    tei.write_standoff_corpus(streamed, Dataset(dataset.tagset, dataset.annotators, lazy()))
    assert streamed.getvalue() == corpus_bytes


def _line_break_dataset() -> Dataset:
    text = "上海合作组织\n开会"
    doc = replace(documents_from_file(SEEDS / "003_1ef7e408a7b6727a.txt")[0], id="d1",
                  text=text, text_sha256=__import__("hashlib").sha256(text.encode()).hexdigest(),
                  cleaning=(), original=text)
    spans = (Annotation("s1", "d1", 0, 7, "actor.igo", ALICE),  # ends just after the break
             Annotation("s2", "d1", 6, 9, "mechanism.meeting", ALICE))  # starts on it
    return Dataset(default_tagset(), (Annotator(ALICE, "Alice"),),
                   (DocumentData(doc, spans),))


def test_a_span_ending_after_a_line_break_points_at_text_only():
    """The issue: a zero-length pointer into the next paragraph, an empty inline element."""
    ds = _line_break_dataset()
    data = tei.to_bytes(tei.standoff_corpus(ds))
    targets = re.findall(rb'motivation="classifying" target="([^"]+)"', data)
    assert targets == [b"#string-range(p-d1-1,0,6)", b"#string-range(p-d1-2,0,2)"]
    assert tei.check_pointers(etree.fromstring(data)) == []
    back = tei.read_standoff(data)
    assert [(a.start, a.end) for a in back.documents[0].annotations] == [(0, 6), (7, 9)]
    inline = tei.to_bytes(tei.inline_document(ds, ds.documents[0]))
    assert b"<orgName" in inline and not re.search(rb"<(orgName|rs)[^>]*(/>|></)", inline)


def test_zero_length_pointers_of_older_exports_still_read_but_are_flagged():
    ds = _line_break_dataset()
    data = tei.to_bytes(tei.standoff_corpus(ds)).replace(
        b'target="#string-range(p-d1-1,0,6)"',
        b'target="#string-range(p-d1-1,0,6) #string-range(p-d1-2,0,0)"').replace(
        "上海合作组织</note>".encode(), "上海合作组织\n</note>".encode())
    back = tei.read_standoff(data)
    assert [(a.start, a.end) for a in back.documents[0].annotations] == [(0, 7), (7, 9)]
    assert tei.check_pointers(etree.fromstring(data)) == [
        '<annotation xml:id="a-s1"> @target: #string-range(p-d1-2,0,0): selects nothing '
        "(zero length)"]


def test_a_span_of_only_whitespace_is_refused_by_the_tei_writers():
    ds = _line_break_dataset()
    doc = ds.documents[0]
    blank = replace(doc, annotations=(Annotation("s3", "d1", 6, 7, "actor.igo", ALICE),))
    ds = replace(ds, documents=(blank,))
    message = r"document d1: span s3 \[6, 7\) holds only whitespace, which TEI cannot point at"
    with pytest.raises(tei.Unwritable, match=message):
        tei.standoff_corpus(ds)
    with pytest.raises(tei.Unwritable, match=message):
        tei.inline_document(ds, blank)
