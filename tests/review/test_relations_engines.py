"""Relation review, agreement, consistency and statistics give the same answers on both
engines: the related project (after a relation was accepted into gold) copied into a team
project (PostgreSQL)."""

from __future__ import annotations

import json

import pytest
from relproject import make_related

from annotator.core.annotation import Annotator
from annotator.core.session import Session
from annotator.review.consistency import project_findings
from annotator.review.relcases import accept_relation, find_relation_cases
from annotator.review.report import project_agreement
from annotator.stats import reltables
from annotator.stats.layer import Layer
from annotator.stats.relations import project_relation_stats
from annotator.store import Store, open_project
from annotator.store.copy import copy_project

WHO = ["lin", "chen"]


def cases(store):
    doc = store.documents()[0].id
    return find_relation_cases(store.annotations(doc), store.relations(doc), WHO,
                               store.decisions(doc))


@pytest.fixture(scope="module")
def both(tmp_path_factory, pg_cluster):
    from engines import new_database

    path = make_related(tmp_path_factory.mktemp("rel-engines") / "p.annotator")
    file = Store.open(path)
    doc = file.documents()[0].id
    first = cases(file)[0]
    Session(file, Annotator("prof", "Prof")).run(accept_relation(
        first, first.relations[0], "prof", file.annotations(doc), file.decisions(doc), WHO))
    team = open_project(new_database(pg_cluster), create=True)
    copy_project(file, team)
    yield file, team
    file.close()
    team.close()


@pytest.mark.parametrize("layer", [Layer(), Layer("gold"), Layer("annotator", "chen")])
def test_relation_statistics_are_the_same(both, layer):
    file, team = both
    answers = [json.loads(reltables.as_json(project_relation_stats(s, layer),
                                            s.tagset(), "p")) for s in both]
    assert answers[0] == answers[1] and answers[0]["relations"] > 0


def test_agreement_consistency_and_cases_are_the_same(both):
    file, team = both
    for who in (WHO, ["lin", "gold"]):
        assert project_agreement(file, who).relation_rows == \
            project_agreement(team, who).relation_rows
    assert project_findings(file) == project_findings(team)
    assert [(c.kind, c.id, c.decision) for c in cases(file)] == \
        [(c.kind, c.id, c.decision) for c in cases(team)]
    assert cases(file)[0].decision is not None


def test_accepting_a_relation_on_the_team_engine_undoes_in_one_step(both):
    _file, team = both
    doc = team.documents()[0].id
    case = next(c for c in cases(team) if c.decision is None and c.kind == "ends")
    prof = Session(team, Annotator("prof", "Prof"))
    before = (len(team.annotations(doc)), len(team.relations(doc)), len(team.decisions(doc)))
    version = next(r for r in case.relations if r.annotator == "lin")
    prof.run(accept_relation(case, version, "prof", team.annotations(doc),
                             team.decisions(doc), WHO))
    assert len(team.relations(doc)) == before[1] + 1
    assert next(c for c in cases(team) if c.id == case.id).decision is not None
    prof.undo()
    assert (len(team.annotations(doc)), len(team.relations(doc)),
            len(team.decisions(doc))) == before
