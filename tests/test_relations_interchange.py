"""Relations across files: JSON/JSONL export and import (lossless; bad input refused whole,
in one line, nothing stored), one-layer exports, merges (ids kept, twice changes nothing),
copies between engines, and `annotator check` on orphaned relations."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.annotation import Annotator
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.store import Store


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def made(path, seed_paths, who="lin"):
    """A project of two seed texts with an actor —uses→ mechanism —addresses→ threat chain
    and two cooperating actors, as ``who``; returns the relations."""
    with Store.open(path, create=True) as store:
        store.set_tagset(default_tagset())
        import_paths(store, seed_paths[:2])
        s = Session(store, Annotator(who, who.title()))
        doc = store.document(store.documents()[0].id)
        spans = [s.add(doc.id, doc.text, at, at + 4, tag).added[0] for at, tag in (
            (0, "actor.igo"), (10, "mechanism.exercise"), (20, "threat.terrorism"),
            (30, "actor.state"), (40, "actor.state"))]
        rels = [s.add_relation(spans[a], spans[b], t).added_relations[0] for a, b, t in (
            (0, 1, "uses"), (1, 2, "addresses"), (3, 4, "cooperates_with"))]
        return rels


@pytest.fixture
def project(tmp_path, seed_paths):
    path = tmp_path / "lin.annotator"
    return path, made(path, seed_paths)


def relations(path):
    with Store.open(path) as store:
        return sorted(store.all_relations())


def export(path, out, *extra):
    result = run("export", path, "--format", out.suffix[1:], "--out", out, *extra)
    assert result.exit_code == 0, result.output
    return out


# --- JSON ------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_round_trip_is_lossless(project, tmp_path, fmt):
    path, rels = project
    out = export(path, tmp_path / f"x.{fmt}")
    target = tmp_path / "copy.annotator"
    with Store.open(target, create=True):
        pass
    result = run("import", target, out)
    assert result.exit_code == 0 and "3 relations added" in result.output, result.output
    assert relations(target) == sorted(rels)
    again = export(target, tmp_path / f"again.{fmt}")
    assert again.read_bytes() == out.read_bytes()
    result = run("import", target, out)  # twice: nothing new
    assert "0 relations added, 3 already present" in result.output
    assert relations(target) == sorted(rels)


def test_json_relation_members(project, tmp_path):
    path, rels = project
    data = json.loads(export(path, tmp_path / "x.json").read_text(encoding="utf-8"))
    first = data["documents"][0]
    assert first["relations"][0] == {
        "id": rels[0].id, "from": rels[0].source, "to": rels[0].target, "type": "uses",
        "annotator": "lin", "created": rels[0].created, "modified": rels[0].modified}
    assert "relations" not in data["documents"][1]  # written only when there are some
    assert [r["id"] for r in data["tagset"]["relations"]][:2] == ["uses", "addresses"]


def _broken(path, tmp_path, change) -> tuple[str, object]:
    out = export(path, tmp_path / "x.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    change(data["documents"])
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "target.annotator"
    with Store.open(target, create=True):
        pass
    result = run("import", target, bad)
    with Store.open(target) as store:
        assert store.documents() == [] and list(store.all_relations()) == []
    return result.output, bad


def _rel(docs, rtype="uses"):
    return next(r for r in docs[0]["relations"] if r["type"] == rtype)


@pytest.mark.parametrize(("change", "needle"), [
    (lambda d: _rel(d).update({"to": "ghost"}), "no such span ghost"),
    (lambda d: _rel(d).update({"to": _rel(d)["from"]}), "to itself"),
    (lambda d: _rel(d).update({"type": "likes"}), "unknown relation type 'likes'"),
    (lambda d: _rel(d).update({"from": _rel(d)["to"], "to": _rel(d)["from"]}),
     "'uses' may not join mechanism.exercise to actor.igo"),
    (lambda d: d[1].setdefault("relations", []).append(dict(_rel(d), id="r9")),
     "is in another document"),
    (lambda d: d[0]["relations"].append(dict(_rel(d, "cooperates_with"), id="r9", **{
        "from": _rel(d, "cooperates_with")["to"], "to": _rel(d, "cooperates_with")["from"]})),
     "already exists"),
    (lambda d: d[0]["relations"].append(dict(_rel(d, "addresses"))), "duplicate relation id"),
    (lambda d: _rel(d).update({"annotator": "nobody"}), "'nobody' is not listed"),
    (lambda d: _rel(d).pop("to"), "'to' is a required property"),
])
def test_bad_relations_refuse_the_whole_file_in_one_line(project, tmp_path, change, needle):
    path, _ = project
    output, bad = _broken(path, tmp_path, change)
    line, rest = output.strip().split("\n")
    assert line.startswith(f"error: {bad}: /documents/") and needle in line, output
    assert rest == "1 file(s) refused"


def test_a_cycle_the_type_forbids_is_refused(tmp_path, seed_paths):
    path = tmp_path / "p.annotator"
    made(path, seed_paths)
    out = export(path, tmp_path / "x.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    doc = data["documents"][0]
    a, b = [s["id"] for s in doc["spans"] if s["tag"] == "actor.state"]
    base = dict(doc["relations"][0], type="part_of")
    doc["relations"] += [dict(base, id="p1", **{"from": a, "to": b}),
                         dict(base, id="p2", **{"from": b, "to": a})]
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "t.annotator"
    with Store.open(target, create=True):
        pass
    result = run("import", target, out)
    assert "relations/4" in result.output and "would close a cycle" in result.output


def test_a_relation_type_the_project_lacks_refuses_the_import(project, tmp_path):
    path, _ = project
    out = export(path, tmp_path / "x.json")
    target = tmp_path / "own.annotator"
    plain = default_tagset().to_dict()
    del plain["relations"]
    tagset = tmp_path / "tags.json"
    tagset.write_text(json.dumps(plain, ensure_ascii=False), encoding="utf-8")
    assert run("init", target, "--no-seeds", "--tagset", tagset).exit_code == 0
    with Store.open(target) as store:  # a project whose own tagset has no relation types
        Session(store, Annotator("wu", "Wu")).add  # noqa: B018 (it has been worked in)
        store.set_setting("touched", True)
    result = run("import", target, out)
    assert result.exit_code != 0 and "unknown relation type '" in result.output
    with Store.open(target) as store:
        assert list(store.all_relations()) == [] and store.documents() == []


def test_one_layer_export_keeps_only_relations_between_its_spans(tmp_path, seed_paths):
    path = tmp_path / "p.annotator"
    lins = made(path, seed_paths, "lin")
    with Store.open(path) as store:  # chen's layer too, over the same document
        s = Session(store, Annotator("chen", "Chen"))
        doc = store.document(store.documents()[0].id)
        a = s.add(doc.id, doc.text, 50, 54, "actor.state").added[0]
        b = s.add(doc.id, doc.text, 60, 64, "threat.drugs").added[0]
        chens = s.add_relation(a, b, "poses").added_relations[0]
    for who, expected in (("lin", lins), ("chen", [chens])):
        data = json.loads(export(path, tmp_path / f"{who}.json", "--annotator", who)
                          .read_text(encoding="utf-8"))
        got = [r["id"] for d in data["documents"] for r in d.get("relations", ())]
        assert sorted(got) == sorted(r.id for r in expected)
    data = json.loads(export(path, tmp_path / "threats.json", "--group", "threat")
                      .read_text(encoding="utf-8"))
    assert all("relations" not in d for d in data["documents"])  # no span pairs left


# --- merge, copy, check ----------------------------------------------------------------------
def test_merge_keeps_relation_ids_and_twice_changes_nothing(tmp_path, seed_paths):
    lins = made(tmp_path / "lin.annotator", seed_paths, "lin")
    chens = made(tmp_path / "chen.annotator", seed_paths, "chen")
    review = tmp_path / "review.annotator"
    with Store.open(review, create=True) as store:
        store.set_tagset(default_tagset())
    for _ in range(2):
        result = run("merge", review, tmp_path / "lin.annotator", tmp_path / "chen.annotator")
        assert result.exit_code == 0, result.output
    assert relations(review) == sorted(lins + chens)
    assert "0 relations added, 3 already present" in result.output


def test_copy_to_a_team_project_and_back_keeps_relations(project, tmp_path, team_url):
    path, rels = project
    assert run("transfer", path, team_url).exit_code == 0
    back = tmp_path / "back.annotator"
    result = run("transfer", team_url, back)
    assert result.exit_code == 0, result.output
    assert relations(back) == sorted(rels)
    assert export(back, tmp_path / "b.json").read_bytes() == \
        export(path, tmp_path / "a.json").read_bytes()


def test_check_reports_orphaned_and_disallowed_relations(project, tmp_path):
    path, rels = project
    assert run("check", path).output.strip().endswith("3 relations")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE relations SET target = 'ghost' WHERE id = ?", (rels[0].id,))
    conn.execute("UPDATE relations SET type = 'poses' WHERE id = ?", (rels[1].id,))
    conn.commit()
    conn.close()
    result = run("check", path)
    lines = result.output.strip().splitlines()
    assert f"orphan: relation {rels[0].id} points at missing annotation ghost" in lines
    assert any(line.startswith(f"relation: relation {rels[1].id}") and
               "'poses' may not join mechanism.exercise to threat.terrorism" in line
               for line in lines)
    assert not any(line.startswith("foreign-key") for line in lines)


def test_a_tagset_lacking_relation_types_in_use_is_refused(project, tmp_path):
    path, _ = project
    plain = default_tagset().to_dict()
    plain["relations"] = [r for r in plain["relations"] if r["id"] != "uses"]
    tagset = tmp_path / "tags.json"
    tagset.write_text(json.dumps(plain, ensure_ascii=False), encoding="utf-8")
    result = run("tagset", path, "--load", tagset)
    assert result.exit_code == 1 and "lacks relation types in use: uses" in result.output


def test_a_new_project_with_the_demo_corpus_has_the_relation_types(tmp_path):
    """seeds/gold.json was exported before relation types: importing it keeps them."""
    path = tmp_path / "demo.annotator"
    assert run("init", path).exit_code == 0
    with Store.open(path) as store:
        assert store.has_annotations()
        assert store.tagset() == default_tagset()
