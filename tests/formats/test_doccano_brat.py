"""doccano JSONL export/import and brat standoff import."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.tagset import default_tagset
from annotator.formats import doccano
from annotator.formats.brat import read_brat
from annotator.formats.layer_relations import ImportedRelation
from annotator.formats.select import select
from annotator.ingest.metadata import short_title


def _shared():
    """The seed dataset shared by the format tests."""
    import seedset

    return seedset


TAGSET = default_tagset()


def _write(tmp_path: Path, lines: list, name: str = "doccano.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False))
                            + "\n" for x in lines), encoding="utf-8")
    return path


# --- doccano -------------------------------------------------------------------------------

def test_doccano_export_imports_back_as_a_layer_on_the_same_documents(tmp_path):
    """li's layer exported to doccano and imported into a project holding the seeds: each
    line lands on the document with its text, as one annotator's spans."""
    from seedproject import create_without_gold as create_project

    from annotator.core.annotation import Annotator
    from annotator.interchange import import_files

    ds = _shared().seed_dataset()
    fp = io.StringIO()
    assert doccano.write_doccano(select(ds, annotators={"li"}), fp) == 5
    lines = fp.getvalue().splitlines()
    first = json.loads(lines[0])
    assert set(first) == {"id", "text", "entities", "relations", "meta"}
    assert first["meta"]["annotators"] == ["li"]
    for line in lines:
        record = json.loads(line)
        for e in record["entities"]:
            text = record["text"][e["start_offset"]:e["end_offset"]]
            assert _shared().TERMS[text] == TAGSET.tag(e["label"]).id
    path = tmp_path / "export.jsonl"
    path.write_text(fp.getvalue(), encoding="utf-8")
    store, _ = create_project(tmp_path / "p.annotator")
    with store:
        outcome = import_files(store, [path], Annotator("imported", "Imported"))
        assert not outcome.errors and "0 documents added, 5 matched" in outcome.lines[0]
        by_text = {store.document(d.id).text: d.id for d in store.documents()}
        for source in ds.documents:
            li = sorted((a.start, a.end, a.tag) for a in source.annotations
                        if a.annotator == "li")
            got = store.annotations(by_text[source.document.text])
            assert sorted((a.start, a.end, a.tag) for a in got) == li
            assert {a.annotator for a in got} <= {"imported"}


def test_doccano_import_accepts_labels_entities_and_astral_offsets(tmp_path):
    text = "𠮷😀上海合作组织打击恐怖主义"
    path = _write(tmp_path, [
        {"text": text, "labels": [[2, 8, "actor.igo"]]},
        {"id": 7, "text": text, "entities": [
            {"id": 1, "start_offset": 10, "end_offset": 14, "label": "threat.terrorism"}],
         "relations": []},
        "",
        {"data": text, "label": [[2, 8, "actor.igo"], [2, 8, "actor.igo"]]},
    ])
    a, b, c = doccano.read_doccano(path, TAGSET)
    assert a.spans == (doccano.ImportedSpan(2, 8, "actor.igo"),)
    assert text[2:8] == "上海合作组织"
    assert b.spans[0][:3] == (10, 14, "threat.terrorism") and b.ref == "7" and b.line == 2
    assert c.line == 4 and len(c.spans) == 1  # a repeated span is kept once


GOOD = {"text": "上海合作组织", "label": [[0, 6, "actor.igo"]]}


@pytest.mark.parametrize(("bad", "expected"), [
    ({"text": "上海合作组织", "label": [[0, 7, "actor.igo"]]}, "out of range"),
    ({"text": "上海合作组织", "label": [[-1, 3, "actor.igo"]]}, "out of range"),
    ({"text": "上海合作组织", "label": [[4, 2, "actor.igo"]]}, "empty or inverted"),
    ({"text": "上海合作组织", "label": [[2, 2, "actor.igo"]]}, "empty or inverted"),
    ({"text": "上海合作组织", "label": [[0, 6, "actor.alien"]]}, "unknown tag 'actor.alien'"),
    ({"text": "上海合作组织", "label": [[0, 6]]}, "expected [start, end, label]"),
    ({"text": "上海合作组织", "label": [["0", 6, "actor.igo"]]}, "integers"),
    ({"text": "上海合作组织", "label": ["positive"]}, "classification"),
    ({"text": "上海合作组织", "entities": [{"start_offset": 0, "label": "actor.igo"}]},
     "end_offset"),
    ({"label": []}, '"text"'),
    ({"text": "上海合作组织", "label": [[0, 6, "actor.igo"]], "entities": []},
     "spans in entities, label: a line holds its spans in one of label, labels, entities"),
    ({"text": "上海合作组织", "spans": [{"start": 0, "end": 6, "label": "actor.igo"}]},
     "spans in spans: a line holds"),
    ({"text": "上海合作组织", "start": 0, "end": 6, "label": "actor.igo"},
     "spans in label, start, end"),
    ({"text": "上海合作组织", "data": "上合组织", "label": []},
     'two texts: "text" and "data" (old doccano\'s name for it) differ'),
    ([1, 2], "JSON object"),
    ('{"text": "上海', "invalid JSON"),
])
def test_doccano_errors_name_file_and_line(tmp_path, bad, expected):
    path = _write(tmp_path, [GOOD, GOOD, bad, GOOD])
    with pytest.raises(InputError) as info:
        doccano.read_doccano(path, TAGSET)
    assert info.value.line == 3 and expected in info.value.reason
    assert str(info.value).startswith(f"{path}:3: ")


def test_doccano_empty_file(tmp_path):
    with pytest.raises(InputError, match="no records"):
        doccano.read_doccano(_write(tmp_path, []), TAGSET)


# --- brat ----------------------------------------------------------------------------------

def _brat(tmp_path: Path, text: str, ann: list[str]) -> Path:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8", newline="")
    path = tmp_path / "doc.ann"
    path.write_text("\n".join(ann) + "\n", encoding="utf-8")
    return path


def _seed_text() -> str:
    return next(d for d in _shared().seed_documents() if "趙克志" in d.text).text


def test_brat_import_on_a_seed_with_notes_fragments_and_ignored_lines(tmp_path):
    text = _seed_text()
    a = text.index("上海合作組織")
    z = text.index("趙克志")
    t = text.index("恐怖主義")
    path = _brat(tmp_path, text, [
        f"T1\tactor.igo {a} {a + 6}\t上海合作組織",
        f"T2\tactor-person {z} {z + 3}\t趙克志",
        f"T3\tthreat.terrorism {t} {t + 2};{t + 2} {t + 4}\t恐怖 主義",
        f"T4\tactor.state {a} {a + 2}\t{text[a:a + 2]}",
        "R1\tpart_of Arg1:T2 Arg2:T1",
        "A1\tNegated T1",
        "#1\tAnnotatorNotes T2\t國務委員、公安部部長",
        "N1\tReference T1 Wikidata:Q485207\tSCO",
    ])
    item = read_brat(path, TAGSET)
    assert item.text == text == next(
        d for d in _shared().seed_documents() if "趙克志" in d.text).text
    spans = {(s.start, s.end, s.tag): s.attributes for s in item.spans}
    assert spans[(z, z + 3, "actor.person")] == {"note": "國務委員、公安部部長"}
    assert (t, t + 2, "threat.terrorism") in spans and (t + 2, t + 4, "threat.terrorism") in spans
    assert (a, a + 2, "actor.state") in spans and (a, a + 6, "actor.igo") in spans  # nested
    assert len(item.spans) == 5
    assert item.relations == (ImportedRelation(1, 0, "part_of", "R1"),)  # T2 -> T1
    warnings = " | ".join(item.warnings)
    assert "relation" not in warnings and "attribute lines: 6" in warnings
    assert "normalisation lines: 8" in warnings and "T3 (line 3)" in warnings


def test_brat_offsets_are_code_points(tmp_path):
    text = "𠮷😀上海合作组织\n第二段"
    item = read_brat(_brat(tmp_path, text, ["T1\tactor.igo 2 8\t上海合作组织"]), TAGSET)
    assert item.spans[0][:3] == (2, 8, "actor.igo")


@pytest.mark.parametrize(("line", "expected"), [
    ("T2\tactor.igo 0 6\t上海合作组", "does not match the .txt"),
    ("T2\tactor.alien 0 6\t上海合作组织", "unknown label 'actor.alien'"),
    ("T2\tactor.igo 0 60\t上海合作组织", "past the end"),
    ("T2\tactor.igo 6 0\t上海合作组织", "empty or inverted"),
    ("T2\tactor.igo zero 6\t上海合作组织", "bad offsets"),
    ("T2\tactor.igo 0 6", "expected 'T<n>"),
    ("T1\tactor.igo 0 6\t上海合作组织", "duplicate entity id 'T1'"),
    ("X1\twhatever", "unknown annotation line"),
    ("#2\tAnnotatorNotes T9\tnote", "refers to 'T9'"),
])
def test_brat_errors_name_file_and_line(tmp_path, line, expected):
    text = "上海合作组织打击恐怖主义"
    path = _brat(tmp_path, text, ["T1\tactor.igo 0 6\t上海合作组织", line])
    with pytest.raises(InputError) as info:
        read_brat(path, TAGSET)
    assert info.value.line == 2 and expected in info.value.reason
    assert str(info.value).startswith(f"{path}:2: ")


def test_brat_missing_text_file(tmp_path):
    path = tmp_path / "alone.ann"
    path.write_text("T1\tactor.igo 0 1\tx\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"alone\.txt: file not found"):
        read_brat(path, TAGSET)


def test_brat_label_map(tmp_path):
    path = _brat(tmp_path, "上海合作组织", ["T1\tOrganisation 0 6\t上海合作组织"])
    item = read_brat(path, TAGSET, label_map={"Organisation": "actor.igo"})
    assert item.spans[0].tag == "actor.igo"


def test_doccano_fields_not_read_are_named_once_with_their_lines(tmp_path):
    ours = {"title": "t", "source": None, "date": None, "text_sha256": "x", "annotators": []}
    path = _write(tmp_path, [
        {"text": "上海合作组织", "label": [[0, 6, "actor.igo"]], "meta": ours, "relations": []},
        {"text": "上海合作组织开会", "entities": [], "relations": [],
         "Comments": ["看一下"], "meta": {"source_url": "http://x"}},
        {"text": "恐怖主义", "label": [], "Comments": ["再看"]},
    ])
    first, second, third = doccano.read_doccano(path, TAGSET)
    assert first.warnings == (
        "Comments not read (annotator takes spans and relations only): lines 2, 3",
        "meta not read (annotator takes spans and relations only): lines 2")
    assert second.warnings == third.warnings == ()


def test_doccano_text_and_data_alike_are_one_text(tmp_path):
    [item] = doccano.read_doccano(_write(tmp_path, [{**GOOD, "data": GOOD["text"]}]), TAGSET)
    assert item.text == GOOD["text"] and item.warnings == ()


def test_a_new_document_from_a_layer_takes_the_records_title_source_and_date(tmp_path):
    """A doccano export (ours: meta holds the title, source and date) imported into a project
    without its texts: the new documents are named by meta, not by their first line."""
    from annotator.core.annotation import Annotator
    from annotator.interchange import import_files
    from annotator.project import create_project

    text = "新华社北京5月22日电 上海合作组织成员国安全会议秘书第十三次会议在北京举行。\n双方交流了情报。"
    long = "很长的标题，" * 60
    path = _write(tmp_path, [
        {"text": text, "label": [[12, 18, "actor.igo"]],
         "meta": {"title": "上合组织安全会议秘书会议举行", "source": "新华社", "date": "2018-05-22",
                  "text_sha256": "x", "annotators": ["li"]}},
        {"text": "另一篇文章。\n第二段。", "label": [], "meta": {"title": long}},
        {"text": "第三篇没有元数据。\n正文。", "label": []},
    ])
    store, _ = create_project(tmp_path / "p.annotator", seeds=False)
    with store:
        outcome = import_files(store, [path], Annotator("li", "Li"))
        assert not outcome.errors, outcome.errors
        docs = store.documents()
        assert [(d.title, d.source, d.date) for d in docs] == [
            ("上合组织安全会议秘书会议举行", "新华社", "2018-05-22"),
            (short_title(long), None, None), ("第三篇没有元数据。", None, None)]
        assert len(docs[1].title) <= 100
