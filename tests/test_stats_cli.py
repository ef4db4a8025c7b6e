"""``annotator stats``: text, JSON, CSV, charts, layers, and clear errors."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli

sys.path.insert(0, str(Path(__file__).resolve().parent / "stats"))
import statseeds  # noqa: E402  (tests/stats/statseeds.py)


@pytest.fixture(autouse=True, scope="module")
def _seed_texts_only():
    """These tests count spans of their own: the seeds without the demo gold layer
    (tests/seedproject.py)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("annotator.project.SEED_GOLD", "no-gold-layer-here.json")
        yield


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return statseeds.annotated_project(tmp_path_factory.mktemp("stats-cli") / "p.annotator")


def test_text_report(project):
    result = run("stats", project)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("p.annotator: all annotators, co-occurrence by sentence")
    assert "International organisation × Terrorism: 13" in result.output


def test_json_respects_layer_and_unit(project):
    every = json.loads(run("stats", project, "--json").output)
    gold = json.loads(run("stats", project, "--layer", "gold", "--json").output)
    lin = json.loads(run("stats", project, "--annotator", "lin", "--unit", "paragraph",
                         "--json").output)
    assert gold["layer"] == {"kind": "gold", "annotator": None} and gold["spans"] == 10
    assert lin["layer"] == {"kind": "annotator", "annotator": "lin"}
    assert lin["unit"] == "paragraph" and list(lin["annotators"]) == ["lin"]
    assert every["spans"] > lin["spans"] > gold["spans"]


def test_csv(project):
    result = run("stats", project, "--csv", "--lang", "zh-Hans")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert result.exit_code == 0 and rows
    assert {r["table"] for r in rows} >= {"tag", "cooccurrence:actor-threat", "timeline:month"}
    assert any(r["row_label"] == "国际组织" for r in rows)


def test_plot_writes_charts_and_keeps_stdout_clean(project, tmp_path):
    out = tmp_path / "charts"
    result = CliRunner().invoke(cli, ["stats", str(project), "--json", "--plot", str(out),
                                      "--period", "year"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["timeline"]["periods"] == ["2018", "2021", "2025"]
    assert "wrote 24 files to" in result.stderr
    names = {p.name for p in out.iterdir()}
    assert {"actor-threat.png", "actor-threat.svg", "actor-threat.csv", "timeline.svg"} <= names
    assert (out / "actor-threat.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_errors_name_the_file_or_the_argument(project, tmp_path):
    missing = run("stats", tmp_path / "nope.annotator")
    assert missing.exit_code == 1 and "nope.annotator" in missing.output
    unknown = run("stats", project, "--annotator", "zhou")
    assert unknown.exit_code == 1
    assert "unknown annotator 'zhou' (known: chen, li, lin, wang)" in unknown.output
    assert "p.annotator" in unknown.output
    both = run("stats", project, "--json", "--csv")
    assert both.exit_code == 1 and "choose one of --json and --csv" in both.output
    bad = run("stats", project, "--layer", "gold", "--annotator", "lin")
    assert bad.exit_code == 1 and "--layer gold" in bad.output
    not_project = tmp_path / "x.annotator"
    not_project.write_text("hello")
    refused = run("stats", not_project)
    assert refused.exit_code == 1 and "not an annotator project" in refused.output


def test_unwritable_plot_folder(project, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run("stats", project, "--plot", blocker / "sub")
    assert result.exit_code != 0 and str(blocker) in result.output


@pytest.mark.parametrize("lang, shown", [("en", "June 8, year unknown"),
                                         ("zh-Hans", "6月8日（年份不详）")])
def test_a_date_without_its_year_is_said_so_in_the_report(project, lang, shown):
    """Seed 000 has only a dateline's day: the report says so in words, the columns still
    line up, and JSON keeps the stored form."""
    lines = run("stats", project, "--lang", lang).output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("documents with most"))
    rows = [line for line in lines[at + 1:] if line.startswith("  ")]
    assert any(shown in row for row in rows) and not any("--06-08" in row for row in rows)
    from annotator.stats.labels import width

    columns = {sum(map(width, row[:row.index("todo")])) for row in rows if "todo" in row}
    assert len(columns) == 1  # on a terminal, where Chinese takes two columns
    data = json.loads(run("stats", project, "--json").output)
    assert "--06-08" in [d["date"] for d in data["documents"]]
