"""Chinese-script facts: which script a text is in, and (later) OpenCC views and UTF-16 mapping.

Pure Python; no Qt. Script detection uses OpenCC's own character tables: a character that
OpenCC would convert from traditional to simplified is *traditional-only*, and vice versa.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from importlib import resources

HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")

#: Language tags used throughout the project (BCP 47).
SIMPLIFIED, TRADITIONAL, CHINESE, ENGLISH, UNDETERMINED = "zh-Hans", "zh-Hant", "zh", "en", "und"


def _convertible(name: str) -> frozenset[str]:
    """Characters an OpenCC table always changes (the key is not among its own targets)."""
    text = resources.files("opencc").joinpath("dictionary", name).read_text(encoding="utf-8")
    keys = set()
    for line in text.splitlines():
        key, _, targets = line.partition("\t")
        if targets and key not in targets.split():
            keys.add(key)
    return frozenset(keys)


@functools.cache
def script_tables() -> tuple[frozenset[str], frozenset[str]]:
    """(simplified-only characters, traditional-only characters) from OpenCC's tables."""
    return _convertible("STCharacters.txt"), _convertible("TSCharacters.txt")


def classify(text: str) -> str:
    """The language/script of a stretch of text: zh-Hans, zh-Hant, zh, en or und.

    English wins when Latin letters outnumber Han characters by 2:1 (English words are longer
    than Chinese ones); otherwise Chinese text is simplified or traditional by whichever
    script-specific characters are more frequent, and plain ``zh`` when neither shows.
    """
    latin = len(LATIN_RE.findall(text))
    if latin == 0 and not HAN_RE.search(text):
        return UNDETERMINED
    if latin and not _has_han(text, (latin + 1) // 2):  # latin > 2 * han
        return ENGLISH
    simp_only, trad_only = _script_finders()
    simp, trad = simp_only.count(text), trad_only.count(text)
    if simp == trad:
        return CHINESE
    return SIMPLIFIED if simp > trad else TRADITIONAL


def _has_han(text: str, n: int) -> bool:
    """Whether ``text`` has at least ``n`` Han characters (stops counting there)."""
    return any(i >= n for i, _ in enumerate(HAN_RE.finditer(text), 1))


class _CharFinder:
    """Counts the characters of ``text`` that are in a set, at C speed: one regex character
    class for the BMP members (a class with astral literals makes ``re`` test them one by
    one), a set lookup for astral characters, which are rare in text."""

    def __init__(self, chars: Iterable[str]):
        chars = set(chars)
        self.astral = frozenset(ch for ch in chars if ord(ch) > 0xFFFF)
        bmp = sorted(chars - self.astral)
        self.bmp = re.compile(f"[{''.join(map(re.escape, bmp))}]" if bmp else "(?!)")

    def count(self, text: str) -> int:
        found = len(self.bmp.findall(text))
        if self.astral and _ASTRAL.search(text):
            found += sum(1 for ch in _ASTRAL.findall(text) if ch in self.astral)
        return found


@functools.cache
def _script_finders() -> tuple[_CharFinder, _CharFinder]:
    return _CharFinder(script_tables()[0]), _CharFinder(script_tables()[1])


def paragraph_languages(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, lang)`` for every non-empty ``\\n``-separated paragraph (code points)."""
    runs: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            runs.append((pos, end, classify(line)))
        pos = end + 1
    return runs


def document_languages(runs: list[tuple[int, int, str]]) -> tuple[str, list[str]]:
    """(primary script, all languages present) from paragraph runs, weighted by length.

    An English character weighs a third of a Han character (a Chinese word is about a third
    as long as its English translation), so a parallel text counts as Chinese. Paragraphs
    classified plain ``zh`` count towards whichever Chinese script dominates.
    """
    weight: dict[str, float] = {}
    for start, end, lang in runs:
        share = (end - start) / 3 if lang == ENGLISH else end - start
        weight[lang] = weight.get(lang, 0) + share
    chinese = {k: v for k, v in weight.items() if k in (SIMPLIFIED, TRADITIONAL)}
    if CHINESE in weight and chinese:
        best = max(chinese, key=lambda k: chinese[k])
        weight[best] += weight.pop(CHINESE)
    weight.pop(UNDETERMINED, None)
    if not weight:
        return UNDETERMINED, []
    if chinese and sum(chinese.values()) >= 0.2 * sum(weight.values()):
        primary = max(chinese, key=lambda k: weight[k])
    else:
        primary = max(weight, key=lambda k: weight[k])
    return primary, sorted(weight)


# --- code points <-> UTF-16 (Qt counts UTF-16 units) ------------------------------------
class Utf16Map:
    """Convert between code-point offsets and UTF-16 offsets of one text.

    Only astral characters (above U+FFFF, e.g. 𠮷 U+20BB7 or emoji) differ: each takes two
    UTF-16 units. The map keeps the sorted code-point positions of those characters and
    answers with a bisect, so conversion is O(log a) and a BMP-only text costs nothing.
    """

    __slots__ = ("astral", "astral16", "length", "length16")

    def __init__(self, text: str):
        # a text whose UTF-16 is two bytes a character has no astral character: told by
        # the encoder (a copy, in C) instead of a regex walking every character
        plain = len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)
        self.astral = [] if plain else [m.start() for m in _ASTRAL.finditer(text)]
        self.astral16 = [p + i for i, p in enumerate(self.astral)]
        self.length = len(text)
        self.length16 = self.length + len(self.astral)

    def to_utf16(self, cp: int) -> int:
        return cp + bisect.bisect_left(self.astral, cp)

    def to_cp(self, u16: int) -> int:
        """Code point at a UTF-16 offset; an offset inside a surrogate pair rounds down."""
        i = bisect.bisect_left(self.astral16, u16)
        if i and self.astral16[i - 1] + 1 == u16:  # between the halves of a pair
            return self.astral[i - 1]
        return u16 - i


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


# --- simplified / traditional views -----------------------------------------------------
#: View name -> OpenCC configuration. Only character-level configurations, which keep the
#: number of code points, are offered while annotating (phrase configs change lengths).
VIEWS = {"original": None, "simplified": "t2s", "traditional": "s2t"}


@functools.cache
def _converter(config: str):
    from opencc import OpenCC

    return OpenCC(config)


@functools.cache
def _char_table(config: str) -> dict[str, str]:
    name = {"t2s": "TSCharacters.txt", "s2t": "STCharacters.txt"}[config]
    text = resources.files("opencc").joinpath("dictionary", name).read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        key, _, targets = line.partition("\t")
        if targets and len(key) == 1 and len(targets.split()[0]) == 1:
            table[key] = targets.split()[0]
    return table


def convert_view(text: str, view: str) -> str:
    """``text`` as shown in a view, with exactly as many code points as ``text``.

    Each paragraph goes through OpenCC (which picks variants by phrase); a paragraph whose
    length would change falls back to the one-to-one character table.
    """
    config = VIEWS[view]
    if config is None:
        return text
    out = []
    for para in text.split("\n"):
        converted = _converter(config).convert(para) if HAN_RE.search(para) else para
        if len(converted) != len(para):
            table = _char_table(config)
            converted = "".join(table.get(ch, ch) for ch in para)
        out.append(converted)
    return "\n".join(out)


def fold(text: str) -> str:
    """Fold traditional characters to simplified one-for-one (for matching, not display)."""
    finder, bmp_table = _fold_tables()
    if _ASTRAL.search(text):  # rare: the table maps some astral characters too
        return _fold_astral(text, text.translate(bmp_table))
    return text.translate(bmp_table) if finder.search(text) else text


def _fold_astral(text: str, folded: str) -> str:
    """``folded`` (``text`` through the BMP table, which leaves astral characters as they
    are) with the astral characters of ``text`` folded one by one: a long text with a few
    of them costs a translate, not a Python step per character."""
    table = _char_table("t2s")
    parts, pos = [], 0
    for m in _ASTRAL.finditer(text):
        parts += [folded[pos:m.start()], table.get(m[0], m[0])]
        pos = m.end()
    parts.append(folded[pos:])
    return "".join(parts)


@functools.cache
def _fold_tables() -> tuple[re.Pattern[str], str]:
    """A class matching the BMP characters :func:`fold` changes, and a ``str.translate``
    table indexed by code point for the BMP (a sequence: no exception per unchanged
    character, as a dict table raises)."""
    table = _char_table("t2s")
    finder = _CharFinder(table).bmp
    return finder, "".join(table.get(ch, ch) for ch in map(chr, range(0x10000)))
