"""Sentences and paragraphs as code-point ranges."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.stats.units import _CLOSERS, UNITS, unit_index, unit_ranges, unit_starts

TEXT = "甲说：“好。”乙𠮷走了！\n\n  丙来了；丁? ok. 3.5\nend"


def pieces(text, unit):
    return [text[a:b] for a, b in unit_ranges(text, unit)]


def test_sentences_end_after_terminators_closers_and_space():
    assert pieces(TEXT, "sentence") == ["甲说：“好。”", "乙𠮷走了！\n\n  ", "丙来了；",
                                        "丁? ", "ok. 3.5\n", "end"]


def test_paragraphs_are_blocks_between_line_breaks():
    assert pieces(TEXT, "paragraph") == ["甲说：“好。”乙𠮷走了！\n\n  ", "丙来了；丁? ok. 3.5\n",
                                         "end"]


@pytest.mark.parametrize("unit", UNITS)
def test_units_cover_the_text_exactly(unit):
    ranges = unit_ranges(TEXT, unit)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(TEXT)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False))
    assert "".join(pieces(TEXT, unit)) == TEXT


def test_offsets_are_code_points_past_an_astral_character():
    text = "𠮷。乙"
    assert unit_starts(text, "sentence") == [0, 2]  # 𠮷 is one code point, two in UTF-16
    assert unit_index([0, 2], 2) == 1 and unit_index([0, 2], 1) == 0


def test_empty_text_and_trailing_boundary():
    assert unit_starts("", "sentence") == [0]
    assert unit_starts("好。\n", "sentence") == [0]


def test_unknown_unit_is_refused():
    with pytest.raises(ValueError, match="unit must be one of sentence, paragraph"):
        unit_starts("好", "clause")


#: the boundaries as the module's docstring says them, plainly
PLAIN = {"sentence": re.compile(f"[。！？；!?]+[{re.escape(_CLOSERS)}]*\\s*|\\n\\s*"),
         "paragraph": re.compile(r"\n\s*")}


def reference_starts(text: str, unit: str) -> list[int]:
    """The plain way: the end of every boundary match, one by one."""
    starts = [0, *(m.end() for m in PLAIN[unit].finditer(text))]
    return starts[:-1] if len(starts) > 1 and starts[-1] == len(text) else starts


@settings(max_examples=500, deadline=None)
@given(text=st.text(st.sampled_from(list("ab。！？；!?”’」)\"'\n \t\u3000中𠮷.")), max_size=40),
       unit=st.sampled_from(UNITS))
def test_unit_starts_as_the_boundary_matches_say(text, unit):
    assert unit_starts(text, unit) == reference_starts(text, unit)
