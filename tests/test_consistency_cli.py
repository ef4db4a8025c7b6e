"""``annotator check-consistency``: one line per finding, a summary, JSON, exit status 0."""

import json

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.annotation import Annotation, Annotator
from annotator.core.search import find_all
from annotator.store import Store


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
    path = tmp_path_factory.mktemp("consistency-cli") / "p.annotator"
    assert run("init", path).exit_code == 0
    with Store.open(path) as store:
        store.add_annotator(Annotator("lin", "Lin"))
        store.add_annotator(Annotator("chen", "Chen"))
        docs = store.documents()
        doc = docs[3]  # 上海合作组织 twice
        first, second = find_all(store.document(doc.id).text, "上海合作组织")
        store.insert_annotations([
            Annotation("s1", doc.id, *first, "actor.igo", "lin"),
            Annotation("s2", doc.id, *second, "actor.state", "chen"),
        ])
        total = sum(len(find_all(store.document(d.id).text, "上海合作组织")) for d in docs)
    assert total == 22  # 上海合作组织 in the seeds, traditional 上海合作組織 included
    return path, docs


def test_lines_and_summary(project):
    path, docs = project
    result = run("check-consistency", path)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == ("22 finding(s): 2 tagged differently, 20 missed elsewhere, "
                         "0 cuts a word, 0 related differently")
    assert lines[0].startswith(f"missed elsewhere    上海合作组织  {docs[0].title}  @")
    assert any(line.startswith("tagged differently  上海合作组织  " + docs[3].title)
               for line in lines)


def test_json(project):
    path, docs = project
    result = run("check-consistency", path, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["count"] == len(data["findings"]) == 22
    assert data["by_kind"] == {"tagged differently": 2, "missed elsewhere": 20,
                               "cuts a word": 0, "related differently": 0}
    first = data["findings"][0]
    assert set(first) == {"kind", "form", "doc_id", "title", "start", "end", "tags", "detail"}
    assert (first["doc_id"], first["tags"]) == (docs[0].id, ["actor.igo", "actor.state"])


def test_one_annotator(project):
    path, _ = project
    data = json.loads(run("check-consistency", path, "--annotator", "lin", "--json").output)
    assert data["by_kind"] == {"tagged differently": 0, "missed elsewhere": 21,
                               "cuts a word": 0, "related differently": 0}
    assert {tuple(f["tags"]) for f in data["findings"]} == {("actor.igo",)}


def test_no_findings_and_help(tmp_path):
    path = tmp_path / "empty.annotator"
    assert run("init", path, "--no-seeds").exit_code == 0
    result = run("check-consistency", path)
    assert (result.exit_code, result.output) == (0, "0 finding(s): 0 tagged differently, "
                                                    "0 missed elsewhere, 0 cuts a word, "
                                                    "0 related differently\n")
    assert "Example:" in run("check-consistency", "--help").output
