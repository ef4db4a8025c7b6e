"""Concordances (key word in context): each hit with the text on either side of it.

Pure functions over texts and ``(doc_id, start, end)`` ranges in code points, such as the
:class:`annotator.store.search.Hit` results of a project search or annotation spans.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, islice
from typing import NamedTuple, Protocol, TypeVar

from annotator.core.search import find_all

NEWLINE = "⏎"
_SHOWN = str.maketrans({"\n": NEWLINE, "\r": "", "\t": " "})


class Row(NamedTuple):
    """One concordance line."""

    doc_id: str
    title: str
    start: int
    end: int
    left: str
    match: str
    right: str

    def to_dict(self) -> dict:
        return self._asdict()


def shown(text: str) -> str:
    """``text`` on one line: newlines as ⏎, tabs as spaces, carriage returns dropped."""
    return text.translate(_SHOWN)


def kwic(text: str, start: int, end: int, width: int = 20) -> tuple[str, str, str]:
    """``(left, match, right)``: ``text[start:end]`` with up to ``width`` characters of
    context on each side, newlines shown as ⏎."""
    left = text[max(start - width, 0):start]
    return shown(left), shown(text[start:end]), shown(text[end:end + width])


class Text(Protocol):
    """What :func:`rows` needs of a document (a :class:`~annotator.core.document.Document`)."""

    @property
    def title(self) -> str: ...
    @property
    def text(self) -> str: ...


class Located(Protocol):
    """A hit or a span: anything with ``doc_id``, ``start`` and ``end``."""

    @property
    def doc_id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def rows(hits: Iterable[Located], document: Callable[[str], Text],
         width: int = 20) -> list[Row]:
    """Concordance rows for hits (or spans); ``document(doc_id)`` gives the title and text,
    and is called once per document."""
    seen: dict[str, Text] = {}
    out = []
    for hit in hits:
        if hit.doc_id not in seen:
            seen[hit.doc_id] = document(hit.doc_id)
        doc = seen[hit.doc_id]
        out.append(Row(hit.doc_id, doc.title, hit.start, hit.end,
                       *kwic(doc.text, hit.start, hit.end, width)))
    return out


def record(row: Row, hit: object) -> dict:
    """A row for JSON output; when ``hit`` is an annotation, with its id, tag, annotator
    and attributes."""
    data = row.to_dict()
    for key in ("id", "tag", "annotator", "attributes"):
        if hasattr(hit, key):
            data[key] = getattr(hit, key)
    return data


H = TypeVar("H", bound=tuple[str, int, int])
T = TypeVar("T")


def inside(hits: Iterable[H], spans: Iterable[tuple[str, int, int]]) -> list[H]:
    """The hits that lie wholly inside one of ``spans`` (both ``(doc_id, start, end)``),
    in their original order."""
    by_doc: dict[str, list[tuple[int, int]]] = {}
    for doc_id, start, end in spans:
        by_doc.setdefault(doc_id, []).append((start, end))
    return [h for h in hits if _covered(by_doc.get(h[0], ()), h[1], h[2])]


def _covered(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def first_inside(search: Callable[[int, int], list[H]], spans: Iterable[Located] | None,
                 limit: int, page: int = 1000) -> list[H]:
    """The first ``limit`` results of ``search(limit, offset)`` (paged through) that lie
    inside one of ``spans``; all of the first ``limit`` when ``spans`` is None."""
    if spans is None:
        return search(limit, 0)
    ranges = [(s.doc_id, s.start, s.end) for s in spans]
    out: list[H] = []
    offset = 0
    while ranges and len(out) < limit:
        found = search(page, offset)
        out += inside(found, ranges)
        if len(found) < page:
            break
        offset += page
    return out[:limit]


class Place(NamedTuple):
    """A hit found by :func:`within`: ``[start, end)`` in code points of a document."""

    doc_id: str
    start: int
    end: int


def within(texts: Iterable[tuple[str, str]], query: str,
           spans: Iterable[Located]) -> Iterator[Place]:
    """Every hit of ``query`` (as the corpus search finds them: :func:`find_all`, 简/繁
    and case folded) that lies wholly inside one of ``spans``, in the order of ``texts``
    (``(doc_id, text)`` of the documents holding the spans) and by offset. One pass that
    reads only those documents: the way to find all such hits, and so to count them."""
    by_doc: dict[str, list[tuple[int, int]]] = {}
    for s in spans:
        by_doc.setdefault(s.doc_id, []).append((s.start, s.end))
    for doc_id, text in texts:
        ranges = sorted(by_doc.get(doc_id, ()))
        if not ranges:
            continue
        starts = [s for s, _e in ranges]
        reach = list(accumulate((e for _s, e in ranges), max))  # furthest end so far
        for start, end in find_all(text, query):
            k = bisect_right(starts, start)  # the spans starting at or before the hit
            if k and reach[k - 1] >= end:
                yield Place(doc_id, start, end)


def take(found: Iterable[T], limit: int | None) -> tuple[list[T], int]:
    """The first ``limit`` items (all with None) and how many there are in all (the rest
    is counted, not kept)."""
    items = iter(found)
    first = list(items if limit is None else islice(items, limit))
    return first, len(first) + sum(1 for _ in items)


#: how a concordance can be ordered: by place, or by the word before or after the hit
SORTS = ("position", "before", "after")


def neighbour(text: str, start: int, end: int, side: str) -> str:
    """The word (jieba's, :mod:`annotator.core.words`) just before ``start`` or just
    after ``end``, whitespace skipped; "" at the edge of the text."""
    from annotator.core import words

    step, pos = (-1, start - 1) if side == "before" else (1, end)
    while 0 <= pos < len(text) and text[pos].isspace():
        pos += step
    if not 0 <= pos < len(text):
        return ""
    s, e = words.word_at(text, pos)
    return text[s:e]


def order(rows: Sequence[Row], how: str, text_of: Callable[[str], str]) -> list[int]:
    """The rows' indexes in the order ``how`` (one of :data:`SORTS`): by the word before
    (or after) the hit, folded (简/繁 and case alike), then by place. ``text_of(doc_id)``
    gives a document's text (asked once per document)."""
    if how not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {how!r}")
    if how == "position":
        return list(range(len(rows)))
    from annotator.core.search import searchable

    texts: dict[str, str] = {}
    keys = []
    for r in rows:
        if r.doc_id not in texts:
            texts[r.doc_id] = text_of(r.doc_id)
        keys.append(searchable(neighbour(texts[r.doc_id], r.start, r.end, how)))
    return sorted(range(len(rows)), key=lambda i: (keys[i], i))


def line(row: Row, width: int = 20) -> str:
    """A row as text: ``title  @offset  left[match]right``, the left context padded so
    the matches of a short listing line up."""
    return f"{row.title}  @{row.start}  {row.left:>{width}}[{row.match}]{row.right}"
