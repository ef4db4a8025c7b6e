"""Extract the article text of a saved news/policy web page.

lxml parses without network or DTD entities; page furniture (scripts, menus,
footers, related links, share buttons ...) is dropped and recorded, the main
content block chosen, and each block or ``<br>``-separated line becomes a paragraph.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from annotator.core.errors import InputError
from annotator.ingest.limits import MAX_HTML_TAGS

__all__ = ["HtmlArticle", "extract_html", "looks_like_html"]


@dataclass(frozen=True)
class HtmlArticle:
    paragraphs: tuple[str, ...]
    title: str | None
    date: str | None  # 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM:SS[+HH:MM]'
    source: str | None
    removed: tuple[tuple[str, str], ...]  # (reason, text truncated to 200 chars)


_NO_TEXT = "no article text found in HTML"


def _by_word(table: dict[str, str]) -> dict[str, str]:
    """{'reason': 'word word'} -> {'word': 'reason', ...}"""
    return {word: reason for reason, words in table.items() for word in words.split()}


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_BLOCK_TAGS = _wordset(
    "address article aside blockquote body caption center dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav "
    "ol p pre section summary table tbody td tfoot th thead tr ul"
)
_LEAF_BLOCKS = _wordset("p h1 h2 h3 h4 h5 h6 li dt dd pre blockquote caption th")
_HEADINGS = _wordset("h1 h2 h3 h4 h5 h6")
_TABLE_PARTS = _wordset("td th tr tbody thead tfoot")
_HEADER_TOKENS = _wordset("header site-header page-header masthead topbar top-bar")
_CONTENT_WORDS = _wordset("article content main text body post entry story detail zw")
_ALWAYS_DROP = _by_word({
    "script": "script noscript", "style": "style", "template": "template", "iframe": "iframe frame",
    "svg": "svg", "embed": "object embed", "media": "canvas video audio",
})  # fmt: skip
_STRUCTURE_DROP = _by_word({
    "form": "form button select input textarea",
    "navigation": "nav", "footer": "footer", "aside": "aside",
})  # fmt: skip
_NOISE = _by_word({  # words of id / class / role values
    "navigation": "menu nav navbar navigation breadcrumb breadcrumbs crumb crumbs menubar topnav",
    "related links": "related relate recommend recommended recommendation recommendations xgxw",
    "advertisement": "ad ads adv advert advertisement advertising sponsor guanggao",
    "footer": "footer copyright contentinfo", "aside": "sidebar complementary", "form": "search",
    "share": "share sharing bdshare social", "comment": "comment comments pinglun",
    "login": "login signin logon register", "toolbar": "toolbar",
    "pagination": "pagination pager paging",
})  # fmt: skip
_DATE_KEYS = (
    "article:published_time", "pubdate", "publishdate", "date", "publish_date",
    "datepublished", "og:published_time", "dc.date", "dc.date.issued",
)  # fmt: skip
_SOURCE_KEYS = ("source", "author", "og:site_name")

_WS = re.compile(r"\s+")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
_WEIGHT = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[A-Za-z0-9]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PROLOG = re.compile(r"<\?xml[^>]*>|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>", re.I | re.S)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TITLE_SEP = re.compile(r"^(?P<head>.+)(?:\s+[-–—|·:]\s+|\s*(?:[_|｜]|——|－|--)\s*)(?P<tail>.+)$")
_DATE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[T\s]*(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_SOURCE_PREFIX = re.compile(r"^(?:来源|來源|source)\s*[:：]\s*", re.I)
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.I)
_HTML_TAG = re.compile(r"<(?:p|div|br|h[1-6]|table|td|li|body|head|title|meta|span)[\s/>]", re.I)


def looks_like_html(text: str) -> bool:
    """True if ``text`` starts like a web page rather than plain text."""
    head = text[:2048]
    return bool(_HTML_START.search(head)) or len(_HTML_TAG.findall(head)) >= 3


def extract_html(html: str, path: str | None = None) -> HtmlArticle:
    """Main text, metadata and the dropped noise of one HTML page."""
    removed: list[tuple[str, str]] = []
    root = _parse(html, path, removed)
    meta = _meta_tags(root)
    body = root.find("body")
    body = root if body is None else body
    _prune(root, lambda el: _ALWAYS_DROP.get(el.tag), removed)
    total = _text_len(body)
    _prune(root, lambda el: _noise_reason(el, total), removed)
    total = _text_len(body)
    _prune(body, lambda el: _link_list_reason(el, total), removed)
    main = _main_content(body)
    paragraphs = _paragraphs(main)
    if not paragraphs:
        raise InputError(path, _NO_TEXT)
    title = meta.get("og:title") or _h1_title(main) or _page_title(root)
    return HtmlArticle(tuple(paragraphs), title, _date(body, meta), _source(meta), tuple(removed))


def _parse(html: str, path: str | None, removed: list[tuple[str, str]]) -> etree._Element:
    """The page's tree. The XML declaration (lxml refuses it in a str) and any DOCTYPE with
    an internal subset (never expanded, but its "]>" would leak into the text) go, and so
    do control characters (lxml refuses them), recorded in ``removed``."""
    text = _PROLOG.sub("", html.lstrip("\ufeff"), count=2)
    if controls := _CONTROL.findall(text):
        codes = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(controls))
        removed.append(("control characters", codes[:200]))
        text = _CONTROL.sub("", text)
    if not text.strip():
        raise InputError(path, _NO_TEXT)
    tags = text.count("<")
    if tags > MAX_HTML_TAGS:
        raise InputError(path, f"too much markup for a web page ({tags:,} tags; the limit is "
                               f"{MAX_HTML_TAGS:,})")
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                  huge_tree=False)
    try:
        return lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):  # "Document is empty" and the like
        raise InputError(path, _NO_TEXT) from None


def _prune(root, reason_of, removed: list[tuple[str, str]]) -> None:
    """Drop, in document order, every element for which ``reason_of`` gives a reason."""
    stack = list(reversed(root))
    while stack:
        el = stack.pop()
        reason = reason_of(el) if isinstance(el.tag, str) else None
        if reason:
            removed.append((reason, " ".join(_paragraphs(el))[:200]))
            el.drop_tree()
        else:
            stack.extend(reversed(el))


def _noise_reason(el, total: int) -> str | None:
    if el.tag in ("html", "head", "body") or _is_article_body(el):
        return None
    reason = _STRUCTURE_DROP.get(el.tag) or _attribute_reason(el)
    if el.get("hidden") is not None or _HIDDEN.search(el.get("style", "")):
        reason = "hidden"
    if reason is None and _is_page_header(el):
        reason = "header"
    if reason and total and _text_len(el) >= 0.5 * total:
        return None  # wraps most of the page's text (e.g. an ASP.NET <form>): keep
    return reason


def _attribute_reason(el) -> str | None:
    words = _words(f"{el.get('id', '')} {el.get('class', '')} {el.get('role', '')}")
    return next((_NOISE[word] for word in words if word in _NOISE), None)


def _words(value: str) -> list[str]:
    """Words of id/class values: 'adBox related_list' -> ['ad', 'box', 'related', 'list']."""
    return re.split(r"[^a-z0-9]+", re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", value).lower())


def _is_page_header(el) -> bool:
    """A site header (<header>, class 'header', role banner), not an article's header."""
    tokens = f"{el.get('id', '')} {el.get('class', '')}".lower().split()
    if el.tag != "header" and el.get("role") != "banner" and _HEADER_TOKENS.isdisjoint(tokens):
        return False
    if any(a.tag in ("article", "main") or _is_article_body(a) for a in el.iterancestors()):
        return False
    titled = any(_text_len(h1) for h1 in el.iter("h1"))  # a linked logo is no title
    return not titled or el.find(".//nav") is not None


def _is_article_body(el) -> bool:
    return el.get("itemprop") == "articleBody" or el.get("role") == "main"


def _link_list_reason(el, total: int) -> str | None:
    """'link list' for a block of several links with little other text."""
    links = el.findall(".//a")
    if el.tag not in _BLOCK_TAGS or len(links) < 3:
        return None
    text = _dense_len("".join(el.itertext()))
    link_text = sum(_dense_len("".join(a.itertext())) for a in links)
    if not text or link_text / text <= 0.5 or text - link_text >= 0.3 * total > 0:
        return None
    return "link list"


def _main_content(body):
    """The content-named element holding most text, narrowed while the rest is chrome."""
    total = _text_len(body)
    candidates = [(el, _text_len(el)) for el in body.iter() if _is_candidate(el)]
    candidates = [(el, size) for el, size in candidates if size and size >= 0.3 * total]
    if not candidates:
        return _best_scored(body)
    best, size = max(candidates, key=lambda c: c[1])  # ties: the outermost
    while True:
        inner = [c for c in candidates if c[0] is not best and _contains(best, c[0])]
        if not inner:
            return best
        child, child_size = max(inner, key=lambda c: c[1])
        if child_size < 0.9 * size and not _residue_is_chrome(best, child, size):
            return best
        best, size = child, child_size


def _is_candidate(el) -> bool:
    if not isinstance(el.tag, str):
        return False
    if el.tag in ("article", "main") or _is_article_body(el):
        return True
    words = _words(f"{el.get('id', '')} {el.get('class', '')}")
    return any(w in _CONTENT_WORDS or w.startswith(("article", "content")) for w in words)


def _contains(outer, inner) -> bool:
    return any(a is outer for a in inner.iterancestors())


def _residue_is_chrome(outer, inner, outer_size: int) -> bool:
    """True if what ``outer`` adds to ``inner`` is a few short lines (title, byline)."""
    inner_paragraphs = set(_paragraphs(inner))
    residue = [p for p in _paragraphs(outer) if p not in inner_paragraphs]
    size = sum(_dense_len(p) for p in residue)
    return len(residue) <= 4 and size <= 0.4 * outer_size and all(len(p) <= 80 for p in residue)


def _best_scored(body):
    """Readability-style: the element whose children hold the most non-link words."""
    scores: dict[etree._Element, float] = {}
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in _HEADINGS:  # titles are not body text
            continue
        weight = len(_WEIGHT.findall(_own_text(el)))
        if not weight:
            continue
        parent = el.getparent()
        grandparent = parent.getparent() if parent is not None else None
        for target, share in ((el, 1.0), (parent, 1.0), (grandparent, 0.5)):
            if target is not None and not (target is el and el.tag in _LEAF_BLOCKS):
                scores[target] = scores.get(target, 0.0) + weight * share
    best = max(scores, key=scores.__getitem__) if scores else body
    if best.tag in _TABLE_PARTS:  # a layout table: its rows belong together
        best = next(best.iterancestors("table"), best)
    return body if best.tag in ("html", "head") else best


def _own_text(el) -> str:
    """Text of ``el`` outside its block children and links."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _BLOCK_TAGS and child.tag != "a":
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _text_len(el) -> int:
    """Non-space characters of ``el`` that are not inside links."""
    links = sum(_dense_len("".join(a.itertext())) for a in el.iter("a"))
    return _dense_len("".join(el.itertext())) - links


def _dense_len(text: str) -> int:
    return len(_WS.sub("", text))


def _paragraphs(root) -> list[str]:
    """One string per block element / ``<br>``-separated line / ``<pre>`` line."""
    paragraphs: list[str] = []
    buffer: list[str] = []
    in_pre = 0

    def flush() -> None:
        text = _clean("".join(buffer))
        buffer.clear()
        if text:
            paragraphs.append(text)

    def add(text: str | None) -> None:
        for i, line in enumerate((text or "").split("\n") if in_pre else [text or ""]):
            if i:
                flush()
            buffer.append(line)

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BLOCK_TAGS or (tag == "br" and event == "start"):
            flush()
        in_pre += (tag == "pre") * (1 if event == "start" else -1)
        if event == "start" and tag:
            add(el.text)
        elif event == "end" and el is not root:
            add(el.tail)
    flush()
    return paragraphs


def _clean(text: str) -> str:
    """Collapse whitespace; a line break between two CJK characters disappears."""

    def space(m: re.Match[str]) -> str:
        s, a, b = m.string, m.start(), m.end()
        joined = "\n" in m.group() and a > 0 and b < len(s)
        return "" if joined and _WIDE.match(s[a - 1]) and _WIDE.match(s[b]) else " "

    return _WS.sub(space, text).strip()


def _meta_tags(root) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        content = _clean(meta.get("content") or "")
        if key and content:
            found.setdefault(key.strip().lower(), content)
    return found


def _h1_title(main) -> str | None:
    """The first <h1> in the main content, else in the nearest enclosing block."""
    for scope in (main, *main.iterancestors()):
        for h1 in scope.iter("h1"):
            text = _clean("".join(h1.itertext()))
            if text:
                return text
    return None


def _page_title(root) -> str | None:
    """<title> without a site-name suffix: '标题 - 新华网' -> '标题'."""
    element = root.find(".//title")
    title = _clean(element.text_content()) if element is not None else ""
    for strips in range(2):  # a second suffix only if shorter than what is left
        m = _TITLE_SEP.match(title)
        head, tail = (m["head"].strip(), m["tail"].strip()) if m else ("", "")
        if not head or len(tail) > 20 or (strips and len(head) <= len(tail)):
            break
        title = head
    return title or None


def _date(body, meta: dict[str, str]) -> str | None:
    values = [meta[key] for key in _DATE_KEYS if key in meta]
    values += [t.get("datetime", "") for t in body.iter("time")]
    return next(filter(None, map(_iso_date, values)), None)


def _iso_date(value: str) -> str | None:
    m = _DATE.search(value)
    if not m:
        return None
    year, month, day, hour, minute, second, zone = m.groups()
    try:
        date = dt.date(int(year), int(month), int(day)).isoformat()
        time = dt.time(int(hour), int(minute), int(second or 0)).isoformat() if hour else None
    except ValueError:
        return None
    if zone and zone != "Z":
        zone = f"{zone[:3]}:{zone[-2:]}"
    return f"{date}T{time}{zone or ''}" if time else date


def _source(meta: dict[str, str]) -> str | None:
    values = (_SOURCE_PREFIX.sub("", meta.get(key, "")).strip() for key in _SOURCE_KEYS)
    return next(filter(None, values), None)
