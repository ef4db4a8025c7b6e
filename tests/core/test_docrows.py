"""The document list's lazily read rows against the plain list of every summary."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.docrows import LazyRows
from annotator.core.document import DocumentSummary


def summary(i: int) -> DocumentSummary:
    return DocumentSummary(f"d{i}", f"doc {i}", None, None, "zh-Hans", (), "todo",
                           "not_reviewed", -1, 10 + i, i)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 35), st.lists(st.integers(-40, 40), max_size=20),
       st.integers(1, 8))
def test_rows_read_in_chunks_are_the_plain_rows(n, asked, chunk):
    plain = [summary(i) for i in range(n)]
    reads: list[list[str]] = []

    def read(ids: list[str]) -> list[DocumentSummary]:
        reads.append(ids)
        return [plain[int(i[1:])] for i in reversed(ids)]  # any order: placed by id

    rows = LazyRows([r.id for r in plain], read)
    rows.CHUNK = chunk
    for i in asked:
        if -n <= i < n:
            assert rows[i] == plain[i]
    assert all(len(r) <= chunk for r in reads)
    if n:
        rows[0] = replace(plain[0], annotations=3)  # a row set is kept when its chunk comes
        plain[0] = rows[0]
    assert list(rows) == plain and rows[1:5] == plain[1:5] and len(rows) == n
    read_ids = [i for ids in reads for i in ids]
    assert len(read_ids) == len(set(read_ids)) >= n - 1  # each row read once at most



@settings(max_examples=100, deadline=None)
@given(st.integers(0, 30), st.lists(st.integers(0, 29), max_size=10),
       st.lists(st.integers(0, 29), max_size=10), st.integers(1, 8))
def test_counts_given_before_or_after_a_read_are_the_rows_counts(n, before, after, chunk):
    """The span counts come while some rows are read: those read and those read later
    alike have them (0: a document without spans), and giving them reads no row."""
    plain = [summary(i) for i in range(n)]
    counts = {f"d{i}": i % 4 for i in range(n) if i % 4}
    reads: list[list[str]] = []

    def read(ids: list[str]) -> list[DocumentSummary]:
        reads.append(ids)
        return [plain[int(i[1:])] for i in ids]

    rows = LazyRows([r.id for r in plain], read)
    rows.CHUNK = chunk
    for i in (i for i in before if i < n):
        assert rows[i].annotations == -1
    done = len(reads)
    rows.set_counts(counts)
    assert len(reads) == done
    for i in (i for i in after if i < n):
        assert rows[i].annotations == counts.get(f"d{i}", 0)
    assert list(rows) == [replace(r, annotations=counts.get(r.id, 0)) for r in plain]
