"""An annotator's layer is their own spans: never the gold copies a reviewer's decisions
made under her id (issue 15 follow-up). lin annotated l1, l2, l3 and reviewed: two gold
spans are stored under her id; prof only reviewed (one gold span); chen annotated three.
Export, statistics, search, consistency and agreement all read the one rule of
:func:`annotator.core.dataset.own_spans`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.dataset import ReviewDecision, own_spans
from annotator.exporting import ExportOptions
from annotator.formats.select import select
from annotator.review.layers import own_layers
from annotator.stats.compute import project_stats
from annotator.stats.layer import Layer

LIN = {"l1", "l2", "l3"}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_own_spans_leaves_out_the_results_of_decisions(reviewed):
    doc = reviewed.documents()[0].id
    spans, decisions = reviewed.annotations(doc), tuple(reviewed.decisions(doc))
    assert {a.id for a in own_spans(spans, decisions, {"lin"})} == LIN
    assert own_spans(spans, decisions, {"prof"}) == []
    assert len(own_spans(spans, decisions)) == 6  # everyone's own: lin's and chen's
    rejected = ReviewDecision("x", doc, "lin", "rejected", ("l1",), None)
    assert {a.id for a in own_spans(spans, (rejected,), {"lin"})} == {
        a.id for a in spans if a.annotator == "lin"}  # nothing is gold without a result


def test_export_of_one_annotator_holds_their_own_spans(reviewed_path):
    result = run("export", reviewed_path, "--annotator", "lin", "--format", "jsonl",
                 "--out", "-")
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout.splitlines()[0])
    assert {s["id"] for s in first["spans"]} == LIN
    csv = run("export", reviewed_path, "--annotator", "prof", "--format", "csv", "--out", "-")
    assert csv.exit_code == 0 and len(csv.stdout.splitlines()) == 1  # the header alone


def test_select_of_one_annotator_and_of_gold(reviewed):
    def ids(**kw):
        ds = select(reviewed.dataset([d.id for d in reviewed.documents()]), **kw)
        return {a.id for data in ds.documents for a in data.annotations}

    assert ids(annotators={"lin"}) == LIN
    assert ids(annotators={"lin", "chen"}) == LIN | {"c1", "c3", "c4"}
    assert len(ids(status="gold")) == 3
    assert ids(annotators={"chen"}, status="accepted") == {"c1", "c3", "c4"}


def test_gold_with_an_annotator_is_refused_in_one_line(reviewed_path):
    result = run("export", reviewed_path, "--annotator", "lin", "--status", "gold",
                 "--format", "json", "--out", reviewed_path.with_suffix(".json"))
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and len(result.output.splitlines()) == 1
    assert "gold" in result.output and not reviewed_path.with_suffix(".json").exists()
    try:
        ExportOptions.build("json", reviewed_path, {"lin"}, "gold")
    except ValueError as e:
        assert "--status gold" in str(e)
    else:
        raise AssertionError("gold with an annotator was not refused")


def test_stats_of_one_annotator_count_their_own_spans(reviewed, reviewed_path):
    assert project_stats(reviewed, Layer("annotator", "lin")).spans == 3
    assert project_stats(reviewed, Layer("annotator", "prof")).spans == 0
    assert project_stats(reviewed, Layer("gold")).spans == 3
    data = json.loads(run("stats", reviewed_path, "--annotator", "lin", "--json").output)
    assert data["layer_spans"] == 3


def test_the_stores_annotator_filters_read_own_spans(reviewed):
    assert {a.id for a in reviewed.find_spans(annotator="lin")} == LIN
    assert reviewed.find_spans(annotator="prof") == []
    assert {r[4] for r in reviewed.layer_spans(annotator="lin")} == {"lin"}
    assert len(list(reviewed.layer_spans(annotator="lin"))) == 3
    assert len(reviewed.find_spans(tag="actor.igo")) == 3  # no annotator: every span
    assert own_layers(reviewed) == ["lin", "chen"]


def test_per_annotator_figures_count_own_spans_in_every_layer(reviewed, reviewed_path):
    everyone = project_stats(reviewed)
    assert everyone.spans == 9  # every span, gold copies included, before merging
    assert {who: sum(row.values()) for who, row in everyone.annotators.items()} == {
        "lin": 3, "chen": 3}  # prof only reviewed: the gold is nobody's own
    assert project_stats(reviewed, Layer("gold")).annotators == {}
    lines = run("stats", reviewed_path).output.splitlines()
    at = lines.index("annotators (their own spans):")
    assert [line.split()[0] for line in lines[at + 1:at + 3]] == ["chen", "lin"]
    assert "actor 2  mechanism 0  threat 1" in lines[at + 2]
