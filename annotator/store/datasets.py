"""Whole datasets (for exports and merges) read from the project file, streamed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from annotator.core.dataset import Dataset, DocumentData
from annotator.core.errors import ProjectError
from annotator.store.annotations import AnnotationsMixin
from annotator.store.documents import DocumentsMixin


class DatasetsMixin(AnnotationsMixin, DocumentsMixin):
    def document_data(self, doc_id: str) -> DocumentData:
        return DocumentData(self.document(doc_id), tuple(self.annotations(doc_id)),
                            tuple(self.decisions(doc_id)))

    def dataset(self, doc_ids: Iterable[str] | None = None) -> Dataset:
        """The project as a :class:`Dataset`; documents are read one at a time as the
        export consumes them, so memory stays flat on large corpora."""
        tagset = self.tagset()
        if tagset is None:
            raise ProjectError(f"{self.location}: the project has no tagset; load "
                               f"one with `annotator tagset {self.location} --load FILE`")
        ids = list(doc_ids) if doc_ids is not None else [d.id for d in self.documents()]
        return Dataset(tagset, tuple(self.annotators()), self._stream(ids))

    def _stream(self, ids: list[str]) -> Iterator[DocumentData]:
        for doc_id in ids:
            yield self.document_data(doc_id)
