"""The journal's write on a team project: an edit is a few statements in one transaction,
and on a server each is a round trip (a millisecond or more when the server is busy), so the
redo history is dropped and the new entry written in one statement, sent with the
transaction's ``COMMIT`` (:meth:`PgStoreBase._write`)."""

from __future__ import annotations

from annotator.core.annotation import now
from annotator.core.commands import Command
from annotator.store.pg.base import PgStoreBase


class PgJournalMixin(PgStoreBase):
    def _journal(self, command: Command, annotator: str) -> None:
        self._write(
            "WITH redo AS (DELETE FROM journal WHERE annotator = ? AND undone = 1) "
            "INSERT INTO journal(annotator, doc_id, kind, payload, created) "
            "VALUES (?, ?, ?, ?, ?)",
            [(annotator, annotator, command.doc_id, command.kind, command.to_json(), now())])
