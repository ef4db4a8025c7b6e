"""Search, statistics and agreement give the same answers on both engines: the annotated
seed corpus copied into a team project (PostgreSQL) and asked the same questions as the
project file it came from."""

from __future__ import annotations

import json

import pytest
import statseeds

from annotator.review import report
from annotator.stats import tables
from annotator.stats.compute import project_stats
from annotator.stats.layer import Layer
from annotator.store import Store, open_project
from annotator.store.copy import copy_project

QUERIES = ["安", "安全", "恐怖主義", "恐怖主义", "上合組織", "SCO", "sco", "习近平", "。", "“",
           "反恐怖", "的", "a", "合作机制", "塔什干", "𠮷", "不存在的词"]


@pytest.fixture(scope="module")
def both(tmp_path_factory, pg_cluster):
    from engines import new_database

    path = statseeds.annotated_project(tmp_path_factory.mktemp("engines") / "p.annotator")
    file = Store.open(path)
    team = open_project(new_database(pg_cluster), create=True)
    copy_project(file, team)
    yield file, team
    file.close()
    team.close()


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_the_same_hits_and_counts(both, query):
    file, team = both
    assert team.search(query, limit=10_000) == file.search(query, limit=10_000)
    assert team.search(query, limit=7, offset=5) == file.search(query, limit=7, offset=5)
    assert team.search_count(query) == file.search_count(query)


def test_span_search_is_the_same(both):
    file, team = both
    for kwargs in ({}, {"tag": "actor.igo"}, {"group": "threat"}, {"annotator": "lin"},
                   {"normalized": "上海合作組織"}, {"status": "gold"}, {"status": "accepted"}):
        assert team.find_spans(**kwargs) == file.find_spans(**kwargs), kwargs


@pytest.mark.parametrize("layer", ["all", "gold", "lin"])
@pytest.mark.parametrize("unit", ["sentence", "paragraph"])
def test_statistics_are_the_same(both, layer, unit):
    file, team = both
    chosen = Layer.parse("annotator" if layer == "lin" else layer,
                         "lin" if layer == "lin" else None)
    answers = [json.loads(tables.as_json(project_stats(store, chosen, unit), "p"))
               for store in both]
    assert answers[0] == answers[1]
    assert answers[0]["spans"] > 0 and answers[0]["cooccurrence"]  # not two empty answers


def test_agreement_is_the_same(both):
    file, team = both
    for by in ("tag", "doc", "overall"):
        first = report.project_agreement(file, None, by)
        second = report.project_agreement(team, None, by)
        assert first == second
