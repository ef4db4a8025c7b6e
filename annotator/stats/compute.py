"""Computing a layer's figures: counts per tag, group, document and annotator, progress,
threats over time; co-occurrence and names come from :mod:`annotator.stats.cooccur`.

What is counted is a *span*: a tagged code-point range of a document. In the layer of all
annotators, the same range with the same tag marked by several annotators (or copied into
gold) is one span; the per-annotator figures alone count each annotator's own spans.

Built for size: a million spans over 10,000 documents are plain tuples, walked a few times
with the garbage collector paused. Pure Python: no Qt, no SQL (:func:`project_stats`
reads through the store's methods).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import itemgetter

from annotator.core.blind import Blind
from annotator.core.document import REVIEW_STATUSES, STATUSES
from annotator.core.errors import Cancelled
from annotator.core.memory import paused_gc
from annotator.core.store import ProjectStore
from annotator.core.tagset import Tagset
from annotator.stats.cooccur import TOP_NAMES, Texts, units_and_names
from annotator.stats.layer import Layer, layer_spans
from annotator.stats.model import (
    MAX_PLACES,
    PERIODS,
    UNDATED,
    DocumentRow,
    Place,
    SpanRow,
    Stats,
    Timeline,
    add_place,
    group_of,
)
from annotator.stats.reading import LayerReader
from annotator.stats.units import check_unit

#: a span row's tag
_TAG = itemgetter(3)


def project_stats(store: ProjectStore, layer: Layer | None = None, unit: str = "sentence",
                  period: str = "month", top: int = TOP_NAMES,
                  blind: Blind | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> Stats:
    """The figures of ``layer`` (default: all annotators) of an open project; ``blind``:
    without the spans blind annotation hides from whoever asks. ``progress(done, total)``
    follows the two passes over the documents (their spans, then their texts: ``total``
    is twice the documents); ``cancelled()`` is asked as often, and
    :class:`~annotator.core.errors.Cancelled` raised when it says so."""
    layer = layer or Layer()
    layer.check(a.id for a in store.annotators())
    tagset = store.tagset()
    if tagset is None:
        raise ValueError("the project has no tagset")
    with paused_gc():
        documents = store.documents()
        spans: Iterable[SpanRow] = layer_spans(store, layer)
        if blind is not None and blind.on:
            spans = (s for s in spans if s[4] == blind.me or not blind.hides(s[0]))
        texts: Texts = store.texts
        if progress is not None or cancelled is not None:
            watch = _Watch(2 * len(documents), progress, cancelled)
            spans, texts = watch.spans(spans), watch.texts(store.texts)
        return compute(tagset, documents, spans, texts, layer, unit, period, top)


class _Watch:
    """Counts documents as the two passes go, reporting every hundredth of the way."""

    def __init__(self, total: int, progress: Callable[[int, int], None] | None,
                 cancelled: Callable[[], bool] | None):
        self.total, self.done = max(total, 1), 0
        self.step = max(1, total // 100)
        self.progress, self.cancelled = progress, cancelled

    def tick(self) -> None:
        self.done += 1
        if self.done % self.step == 0:
            if self.cancelled is not None and self.cancelled():
                raise Cancelled("statistics cancelled")
            if self.progress is not None:
                self.progress(min(self.done, self.total), self.total)

    def spans(self, rows: Iterable[SpanRow]) -> Iterator[SpanRow]:
        last = None
        for row in rows:
            if row[0] != last:
                last = row[0]
                self.tick()
            yield row

    def texts(self, read: Texts) -> Texts:
        def watched(ids: Iterable[str]) -> Iterator[tuple[str, str]]:
            for pair in read(ids):
                self.tick()
                yield pair
        return watched


def compute(tagset: Tagset, documents: Sequence, spans: Iterable[SpanRow], texts: Texts,
            layer: Layer | None = None, unit: str = "sentence", period: str = "month",
            top: int = TOP_NAMES) -> Stats:
    """The figures over ``documents`` (objects with ``id``, ``title``, ``date``,
    ``status`` and ``review_status``, in project order) and their ``spans``
    (:class:`~annotator.stats.model.Span` or tuples in its field order, in reading order
    within a document; read once); ``texts(ids)`` yields ``(doc_id, text)`` in the order
    asked."""
    check_unit(unit)
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    stats = Stats(layer or Layer(), unit, period, tagset)
    groups = {t.id: t.group for t in tagset.tags}

    def group(tag: str) -> str:
        found = groups.get(tag)
        return found if found is not None else groups.setdefault(tag, group_of(tagset, tag))

    reader = LayerReader(stats, group)
    by_doc = reader.read(spans)
    for _, tag in reader.pairs:  # every tag read, once: its group known to the counts below
        group(tag)
    _count_documents(stats, documents, by_doc, groups)
    _count_tags(stats, groups)
    reader.annotator_figures({d.id: i for i, d in enumerate(documents)})
    order = [d.id for d in documents if d.id in by_doc]
    units_and_names(stats, order, by_doc, texts, groups, top)
    return stats


def _count_documents(stats: Stats, documents: Sequence, by_doc: dict[str, list[SpanRow]],
                     groups: dict[str, str]) -> None:
    """Spans per tag and document, progress and the timeline, in one pass, with the
    first places of each tag and timeline bar."""
    status, review = Counter[str](), Counter[str]()
    threats = [t for t, g in groups.items() if g == "threat"]
    line = Timeline(stats.period, [], threats)
    by_tag: dict[str, list[Place]] = {}
    by_period: dict[str, dict[str, list[Place]]] = {}
    for d in documents:
        spans = by_doc.get(d.id, ())
        found = Counter(map(_TAG, spans))
        counts = dict.fromkeys((g.id for g in stats.tagset.groups), 0)
        for tag, n in found.items():
            stats.tags[tag] = stats.tags.get(tag, 0) + n
            counts[groups[tag]] = counts.get(groups[tag], 0) + n
        stats.documents.append(DocumentRow(d.id, d.title, d.date, d.status, d.review_status,
                                           counts, len(spans)))
        status[d.status] += 1
        review[d.review_status] += 1
        when = _add_dated(line, d.date, found)
        dated = by_period.setdefault(when, {t: [] for t in threats}) if threats else None
        _span_places(d.id, spans, found, by_tag, dated)
        for key in (("status", "status", d.status), ("status", "review_status",
                                                     d.review_status)):
            add_place(stats.places, key, Place(d.id, 0, 0))
    stats.places.update({("tag", t): kept for t, kept in by_tag.items()})
    stats.places.update({("timeline", p, t): kept for p, tags in by_period.items()
                         for t, kept in tags.items() if kept})
    line.periods = sorted({p for p, _ in line.counts})
    stats.timeline = line
    stats.progress = {
        "documents": {"total": len(documents),
                      "annotated": sum(1 for d in documents if by_doc.get(d.id))},
        "status": {s: status.get(s, 0) for s in STATUSES},
        "review_status": {s: review.get(s, 0) for s in REVIEW_STATUSES},
    }


def _add_dated(line: Timeline, date: str | None, found: Counter[str]) -> str:
    """Add a document's threat spans to its period (or to the undated ones)."""
    when = period_of(date, line.period)
    for tag in line.tags:
        n = found.get(tag)
        if n and when == UNDATED:
            line.undated[tag] = line.undated.get(tag, 0) + n
        elif n:
            line.counts[when, tag] = line.counts.get((when, tag), 0) + n
    return when


def _span_places(doc_id: str, spans: Sequence[SpanRow], found: Counter[str],
                 by_tag: dict[str, list[Place]], dated: dict[str, list[Place]] | None) -> None:
    """The first places of each tag and (``dated``: the document's period's) threat;
    ``found``: the spans' tags. Only the spans whose tag has a list that is not full yet
    are walked (on a corpus, a few documents fill a tag's)."""
    open_tags = {t for t in found if len(by_tag.get(t, ())) < MAX_PLACES}
    if dated is not None:
        open_tags.update(t for t in found if t in dated and len(dated[t]) < MAX_PLACES)
    if not open_tags:
        return
    for s in spans:
        if s[3] not in open_tags:
            continue
        kept = by_tag.get(s[3])
        if kept is None:
            kept = by_tag[s[3]] = []
        if len(kept) < MAX_PLACES:
            kept.append(Place(doc_id, s[1], s[2]))
        if dated is not None and s[3] in dated and len(dated[s[3]]) < MAX_PLACES:
            dated[s[3]].append(Place(doc_id, s[1], s[2]))


def _count_tags(stats: Stats, groups: dict[str, str]) -> None:
    """Tags in the tagset's order (every tag, used or not; then unknown tags used), and
    the groups' totals."""
    counts = stats.tags
    stats.tags = {t: counts.get(t, 0) for t in groups}
    stats.groups = {g.id: 0 for g in stats.tagset.groups}
    for tag, n in stats.tags.items():
        stats.groups[groups[tag]] = stats.groups.get(groups[tag], 0) + n


def period_of(date: str | None, period: str) -> str:
    """``2018-05`` (month) or ``2018`` (year) of an ISO date; :data:`UNDATED` when there
    is no date or no year (``--06-08``)."""
    if not date or date.startswith("-") or len(date) < 7:
        return UNDATED
    return date[:7] if period == "month" else date[:4]
