"""The figures as JSON, long CSV, per-chart tables and a text report."""

from __future__ import annotations

import csv
import io
import json

import pytest
import statseeds

from annotator.stats import tables
from annotator.stats.compute import project_stats
from annotator.stats.labels import pad, width
from annotator.stats.layer import Layer
from annotator.store import Store


@pytest.fixture(scope="module")
def stats(tmp_path_factory):
    path = statseeds.annotated_project(tmp_path_factory.mktemp("tables") / "seeds.annotator")
    with Store.open(path) as store:
        return project_stats(store, Layer(), "paragraph")


def test_json_carries_every_figure(stats):
    data = json.loads(tables.as_json(stats, "seeds.annotator"))
    assert data["layer"] == {"kind": "all", "annotator": None} and data["unit"] == "paragraph"
    assert data["spans"] == sum(stats.tags.values()) < data["layer_spans"] == stats.spans
    assert data["tags"] == stats.tags and data["groups"] == stats.groups
    m = data["cooccurrence"]["actor-threat"]
    igo, terror = m["rows"].index("actor.igo"), m["columns"].index("threat.terrorism")
    assert m["counts"][igo][terror] == stats.matrices["actor-threat"].value(
        "actor.igo", "threat.terrorism") > 0
    assert len(data["documents"]) == 5 and data["documents"][0]["spans"] == \
        stats.documents[0].total
    assert data["timeline"]["periods"] == ["2018-05", "2021-06", "2025-09"]
    assert data["names"]["actor"][0] == {"name": "上海合作组织", "spans": 90}
    assert data["annotators"]["lin"]["documents"] == 5


def test_long_csv_has_one_line_per_number(stats):
    rows = list(csv.DictReader(io.StringIO(tables.as_csv(stats, "zh-Hant"))))
    assert list(rows[0]) == list(tables.CSV_COLUMNS)
    tables_seen = {r["table"] for r in rows}
    assert tables_seen == {"tag", "group", "document", "annotator", "progress",
                           "cooccurrence:actor-threat", "cooccurrence:actor-mechanism",
                           "timeline:month", "name"}
    cell = next(r for r in rows if r["table"] == "cooccurrence:actor-threat"
                and r["row"] == "actor.igo" and r["column"] == "threat.terrorism")
    assert int(cell["value"]) == stats.matrices["actor-threat"].value("actor.igo",
                                                                      "threat.terrorism")
    assert cell["row_label"] == "國際組織" and cell["column_label"] == "恐怖主義"
    tag_total = sum(int(r["value"]) for r in rows if r["table"] == "tag")
    assert tag_total == sum(stats.tags.values())


def test_text_report(stats):
    text = tables.as_text(stats, "seeds.annotator")
    assert text.startswith("seeds.annotator: all annotators, co-occurrence by paragraph\n")
    assert "documents: 5 (5 with spans)" in text
    assert "International organisation × Terrorism: " in text
    assert "most frequent names: 上海合作组织 90" in text
    assert "threats by document date (per month):" in text and "  undated " in text
    # titles in Chinese are padded by terminal columns, so the dates line up
    lines = [x for x in text.splitlines() if x.startswith("  ") and "todo" in x]
    assert len({width(x[:x.index("todo")]) for x in lines}) == 1


def test_pad_counts_terminal_columns():
    assert pad("中国abc", 6) == "中国ab" and pad("ab", 4) == "ab  " and width("中a") == 3
