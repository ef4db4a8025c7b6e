"""Pre-annotation: the recommenders' spans stored as a machine layer (``model:crf``), an
annotator's layer like any other, so review mode compares it and a reviewer accepts its
spans into gold.

A machine layer's name starts with ``model:``. Predicting again into the same layer
replaces its spans in those documents — except spans a review decision is about, which
stay as they are — and adds nothing twice. Each document is one command (stored whole or
not at all), journalled under the layer's name (a team project: the login that ran it). In a team project only a reviewer (or the
owner) may write a machine layer (the server enforces it: docs/team.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from annotator.core.annotation import Annotation, Annotator, new_id, now
from annotator.core.commands import Command
from annotator.core.store import ProjectStore
from annotator.recommend.data import MACHINE_PREFIX, flat
from annotator.recommend.models import Recommenders


@dataclass
class Outcome:
    documents: int = 0
    added: int = 0
    removed: int = 0
    kept: int = 0  # spans a review decision is about
    cancelled: bool = False

    def line(self, layer: str) -> str:
        done = f"layer {layer}: {self.added} spans added, {self.removed} removed"
        kept = f", {self.kept} kept (a review decision is about them)" if self.kept else ""
        return f"{done}{kept}, in {self.documents} documents" + \
            (" (cancelled: the documents done so far are stored)" if self.cancelled else "")


def check_name(layer: str) -> None:
    if not layer.startswith(MACHINE_PREFIX) or len(layer) == len(MACHINE_PREFIX) or \
            any(c.isspace() for c in layer):
        raise ValueError(f"a machine layer's name starts with {MACHINE_PREFIX} (for example "
                         f"{MACHINE_PREFIX}crf), not '{layer}'")


def predict_into(store: ProjectStore, recommenders: Recommenders, names: list[str],
                 layer: str, doc_ids: Iterable[str], min_score: float = 0.0,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] = lambda: False) -> Outcome:
    check_name(layer)
    ids = list(doc_ids)
    me = store.identify(Annotator(layer, layer))
    store.add_annotator(Annotator(layer, f"{layer} (machine layer)"))
    out = Outcome()
    for n, doc_id in enumerate(ids):
        if cancelled():
            out.cancelled = True
            break
        command = _replace(store, recommenders, names, layer, doc_id, min_score, out)
        if command is not None:
            store.apply_command(command, me.id)
        out.documents += 1
        if progress:
            progress(n + 1, len(ids))
    return out


def _replace(store: ProjectStore, recommenders: Recommenders, names: list[str], layer: str,
             doc_id: str, min_score: float, out: Outcome) -> Command | None:
    doc = store.document(doc_id)
    found = recommenders.predict(doc.text, names, min_score)
    spans, _dropped = flat((p.start, p.end, p.tag) for p in found)
    score = {(p.start, p.end, p.tag): p.score for p in found}
    reviewed = {t for d in store.decisions(doc_id) for t in (*d.targets, d.result_id) if t}
    old = [a for a in store.annotations(doc_id) if a.annotator == layer]
    keep = {(a.start, a.end, a.tag) for a in old if a.id in reviewed or
            (a.start, a.end, a.tag) in set(spans)}
    removed = tuple(a for a in old if (a.start, a.end, a.tag) not in keep)
    have = {(a.start, a.end, a.tag) for a in old if (a.start, a.end, a.tag) in keep}
    stamp = now()
    added = tuple(Annotation(new_id(), doc_id, s, e, t, layer,
                             {"score": round(score[s, e, t], 3)}, stamp, stamp)
                  for s, e, t in spans if (s, e, t) not in have)
    out.added += len(added)
    out.removed += len(removed)
    out.kept += sum(1 for a in old if a.id in reviewed)
    if not added and not removed:
        return None
    return Command("batch", doc_id, removed, added, f"predict {layer} ({len(added)} spans)")
