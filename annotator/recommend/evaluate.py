"""Measuring the recommenders as INCEpTION does, and showing the numbers.

Documents are split, never sentences: a document's sentences are all on the training side
or all on the test side. A small layer (up to :data:`KFOLD_UP_TO` documents) is
cross-validated — each document is held out once, in ``k = min(5, documents)`` folds, and
the counts of all folds are added up — a larger one is split once, 80/20, by a hash of
each document's id (:func:`annotator.formats.select.split`, reproducible).

For each tag: precision, recall and F1, for exact matches (same start, end and tag) and
for overlapping ones (same tag, at least one character in common; each gold span matched
at most once). The totals are micro-averaged. The learning curve trains on ten growing
shares of the training sentences (10 % … 100 %, the same order for every size) and tests
on the same held-out documents.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.recommend import crf
from annotator.recommend.data import Example, Prediction, Segment, sentence_bounds
from annotator.recommend.lexicon import LexiconModel

KFOLD_UP_TO = 50
CURVE_POINTS = 10
RECOMMENDERS = ("lexicon", "crf")
Progress = Callable[[str, int, int], None]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Scores:
    """Per-tag counts, exact and overlapping."""

    exact: dict[str, Counts] = field(default_factory=dict)
    overlap: dict[str, Counts] = field(default_factory=dict)

    def add(self, other: Scores) -> None:
        for mine, theirs in ((self.exact, other.exact), (self.overlap, other.overlap)):
            for tag, c in theirs.items():
                mine.setdefault(tag, Counts()).add(c)

    def total(self, kind: str = "exact") -> Counts:
        out = Counts()
        for c in (self.exact if kind == "exact" else self.overlap).values():
            out.add(c)
        return out

    def to_dict(self) -> dict[str, Any]:
        tags = sorted(self.exact.keys() | self.overlap.keys())
        return {"tags": {t: {"exact": self.exact.get(t, Counts()).to_dict(),
                             "overlap": self.overlap.get(t, Counts()).to_dict()}
                         for t in tags},
                "total": {"exact": self.total("exact").to_dict(),
                          "overlap": self.total("overlap").to_dict()}}


def score(gold: Iterable[tuple[int, int, str]], predicted: Iterable[tuple[int, int, str]]
          ) -> Scores:
    """The scores of one document's predictions against its gold spans."""
    gold, predicted = sorted(set(gold)), sorted(set(predicted))
    out = Scores()
    for tag in {t for *_x, t in gold} | {t for *_x, t in predicted}:
        g = [(s, e) for s, e, t in gold if t == tag]
        p = [(s, e) for s, e, t in predicted if t == tag]
        hit = len(set(g) & set(p))
        out.exact[tag] = Counts(hit, len(p) - hit, len(g) - hit)
        matched = _overlapping(g, p)
        out.overlap[tag] = Counts(matched, len(p) - matched, len(g) - matched)
    return out


def _overlapping(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> int:
    """Pairs of overlapping spans, each used once (exact pairs first, then in order)."""
    left = list(gold)
    matched = 0
    rest = []
    for p in predicted:
        if p in left:
            left.remove(p)
            matched += 1
        else:
            rest.append(p)
    for s, e in rest:
        for k, (gs, ge) in enumerate(left):
            if gs < e and s < ge:
                del left[k]
                matched += 1
                break
    return matched


# --- the split -----------------------------------------------------------------------------
def folds(doc_ids: Sequence[str], seed: int = 0) -> list[tuple[set[str], set[str]]]:
    """``(training ids, test ids)`` of each fold (see the module's description)."""
    ids = sorted(set(doc_ids), key=lambda i: hashlib.sha256(f"{seed}\0{i}".encode())
                 .hexdigest())
    if len(ids) < 2:
        raise ValueError("an evaluation needs at least two documents in the training layer "
                         f"(it has {len(ids)})")
    if len(ids) > KFOLD_UP_TO:
        from annotator.formats.select import split

        parts = split(ids, (80, 20), seed)
        return [(set(parts["train"]), set(parts["test"]))]
    k = min(5, len(ids))
    return [({i for n, i in enumerate(ids) if n % k != f}, {i for n, i in enumerate(ids)
                                                          if n % k == f}) for f in range(k)]


def method(doc_count: int) -> str:
    if doc_count > KFOLD_UP_TO:
        return "one split of the documents, 80 % training, 20 % test"
    return f"{min(5, doc_count)}-fold cross-validation over documents"


# --- training and testing ------------------------------------------------------------------
@dataclass
class Trained:
    lexicon: LexiconModel
    crf: crf.CrfModel


def train(train_segments: list[Segment], negatives: list[Segment],
          rejected: Sequence[tuple[str, str]], settings: crf.CrfSettings | None = None,
          progress: Progress | None = None,
          cancelled: Callable[[], bool] = lambda: False) -> Trained:
    lexicon = LexiconModel.train(train_segments, rejected)
    model = crf.train(train_segments, negatives, settings, progress, cancelled)
    return Trained(lexicon, model)


def predict(trained: Trained, text: str) -> dict[str, list[Prediction]]:
    return {"lexicon": trained.lexicon.predict(text),
            "crf": trained.crf.predict(text, sentence_bounds(text))}


def test(trained: Trained, examples: Iterable[Example]) -> dict[str, Scores]:
    out = {name: Scores() for name in RECOMMENDERS}
    for ex in examples:
        for name, found in predict(trained, ex.text).items():
            out[name].add(score(ex.spans, [(p.start, p.end, p.tag) for p in found]))
    return out
