"""Relations in TEI: ``<relation>`` in ``<listRelation>`` (stand-off and inline), valid against
tei_all.rng, every pointer resolving, read back as they were, round trips byte-identical,
and bad relations refusing the file (one line naming it) with nothing stored."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from lxml import etree
from relset import relation_dataset

from annotator.core.dataset import Dataset
from annotator.core.errors import InputError
from annotator.formats import tei
from annotator.formats.select import select
from annotator.formats.tei_common import TEI_NS, XML_ID, make_id

NS = {"t": TEI_NS}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return relation_dataset()


@pytest.fixture(scope="module")
def corpus(dataset) -> bytes:
    return tei.to_bytes(tei.standoff_corpus(dataset))


def _relations(ds: Dataset) -> list:
    return [r for d in ds.documents for r in d.relations]


def test_the_dataset_has_every_kind_of_relation(dataset):
    rels = _relations(dataset)
    assert {r.type for r in rels} >= {"uses", "poses", "part_of", "cooperates_with"}
    assert any(r.created != r.modified for r in rels)
    assert len({r.annotator for r in rels}) == 3  # li, chen and the gold layer (wang)


def test_standoff_corpus_with_relations_is_valid_and_every_pointer_resolves(validator,
                                                                              corpus):
    root = etree.fromstring(corpus)
    assert validator(root) == []
    assert tei.check_pointers(root) == []
    assert len(root.findall(".//t:listRelation/t:relation", NS)) == len(
        _relations(relation_dataset()))


def test_each_document_alone_is_valid_and_every_pointer_resolves(validator, dataset):
    for data in dataset.documents:
        el = tei.standoff_document(dataset, data)
        assert validator(el) == []
        assert tei.check_pointers(el) == []


def test_relation_elements_say_direction_type_and_annotator(dataset, corpus):
    root = etree.fromstring(corpus)
    els = {el.get(XML_ID): el for el in root.iterfind(".//t:relation", NS)}
    categories = {c.get(XML_ID) for c in root.xpath(
        ".//t:taxonomy[@xml:id='tax-relations']/t:category", namespaces=NS)}
    assert categories == {make_id("rt", r.id) for r in dataset.tagset.relations}
    for r in _relations(dataset):
        el = els[make_id("rel", r.id)]
        assert el.get("ref") == f"#rt-{r.type}" and el.get("name") == r.type
        assert el.get("resp") == f"#{make_id('ann', r.annotator)}"
        ends = f"#{make_id('a', r.source)}", f"#{make_id('a', r.target)}"
        if dataset.tagset.relation(r.type).directed:
            assert (el.get("active"), el.get("passive"), el.get("mutual")) == (*ends, None)
        else:
            assert el.get("mutual") == " ".join(ends) and el.get("active") is None
        whens = [d.get("when") for d in el.iterfind("t:desc/t:date", NS)]
        assert whens == [w for w in (r.created, r.modified) if w]


def test_standoff_round_trip_keeps_relations_and_bytes(dataset, corpus):
    back = tei.read_standoff(corpus, "corpus.xml")
    assert back.tagset == dataset.tagset and back.tagset.relations == dataset.tagset.relations
    for mine, theirs in zip(dataset.documents, back.documents, strict=True):
        assert theirs.relations == mine.relations
    assert tei.to_bytes(tei.standoff_corpus(back)) == corpus
    for data in back.documents:
        one = tei.to_bytes(tei.standoff_document(back, data))
        again = tei.read_standoff(one, "one.xml")
        assert again.documents[0].relations == data.relations
        assert tei.to_bytes(tei.standoff_document(again, again.documents[0])) == one


@pytest.mark.parametrize("who", ["li", "chen", "gold"])
def test_inline_layers_carry_their_relations_as_pointers(validator, dataset, who):
    layer = select(dataset, annotators={who}) if who != "gold" else select(dataset,
                                                                           status="gold")
    seen = 0
    for data in layer.documents:
        el = tei.inline_layer(dataset, data.document, data.annotations, "t", data.relations)
        assert validator(el) == []
        assert tei.check_pointers(el) == []
        rels = el.findall("t:standOff/t:listRelation/t:relation", NS)
        assert len(rels) == len(data.relations)
        for rel in rels:
            for pointer in (rel.get("active") or rel.get("mutual")).split():
                [target] = el.xpath(f".//*[@xml:id='{pointer[1:]}']")
                assert target.xpath("ancestor::t:body", namespaces=NS)
        seen += len(rels)
    assert seen > 0


# --- bad relations -------------------------------------------------------------------------

def _spans_of_other_document(corpus: bytes) -> str:
    """A span id of the last document (the first relation is in the first one)."""
    last = corpus.rindex(b"<TEI ")
    return re.search(rb'<annotation xml:id="(a-[^"]+)"', corpus[last:])[1].decode()


def _edit(corpus: bytes, change) -> bytes:
    text = corpus.decode()
    old = re.search(r'<relation [^>]*active="[^"]*"[^>]*>', text)[0]
    return text.replace(old, change(old), 1).encode()


def _swap(el: str) -> str:
    active, passive = re.search(r'active="([^"]*)"', el)[1], re.search(r'passive="([^"]*)"',
                                                                        el)[1]
    return el.replace(f'active="{active}"', "ACTIVE").replace(
        f'passive="{passive}"', f'passive="{active}"').replace("ACTIVE", f'active="{passive}"')


BAD = {
    "missing span": (lambda el: re.sub(r'passive="[^"]*"', 'passive="#a-nowhere"', el),
                     "no such span nowhere"),
    "itself": (lambda el: re.sub(r'passive="[^"]*"', re.search(r'active="([^"]*)"', el)[0]
                                 .replace("active", "passive"), el), "to itself"),
    "unknown type": (lambda el: re.sub(r'ref="[^"]*" name="[^"]*"',
                                       'ref="#rt-funds" name="funds"', el),
                     "unknown relation type 'funds'"),
    "name differs": (lambda el: re.sub(r'name="[^"]*"', 'name="other"', el), "@name"),
    "not allowed": (_swap, "may not join"),
    "mutual on directed": (lambda el: re.sub(r'active="([^"]*)" passive="([^"]*)"',
                                             r'mutual="\1 \2"', el), "one @active"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_relation_refuses_the_file_in_one_line(corpus, case):
    change, expected = BAD[case]
    with pytest.raises(InputError) as info:
        tei.read_standoff(_edit(corpus, change), "bad.xml")
    message = str(info.value)
    assert message.startswith("bad.xml: ") and expected in message and "\n" not in message


def test_a_relation_to_a_span_of_another_document_is_refused(corpus):
    other = _spans_of_other_document(corpus)
    bad = _edit(corpus, lambda el: re.sub(r'passive="[^"]*"', f'passive="#{other}"', el))
    with pytest.raises(InputError, match=f"no such span {other[2:]}"):
        tei.read_standoff(bad, "bad.xml")


def test_a_relation_given_twice_or_closing_a_cycle_is_refused(dataset):
    data = next(d for d in dataset.documents
                if any(r.type == "part_of" for r in d.relations))
    part = next(r for r in data.relations if r.type == "part_of")
    for extra, expected in ((part._replace(id="again"), "the same 'part_of' relation"),
                            (part._replace(id="back", source=part.target, target=part.source),
                             "would close a cycle")):
        doc = replace(data, relations=(*data.relations, extra))
        with pytest.raises(InputError, match=expected):
            tei.read_standoff(tei.to_bytes(tei.standoff_document(dataset, doc)), "bad.xml")


def test_a_bad_relation_stores_nothing(tmp_path, dataset):
    from seedproject import create_without_gold

    from annotator.interchange import import_files

    path = tmp_path / "bad.xml"
    path.write_bytes(_edit(tei.to_bytes(tei.standoff_corpus(dataset)), _swap))
    store, _ = create_without_gold(tmp_path / "p.annotator")
    with store:
        before = [d.id for d in store.documents()]
        outcome = import_files(store, [path])
        assert len(outcome.errors) == 1 and "may not join" in str(outcome.errors[0])
        assert str(outcome.errors[0]).startswith(str(path))
        assert [d.id for d in store.documents()] == before
        assert not any(store.annotations(d) for d in before)
