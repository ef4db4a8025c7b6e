"""Two annotators' projects on the seeds, merged into a third."""

import hashlib
import json

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.annotation import Annotator
from annotator.core.session import Session
from annotator.store import Store

TERMS = {"lin": ["上海合作组织", "三股势力", "赵克志", "趙克志"],
         "chen": ["上海合作组织", "恐怖主义", "上海合作組織", "地区反恐怖机构"]}
TAGS = {"上海合作组织": "actor.igo", "上海合作組織": "actor.igo", "三股势力": "threat.three_evils",
        "赵克志": "actor.person", "趙克志": "actor.person", "恐怖主义": "threat.terrorism",
        "地区反恐怖机构": "mechanism.body"}

@pytest.fixture(autouse=True, scope="module")
def _seed_texts_only():
    """These tests count spans of their own: the seeds without the demo gold layer
    (tests/seedproject.py)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("annotator.project.SEED_GOLD", "no-gold-layer-here.json")
        yield


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def annotator_project(path, who):
    assert run("init", path).exit_code == 0
    with Store.open(path) as store:
        session = Session(store, Annotator(who, who.title()))
        for doc in store.documents():
            text = store.document(doc.id).text
            for term in TERMS[who]:
                start = text.find(term)
                if start >= 0:
                    session.add(doc.id, text, start, start + len(term), TAGS[term])
        return {a.id for d in store.documents() for a in store.annotations(d.id)}


@pytest.fixture
def projects(tmp_path):
    ids = {who: annotator_project(tmp_path / f"{who}.annotator", who) for who in TERMS}
    review = tmp_path / "review.annotator"
    assert run("init", review).exit_code == 0
    return tmp_path, review, ids


def stored(path):
    with Store.open(path) as store:
        return {(a.id, a.annotator) for d in store.documents() for a in store.annotations(d.id)}


def test_merge_keeps_annotators_and_ids_and_is_idempotent(projects):
    folder, review, ids = projects
    result = run("merge", review, folder / "lin.annotator", folder / "chen.annotator")
    assert result.exit_code == 0, result.output
    merged = stored(review)
    assert {i for i, _ in merged} == ids["lin"] | ids["chen"]
    assert {w for _, w in merged} == {"lin", "chen"}
    assert "work of Lin" in result.output and "backup:" in result.output
    backups = list((folder / "review.annotator.backups").glob("*.annotator"))
    assert len(backups) == 2
    again = run("merge", review, folder / "lin.annotator")
    assert "0 annotations added" in again.output and stored(review) == merged


def test_merge_from_an_export(projects):
    folder, review, ids = projects
    out = folder / "chen.json"
    assert run("export", folder / "chen.annotator", "--format", "json", "--out", out
               ).exit_code == 0
    assert run("merge", review, out).exit_code == 0
    assert {i for i, _ in stored(review)} == ids["chen"]


def test_a_document_whose_text_differs_is_refused_and_listed(projects):
    folder, review, _ = projects
    out = folder / "lin.json"
    assert run("export", folder / "lin.annotator", "--format", "json", "--out", out
               ).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    doc = data["documents"][0]
    doc["text"] = doc["text"].replace("上合组织", "上海合作组织", 1)
    doc["text_sha256"] = hashlib.sha256(doc["text"].encode()).hexdigest()
    doc["cleaning"] = []
    doc["spans"] = []
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("merge", review, out)
    assert result.exit_code == 1
    assert "refused document" in result.output and "its text differs" in result.output
    with Store.open(review) as store:
        assert len(store.documents()) == 5


def test_agreement_on_the_merged_project_equals_the_references(projects):
    sklearn_metrics = pytest.importorskip("sklearn.metrics")
    krippendorff = pytest.importorskip("krippendorff")
    folder, review, _ = projects
    assert run("merge", review, folder / "lin.annotator", folder / "chen.annotator"
               ).exit_code == 0
    result = run("agreement", review, "--annotators", "lin,chen", "--json")
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.output)["rows"]
    labels = {"lin": [], "chen": []}  # a plain recount: one label per character
    with Store.open(review) as store:
        for doc in store.documents():
            text = store.document(doc.id).text
            spans = store.annotations(doc.id)
            for who, out in labels.items():
                mine = sorted((a for a in spans if a.annotator == who),
                              key=lambda a: (a.end - a.start, a.start, a.tag))
                for i in range(len(text)):
                    out.append(next((a.tag for a in mine if a.start <= i < a.end), "∅"))
    kappa = sklearn_metrics.cohen_kappa_score(labels["lin"], labels["chen"])
    values = sorted(set(labels["lin"]) | set(labels["chen"]))
    data = [[values.index(x) for x in labels[w]] for w in ("lin", "chen")]
    alpha = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert row["n_units"] == len(labels["lin"])
    assert abs(row["cohen_kappa"] - kappa) < 1e-9
    assert abs(row["krippendorff_alpha"] - alpha) < 1e-9


def test_adjudicating_every_case_gives_the_gold_export(projects):
    from annotator.review.cases import accept, find_cases, reject

    folder, review, _ = projects
    assert run("merge", review, folder / "lin.annotator", folder / "chen.annotator"
               ).exit_code == 0
    expected = []
    with Store.open(review) as store:
        prof = Session(store, Annotator("prof", "Prof", "reviewer"))
        for doc in store.documents():
            for n, case in enumerate(find_cases(store.annotations(doc.id), ["lin", "chen"], [])):
                if n % 3 == 2:
                    prof.run(reject(case, "prof"))
                    continue
                version = case.versions[-1]
                prof.run(accept(case, version, "prof"))
                expected.append((doc.id, version.start, version.end, version.tag))
            left = find_cases(store.annotations(doc.id), ["lin", "chen"], store.decisions(doc.id))
            assert all(c.decision is not None for c in left)
    out = folder / "gold.json"
    assert run("export", review, "--format", "json", "--status", "gold", "--out", out
               ).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    got = sorted((d["id"], s["start"], s["end"], s["tag"]) for d in data["documents"]
                 for s in d["spans"])
    assert got == sorted(expected) and all(s["annotator"] == "prof" for d in data["documents"]
                                           for s in d["spans"])


def test_merge_reads_exports_within_the_import_limits(projects, monkeypatch):
    """Merge tells a file's kind and reads it as import does: the same size limit for
    every format (TEI included), and a clear word for what merge does not take."""
    from annotator.ingest import limits

    folder, review, _ = projects
    out = folder / "lin.xml"
    assert run("export", folder / "lin.annotator", "--format", "tei", "--out", out
               ).exit_code == 0
    monkeypatch.setattr(limits, "MAX_BYTES", out.stat().st_size - 1)
    result = run("merge", review, out)
    assert result.exit_code == 1 and f"{out}: file too large" in result.output, result.output
    monkeypatch.undo()
    layer = folder / "lin-doccano.jsonl"
    assert run("export", folder / "lin.annotator", "--format", "doccano", "--out", layer
               ).exit_code == 0
    result = run("merge", review, layer)
    assert result.exit_code == 1 and "--annotator NAME" in result.output, result.output
    assert stored(review) == set()


def test_a_colleagues_project_holding_a_text_xml_cannot_carry_is_refused(projects):
    """A project made before importers refused such texts: merged, it would bring one in."""
    from annotator.core.document import Document, document_id, text_sha256

    folder, review, _ = projects
    text = "上海合作组织\x01会议"
    with Store.open(folder / "lin.annotator") as store:
        store.add_documents([Document(document_id(text), "旧", text, text_sha256(text))])
    result = run("merge", review, folder / "lin.annotator")
    assert result.exit_code == 1
    assert (f"lin.annotator: document {document_id(text)}: its text holds U+0001 (a control "
            "character) at offset 6") in result.output, result.output
    assert stored(review) == set()


@pytest.mark.parametrize("fmt, name", [("json", "lin.json"), ("tei", "lin.xml")])
def test_one_layer_of_a_reviewed_project_exports_no_dangling_decision(projects, fmt, name):
    """The README's workflow: merge two colleagues, adjudicate, hand one layer on. Its file
    carries no decision about spans it does not hold, so importing or merging it leaves
    `annotator check` clean."""
    from annotator.review.cases import accept, find_cases

    folder, review, _ = projects
    assert run("merge", review, folder / "lin.annotator", folder / "chen.annotator"
               ).exit_code == 0
    with Store.open(review) as store:
        prof = Session(store, Annotator("prof", "Prof", "reviewer"))
        for doc in store.documents():
            for case in find_cases(store.annotations(doc.id), ["lin", "chen"], []):
                prof.run(accept(case, case.versions[0], "prof"))
    for args in (("--annotator", "lin"), ("--status", "gold")):
        out = folder / f"{args[1]}-{name}"
        assert run("export", review, "--format", fmt, *args, "--out", out).exit_code == 0
        for command in ("import", "merge"):
            target = folder / f"{command}-{args[1]}-{fmt}.annotator"
            assert run("init", target, "--no-seeds").exit_code == 0
            result = run(command, target, out)
            assert result.exit_code == 0, result.output
            check = run("check", target)
            assert check.exit_code == 0 and "orphan" not in check.output, check.output
            assert {w for _, w in stored(target)} == {args[1] if args[1] == "lin" else "prof"}


def test_merge_skips_spans_identical_to_stored_ones_and_keeps_their_decisions(projects):
    """lin's layer came in first as a doccano file (ids made from the spans); her project,
    with a reviewer's decisions on her spans, then merges without duplicating a span, and
    the decisions name the stored spans."""
    from annotator.core.dataset import ReviewDecision

    folder, review, ids = projects
    lin = folder / "lin.annotator"
    with Store.open(lin) as store:
        store.add_annotator(Annotator("prof", "Prof", "reviewer"))
        for doc in store.documents():
            store.insert_decisions(ReviewDecision(f"r-{a.id}", doc.id, "prof", "accepted",
                                                  (a.id,)) for a in store.annotations(doc.id))
    layer = folder / "lin.jsonl"
    assert run("export", lin, "--format", "doccano", "--out", layer).exit_code == 0
    assert run("import", review, layer, "--annotator", "lin").exit_code == 0
    before = stored(review)
    assert len(before) == len(ids["lin"]) and not {i for i, _ in before} & ids["lin"]
    n = len(ids["lin"])
    for added in (n, 0):  # merging twice changes nothing more
        result = run("merge", review, lin)
        assert result.exit_code == 0, result.output
        assert (f"0 annotations added, 0 already present; {added} review decisions added; "
                f"{n} spans identical to stored ones") in result.output, result.output
        assert stored(review) == before
    check = run("check", review)
    assert check.exit_code == 0, check.output
    with Store.open(review) as store:
        decisions = [d for doc in store.documents() for d in store.decisions(doc.id)]
    assert len(decisions) == len(ids["lin"])
    assert {t for d in decisions for t in d.targets} == {i for i, _ in before}


@pytest.mark.parametrize("layer_format", ["doccano", "brat"])
def test_a_colleagues_layer_then_her_project_stores_her_spans_once(projects, layer_format):
    """Issue 15's repro: `import study lin.doccano.jsonl --annotator lin; merge study
    lin.annotator` (or her brat files). The layer's ids derive from its spans, the
    project's are hers, yet her spans are stored once and agreement lin/chen is unchanged."""
    folder, study, ids = projects
    assert run("merge", study, folder / "chen.annotator").exit_code == 0
    lin = folder / "lin.annotator"
    if layer_format == "doccano":
        layer = [folder / "lin.doccano.jsonl"]
        assert run("export", lin, "--format", "doccano", "--out", layer[0]).exit_code == 0
    else:
        layer = brat_files(lin, folder / "brat")
    result = run("import", study, *layer, "--annotator", "lin")
    assert result.exit_code == 0, result.output
    agreement = run("agreement", study, "--annotators", "lin,chen", "--json")
    assert agreement.exit_code == 0, agreement.output
    spans = stored(study)
    assert len(spans) == len(ids["lin"]) + len(ids["chen"])
    result = run("merge", study, lin)
    assert result.exit_code == 0, result.output
    assert f"{len(ids['lin'])} spans identical to stored ones" in result.output
    assert stored(study) == spans
    assert run("agreement", study, "--annotators", "lin,chen", "--json").output == \
        agreement.output
    check = run("check", study)
    assert check.exit_code == 0, check.output


def brat_files(project, folder) -> list:
    """lin's spans as brat: one ``.txt``/``.ann`` pair per document with spans."""
    folder.mkdir()
    out = []
    with Store.open(project) as store:
        for n, doc in enumerate(store.documents()):
            spans = store.annotations(doc.id)
            if not spans:
                continue
            text = store.document(doc.id).text
            (folder / f"d{n}.txt").write_text(text, encoding="utf-8", newline="")
            (folder / f"d{n}.ann").write_text("".join(
                f"T{i}\t{a.tag} {a.start} {a.end}\t{text[a.start:a.end]}\n"
                for i, a in enumerate(spans, 1)), encoding="utf-8")
            out.append(folder / f"d{n}.ann")
    return out


def corrupt(path) -> None:
    """Scribble over the end of the documents table's root page (as tests/store do)."""
    import sqlite3

    conn = sqlite3.connect(path)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'documents'"
                        ).fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[root * page - 200:root * page] = b"\xa5" * 200
    path.write_bytes(bytes(data))


def test_an_other_file_that_cannot_be_read_is_named_once(projects):
    """A colleague's project from a newer annotator, or damaged: the error names her file
    once (it was printed twice), and the next file is still merged."""
    import sqlite3

    from annotator.store.schema import SCHEMA_VERSION

    folder, review, ids = projects
    newer, damaged = folder / "lin.annotator", folder / "bad.annotator"
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version=99")
    conn.close()
    assert run("init", damaged).exit_code == 0
    corrupt(damaged)
    result = run("merge", review, newer, damaged, folder / "chen.annotator")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors[0] == (f"error: {newer}: made by a newer version of annotator (schema 99; "
                         f"this version reads up to {SCHEMA_VERSION})")
    assert errors[1].startswith(f"error: {damaged}: the project file is damaged")
    assert all(line.count(str(folder)) == 1 for line in errors), errors
    assert {i for i, _ in stored(review)} == ids["chen"]


def test_damage_met_while_reading_the_other_file_names_it_not_the_project(
        projects, monkeypatch):
    """SQLite meets damage its check at opening did not see, in the OTHER file: the error
    names that file (it blamed the project merged into and offered its backup)."""
    import sqlite3

    from annotator.store import Store as StoreClass

    folder, review, _ = projects
    other = folder / "lin.annotator"
    reading = StoreClass.dataset

    def dataset(self, *args):
        if self.path == other:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return reading(self, *args)

    monkeypatch.setattr(StoreClass, "dataset", dataset)
    result = run("merge", review, other)
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if line.strip()]
    assert line.startswith(f"error: {other}: the project file is damaged (database disk "
                           "image is malformed)"), line
    assert str(review) not in line and "annotator restore lin.annotator" not in line
    with StoreClass.open(review) as store:
        assert store.check().ok


def test_a_reviewed_projects_export_merged_where_its_layers_are_keeps_gold_apart(projects):
    """lin reviewed the merged project, accepting spans identical to her own into gold (gold
    copies under her id, same bounds and tag). Its JSON export merged into a project that
    already holds lin's and chen's work: a gold copy is not "identical" to lin's own span
    (it is another layer), so her layer, the gold layer and agreement stay as they were
    (her own spans were taken for the gold ones: agreement fell from 0.78 to 0.30)."""
    from annotator.review.cases import accept, accept_unanimous, find_cases

    folder, review, _ = projects
    colleagues = (folder / "lin.annotator", folder / "chen.annotator")
    assert run("merge", review, *colleagues).exit_code == 0
    with Store.open(review) as store:
        lin = Session(store, Annotator("lin", "Lin"))
        for doc in store.documents():
            cases = find_cases(store.annotations(doc.id), ["lin", "chen"], [])
            if command := accept_unanimous(cases, "lin"):
                lin.run(command)
            for case in cases:
                if case.kind != "unanimous":
                    lin.run(accept(case, case.versions[-1], "lin"))
    exported = folder / "review.json"
    assert run("export", review, "--format", "json", "--out", exported).exit_code == 0
    target = folder / "target.annotator"
    assert run("init", target).exit_code == 0
    assert run("merge", target, *colleagues).exit_code == 0
    result = run("merge", target, exported)
    assert result.exit_code == 0, result.output
    every = ("--annotators", "lin,chen,gold", "--json")
    before, after = run("agreement", review, *every), run("agreement", target, *every)
    assert json.loads(before.output)["gold_spans"] > 0 and after.output == before.output
    for who in ("lin", "chen"):
        counts = [json.loads(run("stats", p, "--annotator", who, "--json").output)[
            "layer_spans"] for p in (review, target)]
        assert counts[0] == counts[1] > 0, (who, counts)
    assert run("check", target).exit_code == 0
