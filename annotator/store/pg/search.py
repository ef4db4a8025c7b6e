"""Corpus search in a team project: the file project's rules, PostgreSQL's index.

What a query finds is defined once (:mod:`annotator.store.search`: folded texts, scanned
for exact occurrences in reading order); only the narrowing differs. Each document's
distinct characters and character pairs (:func:`~annotator.store.search.grams`, the same
tokens the file project's FTS5 table holds) are kept as numbers (:func:`gram_codes`) in an
``int8[]`` with a GIN index: ``grams @> ARRAY[…]`` finds exactly the documents holding every
gram of the query, for a query of any length. (Numbers, not ``text``: the index compares
two thousand keys a document when it is built, and numbers compare without a collation —
a bulk import's indexing takes half the time.) (``pg_trgm`` cannot narrow a one- or two-character query, which most
Chinese words are, so it would read every document for them.) The candidates come back as
ids in document order; texts are then read in growing chunks, so a first page reads few.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from annotator import zh
from annotator.store.search import SearchMixin, gram_array, lower

_TOKEN_RUNS = re.compile(r"(?:[^\x00-\x7f]|[A-Za-z0-9])+")
_FIRST_CHUNK, _MAX_CHUNK = 8, 256
#: a query found in fewer than one in this many documents read goes to the index
_RARE = 8
#: … once this many have been read
_GRACE = 64


def query_grams(folded: str) -> list[int] | None:
    """The gram codes every document holding ``folded`` holds; None when a query of ASCII
    punctuation and spaces only can narrow nothing."""
    parts: set[str] = set()
    for run in _TOKEN_RUNS.findall(folded):
        parts |= {run} if len(run) <= 2 else {run[i:i + 2] for i in range(len(run) - 1)}
    return sorted(map(gram_code, parts)) or None


def gram_code(gram: str) -> int:
    """A character as its code point, a pair ``ab`` as ``(a + 1) << 21 | b`` (code points
    take 21 bits): distinct numbers for distinct grams."""
    return ord(gram) if len(gram) == 1 else (ord(gram[0]) + 1) << 21 | ord(gram[1])


def gram_codes(folded: str) -> str:
    """The codes of :func:`~annotator.store.search.grams` of ``folded`` (its distinct
    characters and pairs made of token characters: all non-ASCII, ASCII letters and
    digits), sorted, as an ``int8[]`` literal."""
    return "{" + ",".join(map(str, gram_array(folded).tolist())) + "}"


class PgSearchMixin(SearchMixin):
    def _index_documents(self, docs: list[tuple[str, str]]) -> int:
        rows = []
        for doc_id, text in docs:
            script_folded = zh.fold(text)
            rows.append((doc_id, None if script_folded == text else script_folded,
                         gram_codes(lower(script_folded))))
        # the grams go as an array literal the server parses: two thousand numbers a
        # document are slow to send as an array parameter
        self.conn.executemany("INSERT INTO search_text(doc_id, folded, grams) VALUES "
                              "(?, ?, ?::int8[])", rows)
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
        """Candidate documents with their folded texts, in document order. A query without
        letters that have case is first looked for by the server in the texts themselves,
        the next documents in order a growing window at a time (``strpos``: no document's
        gram array is read, which costs far more), while it keeps finding it in at least
        one document in :data:`_RARE` (after the first :data:`_GRACE`); a rarer query (or
        one with cased letters) goes to the GIN index for the rest, a chunk at a time."""
        self._check_index()
        wanted = query_grams(folded)
        last: tuple[int, str] = (-(2 ** 31), "")
        if wanted is None or _uncased(folded):
            scanned = matched = 0
            size = _FIRST_CHUNK
            while wanted is None or scanned < _GRACE or matched * _RARE >= scanned:
                rows = self.conn.execute(_WINDOW, (folded, last[0], last[0], last[1], size)
                                         ).fetchall()
                hits = [(doc_id, lower(text)) for doc_id, _, text in rows if text is not None]
                yield from hits
                if len(rows) < size:
                    return
                scanned, matched = scanned + len(rows), matched + len(hits)
                last, size = (rows[-1][1], rows[-1][0]), min(size * 2, _MAX_CHUNK)
        yield from self._indexed(wanted, last)

    def _indexed(self, wanted: list[int], last: tuple[int, str]) -> Iterator[tuple[str, str]]:
        """The documents after ``last`` holding every gram of ``wanted`` (the GIN index)."""
        while True:
            rows = self.conn.execute(_INDEXED, (wanted, last[0], last[0], last[1], _MAX_CHUNK)
                                     ).fetchall()
            yield from ((doc_id, lower(text)) for doc_id, _, text in rows)
            if len(rows) < _MAX_CHUNK:
                return
            last = (rows[-1][1], rows[-1][0])


def _uncased(folded: str) -> bool:
    """Whether no character of ``folded`` has case: then it occurs in a folded text
    exactly where it occurs in that text lower-cased, and the server can look for it."""
    return all(ch.lower() == ch == ch.upper() for ch in folded)


#: the next window of documents in order, each with its folded text when it holds the query
_WINDOW = (
    "SELECT w.id, w.position, CASE WHEN strpos(w.hay, ?) > 0 THEN w.hay END FROM "
    "(SELECT d.id, d.position, coalesce(s.folded, d.text) AS hay FROM documents d "
    "JOIN search_text s ON s.doc_id = d.id WHERE d.position >= ? AND (d.position > ? OR "
    "d.id > ?) ORDER BY d.position, d.id LIMIT ?) w ORDER BY w.position, w.id")
#: the next documents in order holding every gram, from the GIN index (materialised first,
#: so that no plan checks the gram arrays row by row in document order)
_INDEXED = (
    "WITH c AS MATERIALIZED (SELECT doc_id FROM search_text WHERE grams @> ?::int8[]) "
    "SELECT d.id, d.position, coalesce(s.folded, d.text) FROM c JOIN documents d ON "
    "d.id = c.doc_id JOIN search_text s ON s.doc_id = d.id WHERE d.position >= ? AND "
    "(d.position > ? OR d.id > ?) ORDER BY d.position, d.id LIMIT ?")
