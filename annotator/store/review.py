"""Review decisions, and whole datasets (for exports) read from the project file."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from annotator.core.dataset import Dataset, DocumentData, ReviewDecision
from annotator.store.annotations import AnnotationsMixin
from annotator.store.base import dumps
from annotator.store.documents import DocumentsMixin

DECISION_COLUMNS = "id, doc_id, reviewer, decision, targets, result_id, note, created"


class ReviewMixin(AnnotationsMixin, DocumentsMixin):
    def decisions(self, doc_id: str) -> list[ReviewDecision]:
        rows = self.conn.execute(f"SELECT {DECISION_COLUMNS} FROM review_decisions "
                                 "WHERE doc_id = ? ORDER BY created, id", (doc_id,))
        return [ReviewDecision(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), r[5], r[6],
                               r[7]) for r in rows]

    def insert_decisions(self, decisions: Iterable[ReviewDecision]) -> None:
        with self.transaction():
            self.conn.executemany(
                f"INSERT INTO review_decisions({DECISION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(d.id, d.doc_id, d.reviewer, d.decision, dumps(list(d.targets)), d.result_id,
                  d.note, d.created) for d in decisions])

    def document_data(self, doc_id: str) -> DocumentData:
        return DocumentData(self.document(doc_id), tuple(self.annotations(doc_id)),
                            tuple(self.decisions(doc_id)))

    def dataset(self, doc_ids: Iterable[str] | None = None) -> Dataset:
        """The project as a :class:`Dataset`; documents are read one at a time as the
        export consumes them, so memory stays flat on large corpora."""
        tagset = self.tagset()
        if tagset is None:
            raise ValueError("the project has no tagset")
        ids = list(doc_ids) if doc_ids is not None else [d.id for d in self.documents()]
        return Dataset(tagset, tuple(self.annotators()), self._stream(ids))

    def _stream(self, ids: list[str]) -> Iterator[DocumentData]:
        for doc_id in ids:
            yield self.document_data(doc_id)
