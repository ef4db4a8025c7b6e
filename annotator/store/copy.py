"""Copying a whole project between engines: a project file to a team project and back
(``annotator transfer``), a team project to a file (``annotator backup URL``).

Both engines have the same tables and columns, so a copy is table by table, every column
as stored (JSON kept as the same text, time stamps as written): an export of the copy is
byte for byte the export of the original. Rows are read in their natural order (documents
by position, annotators and the journal in insertion order) and written in batches in one
transaction on the target: a copy that fails leaves the target as it was. The search index
is rebuilt by the target's own engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

#: (table, columns, order) copied, parents before children. ``meta`` is copied apart from
#: the engine's own keys (:data:`ENGINE_META`).
TABLES: tuple[tuple[str, str, str], ...] = (
    ("tagsets", "id, version, name, data, active, loaded", "id"),
    ("tags", "tagset_id, id, group_id, label, colour, hotkey, position", "tagset_id, position"),
    ("annotators", "id, name, role, created", "rowid"),
    ("documents", "id, position, title, source, origin, date, script, languages, text, "
                  "text_sha256, length, original, raw, encoding, cleaning, metadata, status, "
                  "review_status, created, modified", "position, id"),
    ("annotations", 'id, doc_id, start, "end", tag, annotator, attributes, created, modified',
     'doc_id, start, "end", id'),
    ("relations", "id, doc_id, source, target, type, annotator, created, modified",
     "doc_id, source, target, id"),
    ("review_decisions", "id, doc_id, reviewer, decision, targets, result_id, note, created",
     "created, id"),
    ("rejected_suggestions", 'doc_id, annotator, start, "end", tag, created',
     'doc_id, annotator, start, "end", tag'),
    ("journal", "annotator, doc_id, kind, payload, created, undone", "seq"),
    ("guidelines", "version, text, author, created", "version"),
    ("doc_status", "doc_id, annotator, status, modified", "doc_id, annotator"),
    ("assignments", "doc_id, annotator, assigned_by, created", "doc_id, annotator"),
    ("threads", 'id, doc_id, span_id, start, "end", author, created, resolved_by, resolved',
     "doc_id, created, id"),
    ("comments", "id, thread_id, doc_id, author, text, created, modified",
     "doc_id, created, id"),
)
#: what is read where a column is not read as stored (also by benchmarks/teamkit.py): a
#: span's ``modified`` (NULL in a file while it equals ``created``)
SELECTED = {"annotations": 'id, doc_id, start, "end", tag, annotator, attributes, created, '
                            "coalesce(modified, created)"}
#: tables of one document's rows (a partial copy takes those of the documents asked for)
PER_DOCUMENT = ("documents", "annotations", "relations", "review_decisions", "rejected_suggestions",
                "journal", "doc_status", "assignments", "threads", "comments")
ENGINE_META = frozenset({"schema_version", "application", "schema_migrated"})
BATCH = 2000


@dataclass
class CopyReport:
    rows: dict[str, int]

    def line(self) -> str:
        return ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in self.rows.items())


def _batches(rows: Iterator[tuple]) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for row in rows:
        batch.append(tuple(row))
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def copy_project(source, target, progress: Callable[[str, int], None] | None = None,
                 doc_ids: set[str] | None = None, journal: bool = True) -> CopyReport:
    """Copy every row of ``source`` into ``target`` (a new, empty project of either
    engine), in one transaction on the target. ``doc_ids``: only these documents (and what
    belongs to them). ``journal``: copy the undo history too."""
    if target.has_annotations() or target.documents():
        raise ValueError(f"{target.location}: not empty; a copy goes into a new project")
    counts: dict[str, int] = {}
    with target.transaction():
        target.conn.execute("DELETE FROM tags")
        target.conn.execute("DELETE FROM tagsets")
        for key, value in source.conn.execute("SELECT key, value FROM meta"):
            if key not in ENGINE_META:
                target.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT"
                                    "(key) DO UPDATE SET value = excluded.value", (key, value))
        for table, columns, order in TABLES:
            if table == "journal" and not journal:
                continue
            counts[table] = _copy_table(source, target, table, columns, order, doc_ids)
            if progress:
                progress(table, counts[table])
        target.reindex_missing()
    return CopyReport(counts)


def _copy_table(source, target, table: str, columns: str, order: str,
                doc_ids: set[str] | None) -> int:
    marks = ", ".join("?" * len(columns.split(",")))
    insert = f"INSERT INTO {table}({columns}) VALUES ({marks})"
    rows = source.rows(f"SELECT {SELECTED.get(table, columns)} FROM {table} ORDER BY {order}")
    if table == "annotations":  # each engine stores an unchanged span's stamp its way
        stored = target._stored_modified
        rows = ((*r[:-1], stored(r[-2], r[-1])) for r in rows)
    if doc_ids is not None and table in PER_DOCUMENT:
        names = [c.strip().strip('"') for c in columns.split(",")]
        key = names.index("id" if table == "documents" else "doc_id")
        rows = (r for r in rows if r[key] in doc_ids)
    count = 0
    for batch in _batches(rows):
        target.conn.executemany(insert, batch)
        count += len(batch)
    return count
