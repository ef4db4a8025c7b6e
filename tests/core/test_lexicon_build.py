"""The lexicon's build at C speed where it can be: many texts folded as one, the counts
of a project's spans gathered in parts (cancellable between them), the compact table's
arrays and which of its forms have an entry — each against the plain way."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import suggester
from annotator.core.errors import Cancelled
from annotator.core.formtable import FormCounts, LexEntries
from annotator.core.search import searchable, searchable_all
from annotator.core.suggest import form_of, make_entry
from annotator.core.suggester import LexiconSource, count_forms

#: traditional and simplified Han, Latin of both cases, a final sigma, the dotted capital I
#: (whose lowering is two characters), an astral character the folding maps, NUL, spaces
CHARS = "上海合作組織组织國国ABCabcΣσςİi\U00020000𠀀\0 \t"
TEXT = st.text(CHARS, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=20))
def test_texts_folded_as_one_are_each_text_folded(texts):
    assert searchable_all(texts) == [searchable(t) for t in texts]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(TEXT, st.sampled_from(["a", "b", "c"]), st.integers(1, 3)),
                max_size=40), st.integers(1, 7))
def test_counting_in_parts_counts_what_one_pass_counts(rows, chunk):
    plain: dict[str, Counter[str]] = {}
    for text, tag, n in rows:
        if form := form_of(text):
            plain.setdefault(form, Counter())[tag] += n
    old = suggester.CHUNK
    suggester.CHUNK = chunk
    try:
        counted = count_forms(rows)
    finally:
        suggester.CHUNK = old
    assert counted == {f: dict(c) for f, c in plain.items()}


def test_counting_stops_between_parts_when_cancelled(monkeypatch):
    monkeypatch.setattr(suggester, "CHUNK", 2)
    asked = []

    def rows():
        for k in range(10):
            asked.append(k)
            yield (f"上海{k}", "a", 1)

    with pytest.raises(Cancelled):
        LexiconSource(None, rows(), cancelled=lambda: len(asked) >= 4)
    assert len(asked) == 4  # two parts read, the third not begun


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text("上海a\0", min_size=1, max_size=3),
                       st.dictionaries(st.sampled_from(["x", "y", "z"]),
                                       st.integers(-2, 3), max_size=3), max_size=12))
def test_the_table_and_its_entries_are_the_counts_and_make_entry(counts):
    """Fresh counts (every one positive, every form some) take the quick way to which forms
    have an entry; any others the plain one: both as make_entry says."""
    listed = {"上海": {"x"}, "a": {"y"}}
    table = FormCounts({f: Counter(c) for f, c in counts.items()})
    assert table.forms == sorted(counts)
    entries = LexEntries(table, listed)
    for i, form in enumerate(table.forms):
        assert table.base(i) == Counter(counts[form])
        made = make_entry(form, table.base(i), listed.get(form))
        assert (form in entries) == (made is not None)
        assert entries.get(form) == made


def test_a_compile_stops_between_its_parts_when_cancelled(monkeypatch):
    from annotator.core import scanner

    monkeypatch.setattr(scanner, "PART", 2)
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(Cancelled):
        scanner.build_pattern(["上海", "合作", "组织", "国家", "北京", "sco"], cancelled)
    assert len(asked) == 3  # two automata built, the third not begun
    assert scanner.build_pattern(["上海", "sco"], lambda: False) is not None
