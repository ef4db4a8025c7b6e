"""Finding text the way a reader of Chinese means it: 恐怖主義 finds 恐怖主义 and back."""

from __future__ import annotations

from annotator import zh


def searchable(text: str) -> str:
    """``text`` folded for matching: traditional to simplified, one character for one, and
    case-folded where that keeps the length, so offsets stay those of ``text``."""
    folded = zh.fold(text)
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else folded


def searchable_all(texts: list[str]) -> list[str]:
    """``[searchable(t) for t in texts]``, folded and lowered as one text: a folding is a
    translate and a lowering, so many short texts (the spans of a project) cost two calls,
    not two per text. Both work character by character (the one context a lowering looks
    at, a final sigma, ends at the NUL between two texts), and a lowering never shortens
    a text: when the whole keeps its length every text does. Otherwise, or when a text
    holds a NUL, text by text."""
    joined = "\0".join(texts)
    if len(texts) < 2 or joined.count("\0") != len(texts) - 1:
        return [searchable(t) for t in texts]
    folded = zh.fold(joined)
    lowered = folded.lower()
    if len(lowered) != len(folded):
        return [searchable(t) for t in texts]
    return lowered.split("\0")


def find_all(text: str, query: str, folded: str | None = None) -> list[tuple[int, int]]:
    """Code-point ranges of ``query`` in ``text``; pass ``folded`` (from
    :func:`searchable`) to search the same long text many times."""
    query = query.strip()
    if not query:
        return []
    hay = folded if folded is not None else searchable(text)
    needle = searchable(query)
    out, i = [], hay.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = hay.find(needle, i + len(needle))
    return out
