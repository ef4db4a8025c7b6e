"""Where trained recommenders live, and whether each may suggest.

Models are files, not rows: they are made from the project's spans and can be made again
at any time, they run to megabytes, and each person trains on their own computer.

* a project file ``study.annotator`` keeps them in ``study.annotator.models/`` beside it
  (moved, copied or backed up with the project folder as the user sees fit; a backup or a
  transfer of the project leaves them out, as they are derived data);
* a team project keeps them in the user's data folder, under a name made from the
  project's address (``models/<host>-<database>-<digest>/``): every member trains on their
  own layer or the gold layer as they choose, on their own CPU, and nothing of it has to
  cross the network, be given rights on the server, or be kept in step between members.

In the folder: ``lexicon.json``, ``crf.npz`` and ``state.json`` (the layer, when, how many
spans, and the evaluation). Each file is written beside its place and renamed into it.

A recommender whose exact-match F1 on held-out documents is below the project's threshold
(the project setting ``recommender-threshold``, default :data:`DEFAULT_THRESHOLD`) makes
no suggestions, and :func:`statuses` says why.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.annotation import now
from annotator.core.errors import ProjectError
from annotator.core.store import ProjectStore
from annotator.recommend.data import Prediction

THRESHOLD_KEY = "recommender-threshold"
DEFAULT_THRESHOLD = 0.4
FILES = {"lexicon": "lexicon.json", "crf": "crf.npz"}
STATE = "state.json"
TITLES = {"lexicon": "lexicon", "crf": "sequence model (CRF)"}


def folder(store: ProjectStore) -> Path | None:
    """Where this project's models live (None: a project in memory keeps them there)."""
    if store.kind == "team":
        from annotator.resources import data_dir

        address = store.location
        slug = re.sub(r"[^A-Za-z0-9._-]+", "-", address.split("://", 1)[-1]).strip("-")
        digest = hashlib.sha256(address.encode()).hexdigest()[:10]
        return data_dir() / "models" / f"{slug[:60]}-{digest}"
    if store.path is None:
        return None
    return store.path.with_name(store.path.name + ".models")


def threshold(store: ProjectStore) -> float:
    value = store.setting(THRESHOLD_KEY, DEFAULT_THRESHOLD)
    try:
        return float(value)
    except (TypeError, ValueError):
        return DEFAULT_THRESHOLD


def set_threshold(store: ProjectStore, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"the F1 threshold must be between 0 and 1, not {value}")
    store.set_setting(THRESHOLD_KEY, value)


@dataclass(frozen=True)
class Status:
    name: str
    f1: float | None  # exact F1 on held-out documents (None: not evaluated)
    enabled: bool
    reason: str  # why not (or, when enabled, what it scored)


def statuses(state: dict[str, Any], limit: float) -> dict[str, Status]:
    """Each recommender's verdict from a ``state.json``'s evaluation."""
    out = {}
    for name in FILES:
        f1 = state.get("f1", {}).get(name)
        title = TITLES[name]
        if f1 is None:
            out[name] = Status(name, None, False, f"the {title} was not evaluated: "
                               "it needs at least two documents in its training layer")
        elif f1 < limit:
            out[name] = Status(name, f1, False, f"the {title} makes no suggestions: its F1 "
                               f"on held-out documents is {f1:.3f}, below the project's "
                               f"threshold of {limit:.2f}")
        else:
            out[name] = Status(name, f1, True, f"the {title} suggests: its F1 on held-out "
                               f"documents is {f1:.3f} (threshold {limit:.2f})")
    return out


@dataclass
class Recommenders:
    """Trained models as loaded, with their state."""

    models: dict[str, Any]  # name -> LexiconModel | CrfModel
    state: dict[str, Any]

    def enabled(self, limit: float) -> list[str]:
        verdict = statuses(self.state, limit)
        return [n for n in self.models if verdict[n].enabled]

    def predict(self, text: str, names: list[str], min_score: float = 0.0
                ) -> list[Prediction]:
        """The predictions of the recommenders ``names`` over a whole text."""
        from annotator.recommend.data import sentence_bounds

        out: list[Prediction] = []
        for name in names:
            model = self.models.get(name)
            if model is None:
                continue
            found = model.predict(text) if name == "lexicon" else \
                model.predict(text, sentence_bounds(text))
            out += [p for p in found if p.score >= min_score]
        return sorted(out, key=lambda p: (p.start, p.end, p.tag))


def state_of(evaluation, corpus_spans: int, documents: int, layer: str,
             trained: Any) -> dict[str, Any]:
    """What ``state.json`` says after a training (``evaluation``: None when there were
    too few documents to hold one out)."""
    return {"format": "annotator-recommenders", "version": 1, "layer": layer,
            "trained": now(), "spans": corpus_spans, "documents": documents,
            "f1": {n: round(evaluation.f1(n), 4) for n in FILES} if evaluation else {},
            "method": evaluation.method if evaluation else None,
            "crf": trained.crf.info}


def save(where: Path, trained: Any, state: dict[str, Any]) -> None:
    where.mkdir(parents=True, exist_ok=True)
    _replace(where / FILES["lexicon"], lambda p: p.write_text(trained.lexicon.dumps(),
                                                              encoding="utf-8"))
    _replace(where / FILES["crf"], trained.crf.save)
    _replace(where / STATE, lambda p: p.write_text(json.dumps(state, indent=1),
                                                   encoding="utf-8"))


def _replace(path: Path, write) -> None:
    part = path.with_name(path.name + ".part")
    write(part)
    os.replace(part, path)


def load(where: Path | None) -> Recommenders | None:
    """The models in ``where`` (None when there are none); a damaged file is one line
    naming it (:class:`ProjectError`)."""
    if where is None or not (where / STATE).is_file():
        return None
    from annotator.recommend.crf import CrfModel
    from annotator.recommend.lexicon import LexiconModel

    path = where / STATE
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        path = where / FILES["lexicon"]
        lexicon = LexiconModel.from_json(json.loads(path.read_text(encoding="utf-8")))
        path = where / FILES["crf"]
        model = CrfModel.load(path)
    except (OSError, ValueError, KeyError) as e:
        raise ProjectError(f"{path}: cannot read this trained model ({e}); train again "
                           "with: annotator recommend PROJECT --train") from None
    return Recommenders({"lexicon": lexicon, "crf": model}, state)
