"""Article extraction from saved web pages built around the seed texts."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.ingest.html import HtmlArticle, extract_html, looks_like_html

SEED_DIR = Path(__file__).resolve().parents[2] / "seeds"
TITLE = "上合组织成员国安全会议秘书会议新闻公报"

# Every kind of page furniture: name -> (reason it is recorded under, markup, a text in it).
NOISE = {
    "script": ("script", '<script>var _hmt = []; track("页面统计");</script>', "页面统计"),
    "style": ("style", "<style>.title { color: #c00 }</style>", "color: #c00"),
    "header": ("header", '<header class="site-header"><a href="/">新华网首页</a></header>',
               "新华网首页"),
    "nav": ("navigation", '<nav><a href="/">首页</a><a href="/p">时政频道</a><a href="/w">国际</a>'
            "</nav>", "时政频道"),
    "menu": ("navigation", '<div class="menu"><a href="/a">财经</a> | <a href="/b">军事</a> | '
             '<a href="/c">体育新闻</a></div>', "体育新闻"),
    "breadcrumb": ("navigation", '<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; '
                   "正文</div>", "当前位置"),
    "share": ("share", '<div class="share-bar"><span>分享到：</span><a href="#">微信</a>'
              '<a href="#">微博</a></div>', "分享到"),
    "related": ("related links", '<div id="related_news"><h3>相关新闻</h3><ul><li><a href="/r1">'
                "上合组织峰会在青岛举行</a> 2018-06-10</li><li><a href=\"/r2\">防长会议在京举行</a>"
                "</li></ul></div>", "上合组织峰会在青岛举行"),
    "comment": ("comment", '<div class="comment-area"><p>网友评论：写得好！</p></div>', "网友评论"),
    "aside": ("aside", "<aside><h3>热点排行</h3><p>今日热点一</p></aside>", "今日热点一"),
    "ad": ("advertisement", '<div class="ad-banner"><span>广告招商热线</span></div>', "广告招商热线"),
    "form": ("form", '<form action="/search"><input name="q"><button>站内搜索</button></form>',
             "站内搜索"),
    "footer": ("footer", "<footer><p>Copyright © 2000-2018 XINHUANET.com All Rights Reserved.</p>"
               "<p>制作单位：新华网股份有限公司</p></footer>", "All Rights Reserved"),
    "links": ("link list", '<div class="links"><a href="/1">友情链接一</a> <a href="/2">友情链接二'
              '</a> <a href="/3">友情链接三</a></div>', "友情链接二"),
}  # fmt: skip


def _seed(number: str) -> str:
    return next(SEED_DIR.glob(f"{number}_*.txt")).read_text(encoding="utf-8")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _page(text: str) -> str:
    paragraphs = "\n".join(f"      <p>{html.escape(line)}</p>" for line in _lines(text))
    noise = {name: markup for name, (_, markup, _) in NOISE.items()}
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>{TITLE} - 新华网</title>
  <meta property="og:title" content="{TITLE}">
  <meta property="article:published_time" content="2018-05-22T18:30:00+08:00">
  <meta name="source" content="来源：新华网">
  {noise["style"]}
</head>
<body>
  {noise["header"]}
  {noise["nav"]}
  <!-- 页面注释不应出现 -->
  {noise["menu"]}{noise["breadcrumb"]}
  <div class="main">
    <div class="head-line"><h1>{TITLE}</h1><div class="info">2018-05-22 来源：新华网</div></div>
    <div id="detail" class="article-content">
{paragraphs}
    </div>
    {noise["share"]}{noise["related"]}{noise["comment"]}
  </div>
  {noise["aside"]}{noise["ad"]}{noise["form"]}{noise["links"]}
  {noise["footer"]}
  {noise["script"]}
</body>
</html>
"""


@pytest.mark.parametrize("number", ["003", "004"])
def test_seed_page(number: str) -> None:
    text = _seed(number)
    article = extract_html(_page(text), "page.html")
    assert list(article.paragraphs) == _lines(text)
    assert article.title == TITLE
    assert article.date == "2018-05-22T18:30:00+08:00"
    assert article.source == "新华网"
    body = "\n".join(article.paragraphs)
    for name, (reason, _, snippet) in NOISE.items():
        assert snippet not in body, name
        assert any(r == reason and snippet in t for r, t in article.removed), name
    assert len(article.removed) == len(NOISE)
    assert "页面注释" not in body


def test_removed_is_in_document_order_and_truncated() -> None:
    long_script = "<script>" + "x = 1;" * 100 + "</script>"
    article = extract_html(
        f"<html><body>{long_script}<p>正文。</p><footer>页脚</footer></body></html>"
    )
    assert [reason for reason, _ in article.removed] == ["script", "footer"]
    assert len(article.removed[0][1]) == 200
    assert article.paragraphs == ("正文。",)


def test_article_element_with_header_and_body() -> None:
    page = """<html><head><title>标题_环球网</title></head><body>
      <div class="shadow"><a href="/">首页</a></div>
      <article><header class="article-header"><h1 class="header-title">文章标题</h1>
        <p class="byline">2021-06-23 来源：公安部</p></header>
        <div itemprop="articleBody" class="shadow-box">
          <p>第一段，中<b>华</b>人<a href="/x">民</a>共<span>和</span>国。</p>
          <p>第二段
             继续，English words
             stay apart.</p>
        </div></article></body></html>"""
    article = extract_html(page)
    assert article.paragraphs == (
        "第一段，中华人民共和国。",
        "第二段继续，English words stay apart.",
    )
    assert article.title == "文章标题"
    assert article.removed == ()


def test_paragraphs_without_content_markup() -> None:
    """No article/content names: the block with most text wins, the sidebar does not."""
    lines = _lines(_seed("003"))[:6]
    page = (
        "<html><body><div><div>"
        + "".join(f"<p>{line}</p>" for line in lines)
        + "</div><div><p>联系我们</p><p>网站地图</p></div></div></body></html>"
    )
    assert list(extract_html(page).paragraphs) == lines


def test_br_separated_lines() -> None:
    page = "<html><body><div>第一行中文<br>第二行<b>粗体</b>文字<br/><br>  第三行  </div></body></html>"
    assert extract_html(page).paragraphs == ("第一行中文", "第二行粗体文字", "第三行")


def test_layout_table_cells() -> None:
    page = """<html><body><table>
      <tr><td><a href="/">首页</a> <a href="/n">新闻</a> <a href="/p">图片</a></td></tr>
      <tr><td>正文第一段内容。<br>正文第二段。</td></tr>
      <tr><td>第三段在另一行。</td></tr></table></body></html>"""
    article = extract_html(page)
    assert article.paragraphs == ("正文第一段内容。", "正文第二段。", "第三段在另一行。")
    assert article.removed == (("link list", "首页 新闻 图片"),)


def test_entities_decode() -> None:
    article = extract_html("<p>A &amp; B &lt;C&gt; &#x4E2D;&#25991;&nbsp;&quot;引号&quot;</p>")
    assert article.paragraphs == ('A & B <C> 中文 "引号"',)


def test_xxe_is_not_resolved() -> None:
    page = (
        '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<html><body><p>前&x;后</p></body></html>"
    )
    article = extract_html(page)
    text = "\n".join(article.paragraphs)
    assert "root:" not in text and "]>" not in text
    assert text.startswith("前") and text.endswith("后")


def test_xml_declaration_and_legacy_charset() -> None:
    page = (
        '<?xml version="1.0" encoding="gb2312"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"/></head>'
        "<body><p>中文正文。</p></body></html>"
    )
    assert extract_html(page).paragraphs == ("中文正文。",)


@pytest.mark.parametrize(
    "page",
    ["", "   \n", "<html></html>", "<html><body>  </body></html>",
     "<html><head><script>var a = 1;</script></head><body><script>alert('中文')</script>"
     "<noscript>请启用JavaScript</noscript></body></html>",
     "<!-- 只有注释 -->", "<html><body><nav><a href='/'>首页</a></nav></body></html>"],
)  # fmt: skip
def test_no_text_raises(page: str) -> None:
    with pytest.raises(InputError) as info:
        extract_html(page, "dir/page.html")
    assert str(info.value) == "dir/page.html: no article text found in HTML"


@pytest.mark.parametrize(
    "page",
    ["<p>未闭合<p>另一段<div>嵌套</span></b></i>文本<table><td>单元格</div></body>",
     "<html><body><div class='content'><p>a\x00b\x01c</p></div>", "</html><p>倒置</p><html>",
     "<p>" + "<div>" * 3000 + "深" + "</div>" * 3000],
)  # fmt: skip
def test_malformed_html_does_not_crash(page: str) -> None:
    try:
        article = extract_html(page)
    except InputError:
        return
    assert all(p.strip() for p in article.paragraphs)


_FRAGMENTS = st.sampled_from(
    ["<p>", "</p>", "<div class='content'>", "</div>", "<br>", "<a href='x'>", "</a>", "<b>",
     "<script>", "</script>", "<!--", "-->", "<!DOCTYPE html [", "]>", "&amp;", "&#x4E2D;", "&x;",
     "<table><tr><td>", "<nav>", "<?xml version='1.0'?>", "上合组织", "安全合作。", " ", "\n"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=5)), max_size=40).map("".join))
def test_random_markup_only_raises_input_error(page: str) -> None:
    try:
        article = extract_html(page)
    except InputError:
        return
    assert isinstance(article, HtmlArticle)
    assert all(p and p == p.strip() for p in article.paragraphs)


def test_title_falls_back_to_h1_then_title_tag() -> None:
    body = "<body><div class='content'><h1>正文标题</h1><p>正文第一段。</p></div></body>"
    assert extract_html(f"<html><head><title>页面 - 新华网</title></head>{body}</html>").title == (
        "正文标题"
    )
    for title, expected in [
        ("中方介绍合作成果 - 新华网", "中方介绍合作成果"),
        ("中方介绍合作成果_环球网", "中方介绍合作成果"),
        ("SCO meeting held | China Daily", "SCO meeting held"),
        ("COVID-19 疫情通报", "COVID-19 疫情通报"),
    ]:
        page = f"<html><head><title>{title}</title></head><body><p>正文。</p></body></html>"
        assert extract_html(page).title == expected
    assert extract_html("<p>正文。</p>").title is None


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ('<meta name="pubdate" content="2021-06-23">', "2021-06-23"),
        ('<meta name="PubDate" content="2021-06-23 08:05">', "2021-06-23T08:05:00"),
        ('<meta name="publishdate" content="2021年6月3日">', "2021-06-03"),
        ('<meta name="date" content="2021/06/23">', "2021-06-23"),
        ('<meta name="pubdate" content="2021-13-45">', None),
        ("", None),
    ],
)
def test_date_from_meta(meta: str, expected: str | None) -> None:
    page = f"<html><head>{meta}</head><body><p>正文。</p></body></html>"
    assert extract_html(page).date == expected


def test_date_from_time_element() -> None:
    page = '<article><time datetime="2021-06-23T08:00:00Z">6月23日</time><p>正文。</p></article>'
    assert extract_html(page).date == "2021-06-23T08:00:00Z"


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ('<meta name="source" content="公安部网站">', "公安部网站"),
        ('<meta name="author" content="李天毅">', "李天毅"),
        ('<meta property="og:site_name" content="环球网">', "环球网"),
        ("", None),
    ],
)
def test_source(meta: str, expected: str | None) -> None:
    page = f"<html><head>{meta}</head><body><p>正文。</p></body></html>"
    assert extract_html(page).source == expected


def test_class_words_match_whole_words_only() -> None:
    page = """<html><body><div class="shadow download header-title"><p>保留这一段。</p></div>
      <div class="adBox"><p>广告</p></div><div class="sidebar-left"><p>侧栏</p></div></body></html>"""
    article = extract_html(page)
    assert article.paragraphs == ("保留这一段。",)
    assert [reason for reason, _ in article.removed] == ["advertisement", "aside"]


def test_page_wide_form_wrapper_is_kept() -> None:
    page = """<html><body><form id="form1"><div class="nav"><a>首页</a><a>要闻</a></div>
      <div id="zoom"><p>政府网站正文第一段。</p><p>第二段。</p></div></form></body></html>"""
    article = extract_html(page)
    assert article.paragraphs == ("政府网站正文第一段。", "第二段。")
    assert [reason for reason, _ in article.removed] == ["navigation"]


def test_hidden_elements_are_dropped() -> None:
    page = '<p>可见。</p><div style="display: none">隐藏</div><p hidden>也隐藏</p>'
    article = extract_html(page)
    assert article.paragraphs == ("可见。",)
    assert [reason for reason, _ in article.removed] == ["hidden", "hidden"]


def test_pre_keeps_lines() -> None:
    assert extract_html("<pre>第一行\n第二行\n\n第三行</pre>").paragraphs == (
        "第一行",
        "第二行",
        "第三行",
    )


def test_looks_like_html() -> None:
    assert looks_like_html(_page(_seed("003")))
    assert looks_like_html("\ufeff<!DOCTYPE html><p>x</p>")
    assert looks_like_html("  <HTML><body>x</body></HTML>")
    assert looks_like_html("<div>一</div>\n<p>二</p><br>")
    for path in SEED_DIR.glob("*.txt"):
        assert not looks_like_html(path.read_text(encoding="utf-8"))
    assert not looks_like_html("a < b and <p> is a tag name")
    assert not looks_like_html('<?xml version="1.0"?><TEI><text>x</text></TEI>')


def test_site_header_with_logo_h1_is_dropped() -> None:
    page = """<html><body><div class="header"><h1 class="logo"><a href="/">新华网</a></h1></div>
      <div class="content"><p>正文一。</p><p>正文二。</p></div></body></html>"""
    article = extract_html(page)
    assert article.paragraphs == ("正文一。", "正文二。")
    assert article.title is None
    assert article.removed == (("header", "新华网"),)


def test_title_header_outside_article_gives_title_not_paragraph() -> None:
    page = """<html><body><header><h1>真正的标题</h1><p>2021-01-01</p></header>
      <div><p>正文第一段。</p><p>正文第二段。</p></div></body></html>"""
    article = extract_html(page)
    assert article.paragraphs == ("正文第一段。", "正文第二段。")
    assert article.title == "真正的标题"
