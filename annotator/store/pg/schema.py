"""The team project's schema on PostgreSQL, its migrations, and who may do what.

The tables and columns are the file project's (:mod:`annotator.store.schema`), so the
shared queries run on both; the differences are PostgreSQL's own:

* ``annotators.rowid`` and ``journal.seq`` are identity columns (SQLite's rowid);
* search: ``search_text`` holds each document's distinct characters and character pairs as
  numbers in an ``int8[]`` with a GIN index (:mod:`annotator.store.pg.search` says why not ``pg_trgm``);
* relations (:mod:`annotator.store.pg.relations_schema`) carry the spans' rights;
* live updates: statement-level triggers send one ``NOTIFY annotator`` per document and
  table a transaction changed (see :mod:`annotator.store.pg.listen`);
* rights: three group roles per project database — ``<db>_reader``, ``<db>_annotator``,
  ``<db>_reviewer``, each holding the one before — and row-level security, so that an
  annotator can change only their own layer, a reviewer also the gold layer and review
  decisions, a reader nothing, whatever SQL they send (:func:`group_role`).

``MIGRATIONS[n]`` takes the schema from version ``n`` to ``n + 1``; the version is kept in
``meta`` (``schema_version``). Never edit a released migration: add one.
"""

from __future__ import annotations

from psycopg import sql

APPLICATION = "annotator team project"
ROLES = ("reader", "annotator", "reviewer")

_TABLES = """
CREATE TABLE annotators (
    rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    name text NOT NULL,
    role text NOT NULL DEFAULT 'annotator' CHECK (role IN ('annotator', 'reviewer', 'admin')),
    created text NOT NULL
);
CREATE TABLE tagsets (
    id text PRIMARY KEY,
    version integer NOT NULL,
    name text NOT NULL,
    data text NOT NULL,
    active integer NOT NULL DEFAULT 0,
    loaded text NOT NULL
);
CREATE TABLE tags (
    tagset_id text NOT NULL REFERENCES tagsets(id) ON DELETE CASCADE,
    id text NOT NULL,
    group_id text NOT NULL,
    label text NOT NULL,
    colour text NOT NULL,
    hotkey text,
    position integer NOT NULL,
    PRIMARY KEY (tagset_id, id)
);
CREATE TABLE documents (
    id text PRIMARY KEY,
    position integer NOT NULL,
    title text NOT NULL,
    source text,
    origin text,
    date text,
    script text NOT NULL,
    languages text NOT NULL,
    text text NOT NULL,
    text_sha256 text NOT NULL UNIQUE,
    length integer NOT NULL,
    original text,
    raw text,
    encoding text,
    cleaning text NOT NULL DEFAULT '[]',
    metadata text NOT NULL DEFAULT '{}',
    status text NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done')),
    review_status text NOT NULL DEFAULT 'not_reviewed'
        CHECK (review_status IN ('not_reviewed', 'in_review', 'reviewed')),
    created text NOT NULL,
    modified text
);
CREATE INDEX documents_position ON documents(position);
CREATE TABLE annotations (
    id text NOT NULL UNIQUE,
    doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start integer NOT NULL CHECK (start >= 0),
    "end" integer NOT NULL CHECK ("end" > start),
    tag text NOT NULL,
    annotator text NOT NULL REFERENCES annotators(id),
    attributes text NOT NULL DEFAULT '{}',
    created text NOT NULL,
    modified text NOT NULL,
    PRIMARY KEY (doc_id, start, "end", id)
);
CREATE INDEX annotations_annotator ON annotations(annotator);
CREATE TABLE review_decisions (
    id text PRIMARY KEY,
    doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    reviewer text NOT NULL REFERENCES annotators(id),
    decision text NOT NULL CHECK (decision IN ('accepted', 'rejected', 'edited', 'gold')),
    targets text NOT NULL DEFAULT '[]',
    result_id text,
    note text,
    created text NOT NULL
);
CREATE INDEX review_doc ON review_decisions(doc_id);
CREATE INDEX review_result ON review_decisions(result_id);
CREATE TABLE journal (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    annotator text,
    doc_id text,
    kind text NOT NULL,
    payload text NOT NULL,
    created text NOT NULL,
    undone integer NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
);
CREATE INDEX journal_annotator ON journal(annotator, seq);
CREATE TABLE rejected_suggestions (
    doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator text NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    tag text NOT NULL,
    created text NOT NULL,
    PRIMARY KEY (doc_id, annotator, start, "end", tag)
);
CREATE TABLE search_text (
    doc_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    folded text,  -- the text in simplified characters, when that differs from it
    grams text[] NOT NULL
);
CREATE INDEX search_grams ON search_text USING gin (grams)
"""

#: A JSON document's text field, or NULL when the document is not JSON (a journal entry
#: damaged by hand must not stop the window from naming the others).
_JSON_TEXT = """
CREATE FUNCTION annotator_json_text(doc text, key text) RETURNS text LANGUAGE plpgsql
IMMUTABLE AS $$
BEGIN
    RETURN doc::jsonb ->> key;
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$
"""

#: One notification per (table, document) a transaction changed; PostgreSQL folds
#: identical payloads of one transaction into one.
_NOTIFY = ("""
CREATE FUNCTION annotator_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    doc text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        FOR doc IN EXECUTE format('SELECT DISTINCT %I FROM old_rows', TG_ARGV[0]) LOOP
            PERFORM pg_notify('annotator', json_build_object('table', TG_TABLE_NAME,
                'op', TG_OP, 'by', current_user, 'doc', doc)::text);
        END LOOP;
    ELSE
        FOR doc IN EXECUTE format('SELECT DISTINCT %I FROM new_rows', TG_ARGV[0]) LOOP
            PERFORM pg_notify('annotator', json_build_object('table', TG_TABLE_NAME,
                'op', TG_OP, 'by', current_user, 'doc', doc)::text);
        END LOOP;
    END IF;
    RETURN NULL;
END $$
""", """
CREATE FUNCTION annotator_notify_project() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('annotator', json_build_object('table', TG_TABLE_NAME,
        'op', TG_OP, 'by', current_user, 'doc', NULL)::text);
    RETURN NULL;
END $$
""")
_NOTIFIED = {"annotations": "doc_id", "documents": "id", "review_decisions": "doc_id"}
_NOTIFIED_PROJECT = ("tagsets", "annotators")


def _triggers(tables: dict[str, str] = _NOTIFIED,
              project: tuple[str, ...] = _NOTIFIED_PROJECT,
              events: tuple[str, ...] = ("INSERT", "UPDATE", "DELETE")) -> list[str]:
    """Statement triggers notifying colleagues: per document (``tables``: table -> its
    document column) on ``events``, and for the whole project (``project``)."""
    out = []
    refs = {"INSERT": "NEW TABLE AS new_rows", "UPDATE": "NEW TABLE AS new_rows",
            "DELETE": "OLD TABLE AS old_rows"}
    for table, column in tables.items():
        for event in events:
            out.append(f"CREATE TRIGGER {table}_{event.lower()}_notify AFTER {event} ON "
                       f"{table} REFERENCING {refs[event]} FOR EACH STATEMENT EXECUTE "
                       f"FUNCTION annotator_notify('{column}')")
    for table in project:
        out.append(f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON "
                   f"{table} FOR EACH STATEMENT EXECUTE FUNCTION annotator_notify_project()")
    return out


def group_role(database: str, role: str) -> str:
    """The group role that gives ``role`` rights on one project database."""
    return f"{database}_{role}"


#: what each group may do, on top of the one before it (reader < annotator < reviewer)
_GRANTS = {
    "reader": ["GRANT SELECT ON ALL TABLES IN SCHEMA public TO {g}"],
    "annotator": [
        "GRANT INSERT, UPDATE, DELETE ON annotations, journal, rejected_suggestions TO {g}",
        "GRANT INSERT, UPDATE (name) ON annotators TO {g}",
        "GRANT UPDATE (status, modified) ON documents TO {g}",
    ],
    "reviewer": [
        "GRANT INSERT, UPDATE, DELETE ON review_decisions TO {g}",
        "GRANT UPDATE (review_status) ON documents TO {g}",
    ],
}

#: Row-level security: every member reads everything; writes are limited to one's own
#: rows, and for reviewers to the gold layer (the spans that are review results).
_POLICIES = [
    "ALTER TABLE annotations ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY read_all ON annotations FOR SELECT USING (true)",
    "CREATE POLICY own_layer ON annotations FOR ALL TO {annotator} "
    "USING (annotator = current_user) WITH CHECK (annotator = current_user)",
    "CREATE POLICY gold_layer ON annotations FOR ALL TO {reviewer} USING (id IN (SELECT "
    "result_id FROM review_decisions WHERE result_id IS NOT NULL)) WITH CHECK (true)",
    "ALTER TABLE journal ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY own_journal ON journal FOR ALL USING (annotator = current_user) "
    "WITH CHECK (annotator = current_user)",
    "ALTER TABLE rejected_suggestions ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY read_all ON rejected_suggestions FOR SELECT USING (true)",
    "CREATE POLICY own_rejections ON rejected_suggestions FOR ALL TO {annotator} "
    "USING (annotator = current_user) WITH CHECK (annotator = current_user)",
    "ALTER TABLE annotators ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY read_all ON annotators FOR SELECT USING (true)",
    "CREATE POLICY register_self ON annotators FOR INSERT TO {annotator} "
    "WITH CHECK (id = current_user)",
    "CREATE POLICY rename_self ON annotators FOR UPDATE TO {annotator} "
    "USING (id = current_user) WITH CHECK (id = current_user)",
    "ALTER TABLE review_decisions ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY read_all ON review_decisions FOR SELECT USING (true)",
    "CREATE POLICY reviewers ON review_decisions FOR ALL TO {reviewer} "
    "USING (true) WITH CHECK (reviewer = current_user)",
]


def _v1(conn) -> None:
    for statement in _TABLES.split(";"):
        conn.execute(statement)
    conn.execute("CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL)")
    for function in (*_NOTIFY, _JSON_TEXT):
        conn.execute(function)
    for statement in _triggers():
        conn.execute(statement)
    _rights(conn)


def _rights(conn) -> None:
    """The project's group roles (made if missing), their grants and the policies."""
    database = conn.execute("SELECT current_database()").fetchone()[0]
    names = {role: sql.Identifier(group_role(database, role)) for role in ROLES}
    previous = None
    for role in ROLES:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                              (group_role(database, role),)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(names[role]))
        if previous is not None:
            conn.execute(sql.SQL("GRANT {} TO {}").format(names[previous], names[role]))
        for grant in _GRANTS[role]:
            conn.execute(sql.SQL(grant).format(g=names[role]))
        previous = role
    conn.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(
        sql.Identifier(database)))
    conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
        sql.Identifier(database), names["reader"]))
    for policy in _POLICIES:
        conn.execute(sql.SQL(policy).format(annotator=names["annotator"],
                                            reviewer=names["reviewer"]))


def _v2(conn) -> None:
    """The team's workflow (v4 in the release plan: the lead numbers it at merge time):
    see :mod:`annotator.store.pg.workflow_schema`."""
    from annotator.store.pg.workflow_schema import migrate

    migrate(conn)



#: Machine layers (``model:crf``: the recommenders' pre-annotation, annotator.recommend):
#: a reviewer (and the owner) may write them — register the layer, add, change and delete
#: its spans — since what a machine proposes is the reviewer's to bring in; an annotator
#: may read them, as any layer, and change none of them.
_MACHINE_POLICIES = [
    "CREATE POLICY machine_layers ON annotations FOR ALL TO {reviewer} "
    "USING (annotator LIKE 'model:%') WITH CHECK (annotator LIKE 'model:%')",
    "CREATE POLICY register_machine ON annotators FOR INSERT TO {reviewer} "
    "WITH CHECK (id LIKE 'model:%')",
    "CREATE POLICY rename_machine ON annotators FOR UPDATE TO {reviewer} "
    "USING (id LIKE 'model:%') WITH CHECK (id LIKE 'model:%')",
]


def _v3_machine_layers(conn) -> None:
    """(Issue 19's migration; numbered 3 after the workflow's v2.)"""
    database = conn.execute("SELECT current_database()").fetchone()[0]
    reviewer = sql.Identifier(group_role(database, "reviewer"))
    for policy in _MACHINE_POLICIES:
        conn.execute(sql.SQL(policy).format(reviewer=reviewer))


def _v4_relations(conn) -> None:
    """Relations between spans (issue 17): see :mod:`annotator.store.pg.relations_schema`."""
    from annotator.store.pg.relations_schema import migrate

    migrate(conn)


#: a ``text[]`` of grams as :func:`annotator.store.pg.search.gram_code` numbers them
_GRAM_CODES = """
CREATE FUNCTION pg_temp.gram_codes(grams text[]) RETURNS int8[] LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(CASE WHEN length(g) = 1 THEN ascii(g)::int8
        ELSE (ascii(g)::int8 + 1) << 21 | ascii(substr(g, 2)) END), '{}')
    FROM unnest(grams) AS g
$$
"""


def _v5_gram_codes(conn) -> None:
    """The search grams as numbers, not text (issue 16: a bulk import's indexing took
    twice as long comparing collated strings), converted in place."""
    conn.execute("DROP INDEX search_grams")
    conn.execute(_GRAM_CODES)
    conn.execute("ALTER TABLE search_text ALTER COLUMN grams TYPE int8[] "
                 "USING pg_temp.gram_codes(grams)")
    conn.execute("DROP FUNCTION pg_temp.gram_codes(text[])")
    conn.execute("CREATE INDEX search_grams ON search_text USING gin (grams)")


def _v6_file_keys(conn) -> None:
    """Each imported file's key beside its document (as the file project's schema 11)."""
    from annotator.store.schema import FILE_KEY_INDEX

    conn.execute("ALTER TABLE documents ADD COLUMN file_key text")
    conn.execute(FILE_KEY_INDEX)


MIGRATIONS = (_v1, _v2, _v3_machine_layers, _v4_relations, _v5_gram_codes, _v6_file_keys)
SCHEMA_VERSION = len(MIGRATIONS)
