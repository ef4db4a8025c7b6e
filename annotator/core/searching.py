"""Searching the corpus for the Search dock (and anyone else): text hits, optionally only
those inside spans matching filters, or the matching spans themselves; with blind
annotation, without the spans it hides from me. Pure: the dock shows what these return."""

from __future__ import annotations

from typing import NamedTuple

from annotator.core import concordance
from annotator.core.blind import Blind
from annotator.core.store import ProjectStore

PAGE = 200


class Result(NamedTuple):
    """What a search found: text hits, or (``spans``) the matching spans themselves;
    ``total`` counts all of them, of which the first :data:`PAGE` at most are in ``hits``
    (None: a full page of text hits, not counted yet — :func:`count_hits` counts them)."""

    hits: list
    spans: bool
    total: int | None


def find(store: ProjectStore, query: str, filters: dict[str, str], limit: int = PAGE,
         blind: Blind | None = None) -> Result | None:
    """Run a search: the query's hits (inside a span matching ``filters``, if any), or
    with no query the matching spans; None when there is neither a query nor a filter.
    ``blind``: without the spans blind annotation hides from me."""
    query = query.strip()
    if not query and not filters:
        return None
    if not query:
        return first_spans(store, filters, limit, blind)
    spans = _spans(store, filters) if filters else None
    if spans is not None and blind is not None and blind.on:
        spans = [a for a in spans if blind.sees(a)]
    hits = concordance.first_inside(
        lambda n, skip: store.search(query, limit=n, offset=skip), spans, limit)
    return Result(hits, False, len(hits) if len(hits) < limit else None)


def _spans(store: ProjectStore, filters: dict[str, str], limit: int | None = None) -> list:
    """:meth:`find_spans` with these filters (``tag``, ``group``, ``annotator``,
    ``normalized``, ``status``)."""
    return store.find_spans(filters.get("tag"), filters.get("group"), filters.get("annotator"),
                            filters.get("normalized"), filters.get("status"), limit=limit)


def first_spans(store: ProjectStore, filters: dict[str, str], limit: int = PAGE,
                blind: Blind | None = None) -> Result:
    """The first ``limit`` spans matching ``filters`` (that ``blind`` lets me see): read a
    page at a time, so 100,000 documents answer in milliseconds; ``total`` is None when
    there may be more (:func:`count_hits` counts them)."""
    want, shown = limit + 1, []  # one more than a page says whether there are more
    while True:
        found = _spans(store, filters, want)
        shown = [a for a in found if blind.sees(a)] if blind is not None and blind.on \
            else found
        if len(shown) > limit or len(found) < want:
            break
        want *= 4  # blind annotation hid some of the page: read further
    more = len(shown) > limit
    return Result(shown[:limit], True, None if more else len(shown))


def count_hits(store: ProjectStore, query: str, filters: dict[str, str],
               blind: Blind | None = None) -> int:
    """How many hits :func:`find` would find with no limit: the total behind a full page.
    Reads every candidate document (tens of milliseconds to a second on 10,000 documents):
    the panel runs it on a worker thread once the page is shown."""
    if not filters:
        return store.search_count(query)
    if not query.strip() and (blind is None or not blind.on):
        return store.count_spans(**filters)
    spans = _spans(store, filters)
    if blind is not None and blind.on:
        spans = [a for a in spans if blind.sees(a)]
    if not query.strip():
        return len(spans)
    texts = store.texts(dict.fromkeys(s.doc_id for s in spans))
    return sum(1 for _ in concordance.within(texts, query.strip(), spans))
