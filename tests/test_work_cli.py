"""The workflow from the command line: assign (plan printed, even, stored as one undoable
step; a dry run stores nothing), queue, status, progress (text, JSON, CSV), blind
annotation (and what it hides from a team member's exports and searches), guidelines,
notes, comments and resolving — in a project file and on a team project, rights included."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.annotation import Annotator
from annotator.core.session import Session
from annotator.store import Store, open_project
from annotator.store.pg.url import TeamURL


def run(*args, code: int = 0):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.annotator"
    run("init", path)
    return path


def test_assign_prints_an_even_plan_and_stores_it_as_one_step(project):
    out = run("assign", project, "--to", "lin,chen,wang", "--per-doc", "2", "--seed", "3",
              "--annotator", "wang", "--dry-run")
    assert out.count("→") == 5
    loads = sorted(int(part.split(": ")[1].split()[0]) for part in out.splitlines()[-1].split("; "))
    assert sum(loads) == 10 and loads[-1] - loads[0] <= 1
    with Store.open(project) as store:
        assert store.assignments() == []  # a dry run stores nothing
    run("assign", project, "--to", "lin,chen,wang", "--per-doc", "2", "--seed", "3",
        "--annotator", "wang")
    with Store.open(project) as store:
        per_doc = {}
        for a in store.assignments():
            per_doc.setdefault(a.doc_id, set()).add(a.annotator)
        assert len(per_doc) == 5 and all(len(p) == 2 for p in per_doc.values())
        loads = sorted(sum(1 for p in per_doc.values() if w in p) for w in ("lin", "chen", "wang"))
        assert loads[-1] - loads[0] <= 1
        assert Session(store, Annotator("wang", "Wang")).undo_state().undo.kind == "assign"
    assert "nothing to assign" in run("assign", project, "--to", "lin", "--annotator", "wang")
    run("assign", project, "--to", "lin,chen", "--per-doc", "3", "--annotator", "w", code=1)


def test_queue_status_and_progress(project):
    run("assign", project, "--to", "lin,chen", "--per-doc", "2", "--annotator", "wang")
    assert "lin: 0 of 5 done" in run("queue", project, "lin")
    out = run("status", project, "1", "done", "--annotator", "lin")
    assert "lin set done (the document: in_progress)" in out
    run("status", project, "1", "done", "--annotator", "chen")
    assert "lin: 1 of 5 done" in run("queue", project, "lin")
    queues = json.loads(run("queue", project, "--json"))
    assert set(queues) == {"lin", "chen"} and queues["lin"][0]["status"] == "done"
    found = json.loads(run("progress", project, "--json"))
    lin = next(a for a in found["annotators"] if a["annotator"] == "lin")
    assert (lin["assigned"], lin["done"], lin["agreement_documents"]) == (5, 1, 1)
    assert found["pairs"][0]["documents"] == 1  # both done, no spans: nothing to agree on
    rows = list(csv.DictReader(io.StringIO(run("progress", project, "--csv"))))
    assert {r["annotator"] for r in rows} >= {"lin", "chen"}
    run("status", project, "1", "done", code=1)  # who?


def test_guidelines_notes_comments_and_resolving(project, tmp_path):
    text = tmp_path / "g.md"
    text.write_text("# 规范\n\n标注**最短**的名称。", encoding="utf-8")
    assert "version 1 by wang" in run("guidelines", project, "--set", text, "--annotator",
                                      "wang")
    assert "标注**最短**的名称。" in run("guidelines", project)
    assert run("guidelines", project, "--history").count("wang") == 1
    out = run("comment", project, "1", "日期对吗？", "--annotator", "lin")
    thread = out.split()[1].rstrip(":")
    run("comment", project, "1", "对", "--reply", thread[:6], "--annotator", "chen")
    listed = run("notes", project, "--open")
    assert "日期对吗？" in listed and "chen" in listed
    run("resolve", project, thread[:6], "--annotator", "wang")
    assert run("notes", project, "--open").strip() == ""
    [found] = json.loads(run("notes", project, "--json"))
    assert found["resolved_by"] == "wang" and len(found["comments"]) == 2
    run("resolve", project, "nope", "--annotator", "wang", code=1)


def as_role(url: str, user: str) -> str:
    p = TeamURL(url).params
    return f"postgresql://{quote(user, safe='')}@{p['host']}:{p['port']}/{p['dbname']}"


@pytest.fixture
def team(team_url):
    run("init", team_url)
    with open_project(team_url) as owner:
        db = owner.conn.raw.info.dbname
        names = {w: f"{w}_{db}" for w in ("lin", "chen", "wang")}
        for who, role in (("lin", "annotator"), ("chen", "annotator"), ("wang", "reviewer")):
            owner.add_member(names[who], role)
    return {w: as_role(team_url, n) for w, n in names.items()}, names


def test_on_a_team_project_rights_come_from_the_server(team):
    urls, names = team
    to = f"{names['lin']},{names['chen']}"
    assert "only reviewers assign" in run("assign", urls["lin"], "--to", to, code=1)
    assert "not members who annotate: eve" in run("assign", urls["wang"], "--to", "eve",
                                                  code=1)
    run("assign", urls["wang"], "--to", to, "--per-doc", "2")
    assert f"{names['lin']}: 0 of 5 done" in run("queue", urls["lin"])
    run("blind", urls["lin"], "on", code=1)
    run("blind", urls["wang"], "on")
    assert "blind annotation is on" in run("blind", urls["lin"])
    out = run("comment", urls["lin"], "1", "国家？")
    run("resolve", urls["lin"], out.split()[1].rstrip(":")[:8], code=1)


def test_blind_annotation_hides_colleagues_work_from_a_members_exports(team, tmp_path):
    urls, names = team
    run("assign", urls["wang"], "--to", f"{names['lin']},{names['chen']}", "--per-doc", "2")
    run("blind", urls["wang"], "on")
    for who in ("lin", "chen"):
        with open_project(urls[who]) as store:
            doc = store.document(store.documents()[0].id)
            Session(store, Annotator(who, who)).add(doc.id, doc.text, 0, 4, "actor.igo")
    def exported(who: str) -> set[str]:
        out = tmp_path / f"{who}.json"
        run("export", urls[who], "--format", "json", "--out", out)
        data = json.loads(out.read_text(encoding="utf-8"))
        return {s["annotator"] for d in data["documents"] for s in d["spans"]}

    assert exported("lin") == {names["lin"]}
    with open_project(urls["chen"]) as store:  # chen tags the same words otherwise
        doc = store.document(store.documents()[0].id)
        Session(store, Annotator("chen", "c")).add(doc.id, doc.text, 0, 4, "actor.state")
    kinds = lambda who: {f["kind"] for f in json.loads(  # noqa: E731
        run("check-consistency", urls[who], "--json"))["findings"]}
    assert "tagged differently" in kinds("wang") and "tagged differently" not in kinds("lin")
    found = json.loads(run("search", urls["lin"], "", "--tag", "actor.igo", "--json"))
    assert [h["annotator"] for h in found["hits"]] == [names["lin"]]
    run("status", urls["lin"], "1", "done")
    assert exported("lin") == {names["lin"], names["chen"], "demo-gold"}  # done: everything
    # shows, the demo corpus's gold layer too
    assert exported("wang") == {names["lin"], names["chen"], "demo-gold"}  # a reviewer: all
