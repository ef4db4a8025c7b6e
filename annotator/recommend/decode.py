"""Decoding a linear-chain CRF: each character's label probabilities (forward-backward)
and the labels of the most probable path (Viterbi), over all the sentences of a text.

Sentences are decoded in batches of similar length, one step per character position for
the whole batch: a step is a few numpy operations whatever the batch's size, so the cost
of a short text is the number of steps (its longest sentences), and that of a long one the
arithmetic. Everything a step needs that does not depend on the step before — the
transition scores between the candidate labels of two neighbours, the positions where
sentences end — is gathered for the whole batch before the loop.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

BEAM = 6  # labels kept at each character by Viterbi
CELLS = 65536  # characters (with padding) per batch
SPREAD = 1.5  # the longest sentence of a batch, at most this times the shortest…
SMALL = 16384  # …unless the batch is small (then fewer steps beat less padding)
RESCALE = 8  # steps between rescalings of forward-backward


def decode(emissions: np.ndarray, transitions: np.ndarray,
           bounds: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Each character's label probabilities and label on the most probable path, for the
    sentences ``[start, end)`` of ``bounds`` (characters outside them: zeros, label 0)."""
    out = np.zeros(emissions.shape)
    best = np.zeros(len(emissions), dtype=np.int64)
    trans = np.exp(transitions - transitions.max()).astype(np.float32)
    log_trans = transitions.astype(np.float32)
    groups = batches(bounds)
    for batch in groups:
        _forward_backward(batch, emissions, trans, out)
    width = min(BEAM, emissions.shape[1])
    top = np.argpartition(-out, width - 1, axis=1)[:, :width]
    for batch in groups:
        _viterbi(batch, emissions, log_trans, top, best)
    return out, best


def batches(bounds: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The sentences sorted by length, in batches of at most :data:`CELLS` characters with
    padding, of similar lengths unless small."""
    out: list[list[tuple[int, int]]] = []
    batch: list[tuple[int, int]] = []
    for b in sorted(bounds, key=lambda b: b[1] - b[0]):
        length = b[1] - b[0]
        cells = (len(batch) + 1) * length
        if batch and (cells > CELLS or (
                cells > SMALL and length > SPREAD * (batch[0][1] - batch[0][0]))):
            out.append(batch)
            batch = []
        batch.append(b)
    return [*out, batch] if batch else out


def _layout(bounds: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The characters of a batch as ``[step, sentence]`` (-1: padding after a sentence's
    end), each sentence's length, and the layout with the padding read as character 0."""
    starts, ends = np.array(bounds, dtype=np.int64).reshape(-1, 2).T
    lengths = ends - starts
    index = np.arange(int(lengths[-1]))[:, None] + starts[None, :]
    index[index >= ends[None, :]] = -1
    return index, lengths, np.where(index >= 0, index, 0)


def _ends(lengths: np.ndarray) -> dict[int, np.ndarray]:
    """The sentences (columns) whose last character is at each step."""
    steps, first = np.unique(lengths - 1, return_index=True)
    cuts = [*first.tolist()[1:], len(lengths)]
    return {int(t): np.arange(a, b) for t, a, b in zip(steps, first, cuts, strict=True)}


def _viterbi(bounds: list[tuple[int, int]], emissions: np.ndarray, trans: np.ndarray,
             top: np.ndarray, out: np.ndarray) -> None:
    """The most probable label sequence of each sentence of a batch into ``out``, among
    the :data:`BEAM` most probable labels ``top`` of each character (by its marginals: a
    label outside them is not on the best path in practice, and each step costs beam ×
    beam instead of labels × labels).

    Arrays are laid out ``[step, label, sentence]``, so that the maximum over the
    previous label is one over the first axis (element-wise between rows, which numpy
    does fast); the way back takes the argmax only for the label chosen at each step."""
    index, lengths, where = _layout(bounds)
    longest, size = index.shape
    width = top.shape[1]
    cand = top[where].transpose(0, 2, 1)  # [t, k, s]
    score = np.take_along_axis(emissions[where].astype(np.float32).transpose(0, 2, 1),
                               cand, axis=1)
    moves = np.take(trans.ravel(), cand[:-1, :, None, :] * len(trans) +
                    cand[1:, None, :, :])  # [t, from, to, s]
    moves += score[1:, None, :, :]  # the score of the label moved to
    ends = _ends(lengths)
    last = np.zeros(size, dtype=np.intp)  # each sentence's best label at its end
    delta = np.empty(score.shape, dtype=np.float32)
    delta[0] = score[0]
    step = np.empty((width, width, size), dtype=np.float32)
    for t in range(longest):
        if t:
            np.add(delta[t - 1][:, None, :], moves[t - 1], out=step)
            step.max(axis=0, out=delta[t])
        if t in ends:
            last[ends[t]] = delta[t][:, ends[t]].argmax(axis=0)
    _back(index, ends, last, delta, moves, cand, out)


def _back(index: np.ndarray, ends: dict[int, np.ndarray], last: np.ndarray,
          delta: np.ndarray, moves: np.ndarray, cand: np.ndarray, out: np.ndarray) -> None:
    """Viterbi's way back: from each sentence's best last label, the label before that
    gave it its score, step by step (the sums are those of the way forward, so the same
    label wins), in views laid out ``[step, sentence, label]`` (an argmax along the last
    axis is the fast one)."""
    longest, size = index.shape
    before = delta.transpose(0, 2, 1)  # [t, s, from]
    into = moves.transpose(0, 2, 3, 1)  # [t, to, s, from]
    path = np.empty((longest, size), dtype=np.intp)
    rows = np.arange(size)
    k = last.copy()
    for t in range(longest - 1, -1, -1):
        if t in ends:  # sentences ending here start their way back
            k[ends[t]] = last[ends[t]]
        path[t] = k
        if t:
            k = (before[t - 1] + into[t - 1][k, rows]).argmax(axis=1)
    valid = index >= 0
    out[index[valid]] = np.take_along_axis(cand, path[:, None, :], axis=1)[:, 0][valid]


def _forward_backward(bounds: list[tuple[int, int]], emissions: np.ndarray,
                      trans: np.ndarray, out: np.ndarray) -> None:
    """Marginals of a batch of sentences (sorted by length) into ``out``: forward and
    backward products, rescaled every few steps (each position's marginals are normalised
    at the end, so the scale in between does not matter)."""
    index, lengths, where = _layout(bounds)
    longest = len(index)
    valid = index >= 0
    em = emissions[where]
    em -= em.max(axis=2, keepdims=True)
    np.exp(em, out=em)
    alpha = np.empty_like(em)
    alpha[0] = em[0]
    for t in range(1, longest):
        np.dot(alpha[t - 1], trans, out=alpha[t])
        alpha[t] *= em[t]
        if t % RESCALE == 0:
            alpha[t] /= alpha[t].sum(axis=1, keepdims=True)
    ends = _ends(lengths)
    beta = np.ones_like(em)
    back = np.ascontiguousarray(trans.T)
    for t in range(longest - 2, -1, -1):
        np.dot(em[t + 1] * beta[t + 1], back, out=beta[t])
        if t in ends:  # sentences ending here start their backward pass
            beta[t, ends[t]] = 1.0
        if t % RESCALE == 0:
            beta[t] /= beta[t].sum(axis=1, keepdims=True)
    alpha *= beta
    alpha /= alpha.sum(axis=2, keepdims=True)
    out[index[valid]] = alpha[valid]
