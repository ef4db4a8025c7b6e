"""The document list's rows read when first needed: at open only the ids are read (in
project order), and a row's summary with a chunk of its neighbours when the list draws,
filters or sorts it (the list fills the rest while the window is idle). 100,000 summaries
take half a second to read and make; the ids a twentieth of that.

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import overload

from annotator.core.document import DocumentSummary


class LazyRows(Sequence[DocumentSummary]):
    """Rows in project order; ``read(ids)`` gives the summaries of some ids in that order
    (``ProjectStore.summaries``: spans uncounted), given their counts once known
    (:meth:`set_counts`)."""

    CHUNK = 1000

    def __init__(self, ids: list[str], read: Callable[[list[str]], list[DocumentSummary]]):
        self.ids, self._read = ids, read
        self._rows: list[DocumentSummary | None] = [None] * len(ids)
        self._counts: dict[str, int] | None = None  # spans per document, once counted

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, i: int) -> DocumentSummary: ...

    @overload
    def __getitem__(self, i: slice) -> list[DocumentSummary]: ...

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        row = self._rows[i]
        if row is None:
            self._fill(range(len(self.ids))[i])
            row = self._rows[i]
        assert row is not None, f"document {self.ids[i]} is gone"
        return row

    def __setitem__(self, i: int, row: DocumentSummary) -> None:
        self._rows[i] = row

    def set_counts(self, counts: dict[str, int]) -> None:
        """The span counts of the rows listed uncounted (a document not in ``counts`` has
        none): of the rows read, now; of the others, when they are read."""
        self._counts = counts
        rows = self._rows
        for k in (k for k, r in enumerate(rows) if r is not None and r.annotations < 0):
            rows[k] = self._counted(rows[k])

    def _counted(self, row: DocumentSummary | None) -> DocumentSummary | None:
        if row is None or row.annotations >= 0 or self._counts is None:
            return row
        return replace(row, annotations=self._counts.get(row.id, 0))

    def __iter__(self) -> Iterator[DocumentSummary]:
        return (self[i] for i in range(len(self.ids)))

    def _fill(self, i: int) -> None:
        """Read the chunk of row ``i`` (rows set meanwhile are kept)."""
        first = i - i % self.CHUNK
        found = {r.id: r for r in self._read(self.ids[first:first + self.CHUNK])}
        for k in range(first, min(first + self.CHUNK, len(self.ids))):
            if self._rows[k] is None:
                self._rows[k] = self._counted(found.get(self.ids[k]))
