"""``annotator agreement`` on a project one of its annotators reviewed (issue 15): the gold
layer is not an annotator unless named, annotators without spans are listed, and a
document nobody annotated has no figures."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from annotator.cli import cli


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_text_output_lists_who_was_left_out_and_where_gold_is(reviewed_path):
    result = run("agreement", reviewed_path, "--by", "doc")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "annotators: lin, chen; unit: char"
    assert lines[1] == "no spans of their own: prof, wang"
    assert lines[2] == ("gold layer (review decisions): 3 spans, not compared; add it with "
                        "--annotators lin,chen,gold")
    blank = lines[5].split()  # the document nobody annotated: units, then only —
    assert blank[1] == "9" and blank[2:] == ["—"] * 6
    assert lines[4].split()[2] != "—"


def test_gold_is_compared_when_named(reviewed_path):
    result = run("agreement", reviewed_path, "--annotators", "lin,gold", "--json")
    data = json.loads(result.output)
    assert data["annotators"] == ["lin", "gold"] and data["without_spans"] == []
    assert data["gold_spans"] == 3
    row = data["rows"][0]
    # lin's own spans 0-6, 10-12, 20-24 against gold 0-6, 19-24, 25-29: one exact match
    assert row["f1_exact"] == pytest.approx(1 / 3) and 0 < row["cohen_kappa"] < 1
    plain = json.loads(run("agreement", reviewed_path, "--json").output)
    assert plain["annotators"] == ["lin", "chen"]
    assert plain["without_spans"] == ["prof", "wang"]
    # gold took chen's version of every case: lin agrees with it as much as with chen
    assert plain["rows"][0]["cohen_kappa"] == row["cohen_kappa"]


def test_csv_keeps_the_notes_apart(reviewed_path):
    result = CliRunner().invoke(cli, ["agreement", str(reviewed_path), "--csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["scope"] for r in rows] == ["overall"]
    assert "note: no spans of their own: prof, wang" in result.stderr


def test_too_few_annotators_and_unknown_names(reviewed_path):
    result = run("agreement", reviewed_path, "--annotators", "lin,nobody")
    assert result.exit_code == 1
    assert "unknown annotator(s): nobody (known: chen, lin, prof, wang; gold for the gold " \
           "layer)" in result.output
    result = run("agreement", reviewed_path, "--annotators", "wang,prof")
    assert result.exit_code == 0  # named: compared even without spans, and said so
    assert "no spans of their own: wang, prof" in result.output
    assert result.output.splitlines()[-2].split()[2:8] == ["—"] * 6
