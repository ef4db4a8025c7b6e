"""The reader's segments (core/render.py) against the plain reference: for every stretch
between two span edges, the spans covering it, innermost first."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotation import Annotation
from annotator.core.render import Segment, _inner_first, segments


def reference(spans: list[Annotation], start: int, end: int) -> list[Segment]:
    """Every stretch asks every span (the old cut, quadratic)."""
    points = sorted({start, end} | {p for a in spans for p in (a.start, a.end)
                                    if start < p < end})
    out = []
    for lo, hi in zip(points, points[1:], strict=False):
        covering = [a for a in spans if a.start <= lo and a.end >= hi]
        if covering:
            out.append(Segment(lo, hi, tuple(sorted(covering, key=_inner_first))))
    return out


def span(i: int, start: int, length: int) -> Annotation:
    return Annotation(id=f"s{i}", doc_id="d", start=start, end=start + length, tag="ACT",
                      annotator="lin")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)), max_size=25),
       st.integers(0, 30), st.integers(0, 40))
def test_segments_are_the_reference(places, start, length):
    spans = [span(i, s, n) for i, (s, n) in enumerate(places)]
    assert segments(spans, start, start + length) == reference(spans, start, start + length)


def test_nested_and_overlapping_spans_are_cut_at_every_edge():
    outer, inner, across = span(0, 0, 10), span(1, 2, 3), span(2, 8, 6)
    got = [(g.start, g.end, [a.id for a in g.spans])
           for g in segments([across, outer, inner], 0, 12)]
    assert got == [(0, 2, ["s0"]), (2, 5, ["s1", "s0"]), (5, 8, ["s0"]),
                   (8, 10, ["s2", "s0"]), (10, 12, ["s2"])]
