"""Relations in doccano JSONL and brat standoff: written, read back, and bad relations
refusing the whole file (one line naming it) with nothing stored."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from relset import relation_dataset

from annotator.core.annotation import Annotator
from annotator.core.errors import InputError
from annotator.core.tagset import default_tagset
from annotator.formats import brat_export, doccano
from annotator.formats.brat import read_brat
from annotator.formats.layer_relations import ImportedRelation
from annotator.formats.select import select

TAGSET = default_tagset()
TEXT = "上海合作组织举行联合反恐演习打击恐怖主义。中方与哈方合作。"
#: spans of TEXT: 0 actor.igo, 1 mechanism.exercise, 2 threat.terrorism, 3/4 actor.state
SPANS = [(0, 6, "actor.igo"), (8, 14, "mechanism.exercise"), (16, 20, "threat.terrorism"),
         (21, 23, "actor.state"), (24, 26, "actor.state")]


def _entities() -> list[dict]:
    return [{"id": k + 1, "label": tag, "start_offset": s, "end_offset": e}
            for k, (s, e, tag) in enumerate(SPANS)]


def _line(relations: list[dict]) -> dict:
    return {"text": TEXT, "entities": _entities(), "relations": relations}


def _rel(k: int, a: int, b: int, rtype: str) -> dict:
    return {"id": k, "from_id": a, "to_id": b, "type": rtype}


def _write(tmp_path: Path, lines: list, name: str = "layer.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                    encoding="utf-8")
    return path


def _layer(ds, who: str):
    return select(ds, annotators={who}) if who != "gold" else select(ds, status="gold")


# --- doccano -------------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["li", "chen", "gold"])
def test_doccano_writes_every_relation_of_the_layer_and_reads_it_back(tmp_path, who):
    ds = relation_dataset()
    fp = io.StringIO()
    doccano.write_doccano(_layer(ds, who), fp)
    path = tmp_path / "out.jsonl"
    path.write_text(fp.getvalue(), encoding="utf-8")
    items = doccano.read_doccano(path, ds.tagset)
    total = 0
    for data, item in zip(_layer(ds, who).documents, items, strict=True):
        spans = {a.id: (a.start, a.end, a.tag) for a in data.annotations}
        want = sorted((spans[r.source], spans[r.target], r.type) for r in data.relations)
        got = sorted((item.spans[r.source][:3], item.spans[r.target][:3], r.type)
                     for r in item.relations)
        assert got == want
        total += len(want)
    assert total > 0


def test_doccano_line_names_relation_ends_by_entity_id():
    ds = relation_dataset()
    data = next(d for d in _layer(ds, "li").documents if d.relations)
    record = doccano.doccano_record(data.document, data.annotations, data.relations)
    ids = {e["id"]: e for e in record["entities"]}
    assert sorted(ids) == list(range(1, len(ids) + 1))
    assert [r["id"] for r in record["relations"]] == list(range(1, len(data.relations) + 1))
    for r in record["relations"]:
        assert set(r) == {"id", "from_id", "to_id", "type"}
        assert TAGSET.relation(r["type"]).allows(ids[r["from_id"]]["label"],
                                                  ids[r["to_id"]]["label"])


def test_doccano_reads_a_chain_and_an_undirected_relation(tmp_path):
    path = _write(tmp_path, [_line([_rel(1, 1, 2, "uses"), _rel(2, 2, 3, "addresses"),
                                    _rel(3, 5, 4, "cooperates_with")])])
    [item] = doccano.read_doccano(path, TAGSET)
    assert item.relations == (ImportedRelation(0, 1, "uses", "1"),
                              ImportedRelation(1, 2, "addresses", "2"),
                              ImportedRelation(4, 3, "cooperates_with", "3"))
    assert item.warnings == ()


BAD_DOCCANO = [
    ([_rel(1, 1, 9, "uses")], "relation 1: to_id 9 is not an entity of this line"),
    ([_rel(1, 1, 1, "uses")], "relation 1: joins span actor.igo [0, 6) to itself"),
    ([_rel(1, 1, 2, "funds")], "relation 1: unknown relation type 'funds'"),
    ([_rel(1, 3, 1, "uses")], "relation 1: 'uses' may not join threat.terrorism to actor.igo"),
    ([_rel(1, 1, 2, "uses"), _rel(2, 1, 2, "uses")], "relation 2: the same 'uses' relation"),
    ([_rel(1, 4, 5, "cooperates_with"), _rel(2, 5, 4, "cooperates_with")],
     "relation 2: the same 'cooperates_with' relation"),
    ([_rel(1, 4, 5, "part_of"), _rel(2, 5, 4, "part_of")],
     "relation 2: 'part_of' would close a cycle"),
    ([{"id": 1, "from_id": 1, "type": "uses"}], "relation 1: no 'to_id'"),
    ([{"id": 1, "from_id": True, "to_id": 2, "type": "uses"}], "from_id true is not an entity"),
    ([_rel(1, 1, 2, 7)], "relation 1: type must be a string"),
    (["uses"], "relation 0: expected an object"),
]


@pytest.mark.parametrize(("relations", "expected"), BAD_DOCCANO)
def test_doccano_bad_relation_refuses_the_file_naming_it_and_the_line(tmp_path, relations,
                                                                      expected):
    path = _write(tmp_path, [_line([]), _line(relations)])
    with pytest.raises(InputError) as info:
        doccano.read_doccano(path, TAGSET)
    assert str(info.value).startswith(f"{path}:2: ") and expected in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(("line", "expected"), [
    ({"text": TEXT, "label": [[0, 6, "actor.igo"], [8, 14, "mechanism.exercise"]],
      "relations": [_rel(1, 1, 2, "uses")]}, 'holds its spans in "entities"'),
    ({"text": TEXT, "entities": _entities() + [_entities()[0]], "relations": []},
     "entity id 1 given twice"),
    ({"text": TEXT, "entities": _entities(), "relations": {"1": 2}}, "must be a list"),
])
def test_doccano_relations_need_entities_with_ids(tmp_path, line, expected):
    with pytest.raises(InputError, match=expected):
        doccano.read_doccano(_write(tmp_path, [line]), TAGSET)


def test_doccano_relation_in_another_line_is_a_missing_span(tmp_path):
    """Entity ids are the line's own: a relation cannot reach into another document."""
    other = {"text": "恐怖主义", "entities": [
        {"id": 9, "label": "threat.terrorism", "start_offset": 0, "end_offset": 4}]}
    path = _write(tmp_path, [other, _line([_rel(1, 1, 9, "poses")])])
    with pytest.raises(InputError, match=r":2: relation 1: to_id 9 is not an entity of this "):
        doccano.read_doccano(path, TAGSET)


# --- brat ----------------------------------------------------------------------------------

def _brat(tmp_path: Path, lines: list[str], text: str = TEXT) -> Path:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8", newline="")
    path = tmp_path / "doc.ann"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


T_LINES = [f"T{k + 1}\t{tag.replace('.', '-')} {s} {e}\t{TEXT[s:e]}"
           for k, (s, e, tag) in enumerate(SPANS)]


def test_brat_reads_relations_and_equivalences(tmp_path):
    path = _brat(tmp_path, [*T_LINES, "R1\tuses Arg1:T1 Arg2:T2",
                            "R2\taddresses Instrument:T2 Goal:T3",
                            "*\tcooperates_with T4 T5"])
    item = read_brat(path, TAGSET)
    assert item.relations == (ImportedRelation(0, 1, "uses", "R1"),
                              ImportedRelation(1, 2, "addresses", "R2"),
                              ImportedRelation(3, 4, "cooperates_with", "*"))
    assert item.warnings == ()


BAD_BRAT = [
    ("R1\tuses Arg1:T1 Arg2:T9", "R1: 'T9' is not an entity of this file"),
    ("R1\tuses Arg1:T1 Arg2:E1", "R1: 'E1' is not an entity of this file"),
    ("R1\tuses Arg1:T1 Arg2:T1", "relation R1: joins span actor.igo [0, 6) to itself"),
    ("R1\tfunds Arg1:T1 Arg2:T2", "unknown relation type 'funds'"),
    ("R1\tuses Arg1:T3 Arg2:T1", "'uses' may not join threat.terrorism to actor.igo"),
    ("R1\tuses Arg1:T1", "expected 'R1<TAB>Type Arg1:T1 Arg2:T2'"),
    ("R1\tuses T1 T2", "expected 'R1<TAB>Type Arg1:T1 Arg2:T2'"),
    ("*\tuses T1 T2", "'uses' is directed: write it as R lines"),
    ("*\tcooperates_with T4", "two entities or more"),
]


@pytest.mark.parametrize(("line", "expected"), BAD_BRAT)
def test_brat_bad_relation_refuses_the_file_naming_it_and_the_line(tmp_path, line, expected):
    path = _brat(tmp_path, [*T_LINES, line])
    with pytest.raises(InputError) as info:
        read_brat(path, TAGSET)
    assert str(info.value).startswith(f"{path}:6: ") and expected in str(info.value)


@pytest.mark.parametrize(("lines", "expected"), [
    (["R1\tpart_of Arg1:T4 Arg2:T5", "R2\tpart_of Arg1:T5 Arg2:T4"], "would close a cycle"),
    (["R1\tuses Arg1:T1 Arg2:T2", "R2\tuses Arg1:T1 Arg2:T2"], "the same 'uses' relation"),
    (["R1\tuses Arg1:T1 Arg2:T2", "R1\taddresses Arg1:T2 Arg2:T3"], "duplicate relation id"),
    (["*\tcooperates_with T4 T5", "R1\tcooperates_with Arg1:T5 Arg2:T4"],
     "the same 'cooperates_with' relation"),
])
def test_brat_relations_checked_together(tmp_path, lines, expected):
    path = _brat(tmp_path, [*T_LINES, *lines])
    with pytest.raises(InputError) as info:
        read_brat(path, TAGSET)
    assert str(info.value).startswith(f"{path}:7: ") and expected in str(info.value)


def test_brat_relation_to_a_discontinuous_entity_joins_its_first_fragment(tmp_path):
    path = _brat(tmp_path, ["T1\tactor-igo 0 2;4 6\t上海 组织", T_LINES[1],
                            "R1\tuses Arg1:T1 Arg2:T2"])
    item = read_brat(path, TAGSET)
    assert item.relations == (ImportedRelation(0, 2, "uses", "R1"),)
    assert "relations to discontinuous entities join their first fragment" in item.warnings


# --- brat export ---------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["li", "chen", "gold"])
def test_brat_export_reads_back_with_its_relations(tmp_path, who):
    ds = _layer(relation_dataset(), who)
    written = 0
    for data in ds.documents:
        stats = brat_export.BratStats()
        (tmp_path / "d.txt").write_text(data.document.text, encoding="utf-8", newline="")
        with open(tmp_path / "d.ann", "w", encoding="utf-8", newline="") as fp:
            brat_export.write_ann(data, fp, stats)
        item = read_brat(tmp_path / "d.ann", ds.tagset)
        spans = {a.id: (a.start, a.end, a.tag) for a in data.annotations}
        assert sorted(s[:3] for s in item.spans) == sorted(spans.values())
        want = sorted((spans[r.source], spans[r.target], r.type) for r in data.relations)
        assert sorted((item.spans[r.source][:3], item.spans[r.target][:3], r.type)
                      for r in item.relations) == want
        written += stats.relations
    assert written > 0


def test_brat_conf_declares_tags_and_relation_types():
    conf = brat_export.annotation_conf(TAGSET)
    sections = [line for line in conf.splitlines() if line.startswith("[")]
    assert sections == ["[entities]", "[relations]", "[events]", "[attributes]"]
    assert "!actor\n\tactor-state\n" in conf
    rel = {line.split("\t")[0]: line for line in conf.splitlines()
           if line.split("\t")[0] in {r.id for r in TAGSET.relations}}
    assert set(rel) == {"uses", "addresses", "cooperates_with", "part_of", "poses"}
    assert rel["uses"].startswith("uses\tArg1:actor-state|actor-igo|")
    assert "Arg2:mechanism-meeting|" in rel["uses"] and "<REL-TYPE>" not in rel["uses"]
    assert rel["cooperates_with"].endswith(", <REL-TYPE>:symmetric")
    visual = brat_export.visual_conf(TAGSET)
    assert "uses\tcolor:#1f6fb2" in visual and "actor-igo | " in visual


def test_brat_export_says_what_it_cannot_carry():
    ds = _layer(relation_dataset(), "chen")
    stats = brat_export.BratStats()
    for data in ds.documents:
        brat_export.write_ann(data, io.StringIO(), stats)
    notes = " | ".join(stats.notes())
    assert "notes had line breaks or tabs" in notes and "attributes brat cannot carry" in notes


# --- nothing stored ------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["doccano", "brat"])
def test_a_bad_relation_stores_nothing(tmp_path, kind):
    from seedproject import create_without_gold

    from annotator.interchange import import_files

    if kind == "doccano":
        path = _write(tmp_path, [_line([_rel(1, 1, 2, "uses")]), _line([_rel(1, 3, 1, "uses")])])
    else:
        path = _brat(tmp_path, [*T_LINES, "R1\tuses Arg1:T1 Arg2:T2", "R2\tuses Arg1:T3 Arg2:T1"])
    store, _ = create_without_gold(tmp_path / "p.annotator")
    with store:
        before = [d.id for d in store.documents()]
        outcome = import_files(store, [path], Annotator("imported", "Imported"))
        assert len(outcome.errors) == 1 and str(path) in str(outcome.errors[0])
        assert "may not join threat.terrorism to actor.igo" in str(outcome.errors[0])
        assert [d.id for d in store.documents()] == before
        assert not any(store.annotations(d) for d in before)
        assert "imported" not in {a.id for a in store.annotators()}


# --- formats that cannot carry relations say so --------------------------------------------

@pytest.mark.parametrize(("fmt", "name"), [("conll", "CoNLL"), ("csv_spans", "CSV of spans")])
def test_conll_and_csv_count_the_relations_they_leave_out(tmp_path, fmt, name):
    from annotator.formats import writers

    ds = select(relation_dataset(), annotators={"li"})
    expected = sum(len(d.relations) for d in ds.documents)
    outputs = writers.Outputs()
    getattr(writers, fmt)(select(relation_dataset(), annotators={"li"}), tmp_path / "out",
                          outputs, writers.Layer("li"))
    outputs.commit()
    assert expected > 0
    assert (tmp_path / "out", f"{expected} relations left out: {name} holds spans only "
            "(json, jsonl, tei, doccano and brat keep them)") in outputs.notes
    assert (tmp_path / "out").stat().st_size > 0


def test_conll_without_relations_says_nothing_of_them(tmp_path):
    import seedset

    from annotator.formats import writers

    outputs = writers.Outputs()
    writers.conll(select(seedset.seed_dataset(), annotators={"li"}), tmp_path / "out",
                  outputs, writers.Layer("li"))
    outputs.commit()
    assert not any("relations" in note for _, note in outputs.notes)
