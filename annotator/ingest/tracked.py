"""Text that remembers where every character came from.

Cleaning rules edit a :class:`TrackedText`; every edit is kept as a tombstone (what was
removed, by which rule and why) or as an insertion, in order. At the end
:meth:`TrackedText.log` lists the edits with their positions in the original and in the
canonical text, and :func:`restore` rebuilds the original from the canonical text and the
log alone, so nothing a rule removes is ever lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

KEPT, REMOVED, INSERTED = "kept", "removed", "inserted"


@dataclass(frozen=True)
class Edit:
    """Replace current text ``[start, end)`` with ``replacement``; ``reason`` is for the log."""

    start: int
    end: int
    replacement: str
    reason: str


@dataclass
class _Piece:
    kind: str
    text: str
    orig: int = -1  # offset in the original text (kept/removed pieces)
    rule: str = ""
    reason: str = ""


@dataclass(frozen=True)
class LogEntry:
    """One cleaning step: at canonical offset ``at`` the original ``removed`` text (at
    original offsets ``[orig_start, orig_end)``) was replaced by ``inserted``."""

    rule: str
    reason: str
    orig_start: int
    orig_end: int
    removed: str
    at: int
    inserted: str

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "reason": self.reason,
            "orig_start": self.orig_start,
            "orig_end": self.orig_end,
            "removed": self.removed,
            "at": self.at,
            "inserted": self.inserted,
        }

    @classmethod
    def from_dict(cls, d: dict) -> LogEntry:
        return cls(**{k: d[k] for k in cls.__dataclass_fields__})


class TrackedText:
    def __init__(self, original: str):
        self.original = original
        self._pieces = [_Piece(KEPT, original, 0)] if original else []
        self.text = original

    def apply(self, rule: str, edits: Iterable[Edit]) -> int:
        """Apply non-overlapping edits (in current-text offsets); returns how many applied."""
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        if not ordered:
            return 0
        _check_disjoint(ordered, len(self.text))
        out: list[_Piece] = []
        pos, k = 0, 0
        for piece in self._pieces:
            if piece.kind == REMOVED:
                out.append(piece)
                continue
            k = self._cut(piece, pos, ordered, k, out, rule)
            pos += len(piece.text)
        for edit in ordered[k:]:  # insertions at the very end of the text
            out.append(_Piece(INSERTED, edit.replacement, rule=rule, reason=edit.reason))
        self._pieces = _merge(out)
        self.text = "".join(p.text for p in self._pieces if p.kind != REMOVED)
        return len(ordered)

    @staticmethod
    def _cut(piece: _Piece, pos: int, edits: list[Edit], k: int, out: list[_Piece],
             rule: str) -> int:
        """Emit one piece cut by the edits that touch it; returns the next pending edit."""
        end, cur = pos + len(piece.text), pos
        while True:
            while k < len(edits) and edits[k].start <= cur == edits[k].end:
                if edits[k].replacement:  # an edit is complete: put its replacement in
                    out.append(_Piece(INSERTED, edits[k].replacement, rule=rule,
                                      reason=edits[k].reason))
                k += 1
            if cur >= end:
                return k
            if k < len(edits) and edits[k].start <= cur:
                stop = min(edits[k].end, end)
                if piece.kind == KEPT:
                    gone = _slice(piece, cur - pos, stop - pos)
                    out.append(_Piece(REMOVED, gone.text, gone.orig, rule, edits[k].reason))
            else:
                stop = min(edits[k].start, end) if k < len(edits) else end
                out.append(_slice(piece, cur - pos, stop - pos))
            cur = stop

    def log(self) -> list[LogEntry]:
        """The edits in canonical order, each removal paired with its replacement."""
        entries: list[LogEntry] = []
        at = 0
        orig = 0
        for piece in self._pieces:
            if piece.kind == KEPT:
                at += len(piece.text)
                orig = piece.orig + len(piece.text)
                continue
            last = entries[-1] if entries else None
            if piece.kind == REMOVED:
                orig = piece.orig
                entry = LogEntry(piece.rule, piece.reason, orig, orig + len(piece.text),
                                 piece.text, at, "")
                orig += len(piece.text)
            else:
                entry = LogEntry(piece.rule, piece.reason, orig, orig, "", at, piece.text)
                at += len(piece.text)
            if last and _joinable(last, entry):
                entries[-1] = _join(last, entry)
            else:
                entries.append(entry)
        return entries


def restore(canonical: str, log: Iterable[LogEntry]) -> str:
    """Rebuild the original text from the canonical text and its cleaning log."""
    out: list[str] = []
    cursor = 0
    for entry in log:
        out.append(canonical[cursor:entry.at])
        out.append(entry.removed)
        cursor = entry.at + len(entry.inserted)
    out.append(canonical[cursor:])
    return "".join(out)


def misfit(canonical: str, log: Iterable[LogEntry]) -> int | None:
    """The index of the first entry of ``log`` that cannot have made ``canonical`` (out of
    order, outside the text, its inserted text not there, or its original span not as long
    as what it removed); ``None`` when every entry fits, so :func:`restore` may be used."""
    at = 0
    for i, e in enumerate(log):
        fits = at <= e.at <= len(canonical) and canonical[e.at:e.at + len(e.inserted)] \
            == e.inserted
        if not fits or e.orig_end - e.orig_start != len(e.removed):
            return i
        at = e.at + len(e.inserted)
    return None


def _check_disjoint(edits: list[Edit], length: int) -> None:
    prev_end = -1
    for e in edits:
        if not 0 <= e.start <= e.end <= length:
            raise ValueError(f"edit {e} outside text of length {length}")
        if e.start < prev_end:
            raise ValueError(f"overlapping edits at {e.start}")
        prev_end = e.end


def _slice(piece: _Piece, lo: int, hi: int) -> _Piece:
    orig = piece.orig + lo if piece.kind == KEPT else -1
    return _Piece(piece.kind, piece.text[lo:hi], orig, piece.rule, piece.reason)


def _merge(pieces: list[_Piece]) -> list[_Piece]:
    out: list[_Piece] = []
    for p in pieces:
        if not p.text:
            continue
        last = out[-1] if out else None
        if last and last.kind == p.kind == KEPT and last.orig + len(last.text) == p.orig:
            last.text += p.text
        else:
            out.append(p)
    return out


def _joinable(a: LogEntry, b: LogEntry) -> bool:
    if a.rule != b.rule or a.reason != b.reason:
        return False
    contiguous = a.orig_end == b.orig_start and a.at + len(a.inserted) == b.at
    return contiguous and not (a.inserted and b.removed)


def _join(a: LogEntry, b: LogEntry) -> LogEntry:
    return LogEntry(a.rule, a.reason, a.orig_start, b.orig_end, a.removed + b.removed,
                    a.at, a.inserted + b.inserted)
