"""The sequence labeller: a linear-chain CRF over characters.

Labels are IOB1 — ``I-tag`` inside a span, ``B-tag`` only where a span starts right after
another of the same tag, ``O`` elsewhere — so the model has about one label per tag (the
cost of a CRF grows with the square of its labels). Training runs CRFsuite (stochastic
gradient descent with L2 regularisation) on the sentences of the training layer; the
weights are then kept as numpy arrays, and predicting is forward-backward over all the
sentences of a document at once (a few matrix products per character position, in
batches of sentences of similar length): each character's most probable label makes the
spans, and a span's score is the mean probability of its characters' labels.

The lexicon feature of a training document comes from a lexicon built without that
document's fifth of the training set (jackknifed), so the model learns how far a lexicon
match can be trusted on text it has not seen; and half of its finds are left out, so the
model learns the characters and words of names too (it would otherwise tag nothing the
lexicon does not hold).
"""

from __future__ import annotations

import ctypes
import functools
import json
import random
import re
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from annotator.recommend.data import Prediction, Segment
from annotator.recommend.decode import decode
from annotator.recommend.features import AttributeNames, features
from annotator.recommend.lexicon import LexiconModel
from annotator.recommend.weights import Weights

NAME = "crf"
FOLDS = 5  # lexicon jackknife
LEXICON_DROPOUT = 0.5
_STRETCH = 50_000  # characters predicted at a time
_MARGIN = 8  # characters of context on either side of a stretch
_DUMP_LINE = re.compile(r"\(\d+\) (\S+) --> (\S+): ([-+]?[0-9.eE+-]+)")
#: progress(stage, done, total); stage: "features", "training"
Progress = Callable[[str, int, int], None]


class Cancelled(Exception):
    """Training was cancelled: nothing was made."""


@dataclass
class CrfSettings:
    iterations: int = 0  # 0: by the size of the training set (see epochs())
    c2: float = 0.1  # L2 regularisation
    hmm: bool = False  # jieba guessing unknown words (slower, no better here)

    def epochs(self, characters: int) -> int:
        """Passes over the data: more for a small training set (it converges slower and
        costs little), fewer for a large one."""
        if self.iterations:
            return self.iterations
        return int(min(30, max(6, 3_000_000 // max(1, characters))))


@dataclass
class CrfModel:
    labels: list[str]
    weights: Weights
    transitions: np.ndarray  # (labels, labels) float64
    lexicon: LexiconModel
    lexicon_tags: dict[str, int]
    hmm: bool = False
    info: dict[str, Any] = field(default_factory=dict)

    name = NAME

    # --- predicting ------------------------------------------------------------------------
    def keys_of(self, text: str) -> np.ndarray:
        return features(text, self.lexicon.scan_folded, dict(self.lexicon_tags), self.hmm)

    def predict(self, text: str, bounds: Sequence[tuple[int, int]],
                offset: int = 0) -> list[Prediction]:
        """The spans predicted in each sentence ``[start, end)`` of ``text`` (sorted),
        a stretch of sentences of about :data:`_STRETCH` characters at a time (memory
        stays small for a document of millions of characters)."""
        out: list[Prediction] = []
        if not self.labels:
            return out
        k = 0
        while k < len(bounds):
            j = k + 1
            while j < len(bounds) and bounds[j][1] - bounds[k][0] <= _STRETCH:
                j += 1
            a, b = max(0, bounds[k][0] - _MARGIN), min(len(text), bounds[j - 1][1] + _MARGIN)
            local = [(s - a, e - a) for s, e in bounds[k:j]]
            piece = text[a:b]
            marg, best = self.decode(self.weights.emissions(self.keys_of(piece)), local)
            out += self.spans(piece, local, marg, best, offset + a)
            k = j
        return out

    def decode(self, emissions: np.ndarray, bounds: Sequence[tuple[int, int]]
               ) -> tuple[np.ndarray, np.ndarray]:
        """Each character's label probabilities (forward-backward) and label on the most
        probable path (Viterbi), sentence by sentence (:mod:`annotator.recommend.decode`)."""
        return decode(emissions, self.transitions, bounds)

    def spans(self, text: str, bounds: Sequence[tuple[int, int]], marg: np.ndarray,
              best: np.ndarray, offset: int) -> list[Prediction]:
        """Spans from the labels ``best``: a run of ``I-tag`` (a ``B-tag`` starts a new
        one) inside one sentence; the score is the mean probability of its labels."""
        tags, label_tag, label_begins = self._tag_of_label
        tag_no, begins = label_tag[best], label_begins[best]
        first = np.zeros(len(best), dtype=bool)
        first[[s for s, _e in bounds]] = True
        inside = np.zeros(len(best) + 1, dtype=np.int64)
        np.add.at(inside, [s for s, _e in bounds], 1)
        np.add.at(inside, [e for _s, e in bounds], -1)
        labelled = (tag_no >= 0) & (np.cumsum(inside[:-1]) > 0)
        starts = labelled & (first | begins | (np.roll(tag_no, 1) != tag_no))
        stops = np.nonzero(~(labelled & ~starts))[0]  # where no span goes on
        begin = np.nonzero(starts)[0]
        stop = np.append(stops, len(best))[np.searchsorted(stops, begin + 1)]
        total = np.concatenate([[0.0], np.cumsum(marg[np.arange(len(best)), best])])
        score = (total[stop] - total[begin]) / (stop - begin)
        out = []
        for i, j, k, p in zip(begin.tolist(), stop.tolist(), tag_no[begin].tolist(),
                              score.tolist(), strict=True):
            s, e = _trimmed(text, i, j) if text[i].isspace() or text[j - 1].isspace() \
                else (i, j)
            if s < e:
                out.append(Prediction(offset + s, offset + e, tags[k], p, NAME))
        return out

    @functools.cached_property
    def _tag_of_label(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The tags (sorted), each label's tag number (-1: ``O``), and whether it is a
        ``B-`` label."""
        tags = sorted({x[2:] for x in self.labels if x != "O"})
        return (tags, np.array([-1 if x == "O" else tags.index(x[2:]) for x in self.labels]),
                np.array([x.startswith("B-") for x in self.labels]))

    # --- files -----------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        meta = {"format": "annotator-crf-model", "version": 1, "labels": self.labels,
                "lexicon_tags": self.lexicon_tags, "hmm": self.hmm, "info": self.info,
                "lexicon": self.lexicon.to_json()}
        arrays = {"transitions": self.transitions, **self.weights.arrays()}
        arrays["meta"] = np.frombuffer(zlib.compress(json.dumps(meta).encode()), np.uint8)
        with open(path, "wb") as f:
            np.savez(f, **arrays)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: Path) -> CrfModel:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(zlib.decompress(z["meta"].tobytes()))
            if meta.get("format") != "annotator-crf-model" or meta.get("version") != 1:
                raise ValueError("not a sequence model of this version")
            weights = Weights.from_arrays(z, len(meta["labels"]))
            return cls(meta["labels"], weights, z["transitions"],
                       LexiconModel.from_json(meta["lexicon"]), meta["lexicon_tags"],
                       meta["hmm"], meta["info"])

    @property
    def nbytes(self) -> int:
        return self.weights.nbytes + self.transitions.nbytes


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


# --- training ------------------------------------------------------------------------------
def iob1(length: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """The labels of a segment's characters (spans must not overlap)."""
    labels = ["O"] * length
    last_end, last_tag = -1, ""
    for s, e, t in sorted(spans):
        labels[s:e] = [f"I-{t}"] * (e - s)
        if s == last_end and t == last_tag:
            labels[s] = f"B-{t}"
        last_end, last_tag = e, t
    return labels


def _quiet(stage: str, done: int, total: int) -> None:
    pass


def _fold_of(doc_id: str) -> int:
    return zlib.crc32(doc_id.encode()) % FOLDS


def _sometimes(lexicon: LexiconModel, doc_id: str) -> Callable[[str], list]:
    """The lexicon's finds in a training document, each left out with probability
    :data:`LEXICON_DROPOUT` (the same ones every time): the model must also learn what the
    characters and the words say, or it would tag nothing the lexicon does not know."""
    rng = random.Random(zlib.crc32(doc_id.encode()))

    def scan(folded: str) -> list:
        return [hit for hit in lexicon.scan_folded(folded) if rng.random() >= LEXICON_DROPOUT]

    return scan


def _document_keys(segments: list[Segment], negatives: list[Segment], full: LexiconModel,
                   tags: dict[str, int], names: AttributeNames, settings: CrfSettings,
                   progress: Progress, cancelled: Callable[[], bool]
                   ) -> dict[str, np.ndarray]:
    """The features of every document a segment comes from, numbered by ``names``:
    training documents with the lexicon of the other folds, others (rejections
    elsewhere) with the full lexicon."""
    docs = {s.doc_id: s.doc_text for s in segments}
    others = {s.doc_id: s.doc_text for s in negatives if s.doc_id not in docs}
    folds = {_fold_of(d) for d in docs}
    lexicons = {k: LexiconModel.train([s for s in segments if _fold_of(s.doc_id) != k])
                for k in folds} if len(folds) > 1 else {k: LexiconModel() for k in folds}
    out: dict[str, np.ndarray] = {}
    total = len(docs) + len(others)
    for n, (doc_id, text) in enumerate([*docs.items(), *others.items()]):
        if cancelled():
            raise Cancelled()
        lexicon = lexicons[_fold_of(doc_id)] if doc_id in docs else full
        out[doc_id] = names.number(features(text, _sometimes(lexicon, doc_id), tags,
                                            settings.hmm))
        progress("features", n + 1, total)
    return out


def train(segments: list[Segment], negatives: list[Segment] = (),  # type: ignore[assignment]
          settings: CrfSettings | None = None, progress: Progress | None = None,
          cancelled: Callable[[], bool] = lambda: False) -> CrfModel:
    """Train on ``segments`` (spans must not overlap) and ``negatives`` (rejected
    suggestions: every character of them is ``O``); raises :class:`Cancelled`."""
    import pycrfsuite

    settings = settings or CrfSettings()
    report: Progress = progress or _quiet
    full = LexiconModel.train(segments)
    tags: dict[str, int] = {}
    names = AttributeNames()
    keys = _document_keys(segments, list(negatives), full, tags, names, settings, report,
                          cancelled)
    characters = sum(s.length for s in segments)
    epochs = settings.epochs(characters)

    class Trainer(pycrfsuite.Trainer):
        def message(self, message: str) -> None:
            if self.logparser.feed(message) == "iteration":
                report("training", self.logparser.last_iteration["num"], epochs)
            if cancelled():
                raise Cancelled()

    trainer = Trainer("l2sgd", verbose=True)
    labels = _LabelNames()
    for seg in [*segments, *negatives]:
        trainer.append(names.rows(keys[seg.doc_id][seg.offset:seg.offset + seg.length]),
                       labels.short(iob1(seg.length, seg.spans)))
    if not any(seg.spans for seg in segments):
        raise ValueError("the training layer has no spans")
    trainer.set_params({"c2": settings.c2, "max_iterations": epochs,
                        "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.crf"
        trainer.train(str(path))
        model = _from_crfsuite(path, names, labels, full, tags, settings)
    model.info = {"characters": characters, "sentences": len(segments),
                  "spans": sum(len(s.spans) for s in segments), "epochs": epochs,
                  "negatives": len(negatives)}
    return model


def seed_shuffle() -> None:
    """Seed the C library's ``rand()``, which CRFsuite's SGD shuffles the training
    sequences with (it never seeds it), as a fresh process has it: the trainings that
    follow make the same models whatever trained before them in the process. Done at
    the start of an evaluation, whose figures then are those of a fresh process. (Each
    model seeded alike would not do: CRFsuite picks its learning rate on the shuffled
    sequences, and on a corpus as small as the demo's the F1 of one seed and of another
    differ by a third; every fold seeded so scored 0.32 there, against 0.45.)"""
    try:
        libc = ctypes.CDLL("ucrtbase") if sys.platform == "win32" else ctypes.CDLL(None)
        libc.srand(1)
    except (OSError, AttributeError):  # no C library to seed: as before, unseeded
        pass


class _LabelNames:
    """Labels as CRFsuite sees them: ``O``, and a number for each of the others (a
    label is looked up by name at each character, like an attribute)."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {"O": "O"}
        self.labels: dict[str, str] = {"O": "O"}  # name -> label

    def short(self, labels: list[str]) -> list[str]:
        names = self.names
        for label in set(labels) - names.keys():
            names[label] = str(len(names))
            self.labels[names[label]] = label
        return [names[label] for label in labels]


def _from_crfsuite(path: Path, names: AttributeNames, label_names: _LabelNames,
                   lexicon: LexiconModel, tags: dict[str, int],
                   settings: CrfSettings) -> CrfModel:
    """The weights of a CRFsuite model file as numpy arrays (read from its dump)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    labels = sorted((label_names.labels[x] for x in tagger.labels()),
                    key=lambda x: (x != "O", x[2:], x))
    ids = {label_names.names[lab]: i for i, lab in enumerate(labels)}
    dump = path.with_suffix(".txt")
    tagger.dump(str(dump))
    tagger.close()
    trans = np.zeros((len(labels), len(labels)))
    state: dict[int, list[tuple[int, float]]] = {}
    section = ""
    with open(dump, encoding="utf-8") as f:
        for line in f:
            if line.endswith("= {\n"):
                section = line.split()[0]
                continue
            m = _DUMP_LINE.match(line.strip()) if section in ("TRANSITIONS",
                                                               "STATE_FEATURES") else None
            if m is None:
                continue
            a, b, w = m.group(1), m.group(2), float(m.group(3))
            if section == "TRANSITIONS":
                trans[ids[a], ids[b]] = w
            else:
                state.setdefault(names.key_of(a), []).append((ids[b], w))
    weights = Weights.build(((k, label, w) for k, pairs in state.items()
                             for label, w in pairs), len(labels))
    return CrfModel(labels, weights, trans, lexicon, dict(tags), settings.hmm)
