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

    #: every document is known to be indexed (see :meth:`_check_index`)
    _index_known = False

    def _check_index(self) -> None:
        """Index documents stored without it, once a connection: every writer indexes the
        documents it adds in the same transaction (:meth:`add_documents`, copies), so after
        the first search only this connection's own other writes need a look."""
        if self.read_only or self._index_known:
            return
        missing = self.conn.execute("SELECT 1 FROM documents d WHERE NOT EXISTS (SELECT 1 "
                                    "FROM search_text s WHERE s.doc_id = d.id) LIMIT 1"
                                    ).fetchone()
        if missing:
            self.reindex_missing()
        self._index_known = True

    def _candidates(self, folded: str) -> Iterator[tuple[str, str]]:
        """Candidate documents with their folded texts, in document order, a growing chunk
        a query: each asks for the next documents holding the query's grams after the last
        one read (``LIMIT``), so a first page reads a few documents whether the query is
        rare (the GIN index finds them) or common (read in order until enough match)."""
        self._check_index()
        wanted = query_grams(folded)
        where = "TRUE" if wanted is None else "s.grams @> ?::text[]"
        query = ("SELECT d.id, d.position, coalesce(s.folded, d.text) FROM search_text s "
                 f"JOIN documents d ON d.id = s.doc_id WHERE {where} AND d.position >= ? AND "
                 "(d.position > ? OR d.id > ?) ORDER BY d.position, d.id LIMIT ?")
        last, size = (-(2 ** 31), ""), _FIRST_CHUNK
        while True:
            params = ([] if wanted is None else [wanted]) + [last[0], last[0], last[1], size]
            rows = self.conn.execute(query, params).fetchall()
            yield from ((doc_id, lower(text)) for doc_id, _, text in rows)
            if len(rows) < size:
                return
            last, size = (rows[-1][1], rows[-1][0]), min(size * 2, _MAX_CHUNK)
