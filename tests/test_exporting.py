"""``annotator export`` end to end: what it refuses, what it says, and that a failed export
leaves nothing behind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from seedproject import create_without_gold as create_project

from annotator.cli import cli
from annotator.core.annotation import Annotation, Annotator, now
from annotator.core.document import Document, document_id, text_sha256
from annotator.store import Store


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def everything_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def legacy_document(text: str) -> Document:
    """A document as importers stored it before they refused what XML cannot carry."""
    return Document(document_id(text), "旧文档", text, text_sha256(text))


@pytest.fixture
def legacy(tmp_path):
    """The seeds (one span each by lin), then a document holding U+000B, stored last."""
    path = tmp_path / "p.annotator"
    store, _ = create_project(path)
    with store:
        store.add_annotator(Annotator("lin", "Lin"))
        bad = legacy_document("上海合作组织\u000b会议")
        store.add_documents([bad])
        for doc in store.documents():
            text = store.document(doc.id).text
            at = text.find("上海合作组织")
            if at >= 0:
                store.insert_annotations([Annotation(f"s-{doc.id}", doc.id, at, at + 6,
                                                     "actor.igo", "lin", {}, now(), now())])
    return path, bad.id


@pytest.mark.parametrize("fmt, out", [("tei", "corpus.xml"), ("tei", "folder"),
                                      ("tei", "new/deeper/folder"), ("tei-inline", "inline"),
                                      ("tei-inline", "new/inline")])
def test_tei_of_a_text_xml_cannot_carry_is_refused_in_one_line_and_nothing_is_left(
        legacy, tmp_path, fmt, out):
    project, bad = legacy
    folder = tmp_path / "exports"
    folder.mkdir()
    result = run("export", project, "--format", fmt, "--annotator", "lin", "--out", folder / out)
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    [line] = result.output.strip().splitlines()
    assert re.search(rf"document {bad}: its text holds U\+000B .* at offset 6, which XML "
                     "cannot carry", line), line
    assert everything_under(folder) == set()


def test_a_split_that_fails_in_its_last_part_leaves_no_part_behind(legacy, tmp_path):
    project, bad = legacy
    folder = tmp_path / "exports"
    folder.mkdir()
    result = run("export", project, "--format", "tei", "--split", "50/50", "--seed", "0",
                 "--annotator", "lin", "--out", folder / "all.xml")  # seed 0: it is in test
    assert result.exit_code == 1 and f"document {bad}" in result.output, result.output
    assert everything_under(folder) == set()
    json_out = folder / "all.json"  # JSON can carry it: the same split is written whole
    result = run("export", project, "--format", "json", "--split", "50/50", "--seed", "0",
                 "--out", json_out)
    assert result.exit_code == 0, result.output
    assert everything_under(folder) == {"all-train.json", "all-test.json"}


def test_a_folder_where_a_file_goes_and_a_file_where_a_folder_goes_are_refused(
        legacy, tmp_path):
    project, _ = legacy
    (tmp_path / "taken").write_text("mine", encoding="utf-8")
    result = run("export", project, "--format", "tei", "--annotator", "lin",
                 "--out", tmp_path / "taken")
    assert result.exit_code == 1 and "it is a file, and tei writes a folder" in result.output
    result = run("export", project, "--format", "csv", "--out", tmp_path)
    assert result.exit_code == 1 and "it is a folder" in result.output
    assert (tmp_path / "taken").read_text(encoding="utf-8") == "mine"
    assert not list(tmp_path.glob("*.part"))


def test_a_cancelled_folder_export_leaves_nothing(legacy, tmp_path):
    from annotator.core.errors import Cancelled
    from annotator.exporting import ExportOptions, export

    project, _ = legacy
    folder = tmp_path / "exports"
    folder.mkdir()
    seen: list[int] = []
    with Store.open(project) as store, pytest.raises(Cancelled):
        export(store, ExportOptions.build("tei", folder / "out", {"lin"}),
               progress=lambda done, total: seen.append(done), cancelled=lambda: len(seen) >= 3)
    assert seen == [1, 2, 3] and everything_under(folder) == set()


def test_tei_inline_shows_the_only_layer_and_the_gold_layer(tmp_path):
    """With one annotator in the project no --annotator is needed: the inline view shows
    their spans; --status gold shows the results of review (whose decisions do not travel
    with them: their targets are other layers)."""
    from lxml import etree

    from annotator.core.dataset import ReviewDecision

    path = tmp_path / "p.annotator"
    store, _ = create_project(path)
    with store:
        store.add_annotator(Annotator("lin", "Lin"))
        store.add_annotator(Annotator("prof", "Prof", "reviewer"))
        doc = store.documents()[0]
        at = store.document(doc.id).text.find("上合组织")
        lin = Annotation("s1", doc.id, at, at + 4, "actor.igo", "lin", {}, now(), now())
        store.insert_annotations([lin])
    result = run("export", path, "--format", "tei-inline", "--out", tmp_path / "lin")
    assert result.exit_code == 0, result.output
    names = etree.parse(str(tmp_path / "lin" / f"{doc.id}.xml")).getroot().iter(
        "{http://www.tei-c.org/ns/1.0}orgName")
    assert [(n.get("resp"), n.text) for n in names] == [("#ann-lin", "上合组织")]
    with Store.open(path) as store:
        gold = lin._replace(id="g1", annotator="prof")
        store.insert_annotations([gold])
        store.insert_decisions([ReviewDecision("r1", doc.id, "prof", "accepted", ("s1",), "g1")])
    result = run("export", path, "--format", "tei-inline", "--status", "gold",
                 "--out", tmp_path / "gold")
    assert result.exit_code == 0, result.output
    root = etree.parse(str(tmp_path / "gold" / f"{doc.id}.xml")).getroot()
    names = root.iter("{http://www.tei-c.org/ns/1.0}orgName")
    assert [(n.get("resp"), n.text) for n in names] == [("#ann-prof", "上合组织")]
    assert "gold" in "".join(root.find(".//{http://www.tei-c.org/ns/1.0}title[@type='sub']")
                             .itertext())


def test_conll_says_how_many_overlapping_spans_it_could_not_write(legacy, tmp_path):
    project, bad = legacy
    with Store.open(project) as store:  # lin's 上海合作组织 (when there is one) holds a nested 上海
        nested = [Annotation(f"n-{a.id}", a.doc_id, a.start, a.start + 2, "actor.state",
                             "lin", {}, now(), now())
                  for doc in store.documents() for a in store.annotations(doc.id)]
        store.insert_annotations(nested)
    result = run("export", project, "--format", "conll", "--annotator", "lin",
                 "--out", tmp_path / "ner.conll")
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith(
        f"ner.conll; {len(nested)} overlapping spans left out: BIO gives each character one "
        "label (of spans that overlap, the longest is kept)"), result.output
    assert (tmp_path / "ner.conll").read_text(encoding="utf-8").count("B-actor.igo") == len(
        nested)
    result = run("export", project, "--format", "conll", "--annotator", "lin", "--split",
                 "50/50", "--out", tmp_path / "ner.conll")
    notes = re.findall(r"ner-(train|test)\.conll: (\d+) overlapping spans left out", result.output)
    assert result.exit_code == 0 and sum(int(n) for _, n in notes) == len(nested), result.output
    result = run("export", project, "--format", "csv", "--out", tmp_path / "spans.csv")
    assert result.exit_code == 0 and "left out" not in result.output  # CSV carries them all


@pytest.fixture
def seeds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where a file named "-" would appear
    path = tmp_path / "p.annotator"
    store, _ = create_project(path)
    store.close()
    return path


@pytest.mark.parametrize("fmt, name", [("csv", "x.csv"), ("conll", "x.conll"),
                                       ("json", "x.json"), ("doccano", "x.jsonl"),
                                       ("tei", "x.xml")])
def test_out_dash_writes_the_export_to_standard_output(seeds, tmp_path, fmt, name):
    assert run("export", seeds, "--format", fmt, "--out", tmp_path / name).exit_code == 0
    result = CliRunner().invoke(cli, ["export", str(seeds), "--format", fmt, "--out", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == (tmp_path / name).read_bytes()
    assert result.stderr == f"exported 5 documents as {fmt} to standard output\n"
    assert not (tmp_path / "-").exists()


def test_jsonl_to_standard_output_is_the_document_lines_and_says_so(seeds, tmp_path):
    assert run("export", seeds, "--format", "jsonl", "--out", tmp_path / "x.jsonl"
               ).exit_code == 0
    result = CliRunner().invoke(cli, ["export", str(seeds), "--format", "jsonl", "--out", "-"])
    assert result.exit_code == 0 and not (tmp_path / "-").exists()
    assert result.stdout_bytes == (tmp_path / "x.jsonl").read_bytes()
    assert "no manifest" in result.stderr


@pytest.mark.parametrize("args, said", [
    (("--format", "tei-inline"), "tei-inline writes a folder (a file per document): it cannot "
                                 "go to standard output"),
    (("--format", "json", "--split", "80/20"), "--split writes a file per part: it cannot go "
                                               "to standard output")])
def test_what_cannot_go_to_standard_output_is_refused_in_one_line(seeds, tmp_path, args, said):
    result = CliRunner().invoke(cli, ["export", str(seeds), *args, "--out", "-"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"Error: {said}\n" and not (tmp_path / "-").exists()


def test_a_reader_that_stops_early_ends_the_export_quietly(seeds):
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-m", "annotator", "export", str(seeds),
                              "--format", "tei", "--out", "-"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.read(5) == b"<?xml"  # as `| head -c 5` (the export is 100 kB)
    child.stdout.close()
    assert child.wait(timeout=60) == 141  # as a program killed by SIGPIPE
    assert child.stderr.read() == b""


def test_a_folder_export_is_named_as_given_in_both_tei_formats(tmp_path):
    """tei and tei-inline name a folder output alike: exactly --out (x.out is the folder
    x.out); tei-inline, which always writes a folder, refuses a .xml name in one line."""
    path = tmp_path / "p.annotator"
    create_project(path)[0].close()
    folder = tmp_path / "exports"
    for fmt in ("tei", "tei-inline"):
        out = folder / f"{fmt}.out"
        result = run("export", path, "--format", fmt, "--out", out)
        assert result.exit_code == 0, result.output
        assert out.is_dir() and len(list(out.glob("*.xml"))) == 5, everything_under(folder)
    assert everything_under(folder) == {"tei.out", "tei-inline.out"} | {
        str(p.relative_to(folder)) for p in folder.glob("*/*.xml")}
    result = run("export", path, "--format", "tei-inline", "--out", folder / "inline.xml")
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1, result.output
    assert "tei-inline writes a folder" in result.output
    assert not (folder / "inline.xml").exists() and not (folder / "inline").exists()
    help_text = run("export", "--help").output
    assert "folder" in help_text and "named as given" in help_text


@pytest.mark.parametrize("args", [(), ("--group", "actor"), ("--annotator", "lin")])
def test_a_project_without_a_tagset_is_refused_in_one_line(tmp_path, args):
    from annotator.exporting import ExportError, ExportOptions, export

    path = tmp_path / "bare.annotator"
    with Store.open(path, create=True) as store:  # made by the library: no tagset loaded
        store.add_annotator(Annotator("lin", "Lin"))
        assert store.tagset() is None
        with pytest.raises(ExportError, match="no tagset"):
            export(store, ExportOptions.build("json", tmp_path / "x.json"))
    result = run("export", path, "--format", "json", "--out", tmp_path / "x.json", *args)
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    [line] = result.output.splitlines()
    assert line == (f"Error: {path}: the project has no tagset; load one with "
                    f"`annotator tagset {path} --load FILE`")
    assert not list(tmp_path.glob("x.json*"))


def test_exports_do_not_read_a_documents_sources_and_write_the_same(tmp_path, monkeypatch):
    """Exports read documents without the file as decoded and the text before cleaning
    (a chunk of web pages' HTML could be a hundred megabytes): they write neither, so
    every format's output is what it is with them read."""
    from annotator.exporting import FORMATS, ExportOptions, export
    from annotator.project import import_paths

    page = tmp_path / "page.html"
    page.write_text("<html><head><title>峰会</title><script>var x = 1;</script></head><body>"
                    "<nav>首页 | 新闻</nav><p>上海合作组织成员国在北京举行会议。</p>"
                    "<p>图片 1</p><p>各方讨论了打击恐怖主义问题。</p></body></html>",
                    encoding="utf-8")
    store, _ = create_project(tmp_path / "p.annotator")
    with store:
        assert not import_paths(store, [page]).errors
        html = next(d for d in store.documents() if d.title == "峰会")
        assert store.document(html.id).raw and store.document(html.id).original
        read = []
        plain = store.dataset

        def dataset(*args, **kwargs):
            read.append(kwargs.get("sources", True))
            return plain(*args, **kwargs)

        monkeypatch.setattr(store, "dataset", dataset)
        for fmt in FORMATS:
            made = {}
            for sources in (False, True):
                if sources:
                    monkeypatch.setattr(store, "dataset", lambda *a, **k: plain(
                        *a, **{**k, "sources": True}))
                out = tmp_path / f"{fmt}-{sources}"
                export(store, ExportOptions(fmt, out))
                made[sources] = {p.relative_to(out).as_posix(): p.read_bytes()
                                 for p in sorted(out.rglob("*")) if p.is_file()} \
                    if out.is_dir() else {"": out.read_bytes()}
            assert made[False] == made[True], fmt
            monkeypatch.setattr(store, "dataset", dataset)
        assert read and not any(read)  # every export asked for the documents without
