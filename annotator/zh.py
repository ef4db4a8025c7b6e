"""Chinese-script facts: which script a text is in, and (later) OpenCC views and UTF-16 mapping.

Pure Python; no Qt. Script detection uses OpenCC's own character tables: a character that
OpenCC would convert from traditional to simplified is *traditional-only*, and vice versa.
"""

from __future__ import annotations

import functools
import re
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
    han = len(HAN_RE.findall(text))
    latin = len(LATIN_RE.findall(text))
    if han == 0 and latin == 0:
        return UNDETERMINED
    if latin > 2 * han:
        return ENGLISH
    simp_only, trad_only = script_tables()
    simp = sum(1 for ch in text if ch in simp_only)
    trad = sum(1 for ch in text if ch in trad_only)
    if simp == trad:
        return CHINESE
    return SIMPLIFIED if simp > trad else TRADITIONAL


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
