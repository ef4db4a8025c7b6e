"""The command line on a team project: every command takes a postgresql:// URL where it
takes a project file; the team commands; moving a project between a file and a server."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.store.pg.url import TeamURL


def run(*args, input: str | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


def as_role(url: str, user: str, password: str | None = None) -> str:
    p = TeamURL(url).params
    auth = quote(user, safe="") + (f":{quote(password, safe='')}" if password else "")
    return f"postgresql://{auth}@{p['host']}:{p['port']}/{p['dbname']}"


@pytest.fixture
def team(team_url):
    """A team project with the seeds, made by `annotator init URL`, and two members."""
    assert run("init", team_url).exit_code == 0
    db = TeamURL(team_url).database
    lin, wang = f"lin_{db}", f"wang_{db}"
    assert run("team", "add-member", team_url, lin).exit_code == 0
    assert run("team", "add-member", team_url, wang, "--role", "reviewer").exit_code == 0
    return team_url, lin, wang


def test_an_unknown_tag_names_the_project_to_look_at(team):
    url = team[0]
    result = run("search", url, "组织", "--tag", "actor.nosuch")
    assert result.exit_code == 1
    assert f"see `annotator tagset {TeamURL(url).location}`" in result.output
    assert "None" not in result.output


def test_init_members_and_the_reading_commands(team):
    url, lin, wang = team
    listed = json.loads(run("team", "members", url, "--json").output)
    assert {m["name"]: m["role"] for m in listed} == {lin: "annotator", wang: "reviewer"}
    lin_url = as_role(url, lin)
    docs = json.loads(run("docs", lin_url, "--json").output)
    assert len(docs) == 5
    assert "上合组织" in run("show", lin_url, "1").output
    found = json.loads(run("search", lin_url, "恐怖主義", "--json").output)
    assert found["total"] == 27
    assert run("stats", lin_url, "--json").exit_code == 0
    checked = run("check", lin_url)
    assert checked.exit_code == 0 and checked.output.startswith("ok:")


def test_a_file_project_goes_to_the_server_and_back_byte_for_byte(team_url, tmp_path):
    source = tmp_path / "study.annotator"
    assert run("init", source).exit_code == 0
    doccano = tmp_path / "lin.jsonl"
    texts = json.loads(run("docs", source, "--json").output)
    shown = json.loads(run("show", source, texts[0]["id"], "--json").output)["text"]
    start = shown.index("上合组织")
    doccano.write_text(json.dumps({"text": shown, "label": [[start, start + 4, "actor.igo"]]},
                                  ensure_ascii=False) + "\n", encoding="utf-8")
    assert run("import", source, doccano, "--annotator", "lin").exit_code == 0
    back = tmp_path / "back.annotator"
    there = run("transfer", source, team_url)
    assert there.exit_code == 0, there.output
    assert run("transfer", team_url, back).exit_code == 0
    for project, out in ((source, "a.jsonl"), (team_url, "b.jsonl"), (back, "c.jsonl")):
        assert run("export", project, "--format", "jsonl", "--out", tmp_path / out
                   ).exit_code == 0
    first = (tmp_path / "a.jsonl").read_bytes()
    assert first == (tmp_path / "b.jsonl").read_bytes() == (tmp_path / "c.jsonl").read_bytes()
    assert b"actor.igo" in first
    again = run("transfer", source, team_url)
    assert again.exit_code == 1 and "already holds an annotator project" in again.output


def test_checkout_work_offline_and_push(team, tmp_path):
    url, lin, _ = team
    lin_url = as_role(url, lin)
    laptop = tmp_path / "laptop.annotator"
    assert "5 documents" in run("checkout", lin_url, laptop).output
    from annotator.core.annotation import Annotator
    from annotator.core.session import Session
    from annotator.store import Store

    with Store.open(laptop) as store:
        doc = store.document(store.documents()[0].id)
        Session(store, Annotator(lin, "Lin")).add(doc.id, doc.text, 0, 6, "actor.state")
    pushed = run("push", laptop, lin_url)
    assert pushed.exit_code == 0 and "pushed 1 new" in pushed.output
    assert run("push", laptop, lin_url).output.strip() == "nothing to push"
    spans = json.loads(run("search", lin_url, "--annotator", lin, "--json").output)
    assert spans["total"] == 1


def test_backup_of_a_team_project_is_a_file_that_opens_anywhere(team, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url, _, _ = team
    done = run("backup", url)
    assert done.exit_code == 0
    path = done.output.strip()
    assert path.startswith(str(tmp_path / "data")) and path.endswith("-manual.annotator")
    assert run("backup", url, "--list").output.strip() == path
    assert len(json.loads(run("docs", path, "--json").output)) == 5
    assert run("check", path).exit_code == 0
    refused = run("restore", url)
    assert refused.exit_code == 1 and "annotator transfer BACKUP" in refused.output


def test_errors_are_one_line_and_never_show_a_password(team):
    url, lin, _ = team
    secret = "Pw-Never-Shown-42"
    assert run("team", "add-member", url, lin, "--password", input=f"{secret}\n{secret}\n"
               ).exit_code == 0
    for args in (["docs", as_role(url, "nobody", secret)],
                 ["docs", as_role(url, lin, secret).replace(TeamURL(url).database, "nodb")],
                 ["team", "add-member", as_role(url, lin, secret), "eve"],
                 ["push", url, url]):
        result = run(*args)
        assert result.exit_code == 1, (args, result.output)
        assert secret not in result.output and len(result.output.splitlines()) == 1, \
            result.output
    readers = run("team", "members", as_role(url, lin, secret))
    assert readers.exit_code == 0 and secret not in readers.output
