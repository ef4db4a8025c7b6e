"""Choosing what to export (annotators, review status, tag groups, documents) and splitting
documents into train/dev/test sets.

:func:`select` is lazy: it returns a :class:`Dataset` whose ``documents`` is a generator over
the source, so a streamed export stays streamed. :func:`split` is by document (spans of one
document never land in two sets) and reproducible: a document's place depends only on the
seed and its id, not on the order of the list.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from operator import itemgetter

from annotator.core.dataset import (
    Dataset,
    DocumentData,
    ReviewDecision,
    accepted_ids,
    gold_ids,
    joined,
    own_spans,
)
from annotator.formats.jsonline import row_annotations

STATUSES = ("all", "accepted", "gold")
_ROW_ID = itemgetter(0)
SPLIT_NAMES = {1: ("train",), 2: ("train", "test"), 3: ("train", "dev", "test")}


def _keep_rows(data: DocumentData) -> DocumentData:
    """Every span (as export rows): the decisions and relations that name only them."""
    if not data.decisions and not data.relations:  # nothing to test against the spans
        return data
    ids = set(map(_ROW_ID, data.span_rows or ()))
    return replace(data, decisions=resolved(data.decisions, ids),
                   relations=joined(data.relations, ids))


def _keep(data: DocumentData, annotators: set[str] | None, status: str,
          groups: set[str] | None) -> DocumentData:
    if data.span_rows is not None and (annotators, status, groups) == (None, "all", None):
        return _keep_rows(data)
    if data.span_rows is not None:  # spans to test one by one: as annotations
        data = replace(data, annotations=tuple(row_annotations(data.span_rows)),
                       span_rows=None)
    allowed = None
    if status == "gold":
        allowed = gold_ids(data.decisions)
    elif status == "accepted":
        allowed = accepted_ids(data.decisions)
    if annotators is None and allowed is None and groups is None:
        spans = tuple(data.annotations)  # every span: nothing to test one by one
    else:
        spans = tuple(a for a in (data.annotations if annotators is None else
                                  own_spans(data.annotations, data.decisions, annotators))
                      if (allowed is None or a.id in allowed)
                      and (groups is None or a.tag.split(".", 1)[0] in groups))
    # the chosen annotators' statuses and assignments; threads stay (each says where it
    # is in the text, whether its span is exported or not)
    ids = {a.id for a in spans}
    return replace(data, annotations=spans, decisions=resolved(data.decisions, ids),
                   relations=joined(data.relations, ids),
                   statuses=tuple(s for s in data.statuses
                                  if annotators is None or s.annotator in annotators),
                   assignments=tuple(a for a in data.assignments
                                     if annotators is None or a.annotator in annotators))


def resolved(decisions: Iterable[ReviewDecision], ids: set[str]) -> tuple[ReviewDecision, ...]:
    """The decisions whose every target and result is one of ``ids`` (the spans exported
    with them): a file never carries a decision about spans it does not hold."""
    return tuple(d for d in decisions if all(t in ids for t in d.targets)
                 and (d.result_id is None or d.result_id in ids))


def select(ds: Dataset, annotators: set[str] | None = None, status: str = "all",
           groups: set[str] | None = None, doc_ids: set[str] | None = None) -> Dataset:
    """The part of ``ds`` to export. ``None`` means no filter. ``annotators``: their own
    layers (:func:`~annotator.core.dataset.own_spans`: not the gold a reviewer's decisions
    made under her id). ``status``: ``"all"`` annotations, those a reviewer ``"accepted"``
    (:func:`accepted_ids`), or the ``"gold"`` layer (:func:`gold_ids`), which is nobody's
    own layer: with ``annotators`` it holds nothing. Documents stay (with no spans left, if
    so) unless ``doc_ids`` leaves them out; a review decision stays when every span it names
    (its targets and its result) stays (:func:`resolved`), a relation when both its spans
    stay (:func:`~annotator.core.dataset.joined`)."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")

    def documents() -> Iterator[DocumentData]:
        for data in ds.documents:
            if doc_ids is None or data.document.id in doc_ids:
                yield _keep(data, annotators, status, groups)

    return replace(ds, documents=documents())


def parse_ratios(ratios: str | Sequence[int]) -> tuple[int, ...]:
    """``"80/10/10"`` (or ``80,10,10``) or a sequence of 1–3 non-negative integers that sum
    to 100."""
    if isinstance(ratios, str):
        parts = [p for p in re.split(r"[/,:\s]+", ratios.strip()) if p]
        if not parts or not all(p.isdigit() for p in parts):
            raise ValueError(f"ratios must look like 80/10/10, not {ratios!r}")
        values = tuple(int(p) for p in parts)
    else:
        values = tuple(ratios)
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            raise ValueError(f"ratios must be integers, not {ratios!r}")
    if not 1 <= len(values) <= 3 or any(v < 0 for v in values):
        raise ValueError(f"give 1 to 3 non-negative ratios (train/dev/test), not {ratios!r}")
    if sum(values) != 100:
        raise ValueError(f"ratios must sum to 100, not {sum(values)} ({ratios!r})")
    return values


def _counts(n: int, ratios: tuple[int, ...]) -> list[int]:
    """Largest remainder: sizes that sum to ``n``, each as close to its share as can be."""
    exact = [n * r / 100 for r in ratios]
    counts = [int(x) for x in exact]
    order = sorted(range(len(ratios)), key=lambda i: (counts[i] - exact[i], i))
    for i in order[:n - sum(counts)]:
        counts[i] += 1
    return counts


def split(doc_ids: Iterable[str], ratios: str | Sequence[int] = (80, 10, 10),
          seed: int = 0) -> dict[str, list[str]]:
    """Split document ids into ``train``/``dev``/``test`` (``train``/``test`` for two ratios,
    ``train`` alone for ``100``). The same ids and seed always give the same split, whatever
    their order: ids are ordered by SHA-256 of ``seed`` and id, then cut by the ratios
    (largest remainder)."""
    values = parse_ratios(ratios)
    ids = sorted(set(doc_ids))
    ids.sort(key=lambda i: hashlib.sha256(f"{seed}\x00{i}".encode()).hexdigest())
    out: dict[str, list[str]] = {}
    pos = 0
    for name, count in zip(SPLIT_NAMES[len(values)], _counts(len(ids), values), strict=True):
        out[name] = ids[pos:pos + count]
        pos += count
    return out
