"""The reads behind corpus statistics (:mod:`annotator.stats`): one layer's spans across the
project in a few columns, and document texts streamed in chunks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from annotator.store.common import StoreCommon
from annotator.store.search import _GOLD, _OWN

_TEXT_CHUNK = 200


class StatsMixin(StoreCommon):
    def layer_spans(self, annotator: str | None = None, gold: bool = False
                    ) -> Iterator[tuple[str, int, int, str, str, str | None]]:
        """``(doc_id, start, end, tag, annotator, normalized)`` of every span of a layer,
        by document id then ``(start, end)``: all annotators' spans, one annotator's own
        (``annotator``: not the gold their review decisions made), or the gold layer
        (``gold``: the results of review decisions, as in exports). ``normalized`` is the
        span's normalized name, or None. Streamed: consume it before the next query on this
        connection."""
        where, params = [], []
        if annotator is not None:
            where.append("a.annotator = ?")
            params.append(annotator)
            where.append(_OWN)
        if gold:
            where.append(f"a.id IN ({_GOLD})")
        # no join, no sort: the table is clustered by (doc_id, start, end, id), which is
        # the order asked for (documents come in id order; the caller orders them)
        rows = self.conn.execute(
            'SELECT a.doc_id, a.start, a."end", a.tag, a.annotator, '
            "CASE WHEN a.attributes = '{}' THEN NULL "
            f"ELSE {self.SQL_NORMALIZED} END FROM annotations a "
            f"WHERE {' AND '.join(where) or '1 = 1'} ORDER BY a.doc_id, a.start, a.\"end\", a.id",
            params)
        yield from rows

    def texts(self, doc_ids: Iterable[str]) -> Iterator[tuple[str, str]]:
        """``(doc_id, text)`` of the given documents in the order given (unknown ids are
        skipped), read a chunk at a time so memory holds a few texts, not the corpus."""
        ids = list(doc_ids)
        for i in range(0, len(ids), _TEXT_CHUNK):
            chunk = ids[i:i + _TEXT_CHUNK]
            found = dict(self.conn.execute(
                f"SELECT id, text FROM documents WHERE id IN ({', '.join('?' * len(chunk))})",
                chunk).fetchall())
            yield from ((d, found[d]) for d in chunk if d in found)
