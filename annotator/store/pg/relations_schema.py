"""Relations on PostgreSQL (migration 4 of :mod:`annotator.store.pg.schema`).

The table is the project file's (:data:`annotator.store.schema._V8`). Rights follow the
spans': every member reads every relation; an annotator inserts, changes and deletes only
relations of their own layer (``annotator = current_user``, joining two spans of theirs in
one document: ``annotator_relation_layer``); a reviewer also those of the
gold layer (both ends gold spans: results of review decisions) and of machine layers
(``model:…``); a reader nothing — whatever SQL they send. A change notifies colleagues per
document, as spans do (``{"table": "relations", …}``).
"""

from __future__ import annotations

from psycopg import sql

_TABLE = """
CREATE TABLE relations (
    id text PRIMARY KEY,
    doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source text NOT NULL REFERENCES annotations(id),
    target text NOT NULL REFERENCES annotations(id),
    type text NOT NULL,
    annotator text NOT NULL REFERENCES annotators(id),
    created text NOT NULL,
    modified text NOT NULL,
    CHECK (source <> target)
);
CREATE INDEX relations_doc ON relations(doc_id, source, target);
CREATE INDEX relations_source ON relations(source);
CREATE INDEX relations_target ON relations(target);
CREATE INDEX relations_annotator ON relations(annotator);
CREATE FUNCTION annotator_relation_layer(a text, b text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT x.annotator FROM annotations x, annotations y
    WHERE x.id = a AND y.id = b AND x.annotator = y.annotator AND x.doc_id = y.doc_id
$$
"""

#: the gold spans: what review decisions produced
_GOLD = "SELECT result_id FROM review_decisions WHERE result_id IS NOT NULL"

_GRANTS = {
    "reader": ["GRANT SELECT ON relations TO {g}"],
    "annotator": ["GRANT INSERT, UPDATE, DELETE ON relations TO {g}"],
    "reviewer": [],
}

_POLICIES = [
    "ALTER TABLE relations ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY read_all ON relations FOR SELECT USING (true)",
    "CREATE POLICY own_layer ON relations FOR ALL TO {annotator} "
    "USING (annotator = current_user) WITH CHECK (annotator = current_user "
    "AND annotator_relation_layer(source, target) = current_user)",
    f"CREATE POLICY gold_layer ON relations FOR ALL TO {{reviewer}} "
    f"USING (source IN ({_GOLD}) AND target IN ({_GOLD})) "
    f"WITH CHECK (source IN ({_GOLD}) AND target IN ({_GOLD}))",
    "CREATE POLICY machine_layers ON relations FOR ALL TO {reviewer} "
    "USING (annotator LIKE 'model:%') WITH CHECK (annotator LIKE 'model:%' "
    "AND annotator_relation_layer(source, target) = annotator)",
]


def migrate(conn) -> None:
    """Create the relations table, its notifications, grants and policies."""
    from annotator.store.pg.schema import ROLES, _triggers, group_role

    for statement in _TABLE.split(";\n"):
        if statement.strip():
            conn.execute(statement)
    for statement in _triggers({"relations": "doc_id"}, ()):
        conn.execute(statement)
    database = conn.execute("SELECT current_database()").fetchone()[0]
    names = {role: sql.Identifier(group_role(database, role)) for role in ROLES}
    for role in ROLES:
        for grant in _GRANTS[role]:
            conn.execute(sql.SQL(grant).format(g=names[role]))
    for policy in _POLICIES:
        conn.execute(sql.SQL(policy).format(annotator=names["annotator"],
                                            reviewer=names["reviewer"]))
