"""Our JSON format: schema, round trips (JSON and streamed JSON Lines), hostile input.

Also home of :func:`seed_dataset`, the realistic dataset the other format tests share."""

from __future__ import annotations

import copy
import functools
import io
import json
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from referencing import Registry
from referencing.jsonschema import DRAFT202012
from seedset import (  # noqa: E402  (tests/formats is on sys.path: conftest.py)
    ANNOTATORS,
    MEETING,
    REPO,
    SCHEMA,
    STAMP,
    seed_dataset,
    seed_documents,
)

from annotator.core.annotation import Annotation
from annotator.core.dataset import Dataset, DocumentData
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.errors import InputError
from annotator.core.tagset import default_tagset
from annotator.formats import jsonfmt


def test_seed_dataset_is_realistic():
    ds = seed_dataset()
    texts = {a.text_in(d.document.text) for d in ds.documents for a in d.annotations}
    assert {"上海合作组织", "赵克志", "趙克志", "三股势力", "恐怖主义"} <= texts
    assert any(MEETING.fullmatch(t) for t in texts)
    assert {a.annotator for d in ds.documents for a in d.annotations} == {"li", "chen", "wang"}
    assert sum(len(d.decisions) for d in ds.documents) >= 12
    assert any(d.document.cleaning for d in ds.documents)


# --- schema and round trip ------------------------------------------------------------------

def _dump(ds: Dataset) -> str:
    fp = io.StringIO()
    jsonfmt.write_json(ds, fp)
    return fp.getvalue()


def test_export_is_valid_against_the_shipped_schema():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    tagset_schema = json.loads((REPO / "schemas" / "tagset.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    registry: Registry = Registry().with_resources(
        [(s["$id"], DRAFT202012.create_resource(s)) for s in (schema, tagset_schema)])
    data = json.loads(_dump(seed_dataset()))
    jsonschema.Draft202012Validator(schema, registry=registry).validate(data)
    assert data["format"] == "annotator-dataset" and data["offset_unit"] == "code_point"
    doc = data["documents"][0]
    assert "original" not in doc and "raw" not in doc
    span = doc["spans"][0]
    assert doc["text"][span["start"]:span["end"]] == span["text"]


def test_seed_round_trip(tmp_path):
    ds = seed_dataset()
    path = tmp_path / "corpus.json"
    path.write_text(_dump(ds), encoding="utf-8")
    back = jsonfmt.read_json(path)
    assert back == ds
    assert _dump(back).encode() == path.read_bytes()
    originals = {d.id: d.original for d in seed_documents()}
    assert all(d.document.original == originals[d.document.id] for d in back.documents)


def test_jsonl_round_trip_and_manifest_found_next_to_it(tmp_path):
    ds = seed_dataset()
    docs, manifest = tmp_path / "corpus.jsonl", tmp_path / "corpus.manifest.json"
    with docs.open("w", encoding="utf-8") as fd, manifest.open("w", encoding="utf-8") as fm:
        assert jsonfmt.write_jsonl(replace(ds, documents=iter(ds.documents)), fd, fm) == 5
    assert len(docs.read_text(encoding="utf-8").splitlines()) == 5
    assert json.loads(manifest.read_text(encoding="utf-8"))["document_count"] == 5
    back = jsonfmt.read_jsonl(docs)
    assert back == ds
    fd2, fm2 = io.StringIO(), io.StringIO()
    jsonfmt.write_jsonl(back, fd2, fm2)
    assert fd2.getvalue().encode() == docs.read_bytes()
    assert fm2.getvalue().encode() == manifest.read_bytes()


ALPHABET = st.sampled_from(list("上海合作组织趙克志三股势力恐怖主义ab \u3000\n𠮷😀,。"))


@st.composite
def datasets(draw) -> Dataset:
    documents = []
    for d in range(draw(st.integers(1, 3))):
        text = draw(st.text(ALPHABET, min_size=1, max_size=40))
        doc = Document(id=f"d{d}-{document_id(text)}", title=draw(st.text(ALPHABET, max_size=5)),
                       text=text, text_sha256=text_sha256(text), languages=("zh-Hans",),
                       metadata=draw(st.dictionaries(st.sampled_from(["a", "作者"]),
                                                     st.text(ALPHABET, max_size=5))))
        spans = []
        for k in range(draw(st.integers(0, 6))):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            attrs = draw(st.dictionaries(
                st.sampled_from(["note", "certainty", "normalized", "x"]),
                st.one_of(st.text(ALPHABET, max_size=5), st.integers(), st.booleans(),
                          st.none(), st.floats(allow_nan=False, allow_infinity=False),
                          st.lists(st.integers(), max_size=2)), max_size=3))
            spans.append(Annotation(f"{doc.id}-s{k}", doc.id, start, end,
                                    draw(st.sampled_from(["actor.igo", "threat.terrorism"])),
                                    draw(st.sampled_from(["li", "chen"])), attrs, STAMP, ""))
        documents.append(DocumentData(doc, tuple(spans)))
    return Dataset(default_tagset(), ANNOTATORS, tuple(documents))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ds=datasets())
def test_random_round_trip_json(tmp_path, ds):
    path = tmp_path / "random.json"
    path.write_text(_dump(ds), encoding="utf-8")
    back = jsonfmt.read_json(path)
    assert back == ds
    assert _dump(back).encode() == path.read_bytes()


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ds=datasets())
def test_random_round_trip_jsonl(tmp_path, ds):
    docs, manifest = tmp_path / "random.jsonl", tmp_path / "random.manifest.json"
    with docs.open("w", encoding="utf-8") as fd, manifest.open("w", encoding="utf-8") as fm:
        jsonfmt.write_jsonl(ds, fd, fm)
    back = jsonfmt.read_jsonl(docs, manifest)
    assert back == ds
    fd2, fm2 = io.StringIO(), io.StringIO()
    jsonfmt.write_jsonl(back, fd2, fm2)
    assert fd2.getvalue().encode() == docs.read_bytes()


def test_utf16_offsets_after_astral_characters():
    text = "𠮷😀上海合作组织"
    doc = Document("d", "t", text, text_sha256(text))
    ds = Dataset(default_tagset(), ANNOTATORS, (DocumentData(doc, (
        Annotation("s", "d", 2, 8, "actor.igo", "li"),)),))
    span = jsonfmt.dataset_to_json(ds)["documents"][0]["spans"][0]
    assert (span["start"], span["end"], span["start_utf16"], span["end_utf16"]) == (2, 8, 4, 10)
    assert span["text"] == "上海合作组织"


# --- streaming ------------------------------------------------------------------------------

class _Sink:
    def __init__(self):
        self.chars = 0

    def write(self, s: str) -> int:
        self.chars += len(s)
        return len(s)


def _generated(n: int) -> Iterator[DocumentData]:
    for i in range(n):
        text = f"第{i}篇。" + "上海合作组织成员国安全会议秘书会议在北京举行,打击恐怖主义。\n" * 8
        doc = Document(f"g{i}", f"文档{i}", text, text_sha256(text))
        spans = tuple(Annotation(f"g{i}-{k}", doc.id, 10 + 30 * k, 16 + 30 * k, "actor.igo",
                                 "li", {"note": "注"}) for k in range(8))
        yield DocumentData(doc, spans)


def _peak(n: int) -> tuple[int, int]:
    ds = Dataset(default_tagset(), ANNOTATORS, _generated(n))
    docs, manifest = _Sink(), _Sink()
    tracemalloc.start()
    try:
        count = jsonfmt.write_jsonl(ds, docs, manifest)  # type: ignore[arg-type]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == n
    return peak, docs.chars


def test_jsonl_export_streams_in_bounded_memory():
    _peak(3)  # warm caches (schema, tagset dict)
    small, small_chars = _peak(500)
    large, large_chars = _peak(2000)
    assert large_chars > 3 * small_chars > 3 * 500_000  # really wrote more
    assert large < 20_000_000
    assert large < small * 1.5 + 200_000, (small, large)


# --- hostile input --------------------------------------------------------------------------

def _data() -> dict:
    return copy.deepcopy(_seed_json())


@functools.cache
def _seed_json() -> dict:
    return json.loads(_dump(seed_dataset()))


def _refused(tmp_path: Path, data: dict | str) -> str:
    path = tmp_path / "bad.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False),
                    encoding="utf-8")
    with pytest.raises(InputError) as info:
        jsonfmt.read_json(path)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message


def _first_span(data: dict) -> tuple[dict, dict]:
    doc = data["documents"][3]
    return doc, doc["spans"][0]


def test_truncated_json(tmp_path):
    text = _dump(seed_dataset())
    assert "invalid JSON at line" in _refused(tmp_path, text[:len(text) // 2])


@pytest.mark.parametrize(("change", "expected"), [
    (lambda s: s.update(end=10**6), "is past the end of the text"),
    (lambda s: s.update(start=s["end"] + 1), "is not before end"),
    (lambda s: s.update(start=s["end"]), "is not before end"),
    (lambda s: s.update(tag="actor.alien"), "unknown tag 'actor.alien'"),
    (lambda s: s.update(annotator="nobody"), "annotator 'nobody' is not listed"),
    (lambda s: s.update(text="别的"), "does not match text["),
    (lambda s: s.update(start_utf16=s["start_utf16"] + 1), "start_utf16"),
])
def test_bad_spans_name_file_document_and_span(tmp_path, change, expected):
    data = _data()
    doc, span = _first_span(data)
    change(span)
    message = _refused(tmp_path, data)
    assert expected in message
    assert f"/documents/3/spans/0 (document '{doc['id']}', span '{span['id']}')" in message


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["documents"][3]["spans"][0].update(start=-1),
     "/documents/3/spans/0/start: -1 is less than the minimum"),
    (lambda d: d["documents"][3]["spans"][0].update(start=1.0), "/documents/3/spans/0/start"),
    (lambda d: d.update(version=2), "/version"),
    (lambda d: d["documents"][0].pop("text"), "/documents/0: 'text' is a required property"),
    (lambda d: d["documents"][1].update(text_sha256="0" * 64),
     "/documents/1/text_sha256 (document"),
    (lambda d: d["documents"][1].update(id=d["documents"][0]["id"]),
     "/documents/1/id: duplicate document id"),
    (lambda d: d["documents"][3]["spans"][1].update(id=d["documents"][3]["spans"][0]["id"]),
     "duplicate span id"),
    (lambda d: d["documents"][3]["review"][0].update(reviewer="ghost"), "reviewer 'ghost'"),
    (lambda d: d["annotators"].append(dict(d["annotators"][0])), "duplicate annotator id"),
    (lambda d: d["tagset"]["groups"][0]["tags"].append(d["tagset"]["groups"][0]["tags"][0]),
     "/tagset/groups/0/tags/5/id: duplicate tag id"),
    (lambda d: d["documents"][0]["cleaning"][0].update(at=10**6), "/documents/0/cleaning/0"),
])
def test_schema_and_consistency_errors(tmp_path, change, expected):
    data = _data()
    change(data)
    assert expected in _refused(tmp_path, data)


def test_duplicate_keys_and_nan_are_refused(tmp_path):
    assert "duplicate key 'format'" in _refused(tmp_path, '{"format": 1, "format": 2}')
    assert "NaN" in _refused(tmp_path, '{"format": NaN}')


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        jsonfmt.read_json(tmp_path / "nope.json")


def _write_jsonl(tmp_path: Path) -> tuple[Path, Path]:
    docs, manifest = tmp_path / "c.jsonl", tmp_path / "c.manifest.json"
    with docs.open("w", encoding="utf-8") as fd, manifest.open("w", encoding="utf-8") as fm:
        jsonfmt.write_jsonl(seed_dataset(), fd, fm)
    return docs, manifest


def test_jsonl_errors_name_the_line(tmp_path):
    docs, _ = _write_jsonl(tmp_path)
    lines = docs.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[3])
    record["spans"][0]["end"] = 10**6
    docs.write_text("\n".join([*lines[:3], json.dumps(record, ensure_ascii=False), *lines[4:]])
                    + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        jsonfmt.read_jsonl(docs)
    assert info.value.line == 4
    assert str(info.value).startswith(f"{docs}:4: /spans/0 (document '{record['id']}'")


def test_jsonl_truncated_line_and_missing_lines(tmp_path):
    docs, _ = _write_jsonl(tmp_path)
    text = docs.read_text(encoding="utf-8")
    docs.write_text(text[:len(text) - 100], encoding="utf-8")
    with pytest.raises(InputError, match=r":5: invalid JSON at column"):
        jsonfmt.read_jsonl(docs)
    docs.write_text("".join(text.splitlines(keepends=True)[:4]), encoding="utf-8")
    with pytest.raises(InputError, match="4 documents, but the manifest lists 5"):
        jsonfmt.read_jsonl(docs)


def test_jsonl_manifest_problems(tmp_path):
    docs, manifest = _write_jsonl(tmp_path)
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["annotators"] = data["annotators"][:1]
    manifest.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=r"c\.jsonl:1: .*annotator '(chen|wang)' is not listed"):
        jsonfmt.read_jsonl(docs)
    manifest.unlink()
    with pytest.raises(InputError, match="manifest not found"):
        jsonfmt.read_jsonl(docs)
