"""Reading a layer's spans in one streamed pass: copies across annotators merged per
document, each annotator's own figures counted on the way (gold spans, marked
:data:`~annotator.review.layers.GOLD_KEY`, are nobody's own).

The store streams the spans grouped by document; only the merged spans are kept, their
document ids, tags and annotators shared as one string object each, so a million spans
take a fraction of the memory the rows would (any order works, grouped is cheapest).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from annotator.review.layers import GOLD_KEY
from annotator.stats.model import MAX_PLACES, Place, SpanRow, Stats

#: A merged span's key within its document.
Slot = tuple[int, int, str]


def _keep(kept: dict[Slot, SpanRow], s: SpanRow) -> None:
    key = (s[1], s[2], s[3])
    first = kept.get(key)
    if first is None:
        kept[key] = s
    elif first[5] is None and s[5] is not None:
        kept[key] = (*first[:5], s[5])


class LayerReader:
    """Feed it every span of the layer (:meth:`read`), then ask for the merged spans by
    document; ``stats`` gets the span count and the per-annotator figures."""

    def __init__(self, stats: Stats, group: Callable[[str], str]):
        self.stats, self.group = stats, group
        self.by_doc: dict[str, list[SpanRow]] = {}
        self.shared: dict[str, str] = {}
        self.pairs = Counter[tuple[str, str]]()  # (annotator, tag) -> spans
        self.who: dict[str, set[str]] = {}  # document -> its annotators
        self.places: dict[tuple[str, str], list[Place]] = {}  # (annotator, group)
        self.doc: str | None = None
        self.kept: dict[Slot, SpanRow] = {}

    def read(self, spans: Iterable[SpanRow]) -> dict[str, list[SpanRow]]:
        """One pass, its loop kept tight (locals, one key tuple per span, no call): ten
        million spans go through it at 100,000 documents."""
        count, kept, shared = 0, self.kept, self.shared
        share, pairs, places = shared.setdefault, dict[tuple[str, str], int](), self.places
        full = set[tuple[str, str]]()  # the pairs whose places are all found
        doc, who_here = self.doc, set[str]()
        for row in spans:
            count += 1
            if row[0] != doc:
                self._flush()
                kept, who_here = self.kept, self.who.setdefault(share(row[0], row[0]), set())
                doc = self.doc = share(row[0], row[0])
            _, start, end, tag, who, name = row
            tag, who = share(tag, tag), share(who, who)
            slot = (start, end, tag)
            first = kept.get(slot)
            if first is None:
                kept[slot] = (doc, start, end, tag, who, name)
            elif first[5] is None and name is not None:
                kept[slot] = (*first[:5], name)
            if who == GOLD_KEY:  # the gold layer: nobody's own span
                continue
            pair = (who, tag)
            pairs[pair] = pairs.get(pair, 0) + 1
            who_here.add(who)
            if pair not in full:  # (after a few documents, every pair's places are found)
                room = places.get(pair)
                if room is None:
                    room = places[pair] = []
                room.append(Place(doc, start, end))
                if len(room) == MAX_PLACES:
                    full.add(pair)
        self._flush()
        self.pairs.update(pairs)
        self.who = {d: names for d, names in self.who.items() if names}
        self.stats.spans = count
        return self.by_doc

    def _flush(self) -> None:
        """The document read so far is complete (or, in ungrouped input, paused)."""
        if self.doc is None:
            return
        earlier = self.by_doc.get(self.doc)
        if earlier is None:
            self.by_doc[self.doc] = list(self.kept.values())
        else:  # the document came back: merge again
            merged = {(e[1], e[2], e[3]): e for e in earlier}
            for s in self.kept.values():
                _keep(merged, s)
            self.by_doc[self.doc] = list(merged.values())
        self.kept = {}

    def annotator_figures(self, rank: dict[str, int]) -> None:
        """Each annotator's own spans per group, their documents, and up to
        :data:`MAX_PLACES` places per annotator and group in corpus order (``rank``: a
        document's position)."""
        stats = self.stats
        documents = Counter(who for names in self.who.values() for who in names)
        for who in sorted(documents):
            stats.annotators[who] = dict.fromkeys(stats.groups, 0)
            stats.annotator_documents[who] = documents[who]
        places: dict[tuple[str, str], list[Place]] = {}
        for (who, tag), n in self.pairs.items():
            group = self.group(tag)
            row = stats.annotators[who]
            row[group] = row.get(group, 0) + n
            places.setdefault((who, group), []).extend(self.places.get((who, tag), ()))
        for (who, group), kept in places.items():
            kept.sort(key=lambda p: (rank.get(p.doc_id, len(rank)), p.start, p.end))
            stats.places["annotator", who, group] = kept[:MAX_PLACES]
