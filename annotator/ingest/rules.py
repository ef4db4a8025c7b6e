"""Cleaning rules. Each rule looks at the current text and proposes :class:`Edit` s.

Rules are named, documented and switchable; ``required`` ones (line ends, NFC) always run
because offsets are defined over NFC text with ``\\n`` line ends. The order of :data:`RULES`
is the order they run in. Every removal lands in the document's cleaning log.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from annotator.ingest import noise
from annotator.ingest.noise import drop_line
from annotator.ingest.tracked import Edit

LineTest = Callable[[str], str | None]  # a line -> why it goes, or None


@dataclass(frozen=True)
class Rule:
    """``find`` proposes edits anywhere in the text; ``line`` (if any) drops every line it
    gives a reason for. Where both find something, the line goes whole."""

    name: str
    description: str
    find: Callable[[str], list[Edit]] | None = None
    required: bool = False
    line: LineTest | None = None

    def edits(self, text: str, crumbs_kept: bool = False) -> list[Edit]:
        """What the rule changes in ``text``. With ``crumbs_kept`` (the scrape-crumbs rule
        is off), the pieces of a line between scraping crumbs are tested as lines, as they
        would be had that rule put its paragraph breaks there, and go without the crumbs:
        a rule finds the same whether the crumbs stay or not."""
        found: list[Edit] = []
        if self.line is not None:
            found = (_piece_edits if crumbs_kept else _line_edits)(text, self.line)
        if self.find is not None:
            found = _prefer(found, self.find(text))
        return found


def lines(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, line)`` for every ``\\n``-separated line (end excludes the ``\\n``)."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _line_edits(text: str, test: LineTest) -> list[Edit]:
    edits = []
    for start, end, line in lines(text):
        reason = test(line)
        if reason:
            edits.append(drop_line(text, start, end, reason))
    return _disjoint(edits)


def _piece_edits(text: str, test: LineTest) -> list[Edit]:
    """As :func:`_line_edits`, testing the pieces between scraping crumbs: a piece that is
    its whole line drops the line; another goes alone (trimmed), its crumbs stay."""
    cuts = [(e.start, e.end) for e in noise.crumbs(text)]  # in order, none spans lines
    edits, k = [], 0
    for start, end, line in lines(text):
        bounds = [start]
        while k < len(cuts) and cuts[k][0] < end:
            bounds += cuts[k]
            k += 1
        if len(bounds) == 1:
            if reason := test(line):
                edits.append(drop_line(text, start, end, reason))
            continue
        bounds.append(end)
        for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
            piece = text[lo:hi]
            if piece.strip() and (reason := test(piece.strip())):
                lead = len(piece) - len(piece.lstrip())
                edits.append(Edit(lo + lead, lo + len(piece.rstrip()), "", reason))
    return _disjoint(edits)


def _prefer(first: list[Edit], then: list[Edit]) -> list[Edit]:
    """``first``, and the edits of ``then`` that overlap none of them."""
    if not first:
        return then
    kept = [e for e in then if not any(e.start < f.end and f.start < e.end for f in first)]
    return sorted(first + kept, key=lambda e: e.start)


def regex_rule(pattern: re.Pattern[str], reason: str, replacement: str = "") -> Callable:
    def find(text: str) -> list[Edit]:
        return [Edit(m.start(), m.end(), replacement, reason) for m in pattern.finditer(text)]

    return find


def _disjoint(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: e.start):
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
#: what XML 1.0 cannot carry once line breaks are ``\n`` (as
#: :func:`annotator.core.document.unsafe_char`): C0 controls but tab and line feed, lone
#: surrogates, U+FFFE and U+FFFF. Canonical text never holds them, so every export can
#: write every document.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")


def _unsafe(text: str) -> list[Edit]:
    return [Edit(m.start(), m.end(), "", f"U+{ord(m.group()):04X}: XML cannot carry it")
            for m in UNSAFE.finditer(text)]


def _nfc(text: str) -> list[Edit]:
    edits = []
    for start, end, line in lines(text):
        if not unicodedata.is_normalized("NFC", line):
            edits.append(Edit(start, end, unicodedata.normalize("NFC", line), "NFC normalisation"))
    return edits


def _whitespace(text: str) -> list[Edit]:
    """Trim each line, drop blank lines: paragraphs end up separated by exactly one ``\\n``."""
    edits: list[Edit] = []
    for start, end, line in lines(text):
        if not line.strip():
            edits.append(drop_line(text, start, end, "blank line"))
            continue
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        if lead:
            edits.append(Edit(start, start + lead, "", "leading whitespace"))
        if trail:
            edits.append(Edit(end - trail, end, "", "trailing whitespace"))
    return _disjoint(edits)


RULES: tuple[Rule, ...] = (
    Rule("line-endings", "CRLF, CR, U+2028/2029, NEL, VT and FF become \\n",
         regex_rule(LINE_BREAKS, "line break normalised to \\n", "\n"), required=True),
    Rule("control-characters", "control characters, lone surrogates, U+FFFE and U+FFFF, "
         "which XML cannot carry (U+0001, U+001B …), are removed", _unsafe, required=True),
    Rule("zero-width", "zero-width spaces, joiners between letters, word joiners, stray BOMs, "
         "soft hyphens", noise.zero_width),
    Rule("image-placeholder", "lines such as 图片 1 / 圖片 2 / Image 3 left where a picture was",
         line=noise.image_placeholder),
    Rule("scrape-crumbs", "ids, URLs, URL paths, epoch timestamps and JSON fragments glued to "
         "the text by a scraper; a crumb between two pieces of text becomes a paragraph break",
         noise.crumbs),
    Rule("byline", "author/editor credits glued into scraped text (作者:李天毅…) and lines "
         "saying when and where the text was published (2018年05月22日 20:31 来源：新华网); "
         "kept as metadata", noise.byline, line=noise.source_byline),
    Rule("site-menu", "navigation bars: lines of many short space-separated items",
         line=noise.site_menu),
    Rule("site-boilerplate", "share buttons, 'welcome to our site', click counters, "
         "copyright notices, editor credits", line=noise.boilerplate),
    Rule("pinyin", "pinyin left after characters by a web converter: 執(zhí) → 執",
         noise.pinyin),
    Rule("whitespace", "leading/trailing whitespace and blank lines; one \\n between paragraphs",
         _whitespace),
    Rule("repeated-paragraph", "a paragraph (≥ 100 characters) or run of ≥ 3 paragraphs that "
         "repeats earlier text exactly, e.g. an article body scraped twice",
         noise.repeats),
    Rule("nfc", "Unicode NFC normalisation", _nfc, required=True),
)

RULE_NAMES = tuple(r.name for r in RULES)


def check_skippable(names: Iterable[str]) -> None:
    """``ValueError`` naming the first of ``names`` that cannot be switched off: a rule that
    does not exist, or a required one (offsets are defined over what they make)."""
    required = {r.name for r in RULES if r.required}
    for name in names:
        if name not in RULE_NAMES:
            raise ValueError(f"unknown cleaning rule '{name}'; known: {', '.join(RULE_NAMES)}")
        if name in required:
            raise ValueError(f"'{name}' is required and cannot be skipped: offsets count "
                             "characters of the canonical text, which is NFC, has \\n line "
                             "ends and holds nothing XML cannot carry")
