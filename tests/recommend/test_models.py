"""The two recommenders on data whose right answer is known, and the scoring."""

from __future__ import annotations

import numpy as np
import pytest

from annotator.recommend import crf, training
from annotator.recommend.data import Example, Segment, flat, segments, sentence_bounds
from annotator.recommend.evaluate import Counts, folds, score
from annotator.recommend.features import AttributeNames, short_name
from annotator.recommend.lexicon import LexiconModel
from annotator.recommend.training import Corpus

from .generated import BODIES, STATES, THREATS, documents


def segs(examples):
    return [s for e in examples for s in segments(e)]


def test_sentences_are_cut_after_final_punctuation_and_lines():
    text = "他说：“好。”然后走了！\n\n第二段；完"
    assert [text[s:e] for s, e in sentence_bounds(text)] == \
        ["他说：“好。”", "然后走了！", "第二段；", "完"]


def test_a_long_sentence_is_cut_after_commas_and_western_full_stops():
    """Over 60 characters: cut after a comma, an enumeration comma or a full stop before
    a space, into pieces of 20 characters or more (never at a decimal point)."""
    names = "、".join(["哈萨克斯坦共和国总统助理"] * 6)
    english = "Zhao said the rate was 3.5 per cent last year. He met the ministers " \
        "of the member states in Beijing. The talks went on for two days"
    for text, cut in [(names, "、"), (english, ". ")]:
        pieces = [text[s:e] for s, e in sentence_bounds(text)]
        assert "".join(pieces) == text and len(pieces) > 1
        assert all(p.endswith(cut.strip()) and len(p) >= 20 for p in pieces[:-1])
    assert "3." not in [p[-2:] for p in (english[s:e] for s, e in sentence_bounds(english))]


def test_a_span_crossing_a_sentence_end_joins_the_sentences():
    text = "甲。乙丙。丁。"
    (one, two) = segments(Example("d", text, ((1, 4, "x"),)))
    assert (one.offset, one.length, one.spans) == (0, 5, ((1, 4, "x"),))
    assert (two.text, two.spans) == ("丁。", ())


def test_flat_keeps_the_longest_of_overlapping_spans():
    kept, dropped = flat([(0, 2, "a"), (0, 5, "b"), (4, 6, "c"), (6, 7, "d")])
    assert kept == [(0, 5, "b"), (6, 7, "d")] and dropped == 2


def test_iob1_marks_a_start_only_after_a_span_of_the_same_tag():
    assert crf.iob1(6, [(0, 2, "a"), (2, 3, "a"), (3, 5, "b")]) == \
        ["I-a", "I-a", "B-a", "I-b", "I-b", "O"]


def test_lexicon_score_is_the_share_of_occurrences_tagged():
    text = "中国和中国和中国。上合组织。"
    seg = Segment("d", text, 0, len(text), ((0, 2, "actor.state"), (3, 5, "actor.state")))
    model = LexiconModel.train([seg])
    assert model.seen["中国"] == 3
    assert model.score("中国", "actor.state") == pytest.approx(2 / 3)
    assert model.score("上合组织", "actor.igo") == 0.0  # never tagged
    found = model.predict("台湾和中國。")  # folded: 中國 is 中国
    assert [(p.start, p.end, p.tag, round(p.score, 3)) for p in found] == \
        [(3, 5, "actor.state", 0.667)]


def test_a_rejection_outside_the_training_text_lowers_the_score():
    seg = Segment("d", "中国。", 0, 3, ((0, 2, "actor.state"),))
    assert LexiconModel.train([seg]).score("中国", "actor.state") == 1.0
    model = LexiconModel.train([seg], rejections=[("中國", "actor.state")])
    assert model.score("中国", "actor.state") == 0.5
    again = LexiconModel.from_json(model.to_json())
    assert again.score("中国", "actor.state") == 0.5 and again.seen == model.seen


def test_one_character_forms_need_two_tagged_spans():
    seg = Segment("d", "华与俄。", 0, 4, ((0, 1, "actor.state"),))
    assert len(LexiconModel.train([seg])) == 0


def test_scores_exact_and_overlapping():
    s = score([(0, 2, "a"), (5, 9, "a"), (10, 12, "b")],
              [(0, 2, "a"), (5, 8, "a"), (10, 12, "a"), (20, 21, "b")])
    assert (s.exact["a"].tp, s.exact["a"].fp, s.exact["a"].fn) == (1, 2, 1)
    assert (s.overlap["a"].tp, s.overlap["a"].fp, s.overlap["a"].fn) == (2, 1, 0)
    assert (s.exact["b"].tp, s.exact["b"].fp, s.exact["b"].fn) == (0, 1, 1)
    assert s.total("exact").f1 == pytest.approx(2 * 0.25 * 1 / 3 / (0.25 + 1 / 3))
    assert Counts().f1 == 0.0


def test_folds_hold_each_document_out_once_and_never_split_one():
    ids = [f"d{i}" for i in range(7)]
    parts = folds(ids)
    assert len(parts) == 5
    assert sorted(i for _train, test in parts for i in test) == sorted(ids)
    assert all(not (train & test) and train | test == set(ids) for train, test in parts)
    big = folds([f"d{i}" for i in range(200)])
    assert len(big) == 1 and len(big[0][1]) == 40
    with pytest.raises(ValueError, match="at least two documents"):
        folds(["d0"])


def test_the_crf_tags_held_out_documents_and_names_it_never_saw(tmp_path):
    """Trained on generated documents, it tags other documents almost perfectly, and
    names missing from its training whose characters and contexts it knows."""
    vocab = {"state": [s for s in STATES if s != "塔吉克斯坦"], "threat": THREATS,
             "body": BODIES}
    model = crf.train(segs(documents(12, vocab=vocab)))
    found, gold = set(), set()
    for e in documents(3, seed=9, vocab=vocab, prefix="t"):
        gold |= {(e.doc_id, *s) for s in e.spans}
        found |= {(e.doc_id, p.start, p.end, p.tag) for p in
                  model.predict(e.text, sentence_bounds(e.text))}
    hit = len(found & gold)
    assert hit / len(gold) > 0.95 and hit / len(found) > 0.95, (hit, len(gold), len(found))
    text = "塔吉克斯坦与中国同意共同打击毒品走私。据悉，反恐合作中心将于明年在土库曼斯坦举行会议。"
    tagged = {(text[p.start:p.end], p.tag) for p in model.predict(text, sentence_bounds(text))}
    assert {("塔吉克斯坦", "actor.state"), ("土库曼斯坦", "actor.state"),
            ("反恐合作中心", "mechanism.body")} <= tagged
    path = tmp_path / "m.npz"
    model.save(path)
    again = crf.CrfModel.load(path)
    assert again.predict(text, sentence_bounds(text)) == model.predict(text,
                                                                         sentence_bounds(text))


def test_scores_are_probabilities_and_offsets_are_code_points():
    model = crf.train(segs(documents(6)))
    text = "𠮷𠮷中国与俄罗斯同意共同打击恐怖主义。"
    found = model.predict(text, sentence_bounds(text))
    assert {(text[p.start:p.end], p.tag) for p in found} >= {("中国", "actor.state"),
                                                            ("恐怖主义", "threat.terrorism")}
    assert all(0 < p.score <= 1 for p in found)


def test_training_can_be_cancelled():
    with pytest.raises(crf.Cancelled):
        crf.train(segs(documents(2)), cancelled=lambda: True)


def test_a_rejected_suggestion_is_learnt_as_not_tagged():
    docs = documents(6)
    base = crf.train(segs(docs))
    text = "会议决定由中国负责协调各方打击洗钱的行动。"
    where = text.index("洗钱")
    before = [p for p in base.predict(text, sentence_bounds(text)) if p.start == where]
    assert before and before[0].tag == "threat.terrorism"
    negatives = [Segment("n", text, where, 2, (), negative=True)] * 20
    after = crf.train(segs(docs), negatives).predict(text, sentence_bounds(text))
    mine = [p for p in after if p.start == where]
    assert not mine or mine[0].score < before[0].score


def test_an_evaluation_and_training_give_the_same_whatever_trained_before():
    """CRFsuite shuffles with the C library's generator: an evaluation seeds it first,
    and the training after it goes on from there."""
    corpus = Corpus("gold", documents(4), {}, [])
    settings = crf.CrfSettings(iterations=3)

    def run():
        ev = training.evaluate(corpus, settings, curve=False)
        return ev.f1("crf"), training.fit(corpus, settings).crf

    f1, first = run()
    crf.train(segs(documents(2, seed=5)), settings=settings)
    again_f1, again = run()
    assert f1 == again_f1 and (first.transitions == again.transitions).all()
    assert all((a == b).all() for a, b in zip(first.weights.arrays().values(),
                                              again.weights.arrays().values(),
                                              strict=True))


def test_attributes_are_named_short_and_read_back_as_their_keys():
    names = AttributeNames()
    first = names.number(np.array([[7, 1 << 60], [7, 5]], dtype=np.int64))
    again = names.number(np.array([[5, 9]], dtype=np.int64))
    assert first.tolist() == [[1, 2], [1, 0]] and again.tolist() == [[0, 3]]
    rows = names.rows(np.concatenate([first, again]))
    assert rows == [[b"1", b"2"], [b"1", b"0"], [b"0", b"3"]] and rows[0][0] is rows[1][0]
    assert [short_name(n) for n in (9, 10, 61, 62, 62 * 62 + 1)] == [
        b"9", b"a", b"Z", b"10", b"101"]
    assert names.key_of("2") == 1 << 60 and names.key_of("3") == 9
    big = AttributeNames()
    big.number(np.arange(62 * 62 + 2, dtype=np.int64))
    assert big.key_of("101") == 62 * 62 + 1


def test_spans_are_runs_of_a_tag_cut_by_b_labels_and_sentences():
    labels = ["O", "B-x", "I-x", "I-y"]
    model = crf.CrfModel(labels, None, np.zeros((4, 4)), LexiconModel(), {})  # type: ignore[arg-type]
    text = "ab cdefghij"
    #        0 1 2 3 4 5 6 7 8 9 10
    best = np.array([2, 2, 2, 1, 2, 3, 3, 2, 0, 2, 2])
    marg = np.full((len(text), 4), 0.1)
    marg[np.arange(len(text)), best] = [0.9, 0.7, 0.5, 0.6, 0.8, 0.4, 0.2, 1.0, 0.3, 0.6, 0.6]
    found = model.spans(text, [(0, 9), (9, 10)], marg, best, 100)
    assert [(p.start, p.end, p.tag) for p in found] == [
        (100, 102, "x"), (103, 105, "x"), (105, 107, "y"), (107, 108, "x"), (109, 110, "x")]
    assert [round(p.score, 6) for p in found] == [0.7, 0.7, 0.3, 1.0, 0.6]
