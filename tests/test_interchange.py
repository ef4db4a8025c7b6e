"""Export and import end to end through the command line: round trips, layers, refusals."""

import json

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.annotation import Annotator, now
from annotator.core.dataset import ReviewDecision
from annotator.core.session import Session
from annotator.store import Store

TERMS = {"上海合作组织": "actor.igo", "上海合作組織": "actor.igo", "赵克志": "actor.person",
         "趙克志": "actor.person", "三股势力": "threat.three_evils", "恐怖主义": "threat.terrorism",
         "地区反恐怖机构": "mechanism.body", "𠮷": "actor.state"}

@pytest.fixture(autouse=True, scope="module")
def _seed_texts_only():
    """These tests count spans of their own: the seeds without the demo gold layer
    (tests/seedproject.py)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("annotator.project.SEED_GOLD", "no-gold-layer-here.json")
        yield


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def annotate(path):
    """Two annotators tag the seed terms (lin everything, wang every other one, sometimes
    with another tag); a reviewer makes wang's first span gold."""
    with Store.open(path) as store:
        lin, wang = (Session(store, Annotator(i, n)) for i, n in (("lin", "Lin"),
                                                                   ("wang", "王")))
        store.add_annotator(Annotator("prof", "Prof. Wang", "reviewer"))
        for doc in store.documents():
            text = store.document(doc.id).text
            for k, (term, tag) in enumerate(TERMS.items()):
                start = text.find(term)
                if start < 0:
                    continue
                lin.add(doc.id, text, start, start + len(term), tag, {"normalized": term[:2]})
                if k % 2 == 0:
                    other = "actor.state" if tag == "actor.igo" else tag
                    change = wang.add(doc.id, text, start, start + len(term) + 1, other)
                    if change and doc.position == 0:
                        span = change.added[0]
                        store.insert_decisions([ReviewDecision(
                            f"r-{span.id}", doc.id, "prof", "gold", (span.id,), span.id,
                            "checked", now())])


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    path = tmp_path_factory.mktemp("x") / "p.annotator"
    assert run("init", path).exit_code == 0
    annotate(path)
    return path


@pytest.mark.parametrize("fmt, name", [("json", "out.json"), ("jsonl", "out.jsonl"),
                                       ("tei", "out.xml")])
def test_round_trip_through_a_new_project(project, tmp_path, fmt, name):
    first = tmp_path / name
    assert run("export", project, "--format", fmt, "--out", first).exit_code == 0
    fresh = tmp_path / "fresh.annotator"
    assert run("init", fresh, "--no-seeds").exit_code == 0
    result = run("import", fresh, first)
    assert result.exit_code == 0, result.output
    second = tmp_path / "again" / name
    assert run("export", fresh, "--format", fmt, "--out", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    again = run("import", fresh, first)  # the same file twice changes nothing
    assert "0 documents added" in again.output and "0 annotations added" in again.output


def test_gold_export_and_split(project, tmp_path):
    out = tmp_path / "gold.json"
    assert run("export", project, "--format", "json", "--status", "gold", "--out", out
               ).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    spans = [s for d in data["documents"] for s in d["spans"]]
    assert spans and {s["annotator"] for s in spans} == {"wang"}
    result = run("export", project, "--format", "doccano", "--annotator", "lin",
                 "--split", "60/20/20", "--seed", "3",
                 "--out", tmp_path / "ner.jsonl")
    assert result.exit_code == 0, result.output
    sizes = [len((tmp_path / f"ner-{p}.jsonl").read_text(encoding="utf-8").splitlines())
             for p in ("train", "dev", "test")]
    assert sizes == [3, 1, 1]


def test_every_format_writes(project, tmp_path):
    for fmt in ("tei-inline", "conll", "csv"):
        result = run("export", project, "--format", fmt, "--annotator", "lin",
                     "--out", tmp_path / f"x-{fmt}")
        assert result.exit_code == 0, (fmt, result.output)
    assert len(list((tmp_path / "x-tei-inline").glob("*.xml"))) == 5
    assert "三\tB-threat.three_evils" in (tmp_path / "x-conll").read_text(encoding="utf-8")


def test_doccano_layer_import_is_idempotent(project, tmp_path):
    out = tmp_path / "d.jsonl"
    assert run("export", project, "--format", "doccano", "--annotator", "lin",
               "--out", out).exit_code == 0
    target = tmp_path / "t.annotator"
    assert run("init", target).exit_code == 0
    result = run("import", target, out)
    assert result.exit_code == 1 and "--annotator" in result.output
    assert run("import", target, out, "--annotator", "chen").exit_code == 0
    with Store.open(target) as store:
        count = sum(len(store.annotations(d.id)) for d in store.documents())
        assert count > 10 and {a.id for a in store.annotators()} >= {"chen"}
    assert run("import", target, out, "--annotator", "chen").exit_code == 0
    with Store.open(target) as store:
        assert sum(len(store.annotations(d.id)) for d in store.documents()) == count


def test_a_bad_dataset_changes_nothing(project, tmp_path):
    out = tmp_path / "bad.json"
    assert run("export", project, "--format", "json", "--out", out).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    data["documents"][3]["spans"][0]["end"] = 10**6
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "t.annotator"
    assert run("init", target, "--no-seeds").exit_code == 0
    result = run("import", target, out)
    assert result.exit_code == 1 and str(out) in result.output
    with Store.open(target) as store:
        assert store.documents() == [] and store.annotators() == []


def test_folder_of_exports_imports_by_content(project, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    assert run("export", project, "--format", "jsonl", "--out", folder / "all.jsonl"
               ).exit_code == 0
    assert run("export", project, "--format", "tei", "--out", folder / "tei").exit_code == 0
    for name in ("all.jsonl", "tei"):
        target = tmp_path / f"{name}.annotator"
        assert run("init", target, "--no-seeds").exit_code == 0
        source = folder / name
        result = run("import", target, source)
        assert result.exit_code == 0, result.output
        with Store.open(target) as store, Store.open(project) as original:
            count = lambda s: sum(len(s.annotations(d.id)) for d in s.documents())  # noqa: E731
            assert count(store) == count(original) > 0
    lonely = tmp_path / "lonely.jsonl"
    lonely.write_bytes((folder / "all.jsonl").read_bytes())
    result = run("import", tmp_path / "all.jsonl.annotator", lonely)
    assert result.exit_code == 1 and "manifest" in result.output


def test_refusals_name_the_problem(project, tmp_path):
    custom = json.loads(run("tagset", project, "--json").output)
    custom["id"] = "mini"
    custom["groups"] = custom["groups"][:1]
    custom.pop("relations", None)  # their mechanism and threat ends are gone too
    mini = tmp_path / "mini.json"
    mini.write_text(json.dumps(custom, ensure_ascii=False), encoding="utf-8")
    result = run("tagset", project, "--load", mini)
    assert result.exit_code == 1 and "lacks tags in use" in result.output
    target = tmp_path / "mini.annotator"
    assert run("init", target, "--no-seeds", "--tagset", mini).exit_code == 0
    out = tmp_path / "all.json"
    assert run("export", project, "--format", "json", "--out", out).exit_code == 0
    result = run("import", target, out)  # the user's own tagset stays; unknown tags refused
    assert result.exit_code == 1 and "not in the project's tagset 'mini'" in result.output
    for args, message in ((("--format", "tei-inline"), "one layer"),
                          (("--format", "json", "--annotator", "nobody"), "unknown annotator"),
                          (("--format", "json", "--group", "nosuch"), "unknown tag group")):
        result = run("export", project, *args, "--out", tmp_path / "x")
        assert result.exit_code == 1 and message in result.output, result.output
    result = run("export", project, "--format", "csv", "--out", tmp_path)
    assert result.exit_code == 1 and "cannot write" in result.output
    assert "Traceback" not in result.output
    result = run("agreement", project, "--annotators", "lin,nobody")
    assert result.exit_code == 1 and "unknown annotator" in result.output


def test_filters_that_name_nothing_are_refused(project):
    for args, message in ((("search", project, "北京", "--tag", "no.such"), "unknown tag"),
                          (("search", project, "北京", "--annotator", "nobody"),
                           "unknown annotator"),
                          (("check-consistency", project, "--annotator", "nobody"),
                           "unknown annotator"),
                          (("agreement", project, "--json", "--csv"), "one of --json")):
        result = run(*args)
        assert result.exit_code != 0 and message in result.output, (args, result.output)


def test_a_project_file_given_to_import_is_sent_to_merge(project, tmp_path):
    target = tmp_path / "t.annotator"
    assert run("init", target, "--no-seeds").exit_code == 0
    result = run("import", target, project)
    assert result.exit_code == 1 and f"{project}: this is a project file" in result.output
    assert "annotator merge" in result.output


def test_a_text_xml_cannot_carry_is_refused_at_import(tmp_path):
    """The issue's reproduction: a doccano line whose text holds U+000B."""
    layer = tmp_path / "r1.jsonl"
    layer.write_text('{"text": "a\\u000bb", "label": [[2,3,"actor.state"]]}\n', encoding="utf-8")
    target = tmp_path / "P.annotator"
    assert run("init", target, "--no-seeds").exit_code == 0
    result = run("import", target, layer, "--annotator", "zhao")
    assert result.exit_code == 1
    errors = [ln for ln in result.output.splitlines() if ln.startswith("error:")]
    assert errors == [f"error: {layer}:1: its text holds U+000B (a control character) at "
                      "offset 1, which a document's text may not hold"]
    with Store.open(target) as store:
        assert store.documents() == []
    result = run("export", target, "--format", "tei", "--out", tmp_path / "d")
    assert result.exit_code == 0 and not list((tmp_path / "d").glob("*"))


def count_spans(path) -> int:
    with Store.open(path) as store:
        return sum(len(store.annotations(d.id)) for d in store.documents())


def test_a_layers_own_doccano_export_imported_back_adds_nothing(project, tmp_path):
    """The issue: every span came back a second time under a new id."""
    copy = tmp_path / "copy.annotator"
    copy.write_bytes(project.read_bytes())
    out = tmp_path / "lin.jsonl"
    assert run("export", copy, "--format", "doccano", "--annotator", "lin", "--out", out
               ).exit_code == 0
    before = count_spans(copy)
    lin = sum(len(json.loads(line)["label"]) for line in out.read_text(encoding="utf-8")
              .splitlines())
    result = run("import", copy, out, "--annotator", "lin")
    assert result.exit_code == 0, result.output
    assert (f"0 annotations added, 0 already present; 0 review decisions added; {lin} spans "
            "identical to stored ones (same annotator, bounds and tag) skipped") in result.output
    assert count_spans(copy) == before
    result = run("import", copy, out, "--annotator", "chen")  # another annotator's: added
    assert f"{lin} annotations added" in result.output and count_spans(copy) == before + lin


def test_spans_are_trimmed_of_whitespace_as_they_come_in(tmp_path):
    text = "上海合作组织 开会。\n\n恐怖主义"
    layer = tmp_path / "d.jsonl"
    layer.write_text(json.dumps({"text": text, "label": [
        [0, 7, "actor.igo"], [6, 7, "actor.state"], [10, 12, "mechanism.meeting"],
        [12, 16, "threat.terrorism"], [11, 16, "threat.terrorism"]]}, ensure_ascii=False)
        + "\n", encoding="utf-8")
    target = tmp_path / "t.annotator"
    assert run("init", target, "--no-seeds").exit_code == 0
    result = run("import", target, layer, "--annotator", "chen")
    assert result.exit_code == 0, result.output
    assert ("2 annotations added, 0 already present; 0 review decisions added; 1 spans "
            "identical to stored ones (same annotator, bounds and tag) skipped; 2 spans "
            "trimmed of whitespace at their ends; 2 spans of only whitespace skipped, with 0 "
            "review decisions about them") in result.output, result.output
    with Store.open(target) as store:
        [doc] = store.documents()
        got = sorted((a.start, a.end, a.tag) for a in store.annotations(doc.id))
    assert got == [(0, 6, "actor.igo"), (12, 16, "threat.terrorism")]


def test_our_formats_are_trimmed_too_and_decisions_on_blank_spans_go_with_them(tmp_path):
    from annotator.core.annotation import Annotation
    from annotator.core.document import Document, document_id, text_sha256
    from annotator.exporting import ExportOptions, export

    text = "上海合作组织\n开会\n"
    old = tmp_path / "old.annotator"
    assert run("init", old, "--no-seeds").exit_code == 0
    with Store.open(old) as store:  # as a project made before spans were trimmed holds them
        store.add_documents([Document(document_id(text), "t", text, text_sha256(text))])
        store.add_annotator(Annotator("lin", "Lin"))
        doc = document_id(text)
        store.insert_annotations([
            Annotation("a", doc, 0, 7, "actor.igo", "lin", {}, now(), now()),
            Annotation("b", doc, 6, 7, "actor.state", "lin", {}, now(), now())])
        store.insert_decisions([ReviewDecision("r", doc, "lin", "rejected", ("b",))])
        export(store, ExportOptions.build("json", tmp_path / "old.json"))
    fresh = tmp_path / "fresh.annotator"
    assert run("init", fresh, "--no-seeds").exit_code == 0
    result = run("import", fresh, tmp_path / "old.json")
    assert result.exit_code == 0, result.output
    assert ("1 annotations added, 0 already present; 0 review decisions added; 1 spans "
            "trimmed of whitespace at their ends; 1 spans of only whitespace skipped, with 1 "
            "review decisions about them") in result.output, result.output
    with Store.open(fresh) as store:
        [span] = store.annotations(doc)
        assert (span.id, span.start, span.end) == ("a", 0, 6) and store.decisions(doc) == []
    again = run("import", fresh, tmp_path / "old.json")  # the trimmed span is the stored one
    assert again.exit_code == 0 and "0 annotations added, 1 already present" in again.output


def test_a_brat_entity_given_twice_or_with_a_space_is_one_span(tmp_path):
    """brat's T1 and T2 on the same text (and T3 with a trailing space) were one id twice:
    the import died on the database's unique constraint."""
    (tmp_path / "a.txt").write_text("上海合作组织 开会\n", encoding="utf-8")
    ann = tmp_path / "a.ann"
    ann.write_text("T1\tactor-igo 0 6\t上海合作组织\nT2\tactor-igo 0 6\t上海合作组织\n"
                   "T3\tactor-igo 0 7\t上海合作组织 \n", encoding="utf-8")
    target = tmp_path / "t.annotator"
    assert run("init", target, "--no-seeds").exit_code == 0
    result = run("import", target, ann, "--annotator", "zhao")
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    assert ("1 annotations added, 0 already present; 0 review decisions added; 2 spans "
            "identical to stored ones (same annotator, bounds and tag) skipped; 1 spans "
            "trimmed of whitespace at their ends") in result.output
    assert count_spans(target) == 1


def test_a_folder_holding_a_project_skips_it_and_its_files(tmp_path):
    """A folder of articles that also holds a project (its -wal/-shm, lock and backups,
    with their clean-close mark): the project is skipped and counted, not refused file by
    file as "unsupported file type"; named on its own, it is still pointed at merge."""
    import shutil

    from annotator.resources import seeds_dir

    folder = tmp_path / "articles"
    folder.mkdir()
    seed = sorted(seeds_dir().glob("*.txt"))[0]
    shutil.copy(seed, folder / seed.name)
    inner = folder / "study.annotator"
    assert run("init", inner).exit_code == 0
    assert run("backup", inner).exit_code == 0
    with Store.open(inner, lock="lin"):  # -wal, -shm and the lock beside it meanwhile
        shutil.copytree(folder, tmp_path / "copy")
    (tmp_path / "copy" / "study.annotator.backups" / "closed-cleanly.json").write_text("{}")
    names = sorted(p.name for p in (tmp_path / "copy").iterdir())
    assert names == sorted([seed.name, "study.annotator", "study.annotator-shm",
                            "study.annotator-wal", "study.annotator.backups",
                            "study.annotator.lock"])
    target = tmp_path / "t.annotator"
    assert run("init", target, "--no-seeds").exit_code == 0
    result = run("import", target, tmp_path / "copy")
    assert result.exit_code == 0, result.output
    assert "error" not in result.output and "unsupported" not in result.output
    assert "skipped 1 project file" in result.output
    assert "texts: 1 imported, 0 already present, 0 refused" in result.output
    named = run("import", target, tmp_path / "copy" / "study.annotator")
    assert named.exit_code == 1 and "this is a project file" in named.output
