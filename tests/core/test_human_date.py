"""What people read for a stored date: the CLI, the window's document list."""

import pytest

from annotator.core.document import human_date


@pytest.mark.parametrize("date, lang, shown", [
    ("--06-08", "en", "June 8, year unknown"),
    ("--06-08", "zh-Hans", "6月8日（年份不详）"),
    ("--06-08", "zh-Hant", "6月8日（年份不詳）"),
    ("--12-31", "fr", "December 31, year unknown"),  # a language we do not have: English
    ("--02-29", "en", "February 29, year unknown"),  # some year has it
    ("2018-05-22", "en", "2018-05-22"),
    ("2018-05-22", "zh-Hans", "2018-05-22"),
    ("2021-06-23T10:00:00+08:00", "en", "2021-06-23 10:00 +08:00"),
    ("2021-06-23T10:00:05Z", "zh-Hant", "2021-06-23 10:00:05 UTC"),
    ("2021-06-23T10:00", "en", "2021-06-23 10:00"),
    (None, "en", ""),
    ("", "zh-Hans", ""),
    # not a date we know: as it is, never a guess
    ("--13-01", "en", "--13-01"),
    ("--02-30", "en", "--02-30"),
    ("2018", "en", "2018"),
    ("May 2018", "zh-Hans", "May 2018"),
])
def test_human_date(date, lang, shown):
    assert human_date(date, lang) == shown


def test_no_year_less_date_reads_as_iso():
    for month in range(1, 13):
        for lang in ("en", "zh-Hans", "zh-Hant"):
            shown = human_date(f"--{month:02d}-01", lang)
            assert "--" not in shown and ("year unknown" in shown or "年份不" in shown)
