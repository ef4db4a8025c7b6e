"""The open document's suggestions with a sequence model's beside the lexicon's: scores,
the better of overlapping ones, the minimum score, a recommender switched off."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotation import Annotation
from annotator.core.spans import SpanIndex
from annotator.core.suggest import Lexicon, Suggestion
from annotator.core.suggester import DocSuggestions, best_of

TEXT = "上合组织和中国打击恐怖主义。\n上合组织秘书长发言。"


def doc(spans=(), rejected=None) -> DocSuggestions:
    s = DocSuggestions("d", TEXT, SpanIndex(TEXT, list(spans)), "lin", rejected or set())
    lexicon = Lexicon.build(None, [("上合组织", "actor.igo"), ("上合组织", "actor.igo"),
                                   ("上合组织", "actor.state"), ("中国", "actor.state")])
    lexicon.scanner  # noqa: B018 (compiled here, as the window does on a worker thread)
    s.set_lexicon(lexicon)
    return s


def crf(start, end, tag, score) -> Suggestion:
    return Suggestion(start, end, tag, TEXT[start:end], "model", score, "crf")


def test_lexicon_suggestions_carry_the_share_of_their_tag_or_the_trained_score():
    s = doc()
    first = s.all()[0]
    assert (first.start, first.tag, first.recommender) == (0, "actor.igo", "lexicon")
    assert round(first.score, 3) == 0.667  # tagged igo 2 of 3 times
    s.score_of = lambda form, tag: 0.25 if form == "上合组织" else None
    s.set_lexicon(s.lexicon)  # scanned again: scores are applied as suggestions are made
    assert [round(x.score, 2) for x in s.all()] == [0.25, 1.0, 0.25]


def test_model_suggestions_join_the_better_of_overlapping_ones_wins():
    s = doc()
    s.use_model([crf(0, 2, "actor.state", 0.9),  # overlaps the lexicon's 上合组织 (0.67)
                 crf(9, 13, "threat.terrorism", 0.8),
                 crf(5, 7, "actor.state", 0.3)])  # overlaps 中国 from the lexicon (1.0)
    got = [(x.start, x.end, x.tag, x.recommender) for x in s.all()]
    assert got == [(0, 2, "actor.state", "crf"), (5, 7, "actor.state", "lexicon"),
                   (9, 13, "threat.terrorism", "crf"), (15, 19, "actor.igo", "lexicon")]
    assert best_of([crf(0, 4, "a", 0.5), crf(0, 4, "b", 0.5)])[0].tag == "a"


def test_own_spans_rejections_minimum_score_and_a_recommender_switched_off():
    mine = Annotation("x", "d", 9, 13, "threat.terrorism", "lin")
    s = doc([mine], rejected={(5, 7, "actor.state")})
    s.use_model([crf(9, 11, "threat.terrorism", 0.9), crf(5, 7, "actor.state", 0.95),
                 crf(11, 13, "threat.terrorism", 0.4)])
    assert [(x.start, x.recommender) for x in s.all()] == [(0, "lexicon"), (15, "lexicon")]
    s.min_score = 0.7
    assert [x.start for x in s.all()] == []  # 0.67 and the others: below
    s.min_score, s.lexicon_on = 0.0, False
    assert s.all() == []


def _best_of_naive(found):
    """The plain reference: each candidate, best first, against every one kept."""
    ranked = sorted(found, key=lambda s: (-s.score, s.start - s.end, s.recommender != "lexicon",
                                          s.start))
    kept = []
    for s in ranked:
        if not any(k.start < s.end and s.start < k.end for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: (s.start, s.end))


@settings(max_examples=300)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 6), st.sampled_from("abc"),
                          st.sampled_from([0.25, 0.5, 1.0]), st.booleans()), max_size=60))
def test_best_of_keeps_what_the_plain_reference_keeps(rows):
    found = [Suggestion(start, start + n, tag, "x", "model", score,
                        "lexicon" if lexical else "crf") for start, n, tag, score, lexical in rows]
    assert best_of(found) == _best_of_naive(found)
