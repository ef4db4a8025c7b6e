"""Review decisions in the project file."""

from __future__ import annotations

import json
from collections.abc import Iterable

from annotator.core.commands import Command
from annotator.core.dataset import ReviewDecision
from annotator.core.errors import ConflictError
from annotator.store.common import StoreCommon, dumps

COLUMNS = "id, doc_id, reviewer, decision, targets, result_id, note, created"


def decision_of(r) -> ReviewDecision:
    return ReviewDecision(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), r[5], r[6], r[7])


def _row(d: ReviewDecision) -> tuple:
    return (d.id, d.doc_id, d.reviewer, d.decision, dumps(list(d.targets)), d.result_id,
            d.note, d.created)


class DecisionsMixin(StoreCommon):
    def decisions(self, doc_id: str) -> list[ReviewDecision]:
        return self._decisions_of([doc_id]).get(doc_id, [])

    def _decisions_of(self, doc_ids: list[str]) -> dict[str, list[ReviewDecision]]:
        """The decisions of some documents (an export's chunk), by document, each by time
        and id: one query."""
        rows = self.conn.execute(f"SELECT {COLUMNS} FROM review_decisions WHERE doc_id IN "
                                 f"({', '.join('?' * len(doc_ids))}) ORDER BY created, id",
                                 doc_ids)
        found: dict[str, list[ReviewDecision]] = {}
        for r in rows:
            found.setdefault(r[1], []).append(decision_of(r))
        return found

    def decisions_by_id(self, ids: list[str]) -> list[ReviewDecision]:
        if not ids:
            return []
        rows = self.conn.execute(f"SELECT {COLUMNS} FROM review_decisions WHERE id IN "
                                 f"({', '.join('?' * len(ids))})", ids)
        return [decision_of(r) for r in rows]

    def insert_decisions(self, decisions: Iterable[ReviewDecision]) -> None:
        with self.transaction():
            self.conn.executemany(f"INSERT INTO review_decisions({COLUMNS}) VALUES "
                                  "(?, ?, ?, ?, ?, ?, ?, ?)", [_row(d) for d in decisions])

    def _apply_decisions(self, command: Command) -> None:
        """The decision half of a command (adjudication); same rule as for annotations."""
        current = {d.id: d for d in self.decisions_by_id([d.id for d in command.decisions_before])}
        if current != {d.id: d for d in command.decisions_before}:
            raise ConflictError("the review decisions changed since this edit was made "
                                f"({command.label or command.kind})")
        self._write("DELETE FROM review_decisions WHERE id = ?",
                    [(i,) for i in command.removed_decision_ids])
        self._write(
            f"INSERT INTO review_decisions({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET decision = excluded.decision, targets = "
            "excluded.targets, result_id = excluded.result_id, note = excluded.note",
            [_row(d) for d in command.decisions_after])
