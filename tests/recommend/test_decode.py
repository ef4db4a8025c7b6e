"""Decoding a CRF (forward-backward and Viterbi) against brute force: every label sequence
of small random chains scored one by one."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from annotator.recommend import decode


def brute_force(emissions: np.ndarray, trans: np.ndarray, s: int, e: int
                ) -> tuple[np.ndarray, list[int]]:
    """Exact marginals and the best path of the sentence ``[s, e)``."""
    labels = emissions.shape[1]
    marg = np.zeros((e - s, labels))
    best, best_score = [], -np.inf
    for path in itertools.product(range(labels), repeat=e - s):
        score = sum(emissions[s + t, y] for t, y in enumerate(path)) + \
            sum(trans[a, b] for a, b in itertools.pairwise(path))
        marg[np.arange(e - s), path] += np.exp(score)
        if score > best_score:
            best, best_score = list(path), score
    return marg / marg.sum(axis=1, keepdims=True), best


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("cells", [decode.CELLS, 6])
def test_decoding_matches_brute_force(seed, cells, monkeypatch):
    """Sentences of different lengths (one of a single character, gaps between them),
    in one batch or in many (``cells``): the same marginals and best paths as scoring
    every sequence."""
    monkeypatch.setattr(decode, "CELLS", cells)
    rng = np.random.default_rng(seed)
    labels = 4  # below the beam: Viterbi then searches every label
    bounds = [(0, 3), (3, 4), (5, 10), (10, 12), (13, 18)]
    emissions = rng.normal(0, 2, (20, labels)).astype(np.float32)
    trans = rng.normal(0, 2, (labels, labels))
    marg, best = decode.decode(emissions, trans, bounds)
    for s, e in bounds:
        want_marg, want_best = brute_force(emissions, trans, s, e)
        assert np.allclose(marg[s:e], want_marg, atol=1e-5)
        assert best[s:e].tolist() == want_best
    assert not marg[[4, 12, 18, 19]].any()  # outside every sentence


def test_viterbi_keeps_the_most_probable_labels_of_each_character():
    """With more labels than the beam, the best path is still found when it runs through
    labels of high marginal probability."""
    rng = np.random.default_rng(7)
    labels = decode.BEAM + 3
    emissions = rng.normal(0, 3, (5, labels)).astype(np.float32)
    trans = rng.normal(0, 0.5, (labels, labels))
    marg, best = decode.decode(emissions, trans, [(0, 5)])
    assert best.tolist() == brute_force(emissions, trans, 0, 5)[1]


def test_batches_group_sentences_of_similar_length():
    bounds = [(0, 100), (100, 102), (102, 103)]
    assert decode.batches(bounds) == [[(102, 103), (100, 102), (0, 100)]]
    many = [(i * 300, i * 300 + 300) for i in range(300)] + [(90_000, 90_010)]
    groups = decode.batches(many)
    assert groups[0][0] == (90_000, 90_010)
    assert all(len(g) * (g[-1][1] - g[-1][0]) <= decode.CELLS for g in groups)
    assert sorted(b for g in groups for b in g) == sorted(many)
