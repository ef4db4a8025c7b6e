"""A real evaluation on the demo corpus's gold layer (seeds/gold.json): the numbers the
README shows, within what this code gives (cross-validation by document)."""

from __future__ import annotations

import pytest

from annotator.project import create_project
from annotator.recommend import training


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    store, _ = create_project(tmp_path_factory.mktemp("seeds") / "demo.annotator")
    with store:
        yield training.read(store, "gold")


def test_the_demo_corpus_has_a_full_gold_layer(corpus):
    assert len(corpus.examples) == 5 and corpus.spans == 570 and corpus.overlapping == 0
    tags = {t for e in corpus.examples for *_x, t in e.spans}
    assert len(tags) == 24  # every tag of the default tagset is used at least once


def test_both_recommenders_measured_on_held_out_documents(corpus):
    ev = training.evaluate(corpus, curve=False)
    assert ev.method == "5-fold cross-validation over documents" and ev.folds == 5
    lexicon, crf = ev.f1("lexicon"), ev.f1("crf")
    # each gold span is counted once, in the fold that held its document out
    total = ev.scores["crf"].total()
    assert total.tp + total.fn == 570
    assert 0.45 <= lexicon <= 0.55 and 0.38 <= crf <= 0.52, (lexicon, crf)
    assert ev.f1("crf", "overlap") > crf  # boundaries are the model's main error
