"""Cleaning the seed corpus: the noise goes, the articles stay, and the log restores all."""

import re
from pathlib import Path

import pytest

from annotator.core.document import unsafe_char
from annotator.ingest.clean import clean
from annotator.ingest.rules import RULE_NAMES, RULES
from annotator.ingest.tracked import restore

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(n: int) -> str:
    return next(SEEDS.glob(f"{n:03d}_*.txt")).read_text(encoding="utf-8")


def rules_fired(cleaned) -> set[str]:
    return {e.rule for e in cleaned.log}


@pytest.mark.parametrize("n", range(5))
def test_log_restores_original(n):
    original = seed(n)
    cleaned = clean(original)
    assert restore(cleaned.text, cleaned.log) == original


@pytest.mark.parametrize("n", range(5))
def test_canonical_text_shape(n):
    text = clean(seed(n)).text
    assert "\r" not in text and "\n\n" not in text
    assert text == text.strip()
    assert all(line == line.strip() for line in text.split("\n"))


def test_image_placeholders_go_and_nothing_else_in_000():
    cleaned = clean(seed(0))
    assert "图片 1" not in cleaned.text
    assert rules_fired(cleaned) == {"image-placeholder", "whitespace"}
    removed = [e.removed.strip() for e in cleaned.log if e.rule == "image-placeholder"]
    assert removed == ["图片 1", "图片 1"]
    # the summary block and the article both stay, including the near-repeats at the end
    assert cleaned.text.count("廖进荣认为,上合组织扩员后的安全合作将承载更大责任") == 1
    assert cleaned.text.count("地区安全形势面临四大挑战") == 1


def test_site_menu_and_boilerplate_go_from_001():
    cleaned = clean(seed(1))
    for noise in ("花花娱乐", "欢迎关注", "点击量", "分享到", "信息来源"):
        assert noise not in cleaned.text
    assert cleaned.text.startswith("习近平推动上合组织安全合作迈上新台阶\n安全合作是上合组织的“动力之源”")
    assert cleaned.text.endswith("建设公平稳定的多极世界格局。")
    assert {"site-menu", "site-boilerplate"} <= rules_fired(cleaned)


def test_crumbs_go_and_body_stays_once_in_002():
    cleaned = clean(seed(2))
    text = cleaned.text
    for crumb in ("4OAL6N5m11s", "huanqiu.com", "article", "e3pmub6h5", "e3pr9baf6",
                  "1756832722602", "{", "}", "[]", "email", "版权作品"):
        assert crumb not in text, crumb
    body_start = "2025年上海合作组织峰会在天津落下帷幕。"
    assert text.count(body_start) == 1
    assert text.count("为本地区国家繁荣稳定保驾护航。") == 1
    assert text.split("\n") == [
        "李天毅:“四个安全中心”揭牌,为地区繁荣稳定护航",
        text.split("\n")[1],
    ]
    assert text.split("\n")[1].startswith(body_start)
    assert text.endswith("(作者是中国上海合作组织研究中心助理研究员)")
    fired = rules_fired(cleaned)
    assert {"scrape-crumbs", "byline", "repeated-paragraph", "site-boilerplate"} <= fired


def test_clean_text_003_is_untouched():
    original = seed(3)
    cleaned = clean(original)
    assert cleaned.text == original.strip()


def test_pinyin_goes_from_004_and_repeated_short_lines_stay():
    cleaned = clean(seed(4))
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", cleaned.text)
    assert "執法" in cleaned.text and "地區" in cleaned.text
    # the same attendance sentence closes two different news items: both stay
    assert cleaned.text.count("公安部部長助理陳思源參加活動。") == 2
    assert "(SCO)" in cleaned.text and "(Translated by Agnes)" in cleaned.text
    assert rules_fired(cleaned) == {"pinyin"}
    assert len([e for e in cleaned.log if e.rule == "pinyin"]) == 50


def test_line_ends_zero_width_and_nfc():
    cleaned = clean("第一段\r\n第二\u200b段\r第三段\u2028Cafe\u0301 \u200d😀\ufeff")
    assert cleaned.text == "第一段\n第二段\n第三段\nCafé 😀"
    assert {"line-endings", "zero-width", "nfc"} <= {e.rule for e in cleaned.log}


def test_emoji_joiners_survive():
    family = "👨\u200d👩\u200d👧"
    assert clean(f"家庭{family}。").text == f"家庭{family}。"


@pytest.mark.parametrize("keep", [
    "公安(内务)部长", "Shanghai Cooperation Organization (SCO)", "第(a)项", "例如(one)", "他(ta)说", "呂(lü)氏",
    "16th Meeting of the Security Council Secretaries of the Shanghai Cooperation Organization",
    "时间是2019年,共2600多名", "价格 24/7 服务",
])
def test_real_text_is_not_taken_for_noise(keep):
    assert clean(keep).text == keep


def test_switching_rules_off():
    text = seed(4)
    assert "(zhí)" in clean(text, rules=[]).text
    assert "(zhí)" in clean(text, rules=[r for r in RULE_NAMES if r != "pinyin"]).text
    assert clean(text, rules=[]).rules == ("line-endings", "control-characters", "nfc")
    with pytest.raises(ValueError, match="no-such-rule"):
        clean(text, rules=["no-such-rule"])


def test_parenthesised_editor_credit_goes():
    cleaned = clean("上合组织举行会议。\n(责任编辑:李四)")
    assert cleaned.text == "上合组织举行会议。"
    assert [e.reason for e in cleaned.log if e.rule == "site-boilerplate"] == ["editor credit"]


#: every character XML 1.0 cannot carry, and a few around them that it can
UNSAFE = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20))] + [
    "\ud800", "\udbff", "\udc00", "\udfff", "\ufffe", "\uffff"]


@pytest.mark.parametrize("rules", [None, []], ids=["all rules", "required only"])
def test_characters_xml_cannot_carry_go_with_a_log_that_restores_them(rules):
    original = "上合\x01组织\x0b举行\ufffe会议。" + "".join(UNSAFE) + "完\t毕\x7f\x85"
    cleaned = clean(original, rules)
    assert unsafe_char(cleaned.text) is None, cleaned.text
    assert restore(cleaned.text, cleaned.log) == original
    assert cleaned.text.startswith("上合组织\n举行会议。")
    gone = "".join(e.removed for e in cleaned.log if e.rule == "control-characters")
    assert "\x01" in gone and "\ufffe" in gone and "\ud800" in gone and "\x0b" not in gone
    assert "完\t毕\x7f" in cleaned.text  # XML carries tab and DEL: they stay
    assert "control-characters" in cleaned.rules


def test_control_characters_is_required():
    assert clean("a\x02b", rules=[]).text == "ab"
    assert "control-characters" not in [r.name for r in RULES if not r.required]


def found_by(cleaned, rule: str) -> list[str]:
    return [e.removed.strip() for e in cleaned.log if e.rule == rule and e.removed.strip()]


@pytest.mark.parametrize("n", range(5))
def test_skipping_scrape_crumbs_changes_nothing_the_other_rules_find(n):
    original = seed(n)
    every = clean(original)
    kept = clean(original, [r for r in RULE_NAMES if r != "scrape-crumbs"])
    for rule in ("image-placeholder", "byline", "site-menu", "site-boilerplate"):
        assert found_by(kept, rule) == found_by(every, rule), rule
    assert restore(kept.text, kept.log) == original
    assert found_by(kept, "scrape-crumbs") == []


def test_a_notice_between_crumbs_goes_and_the_crumbs_stay():
    cleaned = clean(seed(2), [r for r in RULE_NAMES if r != "scrape-crumbs"])
    assert "版权作品" not in cleaned.text
    assert "研究员) 1756832722602175683272260211[]{\"email\"" in cleaned.text
    assert found_by(cleaned, "site-boilerplate") == [
        "环球网版权作品,未经书面授权,严禁转载或镜像,违者将被追究法律责任。责编:赵建东环球时报"]
