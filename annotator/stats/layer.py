"""Which spans the statistics count: every annotator's, one annotator's, or the gold layer
(the results of review decisions, as ``export --status gold`` takes them)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from annotator.core.store import ProjectStore

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
    """The layer's spans from the store (see :meth:`annotator.store.Store.layer_spans`)."""
    return store.layer_spans(annotator=layer.annotator if layer.kind == "annotator" else None,
                             gold=layer.kind == "gold")
