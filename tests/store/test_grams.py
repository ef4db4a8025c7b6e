"""The search index's tokens of a text (:func:`annotator.store.search.grams`) against the
plain definition: every character and every adjacent pair, leaving out any that holds a
character FTS5's ``ascii`` tokenizer splits on."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.store.search import grams, plain_grams


def token_char(ch: str) -> bool:
    return ch >= "\x80" or ch.isalnum()


def reference(folded: str) -> set[str]:
    singles = {ch for ch in folded if token_char(ch)}
    pairs = {a + b for a, b in zip(folded, folded[1:], strict=False)
             if token_char(a) and token_char(b)}
    return singles | pairs


@pytest.mark.parametrize("grams", [grams, plain_grams])  # numpy, or not for a few texts
@settings(max_examples=500, deadline=None)
@given(folded=st.text(st.sampled_from(list("ab Z9\n\t,.!-_\x00\x7f中國北京𠮷é\ud800")),
                      max_size=30))
def test_grams_are_the_token_characters_and_their_pairs(grams, folded):
    tokens = grams(folded)
    assert set(tokens.split(" ")) - {""} == reference(folded)
    assert len(tokens.split(" ")) == len(reference(folded)) or not tokens  # each once


def test_a_pair_across_a_line_break_or_punctuation_is_no_token():
    assert set(grams("北京\n上海, ab").split()) == {"北", "京", "北京", "上", "海", "上海",
                                                    "a", "b", "ab"}
