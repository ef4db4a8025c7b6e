"""Schema 9: a smaller project file (issue 20: at most 4 times its texts' UTF-8 size).

What took the space was the spans, not the texts or the search index
(``benchmarks/README.md``, "The project file"). The upgrade:

* rebuilds the span table with ``modified`` NULL while it equals ``created`` (a span
  never changed since it was made, most of them: 29 bytes each). Readers say
  ``coalesce(modified, created)``; writers store NULL through
  :meth:`annotator.store.base.StoreBase._stored_modified`;
* drops the index of spans by annotator (an annotator's first page walks the documents
  in order through the primary key and stops with the page; a count reads the table);
* stores a document's ``original`` (the text as the cleaner saw it) as ``''``
  (:data:`REBUILT`) when the canonical text and the cleaning log rebuild it exactly
  (:func:`annotator.ingest.tracked.restore`): an import kept both, a second copy of the
  text. Reading a document rebuilds it (:func:`rebuilt_original`);
* drops the trigram search table: queries of three characters or more AND together
  their bigrams in ``search_grams`` (which every project has) and the scan of each
  candidate's text keeps the hits exact.

Every row is copied in primary-key order and counted: a count that differs aborts the
upgrade (its transaction is rolled back, the file stays at schema 8). The file is then
VACUUMed (:data:`annotator.store.schema.COMPACTING`), which gives the freed pages back.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from annotator.ingest.tracked import LogEntry, restore

#: ``documents.original`` as a file stores it when the text and its cleaning log rebuild
#: it (an original of '' can only have made an empty text, which rebuilds to '' as well)
REBUILT = ""

SPANS_V9 = """
CREATE TABLE annotations_v9 (
    id TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL CHECK (start >= 0),
    end INTEGER NOT NULL CHECK (end > start),
    tag TEXT NOT NULL,
    annotator TEXT NOT NULL REFERENCES annotators(id),
    attributes TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL,
    modified TEXT,  -- NULL while it equals created
    PRIMARY KEY (doc_id, start, end, id)
) WITHOUT ROWID
"""
_COLUMNS = 'id, doc_id, start, "end", tag, annotator, attributes, created'
#: the views that read the span table (re-created after it, from the current definitions)
_VIEWS = ("docs", "spans", "decisions", "links")


def compact_file(conn: sqlite3.Connection) -> None:
    """The migration (inside :meth:`StoreBase._migrate`'s transaction, foreign keys off:
    the relations point at the span table that is replaced)."""
    from annotator.store.schema import LINKS_VIEW, create_views

    for view in _VIEWS:
        conn.execute(f"DROP VIEW IF EXISTS {view}")
    conn.execute(SPANS_V9)
    conn.execute(f"INSERT INTO annotations_v9({_COLUMNS}, modified) SELECT {_COLUMNS}, "
                 'nullif(modified, created) FROM annotations ORDER BY doc_id, start, "end", id')
    before, after = (conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("annotations", "annotations_v9"))
    if before != after:
        raise sqlite3.DatabaseError(f"upgrade to schema 9: {after} of {before} spans copied")
    conn.execute("DROP TABLE annotations")  # and its indexes
    conn.execute("PRAGMA legacy_alter_table=ON")  # a view of the user's own is not checked
    try:
        conn.execute("ALTER TABLE annotations_v9 RENAME TO annotations")
    finally:
        conn.execute("PRAGMA legacy_alter_table=OFF")
    conn.execute("CREATE UNIQUE INDEX annotations_id ON annotations(id)")
    conn.execute("DROP TABLE IF EXISTS search_trigrams")
    create_views(conn)
    conn.execute(f"CREATE VIEW links AS {LINKS_VIEW}")
    _compact_originals(conn)


def rebuilt_original(text: str, cleaning: Iterable[dict]) -> str | None:
    """The text before cleaning, from the canonical ``text`` and its cleaning log (as
    stored: :meth:`LogEntry.to_dict` items); None when the log is unreadable."""
    try:
        return restore(text, [LogEntry.from_dict(e) for e in cleaning])
    except (KeyError, TypeError, AttributeError):
        return None


def stored_original(text: str, cleaning: Iterable[dict], original: str | None) -> str | None:
    """``original`` as a file stores it: :data:`REBUILT` when the log rebuilds it exactly."""
    if original is not None and original == rebuilt_original(text, cleaning):
        return REBUILT
    return original


def _compact_originals(conn: sqlite3.Connection) -> None:
    """Each stored original that its text and log rebuild becomes :data:`REBUILT`."""
    rows = conn.execute("SELECT id, text, cleaning, original FROM documents WHERE original "
                        "IS NOT NULL AND original != ''")
    rebuilt = [(REBUILT, doc_id) for doc_id, text, cleaning, original in rows
               if stored_original(text, _log(cleaning), original) == REBUILT]
    conn.executemany("UPDATE documents SET original = ? WHERE id = ?", rebuilt)


def _log(stored: str) -> list:
    try:
        log = json.loads(stored)
    except ValueError:
        return [None]  # unreadable: nothing is rebuilt
    return log if isinstance(log, list) else [None]
