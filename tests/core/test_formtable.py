"""The compact lexicon against the plain one: the same entries after building and after
any sequence of spans added and removed."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotation import Annotation
from annotator.core.commands import Change
from annotator.core.formtable import FormCounts
from annotator.core.suggest import Lexicon
from annotator.core.suggester import LexiconSource
from annotator.core.tagset import default_tagset

TAGS = ("actor.igo", "actor.state", "place")
FORM = st.text("上海合作组织a\0", min_size=1, max_size=3)
#: the tagset's own example forms come in too (上合组织, SCO, …)
OPS = st.lists(st.tuples(FORM | st.sampled_from(["上合组织", "sco"]), st.sampled_from(TAGS),
                         st.booleans()), max_size=30)


def plain(source: LexiconSource, counts: dict[str, Counter[str]]) -> dict:
    return dict(Lexicon.from_counts(source.listed, counts).entries)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(FORM, st.sampled_from(TAGS), st.integers(1, 3)), max_size=25),
       OPS)
def test_entries_are_the_plain_lexicons_before_and_after_edits(rows, ops):
    source = LexiconSource(default_tagset(), rows)
    counts: dict[str, Counter[str]] = {}
    for text, tag, n in rows:
        if text.strip():
            counts.setdefault(text.strip(), Counter())[tag] += n
    assert dict(source.lexicon.entries) == plain(source, counts)
    assert len(source.lexicon.entries) == len(plain(source, counts))
    entries = source.lexicon.entries
    for form in list(entries):  # made once now: what is kept must not go stale
        assert entries[form] == entries[form]
    live: list[Annotation] = []
    texts: dict[str, str] = {}  # a document per span: its text is the span's
    for k, (form, tag, add) in enumerate(ops):
        if add or not live:
            span = Annotation(f"a{k}", f"d{k}", 0, len(form), tag, "lin", {}, "", "")
            texts[span.doc_id] = form
            live.append(span)
            change = Change(span.doc_id, added=(span,))
            counts.setdefault(form.strip(), Counter())[tag] += 1
        else:
            span = live.pop(0)
            change = Change(span.doc_id, removed=(span,))
            counts[texts[span.doc_id].strip()][span.tag] -= 1
        source.update(change, texts.__getitem__)
    reference = plain(source, counts)
    assert dict(source.lexicon.entries) == reference
    assert len(source.lexicon.entries) == len(reference)
    assert sorted(source.lexicon.entries) == sorted(reference)
    for form in {*counts, *reference, "不在"}:  # asked without making an entry, and made
        assert (form in entries) == (form in reference)
        assert entries.get(form) == reference.get(form)


def test_the_base_forms_are_fresh_sorted_strings_and_a_nul_keeps_them_whole():
    table = FormCounts({"上合": Counter({"b": 2, "a": 1}), "a\0b": Counter({"a": 1})})
    assert table.forms == sorted(["上合", "a\0b"])
    assert table.get("上合") == Counter({"b": 2, "a": 1}) and table.get("上") is None
    table.touch("上")["a"] += 1
    assert table.get("上") == Counter({"a": 1}) and table.index("上") == -1


def test_a_base_forms_change_is_told_and_its_removal_counted():
    """A form counted at build whose spans change: the update says suggestions change when
    its most frequent tag does, and the form leaves the lexicon with its last span."""
    form = "上海合作"
    source = LexiconSource(None, [(form, "actor.igo", 1)])
    texts = {"d": form}
    old = Annotation("a", "d", 0, len(form), "actor.igo", "lin", {}, "", "")
    new = old._replace(tag="place")
    assert source.update(Change("d", removed=(old,), added=(new,)), texts.__getitem__)
    assert source.lexicon.entries[form].tag == "place"
    assert source.update(Change("d", removed=(new,)), texts.__getitem__)
    assert form not in source.lexicon.entries and len(source.lexicon.entries) == 0
    assert list(source.lexicon.entries) == []


def test_an_entry_is_looked_up_without_an_import(monkeypatch):
    """A repaint asks for the entry of every suggestion on screen (hundreds per paragraph);
    an import inside the look-up went through PySide6's import hook each time."""
    import builtins

    source = LexiconSource(default_tagset(), [("恐怖主义", "actor.igo", 2), ("上合", "place", 1)])
    entries = source.lexicon.entries
    imports = []
    real = builtins.__import__
    monkeypatch.setattr(builtins, "__import__", lambda *a, **k: imports.append(a[0]) or
                        real(*a, **k))
    for form in ("恐怖主义", "上合", "不在", "恐怖主义"):
        entries.get(form)
        form in entries  # noqa: B015
    assert imports == []
