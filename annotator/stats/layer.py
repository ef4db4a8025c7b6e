"""Which spans the statistics count: every annotator's, one annotator's own, or the gold
layer (the results of review decisions, as ``export --status gold`` takes them). Gold spans
are stored under the reviewer's id but are nobody's own: in the rows read here they carry
:data:`~annotator.review.layers.GOLD_KEY` as their annotator, so the per-annotator figures
leave them out (:func:`annotator.core.dataset.own_spans` is the rule)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from annotator.core.store import ProjectStore
from annotator.review.layers import GOLD_KEY, gold_by_document, split_gold

KINDS = ("all", "annotator", "gold")


@dataclass(frozen=True)
class Layer:
    kind: str = "all"  # one of KINDS
    annotator: str | None = None  # for kind "annotator"

    @classmethod
    def parse(cls, layer: str = "all", annotator: str | None = None) -> Layer:
        """From the command line's ``--layer {all,gold,annotator}`` and ``--annotator``:
        ``--annotator`` alone means that annotator's layer."""
        if layer not in KINDS:
            raise ValueError(f"--layer must be one of {', '.join(KINDS)}, not {layer!r}")
        if annotator and layer == "gold":
            raise ValueError("--annotator chooses one annotator's layer; it does not go "
                             "with --layer gold")
        if annotator or layer == "annotator":
            if not annotator:
                raise ValueError("--layer annotator needs --annotator NAME")
            return cls("annotator", annotator)
        return cls(layer)

    def check(self, known: Iterable[str]) -> None:
        """A layer naming an unknown annotator is a mistake (``ValueError``)."""
        names = sorted(set(known))
        if self.kind == "annotator" and self.annotator not in names:
            raise ValueError(f"unknown annotator '{self.annotator}' (known: "
                             f"{', '.join(names) or 'none'})")

    def label(self) -> str:
        if self.kind == "annotator":
            return f"annotator {self.annotator}"
        return "gold layer" if self.kind == "gold" else "all annotators"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "annotator": self.annotator}


def layer_spans(store: ProjectStore, layer: Layer) -> Iterator[tuple[str, int, int, str, str, str | None]]:
    """The layer's spans from the store (see :meth:`annotator.store.Store.layer_spans`),
    gold ones with the annotator :data:`~annotator.review.layers.GOLD_KEY`."""
    rows = store.layer_spans(annotator=layer.annotator if layer.kind == "annotator" else None,
                             gold=layer.kind == "gold")
    if layer.kind == "gold":
        return ((*r[:4], GOLD_KEY, r[5]) for r in rows)
    gold = gold_by_document(store) if layer.kind == "all" else None
    return _marked(rows, gold) if gold else rows


def _marked(rows: Iterable[tuple], gold: dict) -> Iterator[tuple]:
    """``rows`` (grouped by document) with each document's gold spans marked."""
    for doc_id, group in groupby(rows, key=itemgetter(0)):
        if doc_id not in gold:
            yield from group
        else:
            yield from ((doc_id, *r) for r in split_gold([r[1:] for r in group], gold[doc_id]))
