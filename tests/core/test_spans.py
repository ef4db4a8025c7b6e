"""The span index answers like a plain scan of every span, before and after edits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotation import Annotation
from annotator.core.commands import Change
from annotator.core.spans import SpanIndex

TEXT = "上海合作组织\n𠮷成员国\n\n安全合作。\nSCO 2024\n"


def span(i: int, start: int, end: int) -> Annotation:
    return Annotation(f"a{i:03d}", "d", start, end, "actor.igo", "lin", {}, "", "")


def paragraphs_by_scan(text: str, spans: list[Annotation]) -> dict[int, list[str]]:
    """Paragraph ``q`` holds a span when the span has a character in it, or starts in it."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    ends = starts[1:] + [len(text) + 1]
    return {q: [a.id for a in sorted(spans, key=lambda a: (a.start, a.end, a.id))
                if a.start < ends[q] and a.end > starts[q]] for q in range(len(starts))}


spans_strategy = st.lists(st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 12)),
                          max_size=25)


@settings(max_examples=300, deadline=None)
@given(spans_strategy, spans_strategy, st.data())
def test_paragraph_lookups_equal_a_scan_through_edits(first, more, data):
    made = [span(i, s, min(s + n, len(TEXT))) for i, (s, n) in enumerate(first)]
    index = SpanIndex(TEXT, made)
    asked = data.draw(st.lists(st.integers(0, 6), max_size=4))  # some buckets built early
    for q in asked:
        index.in_paragraph(q)
    added = [span(100 + i, s, min(s + n, len(TEXT))) for i, (s, n) in enumerate(more)]
    gone = data.draw(st.sets(st.sampled_from(range(len(made))))) if made else set()
    removed = [made[i] for i in sorted(gone)]
    index.update(Change(doc_id="d", added=tuple(added), removed=tuple(removed)))
    now = [a for i, a in enumerate(made) if i not in gone] + added
    expected = paragraphs_by_scan(TEXT, now)
    for q, ids in expected.items():
        assert [a.id for a in index.in_paragraph(q)] == ids, q
    for pos in range(len(TEXT)):
        covering = sorted((a for a in now if a.start <= pos < a.end),
                          key=lambda a: (a.end - a.start, a.start, a.id))
        assert index.at(pos) == covering


@settings(max_examples=200, deadline=None)
@given(spans_strategy, st.data())
def test_lookups_by_id_and_order_hold_whatever_order_spans_come_in(first, data):
    """The index is built without a per-span id map (made at the first look-up by id) and
    without a list of sort keys; navigation and edits answer as a sorted scan does."""
    made = [span(i, s, min(s + n, len(TEXT))) for i, (s, n) in enumerate(first)]
    shuffled = data.draw(st.permutations(made))
    index = SpanIndex(TEXT, shuffled)
    assert index._ids is None  # opening a document builds no id map
    ordered = sorted(made, key=lambda a: (a.start, a.end, a.id))
    assert list(index) == ordered
    for a in made:
        assert index.get(a.id) == a
    assert index.get("missing") is None
    for i, a in enumerate(ordered):
        assert index.next_after(a, 0) == (ordered[i + 1] if i + 1 < len(ordered) else None)
        assert index.next_after(a, 0, backwards=True) == (ordered[i - 1] if i else None)
    moved = [a._replace(start=max(0, a.start - 1)) for a in made[:3]]  # same ids, new places
    index.update(Change(doc_id="d", added=tuple(moved), removed=tuple(made[:3])))
    now = sorted(moved + made[3:], key=lambda a: (a.start, a.end, a.id))
    assert list(index) == now and all(index.get(a.id) == a for a in now)


def test_an_index_of_300000_spans_is_built_without_python_code_per_span():
    """Sorted input (as the store hands it over) and 300,000 spans: a few C-level passes,
    well under a second even on a loaded machine (a Python loop per span with an id map
    and a key list took several times longer)."""
    import time

    text = "中" * 1_000_000
    spans = [span(i, i * 3, i * 3 + 4) for i in range(300_000)]
    t0 = time.process_time()
    index = SpanIndex(text, spans)
    took = time.process_time() - t0
    assert len(index) == 300_000 and index.get("a299999") == spans[-1]
    assert took < 1.0, took
