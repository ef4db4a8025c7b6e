"""Whole datasets (for exports and merges) read from the project file, streamed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from annotator.core.dataset import Dataset, DocumentData
from annotator.core.errors import ProjectError
from annotator.store.annotations import AnnotationsMixin
from annotator.store.documents import DocumentsMixin

#: documents read together by an export's stream
_CHUNK = 200


class DatasetsMixin(AnnotationsMixin, DocumentsMixin):
    def document_data(self, doc_id: str) -> DocumentData:
        return DocumentData(self.document(doc_id), tuple(self.annotations(doc_id)),
                            tuple(self.decisions(doc_id)), tuple(self.doc_statuses(doc_id)),
                            tuple(self.assignments(doc_id)), tuple(self.threads(doc_id)),
                            tuple(self.comments(doc_id)), tuple(self.relations(doc_id)))

    def dataset(self, doc_ids: Iterable[str] | None = None, bare: bool = False,
                sources: bool = True) -> Dataset:
        """The project as a :class:`Dataset`; documents are read one at a time as the
        export consumes them, so memory stays flat on large corpora. ``bare``: the spans
        come as export rows (``DocumentData.span_rows``, :meth:`export_spans`), not
        annotations. ``sources=False``: the documents come without their ``raw`` file and
        ``original`` text (None), for readers that use neither (exports, training)."""
        tagset = self.tagset()
        if tagset is None:
            raise ProjectError(f"{self.location}: the project has no tagset; load "
                               f"one with `annotator tagset {self.location} --load FILE`")
        ids = list(doc_ids) if doc_ids is not None else [d.id for d in self.documents()]
        return Dataset(tagset, tuple(self.annotators()), self._stream(ids, bare, sources),
                       tuple(self.guidelines_history()))

    def _stream(self, ids: list[str], bare: bool = False,
                sources: bool = True) -> Iterator[DocumentData]:
        """One document at a time; the workflow's rows (a few per document) are read in
        one query per table first, not four more per document, and the documents, their
        decisions and relations a chunk of :data:`_CHUNK` documents at a time."""
        statuses, assignments = _by_doc(self.doc_statuses()), _by_doc(self.assignments())
        threads, comments = _by_doc(self.threads()), _by_doc(self.comments())
        columns = "*" if sources else self._columns_without_sources()
        for i in range(0, len(ids), _CHUNK):
            part = ids[i:i + _CHUNK]
            docs = self._documents_by_id(part, columns)
            decisions, relations = self._decisions_of(part), self._relations_of(part)
            spans = self.export_spans(part, _CHUNK) if bare else ((d, None) for d in part)
            for doc_id, rows in spans:
                yield DocumentData(docs[doc_id],
                                   tuple(self.annotations(doc_id)) if rows is None else (),
                                   tuple(decisions.get(doc_id, ())), statuses.get(doc_id, ()),
                                   assignments.get(doc_id, ()), threads.get(doc_id, ()),
                                   comments.get(doc_id, ()), tuple(relations.get(doc_id, ())),
                                   None if rows is None else tuple(rows))


def _by_doc(rows: list) -> dict[str, tuple]:
    out: dict[str, list] = {}
    for row in rows:
        out.setdefault(row.doc_id, []).append(row)
    return {doc_id: tuple(found) for doc_id, found in out.items()}
