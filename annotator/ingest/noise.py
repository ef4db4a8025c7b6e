"""Detectors for the noise that scraped Chinese news text carries (see the seed corpus).

Line detectors take one line and return a reason (or ``None``); text detectors take the whole
current text and return :class:`Edit` s. :mod:`annotator.ingest.rules` wires them up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

from annotator.ingest.tracked import Edit

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

# --- zero-width characters -------------------------------------------------------------
_INVISIBLE = re.compile(r"[\u200b\u200e\u200f\u2060\ufeff\u00ad]")
_JOINER = re.compile(rf"(?<=[{HAN}A-Za-z0-9\s])[\u200c\u200d]|[\u200c\u200d](?=[{HAN}A-Za-z0-9\s])")


def zero_width(text: str) -> list[Edit]:
    """Invisible characters; ZWJ/ZWNJ only next to letters (emoji sequences keep theirs)."""
    hits = {m.start() for m in _INVISIBLE.finditer(text)}
    if "\u200c" in text or "\u200d" in text:  # _JOINER tries every position: skip it
        hits |= {m.start() for m in _JOINER.finditer(text)}
    return [Edit(i, i + 1, "", f"zero-width U+{ord(text[i]):04X}") for i in sorted(hits)]


# --- image placeholders ----------------------------------------------------------------
_PLACEHOLDER = re.compile(
    r"\s*(?:图片|圖片|图像|圖像|照片|图|圖|Image|Photo|Picture|IMG)\s*[0-9０-９]{1,3}\s*",
    re.IGNORECASE,
)


def image_placeholder(line: str) -> str | None:
    return "image placeholder" if _PLACEHOLDER.fullmatch(line) else None


# --- bylines glued to scraped text -----------------------------------------------------
_BYLINE = re.compile(
    rf"(?:作者|记者|記者|编辑|編輯|责编|責編|责任编辑|責任編輯)[:：]\s*[{HAN}·]{{2,4}}"
    r"(?=[A-Za-z0-9/]|$)",
    re.MULTILINE,
)


def byline(text: str) -> list[Edit]:
    return [Edit(m.start(), m.end(), "", "byline (kept as metadata)")
            for m in _BYLINE.finditer(text)]


_DAY = (r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})"
        r"\s*(?:(?:星期|周|週)[一二三四五六日天])?")
_CLOCK = r"\d{1,2}(?:[:：]\d{2}(?:[:：]\d{2})?|[时時]\d{1,2}分)"
_SOURCE_LABEL = (r"(?:信息来源|来源|來源|稿源|出处|出處|发布者|發佈者|发布时间|發佈時間|发布日期"
                 r"|發佈日期)\s*[:：]")
_FIELD_LABEL = (rf"(?:{_SOURCE_LABEL}|(?:作者|记者|記者|编辑|編輯|责任编辑|責任編輯|责编|責編"
                r"|点击量|點擊量|阅读量|閱讀量)\s*[:：])")
#: a date with a time, or a date with labelled fields: 2018年05月22日 20:31 来源：新华网
_DATED_LINE = re.compile(rf"\s*{_DAY}\s*(?:{_CLOCK}\s*(?:{_FIELD_LABEL}.*)?|{_FIELD_LABEL}.*)")
_SOURCE_LINE = re.compile(rf"\s*{_SOURCE_LABEL}|.*(?:信息来源|发布者|發佈者)\s*[:：]")


def source_byline(line: str) -> str | None:
    """A line that says when and where the text was published (a date with its time or
    with labelled fields, or a source or publisher label): not the text's."""
    if len(line) > 120 or not (_DATED_LINE.fullmatch(line) or _SOURCE_LINE.match(line)):
        return None
    return "source/date byline (kept as metadata)"


# --- scraping crumbs -------------------------------------------------------------------
_CRUMBS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("JSON fragment", re.compile(r"\[\]|\{\s*\"[^{}\n]*\"\s*:\s*[^{}\n]*\}")),
    ("URL", re.compile(r"https?://[!-~]+")),
    ("domain", re.compile(
        r"(?<![A-Za-z0-9.@-])(?:[a-z0-9-]+\.)+(?:com|cn|net|org|gov|edu|hk|tw|info)"
        r"(?:\.[a-z]{2})?[a-z]*(?![A-Za-z0-9])")),
    ("URL path", re.compile(
        r"(?<![A-Za-z0-9])(?:/[A-Za-z0-9_-]+?)+/?(?=(?:19|20)\d\d年|[^\x00-\x7f]|\s|$)",
        re.MULTILINE)),
    ("id", re.compile(
        r"(?<![A-Za-z0-9])(?=(?:[A-Za-z]*[0-9]){2})(?=(?:[0-9]*[A-Za-z]){2})"
        r"[A-Za-z0-9]{8,}(?![A-Za-z0-9])")),
    ("timestamp or number crumb", re.compile(r"(?<![0-9.])[0-9]{10,}(?![0-9])")),
)


#: The crumb patterns start with a lookbehind, so ``re`` tries them at every position;
#: these find at C speed where a match can be. A whole-run kind's matches are exactly some
#: of the maximal runs found here (the pattern is tried on each). Every match of the other
#: kinds holds what is found here, and starts with it (True) or on its line (False): the
#: pattern is tried from there on (its lookbehind still sees the text before).
_CRUMB_RUNS: dict[str, re.Pattern[str]] = {
    "id": re.compile(r"[A-Za-z0-9][A-Za-z0-9]{7,}"),
    "timestamp or number crumb": re.compile(r"[0-9][0-9]{9,}"),
}
_CRUMB_NEEDS: dict[str, tuple[re.Pattern[str], bool]] = {
    "JSON fragment": (re.compile(r"\[\]|\{"), True),
    "domain": (re.compile(r"\.(?:com|cn|net|org|gov|edu|hk|tw|info)"), False),
    "URL path": (re.compile(r"/[A-Za-z0-9_-]"), True),
}


def _crumb_matches(text: str, reason: str, pattern: re.Pattern[str]) -> Iterator[re.Match]:
    if reason in _CRUMB_RUNS:
        return (m for run in _CRUMB_RUNS[reason].finditer(text)
                if (m := pattern.match(text, run.start())))
    if reason not in _CRUMB_NEEDS:
        return pattern.finditer(text)
    needs, leading = _CRUMB_NEEDS[reason]
    first = needs.search(text)
    if first is None:
        return iter(())
    start = first.start() if leading else text.rfind("\n", 0, first.start()) + 1
    return pattern.finditer(text, start)


def _crumb_hits(text: str) -> list[tuple[int, int, str]]:
    hits = []
    for reason, pattern in _CRUMBS:
        for m in _crumb_matches(text, reason, pattern):
            if reason == "URL path" and not _is_path_crumb(m.group()):
                continue
            if reason == "id" and not _glued_to_cjk(text, m.start(), m.end()):
                continue
            end = m.end()
            if text.startswith("年", end) and _YEAR_TAIL.search(m.group()):
                end -= 4  # "…baf62025年": the year belongs to the text
            hits.append((m.start(), end, reason))
    return sorted(hits)


_YEAR_TAIL = re.compile(r".(?:19|20)[0-9]{2}$")


def _is_path_crumb(path: str) -> bool:
    segments = [s for s in path.split("/") if s]
    return len(segments) >= 2 or any(len(s) >= 6 for s in segments)


def _glued_to_cjk(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    return not (before.isascii() and before != "\n") or not (after.isascii() and after != "\n")


def crumbs(text: str) -> list[Edit]:
    """Merge touching crumbs; a crumb with text on both sides becomes a paragraph break."""
    clusters: list[list] = []
    for start, end, reason in _crumb_hits(text):
        if clusters and start <= clusters[-1][1] + _gap(text, clusters[-1][1], start):
            last = clusters[-1]
            last[1] = max(last[1], end)
            if reason not in last[2]:
                last[2].append(reason)
        else:
            clusters.append([start, end, [reason]])
    edits = []
    for start, end, reasons in clusters:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        between = text[line_start:start].strip() and text[end:line_end].strip()
        edits.append(Edit(start, end, "\n" if between else "",
                          "scraping crumb: " + ", ".join(reasons)))
    return edits


def _gap(text: str, end: int, start: int) -> int:
    """Whitespace-only gaps (on one line) between two crumbs join them."""
    between = text[end:start]
    return len(between) if between.strip(" \t") == "" else 0


# --- site menus ------------------------------------------------------------------------
_SENTENCE_PUNCT = re.compile(r"[。，,；;！!？?、：:“”\"]")
_HAN_RE = re.compile(f"[{HAN}]")
_FUNCTION_WORDS = {"of", "the", "and", "to", "in", "for", "on", "with", "by", "a", "an", "at"}


def site_menu(line: str) -> str | None:
    tokens = line.split()
    if len(tokens) < 6 or any(_SENTENCE_PUNCT.search(t) for t in tokens):
        return None
    han_tokens = [t for t in tokens if _HAN_RE.search(t)]
    if len(han_tokens) >= 0.8 * len(tokens):
        if sum(len(t) for t in han_tokens) / len(han_tokens) <= 6:
            return "site menu"
        return None
    words = [t for t in tokens if t.isalpha()]
    if words and all(w[0].isupper() for w in words) and not _FUNCTION_WORDS & {
        w.lower() for w in tokens
    }:
        return "site menu"
    return None


_RUNNING = re.compile(r"[。！？；，、!?;]|[.,:](?=\s|$)")  # punctuation of sentences
_ITEMS = re.compile(r"[\s|｜/·•>›»]+")
_LONGEST_ITEM = 10  # menu items and labels are shorter (a headline is not)


def menu_only(paragraphs: Iterable[str]) -> bool:
    """True when no paragraph reads as running text: none has the punctuation of a sentence
    or an item longer than a menu's, or an English phrase of four words or more with a
    function word ("of", "the" …): a page of menus, links and labels, not an article."""
    for paragraph in paragraphs:
        if _RUNNING.search(paragraph):
            return False
        items = [i for i in _ITEMS.split(paragraph) if i]
        if any(len(i) > _LONGEST_ITEM for i in items):
            return False
        if len(items) >= 4 and _FUNCTION_WORDS.intersection(map(str.lower, items)):
            return False
    return True


# --- page boilerplate ------------------------------------------------------------------
_BOILERPLATE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("share buttons", re.compile(r"^\s*分享到|分享到[:：]?\s*$")),
    ("site slogan", re.compile(r"欢迎(?:关注|访问|光临)|歡迎(?:關注|訪問|光臨)")),
    ("click counter", re.compile(r"点击量|點擊量|阅读量|閱讀量|浏览次数|瀏覽次數")),
    ("copyright notice", re.compile(
        r"版权所有|版權所有|版权作品|版權作品|未经.{0,8}授权|未經.{0,8}授權|严禁转载|嚴禁轉載"
        r"|Copyright|All rights reserved|©", re.IGNORECASE)),
    ("editor credit", re.compile(r"^\s*[(（]?\s*(?:责任编辑|責任編輯|责编|責編)[:：]")),
    ("page furniture", re.compile(
        r"扫一扫|掃一掃|返回顶部|返回頂部|打印本页|打印本頁|关闭窗口|關閉窗口|【纠错】|【糾錯】"
        r"|^\s*(?:上一篇|下一篇|相关新闻|相關新聞|相关阅读|相關閱讀|相关链接|相關鏈接)")),
)


def boilerplate(line: str) -> str | None:
    if len(line) > 120:
        return None
    for reason, pattern in _BOILERPLATE:
        if pattern.search(line):
            return reason
    return None


# --- pinyin after characters -----------------------------------------------------------
_PINYIN = re.compile(
    rf"(?<=[{HAN}])[(（]([a-zA-Zü\u00c0-\u01ff\u0300-\u036f]{{1,8}})[)）]"
)
_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn"
    r"|ia|ie|iu|ua|uo|ui|ue|ve|a|o|e|i|u|v)"
)


@lru_cache(maxsize=4096)
def _is_pinyin(word: str) -> bool:
    """A pinyin syllable with a tone mark (bare syllables like "a" or "he" may be English)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    marks = {c for c in decomposed if unicodedata.combining(c)}
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    if "\u0308" in marks:  # ü
        bare = bare.replace("u", "v")
    return bool(marks - {"\u0308"}) and bool(_SYLLABLE.fullmatch(bare))


def pinyin(text: str) -> list[Edit]:
    if "(" not in text and "（" not in text:  # _PINYIN tries every position: skip it
        return []
    return [Edit(m.start(), m.end(), "", f"pinyin after character: {m.group()}")
            for m in _PINYIN.finditer(text) if _is_pinyin(m.group(1))]


# --- repeated paragraphs ---------------------------------------------------------------
LONG_PARAGRAPH, REPEATED_RUN, CONTAINED = 100, 3, 500


def repeats(text: str) -> list[Edit]:
    """Exact repeats of long paragraphs or of runs of paragraphs, and long paragraphs that an
    earlier paragraph already contains whole (a body scraped twice)."""
    seen: set[str] = set()
    repeated: list[tuple[int, int, bool]] = []  # (start, end, long enough on its own)
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line:
            continue
        if line in seen:
            repeated.append((start, end, len(line) >= LONG_PARAGRAPH))
        elif len(line) >= CONTAINED and text.find(line, 0, start) >= 0:
            repeated.append((start, end, True))
        else:
            repeated.append((-1, -1, False))
            seen.add(line)
    return _repeat_edits(text, repeated)


def _repeat_edits(text: str, marks: list[tuple[int, int, bool]]) -> list[Edit]:
    dropped: list[list[int]] = []  # [start, end] of runs of adjoining lines to drop
    run: list[tuple[int, int, bool]] = []
    for mark in marks + [(-1, -1, False)]:
        if mark[0] >= 0:
            run.append(mark)
            continue
        for start, end, long_enough in run:
            if not (long_enough or len(run) >= REPEATED_RUN):
                continue
            if dropped and dropped[-1][1] + 1 == start:
                dropped[-1][1] = end
            else:
                dropped.append([start, end])
        run = []
    # one edit per block: dropping its lines one by one, the last line of the text would
    # take the line break the line before it takes too (overlapping edits)
    return [drop_line(text, start, end, "repeated paragraph") for start, end in dropped]


def drop_line(text: str, start: int, end: int, reason: str) -> Edit:
    """Remove a whole line together with one adjoining line break."""
    if end < len(text):
        return Edit(start, end + 1, "", reason)
    return Edit(max(start - 1, 0), end, "", reason)
