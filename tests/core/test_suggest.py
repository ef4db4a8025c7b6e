"""Suggestions from a lexicon: scanning, accepting in one undo step, rejecting, folding."""

from __future__ import annotations

import random
import time

import pytest
from seedproject import create_without_gold as create_project

from annotator.core.annotation import Annotation, Annotator
from annotator.core.search import searchable
from annotator.core.session import Session
from annotator.core.suggest import (
    Lexicon,
    Suggestion,
    accept_all,
    annotate_all,
    suggestions,
)
from annotator.core.tagset import default_tagset

SCO = "上海合作组织"
IGO = "actor.igo"


@pytest.fixture
def project(tmp_path):
    store, _ = create_project(tmp_path / "p.annotator")
    session = Session(store, Annotator("lin", "Lin"))
    docs = [(d.id, store.document(d.id).text) for d in store.documents()]
    yield store, session, docs
    store.close()


def plain_scan(text: str, form: str) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of ``form`` in the folded text, the obvious way."""
    hay, out, i = searchable(text), [], 0
    while (i := hay.find(form, i)) >= 0:
        out.append((i, i + len(form)))
        i += len(form)
    return out


def tag_first(session, doc_id, text, form=SCO, tag=IGO):
    start, end = plain_scan(text, form)[0]
    session.add(doc_id, text, start, end, tag)
    return session.store.annotations(doc_id)


def test_accept_all_creates_exactly_the_occurrences_and_one_undo_removes_them(project):
    store, session, docs = project
    doc_id, text = docs[1]
    spans = tag_first(session, doc_id, text)
    lexicon = Lexicon.build(None, [(a.text_in(text), a.tag) for a in spans])
    found = suggestions(text, spans, lexicon, set())
    expected = plain_scan(text, SCO)[1:]
    assert len(expected) == 8
    assert [(s.start, s.end) for s in found] == expected
    assert {(s.tag, s.form, s.source) for s in found} == {(IGO, SCO, "annotations")}

    change = session.run(accept_all(doc_id, text, found, "lin"))
    assert change is not None and change.command is not None
    assert change.command.kind == "batch"
    after = store.annotations(doc_id)
    assert [(a.start, a.end, a.tag) for a in after] == [
        (s, e, IGO) for s, e in plain_scan(text, SCO)]
    assert suggestions(text, after, lexicon, set()) == []

    session.undo()
    assert store.annotations(doc_id) == spans


def test_traditional_text_matches_a_simplified_span(project):
    _, session, docs = project
    spans = tag_first(session, *docs[1])
    lexicon = Lexicon.build(None, [(a.text_in(docs[1][1]), a.tag) for a in spans])
    doc_id, text = docs[4]
    found = suggestions(text, [], lexicon, set())
    assert [(s.start, s.end) for s in found] == plain_scan(text, SCO)
    assert {text[s.start:s.end] for s in found} == {"上海合作組織"}


def test_tagset_examples_in_every_script_make_one_form():
    lexicon = Lexicon.build(default_tagset())
    entry = lexicon[SCO]  # listed as 上海合作组织 (zh-Hans) and 上海合作組織 (zh-Hant)
    assert (entry.tag, entry.counts, entry.source) == (IGO, {IGO: 1}, "tagset")
    assert "sco" in lexicon and "上海合作組織" not in lexicon


def test_rejected_suggestions_stay_rejected(project):
    _, session, docs = project
    doc_id, text = docs[2]
    spans = tag_first(session, doc_id, text)
    lexicon = Lexicon.build(None, [(a.text_in(text), a.tag) for a in spans])
    first, *rest = suggestions(text, spans, lexicon, set())
    rejected = {(first.start, first.end, first.tag)}
    assert suggestions(text, spans, lexicon, rejected) == rest
    session.run(accept_all(doc_id, text, rest, "lin"))
    assert suggestions(text, session.store.annotations(doc_id), lexicon, rejected) == []
    assert suggestions(text, session.store.annotations(doc_id), lexicon, set()) == [first]


def test_only_unannotated_occurrences_are_suggested():
    text = "上海合作组织和上海合作组织，上海合作组织。上海合作组织"
    # tagged otherwise; partly covered by a longer span; untouched; touching a span's end
    spans = [Annotation("a", "d", 0, 6, "actor.state", "lin"),
             Annotation("b", "d", 15, 17, IGO, "lin"),
             Annotation("c", "d", 20, 21, IGO, "lin")]
    lexicon = Lexicon.build(None, [(SCO, IGO)])
    assert suggestions(text, spans, lexicon) == [Suggestion(7, 13, IGO, SCO, "annotations"),
                                                 Suggestion(21, 27, IGO, SCO, "annotations")]


def test_lexicon_counts_ambiguity_and_short_forms():
    pairs = [(SCO, IGO), (SCO, IGO), (SCO, "actor.state"), ("华", "actor.state"),
             ("俄", "actor.state"), ("俄", "actor.state"), (" 上合組織 ", IGO)]
    lexicon = Lexicon.build(None, pairs)
    entry = lexicon[SCO]
    assert (entry.tag, entry.counts, entry.annotated, entry.ambiguous) == (
        IGO, {IGO: 2, "actor.state": 1}, 3, True)
    assert "华" not in lexicon and lexicon["俄"].tag == "actor.state"
    assert lexicon["上合组织"].tag == IGO and not lexicon["上合组织"].ambiguous


def test_longest_form_first_and_no_overlaps():
    lexicon = Lexicon.build(None, [("上海合作", "x.a"), (SCO, IGO), ("组织成员国", "x.b"),
                                   ("合作", "x.c")])
    text = "上海合作组织成员国，上海合作精神，合作"
    assert [(s.start, s.end, s.tag) for s in suggestions(text, [], lexicon)] == [
        (0, 6, IGO), (10, 14, "x.a"), (17, 19, "x.c")]


def test_latin_forms_match_whole_words_only():
    lexicon = Lexicon.build(default_tagset())
    text = "The SCO and UN met; SCOPE, disco, UNESCO and un-ness. 上合SCO峰会"
    found = [(s.start, s.end, s.form) for s in suggestions(text, [], lexicon)]
    un, sco = text.index("un-"), text.index("SCO峰")
    assert found == [(4, 7, "sco"), (12, 14, "un"), (un, un + 2, "un"), (sco, sco + 3, "sco")]


def brute_force(hay: str, forms: set[str]) -> list[tuple[int, int]]:
    out, i = [], 0
    while i < len(hay):
        size = max((len(f) for f in forms if hay.startswith(f, i)), default=0)
        if size:
            out.append((i, i + size))
        i += size or 1
    return out


@pytest.mark.parametrize("seed", range(20))
def test_scan_is_leftmost_longest(seed):
    rng = random.Random(seed)
    alphabet = "上海合作组织成员国"
    forms = {"".join(rng.choices(alphabet, k=rng.randint(1, 5))) for _ in range(25)}
    lexicon = Lexicon.build(None, [(f, IGO) for f in forms for _ in range(2)])
    hay = "".join(rng.choices(alphabet, k=300))
    assert [(s, e) for s, e, _ in lexicon.scan(hay)] == brute_force(hay, forms)


def test_many_first_characters_are_found():
    forms = sorted({searchable(chr(0x4E00 + i) + "国") for i in range(300)})
    lexicon = Lexicon.build(None, [(f, IGO) for f in forms])
    hay = "".join(forms[::7])
    assert [h[2] for h in lexicon.scan(hay)] == forms[::7]


def test_scan_is_fast():
    rng = random.Random(1)
    chars = [chr(0x4E00 + i) for i in range(3000)]
    pairs = [("".join(rng.choices(chars, k=rng.randint(2, 8))), IGO) for _ in range(500)]
    lexicon = Lexicon.build(default_tagset(), pairs)
    text = "".join(rng.choices(chars, k=200_000))
    begin = time.perf_counter()
    suggestions(text, [], lexicon)
    assert time.perf_counter() - begin < 1.0


def test_accept_all_refuses_nothing_and_bad_bounds():
    assert accept_all("d", "上海合作组织", [], "lin") is None
    with pytest.raises(ValueError):
        accept_all("d", "上海", [Suggestion(0, 6, IGO, SCO, "tagset")], "lin")


def test_annotate_all_lists_untagged_occurrences_of_that_annotator(project):
    _, session, docs = project
    doc_id, text = docs[4]
    occurrences = plain_scan(text, SCO)
    spans = tag_first(session, doc_id, text)
    others = [Annotation("o", doc_id, *occurrences[1], IGO, "chen"),
              Annotation("x", doc_id, *occurrences[1], "actor.state", "lin")]
    found = annotate_all(doc_id, text, SCO, IGO, "lin", spans + others)
    assert found == occurrences[1:]
    assert annotate_all(doc_id, text, "上海合作", IGO, "lin", spans) == [
        (s, s + 4) for s, _ in occurrences[1:]]
