"""Corpus search in a team project: the file project's rules, PostgreSQL's index.

What a query finds is defined once (:mod:`annotator.store.search`: folded texts, scanned
for exact occurrences in reading order); only the narrowing differs. Each document's
distinct characters and character pairs (:func:`~annotator.store.search.grams`, the same
tokens the file project's FTS5 table holds) are kept in a ``text[]`` with a GIN index:
``grams @> ARRAY[…]`` finds exactly the documents holding every gram of the query, for a
query of any length. (``pg_trgm`` cannot narrow a one- or two-character query, which most
Chinese words are, so it would read every document for them.) The candidates come back as
ids in document order; texts are then read in growing chunks, so a first page reads few.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from annotator import zh
from annotator.store.search import SearchMixin, grams, lower

_TOKEN_RUNS = re.compile(r"(?:[^\x00-\x7f]|[A-Za-z0-9])+")
_FIRST_CHUNK, _MAX_CHUNK = 8, 256


def query_grams(folded: str) -> list[str] | None:
    """The grams every document holding ``folded`` holds; None when a query of ASCII
    punctuation and spaces only can narrow nothing."""
    parts: set[str] = set()
    for run in _TOKEN_RUNS.findall(folded):
        parts |= {run} if len(run) <= 2 else {run[i:i + 2] for i in range(len(run) - 1)}
    return sorted(parts) or None


class PgSearchMixin(SearchMixin):
    def _index_documents(self, docs: list[tuple[str, str]]) -> int:
        rows = []
        for doc_id, text in docs:
            script_folded = zh.fold(text)
            rows.append((doc_id, None if script_folded == text else script_folded,
                         grams(lower(script_folded))))
        # the grams go as one space-separated string, split by the server: a text[] of
        # two thousand grams a document is slow to send as an array parameter
        self.conn.executemany("INSERT INTO search_text(doc_id, folded, grams) VALUES "
                              "(?, ?, string_to_array(?, ' '))", rows)
        return len(rows)

    def reindex_missing(self) -> int:
        with self.transaction():
            missing = self.conn.execute(
                "SELECT d.id, d.text FROM documents d WHERE NOT EXISTS (SELECT 1 FROM "
                "search_text s WHERE s.doc_id = d.id) ORDER BY d.position").fetchall()
            return self._index_documents([(r[0], r[1]) for r in missing])

    def _check_index(self) -> None:
        if self.read_only:
            return
        missing = self.conn.execute("SELECT 1 FROM documents d WHERE NOT EXISTS (SELECT 1 "
                                    "FROM search_text s WHERE s.doc_id = d.id) LIMIT 1"
                                    ).fetchone()
        if missing:
            self.reindex_missing()

    def _candidates(self, folded: str) -> Iterator[tuple[str, str]]:
        self._check_index()
        wanted = query_grams(folded)
        if wanted is None:
            ids = [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY position, id")]
        else:
            ids = [r[0] for r in self.conn.execute(
                "SELECT s.doc_id FROM search_text s JOIN documents d ON d.id = s.doc_id "
                "WHERE s.grams @> ?::text[] ORDER BY d.position, d.id", (wanted,))]
        i, size = 0, _FIRST_CHUNK
        while i < len(ids):
            chunk = ids[i:i + size]
            texts = {r[0]: lower(r[1]) for r in self.conn.execute(
                "SELECT s.doc_id, coalesce(s.folded, d.text) FROM search_text s JOIN documents d "
                "ON d.id = s.doc_id WHERE s.doc_id = ANY(?)", (chunk,))}
            yield from ((k, texts[k]) for k in chunk if k in texts)
            i, size = i + size, min(size * 2, _MAX_CHUNK)
