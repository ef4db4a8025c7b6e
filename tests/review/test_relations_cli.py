"""The command line over relations: agreement --relations, stats --relations,
check-consistency's related differently."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from annotator.cli import cli


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_agreement_relations(related_path):
    text = run("agreement", related_path, "--annotators", "lin,chen")
    assert text.exit_code == 0, text.output
    assert "relations (F1 per relation type" in text.output
    table = text.output.split("relations (F1 per relation type")[1].splitlines()[1:]
    assert table[0].split() == ["scope", "n_relations", "f1_exact", "f1_overlap"]
    assert table[-1].split() == ["overall", "6", "0.0000", "0.6667"]
    rows = list(csv.DictReader(io.StringIO(run("agreement", related_path, "--relations",
                                               "--csv").stdout)))
    assert [r["scope"] for r in rows] == ["addresses", "cooperates_with", "part_of", "uses",
                                          "overall"]
    assert rows[3]["f1_overlap"] == "1.0"
    data = json.loads(run("agreement", related_path, "--json").output)
    assert data["relations"][-1]["relations"] == {"lin": 3, "chen": 3}
    only = run("agreement", related_path, "--relations")
    assert "cohen_kappa" not in only.output and "part_of" in only.output


def test_stats_relations(related_path, tmp_path):
    text = run("stats", related_path, "--relations", "--lang", "zh-Hans")
    assert text.exit_code == 0, text.output
    # chen's mechanism starts earlier: no relation of lin's is also chen's
    assert "relations: 6 in 1 document(s)" in text.output
    assert "上合组织 → 联合反恐演习 → 三股势力" in text.output
    data = json.loads(run("stats", related_path, "--relations", "--annotator", "chen",
                          "--json").output)
    assert [t["type"] for t in data["types"]] == ["addresses", "part_of", "uses"]
    assert data["chains"][0]["actor"] == "上合组织"
    assert data["chains"][0]["mechanism"] == "举行联合反恐演习"
    assert data["chains"][0]["places"] == [{"doc_id": data["types"][0]["places"][0]["doc_id"],
                                            "start": 0, "end": 19}]
    rows = list(csv.reader(io.StringIO(run("stats", related_path, "--relations", "--layer",
                                           "gold", "--csv").output)))
    assert rows == [["table", "first", "second", "third", "value"]]
    out = tmp_path / "charts"
    plotted = run("stats", related_path, "--relations", "--plot", out)
    assert plotted.exit_code == 0, plotted.output
    assert sorted(p.name for p in out.iterdir()) == ["relations.csv", "relations.png",
                                                    "relations.svg"]


def test_consistency_relations(related_path):
    data = json.loads(run("check-consistency", related_path, "--json").output)
    assert data["by_kind"]["related differently"] == 2  # one each: no type is most frequent
    found = [f for f in data["findings"] if f["kind"] == "related differently"]
    assert {f["form"] for f in found} == {"中方 — 哈方"}
    assert sorted(f["tags"][0] for f in found) == ["cooperates_with", "cooperates_with"]
    lin = json.loads(run("check-consistency", related_path, "--annotator", "lin",
                         "--json").output)
    assert lin["by_kind"]["related differently"] == 0
