"""Co-occurrence by sentence or paragraph, and the most frequent names: the figures that
need the documents' texts, made in one pass over them.

A span belongs to the unit (:mod:`annotator.stats.units`) in which it starts. A cell of a
matrix counts the units that hold at least one span with the row tag and one with the
column tag; its place in a unit is the stretch from the first span of one to the first of
the other. A span's name is its normalized name, or else its text, folded to simplified
characters (趙克志 and 赵克志 are one name).

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import functools
import heapq
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence

from annotator import zh
from annotator.stats.model import (
    MATRICES,
    MAX_PLACES,
    Matrix,
    NameCount,
    Place,
    SpanRow,
    Stats,
)
from annotator.stats.units import unit_starts

TOP_NAMES = 10
#: texts(doc_ids) -> (doc_id, text) in the order asked
Texts = Callable[[Iterable[str]], Iterable[tuple[str, str]]]


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A name as counted: outer spaces removed, traditional folded to simplified."""
    return zh.fold(name.strip())


def units_and_names(stats: Stats, order: Sequence[str], by_doc: dict[str, list[SpanRow]],
                    texts: Texts, groups: dict[str, str], top: int = TOP_NAMES) -> None:
    """Fill ``stats.matrices`` and ``stats.names`` (and their places) from the documents
    ``order`` (the ones with spans, in project order)."""
    tags_of = {g: [t for t, tg in groups.items() if tg == g] for g in set(groups.values())}
    stats.matrices = {name: Matrix(name, rg, cg, tags_of.get(rg, []), tags_of.get(cg, []))
                      for name, rg, cg in MATRICES}
    paired = {t for t, g in groups.items() if g in {g for m in MATRICES for g in m[1:]}}
    order_of = list(stats.groups)
    slot = {t: 1 + order_of.index(g) for t, g in groups.items()}  # a tag's count in an entry
    blank = [0] * (len(order_of) + 1)
    keys: dict[str, list[list]] = {}  # doc -> each span's name entry (shared)
    canon: dict[str, list] = {}  # a name as read (or a key) -> its entry: [key, counts...]
    cells: dict[tuple[str, str, str], list[Place]] = {}
    for doc_id, text in _in_order(texts, order):
        starts = unit_starts(text, stats.unit)
        firsts: dict[tuple[int, str], SpanRow] = {}  # (unit, tag) -> its first span
        doc_keys = keys[doc_id] = []
        for s in by_doc[doc_id]:
            _, start, end, tag, _, name = s
            if tag in paired:
                firsts.setdefault((bisect_right(starts, start) - 1, tag), s)
            if not (type(name) is str and name.strip()):
                name = text[start:end]
            entry = canon.get(name)
            if entry is None:
                entry = canon[name] = _entry(canon, name_key(name), blank)
            entry[slot[tag]] += 1
            doc_keys.append(entry)
        _cooccur(stats.matrices, doc_id, _units(firsts, groups), cells)
    stats.places.update({("cooc", *k): kept for k, kept in cells.items()})
    names: dict[str, dict[str, int]] = {g: {} for g in order_of}
    for entry in {id(e): e for e in canon.values()}.values():
        for group, n in zip(order_of, entry[1:], strict=True):
            if n and entry[0]:  # a name that is only spaces is no name
                names[group][entry[0]] = n
    stats.names = {g: [NameCount(n, c) for n, c in heapq.nsmallest(
        top, counter.items(), key=lambda kv: (-kv[1], kv[0]))] for g, counter in names.items()}
    _name_places(stats, order, by_doc, keys, groups)


def _entry(canon: dict[str, list], key: str, blank: list) -> list:
    """The entry of ``key`` (one per key: the names that fold to it share it), made with
    ``blank`` counts the first time. A span's name is counted in its entry, in the place
    of its tag's group: one look-up a span, not one for the key and one for its count."""
    entry = canon.get(key)
    if entry is None:
        entry = canon[key] = [key, *blank[1:]]
    return entry


def _units(firsts: dict[tuple[int, str], SpanRow], groups: dict[str, str]
           ) -> Iterable[dict[str, dict[str, SpanRow]]]:
    """Each unit's first span of each tag, by group: units, groups and tags in the order
    their first spans came."""
    units: dict[int, dict[str, dict[str, SpanRow]]] = {}
    for (unit, tag), s in firsts.items():
        units.setdefault(unit, {}).setdefault(groups[tag], {})[tag] = s
    return units.values()


def _in_order(texts: Texts, order: Sequence[str]) -> Iterator[tuple[str, str]]:
    """``texts(order)``, checked: a document missing from it is skipped."""
    wanted = set(order)
    return ((d, t) for d, t in texts(order) if d in wanted)


def _cooccur(matrices: dict[str, Matrix], doc_id: str,
             units: Iterable[dict[str, dict[str, SpanRow]]],
             cells: dict[tuple[str, str, str], list[Place]]) -> None:
    """Add one document's units to the matrices, and the first places of each cell."""
    for bag in units:
        for m in matrices.values():
            rows, cols = bag.get(m.row_group), bag.get(m.col_group)
            if not rows or not cols:
                continue
            counts = m.counts
            for r, rs in rows.items():
                for c, cs in cols.items():
                    counts[r, c] = counts.get((r, c), 0) + 1
                    kept = cells.setdefault((m.name, r, c), [])
                    if len(kept) < MAX_PLACES:
                        kept.append(Place(doc_id, min(rs[1], cs[1]), max(rs[2], cs[2])))


def _name_places(stats: Stats, order: Sequence[str], by_doc: dict[str, list[SpanRow]],
                 keys: dict[str, list[list]], groups: dict[str, str]) -> None:
    """The first places of the top names (known only once every span is counted), in
    corpus order, from each span's name kept by the first pass."""
    places: dict[tuple[str, str], list[Place]] = {
        (g, n.name): [] for g, names in stats.names.items() for n in names}
    if not places:
        return
    missing = len(places)  # lists not full yet: none left, no need to read on
    for doc_id in order:
        if not missing:
            break
        for s, entry in zip(by_doc[doc_id], keys.get(doc_id, ()), strict=False):
            kept = places.get((groups[s[3]], entry[0]))
            if kept is not None and len(kept) < MAX_PLACES:
                kept.append(Place(doc_id, s[1], s[2]))
                missing -= len(kept) == MAX_PLACES
    stats.places.update({("name", g, n): kept for (g, n), kept in places.items()})
