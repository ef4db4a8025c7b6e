"""Full-text search over the whole project, and finding spans by tag, annotator or value.

Matching is the in-document find's (:func:`annotator.core.search.find_all`): traditional and
simplified characters match each other and Latin letters ignore case, because both the texts
and the query are folded with :func:`annotator.core.search.searchable`, which keeps
code-point offsets. The index only narrows the documents to read:

* queries of 1–2 characters look up ``search_grams`` (an FTS5 table whose tokens are the
  distinct characters and character pairs of each document);
* longer queries AND together their bigrams in ``search_grams`` (the trigram table
  ``search_trigrams`` that schema 2 made is dropped by schema 9: it took a quarter of the
  text's size in the file and much of the import's indexing time);
* ASCII punctuation and spaces are not tokens: a short query made only of them reads every
  document.

Positions then come from scanning the folded text of each candidate document in reading
order, so hits are exact, and the scan stops as soon as a page is full.
"""

from __future__ import annotations

import importlib
import itertools
import os
import re
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from annotator import zh
from annotator.core.annotation import Annotation
from annotator.core.search import searchable
from annotator.store.annotations import _annotations
from annotator.store.common import StoreCommon


class Hit(NamedTuple):
    """One occurrence: ``[start, end)`` in code points of the document's canonical text."""

    doc_id: str
    start: int
    end: int


# --- the index ---------------------------------------------------------------------------
def grams(folded: str) -> str:
    """The distinct unigrams and bigrams of ``folded`` made only of token characters,
    space-separated: one FTS5 token each (a pair across a space or a line break is no
    token). Made as numbers (:func:`gram_array`), then written out as text in one go:
    5x faster than making a string per pair (it was the import's largest cost)."""
    np = numpy()
    codes = gram_array(folded)
    single = codes < _PAIR
    ones, twos = codes[single].astype(np.uint32), codes[~single]
    out = np.full(len(ones) * 2 + len(twos) * 3, _SPACE, np.uint32)
    out[0:2 * len(ones):2] = ones
    pairs = out[2 * len(ones):]
    pairs[0::3] = (twos >> 21) - 1
    pairs[1::3] = twos & (_PAIR - 1)
    return out[:-1].tobytes().decode("utf-32-le", "surrogatepass")


_SPACE, _PAIR = 0x20, 1 << 21  # code points take 21 bits


def numpy():  # -> the numpy module
    """numpy, loaded here when first wanted (the window's start does without it) with one
    BLAS thread: its BLAS starts a thread per core otherwise, and a process with other
    threads forks no reader for an import (:mod:`annotator.ingest.parallel`): a second
    import in the same process would read every file itself. Nothing here uses BLAS."""
    if "numpy" not in sys.modules:
        saved = os.environ.get("OPENBLAS_NUM_THREADS")
        os.environ["OPENBLAS_NUM_THREADS"] = "1"
        try:
            importlib.import_module("numpy")
        finally:
            if saved is None:
                del os.environ["OPENBLAS_NUM_THREADS"]
            else:
                os.environ["OPENBLAS_NUM_THREADS"] = saved
    return sys.modules["numpy"]


def gram_array(folded: str):  # -> numpy.ndarray (int64), sorted
    """The distinct grams of ``folded`` as numbers, sorted: a character as its code point,
    a pair ``ab`` as ``(a + 1) << 21 | b``. Token characters: all non-ASCII, ASCII
    letters and digits (what FTS5's ``ascii`` tokenizer keeps)."""
    np = numpy()
    points = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), np.uint32)
    points = points.astype(np.int64)
    letter = (points | 32) - ord("a")  # A-Z and a-z: 0 to 25
    digit = points - ord("0")
    token = (points >= 0x80) | ((letter >= 0) & (letter < 26)) | ((digit >= 0) & (digit < 10))
    pairs = (points[:-1] + 1) << 21 | points[1:]
    codes = np.sort(np.concatenate((points[token], pairs[token[:-1] & token[1:]])))
    return codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes


def plain_grams(folded: str) -> str:
    """:func:`grams` without numpy, for a few documents (loading numpy takes a quarter of
    a second: the window's start, which imports the five seed texts, does without it).
    The pairs are taken within each stretch of token characters, all in C."""
    units = set(folded)
    if units.isdisjoint(_NOT_TOKEN):
        return " ".join(units.union(map(str.__add__, folded, folded[1:])))
    units -= _NOT_TOKEN
    for stretch in _NOT_TOKEN_RUN.split(folded):
        units.update(map(str.__add__, stretch, stretch[1:]))
    return " ".join(units)


#: the characters that are not token characters: ASCII punctuation, spaces, controls
_NOT_TOKEN = frozenset(c for c in map(chr, range(128)) if not c.isalnum())
_NOT_TOKEN_RUN = re.compile(f"[{re.escape(''.join(sorted(_NOT_TOKEN)))}]+")
#: from this many documents at once, :func:`grams` (numpy) makes the tokens
_NUMPY_FROM = 50


def lower(text: str) -> str:
    """The case-folding half of :func:`searchable` (C speed; stored texts skip it, so a
    simplified text with capital letters needs no stored copy)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text


def has_trigrams(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_trigrams'"
                        ).fetchone() is not None


def index_documents(conn: sqlite3.Connection, docs: Iterable[tuple[str, str]]) -> int:
    """Index ``(doc_id, text)`` pairs; call inside the transaction that stores them."""
    trigrams = has_trigrams(conn)
    docs = list(docs)
    make = grams if len(docs) >= _NUMPY_FROM or "numpy" in sys.modules else plain_grams
    count = 0
    for doc_id, text in docs:
        script_folded = zh.fold(text)
        folded = lower(script_folded)  # == searchable(text)
        key = conn.execute("INSERT INTO search_text(doc_id, folded) VALUES (?, ?)",
                           (doc_id, None if script_folded == text else script_folded)
                           ).lastrowid
        conn.execute("INSERT INTO search_grams(rowid, grams) VALUES (?, ?)",
                     (key, make(folded)))
        if trigrams:
            conn.execute("INSERT INTO search_trigrams(rowid, folded) VALUES (?, ?)",
                         (key, folded))
        count += 1
    return count


def backfill(conn: sqlite3.Connection) -> int:
    """Index the documents not indexed yet (the migration; documents stored some other way
    than :meth:`add_documents`), then compact the index."""
    missing = [r[0] for r in conn.execute(
        "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM search_text s WHERE "
        "s.doc_id = d.id) ORDER BY d.position")]
    count = 0
    for i in range(0, len(missing), 100):
        chunk = missing[i:i + 100]
        texts = dict(conn.execute("SELECT id, text FROM documents WHERE id IN "
                                  f"({', '.join('?' * len(chunk))})", chunk).fetchall())
        count += index_documents(conn, ((doc_id, texts[doc_id]) for doc_id in chunk))
    if count:
        conn.execute("INSERT INTO search_grams(search_grams) VALUES ('optimize')")
        if has_trigrams(conn):
            conn.execute("INSERT INTO search_trigrams(search_trigrams) VALUES ('optimize')")
    return count


# --- turning a query into candidate documents ------------------------------------------
def needle(query: str) -> str:
    """The folded form of ``query`` that is looked for in the folded texts."""
    return searchable(query.strip())


def _phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


#: what FTS5's ``ascii`` tokenizer keeps (as :func:`gram_array`)
_TOKEN_RUNS = re.compile(r"(?:[^\x00-\x7f]|[A-Za-z0-9])+")


def fts_query(folded: str, trigrams: bool) -> tuple[str, str] | None:
    """``(table, MATCH expression)`` narrowing the documents for ``folded``; None when every
    document must be read (a query of ASCII punctuation and spaces only)."""
    if len(folded) >= 3 and trigrams:
        parts = {folded[i:i + 3] for i in range(len(folded) - 2)}
        return "search_trigrams", " AND ".join(_phrase(p) for p in sorted(parts))
    parts = set()
    for run in _TOKEN_RUNS.findall(folded):
        parts |= {run} if len(run) <= 2 else {run[i:i + 2] for i in range(len(run) - 1)}
    if not parts:
        return None
    return "search_grams", " AND ".join(_phrase(p) for p in sorted(parts))


def occurrences(hay: str, folded: str) -> Iterator[tuple[int, int]]:
    """Non-overlapping occurrences of ``folded`` in ``hay``, left to right (as the
    in-document find)."""
    size = len(folded)
    i = hay.find(folded)
    while i >= 0:
        yield i, i + size
        i = hay.find(folded, i + size)


_FIRST_CHUNK, _MAX_CHUNK = 8, 256

_SPAN_COLUMNS = ('a.id, a.doc_id, a.start, a."end", a.tag, a.annotator, a.attributes, '
                 "a.created, coalesce(a.modified, a.created)")
_GOLD = ("SELECT result_id FROM review_decisions WHERE result_id IS NOT NULL "
         "AND decision != 'rejected'")
#: spans a reviewer accepted: ``{targets}`` is the engine's SQL_TARGETS_FROM
_ACCEPTED = (f"{_GOLD} UNION SELECT j.value FROM {{targets}} "
             "WHERE r.decision IN ('accepted', 'gold')")
STATUSES = ("accepted", "gold")
#: an annotator's own layer, given ``a.annotator = …``: not the gold their decisions made
#: (:func:`annotator.core.dataset.own_spans` in SQL)
_OWN = f"a.id NOT IN ({_GOLD})"


class SearchMixin(StoreCommon):
    """``search`` (text), ``search_count`` and ``find_spans`` (annotations)."""

    _search_order: tuple[tuple[int, int], dict[int, int], bool] | None = None

    def search(self, query: str, limit: int = 50, offset: int = 0) -> list[Hit]:
        """Occurrences of ``query`` in all documents, in document order then by offset;
        ``offset`` hits are skipped, at most ``limit`` returned. Empty query: no hits."""
        folded = needle(query)
        hits: list[Hit] = []
        if not folded or limit <= 0:
            return hits
        skip = max(offset, 0)
        for doc_id, hay in self._candidates(folded):
            if skip and (count := hay.count(folded)) <= skip:
                skip -= count
                continue
            for start, end in occurrences(hay, folded):
                if skip:
                    skip -= 1
                    continue
                hits.append(Hit(doc_id, start, end))
                if len(hits) == limit:
                    return hits
        return hits

    def search_count(self, query: str) -> int:
        """How many hits :meth:`search` finds in all (reads every candidate document)."""
        folded = needle(query)
        if not folded:
            return 0
        return sum(hay.count(folded) for _, hay in self._candidates(folded))

    def _index_documents(self, docs: list[tuple[str, str]]) -> int:
        return index_documents(self.conn, docs)

    def reindex_missing(self) -> int:
        """Index documents stored without :meth:`add_documents`; returns how many."""
        with self.transaction():
            return backfill(self.conn)

    def _candidates(self, folded: str) -> Iterator[tuple[str, str]]:
        """``(doc_id, folded text)`` of the documents that may contain ``folded``, in
        document order, read in growing chunks so a first page reads few texts. When the
        index's keys follow document order (documents added in order, the usual case) the
        index is read lazily in key order and the walk stops with the page: a first page
        costs the same on 100,000 documents as on 1,000. Otherwise every candidate key is
        read and sorted (linear in the candidates)."""
        order, in_key_order = self._document_order()
        match = fts_query(folded, has_trigrams(self.conn))
        keys: Iterator[int]
        if match is None:
            keys = iter(order)
        else:
            table, expression = match
            found = self.conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ? "
                                      "ORDER BY rowid", (expression,))
            keys = (r[0] for r in found if r[0] in order) if in_key_order else iter(sorted(
                (r[0] for r in found.fetchall() if r[0] in order), key=order.__getitem__))
        size = _FIRST_CHUNK
        while chunk := list(itertools.islice(keys, size)):
            texts = {r[0]: (r[1], lower(r[2])) for r in self.conn.execute(
                "SELECT s.id, s.doc_id, coalesce(s.folded, d.text) FROM search_text s JOIN "
                f"documents d ON d.id = s.doc_id WHERE s.id IN ({', '.join('?' * len(chunk))})",
                chunk)}
            yield from (texts[k] for k in chunk if k in texts)
            size = min(size * 2, _MAX_CHUNK)

    def _document_order(self) -> tuple[dict[int, int], bool]:
        """(``search_text.id`` → rank in document order, whether the ids ascend in that
        order), cached until the project changes (a write on this connection, or a commit
        by another one)."""
        key = (self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes)
        if self._search_order is None or self._search_order[0] != key:
            self._check_index()  # counts every document: once per change, not per search
            key = (self.conn.execute("PRAGMA data_version").fetchone()[0],
                   self.conn.total_changes)
            ids = [r[0] for r in self.conn.execute(
                "SELECT s.id FROM search_text s JOIN documents d ON d.id = s.doc_id "
                "ORDER BY d.position, d.id")]
            ascending = all(map(int.__lt__, ids, ids[1:]))
            self._search_order = (key, {k: i for i, k in enumerate(ids)}, ascending)
        return self._search_order[1], self._search_order[2]

    def _check_index(self) -> None:
        indexed = self.conn.execute("SELECT count(*) FROM search_text").fetchone()[0]
        stored = self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        if indexed != stored:
            self.reindex_missing()

    # --- spans -----------------------------------------------------------------------
    def find_spans(self, tag: str | None = None, group: str | None = None,
                   annotator: str | None = None, normalized: str | None = None,
                   status: str | None = None, *, limit: int | None = None
                   ) -> list[Annotation]:
        """Annotations across the project, in document order then ``(start, end, id)``.
        ``None`` means no filter. ``group``: the tag's prefix before the first ``.``;
        ``annotator``: their own spans (not the gold their review decisions made,
        :func:`annotator.core.dataset.own_spans`); ``normalized``: the ``normalized``
        attribute, traditional and simplified matching each other; ``status``:
        ``"accepted"`` or ``"gold"``, as in exports (:func:`annotator.core.dataset.accepted_ids`,
        :func:`~annotator.core.dataset.gold_ids`). ``limit``: the first so many only — the
        documents are walked in order and the walk stops there, so a first page costs
        milliseconds however large the project (a filter matching nothing reads all)."""
        where, params = self._span_where(tag, group, annotator, normalized, status)
        page = f" LIMIT {int(limit)}" if limit is not None and normalized is None else ""
        rows = self.conn.execute(
            f"SELECT {_SPAN_COLUMNS} FROM documents d {self.SQL_JOIN_IN_ORDER} annotations a "
            f"ON a.doc_id = d.id WHERE {' AND '.join(where) or '1 = 1'} ORDER BY d.position, "
            f'a.doc_id, a.start, a."end", a.id{page}', params)
        if normalized is None:
            return _annotations(rows)
        wanted, found = needle(normalized), []
        for a in _annotations_lazily(rows):  # compared folded, here: SQL cannot fold 趙 to 赵
            value = a.attributes.get("normalized")
            if isinstance(value, str) and needle(value) == wanted:
                found.append(a)
                if limit is not None and len(found) >= limit:
                    break
        return found

    def count_spans(self, tag: str | None = None, group: str | None = None,
                    annotator: str | None = None, normalized: str | None = None,
                    status: str | None = None) -> int:
        """How many spans :meth:`find_spans` finds with no limit (counted in SQL, none
        loaded, unless ``normalized`` asks for folding)."""
        if normalized is not None:
            return len(self.find_spans(tag, group, annotator, normalized, status))
        where, params = self._span_where(tag, group, annotator, None, status)
        return self.conn.execute(f"SELECT count(*) FROM annotations a WHERE "
                                 f"{' AND '.join(where) or '1 = 1'}", params).fetchone()[0]

    def _span_where(self, tag: str | None, group: str | None, annotator: str | None,
                    normalized: str | None, status: str | None) -> tuple[list[str], dict]:
        where, params = _span_filters(tag, group, annotator, status)
        if status == "accepted":
            where[-1] = where[-1].format(targets=self.SQL_TARGETS_FROM)
        if normalized is not None:
            where.append(f"{self.SQL_NORMALIZED} IS NOT NULL")
        return where, params


def _annotations_lazily(rows) -> Iterator[Annotation]:
    """Rows to annotations one chunk at a time (a walk that may stop early)."""
    while chunk := rows.fetchmany(500):
        yield from _annotations(chunk)


def _span_filters(tag: str | None, group: str | None, annotator: str | None,
                  status: str | None) -> tuple[list[str], dict]:
    if status is not None and status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    where, params = [], {"tag": tag, "group": group, "annotator": annotator}
    if tag is not None:
        where.append("a.tag = :tag")
    if group is not None:
        where.append("(a.tag = :group OR substr(a.tag, 1, length(:group) + 1) = :group || '.')")
    if annotator is not None:
        where.append("a.annotator = :annotator")
        where.append(_OWN)
    if status is not None:
        where.append(f"a.id IN ({_GOLD if status == 'gold' else _ACCEPTED})")
    return where, params
