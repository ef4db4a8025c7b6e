"""Finding text the way a reader of Chinese means it: 恐怖主義 finds 恐怖主义 and back."""

from __future__ import annotations

from annotator import zh


def searchable(text: str) -> str:
    """``text`` folded for matching: traditional to simplified, one character for one, and
    case-folded where that keeps the length, so offsets stay those of ``text``."""
    folded = zh.fold(text)
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else folded


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
