"""Relations through the command line: `annotator export` to doccano, brat, TEI (stand-off
and inline) and `annotator import` back, from a project whose layers hold relations; CoNLL
saying on the terminal how many it could not carry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from relset import relation_dataset

from annotator.cli import cli
from annotator.core.store import ProjectStore
from annotator.core.tagset import default_tagset
from annotator.formats import tei
from annotator.transfer import import_dataset


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def _fresh(path: Path) -> Path:
    """A project of the seed texts on the default tagset (its relation types), no spans."""
    from seedproject import create_without_gold

    store, _ = create_without_gold(path)
    with store:
        store.set_tagset(default_tagset())
    return path


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """A project holding the relation dataset: li's, chen's and the gold layer's relations."""
    path = _fresh(tmp_path_factory.mktemp("relations") / "source.annotator")
    with _open(path) as store:
        report = import_dataset(store, relation_dataset(), "relations")
    assert report.relations_added == sum(len(d.relations) for d in relation_dataset().documents)
    return path


def _open(path: Path) -> ProjectStore:
    from annotator.store import Store

    return Store.open(path)


def _links(path: Path, who: str) -> list[tuple]:
    """Every relation of ``who``'s layer as (document, from span, to span, type); spans as
    (start, end, tag)."""
    with _open(path) as store:
        out = []
        for d in store.documents():
            spans = {a.id: (a.start, a.end, a.tag) for a in store.annotations(d.id)}
            out += [(d.id, spans[r.source], spans[r.target], r.type)
                    for r in store.relations(d.id) if r.annotator == who]
    return sorted(out)


@pytest.mark.parametrize("fmt", ["doccano", "brat"])
def test_a_layers_relations_go_out_and_come_back_as_another_annotators(tmp_path, source, fmt):
    out = tmp_path / ("li.jsonl" if fmt == "doccano" else "li")
    result = run("export", source, "--format", fmt, "--annotator", "li", "--out", out)
    assert result.exit_code == 0, result.output
    target = _fresh(tmp_path / "target.annotator")
    result = run("import", target, out, "--annotator", "bob")
    assert result.exit_code == 0, result.output
    li = _links(source, "li")
    assert li and [x[1:] for x in _links(target, "bob")] == [x[1:] for x in li]
    again = run("import", target, out, "--annotator", "bob")  # twice changes nothing
    assert again.exit_code == 0 and "relations added" not in again.output.replace(
        "0 relations added", "")
    assert len(_links(target, "bob")) == len(li)


@pytest.mark.parametrize("fmt", ["doccano", "brat"])
def test_a_layers_own_export_imported_back_adds_no_relation(tmp_path, source, fmt):
    copy = tmp_path / "copy.annotator"
    copy.write_bytes(source.read_bytes())
    out = tmp_path / ("li.jsonl" if fmt == "doccano" else "li")
    assert run("export", copy, "--format", fmt, "--annotator", "li", "--out", out
               ).exit_code == 0
    before = _links(copy, "li")
    result = run("import", copy, out, "--annotator", "li")
    assert result.exit_code == 0, result.output
    assert _links(copy, "li") == before


def test_brat_export_folder(tmp_path, source):
    out = tmp_path / "brat"
    result = run("export", source, "--format", "brat", "--status", "gold", "--out", out)
    assert result.exit_code == 0 and len(result.output.splitlines()) == 1, result.output
    names = {p.name for p in out.iterdir()}
    assert {"annotation.conf", "visual.conf"} <= names
    assert len([n for n in names if n.endswith(".ann")]) == 5
    assert len([n for n in names if n.endswith(".txt")]) == 5
    anns = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.ann"))
    assert anns.count("\nR") + anns.startswith("R") == len(_links(source, "wang"))
    for bad in ("-", tmp_path / "x.ann"):
        refused = run("export", source, "--format", "brat", "--status", "gold", "--out", bad)
        assert refused.exit_code == 1 and "brat writes a folder" in refused.output


def test_tei_export_import_export_is_byte_identical(tmp_path, source, validator):
    first = tmp_path / "first.xml"
    assert run("export", source, "--format", "tei", "--out", first).exit_code == 0
    root = etree.fromstring(first.read_bytes())
    assert validator(root) == [] and tei.check_pointers(root) == []
    assert len(root.findall(f".//{{{tei.TEI_NS}}}relation")) == sum(
        len(d.relations) for d in relation_dataset().documents)
    target = _fresh(tmp_path / "target.annotator")
    result = run("import", target, first)
    assert result.exit_code == 0, result.output
    second = tmp_path / "second.xml"
    assert run("export", target, "--format", "tei", "--out", second).exit_code == 0
    assert second.read_bytes() == first.read_bytes()
    with _open(source) as a, _open(target) as b:
        for d in a.documents():
            assert b.relations(d.id) == a.relations(d.id)


def test_inline_tei_carries_the_layers_relations(tmp_path, source, validator):
    out = tmp_path / "inline"
    result = run("export", source, "--format", "tei-inline", "--annotator", "chen", "--out", out)
    assert result.exit_code == 0, result.output
    relations = 0
    for path in out.glob("*.xml"):
        root = etree.fromstring(path.read_bytes())
        assert validator(root) == [] and tei.check_pointers(root) == []
        relations += len(root.findall(f".//{{{tei.TEI_NS}}}relation"))
    assert relations == len(_links(source, "chen")) > 0


@pytest.mark.parametrize(("fmt", "name"), [("conll", "CoNLL"), ("csv", "CSV of spans")])
def test_conll_says_on_the_terminal_how_many_relations_it_left_out(tmp_path, source, fmt,
                                                                   name):
    result = run("export", source, "--format", fmt, "--annotator", "li", "--out",
                 tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert f"{len(_links(source, 'li'))} relations left out: {name} holds spans only" \
        in result.output


def test_doccano_export_names_relation_ends_by_entity_id(tmp_path, source):
    out = tmp_path / "gold.jsonl"
    assert run("export", source, "--format", "doccano", "--status", "gold", "--out", out
               ).exit_code == 0
    count = 0
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        ids = {e["id"] for e in record["entities"]}
        for r in record["relations"]:
            assert {r["from_id"], r["to_id"]} <= ids and r["from_id"] != r["to_id"]
            count += 1
    assert count == len(_links(source, "wang")) > 0
