"""The fast JSON Lines document line (:mod:`annotator.formats.jsonline`) against the plain
reference: ``json.dumps`` of the document's dict, byte for byte, on random documents."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from relset import relation_dataset  # noqa: E402  (tests/formats is on sys.path)
from seedset import seed_dataset  # noqa: E402

from annotator.core.annotation import Annotation
from annotator.core.dataset import DocumentData
from annotator.core.document import Document, document_id, text_sha256
from annotator.formats import jsonfmt
from annotator.zh import Utf16Map

#: quotes, backslashes, control characters, CJK, astral characters
CHARS = st.sampled_from(list('ab "\\\n\t\x00\x1f\u2028中國𠮷😀'))
TEXTS = st.text(CHARS, max_size=12)
VALUES = st.one_of(TEXTS, st.integers(), st.booleans(), st.none(),
                   st.floats(allow_nan=True, allow_infinity=True),
                   st.lists(st.integers(), max_size=2))
#: what a span's string fields may hold: strings, or (not from the store) None
MAYBE_TEXT = st.one_of(TEXTS, st.none())


def reference(data: DocumentData) -> str:
    return json.dumps(jsonfmt.document_to_json(data), ensure_ascii=False,
                      separators=(",", ":"))


@st.composite
def documents(draw) -> DocumentData:
    text = draw(st.text(CHARS, min_size=1, max_size=40))
    doc = Document(id=document_id(text), title=draw(TEXTS), text=text,
                   text_sha256=text_sha256(text),
                   metadata=draw(st.dictionaries(TEXTS, TEXTS, max_size=2)))
    spans = []
    for k in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        spans.append(Annotation(draw(st.one_of(st.just(f"s{k}"), TEXTS)), doc.id, start, end,
                                draw(TEXTS), draw(TEXTS),
                                draw(st.dictionaries(TEXTS, VALUES, max_size=3)),
                                draw(MAYBE_TEXT), draw(MAYBE_TEXT)))
    return DocumentData(doc, tuple(spans))


@settings(max_examples=300, deadline=None)
@given(data=documents())
def test_document_line_is_json_dumps_byte_for_byte(data):
    assert jsonfmt.document_line(data) == reference(data)


@settings(max_examples=300, deadline=None)
@given(data=documents(), spaced=st.booleans())
def test_a_line_of_export_rows_is_that_of_their_annotations(data, spaced):
    """``span_rows`` as a store gives them (attributes as stored JSON text, ``{}`` for
    none, spaced or not) make the same line as the annotations they stand for."""
    def stored(attributes: dict) -> str:
        return json.dumps(attributes, ensure_ascii=spaced,
                          separators=(", ", ": ") if spaced else (",", ":"))
    rows = tuple((*a[:6], stored(a.attributes), a.created,
                  None if a.modified == a.created else a.modified) for a in data.annotations)
    bare = replace(data, annotations=(), span_rows=rows)
    # a store's modified: as created when None (a span never changed since it was made)
    data = replace(data, annotations=tuple(a._replace(modified=a.created)
                                           if a.modified is None else a
                                           for a in data.annotations))
    assert jsonfmt.document_line(bare) == jsonfmt.document_line(data) == reference(bare)


def test_seed_documents_with_review_relations_and_workflow_are_the_same():
    documents = [*seed_dataset().documents, *relation_dataset().documents]
    lines = [jsonfmt.document_line(d) for d in documents]
    assert lines == [reference(d) for d in documents]
    assert any('"relations":[' in line for line in lines)
    assert all('"review":[' in line for line in lines)


def test_offsets_that_are_not_plain_integers_are_written_as_json_writes_them():
    doc = Document(id="d", title="", text="中國", text_sha256=text_sha256("中國"))
    data = DocumentData(doc, (Annotation("s", "d", False, True, "t", "w", {}, "", ""),))
    assert '"start":false,"end":true' in jsonfmt.document_line(data)
    assert jsonfmt.document_line(data) == reference(data)


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from(list("a中\n𠮷😀\ud800\udfff")), max_size=30))
def test_the_utf16_map_finds_every_astral_character(text):
    """The map's shortcut (no astral character when the UTF-16 is two bytes a character)
    against a plain walk; lone surrogates count as one unit."""
    u16 = Utf16Map(text)
    assert u16.astral == [i for i, c in enumerate(text) if ord(c) > 0xFFFF]


def test_export_rows_of_odd_values_go_the_slow_way_to_the_same_bytes():
    """Rows the fast way cannot take (a bool offset, a tag that is not a string, a str
    subclass) are written as ``json`` writes their annotations."""
    class Tag(str):
        pass
    doc = Document(id="d", title="", text="中國", text_sha256=text_sha256("中國"))
    for start, tag in ((False, "t"), (0, None), (0, Tag("t\\"))):
        row = ("s", "d", start, 2, tag, "w", "{}", "c", None)
        bare = DocumentData(doc, (), span_rows=(row,))
        assert jsonfmt.document_line(bare) == reference(bare)
        assert '"modified":"c"' in jsonfmt.document_line(bare)
