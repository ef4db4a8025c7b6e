"""Files in, documents out: encodings, HTML, JSON records, folders, and bad input."""

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.document import unsafe_char
from annotator.core.errors import InputError
from annotator.ingest.importer import build_document, documents_from_file, read_paths
from annotator.ingest.metadata import TITLE_LONGEST
from annotator.ingest.rules import RULE_NAMES
from annotator.ingest.tracked import LogEntry, restore

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(n: int) -> str:
    return next(SEEDS.glob(f"{n:03d}_*.txt")).read_text(encoding="utf-8")


def big5_able(text: str) -> str:
    """A Big5 archive has no tone-marked pinyin: drop the converter's (zhí) first."""
    return re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", text)


def canonical(path: Path) -> str:
    [doc] = documents_from_file(path)
    return doc.text


def html_page(text: str, title: str, h1: bool = False) -> str:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in text.split("\n") if line.strip())
    heading = f"<h1>{title}</h1>" if h1 else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} - 新闻网</title>
<meta property="article:published_time" content="2021-06-23T10:00:00+08:00">
<style>p {{ color: red }}</style><script>var menu = "首页";</script></head>
<body><nav><a href="/">首页</a> <a href="/a">国际</a> <a href="/b">军事</a></nav>
<div class="menu"><a href="/c">财经</a> <a href="/d">体育</a> <a href="/e">娱乐</a></div>
<article>{heading}{paragraphs}</article>
<ul class="related"><li><a href="/x">相关新闻一</a></li><li><a href="/y">相关新闻二</a></li></ul>
<footer>版权所有 © 2021 新闻网</footer></body></html>"""


@pytest.mark.parametrize("n", [3, 4])
def test_same_article_in_every_encoding_gives_same_text(tmp_path, n):
    text = big5_able(seed(n))
    reference = tmp_path / "utf8.txt"
    reference.write_text(text, encoding="utf-8")
    expected = canonical(reference)
    variants = {
        "gb18030.txt": text.encode("gb18030"),
        "utf16.txt": text.encode("utf-16"),  # with BOM
        "utf8bom-crlf.txt": "\ufeff".encode() + text.replace("\n", "\r\n").encode("utf-8"),
        "page.html": html_page(text, "标题").encode("utf-8"),
    }
    if n == 4:  # the traditional-character seed is what Big5 archives hold
        variants["big5.txt"] = text.encode("big5")
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
        assert canonical(tmp_path / name) == expected, name


def test_encodings_are_reported(tmp_path):
    (tmp_path / "a.txt").write_bytes(seed(3).encode("gb18030"))
    (tmp_path / "b.txt").write_bytes(big5_able(seed(4)).encode("big5"))
    [a] = documents_from_file(tmp_path / "a.txt")
    [b] = documents_from_file(tmp_path / "b.txt")
    assert a.encoding == "gb18030" and b.encoding.startswith("big5")


def test_html_metadata_and_noise_record(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(html_page(seed(3), "上合组织安全会议秘书会议"), encoding="utf-8")
    [doc] = documents_from_file(path)
    assert doc.title == "上合组织安全会议秘书会议"
    assert doc.date and doc.date.startswith("2021-06-23")
    assert "首页" not in doc.text and "相关新闻" not in doc.text and "版权" not in doc.text
    assert doc.raw and "<nav>" in doc.raw
    assert doc.metadata["html_removed"]


def test_html_heading_in_article_is_the_first_paragraph(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(html_page(seed(3), "上合组织安全会议秘书会议", h1=True), encoding="utf-8")
    [doc] = documents_from_file(path)
    assert doc.text.split("\n")[0] == "上合组织安全会议秘书会议"
    assert doc.text.split("\n")[1].startswith("新华社北京5月22日电")


def test_json_and_jsonl_records(tmp_path):
    records = [{"title": "一", "text": seed(3), "date": "2018-05-22", "url": "http://x"},
               {"title": "二", "text": seed(4)}]
    (tmp_path / "a.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    for name in ("a.json", "b.jsonl"):
        docs = documents_from_file(tmp_path / name)
        assert [d.title for d in docs] == ["一", "二"]
        assert docs[0].date == "2018-05-22" and docs[0].metadata["record"] == {"url": "http://x"}
        assert "(zhí)" not in docs[1].text


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n \r\n", "empty"),
    ("nul.txt", b"abc\x00\x01\x02\x03" * 50, "binary"),
    ("random.txt", bytes(range(256)) * 8, "binary|not text"),
    ("doc.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
    ("bad.json", b'[{"title": "x", "text": ', "invalid JSON at line 1"),
    ("bad.jsonl", b'{"text": "ok"}\n{"title": 1}\n', "line 2: each record needs a \"text\""),
    ("menu.txt", "图片 1\n\n图片 2\n".encode(), "no text left after cleaning"),
])
def test_bad_input_gets_one_line_naming_file(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        documents_from_file(path)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert __import__("re").search(reason, message), message


def test_folder_import_goes_on_past_bad_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(seed(0), encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_bytes(seed(1).encode("gb18030"))
    (tmp_path / "sub" / "broken.txt").write_bytes(b"\x00\xff" * 100)
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    results = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    errors = [r for r in results if isinstance(r, InputError)]
    docs = [d for r in results if isinstance(r, list) for d in r]
    assert len(docs) == 2
    assert sorted(Path(e.path).name for e in errors) == ["broken.txt", "missing.txt"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_a_text_file_with_characters_xml_cannot_carry_imports_without_them(tmp_path, encoding):
    body = "成员国安全会议秘书第十三次会议在北京举行，会议由中方主持。" * 2
    original = f"上合组织\x01安全\x0b合作\ufffe取得成果。\n第二段\x01\x01。{body}"
    path = tmp_path / "a.txt"
    path.write_bytes(original.encode(encoding))
    [doc] = documents_from_file(path)
    assert doc.text == f"上合组织安全\n合作取得成果。\n第二段。{body}"
    assert unsafe_char(doc.text) is None
    log = [LogEntry.from_dict(e) for e in doc.cleaning]
    assert restore(doc.text, log) == doc.original == original
    removed = {e.removed: (e.rule, e.orig_start) for e in log if e.rule != "whitespace"}
    assert removed == {"\x01": ("control-characters", 4), "\x0b": ("line-endings", 7),
                       "\ufffe": ("control-characters", 10), "\x01\x01": (
                           "control-characters", 20)}


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.sampled_from("上合组织。 \n\r\t\x01\x02\x0b\x0c\x1b\x1f\x7f\ufffe\uffff"
                                "\u200bab"), min_size=1, max_size=60))
def test_any_text_file_imports_with_unsafe_characters_removed_and_logged(tmp_path, text):
    path = tmp_path / "any.txt"
    path.write_bytes(text.encode("utf-8"))
    try:
        [doc] = documents_from_file(path)
    except InputError as e:
        assert re.search("empty|no text left|binary", e.reason), e.reason
        return
    assert unsafe_char(doc.text) is None
    log = [LogEntry.from_dict(e) for e in doc.cleaning]
    assert restore(doc.text, log) == doc.original == text.lstrip("\ufeff")


def test_json_records_and_html_lose_unsafe_characters_with_a_record(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "上合\u0001组织举行会议。"}),
                                      encoding="utf-8")
    [record] = documents_from_file(tmp_path / "a.jsonl")
    assert record.text == "上合组织举行会议。"
    assert [e["removed"] for e in record.cleaning] == ["\x01"]
    page = "<html><body><p>上合\x01组织\x1b举行&#xFFFE;会议。</p></body></html>"
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    [doc] = documents_from_file(tmp_path / "a.html")
    assert doc.text == "上合组织举行会议。" and doc.raw == page
    assert {"reason": "control characters", "text": "U+0001, U+001B"} in \
        doc.metadata["html_removed"]


def test_a_folder_import_never_follows_a_link_out_of_the_folder(tmp_path):
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("机密：" + seed(0), encoding="utf-8")
    (outside / "more.txt").write_text("机密二：" + seed(1), encoding="utf-8")
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(seed(3), encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(seed(4), encoding="utf-8")
    (folder / "x.txt").symlink_to(outside / "secret.txt")
    (folder / "sub" / "up.txt").symlink_to("../../private/secret.txt")
    (folder / "private").symlink_to(outside, target_is_directory=True)
    (folder / "again.txt").symlink_to("sub/b.txt")  # stays inside: followed
    results = list(read_paths([folder]))
    texts = [d.text for r in results if isinstance(r, list) for d in r]
    assert len(texts) == 3 and not any("机密" in t for t in texts)
    errors = {Path(e.path).name: e.reason for e in results if isinstance(e, InputError)}
    real = outside.resolve()
    assert errors == {
        "private": f"a link to {real}, outside {folder}: not followed",
        "x.txt": f"a link to {real / 'secret.txt'}, outside {folder}: not followed",
        "up.txt": f"a link to {real / 'secret.txt'}, outside {folder}: not followed",
    }
    # a link named on its own is the user's choice: followed
    [doc] = documents_from_file(folder / "x.txt")
    assert doc.text.startswith("机密")


def test_no_title_is_longer_than_the_limit_whatever_the_file_says(tmp_path):
    line = "上海合作组织成员国安全会议秘书会议在北京举行" * 50_000
    (tmp_path / "one-line.txt").write_text(line, encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(json.dumps({"title": line, "text": seed(3)},
                                                       ensure_ascii=False), encoding="utf-8")
    (tmp_path / "page.html").write_text(html_page(seed(3), line), encoding="utf-8")
    docs = [d for r in read_paths([tmp_path]) for d in r]
    assert len(docs) == 3
    for doc in docs:
        assert 10 <= len(doc.title) <= TITLE_LONGEST, doc.origin
        assert doc.title.startswith("上海合作组织成员国安全会议秘书会议在北京举行"), doc.title


@pytest.mark.parametrize("n", range(5))
@pytest.mark.parametrize("skipped", [["scrape-crumbs"], ["byline", "site-boilerplate"],
                                     list(RULE_NAMES)], ids=["crumbs", "bylines", "all"])
def test_skipping_rules_changes_no_metadata(n, skipped):
    every = build_document(seed(n), f"seed{n}.txt", None)
    fewer = build_document(seed(n), f"seed{n}.txt", [r for r in RULE_NAMES if r not in skipped])
    assert (fewer.title, fewer.date, fewer.source) == (every.title, every.date, every.source)
    assert read_from(fewer) == read_from(every)


def read_from(doc) -> dict:
    """The metadata read from the text (not how it was cleaned)."""
    return {k: v for k, v in doc.metadata.items() if k not in ("cleaning_rules", "paragraphs")}


MENU_PAGES = {
    "portal": """<!DOCTYPE html><html><head><meta charset="utf-8"><title>新华网_让新闻离你更近
</title></head><body>
<div class="top"><span>首页</span> <span>时政</span> <span>国际</span> <span>财经</span>
<span>军事</span> <span>体育</span></div>
<div class="links"><a href="/1">上合组织峰会在青岛举行</a><br><a href="/2">国防部长会议在北京举行
</a><br><a href="/3">联合反恐演习圆满结束</a></div>
<div class="bottom">关于我们 | 联系我们 | 网站地图 | 广告服务</div></body></html>""",
    "cells": """<html><head><title>频道首页</title></head><body><table><tr><td>首页</td>
<td>新闻中心</td><td>政务公开</td><td>办事服务</td><td>互动交流</td></tr></table>
<ul><li>首页</li><li>国际</li><li>国内</li><li>军事</li></ul></body></html>""",
    "not found": """<html><head><title>页面不存在</title></head><body><h1>404</h1>
<p>首页 | 国际 | 军事 | 财经 | 体育 | 娱乐 | 科技</p><p>当前位置：首页 &gt; 正文</p></body></html>""",
    "english": """<html><body><div>Home | News | World | Business | Sports</div>
<div>About Us  Contact  Site Map</div></body></html>""",
}


@pytest.mark.parametrize("name", sorted(MENU_PAGES))
def test_a_page_of_menus_only_is_refused_not_imported(tmp_path, name):
    path = tmp_path / "page.html"
    path.write_text(MENU_PAGES[name], encoding="utf-8")
    with pytest.raises(InputError, match="no article text found in HTML") as info:
        documents_from_file(path)
    assert str(info.value).startswith(f"{path}: ") and "\n" not in str(info.value)


@pytest.mark.parametrize("body", [
    "<p>会议举行。</p>",
    "<p>The ministers met in Beijing on Tuesday</p>",
    "<div>首页 国际 军事</div><p>上海合作组织成员国安全会议秘书第十三次会议在北京举行</p>",
])
def test_a_page_with_a_little_real_text_is_imported(tmp_path, body):
    path = tmp_path / "page.html"
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    [doc] = documents_from_file(path)
    assert doc.text


def test_an_import_cut_short_and_run_again_adds_the_rest(tmp_path):
    """Cancelled (or crashed) after some files, an import has stored whole files only;
    the same import run again adds exactly the documents still missing (issue 20)."""
    from annotator.core.tagset import default_tagset
    from annotator.project import import_paths
    from annotator.store import Store

    folder = tmp_path / "texts"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02d}.txt").write_text(f"第{i}号文件\n上海合作组织打击恐怖主义。{i}",
                                             encoding="utf-8")
    done = [0]

    def progress(files: int, _new: int) -> None:
        done[0] = files

    with Store.open(tmp_path / "p.annotator", create=True) as store:
        store.set_tagset(default_tagset())
        first = import_paths(store, [folder], progress=progress,
                             cancelled=lambda: done[0] >= 12)
        assert first.cancelled and len(first.added) == len(store.documents()) == 12
        again = import_paths(store, [folder])
        assert not again.cancelled and len(again.added) == 18
        assert len(again.duplicates) == 12 and len(store.documents()) == 30
        assert sorted(d.title for d in store.documents()) == sorted(
            f"第{i}号文件" for i in range(30))
