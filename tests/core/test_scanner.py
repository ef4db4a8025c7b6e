"""The scanner against the plain definition: leftmost, then longest, non-overlapping; a
form with a Latin edge only where no Latin letter or digit touches that edge."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.scanner import AhoFinder, GuardedFinder, Merged, Scanner, build_pattern


def word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def fits(hay: str, form: str, i: int) -> bool:
    end = i + len(form)
    return hay.startswith(form, i) and not (
        word(form[0]) and i > 0 and word(hay[i - 1])) and not (
        word(form[-1]) and end < len(hay) and word(hay[end]))


def reference(hay: str, forms: set[str]) -> list[tuple[int, int]]:
    out, i = [], 0
    while i < len(hay):
        size = max((len(f) for f in forms if fits(hay, f, i)), default=0)
        if size:
            out.append((i, i + size))
        i += size or 1
    return out


FORMS = st.lists(st.text("ab𠮷 Xc1", min_size=1, max_size=5), max_size=14)


@settings(max_examples=300, deadline=None)
@given(FORMS, st.text("ab𠮷 Xc1d", max_size=80))
def test_the_finder_finds_what_the_definition_says(forms, hay):
    forms = {f for f in forms if f.strip()}
    finder = build_pattern(forms)
    found = [] if finder is None else list(finder.finditer(hay))
    assert found == reference(hay, forms)
    assert [(s, e) for s, e, _ in Scanner(finder).scan(hay)] == found


@settings(max_examples=200, deadline=None)
@given(FORMS, st.text("ab𠮷 Xc1d", max_size=80), st.integers(0, 80))
def test_search_from_any_position_is_the_definition_from_there(forms, hay, pos):
    forms = {f for f in forms if f.strip()}
    finder = build_pattern(forms)
    if finder is None:
        return
    pos = min(pos, len(hay))
    finder.finditer(hay)  # the automaton keeps this text's finds: searched from inside one
    got = finder.search(hay, pos)  # (the guards see the text before pos)
    starts = [i for i in range(pos, len(hay)) if any(fits(hay, f, i) for f in forms)]
    if not starts:
        assert got is None
    else:
        i = starts[0]
        assert got == (i, i + max(len(f) for f in forms if fits(hay, f, i)))


def test_chinese_forms_go_to_the_automaton_latin_edges_to_the_sifted_one():
    finder = build_pattern(["上海合作组织", "SCO", "上合", "G20峰会", "峰会G"])
    assert isinstance(finder, Merged)
    aho, guarded = finder.parts
    assert isinstance(aho, AhoFinder) and isinstance(guarded, GuardedFinder)
    assert isinstance(build_pattern(["上合"]), AhoFinder)
    assert isinstance(build_pattern(["UN"]), GuardedFinder)
    hay = "上海合作组织和SCOT、SCO、G20峰会G"
    assert [hay[s:e] for s, e in finder.finditer(hay)] == ["上海合作组织", "SCO", "G20峰会"]


def test_a_search_far_from_any_find_widens_its_window():
    rng = random.Random(3)
    forms = {"".join(rng.choices("上海合作组织成员国", k=rng.randint(2, 6))) for _ in range(40)}
    forms |= {"上海", "合作"}
    finder = AhoFinder(sorted(forms))
    hay = "x" * 5000 + "上海合作组织成员国" * 3
    for pos in (1, 4999, 5001, 5003, 5020):  # inside a find of the whole text, or not
        i = next((i for i in range(pos, len(hay)) if any(hay.startswith(f, i) for f in forms)),
                 None)
        expected = None if i is None else (i, i + max(len(f) for f in forms
                                                      if hay.startswith(f, i)))
        assert finder.search(hay, pos) == expected
        assert finder._window(hay, pos) == expected


def test_many_forms_are_split_among_automata_and_find_what_one_finds(monkeypatch):
    from annotator.core import scanner

    rng = random.Random(8)
    forms = sorted({"".join(rng.choices("上海合作组织成员国", k=rng.randint(1, 5)))
                    for _ in range(200)} | {"SCO", "上合G"})
    hay = "".join(rng.choices("上海合作组织成员国SCO G", k=3000))
    whole = list(build_pattern(forms).finditer(hay))
    monkeypatch.setattr(scanner, "PART", 17)
    split = build_pattern(forms)
    assert isinstance(split, Merged) and len(split.parts) > 10
    assert list(split.finditer(hay)) == whole == reference(hay, set(forms))
