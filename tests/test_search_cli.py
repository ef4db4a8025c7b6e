"""``annotator search``: concordances, span filters, JSON, and no matches."""

import json
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.annotation import Annotation, Annotator
from annotator.core.concordance import first_inside, inside, kwic, line, rows
from annotator.store import Store
from annotator.store.search import Hit


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
    path = tmp_path_factory.mktemp("search-cli") / "p.annotator"
    assert run("init", path).exit_code == 0
    with Store.open(path) as store:
        store.add_annotator(Annotator("lin", "Lin"))
        doc = store.documents()[3]  # 新华社北京5月22日电 … 在北京举行
        hits = store.search("北京")
        assert [h.doc_id for h in hits] == [doc.id] * 3
        first, second = hits[0], hits[1]
        store.insert_annotations([
            Annotation("s1", doc.id, first.start, first.end, "actor.state", "lin"),
            Annotation("s2", doc.id, second.start - 2, second.end + 2, "mechanism.meeting",
                       "lin"),
        ])
    return path


def test_concordance_lines_in_both_scripts(project):
    result = run("search", project, "執法")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 30
    assert sum("[执法]" in x for x in lines) == 13 and sum("[執法]" in x for x in lines) == 17
    title, offset = lines[0].split("  ")[:2]
    assert title == "中国公安部:上合组织正制定措施应对域内四大安全挑战" and offset == "@778"
    assert "⏎" in result.output and "\n目" not in result.output


def test_json_output(project):
    result = run("search", project, "恐怖主義", "--json", "--limit", 3)
    data = json.loads(result.output)["hits"]
    assert len(data) == 3
    assert set(data[0]) == {"doc_id", "title", "start", "end", "left", "match", "right"}
    assert all(d["match"] == "恐怖主义" and d["end"] - d["start"] == 4 for d in data)


def test_no_matches_is_not_an_error(project):
    result = run("search", project, "没有这句话")
    assert result.exit_code == 0 and result.output == "no matches\n"
    result = run("search", project, "没有这句话", "--json")
    assert result.exit_code == 0
    assert json.loads(result.output) == {"query": "没有这句话", "total": 0, "shown": 0,
                                         "cut": False, "hits": []}


def test_tag_restricts_hits_to_spans(project):
    result = run("search", project, "北京", "--tag", "actor.state", "--json")
    assert [d["start"] for d in json.loads(result.output)["hits"]] == [3]
    result = run("search", project, "北京", "--annotator", "lin", "--json")
    assert len(json.loads(result.output)["hits"]) == 2
    result = run("search", project, "北京", "--tag", "actor.state", "--annotator", "nobody")
    assert result.exit_code == 1 and "unknown annotator 'nobody'" in result.output


def test_tag_without_query_lists_spans(project):
    result = run("search", project, "--tag", "mechanism.meeting", "--json")
    [span] = json.loads(result.output)["hits"]
    assert span["match"] == "议在北京举行" and span["tag"] == "mechanism.meeting"
    assert span["annotator"] == "lin" and span["id"] == "s2"
    result = run("search", project, "--annotator", "lin")
    assert result.exit_code == 0 and len(result.output.splitlines()) == 2
    assert "[北京]" in result.output


def test_empty_query_without_filters_is_a_usage_error(project):
    result = run("search", project)
    assert result.exit_code == 1 and "give a QUERY" in result.output


def test_help_has_an_example():
    result = run("search", "--help")
    assert result.exit_code == 0 and "Example:" in result.output and "--tag" in result.output


def test_kwic_and_rows():
    text = "第一段\n北京反恐\n第三段"
    assert kwic(text, 4, 6, width=3) == ("一段⏎", "北京", "反恐⏎")
    assert kwic(text, 0, 2, width=3) == ("", "第一", "段⏎北")
    doc = SimpleNamespace(title="标题", text=text)
    found = rows([Hit("d", 4, 6), Hit("d", 6, 8)], lambda doc_id: doc, width=2)
    assert [(r.title, r.left, r.match, r.right) for r in found] == [
        ("标题", "段⏎", "北京", "反恐"), ("标题", "北京", "反恐", "⏎第")]
    assert line(found[0], width=4) == "标题  @4    段⏎[北京]反恐"
    assert inside([("d", 4, 6), ("d", 6, 8), ("e", 4, 6)], [("d", 3, 7)]) == [("d", 4, 6)]


def test_first_inside_pages_through_the_search():
    hits = [Hit("d", i, i + 1) for i in range(25)]
    calls = []

    def search(limit, offset):
        calls.append((limit, offset))
        return hits[offset:offset + limit]

    spans = [Hit("d", 18, 22)]
    assert first_inside(search, spans, 3, page=10) == hits[18:21]
    assert calls == [(10, 0), (10, 10), (10, 20)]
    assert first_inside(search, None, 2) == hits[:2]
    assert first_inside(search, [], 2) == []


# --- how many there are (issue 15) -------------------------------------------------------
def test_a_cut_listing_says_how_many_there_are(project):
    result = CliRunner().invoke(cli, ["search", str(project), "安全"])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 50  # the concordance alone on stdout
    assert result.stderr == "50 of 208 matches shown; --limit N or --all for more\n"
    result = CliRunner().invoke(cli, ["search", str(project), "安全", "--all"])
    assert len(result.stdout.splitlines()) == 208 and result.stderr == ""
    result = CliRunner().invoke(cli, ["search", str(project), "安全", "--limit", "208"])
    assert len(result.stdout.splitlines()) == 208 and result.stderr == ""
    result = CliRunner().invoke(cli, ["search", str(project), "安全", "--limit", "207"])
    assert result.stderr.startswith("207 of 208 matches shown")
    result = run("search", project, "安全", "--all", "--limit", 3)
    assert result.exit_code == 1 and "--limit or --all" in result.output


def test_json_says_the_total_and_whether_it_was_cut(project):
    data = json.loads(run("search", project, "安全", "--json", "--limit", 5).output)
    assert (data["total"], data["shown"], data["cut"]) == (208, 5, True)
    assert len(data["hits"]) == 5 and data["hits"][0]["match"] == "安全"
    data = json.loads(run("search", project, "執法", "--json").output)
    assert (data["total"], data["shown"], data["cut"]) == (30, 30, False)


def test_filtered_counts_are_exact(project):
    """Hits inside spans, and spans listed: the total counts them all, as --all lists."""
    result = CliRunner().invoke(cli, ["search", str(project), "北京", "--annotator", "lin",
                                      "--limit", "1"])
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == "1 of 2 matches shown; --limit N or --all for more\n"
    result = CliRunner().invoke(cli, ["search", str(project), "--annotator", "lin",
                                      "--limit", "1", "--json"])
    data = json.loads(result.stdout)
    assert (data["total"], data["shown"], data["cut"]) == (2, 1, True)
    assert data["hits"][0]["id"] == "s1"
    result = CliRunner().invoke(cli, ["search", str(project), "--annotator", "lin",
                                      "--limit", "1"])
    assert result.stderr == "1 of 2 spans shown; --limit N or --all for more\n"


def test_within_finds_what_the_paged_search_finds(project):
    """``within`` (one pass over the documents holding spans, which the command counts
    with) gives exactly the hits ``first_inside`` pages to through the corpus search, for
    random spans over the seeds — nested, overlapping and touching ones included."""
    import random

    from annotator.core.concordance import take, within

    rng = random.Random(15)
    with Store.open(project) as store:
        docs = store.documents()
        texts = {d.id: store.document(d.id).text for d in docs}
        for query in ("安全", "上海合作组织", "会议", "執法", "北京"):
            spans = [Hit(d.id, s, s + rng.randint(1, 60)) for d in docs[:4]
                     for s in sorted(rng.sample(range(len(texts[d.id]) - 60), 40))]
            paged = first_inside(lambda n, skip, q=query: store.search(q, limit=n, offset=skip),
                                 spans, 10**6, page=7)
            found = list(within(store.texts(d.id for d in docs), query, spans))
            assert found == paged and found, query
            assert take(within(store.texts(texts), query, spans), 3) == (found[:3], len(found))


def test_an_annotators_spans_are_their_own_not_the_gold_they_made(project, tmp_path):
    """lin reviews too: the gold copy she made of her own span is a decision, not one of
    her annotations (as agreement and review mode count them)."""
    import shutil

    from annotator.core.dataset import ReviewDecision

    path = tmp_path / "reviewed.annotator"
    shutil.copy(project, path)
    with Store.open(path) as store:
        [s1] = [a for a in store.find_spans(annotator="lin") if a.id == "s1"]
        store.insert_annotations([s1._replace(id="g1")])
        store.insert_decisions([ReviewDecision("r1", s1.doc_id, "lin", "accepted", ("s1",),
                                               "g1")])
    data = json.loads(run("search", path, "--annotator", "lin", "--json").output)
    assert [h["id"] for h in data["hits"]] == ["s1", "s2"] and data["total"] == 2
    data = json.loads(run("search", path, "北京", "--annotator", "lin", "--json").output)
    assert data["total"] == 2
    data = json.loads(run("search", path, "--tag", "actor.state", "--json").output)
    assert sorted(h["id"] for h in data["hits"]) == ["g1", "s1"]  # every span with the tag


def test_sort_by_the_word_before_orders_the_lines_shown(project):
    plain = run("search", project, "合作", "--all", "--json")
    ordered = run("search", project, "合作", "--all", "--json", "--sort", "before")
    assert plain.exit_code == ordered.exit_code == 0
    hits, again = json.loads(plain.output)["hits"], json.loads(ordered.output)["hits"]
    assert sorted(map(str, hits)) == sorted(map(str, again)) and hits != again
    lefts = [h["left"] for h in again]
    assert lefts.index(next(x for x in lefts if x.endswith("上海"))) < \
        lefts.index(next(x for x in lefts if x.endswith("安全")))


def test_conll_export_per_word(project, tmp_path):
    out = tmp_path / "w.conll"
    result = run("export", project, "--format", "conll", "--tokens", "word", "--out", out)
    assert result.exit_code == 0, result.output
    words = [ln.split("\t")[0] for ln in out.read_text(encoding="utf-8").splitlines() if ln]
    assert "上海合作组织" in words or "上海" in words
    assert max(len(w) for w in words) > 1
    refused = run("export", project, "--format", "csv", "--tokens", "word", "--out", out)
    assert refused.exit_code == 1 and "conll only" in refused.output
