"""Schema 9: a smaller project file (issue 20: at most 4 times its texts' UTF-8 size).

What took the space was the spans, not the texts or the search index
(``benchmarks/README.md``, "The project file"). The upgrade:

* rebuilds the span table with ``modified`` NULL while it equals ``created`` (a span
  never changed since it was made, most of them: 29 bytes each). Readers say
  ``coalesce(modified, created)``; writers store NULL through
  :meth:`annotator.store.base.StoreBase._stored_modified`;
* drops the index of spans by annotator (an annotator's first page walks the documents
  in order through the primary key and stops with the page; a count reads the table);
* drops the trigram search table: queries of three characters or more AND together
  their bigrams in ``search_grams`` (which every project has) and the scan of each
  candidate's text keeps the hits exact.

Every row is copied in primary-key order and counted: a count that differs aborts the
upgrade (its transaction is rolled back, the file stays at schema 8). The file is then
VACUUMed (:data:`annotator.store.schema.COMPACTING`), which gives the freed pages back.
"""

from __future__ import annotations

import sqlite3

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


def compact_spans(conn: sqlite3.Connection) -> None:
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
