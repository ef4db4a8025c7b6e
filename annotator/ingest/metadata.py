"""Title, date, source, author and place, read from what the text itself states.

Each finding says where it came from (``date_basis``) so a researcher can judge it: a
dateline (新华社北京5月22日电), a scraped byline (2018-05-27 23:31:27 信息来源:…), a
millisecond timestamp left by a scraper, or a date written in the text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from annotator.ingest.tracked import LogEntry

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
DATELINE = re.compile(
    rf"(?P<agency>[{HAN}]{{1,5}}?(?:社|网|網|报|報|台))(?P<place>[{HAN}]{{2,4}}?)"
    r"(?P<month>\d{1,2})月(?P<day>\d{1,2})日(?:电|電|讯|訊)"
)
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
#: ``\d\d\d\d``, not ``\d{4}``: ``re`` skips ahead to a leading class at C speed
ZH_DATE = re.compile(r"(\d\d\d\d)年(\d{1,2})月(\d{1,2})日")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
EN_DATE = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+(\d{1,2}),\s*(\d{4})\b", re.IGNORECASE)
_EN_DATE_NEEDS = re.compile(r"\d,")  # in every EN_DATE match; found at C speed
EPOCH_MS = re.compile(r"(?<!\d)(1[0-9]{12})(?!\d)")
SOURCE_LABEL = re.compile(
    r"(?:信息来源|来源|來源|发布者|發佈者|出处|出處)[:：]\s*"
    r"(?:(?:发布者|發佈者)[:：]\s*)?([^\s:：]{2,20}?)(?=点击|點擊|阅读|閱讀|作者|编辑|\s|$|[:：])"
)
COPYRIGHT_OWNER = re.compile(rf"([{HAN}]{{2,8}}?)(?:版权作品|版权所有|版權所有|版權作品)")
AUTHOR = re.compile(rf"(?:作者|记者|記者)[:：]\s*([{HAN}·]{{2,4}})")
TITLE_MAX = 60  # the longest line taken for a title as it stands
TITLE_LONGEST = 100  # the longest title kept, from whatever source (a page, a record …)
BEIJING = dt.timezone(dt.timedelta(hours=8))


#: every dateline ends so, within :data:`_DATELINE_LONGEST` characters of its start
_DATELINE_END = re.compile("日[电電讯訊]")
_DATELINE_LONGEST = 6 + 4 + 2 + 1 + 2 + 2


def dateline(text: str) -> re.Match[str] | None:
    """``DATELINE.search(text[:2000])``, quickly: the pattern (lazy, starting with a Han
    class) is slow to try at every position, so it is tried only from just before the
    first place where a dateline can end (no dateline starts earlier)."""
    head = text[:2000]
    end = _DATELINE_END.search(head)
    if end is None:
        return None
    return DATELINE.search(head, max(0, end.end() - _DATELINE_LONGEST))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str, removed: str, byline: str = "") -> tuple[str | None, str | None]:
    """``(date, basis)``: ISO ``YYYY-MM-DD``, or ``--MM-DD`` when only a dateline gives it.
    A full date that a byline states (``byline``: the lines the byline rule took out, e.g.
    ``2018年05月22日 20:31 来源：新华网``) wins over everything else."""
    for pattern in (ISO_DATE, ZH_DATE):
        for m in pattern.finditer(byline):
            if (date := _iso(*map(int, m.groups()))):
                return date, "byline"
    head = removed + "\n" + text[:300]
    for m in ISO_DATE.finditer(head):
        if (date := _iso(*map(int, m.groups()))):
            return date, "byline"
    partial = None
    if (line := dateline(text)):
        month, day = int(line["month"]), int(line["day"])
        year = re.search(rf"(\d{{4}})年0?{month}月", text)
        if year and (date := _iso(int(year[1]), month, day)):
            return date, "dateline"
        partial = f"--{month:02d}-{day:02d}"
    for m in EPOCH_MS.finditer(removed):
        stamp = dt.datetime.fromtimestamp(int(m[1]) / 1000, BEIJING)
        if 1995 <= stamp.year <= dt.date.today().year + 1:
            return stamp.date().isoformat(), "timestamp"
    if partial:
        return partial, "dateline (year not stated)"
    return _date_in_text(text)


def _date_in_text(text: str) -> tuple[str | None, str | None]:
    head = text[:3000]
    found = []
    for m in EN_DATE.finditer(head) if _EN_DATE_NEEDS.search(head) else ():
        found.append((m.start(), _iso(int(m[3]), MONTHS.index(m[1].lower()) + 1, int(m[2]))))
    for m in ZH_DATE.finditer(head):
        found.append((m.start(), _iso(int(m[1]), int(m[2]), int(m[3]))))
    found = [f for f in sorted(found) if f[1]]
    return (found[0][1], "text") if found else (None, None)


def find_source(text: str, removed: str) -> str | None:
    """The source a byline names (来源：新华网), else the agency of the dateline, else the
    owner a copyright notice names."""
    if (m := SOURCE_LABEL.search(removed)):
        return m[1]
    if (m := dateline(text)):
        return m["agency"]
    if (m := COPYRIGHT_OWNER.search(removed)):
        return m[1]
    return None


def _is_title_line(line: str) -> bool:
    line = line.strip()
    return 4 <= len(line) <= TITLE_MAX and not re.search(r"[。.!！?？;；]$", line)


_SENTENCE_END = re.compile(r"(?:[。！？!?]|\.(?=\s|$))[”’」』）)\"']*")
_BREAK = re.compile(r"[，,；;、：:]|\s")
_SHORTEST_CUT = 20  # a title cut at a boundary keeps at least this much


def short_title(title: str, limit: int = TITLE_LONGEST) -> str:
    """``title`` on one line and at most ``limit`` characters: whole when it fits, else up
    to the last sentence end that fits, else to the last clause or word break that does,
    else cut hard; a title cut within a sentence ends with "…"."""
    head = " ".join(title[:2 * limit].split())
    if len(head) <= limit and len(title) <= 2 * limit:
        return head
    ends = [m.end() for m in _SENTENCE_END.finditer(head, 0, limit + 1)]
    if ends and ends[-1] >= _SHORTEST_CUT:
        return head[:ends[-1]].rstrip("。.").rstrip()
    breaks = [m.start() for m in _BREAK.finditer(head, 0, limit)]
    cut = breaks[-1] if breaks and breaks[-1] >= _SHORTEST_CUT else limit - 1
    while 0 < cut < len(head) and (unicodedata.combining(head[cut]) or head[cut] in
                                   "\u200d\ufe0f" or head[cut - 1] == "\u200d"):
        cut -= 1  # not inside a character sequence (an accent, an emoji)
    return head[:cut].rstrip(" ，,；;、：:") + "…"


def find_title(text: str) -> str | None:
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines:
        return None
    for i, line in enumerate(lines[:40]):
        if DATELINE.match(line):
            before = [ln for ln in lines[max(0, i - 3):i] if _is_title_line(ln)]
            if before:
                return before[-1]
            break
    if _is_title_line(lines[0]):
        return lines[0]
    return _title_from_sentence(DATELINE.sub("", lines[0][:1000], count=1).strip())


def _title_from_sentence(paragraph: str) -> str | None:
    sentence = re.split(r"[。!！?？]", paragraph, maxsplit=1)[0]
    sentence = re.sub(r"^\d{4}年[^,，]*[,，]", "", sentence)
    sentence = re.sub(r"\([^)]*\)|（[^）]*）", "", sentence).strip()
    if len(sentence) > 40:
        clause = re.split(r"[,，;；]", sentence, maxsplit=1)[0]
        sentence = short_title(clause if len(clause) >= 10 else sentence, 40)
    return sentence or None


def find_place(text: str) -> str | None:
    m = dateline(text)
    return m["place"] if m else None


def removed_text(log: Iterable[LogEntry], rules: tuple[str, ...]) -> str:
    """What the named cleaning rules took out, one removal per line."""
    return "\n".join(e.removed for e in log if e.rule in rules and e.removed)


def extract(text: str, log: Iterable[LogEntry]) -> dict:
    """Metadata for a cleaned text; keys with no finding are left out."""
    log = list(log)
    scraped = removed_text(log, ("site-boilerplate", "scrape-crumbs", "byline"))
    bylines = removed_text(log, ("byline",))
    date, basis = find_date(text, scraped, bylines)
    source = find_source(text, scraped)
    agency = m["agency"] if (m := dateline(text)) else None
    found = {
        "title": find_title(text),
        "date": date,
        "date_basis": basis,
        "source": source,
        "agency": agency if agency != source else None,  # 新华社, for a 来源：新华网 page
        "place": find_place(text),
        "author": (m[1] if (m := AUTHOR.search(bylines)) else None),
    }
    return {k: v for k, v in found.items() if v}
