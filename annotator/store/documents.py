"""Documents, tagsets and annotators in the project file."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache

from annotator.core.annotation import Annotator, now
from annotator.core.document import REVIEW_STATUSES, STATUSES, Document, DocumentSummary
from annotator.core.errors import NotFoundError, ProjectError
from annotator.core.tagset import Tagset, load_tagset_dict
from annotator.store.common import StoreCommon, dumps
from annotator.store.compact import REBUILT, rebuilt_original

DOC_JSON = ("languages", "metadata", "cleaning")
#: a document's sources: the file as decoded, and the text before cleaning
SOURCES = ("raw", "original")


class DocumentsMixin(StoreCommon):
    # --- tagset ------------------------------------------------------------------------
    def set_tagset(self, tagset: Tagset) -> None:
        """Make ``tagset`` the project's tagset (kept alongside any earlier ones). Refused
        when stored annotations use tags (or relations use relation types) it lacks."""
        with self.transaction():
            known = {t.id for t in tagset.tags}
            used = {r[0] for r in self.conn.execute("SELECT DISTINCT tag FROM annotations")}
            if used - known:
                raise ProjectError(f"{self.location}: tagset '{tagset.id}' lacks tags in use: "
                                   f"{', '.join(sorted(used - known))}")
            self._refuse_missing_types(tagset)
            self.conn.execute("UPDATE tagsets SET active = 0")
            self.conn.execute(
                "INSERT INTO tagsets(id, version, name, data, active, loaded) "
                "VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT(id) DO UPDATE SET version = "
                "excluded.version, name = excluded.name, data = excluded.data, active = 1, "
                "loaded = excluded.loaded",
                (tagset.id, tagset.version, dumps(tagset.name), dumps(tagset.to_dict()), now()))
            self.conn.execute("DELETE FROM tags WHERE tagset_id = ?", (tagset.id,))
            self.conn.executemany(
                "INSERT INTO tags(tagset_id, id, group_id, label, colour, hotkey, position) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(tagset.id, t.id, t.group, dumps(t.label), t.colour, t.hotkey, i)
                 for i, t in enumerate(tagset.tags)])

    def _refuse_missing_types(self, tagset: Tagset) -> None:
        if self.conn.execute(self.SQL_HAS_RELATIONS).fetchone() is None:
            return  # an older project, being upgraded
        used = {r[0] for r in self.conn.execute("SELECT DISTINCT type FROM relations")}
        missing = used - {r.id for r in tagset.relations}
        if missing:
            raise ProjectError(f"{self.location}: tagset '{tagset.id}' lacks relation types "
                               f"in use: {', '.join(sorted(missing))}")

    def tagset(self) -> Tagset | None:
        row = self.conn.execute("SELECT data FROM tagsets WHERE active = 1").fetchone()
        return _parsed_tagset(row[0]) if row else None

    # --- annotators --------------------------------------------------------------------
    def add_annotator(self, annotator: Annotator) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO annotators(id, name, role, created) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role",
                (annotator.id, annotator.name, annotator.role, now()))

    def annotators(self) -> list[Annotator]:
        rows = self.conn.execute("SELECT id, name, role FROM annotators ORDER BY rowid")
        return [Annotator(*row) for row in rows]

    # --- documents ---------------------------------------------------------------------
    def add_documents(self, docs: Iterable[Document]) -> list[tuple[Document, str | None]]:
        """Store documents in one transaction. Returns ``(doc, duplicate_of)`` per document:
        ``duplicate_of`` is the id of a stored document with the same text (then it is not
        stored again; nor is a second one with the same text in ``docs``)."""
        docs = list(docs)
        results = []
        with self.transaction():
            position = self.conn.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM documents").fetchone()[0]
            known = self._documents_with_texts([d.text_sha256 for d in docs])
            rows = []
            for doc in docs:
                dup = known.get(doc.text_sha256)
                if dup is None:
                    known[doc.text_sha256] = doc.id
                    rows.append(self._document_row(doc, position))
                    position += 1
                results.append((doc, dup))
            self._insert_documents(rows)
            self._index_documents([(d.id, d.text) for d, dup in results if dup is None])
            self._key_duplicates(results)
        return results

    def _key_duplicates(self, results: list[tuple[Document, str | None]]) -> None:
        """A stored document with no file key takes the key of a file found to hold its
        text (it was imported before keys were kept, or from another file): importing
        that file again skips it unread."""
        keyed = [(doc.file_key, dup) for doc, dup in results if dup and doc.file_key]
        if keyed and self._keeps_file_keys():
            self.conn.executemany("UPDATE documents SET file_key = ? WHERE id = ? AND "
                                  "file_key IS NULL", keyed)

    def _document_row(self, doc: Document, position: int) -> dict:
        row = document_row(doc, position) | {"original": self._stored_original(doc)}
        if not self._keeps_file_keys():
            del row["file_key"]
        return row

    def documents_from_files(self, keys: Sequence[str]) -> dict[str, str]:
        """``{file key: document id}`` of the stored documents imported from files with
        one of these keys (:attr:`Document.file_key`)."""
        found: dict[str, str] = {}
        if not self._keeps_file_keys():
            return found
        for i in range(0, len(keys), 500):
            chunk = list(keys[i:i + 500])
            found.update(self.conn.execute(
                f"SELECT file_key, id FROM documents WHERE file_key IN "
                f"({', '.join('?' * len(chunk))})", chunk).fetchall())
        return found

    def _documents_with_texts(self, shas: list[str]) -> dict[str, str]:
        """``{text_sha256: id}`` of the stored documents with one of these texts."""
        found: dict[str, str] = {}
        for i in range(0, len(shas), 500):
            chunk = shas[i:i + 500]
            found.update((sha, doc_id) for doc_id, sha in self.conn.execute(
                f"SELECT id, text_sha256 FROM documents WHERE text_sha256 IN "
                f"({', '.join('?' * len(chunk))})", chunk))
        return found

    def document_with_text(self, sha: str) -> str | None:
        row = self.conn.execute("SELECT id FROM documents WHERE text_sha256 = ?",
                                (sha,)).fetchone()
        return row[0] if row else None

    def document(self, doc_id: str) -> Document:
        return self._documents_by_id([doc_id])[doc_id]

    def _documents_by_id(self, doc_ids: list[str], columns: str = "*"
                         ) -> dict[str, Document]:
        """The documents of ``doc_ids`` (a chunk of an export's: one query, not one a
        document), by id; an unknown id raises as :meth:`document` does. ``columns``:
        what to select (:meth:`_columns_without_sources`: no ``raw``, no ``original``)."""
        cursor = self.conn.execute(f"SELECT {columns} FROM documents WHERE id IN "
                                   f"({', '.join('?' * len(doc_ids))})", doc_ids)
        rows = cursor.fetchall()
        names = [d[0] for d in cursor.description]
        found = {doc.id: doc for doc in (_document_of(names, row) for row in rows)}
        for doc_id in doc_ids:
            if doc_id not in found:
                raise self._no_document(doc_id)
        return found

    def _columns_without_sources(self) -> str:
        """The documents table's columns (as this project's schema has them) with the file
        as decoded and the text before cleaning selected as NULL: an export of web pages
        writes neither, and a chunk of their HTML could be a hundred megabytes."""
        cursor = self.conn.execute("SELECT * FROM documents WHERE 0 = 1")
        return ", ".join(f'NULL AS "{d[0]}"' if d[0] in SOURCES else f'"{d[0]}"'
                         for d in cursor.description)

    # One statement, so one snapshot: the list columns (no text is copied out, although
    # SQLite walks each text's overflow pages to reach the columns after it) and every
    # document's span count from one pass over the annotations table, which is clustered
    # by document, instead of one correlated count per document.
    _LIST = ("SELECT d.id, d.title, d.date, d.source, d.script, d.languages, d.status, "
             "d.review_status, coalesce(n.spans, 0), d.length, d.position FROM documents d "
             "LEFT JOIN (SELECT doc_id, count(*) AS spans FROM annotations GROUP BY doc_id) n "
             "ON n.doc_id = d.id ORDER BY d.position")
    _SUMMARY = ("SELECT d.id, d.title, d.date, d.source, d.script, d.languages, d.status, "
                "d.review_status, (SELECT count(*) FROM annotations a WHERE a.doc_id = d.id), "
                "d.length, d.position FROM documents d WHERE d.id = ?")

    _LIST_UNCOUNTED = ("SELECT id, title, date, source, script, languages, status, "
                       "review_status, -1, length, position FROM documents ORDER BY position")

    _LIST_SOME = ("SELECT id, title, date, source, script, languages, status, "
                  "review_status, -1, length, position FROM documents WHERE id IN")

    def documents(self, counts: bool = True) -> list[DocumentSummary]:
        """Every document's list row, in project order (10,000 documents with a million
        spans in about 0.15 s). Counting the spans reads every span; ``counts=False``
        leaves them uncounted (``annotations`` is -1: see :meth:`spans_per_document`), so 100,000
        documents list in a fraction of a second."""
        if not counts:
            return [_summary(r) for r in self.conn.execute(self._LIST_UNCOUNTED)]
        return [_summary(r) for r in self.conn.execute(self._LIST)]

    def document_ids(self) -> list[str]:
        """Every document's id in project order (read from the list's index: 100,000 in
        a few tens of ms, where their list rows take half a second: see :meth:`summaries`)."""
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY position")]

    def summaries(self, ids: list[str]) -> list[DocumentSummary]:
        """The list rows of these documents, spans uncounted (as ``documents(counts=
        False)``), in the order given; unknown ids are left out."""
        found: dict[str, DocumentSummary] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for r in self.conn.execute(f"{self._LIST_SOME} ({', '.join('?' * len(chunk))})",
                                       chunk):
                found[r[0]] = _summary(r)
        return [found[i] for i in ids if i in found]

    def spans_per_document(self) -> dict[str, int]:
        """Spans per document (documents without any are left out): the counts
        ``documents(counts=False)`` left out."""
        return dict(self.conn.execute("SELECT doc_id, count(*) FROM annotations "
                                      "GROUP BY doc_id").fetchall())

    def summary(self, doc_id: str) -> DocumentSummary:
        r = self.conn.execute(self._SUMMARY, (doc_id,)).fetchone()
        if r is None:
            raise self._no_document(doc_id)
        return _summary(r)

    def resolve_document(self, ref: str) -> str:
        """A document id from its id, its 1-based list number, or an unambiguous id prefix
        of at least 3 characters (a number that is no list number is tried as a prefix)."""
        if self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (ref,)).fetchone():
            return ref
        if ref.isdigit() and 1 <= int(ref) <= 10**7:
            row = self.conn.execute("SELECT id FROM documents ORDER BY position LIMIT 1 "
                                    "OFFSET ?", (int(ref) - 1,)).fetchone()
            if row:
                return row[0]
        rows = self.conn.execute("SELECT id FROM documents WHERE id LIKE ? || '%' LIMIT 2",
                                 (ref,)).fetchall()
        if len(ref) >= 3 and len(rows) == 1:
            return rows[0][0]
        raise self._no_document(ref)

    def _no_document(self, ref: str) -> NotFoundError:
        return NotFoundError("document", ref, self.location)

    def set_review_status(self, doc_id: str, status: str) -> None:
        _check_status(status, REVIEW_STATUSES)
        with self.transaction():
            cur = self.conn.execute("UPDATE documents SET review_status = ? WHERE id = ?",
                                    (status, doc_id))
            if cur.rowcount != 1:
                raise self._no_document(doc_id)

    def set_status(self, doc_id: str, status: str) -> None:
        _check_status(status, STATUSES)
        with self.transaction():
            cur = self.conn.execute("UPDATE documents SET status = ?, modified = ? WHERE id = ?",
                                    (status, now(), doc_id))
            if cur.rowcount != 1:
                raise self._no_document(doc_id)


def _check_status(status: str, known: tuple[str, ...]) -> None:
    if status not in known:
        raise ValueError(f"{status!r} is not a status ({', '.join(known)})")


def document_row(doc: Document, position: int) -> dict:
    """A document as its row in the ``documents`` table (column: value)."""
    row = dict(doc.__dict__)
    for key in DOC_JSON:
        row[key] = dumps(list(row[key]) if key != "metadata" else row[key])
    row.update(position=position, length=len(doc.text), created=now())
    return row


def _summary(r) -> DocumentSummary:
    return DocumentSummary.of_row((*r[:5], _languages(r[5]), *r[6:]))


@lru_cache(maxsize=8)
def _parsed_tagset(stored: str) -> Tagset:
    """The stored tagset, validated once per distinct text (a :class:`Tagset` is frozen;
    validating the schema costs ~35 ms, and opening a project asks for it twice)."""
    return load_tagset_dict(json.loads(stored), "project tagset")


@lru_cache(maxsize=256)
def _languages(stored: str) -> tuple[str, ...]:
    """A ``languages`` column parsed (a project has a handful of distinct values)."""
    return tuple(json.loads(stored))


def _document_of(names: list[str], row: tuple) -> Document:
    """A document from its stored row (``names``: the columns)."""
    data = dict(zip(names, row, strict=True))
    for key in DOC_JSON:
        data[key] = json.loads(data[key])
    data["languages"] = tuple(data["languages"])
    data["cleaning"] = tuple(data["cleaning"])
    if data["original"] == REBUILT:  # a file's: the text and the log rebuild it
        data["original"] = rebuilt_original(data["text"], data["cleaning"])
    fields = Document.__dataclass_fields__
    return Document(**{k: v for k, v in data.items() if k in fields})
