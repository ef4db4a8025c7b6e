"""Dates in dialogs and banners as people say them, in the interface's language: a time
today, a day this year, a full date before; never an ISO 8601 timestamp."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("PySide6")

from annotator.qt import i18n  # noqa: E402

NOW = dt.datetime(2026, 12, 6, 20, 30).astimezone()


def local(*args) -> dt.datetime:
    return dt.datetime(*args).astimezone()


@pytest.fixture
def language(qapp):
    def use(name: str) -> None:
        i18n.install(language=name)

    yield use
    i18n.install(language="en")


@pytest.mark.parametrize("name, today, this_year, before", [
    ("en", "18:02", "5 Dec 18:02", "5 Dec 2025 18:02"),
    ("zh_CN", "18:02", "12月5日 18:02", "2025年12月5日 18:02"),
    ("zh_TW", "18:02", "12月5日 18:02", "2025年12月5日 18:02"),
])
def test_a_moment_in_words(language, name, today, this_year, before):
    language(name)
    assert i18n.when(local(2026, 12, 6, 18, 2, 36), NOW) == today
    assert i18n.when(local(2026, 12, 5, 18, 2, 36), NOW) == this_year
    assert i18n.when(local(2025, 12, 5, 18, 2), NOW) == before


def test_stored_utc_text_and_file_times_are_shown_in_local_time(language):
    language("en")
    stored = local(2026, 12, 6, 18, 2, 36).astimezone(dt.UTC).isoformat(
        timespec="milliseconds")  # as the lock file and the journal keep it
    assert stored.endswith("+00:00")
    assert i18n.when(stored, NOW) == "18:02"
    assert i18n.when(local(2026, 3, 1, 9, 5).timestamp(), NOW) == "1 Mar 09:05"


def test_what_is_no_date_comes_back_as_it_is(language):
    language("en")
    assert i18n.when("?") == "?"
