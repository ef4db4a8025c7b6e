"""Reading a training layer out of a project, training both recommenders on it, and
evaluating them: the use cases behind ``annotator recommend`` and the window's training.

Rejected suggestions are negative evidence: each becomes a training sequence whose
characters are all ``O`` for the sequence labeller (a rejection the layer contradicts —
the layer has that very span — is left out), and counts as an untagged occurrence of its
string for the lexicon when it lies outside the training text. A rejection in a held-out
document is never used to train the model tested on it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from annotator.core.dataset import accepted_ids, gold_ids
from annotator.core.store import ProjectStore
from annotator.recommend import crf
from annotator.recommend.data import (
    LAYER_KINDS,
    MACHINE_PREFIX,
    Example,
    Segment,
    flat,
    segments,
)
from annotator.recommend.evaluate import (
    CURVE_POINTS,
    RECOMMENDERS,
    Scores,
    Trained,
    folds,
    method,
    test,
    train,
)

Progress = Callable[[str, int, int], None]


@dataclass
class Corpus:
    """A training layer: its documents (those where it has spans), the texts of other
    documents with rejected suggestions, and the rejections."""

    layer: str
    examples: list[Example]
    texts: dict[str, str]  # every document a rejection is in
    rejections: list[tuple[str, int, int, str]]  # (doc id, start, end, tag)
    overlapping: int = 0  # spans left out: they overlapped a longer one

    @property
    def spans(self) -> int:
        return sum(len(e.spans) for e in self.examples)

    def negatives(self, excluded: set[str]) -> tuple[list[Segment], list[tuple[str, str]]]:
        """Rejections outside the ``excluded`` (held-out) documents: as all-``O``
        sequences, and as ``(text, tag)`` for the lexicon when outside the layer."""
        mine = {e.doc_id: set(e.spans) for e in self.examples}
        seqs, texts = [], []
        for doc_id, s, e, tag in self.rejections:
            if doc_id in excluded or (s, e, tag) in mine.get(doc_id, ()):
                continue
            text = self.texts[doc_id]
            seqs.append(Segment(doc_id, text, s, e - s, (), negative=True))
            if doc_id not in mine:
                texts.append((text[s:e], tag))
        return seqs, texts


def layer_names(store: ProjectStore) -> list[str]:
    """What ``--layer`` may name: gold, accepted, and every annotator with spans."""
    return [*LAYER_KINDS, *sorted(store.active_annotators())]


def read(store: ProjectStore, layer: str) -> Corpus:
    """The training layer ``layer``: "gold", "accepted" or an annotator's own spans (their
    spans that are not gold); refuses an unknown name (``ValueError``)."""
    if layer not in LAYER_KINDS and layer not in store.active_annotators():
        raise ValueError(f"unknown layer '{layer}' (known: {', '.join(layer_names(store))})")
    rejected = store.all_rejections()
    wanted = {r.doc_id for r in rejected}
    examples, texts, overlapping = [], {}, 0
    for data in store.dataset(sources=False).documents:
        gold = gold_ids(data.decisions)
        if layer == "gold":
            keep = gold
        elif layer == "accepted":
            keep = accepted_ids(data.decisions)
        else:
            keep = {a.id for a in data.annotations if a.annotator == layer and a.id not in gold}
        spans, dropped = flat((a.start, a.end, a.tag) for a in data.annotations
                              if a.id in keep)
        overlapping += dropped
        if spans:
            examples.append(Example(data.document.id, data.document.text, tuple(spans)))
        if data.document.id in wanted:
            texts[data.document.id] = data.document.text
    rejections = [(r.doc_id, r.start, r.end, r.tag) for r in rejected if r.doc_id in texts]
    return Corpus(layer, examples, texts, rejections, overlapping)


def fit(corpus: Corpus, settings: crf.CrfSettings | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False) -> Trained:
    """Both recommenders trained on the whole layer (raises :class:`crf.Cancelled`);
    after :func:`evaluate` (as the command and the window do), the same model in any
    process (:func:`crf.seed_shuffle`)."""
    if not corpus.examples:
        raise ValueError(f"the layer '{corpus.layer}' has no spans to learn from")
    segs = [s for e in corpus.examples for s in segments(e)]
    negatives, rejected = corpus.negatives(set())
    return train(segs, negatives, rejected, settings, progress, cancelled)


@dataclass
class CurvePoint:
    share: float  # of the training sentences
    spans: int  # training spans, summed over the folds
    characters: int
    scores: dict[str, Scores]


@dataclass
class Evaluation:
    layer: str
    documents: int
    spans: int
    method: str
    folds: int
    scores: dict[str, Scores]
    curve: list[CurvePoint] = field(default_factory=list)

    def f1(self, recommender: str, kind: str = "exact") -> float:
        return self.scores[recommender].total(kind).f1

    def to_dict(self) -> dict:
        return {"layer": self.layer, "documents": self.documents, "spans": self.spans,
                "method": self.method, "folds": self.folds,
                "recommenders": {n: s.to_dict() for n, s in self.scores.items()},
                "learning_curve": [
                    {"share": p.share, "training_spans": p.spans,
                     "training_characters": p.characters,
                     **{n: {"exact_f1": round(s.total("exact").f1, 4),
                            "overlap_f1": round(s.total("overlap").f1, 4)}
                        for n, s in p.scores.items()}} for p in self.curve]}


def evaluate(corpus: Corpus, settings: crf.CrfSettings | None = None, curve: bool = True,
             progress: Progress | None = None,
             cancelled: Callable[[], bool] = lambda: False, seed: int = 0) -> Evaluation:
    """Both recommenders measured on held-out documents, with the learning curve (the
    same figures in any process: :func:`crf.seed_shuffle`)."""
    progress = progress or crf._quiet
    crf.seed_shuffle()
    splits = folds([e.doc_id for e in corpus.examples], seed)
    shares = [k / CURVE_POINTS for k in range(1, CURVE_POINTS + 1)] if curve else [1.0]
    total = len(splits) * len(shares)
    scores = {n: Scores() for n in RECOMMENDERS}
    points = [CurvePoint(share, 0, 0, {n: Scores() for n in RECOMMENDERS})
              for share in shares]
    step = 0
    for train_ids, test_ids in splits:
        segs = [s for e in corpus.examples if e.doc_id in train_ids for s in segments(e)]
        random.Random(seed).shuffle(segs)
        negatives, rejected = corpus.negatives(test_ids)
        held_out = [e for e in corpus.examples if e.doc_id in test_ids]
        for point in points:
            part = segs[:max(1, round(len(segs) * point.share))]
            step += 1
            if not any(s.spans for s in part):
                continue
            def inner(stage: str, done: int, n: int, k: int = step) -> None:
                progress("evaluating", k - 1, total)

            trained = train(part, negatives, rejected, settings, inner, cancelled)
            found = test(trained, held_out)
            point.spans += sum(len(s.spans) for s in part)
            point.characters += sum(s.length for s in part)
            for name in RECOMMENDERS:
                point.scores[name].add(found[name])
                if point.share == 1.0:
                    scores[name].add(found[name])
            progress("evaluating", step, total)
    return Evaluation(corpus.layer, len(corpus.examples), corpus.spans,
                      method(len(corpus.examples)), len(splits), scores,
                      points if curve else [])


def is_machine(annotator: str) -> bool:
    return annotator.startswith(MACHINE_PREFIX)
