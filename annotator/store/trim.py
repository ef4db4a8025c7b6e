"""Schema 5: no stored span starts or ends on whitespace or a line break.

Spans imported or resized by an older annotator could; the upgrade trims each with
:func:`annotator.core.commands.trim_space` and deletes the ones that held only whitespace.
The undo journal is changed alike (the same trim applied to the annotations inside every
command's payload, a deleted span left out of them), so undo and redo of old commands still
find the rows they expect and the annotations remain a replay of the journal. Review
decisions lose their references to deleted spans (in the table and in the journal alike).
A span outside its text (damage, for ``annotator check`` to report) is left as it is. What
was done is recorded in ``meta`` (:data:`META_KEY`) and returned as a note for the user.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from functools import lru_cache

from annotator.core.annotation import now
from annotator.core.commands import trim_space

META_KEY = "upgrade_v5_trimmed_spans"

#: a span's new range, or None when it is deleted
Change = tuple[int, int] | None
Texts = Callable[[str], str | None]


def trimmed(text: str | None, start: int, end: int) -> Change:
    """The span's range trimmed (the same range when there is nothing to trim, or when it
    lies outside its text), or None when it holds only whitespace (it is deleted)."""
    if text is None or not 0 <= start < end <= len(text):
        return start, end
    new = trim_space(text, start, end)
    return new if new[0] < new[1] else None


def trim_spans(conn: sqlite3.Connection) -> str | None:
    """The migration: trim the stored spans and the journal; the user's note, if any."""
    texts = _texts(conn)
    changes = _table_changes(conn, texts)
    removed = {span for span, change in changes.items() if change is None}
    conn.executemany("UPDATE annotations SET start = ?, end = ? WHERE id = ?",
                     [(*c, span) for span, c in changes.items() if c is not None])
    conn.executemany("DELETE FROM annotations WHERE id = ?", [(span,) for span in removed])
    decisions = _decision_changes(conn, removed)
    conn.executemany("UPDATE review_decisions SET targets = ?, result_id = ? WHERE id = ?",
                     decisions)
    entries = _journal_changes(conn, texts, removed)
    conn.executemany("UPDATE journal SET payload = ? WHERE seq = ?", entries)
    record = {"trimmed": len(changes) - len(removed), "removed": len(removed),
              "decisions": len(decisions), "journal_entries": len(entries), "at": now()}
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                 "SET value = excluded.value", (META_KEY, json.dumps(record)))
    return note(record)


def note(record: dict) -> str | None:
    """The line telling the user what the upgrade changed (None: nothing)."""
    if not record.get("trimmed") and not record.get("removed"):
        return None
    return (f"the upgrade to schema 5 ({str(record.get('at', ''))[:10]}) trimmed whitespace "
            f"and line breaks from the ends of {record['trimmed']} span(s) and deleted "
            f"{record['removed']} that held nothing else; their undo history was adjusted "
            "alike")


def _texts(conn: sqlite3.Connection) -> Texts:
    @lru_cache(maxsize=64)
    def text(doc_id: str) -> str | None:
        row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    return text


def _table_changes(conn: sqlite3.Connection, texts: Texts) -> dict[str, Change]:
    """Spans to change, read in the table's order (by document: one text at a time)."""
    changes: dict[str, Change] = {}
    for doc_id, span, start, end in conn.execute(
            "SELECT doc_id, id, start, end FROM annotations ORDER BY doc_id"):
        change = trimmed(texts(doc_id), start, end)
        if change != (start, end):
            changes[span] = change
    return changes


def _decision_changes(conn: sqlite3.Connection, removed: set[str]) -> list[tuple]:
    """``(targets, result_id, id)`` of the decisions that named a deleted span."""
    if not removed:
        return []
    out = []
    for decision, targets, result in conn.execute(
            "SELECT id, targets, result_id FROM review_decisions"):
        try:
            ids = json.loads(targets)
        except ValueError:
            continue  # unreadable: annotator check reports it
        if not isinstance(ids, list) or not (set(ids) & removed or result in removed):
            continue
        kept = [i for i in ids if i not in removed]
        out.append((json.dumps(kept, ensure_ascii=False, separators=(",", ":")),
                    None if result in removed else result, decision))
    return out


def _journal_changes(conn: sqlite3.Connection, texts: Texts, removed: set[str]
                     ) -> list[tuple[str, int]]:
    """``(payload, seq)`` of the journal entries whose commands change."""
    out = []
    for seq, payload in conn.execute("SELECT seq, payload FROM journal ORDER BY seq"):
        try:
            command = json.loads(payload)
            changed = _trim_command(command, texts, removed)
        except (ValueError, TypeError, KeyError, AttributeError):
            continue  # unreadable: annotator check reports it, undo skips nothing new
        if changed:
            out.append((json.dumps(command, ensure_ascii=False, separators=(",", ":")), seq))
    return out


def _trim_command(command: dict, texts: Texts, removed: set[str]) -> bool:
    """Trim the annotations of a command's payload in place; whether anything changed.
    A version of a span that is only whitespace is left out (as the table holds no such
    version any more); decisions forget the spans deleted from the table (``removed``),
    exactly as the table's decisions did, so both still compare equal on undo."""
    changed = False
    for key in ("before", "after"):
        kept = []
        for span in command[key]:
            change = trimmed(texts(span["doc_id"]), span["start"], span["end"])
            if change is None:
                changed = True
                continue
            if change != (span["start"], span["end"]):
                span["start"], span["end"] = change
                changed = True
            kept.append(span)
        command[key] = kept
    for key in ("decisions_before", "decisions_after"):
        for decision in command.get(key, ()):
            if set(decision["targets"]) & removed or decision.get("result_id") in removed:
                decision["targets"] = [t for t in decision["targets"] if t not in removed]
                if decision.get("result_id") in removed:
                    decision["result_id"] = None
                changed = True
    return changed
