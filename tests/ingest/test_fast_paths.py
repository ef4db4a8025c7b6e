"""The import's fast paths give exactly what the plain versions they replaced gave.

Each ``plain_*`` below is the code as it was before it was made fast (per-character loops,
regexes tried at every position); the fast one must agree with it on the seed corpus and on
random text made of the characters the rules care about.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator import zh
from annotator.ingest import decode, metadata, noise
from annotator.ingest.clean import clean

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


# --- the plain versions --------------------------------------------------------------------
def plain_fold(text: str) -> str:
    table = zh._char_table("t2s")
    return "".join(table.get(ch, ch) for ch in text)


def plain_classify(text: str) -> str:
    han = len(zh.HAN_RE.findall(text))
    latin = len(zh.LATIN_RE.findall(text))
    if han == 0 and latin == 0:
        return zh.UNDETERMINED
    if latin > 2 * han:
        return zh.ENGLISH
    simp_only, trad_only = zh.script_tables()
    simp = sum(1 for ch in text if ch in simp_only)
    trad = sum(1 for ch in text if ch in trad_only)
    if simp == trad:
        return zh.CHINESE
    return zh.SIMPLIFIED if simp > trad else zh.TRADITIONAL


def plain_control_share(text: str) -> float:
    sample = text[:decode._SCORE_SAMPLE]
    if not sample:
        return 0.0
    return sum(1 for ch in sample if decode._is_control(ch)) / len(sample)


def plain_text_score(text: str) -> float:
    counts = {"ascii": 0, "good": 0, "rare": 0, "bad": 0}
    for ch in text[:decode._SCORE_SAMPLE]:
        counts[decode._char_kind(ch)] += 1
    total = counts["good"] + counts["rare"] + decode._BAD_WEIGHT * counts["bad"]
    return counts["good"] / total if total else 1.0


def plain_crumb_hits(text: str, monkeypatch) -> list:
    with monkeypatch.context() as m:
        m.setattr(noise, "_crumb_matches", lambda text, reason, pattern: pattern.finditer(text))
        return noise._crumb_hits(text)


def plain_zero_width(text: str) -> list:
    hits = {m.start() for m in noise._INVISIBLE.finditer(text)} | {
        m.start() for m in noise._JOINER.finditer(text)}
    return [noise.Edit(i, i + 1, "", f"zero-width U+{ord(text[i]):04X}") for i in sorted(hits)]


def plain_pinyin(text: str) -> list:
    return [noise.Edit(m.start(), m.end(), "", f"pinyin after character: {m.group()}")
            for m in noise._PINYIN.finditer(text) if noise._is_pinyin(m.group(1))]


PLAIN_ZH_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def plain_date_in_text(text: str):
    head = text[:3000]
    found = []
    for m in metadata.EN_DATE.finditer(head):
        found.append((m.start(), metadata._iso(int(m[3]), metadata.MONTHS.index(
            m[1].lower()) + 1, int(m[2]))))
    for m in PLAIN_ZH_DATE.finditer(head):
        found.append((m.start(), metadata._iso(int(m[1]), int(m[2]), int(m[3]))))
    found = [f for f in sorted(found) if f[1]]
    return (found[0][1], "text") if found else (None, None)


def spans(match: re.Match | None):
    return match and (match.span(), match.groupdict())


# --- what is compared ----------------------------------------------------------------------
def assert_same(text: str, monkeypatch) -> None:
    assert zh.fold(text) == plain_fold(text)
    for line in [text, *text.split("\n")]:
        assert zh.classify(line) == plain_classify(line), line
    assert decode._control_share(text) == plain_control_share(text)
    assert decode.text_score(text) == plain_text_score(text)
    assert noise._crumb_hits(text) == plain_crumb_hits(text, monkeypatch)
    assert noise.zero_width(text) == plain_zero_width(text)
    assert noise.pinyin(text) == plain_pinyin(text)
    assert spans(metadata.dateline(text)) == spans(metadata.DATELINE.search(text[:2000]))
    assert metadata._date_in_text(text) == plain_date_in_text(text)


def trad_and_simp_samples() -> str:
    simp, trad = zh.script_tables()
    astral = sorted(ch for ch in simp | trad if ord(ch) > 0xFFFF)[:40]
    return "".join(sorted(simp)[::40] + sorted(trad)[::40] + astral)


#: the characters the rules and detectors look for, and their neighbours
ALPHABET = (
    "abcxyzABCXYZ0123456789０１９./:-_@{}[]\"' ,\t\r\n\x00\x07\x1b\x7f\x85\x9f"
    "年月日电電讯訊社网報台北京新华中国上海合作组织組織國際()（）āáǎàüǘ"
    "\u200b\u200c\u200d\u2060\ufeff\u00ad图片𠮷😀\ue000\u0301"
    + trad_and_simp_samples()
)
PIECES = ["comcn", ".com", ".gov.cn", "http://x.cn/a/b", "/news/2018/", "20180527",
          "1527435087000", "a1b2c3d4e5", "新华社北京5月22日电", "2018年5月22日",
          "甲乙丙丁戊社子丑寅卯12月31日电", "May 22, 2018", '{"a": 1}', "[]", "執(zhí)", "責任編輯：王小明", "\u200d"]


def noisy_text() -> st.SearchStrategy[str]:
    piece = st.one_of(st.text(ALPHABET, max_size=30), st.sampled_from(PIECES),
                      st.text(max_size=10))
    return st.lists(piece, max_size=25).map("".join)


@given(noisy_text())
@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fast_paths_equal_the_plain_ones_on_random_text(monkeypatch, text):
    assert_same(text, monkeypatch)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_fast_paths_equal_the_plain_ones_on_the_seeds(monkeypatch, path):
    original = path.read_text(encoding="utf-8")
    assert_same(original, monkeypatch)
    cleaned = clean(original).text
    assert_same(cleaned, monkeypatch)
    assert_same(zh.convert_view(cleaned, "traditional"), monkeypatch)


def test_the_seeds_exercise_the_fast_paths():
    """The seed comparison means something: the seeds hold crumbs of every kind, datelines
    and both scripts."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS)
    reasons = {reason for _, _, reason in noise._crumb_hits(text)}
    assert {"JSON fragment", "domain", "URL path", "id", "timestamp or number crumb"} <= reasons
    assert metadata.dateline(text) is not None
    traditional = zh.convert_view(text, "traditional")
    assert zh.fold(traditional) != traditional
    assert zh.classify(traditional) == zh.TRADITIONAL


def test_control_class_is_is_control():
    every = "".join(map(chr, range(0x100)))
    assert set(decode._CONTROL_RE.findall(every)) == {ch for ch in every
                                                        if decode._is_control(ch)}


def test_fold_maps_astral_characters_and_keeps_lengths():
    table = zh._char_table("t2s")
    astral = [k for k in table if ord(k) > 0xFFFF]
    text = "國際" + "".join(astral[:3]) + "😀"
    assert zh.fold(text) == plain_fold(text)
    assert len(zh.fold(text)) == len(text)
    assert zh.fold("國際組織") == "国际组织"
    assert unicodedata.is_normalized("NFC", zh.fold("國際"))


def test_the_longest_dateline_is_found_from_its_start():
    longest = "甲乙丙丁戊社子丑寅卯12月31日电"  # 5 + 1 + 4 + 2 + 1 + 2 + 2 characters
    text = "消息。" + longest + "记者报道"
    assert metadata.dateline(text).group() == longest
    assert spans(metadata.dateline(text)) == spans(metadata.DATELINE.search(text))


def test_fold_of_a_long_text_with_astral_characters_is_the_plain_one():
    """Astral characters among many others (the BMP ones through the translate table),
    and an astral character next to a traditional one at either end."""
    table = zh._char_table("t2s")
    astral = [k for k in table if ord(k) > 0xFFFF][:2]
    text = astral[0] + "國" + "與各國組織𠮷" * 500 + "😀國" + astral[1]
    assert zh.fold(text) == plain_fold(text)
    assert zh.fold(text)[:2] == table[astral[0]] + "国"
