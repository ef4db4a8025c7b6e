"""The project schema and its migrations (SQL lives only here and in :mod:`annotator.store`).

A migration is a function of a connection; ``MIGRATIONS[n]`` takes the schema from version
``n`` to ``n + 1``. :meth:`annotator.store.Store._migrate` runs the pending ones in one
transaction and sets ``PRAGMA user_version``. Never edit a released migration: add one.
"""

from __future__ import annotations

import sqlite3

#: ``PRAGMA application_id``: "ANNT".
APPLICATION_ID = 0x414E4E54

_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE annotators (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'annotator' CHECK (role IN ('annotator', 'reviewer', 'admin')),
    created TEXT NOT NULL
);
CREATE TABLE tagsets (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    data TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 0,
    loaded TEXT NOT NULL
);
CREATE TABLE tags (
    tagset_id TEXT NOT NULL REFERENCES tagsets(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    group_id TEXT NOT NULL,
    label TEXT NOT NULL,
    colour TEXT NOT NULL,
    hotkey TEXT,
    position INTEGER NOT NULL,
    PRIMARY KEY (tagset_id, id)
);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    source TEXT,
    origin TEXT,
    date TEXT,
    script TEXT NOT NULL,
    languages TEXT NOT NULL,
    text TEXT NOT NULL,
    text_sha256 TEXT NOT NULL UNIQUE,
    length INTEGER NOT NULL,
    original TEXT,
    raw TEXT,
    encoding TEXT,
    cleaning TEXT NOT NULL DEFAULT '[]',
    metadata TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done')),
    review_status TEXT NOT NULL DEFAULT 'not_reviewed'
        CHECK (review_status IN ('not_reviewed', 'in_review', 'reviewed')),
    created TEXT NOT NULL,
    modified TEXT
);
CREATE INDEX documents_position ON documents(position);
-- Clustered by document and position (WITHOUT ROWID): a document's spans are one range
-- scan in reading order, 30,000 of them in well under 50 ms.
CREATE TABLE annotations (
    id TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL CHECK (start >= 0),
    end INTEGER NOT NULL CHECK (end > start),
    tag TEXT NOT NULL,
    annotator TEXT NOT NULL REFERENCES annotators(id),
    attributes TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    PRIMARY KEY (doc_id, start, end, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX annotations_id ON annotations(id);
CREATE INDEX annotations_annotator ON annotations(annotator);
CREATE TABLE review_decisions (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    reviewer TEXT NOT NULL REFERENCES annotators(id),
    decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected', 'edited', 'gold')),
    targets TEXT NOT NULL DEFAULT '[]',
    result_id TEXT,
    note TEXT,
    created TEXT NOT NULL
);
CREATE INDEX review_doc ON review_decisions(doc_id);
CREATE TABLE journal (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    annotator TEXT,
    doc_id TEXT,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    created TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
);
CREATE INDEX journal_annotator ON journal(annotator, seq);
"""


def _v1(conn: sqlite3.Connection) -> None:
    for statement in _V1.split(";"):
        if statement.strip():
            conn.execute(statement)


#: Full-text search (:mod:`annotator.store.search`). ``search_text`` gives each document a
#: stable integer key (the FTS rowid; a documents rowid may change on VACUUM) and keeps its
#: text folded to simplified characters (same code-point offsets) when that differs from the
#: canonical text; the FTS tables index it lower-cased. Both FTS5 tables are contentless with ``detail=none``:
#: they only say which documents may contain a query, positions come from scanning.
_V2 = """
CREATE TABLE search_text (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
    folded TEXT
);
-- the distinct unigrams and bigrams of each folded text, space-separated, one token each
CREATE VIRTUAL TABLE search_grams USING fts5(grams, content='', detail=none, tokenize='ascii')
"""

#: The trigram tokenizer arrived in SQLite 3.34; without it long queries use bigrams.
#: Schema 9 drops the table again (:mod:`annotator.store.compact`).
_TRIGRAMS = ("CREATE VIRTUAL TABLE search_trigrams USING fts5(folded, content='', "
             "detail=none, tokenize='trigram')")


def _v2(conn: sqlite3.Connection) -> None:
    from annotator.store.search import backfill  # imported here: search imports the store

    for statement in _V2.split(";"):
        if statement.strip():
            conn.execute(statement)
    if sqlite3.sqlite_version_info >= (3, 34, 0):
        conn.execute(_TRIGRAMS)
    backfill(conn)


#: Suggestions an annotator rejected (:mod:`annotator.core.suggest`): never shown to them again.
_V3 = """
CREATE TABLE rejected_suggestions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    tag TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (doc_id, annotator, start, end, tag)
) WITHOUT ROWID
"""


def _v3(conn: sqlite3.Connection) -> None:
    conn.execute(_V3)


#: Views for reading a project with SQL (``sqlite-utils query``, the ``sqlite3`` shell,
#: Datasette): documented column by column in ``docs/sql.md``. Offsets stay code points:
#: SQLite's ``substr`` counts characters, so ``substr(text, start + 1, end - start)`` is the
#: span's text. Labels and groups come from the active tagset.
_ACTIVE_TAG = "t.id = a.tag AND t.tagset_id = (SELECT id FROM tagsets WHERE active = 1)"
_GOLD = ("SELECT result_id FROM review_decisions WHERE result_id IS NOT NULL AND "
         "decision != 'rejected'")
_ACCEPTED = (f"{_GOLD} UNION SELECT j.value FROM review_decisions r, json_each(CASE WHEN "
             "json_valid(r.targets) THEN r.targets ELSE '[]' END) j WHERE r.decision IN "
             "('accepted', 'gold')")
VIEWS = {
    "docs": (
        "SELECT d.position + 1 AS number, d.id, d.title, d.date, d.source, d.origin, "
        "d.script, d.languages, d.status, d.review_status, d.length, "
        "coalesce(n.spans, 0) AS spans, d.created, d.modified FROM documents d LEFT JOIN "
        "(SELECT doc_id, count(*) AS spans FROM annotations GROUP BY doc_id) n "
        "ON n.doc_id = d.id"),
    "spans": (
        "SELECT a.id, a.doc_id, d.position + 1 AS doc_number, d.title AS doc_title, a.start, "
        "a.end, substr(d.text, a.start + 1, a.end - a.start) AS text, a.tag, "
        "t.group_id AS tag_group, json_extract(t.label, '$.en') AS label_en, "
        "json_extract(t.label, '$.\"zh-Hans\"') AS label_zh_hans, "
        "json_extract(t.label, '$.\"zh-Hant\"') AS label_zh_hant, a.annotator, "
        "p.name AS annotator_name, json_extract(a.attributes, '$.normalized') AS normalized, "
        "json_extract(a.attributes, '$.certainty') AS certainty, "
        "json_extract(a.attributes, '$.note') AS note, "
        f"a.id IN ({_ACCEPTED}) AS accepted, a.id IN ({_GOLD}) AS gold, a.attributes, "
        "a.created, coalesce(a.modified, a.created) AS modified FROM annotations a JOIN documents d ON d.id = a.doc_id "
        f"LEFT JOIN tags t ON {_ACTIVE_TAG} LEFT JOIN annotators p ON p.id = a.annotator"),
    "decisions": (
        "SELECT r.id, r.doc_id, d.position + 1 AS doc_number, d.title AS doc_title, "
        "r.reviewer, p.name AS reviewer_name, r.decision, CASE WHEN json_valid(r.targets) "
        "THEN json_array_length(r.targets) END AS target_count, r.targets, r.result_id, "
        "a.tag AS result_tag, substr(d.text, a.start + 1, a.end - a.start) AS result_text, "
        "r.note, r.created FROM review_decisions r JOIN documents d ON d.id = r.doc_id "
        "LEFT JOIN annotators p ON p.id = r.reviewer "
        "LEFT JOIN annotations a ON a.id = r.result_id"),
}


def _v4(conn: sqlite3.Connection) -> None:
    create_views(conn)


def create_views(conn: sqlite3.Connection) -> None:
    """(Re)create :data:`VIEWS` (a later migration that changes their tables calls this)."""
    from annotator.store.base import sqlite_utils  # loaded there without numpy and pandas

    db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)


def _v5(conn: sqlite3.Connection) -> str | None:
    from annotator.store.trim import trim_spans

    return trim_spans(conn)


#: A file checked out of a team project (``annotator checkout``, :mod:`annotator.sync`):
#: every span as it was at the checkout (or the last push), so that a push can tell my
#: edits from my colleagues' (``meta`` key ``checkout`` says where it came from).
_V6 = """
CREATE TABLE checkout_base (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    modified TEXT NOT NULL
) WITHOUT ROWID
"""


def _v6(conn: sqlite3.Connection) -> None:
    conn.execute(_V6)


#: The team's workflow (:mod:`annotator.core.workflow`, :mod:`annotator.store.workflow`):
#: each annotator's status per document (``documents.status`` becomes their summary),
#: assignments, the guidelines' versions, and discussion threads with their comments; a
#: checkout's base records those too (``kind``). Statuses set before are given to whoever
#: set them, as the journal says.
_V7 = """
CREATE TABLE doc_status (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('todo', 'in_progress', 'done')),
    modified TEXT NOT NULL,
    PRIMARY KEY (doc_id, annotator)
) WITHOUT ROWID;
CREATE TABLE assignments (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    assigned_by TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (doc_id, annotator)
) WITHOUT ROWID;
CREATE INDEX assignments_annotator ON assignments(annotator);
CREATE TABLE guidelines (
    version INTEGER PRIMARY KEY CHECK (version >= 1),
    text TEXT NOT NULL,
    author TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE threads (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    span_id TEXT,
    start INTEGER,
    end INTEGER,
    author TEXT NOT NULL,
    created TEXT NOT NULL,
    resolved_by TEXT,
    resolved TEXT
);
CREATE INDEX threads_doc ON threads(doc_id);
CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES threads(id),
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX comments_thread ON comments(thread_id);
CREATE INDEX comments_doc ON comments(doc_id);
ALTER TABLE checkout_base ADD COLUMN kind TEXT NOT NULL DEFAULT 'span'
"""


def _v7(conn: sqlite3.Connection) -> None:
    """The workflow tables (schema 7)."""
    from annotator.store.workflow import statuses_from_journal

    for statement in _V7.split(";"):
        if statement.strip():
            conn.execute(statement)
    found = statuses_from_journal(r[0] for r in conn.execute(
        "SELECT payload FROM journal WHERE kind = 'status' AND undone = 0 ORDER BY seq"))
    rows = conn.execute("SELECT id, status, coalesce(modified, created) FROM documents "
                        "WHERE status != 'todo'").fetchall()
    given = [(doc, found[doc], status, when) for doc, status, when in rows if doc in found]
    conn.executemany("INSERT INTO doc_status(doc_id, annotator, status, modified) VALUES "
                     "(?, ?, ?, ?)", given)


#: Relations between spans (:mod:`annotator.core.relations`): both ends are spans of the
#: relation's document (and layer); a span is never deleted while a relation points at it
#: (commands remove both in one step; the foreign keys hold the file to it). Clustered by
#: document like the annotations: a document's relations are one range scan.
_V8 = """
CREATE TABLE relations (
    id TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source TEXT NOT NULL REFERENCES annotations(id),
    target TEXT NOT NULL REFERENCES annotations(id),
    type TEXT NOT NULL,
    annotator TEXT NOT NULL REFERENCES annotators(id),
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    CHECK (source != target),
    PRIMARY KEY (doc_id, source, target, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX relations_id ON relations(id);
CREATE INDEX relations_source ON relations(source);
CREATE INDEX relations_target ON relations(target);
CREATE INDEX relations_annotator ON relations(annotator)
"""
#: one row per relation with both ends' text and tag (docs/sql.md)
LINKS_VIEW = (
    "SELECT r.id, r.doc_id, d.position + 1 AS doc_number, d.title AS doc_title, r.type, "
    "r.source AS from_id, substr(d.text, s.start + 1, s.\"end\" - s.start) AS from_text, "
    "s.tag AS from_tag, r.target AS to_id, "
    "substr(d.text, t.start + 1, t.\"end\" - t.start) AS to_text, t.tag AS to_tag, "
    "r.annotator, p.name AS annotator_name, r.created, r.modified FROM relations r "
    "JOIN documents d ON d.id = r.doc_id LEFT JOIN annotations s ON s.id = r.source "
    "LEFT JOIN annotations t ON t.id = r.target LEFT JOIN annotators p ON p.id = r.annotator")


def _v8(conn: sqlite3.Connection) -> None:
    for statement in _V8.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(f"CREATE VIEW links AS {LINKS_VIEW}")


def _v9(conn: sqlite3.Connection) -> None:
    """A smaller file: spans stored compactly, two indexes fewer (:mod:`.compact`)."""
    from annotator.store.compact import compact_file

    compact_file(conn)


def _v10(conn: sqlite3.Connection) -> None:
    """The document list read from an index of its columns: a document's row holds its
    text, so listing the documents in order read every text (100,000 documents: 1.4 s
    instead of 0.45 s). The index by position alone is its prefix, so it goes."""
    conn.execute("CREATE INDEX documents_list ON documents(position, id, title, date, "
                 "source, script, languages, status, review_status, length)")
    conn.execute("DROP INDEX documents_position")


def _v11(conn: sqlite3.Connection) -> None:
    """Each imported file's key (:func:`annotator.ingest.importer.file_key`) beside its
    document, so that importing a folder again skips the files already imported before
    reading and cleaning them. Documents imported before have none (their bytes are not
    kept): an import finds them by their text, as before."""
    conn.execute("ALTER TABLE documents ADD COLUMN file_key TEXT")
    conn.execute(FILE_KEY_INDEX)


#: partial: a project of documents without keys pays nothing for it
FILE_KEY_INDEX = ("CREATE INDEX documents_file ON documents(file_key, id) "
                  "WHERE file_key IS NOT NULL")


#: each takes a connection inside :meth:`StoreBase._migrate`'s transaction (foreign keys
#: off, as SQLite's way of rebuilding a table wants) and may return a note for the user
#: (what it changed in their data)
MIGRATIONS = (_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10, _v11)
SCHEMA_VERSION = len(MIGRATIONS)
#: versions whose migration frees much of the file: an upgrade through one ends with VACUUM
COMPACTING = frozenset({9})
#: tables SQLite may lack (no trigram tokenizer before 3.34): never reported missing
OPTIONAL_TABLES = ("search_trigrams",)


def expected(version: int) -> sqlite3.Connection:
    """An empty in-memory database at schema ``version``: what a project of that version
    must contain (for ``annotator check``)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("BEGIN")
    for migration in MIGRATIONS[:version]:
        migration(conn)
    conn.execute("COMMIT")
    return conn
