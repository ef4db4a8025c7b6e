"""``annotator check``: find damage in a project file without changing it.

:meth:`CheckMixin.open_readonly` opens the file in SQLite's read-only mode (no migration,
no pragma that writes; SQLite may create the empty ``-wal``/``-shm`` side files it reads
through, never touching the project file's bytes). :meth:`CheckMixin.check` then looks for:

* what SQLite itself finds (``PRAGMA integrity_check``, ``PRAGMA foreign_key_check``);
* orphaned rows: annotations, review decisions and search-index rows whose document is
  gone, annotations or decisions whose annotator is gone, decision targets and results that
  name missing annotations;
* spans outside their text (``start < 0``, ``end <= start``, ``end`` past the document's
  length in code points) and documents whose stored length is not their text's;
* tags not in the active tagset (and a missing, doubled or unreadable active tagset);
* orphaned relations, and relations the tagset does not allow (:mod:`.check_relations`);
* journal rows (undo history) whose payload cannot be decoded, and an annotator's history
  whose undone entries are not all after the done ones (undo/redo would misbehave);
* the schema, compared (with sqlite-utils' introspection) with that of an empty project of
  the file's version: missing tables, columns, indexes and views.

A project made by an older annotator is checked against its own version's schema, with a
note that opening it will upgrade it; notes a migration recorded (spans it trimmed) are
shown too.

Each check runs on its own: one that SQLite cannot finish (a corrupt page) is reported and
the others still run. The SQL is here; turning rows into :class:`Problem` lines is done by
the plain functions below.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from annotator.core.commands import Command
from annotator.core.errors import AnnotatorError
from annotator.core.tagset import load_tagset_dict
from annotator.store import schema, trim
from annotator.store.backups import latest
from annotator.store.base import StoreBase, _check_file, _connect, sqlite_utils
from annotator.store.check_relations import RelationCheckMixin


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a project: ``kind`` is one of :data:`KINDS`."""

    kind: str
    message: str

    def line(self) -> str:
        return f"{self.kind}: {self.message}"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "message": self.message}


KINDS = ("integrity", "unreadable", "foreign-key", "orphan", "document", "span", "tagset",
         "tag", "relation", "journal", "schema")
#: kinds that mean the file is not as annotator wrote it (a tagset problem is fixed by loading
#: one): the report then points at the latest backup
DAMAGE = frozenset(KINDS) - {"tagset", "tag", "relation"}


#: what ``CheckReport.counts`` counts: key -> (one, many)
COUNTED = {"documents": ("document", "documents"), "annotations": ("annotation", "annotations"),
           "review_decisions": ("review decision", "review decisions"),
           "journal_entries": ("journal entry", "journal entries")}
#: counted only when there are any (a project without relations reads as before)
_NAMES = {**COUNTED, "relations": ("relation", "relations")}


def _plural(n: int, names: tuple[str, str]) -> str:
    return f"{n} {names[n != 1]}"


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]
    counts: Mapping[str, int]  # what was looked at: documents, annotations, ...
    project: str = ""
    backup: str | None = None  # the latest backup, offered when the file is damaged
    notes: tuple[str, ...] = ()  # not problems: an upgrade due, what an upgrade changed

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def damaged(self) -> bool:
        return any(p.kind in DAMAGE for p in self.problems)

    def summary(self) -> str:
        if self.ok:
            looked = ", ".join(_plural(n, _NAMES[key]) for key, n in self.counts.items())
            return f"ok: no problems in {looked}"
        kinds = Counter(p.kind for p in self.problems)
        line = (_plural(len(self.problems), ("problem", "problems")) + ": "
                + ", ".join(f"{n} {kind}" for kind, n in kinds.items()))
        if not self.damaged:
            return line
        offer = (f"the latest backup is {self.backup} (annotator restore "
                 f"{Path(self.project).name})" if self.backup else "there is no backup")
        return f"{line}; the project file is damaged: {offer}"

    def lines(self) -> list[str]:
        """One line per problem, one per note, then the summary."""
        return ([p.line() for p in self.problems] + [f"note: {n}" for n in self.notes]
                + [self.summary()])

    def to_dict(self) -> dict:
        return {"ok": self.ok, "summary": self.summary(), "counts": dict(self.counts),
                "problems": [p.to_dict() for p in self.problems], "notes": list(self.notes),
                "backup": self.backup if self.damaged else None}


# --- the pure half: rows in, problems out ---------------------------------------------------
def integrity_problems(rows: Iterable[str]) -> Iterator[Problem]:
    """``PRAGMA integrity_check`` says ``ok`` or lists what is wrong."""
    for message in rows:
        if message != "ok":
            yield Problem("integrity", message.replace("\n", " "))


#: (child table, parent table) pairs the orphan queries report row by row, so the foreign-key
#: check does not report them a second time.
ORPHAN_PAIRS = frozenset({("annotations", "documents"), ("annotations", "annotators"),
                          ("review_decisions", "documents"),
                          ("review_decisions", "annotators"), ("search_text", "documents"),
                          ("relations", "annotations")})


def foreign_key_problems(rows: Iterable[tuple]) -> Iterator[Problem]:
    """``PRAGMA foreign_key_check`` rows ``(table, rowid, parent, fkid)``."""
    for table, rowid, parent, _ in rows:
        if (table, parent) not in ORPHAN_PAIRS:
            where = f"row {rowid}" if rowid is not None else "a row"
            yield Problem("foreign-key", f"{where} of {table} points to a missing {parent} row")


def span_problem(span_id: str, doc_id: str, start: int, end: int,
                 lengths: Mapping[str, int]) -> Problem | None:
    """A span must lie in ``[0, length]`` of its document's text and not be empty (a span
    whose document is gone is an orphan, reported elsewhere)."""
    length = lengths.get(doc_id)
    if length is None:
        return None
    where = f"annotation {span_id} in document {doc_id}: [{start}, {end})"
    if start < 0:
        return Problem("span", f"{where} starts before the text")
    if end <= start:
        return Problem("span", f"{where} is empty or reversed")
    if end > length:
        return Problem("span", f"{where} ends past the text ({length} code points)")
    return None


def tag_problem(span_id: str, doc_id: str, tag: str, tagset_id: str,
                known: frozenset[str]) -> Problem | None:
    if tag in known:
        return None
    return Problem("tag", f"annotation {span_id} in document {doc_id} has tag '{tag}', which "
                          f"the active tagset '{tagset_id}' does not define")


def journal_problem(seq: int, payload: str) -> Problem | None:
    """A journal row undo/redo could not use."""
    try:
        Command.from_json(payload)
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        return Problem("journal", f"entry {seq} has an unreadable payload "
                                  f"({type(e).__name__}: {e})")
    return None


def history_problems(rows: Iterable[tuple[int, str | None, int]]) -> Iterator[Problem]:
    """Rows ``(seq, annotator, undone)`` in ``seq`` order: each annotator's undone entries
    must all come after their done ones (undo takes the last done, redo the first undone)."""
    first_undone: dict[str | None, int] = {}
    reported: set[str | None] = set()
    for seq, annotator, undone in rows:
        if undone:
            first_undone.setdefault(annotator, seq)
        elif annotator in first_undone and annotator not in reported:
            reported.add(annotator)
            yield Problem("journal", f"annotator {annotator}: entry {seq} is done but comes "
                                     f"after undone entry {first_undone[annotator]} (undo and "
                                     "redo would pick the wrong entries)")


def tagset_problem(rows: list[tuple[str, str]]) -> tuple[Problem | None, str, frozenset[str]]:
    """From the active tagset rows ``(id, data)``: a problem, or its id and tag ids."""
    if len(rows) != 1:
        found = ", ".join(sorted(r[0] for r in rows))
        message = (f"{len(rows)} tagsets are active ({found})" if rows else
                   "the project has no active tagset (load one with `annotator tagset "
                   "PROJECT --load FILE`)")
        return Problem("tagset", message), "", frozenset()
    tagset_id, data = rows[0]
    try:
        tagset = load_tagset_dict(json.loads(data), "active tagset")
    except (ValueError, AnnotatorError) as e:
        unreadable = Problem("tagset", f"the active tagset '{tagset_id}' cannot be read: {e}")
        return unreadable, tagset_id, frozenset()
    return None, tagset_id, frozenset(t.id for t in tagset.tags)


#: a schema as sqlite-utils sees it: tables with their columns, indexes (name -> table), views
@dataclass(frozen=True)
class Schema:
    tables: Mapping[str, frozenset[str]]
    indexes: Mapping[str, str]
    views: frozenset[str]


def schema_problems(expected: Schema, found: Schema, optional: tuple[str, ...] = ()
                    ) -> Iterator[Problem]:
    """What ``found`` lacks of ``expected`` (extra tables, columns and indexes are not
    problems; tables named with an ``optional`` prefix may be missing)."""
    for table, columns in expected.tables.items():
        if table not in found.tables:
            if not table.startswith(optional):
                yield Problem("schema", f"table {table} is missing")
            continue
        for column in sorted(columns - found.tables[table]):
            yield Problem("schema", f"table {table} lacks column {column}")
    for index, table in expected.indexes.items():
        if index not in found.indexes and table in found.tables:
            yield Problem("schema", f"index {index} of table {table} is missing")
    for view in sorted(expected.views - found.views):
        yield Problem("schema", f"view {view} is missing")


def schema_of(db) -> Schema:
    """The schema of a sqlite-utils ``Database`` (FTS5's own shadow tables left out)."""
    tables = {name: frozenset(db.table(name).columns_dict) for name in db.table_names()}
    indexes = {i.name: name for name in tables for i in db.table(name).indexes
               if not i.name.startswith("sqlite_autoindex")}
    return Schema(tables, indexes, frozenset(db.view_names()))


def span_and_tag_problems(spans: Iterable[tuple], lengths: Mapping[str, int],
                          active: list, counts: dict[str, int]) -> Iterator[Problem]:
    """Spans ``(id, doc_id, start, end, tag)`` outside their text or with a tag the active
    tagset (its rows ``(id, data)``) lacks; counts them."""
    problem, tagset_id, known = tagset_problem([tuple(r) for r in active])
    if problem:
        yield problem
    for span_id, doc_id, start, end, tag in spans:
        counts["annotations"] += 1
        if bad := span_problem(span_id, doc_id, start, end, lengths):
            yield bad
        if not problem and (bad := tag_problem(span_id, doc_id, tag, tagset_id, known)):
            yield bad


def journal_problems(rows: list[tuple], counts: dict[str, int]) -> Iterator[Problem]:
    """Journal rows ``(seq, annotator, undone, payload)`` in order: unreadable entries and
    histories undo/redo would misread; counts them."""
    counts["journal_entries"] = len(rows)
    for seq, _, _, payload in rows:
        if bad := journal_problem(seq, payload):
            yield bad
    yield from history_problems((seq, who, undone) for seq, who, undone, _ in rows)


# --- the SQL half ----------------------------------------------------------------------------
#: the spans and the journal as the checks read them (both engines)
SPANS = 'SELECT id, doc_id, start, "end", tag FROM annotations'
JOURNAL = "SELECT seq, annotator, undone, payload FROM journal ORDER BY seq"
_MISSING_DOC = "NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = {}.doc_id)"
_MISSING_PERSON = "NOT EXISTS (SELECT 1 FROM annotators p WHERE p.id = {})"
_MISSING_SPAN = "NOT EXISTS (SELECT 1 FROM annotations a WHERE a.id = {})"
_TARGETS = ("CASE WHEN json_valid(r.targets) AND json_type(r.targets) = 'array' "
            "THEN r.targets ELSE '[]' END")

#: (table that must exist, query giving (row, missing thing), message with two ``{}``)
ORPHAN_QUERIES = (
    ("annotations", "SELECT x.id, x.doc_id FROM annotations x WHERE " + _MISSING_DOC.format("x"),
     "annotation {} belongs to missing document {}"),
    ("review_decisions", "SELECT x.id, x.doc_id FROM review_decisions x WHERE "
     + _MISSING_DOC.format("x"), "review decision {} belongs to missing document {}"),
    ("search_text", "SELECT x.id, x.doc_id FROM search_text x WHERE " + _MISSING_DOC.format("x"),
     "search index entry {} belongs to missing document {}"),
    ("annotations", "SELECT a.id, a.annotator FROM annotations a WHERE "
     + _MISSING_PERSON.format("a.annotator"), "annotation {} is by missing annotator '{}'"),
    ("review_decisions", "SELECT r.id, r.reviewer FROM review_decisions r WHERE "
     + _MISSING_PERSON.format("r.reviewer"), "review decision {} is by missing reviewer '{}'"),
    ("review_decisions", f"SELECT r.id, j.value FROM review_decisions r, json_each({_TARGETS}) j "
     "WHERE " + _MISSING_SPAN.format("j.value"), "review decision {} targets missing annotation {}"),
    ("review_decisions", "SELECT r.id, r.result_id FROM review_decisions r WHERE r.result_id IS "
     "NOT NULL AND " + _MISSING_SPAN.format("r.result_id"),
     "review decision {} names missing annotation {} as its result"),
    ("review_decisions", "SELECT r.id, r.targets FROM review_decisions r WHERE NOT "
     "json_valid(r.targets) OR json_type(r.targets) != 'array'",
     "review decision {} has unreadable targets {!r}"),
)


class CheckMixin(RelationCheckMixin, StoreBase):
    """``open_readonly`` and ``check``."""

    @classmethod
    def open_readonly(cls, path: str | Path) -> Self:
        """Open a project file in SQLite's read-only mode: nothing is migrated or written."""
        path = Path(path)
        _check_file(path, create=False)
        conn = _connect(path, "checking")  # mode=ro, or immutable in a read-only folder
        store = cls(conn, path, "being checked")
        try:
            store._check_identity()
        except BaseException:
            conn.close()
            raise
        return store

    def check(self) -> CheckReport:
        """Everything wrong with the project, without changing it."""
        problems: list[Problem] = []
        counts = dict.fromkeys(COUNTED, 0)
        for kind, name, section in (
                ("integrity", "SQLite's integrity check", self._check_integrity),
                ("unreadable", "foreign keys", self._check_foreign_keys),
                ("unreadable", "orphaned rows", self._check_orphans),
                ("unreadable", "spans and tags", self._check_annotations),
                ("unreadable", "relations", self._check_relations),
                ("unreadable", "the journal", self._check_journal),
                ("unreadable", "the schema", self._check_schema)):
            try:
                problems.extend(section(counts))
            except sqlite3.DatabaseError as e:
                problems.append(Problem(kind, f"cannot finish {name}: {e}"))
        backup = latest(self.path) if problems and self.path is not None else None
        return CheckReport(tuple(problems), counts, str(self.path or ":memory:"),
                           str(backup) if backup else None, tuple(self._notes()))

    def _version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _check_schema(self, counts: dict[str, int]) -> Iterator[Problem]:
        model = schema.expected(self._version())
        try:
            wanted = schema_of(sqlite_utils.Database(model, recursive_triggers=False,
                                                     execute_plugins=False))
        finally:
            model.close()
        yield from schema_problems(wanted, schema_of(self.db), schema.OPTIONAL_TABLES)

    def _notes(self) -> Iterator[str]:
        try:
            version = self._version()
        except sqlite3.DatabaseError:
            return
        if version < schema.SCHEMA_VERSION:
            yield (f"made by an older annotator (schema {version}); opening it upgrades it "
                   f"to schema {schema.SCHEMA_VERSION}, after a backup")
        if "meta" not in self.db.table_names():
            return
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?",
                                (trim.META_KEY,)).fetchone()
        try:
            record = json.loads(row[0]) if row else {}
        except ValueError:
            return
        if isinstance(record, dict) and (line := trim.note(record)):
            yield line

    def _check_integrity(self, counts: dict[str, int]) -> Iterator[Problem]:
        yield from integrity_problems(r[0] for r in self.conn.execute("PRAGMA integrity_check"))

    def _check_foreign_keys(self, counts: dict[str, int]) -> Iterator[Problem]:
        yield from foreign_key_problems(self.conn.execute("PRAGMA foreign_key_check"))

    def _check_orphans(self, counts: dict[str, int]) -> Iterator[Problem]:
        tables = set(self.db.table_names())
        related = self._relation_ids(tables)  # what a review decision may name besides spans
        for table, query, message in ORPHAN_QUERIES:
            for row, missing in self.conn.execute(query) if table in tables else ():
                if missing not in related:
                    yield Problem("orphan", message.format(row, missing))
        counts["review_decisions"] = self.conn.execute(
            "SELECT count(*) FROM review_decisions").fetchone()[0]

    def _check_annotations(self, counts: dict[str, int]) -> Iterator[Problem]:
        lengths: dict[str, int] = {}
        for doc_id, text, stored in self.conn.execute("SELECT id, text, length FROM documents"):
            lengths[doc_id] = len(text)
            if stored != len(text):
                yield Problem("document", f"document {doc_id}: stored length {stored}, but its "
                                          f"text has {len(text)} code points")
        counts["documents"] = len(lengths)
        active = self.conn.execute("SELECT id, data FROM tagsets WHERE active = 1").fetchall()
        yield from span_and_tag_problems(self.conn.execute(SPANS), lengths, active, counts)

    def _check_journal(self, counts: dict[str, int]) -> Iterator[Problem]:
        yield from journal_problems(self.conn.execute(JOURNAL).fetchall(), counts)
