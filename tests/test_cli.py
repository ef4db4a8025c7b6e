"""The command line, end to end on a real project file."""

import json
import re

import pytest
from click.testing import CliRunner

from annotator.cli import cli


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "p.db"
    result = CliRunner().invoke(cli, ["init", str(path)])
    assert result.exit_code == 0, result.output
    return path


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_init_then_docs_json_lists_five_seeds(project):
    result = run("docs", project, "--json")
    assert result.exit_code == 0
    docs = json.loads(result.output)
    assert len(docs) == 5
    assert [d["script"] for d in docs] == ["zh-Hans"] * 4 + ["zh-Hant"]
    assert docs[4]["languages"] == ["en", "zh-Hant"]
    assert [d["source"] for d in docs] == ["中新社", "艾森新闻网", "环球网", "新华社", None]
    assert [d["date"] for d in docs] == ["--06-08", "2018-05-27", "2025-09-03", "2018-05-22",
                                         "2021-06-23"]
    assert all(d["title"] and d["status"] == "todo" for d in docs)
    # the demo gold layer (seeds/gold.json): every actor, mechanism and threat of each
    assert [d["annotations"] for d in docs] == [99, 81, 55, 111, 224]


def test_docs_and_show_say_when_the_year_is_unknown(project):
    rows = run("docs", project).output.splitlines()
    assert "June 8, year unknown" in rows[0] and "--06-08" not in rows[0]
    assert "2018-05-27" in rows[1]
    dates = [row.index("2018-05-27") if "2018-05-27" in row else row.index("June") for row in
             rows[:2]]
    assert dates[0] == dates[1]  # the columns line up
    head = run("show", project, "1").output.splitlines()[1]
    assert "date June 8, year unknown " in head and "--06-08" not in head
    assert json.loads(run("show", project, "1", "--json").output)["date"] == "--06-08"


def test_show_seed_004_has_no_pinyin(project):
    result = run("show", project, "5")
    assert result.exit_code == 0
    assert "執法" in result.output
    assert not re.search(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)", result.output)


def test_show_seed_002_cleaning_log(project):
    result = run("show", project, "3", "--cleaning")
    text, _, log = result.output.partition("# cleaning:")
    for crumb in ("4OAL6N5m11s", "huanqiu.com", "1756832722602", "zhaojiandong@"):
        assert crumb not in text and crumb in log
    assert text.count("2025年上海合作组织峰会在天津落下帷幕") == 1
    assert "repeated-paragraph" in log and "scrape-crumbs" in log


def test_show_seed_001_has_no_site_menu(project):
    result = run("show", project, "2", "--cleaning")
    text, _, log = result.output.partition("# cleaning:")
    assert "花花娱乐" not in text and "花花娱乐" in log and "site-menu" in log


def test_show_json_and_unknown_document(project):
    data = json.loads(run("show", project, "4", "--json").output)
    assert data["source"] == "新华社" and data["metadata"]["place"] == "北京"
    result = run("show", project, "zzzz")
    assert result.exit_code == 1
    assert result.output == f"Error: {project}: no such document: zzzz\n"


def test_a_key_error_from_a_bug_is_not_reported_as_a_missing_document(project, monkeypatch):
    from annotator.store import Store

    def broken(self, doc_id):
        raise KeyError("tagset")  # a programming error, not a user's mistake

    monkeypatch.setattr(Store, "document", broken)
    result = run("show", project, "1")
    assert "no such document" not in result.output
    assert isinstance(result.exception, KeyError)


def test_tagset_json_and_load_errors(project, tmp_path):
    data = json.loads(run("tagset", project, "--json").output)
    assert [g["id"] for g in data["groups"]] == ["actor", "mechanism", "threat"]
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = run("tagset", project, "--load", bad)
    assert result.exit_code == 1 and str(bad) in result.output and result.output[-1] == "\n"
    assert json.loads(run("tagset", project, "--json").output) == data


def test_import_reports_duplicates_and_errors(project, tmp_path):
    good = tmp_path / "new.txt"
    good.write_text("中国与哈萨克斯坦举行联合反恐演习。\n双方交流了情报信息。", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    seed = tmp_path / "seed.txt"
    seed.write_text(json.loads(run("show", project, "4", "--json").output)["text"],
                    encoding="utf-8")
    result = run("import", project, good, bad, seed, "--annotator", "lin")
    assert result.exit_code == 1
    assert "1 imported, 1 already present, 1 refused" in result.output
    assert f"error: {bad}: file is empty" in result.output
    assert len(json.loads(run("docs", project, "--json").output)) == 6


def test_import_no_clean_keeps_noise(tmp_path):
    path = tmp_path / "p.db"
    assert run("init", path, "--no-seeds").exit_code == 0
    src = tmp_path / "a.txt"
    src.write_text("執(zhí)法合作\r\n\r\n图片 1\n", encoding="utf-8")
    assert run("import", path, src, "--no-clean").exit_code == 0
    text = json.loads(run("show", path, "1", "--json").output)["text"]
    assert text == "執(zhí)法合作\n\n图片 1\n"


def test_init_refuses_existing_file(project):
    result = run("init", project)
    assert result.exit_code == 1 and "already exists" in result.output


def test_every_command_has_help_with_example():
    for name, _command in cli.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0 and "Example:" in result.output, name


def test_a_digit_only_id_prefix_resolves(project):
    docs = json.loads(run("docs", project, "--json").output)
    for doc in docs:
        prefix = doc["id"][:5]
        result = run("show", project, prefix, "--json")
        if result.exit_code == 0:
            assert json.loads(result.output)["id"] == doc["id"]
    # seed 000's id starts with seven digits: no such list number, so it is a prefix
    number_like = next(d for d in docs if d["id"][:7].isdigit())
    assert json.loads(run("show", project, number_like["id"][:7], "--json").output
                      )["id"] == number_like["id"]


def test_check_passes_a_clean_project_and_fails_a_damaged_one(project, tmp_path):
    import shutil
    import sqlite3

    result = run("check", project)
    assert result.exit_code == 0 and result.output.startswith("ok: no problems in ")
    assert json.loads(run("check", project, "--json").output)["ok"] is True
    damaged = tmp_path / "damaged.db"
    shutil.copyfile(project, damaged)
    with sqlite3.connect(damaged) as conn:
        conn.execute("UPDATE tagsets SET active = 0")
    conn.close()
    result = run("check", damaged)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "tagset: the project has no active tagset (load one with `annotator tagset PROJECT "
        "--load FILE`)", "1 problem: 1 tagset"]


def test_backup_list_and_restore_keep_the_replaced_file(tmp_path):
    path = tmp_path / "p.annotator"
    assert run("init", path).exit_code == 0
    result = run("backup", path)
    assert result.exit_code == 0
    taken = result.output.strip()
    assert taken.endswith("-manual.annotator") and run("backup", path, "--list").output.strip() \
        == taken
    docs = json.loads(run("docs", path, "--json").output)
    from annotator.store import Store

    with Store.open(path) as store:
        store.set_status(docs[0]["id"], "done")
    result = run("restore", path)
    assert result.exit_code == 0, result.output
    assert "kept as" in result.output
    assert json.loads(run("docs", path, "--json").output)[0]["status"] == "todo"
    aside = result.output.rsplit("kept as ", 1)[1].strip()
    with Store.open(aside) as old:
        assert old.documents()[0].status == "done"


def test_writers_are_refused_while_a_window_edits_the_project(tmp_path):
    from annotator.store import Store

    path = tmp_path / "p.annotator"
    assert run("init", path, "--no-seeds").exit_code == 0
    text = tmp_path / "a.txt"
    text.write_text("上海合作组织秘书处。", encoding="utf-8")
    with Store.open(path, lock="Lin"):  # the window
        result = run("import", path, text)
        assert result.exit_code == 1
        assert "already open for editing by Lin" in result.output
        assert str(path) in result.output and len(result.output.strip().splitlines()) == 1
        assert run("docs", path).exit_code == 0  # reading is fine
        assert run("backup", path).exit_code == 0  # and so is a snapshot
        result = run("restore", path)
        assert result.exit_code == 1 and "already open for editing by Lin" in result.output
    assert run("import", path, text).exit_code == 0


def test_docs_never_prints_a_whole_text_for_a_title(tmp_path):
    from annotator.core.document import Document, document_id, text_sha256
    from annotator.store import Store

    path = tmp_path / "p.db"
    assert run("init", path, "--no-seeds").exit_code == 0
    text = "上合组织安全合作。" * 20_000
    with Store.open(path) as store:  # as an older version, or another tool, stored it
        store.add_documents([Document(document_id(text), text, text, text_sha256(text))])
    [row] = run("docs", path).output.splitlines()
    assert len(row) < 200 and row.endswith("上合组织安全合作。上合组织安全合作")



@pytest.mark.parametrize("rule", ["nfc", "line-endings", "control-characters"])
def test_a_required_rule_cannot_be_skipped(tmp_path, rule):
    path = tmp_path / "p.db"
    assert run("init", path, "--no-seeds").exit_code == 0
    src = tmp_path / "a.txt"
    src.write_text("Cafe\u0301\r\n上合组织举行会议。", encoding="utf-8")
    result = run("import", path, src, "--skip-rule", "pinyin", "--skip-rule", rule)
    assert result.exit_code == 1
    assert f"'{rule}' is required" in result.output and "cannot be skipped" in result.output
    assert json.loads(run("docs", path, "--json").output) == []
    unknown = run("import", path, src, "--skip-rule", "no-such-rule")
    assert unknown.exit_code == 1 and "no-such-rule" in unknown.output

@pytest.mark.parametrize(("args", "problem"), [
    (["import"], "Missing argument 'PROJECT'"),
    (["docs", "{project}", "--bogus"], "No such option '--bogus'"),
    (["export", "{project}", "--format", "nope", "--out", "x.json"], "Invalid value for '--format'"),
    (["docs", "{missing}"], "does not exist"),
    (["nosuchcommand"], "No such command 'nosuchcommand'"),
    (["agreement", "{project}", "--json", "--csv"], "choose one of --json and --csv"),
    (["search", "{project}"], "give a QUERY"),
])
def test_usage_errors_are_one_line_and_exit_1(project, tmp_path, args, problem):
    args = [a.format(project=project, missing=tmp_path / "missing.annotator") for a in args]
    result = run(*args)
    assert result.exit_code == 1, result.output
    [line] = result.output.splitlines()
    assert line.startswith("Error: ") and problem in line and "Usage:" not in line
    assert "--help" in line  # where to read more


def test_the_installed_command_reports_one_line_on_stderr(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).with_name("annotator")
    done = subprocess.run([str(script), "export", str(tmp_path / "none.annotator")],
                          capture_output=True, text=True)
    assert done.returncode == 1 and done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith("Error: annotator export: ") and "Usage:" not in line


def test_an_error_from_a_command_without_fail_cleanly_is_one_line(monkeypatch):
    from annotator import cli as cli_module
    from annotator.core.errors import ProjectError

    def refuse(project):
        raise ProjectError(f"{project}: no such project file")

    monkeypatch.setattr(cli_module, "_open_window", refuse)
    result = run("open", "nowhere.annotator")
    assert result.exit_code == 1
    assert result.output == "Error: nowhere.annotator: no such project file\n"


def test_merging_a_project_without_a_tagset_is_one_line(tmp_path):
    import sqlite3

    path, other = tmp_path / "p.annotator", tmp_path / "other.annotator"
    assert run("init", path).exit_code == 0 and run("init", other).exit_code == 0
    conn = sqlite3.connect(other)
    conn.execute("UPDATE tagsets SET active = 0")
    conn.commit()
    conn.close()
    result = run("merge", path, other)
    assert result.exit_code == 1, result.output
    [line] = result.output.splitlines()
    assert line.startswith(f"error: {other}: ") and line.endswith(
        f"the project has no tagset; load one with `annotator tagset {other} --load FILE`")


def test_show_cuts_a_huge_stored_title_as_docs_does(tmp_path):
    """A document stored before titles were cut (one line of a huge file became its
    title): `show` prints it cut as `docs` does; --json keeps what is stored."""
    from annotator.core.document import Document, document_id, text_sha256
    from annotator.ingest.metadata import short_title
    from annotator.store import Store

    path = tmp_path / "old.annotator"
    assert run("init", path, "--no-seeds").exit_code == 0
    text = "上海合作组织成员国安全会议秘书会议在北京举行，各方就打击三股势力交换意见。" * 2000
    with Store.open(path) as store:
        store.add_documents([Document(document_id(text), text, text, text_sha256(text))])
    head = run("show", path, "1").output.splitlines()[0]
    shown = run("docs", path).output.split("  ")[-1].strip()
    assert head == f"# {short_title(text)}" and shown == short_title(text)
    assert len(head) <= 102
    assert json.loads(run("show", path, "1", "--json").output)["title"] == text
