"""How spans look, decided without Qt: elementary segments and their layers.

Where spans overlap or nest, each stretch of text shows the innermost (shortest) span as a
background and the next one out as an underline; a third layer or more adds a wave. The
widget only turns these decisions into formats.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.annotation import Annotation


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    spans: tuple[Annotation, ...]  # innermost first

    @property
    def background(self) -> Annotation:
        return self.spans[0]

    @property
    def underline(self) -> Annotation | None:
        return self.spans[1] if len(self.spans) > 1 else None

    @property
    def depth(self) -> int:
        return len(self.spans)


def _inner_first(a: Annotation) -> tuple[int, int, str]:
    return (a.end - a.start, a.start, a.id)


def segments(spans: list[Annotation], start: int, end: int) -> list[Segment]:
    """Cut ``[start, end)`` at every span edge; keep the stretches some span covers.

    One sweep: the spans that have started and not ended are the ones covering the
    stretch (a paragraph of 3,000 characters and 100 spans was cut in ~0.7 ms by asking
    every span of every stretch, and it is cut again on each edit in it)."""
    cuts = {start, end}
    for a in spans:
        cuts.update(p for p in (a.start, a.end) if start < p < end)
    points = sorted(cuts)
    waiting = sorted(spans, key=_by_start, reverse=True)  # the next to start is last
    out: list[Segment] = []
    covering: list[Annotation] = []
    for lo, hi in zip(points, points[1:], strict=False):
        while waiting and waiting[-1].start <= lo:
            covering.append(waiting.pop())
        covering = [a for a in covering if a.end >= hi]  # every edge inside is a cut
        if covering:
            out.append(Segment(lo, hi, tuple(sorted(covering, key=_inner_first))))
    return out


def _by_start(a: Annotation) -> int:
    return a.start


def describe(span: Annotation, text: str, tag_name: str, annotator_name: str) -> str:
    """The hover text of a span: tag, annotator, attributes."""
    lines = [f"{tag_name}  —  {text[span.start:span.end]}", f"by {annotator_name}"]
    for key in ("normalized", "certainty", "note"):
        if span.attributes.get(key):
            lines.append(f"{key}: {span.attributes[key]}")
    return "\n".join(lines)
