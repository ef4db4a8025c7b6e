"""The team's workflow on PostgreSQL (a migration of :mod:`annotator.store.pg.schema`).

The tables the project file has too (:data:`annotator.store.schema._V9`): each annotator's
status per document, assignments, the guidelines' versions, discussion threads and their
comments. Two more only a server has, for a team working at once:

* ``presence``: a heartbeat row per member and open document, refreshed by the window
  every 30 s; a row not refreshed for :data:`STALE` (a window closed or crashed) is
  ignored, and anyone may delete it;
* ``gold_locks``: the reviewer editing a document's gold layer holds its row, refreshed
  the same way; a second reviewer's review decision on that document is refused (by the
  store, naming the holder, and by row-level security on ``review_decisions``) until it
  is released or goes stale — a crashed window never holds it for long.

Members read only their own journal; everyone's edit times (for progress: active hours)
come from ``annotator_edit_times()``, which returns those and nothing else.

Rights (grants, then row-level security): every member reads everything; an annotator
changes their own statuses, opens threads and writes, edits and deletes their own comments,
and announces where they are; a reviewer also assigns documents, resolves threads, saves
new guidelines versions, sets the blind-annotation setting and takes review locks.
"""

from __future__ import annotations

from psycopg import sql

#: a heartbeat older than this is a window that went away
STALE = "interval '2 minutes'"

_TABLES = """
CREATE TABLE doc_status (
    doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator text NOT NULL,
    status text NOT NULL CHECK (status IN ('todo', 'in_progress', 'done')),
    modified text NOT NULL,
    PRIMARY KEY (doc_id, annotator)
);
CREATE TABLE assignments (
    doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator text NOT NULL,
    assigned_by text NOT NULL,
    created text NOT NULL,
    PRIMARY KEY (doc_id, annotator)
);
CREATE INDEX assignments_annotator ON assignments(annotator);
CREATE TABLE guidelines (
    version integer PRIMARY KEY CHECK (version >= 1),
    text text NOT NULL,
    author text NOT NULL,
    created text NOT NULL
);
CREATE TABLE threads (
    id text PRIMARY KEY,
    doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    span_id text,
    start integer,
    "end" integer,
    author text NOT NULL,
    created text NOT NULL,
    resolved_by text,
    resolved text
);
CREATE INDEX threads_doc ON threads(doc_id);
CREATE TABLE comments (
    id text PRIMARY KEY,
    thread_id text NOT NULL REFERENCES threads(id),
    doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    author text NOT NULL,
    text text NOT NULL,
    created text NOT NULL,
    modified text NOT NULL
);
CREATE INDEX comments_thread ON comments(thread_id);
CREATE INDEX comments_doc ON comments(doc_id);
CREATE TABLE presence (
    member text NOT NULL,
    doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    since timestamptz NOT NULL DEFAULT now(),
    seen timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (member, doc_id)
);
CREATE TABLE gold_locks (
    doc_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    holder text NOT NULL,
    taken timestamptz NOT NULL DEFAULT now(),
    seen timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION annotator_edit_times() RETURNS TABLE (who text, at text) LANGUAGE sql
STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT j.annotator, j.created FROM journal j
$$;
CREATE FUNCTION annotator_review_free(doc text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT NOT EXISTS (SELECT 1 FROM gold_locks WHERE doc_id = doc
                       AND holder <> current_user AND seen > now() - interval '2 minutes')
$$
"""

_GRANTS = {
    "reader": ["GRANT SELECT ON doc_status, assignments, guidelines, threads, comments, "
               "presence, gold_locks TO {g}"],
    "annotator": [
        "GRANT INSERT, UPDATE, DELETE ON doc_status, presence TO {g}",
        "GRANT INSERT, DELETE ON threads TO {g}",
        "GRANT INSERT, DELETE, UPDATE (text, modified) ON comments TO {g}",
    ],
    "reviewer": [
        "GRANT INSERT, UPDATE, DELETE ON assignments, gold_locks TO {g}",
        "GRANT UPDATE (resolved_by, resolved) ON threads TO {g}",
        "GRANT INSERT ON guidelines TO {g}",
        "GRANT INSERT, UPDATE ON meta TO {g}",
    ],
}

_POLICIES = [
    *(f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY" for t in (
        "doc_status", "assignments", "guidelines", "threads", "comments", "presence",
        "gold_locks", "meta")),
    *(f"CREATE POLICY read_all ON {t} FOR SELECT USING (true)" for t in (
        "doc_status", "assignments", "guidelines", "threads", "comments", "presence",
        "gold_locks", "meta")),
    "CREATE POLICY own_status ON doc_status FOR ALL TO {annotator} "
    "USING (annotator = current_user) WITH CHECK (annotator = current_user)",
    "CREATE POLICY reviewers ON assignments FOR ALL TO {reviewer} USING (true) "
    "WITH CHECK (assigned_by = current_user)",
    "CREATE POLICY reviewers ON guidelines FOR INSERT TO {reviewer} "
    "WITH CHECK (author = current_user)",
    "CREATE POLICY open_thread ON threads FOR INSERT TO {annotator} "
    "WITH CHECK (author = current_user AND resolved IS NULL)",
    "CREATE POLICY drop_own_thread ON threads FOR DELETE TO {annotator} "
    "USING (author = current_user)",
    "CREATE POLICY resolve ON threads FOR UPDATE TO {reviewer} USING (true) "
    "WITH CHECK (resolved_by IS NULL OR resolved_by = current_user)",
    "CREATE POLICY own_comments ON comments FOR ALL TO {annotator} "
    "USING (author = current_user) WITH CHECK (author = current_user)",
    "CREATE POLICY here ON presence FOR INSERT TO {annotator} "
    "WITH CHECK (member = current_user)",
    "CREATE POLICY heartbeat ON presence FOR UPDATE TO {annotator} "
    "USING (member = current_user) WITH CHECK (member = current_user)",
    f"CREATE POLICY leave ON presence FOR DELETE TO {{annotator}} "
    f"USING (member = current_user OR seen < now() - {STALE})",
    "CREATE POLICY take ON gold_locks FOR INSERT TO {reviewer} "
    "WITH CHECK (holder = current_user)",
    f"CREATE POLICY keep ON gold_locks FOR UPDATE TO {{reviewer}} "
    f"USING (holder = current_user OR seen < now() - {STALE}) "
    "WITH CHECK (holder = current_user)",
    f"CREATE POLICY release ON gold_locks FOR DELETE TO {{reviewer}} "
    f"USING (holder = current_user OR seen < now() - {STALE})",
    "CREATE POLICY settings ON meta FOR ALL TO {reviewer} USING (key = 'blind') "
    "WITH CHECK (key = 'blind')",
    # review decisions wait for the document's review lock (another reviewer's, fresh)
    "DROP POLICY reviewers ON review_decisions",
    "CREATE POLICY reviewers ON review_decisions FOR ALL TO {reviewer} "
    "USING (annotator_review_free(doc_id)) "
    "WITH CHECK (reviewer = current_user AND annotator_review_free(doc_id))",
]

#: notified per document: every change, but a heartbeat (an update) is no news
_NOTIFIED = {"doc_status": "doc_id", "assignments": "doc_id", "threads": "doc_id",
             "comments": "doc_id"}
_NOTIFIED_ARRIVALS = {"presence": "doc_id", "gold_locks": "doc_id"}


def migrate(conn) -> None:
    """Create the workflow tables, their rights and notifications; give statuses set
    before to whoever set them, as the journal says."""
    from annotator.store.pg.schema import ROLES, _triggers, group_role
    from annotator.store.workflow import statuses_from_journal

    for statement in _TABLES.split(";\n"):
        if statement.strip():
            conn.execute(statement)
    for statement in (*_triggers(_NOTIFIED, ("guidelines", "meta")),
                      *_triggers(_NOTIFIED_ARRIVALS, (), ("INSERT", "DELETE"))):
        conn.execute(statement)
    database = conn.execute("SELECT current_database()").fetchone()[0]
    names = {role: sql.Identifier(group_role(database, role)) for role in ROLES}
    for role in ROLES:
        for grant in _GRANTS[role]:
            conn.execute(sql.SQL(grant).format(g=names[role]))
    for policy in _POLICIES:
        conn.execute(sql.SQL(policy).format(annotator=names["annotator"],
                                            reviewer=names["reviewer"]))
    found = statuses_from_journal(r[0] for r in conn.execute(
        "SELECT payload FROM journal WHERE kind = 'status' AND undone = 0 ORDER BY seq"))
    rows = conn.execute("SELECT id, status, coalesce(modified, created) FROM documents "
                        "WHERE status <> 'todo'").fetchall()
    with conn.cursor() as cur:
        cur.executemany("INSERT INTO doc_status(doc_id, annotator, status, modified) VALUES "
                        "(%s, %s, %s, %s)",
                        [(doc, found[doc], status, when) for doc, status, when in rows
                         if doc in found])
