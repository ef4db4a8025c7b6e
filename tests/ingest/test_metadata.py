"""Title, date, source and place as the seed texts state them."""

from pathlib import Path

import pytest

from annotator.ingest.clean import clean
from annotator.ingest.metadata import TITLE_LONGEST, extract, find_date, find_title, short_title

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

EXPECTED = {
    0: {"title": "中国公安部:上合组织正制定措施应对域内四大安全挑战", "date": "--06-08",
        "date_basis": "dateline (year not stated)", "source": "中新社", "place": "青岛"},
    1: {"title": "习近平推动上合组织安全合作迈上新台阶", "date": "2018-05-27",
        "date_basis": "byline", "source": "艾森新闻网"},
    2: {"title": "李天毅:“四个安全中心”揭牌,为地区繁荣稳定护航", "date": "2025-09-03",
        "date_basis": "timestamp", "source": "环球网", "author": "李天毅"},
    3: {"title": "上海合作组织成员国安全会议秘书第十三次会议在北京举行", "date": "2018-05-22",
        "date_basis": "dateline", "source": "新华社", "place": "北京"},
    4: {"title": "上海合作組織成員國安全會議秘書第十六次會議6月23日舉行", "date": "2021-06-23",
        "date_basis": "text"},
}


@pytest.mark.parametrize("n", sorted(EXPECTED))
def test_seed_metadata(n):
    cleaned = clean(next(SEEDS.glob(f"{n:03d}_*.txt")).read_text(encoding="utf-8"))
    assert extract(cleaned.text, cleaned.log) == EXPECTED[n]


def test_dateline_year_comes_from_the_text():
    assert find_date("人民网北京3月4日电 2020年3月3日,会议举行。", "") == ("2020-03-04", "dateline")


def test_impossible_dates_are_ignored():
    assert find_date("2019-02-30 会议", "") == (None, None)


def test_title_falls_back_to_first_clause():
    text = "上海合作组织成员国国防部长会议今天在北京举行,各方讨论了地区安全形势和联合反恐演习的安排。\n第二段。"
    assert find_title(text) == "上海合作组织成员国国防部长会议今天在北京举行"


@pytest.mark.parametrize("title, expected", [
    ("上合组织峰会在青岛举行", "上合组织峰会在青岛举行"),
    ("  上合组织峰会\n在青岛举行  ", "上合组织峰会 在青岛举行"),
    # cut after the last sentence that fits
    ("上海合作组织成员国安全会议秘书第十三次会议在北京举行。" * 5,
     "上海合作组织成员国安全会议秘书第十三次会议在北京举行。上海合作组织成员国安全会议秘书第十三次会议在北京举行。"
     "上海合作组织成员国安全会议秘书第十三次会议在北京举行"),
    ("The ministers met in Beijing. They agreed on a plan. " * 5,
     "The ministers met in Beijing. They agreed on a plan. The ministers met in Beijing"),
    # no sentence fits: the last clause or word that does, marked as cut
    ("上海合作组织成员国安全会议秘书第十三次会议在北京举行，" * 5,
     "上海合作组织成员国安全会议秘书第十三次会议在北京举行，上海合作组织成员国安全会议秘书第十三次会议在北京举行，"
     "上海合作组织成员国安全会议秘书第十三次会议在北京举行…"),
    ("word " * 100, ("word " * 20).strip() + "…"),
    ("字" * 1000, "字" * 99 + "…"),
])
def test_titles_are_cut_at_a_sensible_length_on_a_boundary(title, expected):
    assert short_title(title) == expected
    assert len(short_title(title)) <= TITLE_LONGEST


def test_a_huge_first_line_gives_a_short_title():
    text = "上海合作组织成员国安全会议秘书会议在北京举行" * 100_000 + "，会议由中方主持"
    title = find_title(text)
    assert title and len(title) <= 41
    english = find_title("The security council secretaries met in Beijing " * 50_000)
    assert english and len(english) <= 41 and english.startswith("The security council")


TITLE = "上合组织成员国安全会议秘书第十三次会议在北京举行"
BODY = "新华社北京5月22日电 上海合作组织成员国安全会议秘书第十三次会议22日在北京举行。会议由中方主持。"


@pytest.mark.parametrize("byline, more", [
    ("2018年05月22日 20:31 来源：新华网", {}),
    ("2018年5月22日 星期二 20:31:05  来源: 新华网  作者：张三", {"author": "张三"}),
    ("2018-05-22 20:31 来源：新华网 编辑：李四", {}),
    ("发布时间：2018-05-22 20:31 来源：新华网", {}),
    ("来源：新华网 2018年05月22日", {}),
    ("2018年05月22日20时31分 信息来源：新华网", {}),
])
def test_a_stated_full_date_wins_over_a_year_less_dateline(byline, more):
    cleaned = clean(f"{TITLE}\n{byline}\n{BODY}\n")
    assert cleaned.text == f"{TITLE}\n{BODY}"
    assert [e.removed.strip() for e in cleaned.log if e.rule == "byline"] == [byline]
    assert extract(cleaned.text, cleaned.log) == {
        "title": TITLE, "date": "2018-05-22", "date_basis": "byline", "source": "新华网",
        "agency": "新华社", "place": "北京", **more}


def test_a_dateline_alone_still_gives_a_year_less_date():
    cleaned = clean(f"{TITLE}\n{BODY}")
    found = extract(cleaned.text, cleaned.log)
    assert (found["date"], found["date_basis"]) == ("--05-22", "dateline (year not stated)")
    assert found["source"] == "新华社" and "agency" not in found
    year = clean(f"{TITLE}\n{BODY}2018年05月21日至22日举行。")
    assert extract(year.text, year.log)["date"] == "2018-05-22"


@pytest.mark.parametrize("line", [
    "2018年5月22日,上合组织成员国在北京举行会议。",  # a sentence that starts with a date
    "2018年5月22日",  # a date alone (a notice's signature date): not taken for a byline
    "来源于各成员国的情报显示,威胁正在上升。",
    "10:00 会议开始",
])
def test_text_that_only_looks_like_a_byline_stays(line):
    text = f"{TITLE}\n{line}\n{BODY}"
    assert clean(text).text == text
