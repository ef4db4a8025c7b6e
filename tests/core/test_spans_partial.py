"""A partial span index (a long document's first screens, the rest read a part at a time)
answers like a plain scan of every span the store holds, whatever is read when, and
whatever edits come between: each edit committed to the store first, as the editor does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotation import Annotation
from annotator.core.commands import Change
from annotator.core.spans import SpanIndex

TEXT = ("上海合作组织\n𠮷成员国\n\n安全合作。\nSCO 2024\n" * 4)[:-1]


def span(i: int, start: int, end: int, tag: str = "actor.igo") -> Annotation:
    return Annotation(f"a{i:03d}", "d", start, end, tag, "lin", {}, "", "")


def key(a: Annotation) -> tuple[int, int, str]:
    return (a.start, a.end, a.id)


class Store:
    """The plain reference: every span in a dict, reads by sorting and filtering."""

    def __init__(self, spans: list[Annotation]):
        self.spans = {a.id: a for a in spans}
        self.reads = 0

    def ordered(self) -> list[Annotation]:
        return sorted(self.spans.values(), key=key)

    def between(self, start: int, end: int) -> list[Annotation]:
        return [a for a in self.ordered() if a.start < end and a.end > start]

    def after(self, after: tuple[int, int, str] | None, limit: int) -> list[Annotation]:
        self.reads += 1
        return [a for a in self.ordered() if after is None or key(a) > after][:limit]


def opened_far_down() -> tuple[list[Annotation], Store, int, SpanIndex]:
    """A span every three characters; the index opened around a place near the end."""
    spans = [span(i, 3 * i, 3 * i + 2) for i in range(len(TEXT) // 3)]
    store = Store(spans)
    far = len(TEXT) - 5
    return spans, store, far, SpanIndex.partial(TEXT, store.between, store.after, chars=10,
                                                 around=far)


def by_scan(spans: list[Annotation]) -> dict[int, list[str]]:
    starts = [0] + [i + 1 for i, ch in enumerate(TEXT) if ch == "\n"]
    ends = starts[1:] + [len(TEXT) + 1]
    return {q: [a.id for a in sorted(spans, key=key) if a.start < ends[q] and a.end > starts[q]]
            for q in range(len(starts))}


spans_strategy = st.lists(st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 14)),
                          max_size=40)
steps = st.lists(st.one_of(
    st.tuples(st.just("load"), st.integers(1, 7)),
    st.tuples(st.just("ask"), st.integers(0, 24)),  # a paragraph painted
    st.tuples(st.just("add"), st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 9))),
    st.tuples(st.just("remove"), st.integers(0, 60)),
    st.tuples(st.just("retag"), st.integers(0, 60))), max_size=12)


def edit(store: Store, index: SpanIndex, step: tuple, n: int) -> None:
    """Commit an edit to the store, then bring the index up to date, as the editor does."""
    what, arg = step
    held = store.ordered()
    if what == "add":
        a = span(500 + n, arg[0], min(arg[0] + arg[1], len(TEXT)))
        store.spans[a.id] = a
        index.update(Change("d", added=(a,)))
    elif held:
        old = held[arg % len(held)]
        new = () if what == "remove" else (old._replace(tag=f"t{n}"),)
        del store.spans[old.id]
        store.spans.update((a.id, a) for a in new)
        index.update(Change("d", removed=(old,), added=new))


@settings(max_examples=300, deadline=None)
@given(spans_strategy, steps, st.integers(1, 40), st.integers(0, len(TEXT) + 2))
def test_a_partial_index_answers_as_a_scan_of_the_store(made, plan, chars, around):
    store = Store([span(i, s, min(s + n, len(TEXT))) for i, (s, n) in enumerate(made)])
    index = SpanIndex.partial(TEXT, store.between, store.after, chars=chars, around=around)
    for n, step in enumerate(plan):
        if step[0] == "load":
            index.load_more(step[1])
        elif step[0] == "ask":
            q = step[1] % len(index.para_starts)
            assert [a.id for a in index.in_paragraph(q)] == by_scan(store.ordered())[q]
        else:
            edit(store, index, step, n)
    every = store.ordered()
    for q, ids in by_scan(every).items():
        assert [a.id for a in index.in_paragraph(q)] == ids, q
    assert list(index) == every and len(index) == len(every) and index.complete
    assert all(index.get(a.id) == a for a in every)


def test_the_first_screens_are_read_at_once_and_the_rest_only_when_needed():
    spans = [span(i, 3 * i, 3 * i + 2) for i in range(len(TEXT) // 3)]
    store = Store(spans)
    index = SpanIndex.partial(TEXT, store.between, store.after, chars=10)
    assert not index.complete and store.reads == 0
    assert [a.id for a in index.in_paragraph(0)] == by_scan(spans)[0]  # no read for it
    assert store.reads == 0 and bool(index)
    assert index.load_more(5) is False and store.reads == 1
    last = len(index.para_starts) - 1
    assert [a.id for a in index.in_paragraph(last)] == by_scan(spans)[last]  # far: all read
    assert index.complete and list(index) == spans


def test_a_short_document_is_read_whole_at_once():
    store = Store([span(0, 0, 2), span(1, len(TEXT) - 2, len(TEXT))])
    index = SpanIndex.partial(TEXT, store.between, store.after, chars=len(TEXT))
    assert index.complete and len(index) == 2 and store.reads == 0


def test_a_place_further_down_is_read_first_when_asked_for():
    spans, store, far, index = opened_far_down()
    last = index.paragraph_of(far)
    assert [a.id for a in index.in_paragraph(last)] == by_scan(spans)[last]
    assert store.reads == 0 and not index.complete
    assert [a.id for a in index.in_paragraph(0)] == by_scan(spans)[0]  # not read: all now
    assert store.reads > 0 and index.complete and list(index) == spans



def reload(store: Store, index: SpanIndex) -> None:
    """A colleague's commits heard of: the difference applied, as editor.reload does."""
    held, fresh = {a.id: a for a in index}, store.spans
    index.update(Change("d", removed=tuple(a for i, a in held.items() if fresh.get(i) != a),
                        added=tuple(a for i, a in fresh.items() if held.get(i) != a)))


def test_a_span_moved_by_a_colleague_past_the_read_ones_is_held_once():
    """A colleague's edit reaches the store before the window hears of it (editor.reload):
    a span read in order, moved meanwhile past the spans read so far, is read again in its
    new place; the index holds it once, and as stored once the colleague's edit is heard."""
    spans = [span(i, 3 * i, 3 * i + 2) for i in range(len(TEXT) // 3)]
    store = Store(spans)
    index = SpanIndex.partial(TEXT, store.between, store.after, chars=10)
    index.load_more(8)
    read = store.after(None, 8)[-1]  # read in order, not with the first screens
    assert read.start > 10
    moved = read._replace(start=len(TEXT) - 2, end=len(TEXT))
    store.spans[moved.id] = moved  # committed by a colleague, not yet heard of
    index.finish()
    held = [a.id for a in index]
    assert len(held) == len(set(held))
    assert (read.start, read.end) in index.take_remade()  # its old place: paint again
    reload(store, index)
    assert list(index) == store.ordered() and index.get(read.id) == moved


def test_a_span_moved_by_a_colleague_into_the_first_screens_further_down_shows_there():
    """Opened around a place further down: a span read in order from the top, moved by a
    colleague into those first screens, is shown there once read again."""
    spans, store, far, index = opened_far_down()
    number = index.paragraph_of(far)
    assert [a.id for a in index.in_paragraph(number)] == by_scan(spans)[number]
    index.load_more(2)
    read = store.after(None, 2)[-1]
    moved = read._replace(start=index.para_starts[number], end=index.para_starts[number] + 1)
    store.spans[moved.id] = moved  # committed by a colleague, not yet heard of
    index.finish()
    assert [a.id for a in index.in_paragraph(number)] == by_scan(store.ordered())[number]


def test_a_span_added_by_a_colleague_to_the_first_screens_further_down_shows_there():
    """Opened around a place further down: a span a colleague added there after the first
    read comes with a later part, and is shown there (editor.reload finds it held)."""
    spans, store, far, index = opened_far_down()
    number = index.paragraph_of(far)
    assert [a.id for a in index.in_paragraph(number)] == by_scan(spans)[number]
    added = span(900, index.para_starts[number], index.para_starts[number] + 1)
    store.spans[added.id] = added  # committed by a colleague, not yet heard of
    index.finish()
    reload(store, index)
    assert [a.id for a in index.in_paragraph(number)] == by_scan(store.ordered())[number]
    [(lo, hi)] = index.take_remade()  # painted without it: to paint again
    assert lo <= added.start < hi and index.take_remade() == []
