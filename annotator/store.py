"""The project file: one SQLite database. The only module that speaks SQL.

Every write goes through :meth:`Store.transaction` (``BEGIN IMMEDIATE`` … ``COMMIT``), so a
multi-step write is all or nothing and a reader never sees half of one. The schema is
versioned with ``PRAGMA user_version``; a file from a newer annotator, another
application's SQLite file, or a file that is not SQLite at all is refused untouched.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from annotator.core.annotation import Annotation, Annotator, now
from annotator.core.commands import Command
from annotator.core.document import Document, DocumentSummary
from annotator.core.errors import ConflictError, ProjectError
from annotator.core.tagset import Tagset, load_tagset_dict
from annotator.store_schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
DOC_JSON = ("languages", "metadata", "cleaning")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Store:
    """An open project. Use :meth:`open`; close with :meth:`close` or ``with``."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None):
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.path = path

    # --- opening -----------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, create: bool = False) -> Store:
        """Open (or with ``create``, create) a project file, migrating it if it is older."""
        path = Path(path)
        _check_file(path, create)
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
        except sqlite3.Error as e:
            raise ProjectError(f"{path}: cannot open: {e}") from None
        store = cls(conn, path)
        try:
            store._setup()
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def memory(cls) -> Store:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        store = cls(conn, None)
        store._setup()
        return store

    def _setup(self) -> None:
        self._check_identity()
        for pragma in ("foreign_keys=ON", "busy_timeout=5000", "synchronous=NORMAL"):
            self.conn.execute(f"PRAGMA {pragma}")
        if self.path is not None:
            self.conn.execute("PRAGMA journal_mode=WAL")
        self._migrate()

    def _check_identity(self) -> None:
        where = self.path or ":memory:"
        try:
            app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError as e:
            raise ProjectError(f"{where}: not an annotator project ({e})") from None
        if app_id != APPLICATION_ID and (app_id != 0 or tables):
            raise ProjectError(f"{where}: not an annotator project (an SQLite file of "
                               f"another application, application_id={app_id})")
        if version > SCHEMA_VERSION:
            raise ProjectError(f"{where}: made by a newer version of annotator (schema "
                               f"{version}; this version reads up to {SCHEMA_VERSION})")

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        with self.transaction():
            for number, migration in enumerate(MIGRATIONS[version:], version + 1):
                migration(self.conn)
                self.conn.execute(f"PRAGMA user_version={number}")
            self.conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            self._set_meta("schema_migrated", now())

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- transactions ------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes happen in here. Nested use joins the outer transaction."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- project settings --------------------------------------------------------------
    def _set_meta(self, key: str, value) -> None:
        self.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) "
                          "DO UPDATE SET value = excluded.value", (key, _dumps(value)))

    def set_meta(self, key: str, value) -> None:
        with self.transaction():
            self._set_meta(key, value)

    def meta(self, key: str, default=None):
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    # --- tagset ------------------------------------------------------------------------
    def set_tagset(self, tagset: Tagset) -> None:
        """Make ``tagset`` the project's tagset (kept alongside any earlier ones)."""
        with self.transaction():
            self.conn.execute("UPDATE tagsets SET active = 0")
            self.conn.execute(
                "INSERT INTO tagsets(id, version, name, data, active, loaded) "
                "VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT(id) DO UPDATE SET version = "
                "excluded.version, name = excluded.name, data = excluded.data, active = 1, "
                "loaded = excluded.loaded",
                (tagset.id, tagset.version, _dumps(tagset.name), _dumps(tagset.to_dict()), now()))
            self.conn.execute("DELETE FROM tags WHERE tagset_id = ?", (tagset.id,))
            self.conn.executemany(
                "INSERT INTO tags(tagset_id, id, group_id, label, colour, hotkey, position) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(tagset.id, t.id, t.group, _dumps(t.label), t.colour, t.hotkey, i)
                 for i, t in enumerate(tagset.tags)])

    def tagset(self) -> Tagset | None:
        row = self.conn.execute("SELECT data FROM tagsets WHERE active = 1").fetchone()
        return load_tagset_dict(json.loads(row[0]), "project tagset") if row else None

    # --- annotators --------------------------------------------------------------------
    def add_annotator(self, annotator: Annotator) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO annotators(id, name, role, created) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role",
                (annotator.id, annotator.name, annotator.role, now()))

    def annotators(self) -> list[Annotator]:
        rows = self.conn.execute("SELECT id, name, role FROM annotators ORDER BY created, id")
        return [Annotator(*row) for row in rows]

    # --- documents ---------------------------------------------------------------------
    def add_documents(self, docs: Iterable[Document]) -> list[tuple[Document, str | None]]:
        """Store documents in one transaction. Returns ``(doc, duplicate_of)`` per document:
        ``duplicate_of`` is the id of a stored document with the same text (then it is not
        stored again)."""
        results = []
        with self.transaction():
            position = self.conn.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM documents").fetchone()[0]
            for doc in docs:
                dup = self.document_with_text(doc.text_sha256)
                if dup is None:
                    self._insert_document(doc, position)
                    position += 1
                results.append((doc, dup))
        return results

    def _insert_document(self, doc: Document, position: int) -> None:
        row = dict(doc.__dict__)
        for key in DOC_JSON:
            row[key] = _dumps(list(row[key]) if key != "metadata" else row[key])
        row.update(position=position, length=len(doc.text), created=now())
        columns = ", ".join(row)
        self.conn.execute(f"INSERT INTO documents({columns}) VALUES "
                          f"({', '.join('?' * len(row))})", tuple(row.values()))

    def document_with_text(self, sha: str) -> str | None:
        row = self.conn.execute("SELECT id FROM documents WHERE text_sha256 = ?",
                                (sha,)).fetchone()
        return row[0] if row else None

    def document(self, doc_id: str) -> Document:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        names = [d[0] for d in self.conn.execute("SELECT * FROM documents LIMIT 0").description]
        data = dict(zip(names, row, strict=True))
        for key in DOC_JSON:
            data[key] = json.loads(data[key])
        data["languages"] = tuple(data["languages"])
        data["cleaning"] = tuple(data["cleaning"])
        fields = Document.__dataclass_fields__
        return Document(**{k: v for k, v in data.items() if k in fields})

    _SUMMARY = ("SELECT d.id, d.title, d.date, d.source, d.script, d.languages, d.status, "
                "d.review_status, (SELECT count(*) FROM annotations a WHERE a.doc_id = d.id), "
                "d.length, d.position FROM documents d")

    def documents(self) -> list[DocumentSummary]:
        rows = self.conn.execute(f"{self._SUMMARY} ORDER BY d.position")
        return [_summary(r) for r in rows]

    def summary(self, doc_id: str) -> DocumentSummary:
        r = self.conn.execute(f"{self._SUMMARY} WHERE d.id = ?", (doc_id,)).fetchone()
        if r is None:
            raise KeyError(doc_id)
        return _summary(r)

    def resolve_document(self, ref: str) -> str:
        """A document id from its id, its 1-based list number, or an id prefix (≥ 4)."""
        if self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (ref,)).fetchone():
            return ref
        if ref.isdigit() and len(ref) < 8:
            row = self.conn.execute("SELECT id FROM documents ORDER BY position LIMIT 1 "
                                    "OFFSET ?", (int(ref) - 1,)).fetchone()
            if row and int(ref) >= 1:
                return row[0]
            raise KeyError(ref)
        rows = self.conn.execute("SELECT id FROM documents WHERE id LIKE ? || '%' LIMIT 2",
                                 (ref,)).fetchall()
        if len(ref) >= 4 and len(rows) == 1:
            return rows[0][0]
        raise KeyError(ref)

    def set_status(self, doc_id: str, status: str) -> None:
        with self.transaction():
            cur = self.conn.execute("UPDATE documents SET status = ?, modified = ? WHERE id = ?",
                                    (status, now(), doc_id))
            if cur.rowcount != 1:
                raise KeyError(doc_id)

    # --- annotations -------------------------------------------------------------------
    def annotations(self, doc_id: str) -> list[Annotation]:
        """The document's annotations in reading order ``(start, end, id)``."""
        rows = self.conn.execute(f"SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE "
                                 "doc_id = ? ORDER BY start, end, id", (doc_id,))
        return _annotations(rows)

    def insert_annotations(self, annotations: Iterable[Annotation]) -> None:
        """Bulk insert without journalling (imports, merges, benchmarks)."""
        with self.transaction():
            self.conn.executemany(
                "INSERT INTO annotations(id, doc_id, start, end, tag, annotator, attributes, "
                "created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_annotation_row(a) for a in annotations])

    # --- commands and the journal (undo/redo that survive a restart) --------------------
    def apply_command(self, command: Command, annotator: str) -> int:
        """Apply ``command`` and journal it in one transaction; clears ``annotator``'s redo
        history. Returns the journal sequence number."""
        with self.transaction():
            self._apply_rows(command)
            self.conn.execute("DELETE FROM journal WHERE annotator = ? AND undone = 1",
                              (annotator,))
            cur = self.conn.execute(
                "INSERT INTO journal(annotator, doc_id, kind, payload, created) "
                "VALUES (?, ?, ?, ?, ?)",
                (annotator, command.doc_id, command.kind, command.to_json(), now()))
            return int(cur.lastrowid or 0)

    def undo(self, annotator: str) -> Command | None:
        """Revert ``annotator``'s latest command; returns what was applied (the inverse)."""
        return self._step(annotator, "SELECT seq, payload FROM journal WHERE annotator = ? "
                          "AND undone = 0 ORDER BY seq DESC LIMIT 1", undo=True)

    def redo(self, annotator: str) -> Command | None:
        return self._step(annotator, "SELECT seq, payload FROM journal WHERE annotator = ? "
                          "AND undone = 1 ORDER BY seq LIMIT 1", undo=False)

    def _step(self, annotator: str, query: str, undo: bool) -> Command | None:
        with self.transaction():
            row = self.conn.execute(query, (annotator,)).fetchone()
            if row is None:
                return None
            command = Command.from_json(row[1])
            command = command.inverse() if undo else command
            self._apply_rows(command)
            self.conn.execute("UPDATE journal SET undone = ? WHERE seq = ?", (int(undo), row[0]))
            return command

    def history(self, annotator: str) -> tuple[list[Command], list[Command]]:
        """(done, undone) commands of ``annotator``, oldest first."""
        rows = self.conn.execute("SELECT payload, undone FROM journal WHERE annotator = ? "
                                 "ORDER BY seq", (annotator,)).fetchall()
        done = [Command.from_json(p) for p, u in rows if not u]
        undone = [Command.from_json(p) for p, u in rows if u]
        return done, undone

    def _apply_rows(self, command: Command) -> None:
        ids = [a.id for a in command.before]
        current = {a.id: a for a in self._annotations_by_id(ids)}
        expected = {a.id: a for a in command.before}
        if current != expected:
            raise ConflictError("the annotations changed since this edit was made "
                                f"({command.label or command.kind})")
        self.conn.executemany("DELETE FROM annotations WHERE id = ?",
                              [(i,) for i in command.removed_ids])
        self.conn.executemany(
            "INSERT INTO annotations(id, doc_id, start, end, tag, annotator, attributes, "
            "created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE "
            "SET start = excluded.start, end = excluded.end, tag = excluded.tag, "
            "attributes = excluded.attributes, modified = excluded.modified",
            [_annotation_row(a) for a in command.after])

    def _annotations_by_id(self, ids: list[str]) -> list[Annotation]:
        out: list[Annotation] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows = self.conn.execute(
                f"SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE id IN "
                f"({', '.join('?' * len(chunk))})", chunk)
            out += [_annotation(r) for r in rows]
        return out

    def integrity(self) -> list[str]:
        """Problems found by SQLite's ``quick_check`` and the foreign-key check."""
        problems = [r[0] for r in self.conn.execute("PRAGMA quick_check") if r[0] != "ok"]
        problems += [f"foreign key: {r}" for r in self.conn.execute("PRAGMA foreign_key_check")]
        return problems


def _summary(r) -> DocumentSummary:
    return DocumentSummary(id=r[0], title=r[1], date=r[2], source=r[3], script=r[4],
                           languages=tuple(json.loads(r[5])), status=r[6], review_status=r[7],
                           annotations=r[8], length=r[9], position=r[10])


ANNOTATION_COLUMNS = "id, doc_id, start, end, tag, annotator, attributes, created, modified"


_NO_ATTRIBUTES = "{}"


def _annotations(rows) -> list[Annotation]:
    """Rows to annotations, as fast as Python allows (30,000 rows in a few ms)."""
    make, loads, empty = tuple.__new__, json.loads, _NO_ATTRIBUTES
    return [make(Annotation, (r[0], r[1], r[2], r[3], r[4], r[5],
                              {} if r[6] == empty else loads(r[6]), r[7], r[8])) for r in rows]


def _annotation(row) -> Annotation:
    attributes = {} if row[6] == _NO_ATTRIBUTES else json.loads(row[6])
    return Annotation(row[0], row[1], row[2], row[3], row[4], row[5], attributes, row[7], row[8])


def _annotation_row(a: Annotation) -> tuple:
    return (a.id, a.doc_id, a.start, a.end, a.tag, a.annotator, _dumps(a.attributes),
            a.created or now(), a.modified or now())


def _check_file(path: Path, create: bool) -> None:
    if not path.exists():
        if not create:
            raise ProjectError(f"{path}: no such project file")
        if not path.parent.exists():
            raise ProjectError(f"{path}: folder {path.parent} does not exist")
        return
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError as e:
        raise ProjectError(f"{path}: cannot read: {e.strerror or e}") from None
    if head and head != SQLITE_MAGIC:
        raise ProjectError(f"{path}: not an annotator project (not an SQLite database)")
    if not head and not create:
        raise ProjectError(f"{path}: empty file, not an annotator project")
