"""Who is where in a team project, and who is reviewing which document.

A window announces the document it has open (:meth:`PresenceMixin.here`) and repeats it
every 30 s; colleagues' windows list who is on each document (:meth:`present`). A row not
repeated for two minutes — a window closed without saying so, or crashed, or its machine
went away — is ignored and deleted by the next heartbeat of anyone.

Changing a document's gold layer (a review decision, or undoing one) takes its *review
lock* in the same transaction: a row naming the reviewer, kept fresh by the same
heartbeat. A second reviewer's change is refused in one line naming the holder
(:class:`ReviewLocked`), and the server's row-level security refuses it too, whatever
program sends it. A lock not kept fresh for two minutes is free to take: a crashed window
never holds one for long. Times are the server's (``now()``), so members' clocks do not
matter. Readers (read-only) announce nothing.
"""

from __future__ import annotations

import datetime as dt

from annotator.core.commands import Command
from annotator.core.errors import NotAllowed
from annotator.store.pg.base import PgStoreBase
from annotator.store.pg.workflow_schema import STALE

#: how often a window repeats where it is (a row is stale after two minutes)
HEARTBEAT_S = 30


class ReviewLocked(NotAllowed):
    """Another reviewer holds the document's review lock."""


def _clock(when: dt.datetime) -> str:
    return when.astimezone().strftime("%H:%M")


class PresenceMixin(PgStoreBase):
    def here(self, doc_id: str) -> None:
        """I have ``doc_id`` open (again): my heartbeat there and on my review locks;
        stale rows of anyone are cleared."""
        if self.read_only:
            return
        with self.transaction():
            self.conn.execute(f"DELETE FROM presence WHERE seen < now() - {STALE}")
            self.conn.execute("INSERT INTO presence(member, doc_id) VALUES (current_user, ?) "
                              "ON CONFLICT(member, doc_id) DO UPDATE SET seen = now()",
                              (doc_id,))
            if self.role in ("reviewer", "owner"):
                self.conn.execute("UPDATE gold_locks SET seen = now() WHERE holder = "
                                  "current_user")

    def leave(self, doc_id: str) -> None:
        """I closed ``doc_id`` (or the window): gone from its list, its review lock free."""
        if self.read_only or self.conn.broken:
            return
        with self.transaction():
            self.conn.execute("DELETE FROM presence WHERE member = current_user AND "
                              "doc_id = ?", (doc_id,))
            if self.role in ("reviewer", "owner"):
                self.conn.execute("DELETE FROM gold_locks WHERE holder = current_user AND "
                                  "doc_id = ?", (doc_id,))

    def present(self) -> dict[str, list[str]]:
        """Who has each document open now (rows fresher than two minutes), by name."""
        out: dict[str, list[str]] = {}
        for doc_id, member in self.conn.execute(
                f"SELECT doc_id, member FROM presence WHERE seen >= now() - {STALE} "
                "ORDER BY doc_id, member"):
            out.setdefault(doc_id, []).append(member)
        return out

    def review_holder(self, doc_id: str) -> tuple[str, str] | None:
        """``(reviewer, since HH:MM)`` of another reviewer's fresh review lock on the
        document, or None."""
        row = self.conn.execute(f"SELECT holder, taken FROM gold_locks WHERE doc_id = ? AND "
                                f"holder <> current_user AND seen >= now() - {STALE}",
                                (doc_id,)).fetchone()
        return (row[0], _clock(row[1])) if row else None

    def _review_lock(self, command: Command) -> None:
        """Take (or keep) the review lock of every document whose decisions change (a
        member who may not review is refused by the server when the decision is stored).
        Two reviewers taking one at the same moment: one insert wins, the other is told."""
        if self.role not in ("reviewer", "owner"):
            return
        for doc_id in sorted({d.doc_id for d in command.decisions_before
                              + command.decisions_after}):
            held = self._holder(doc_id)
            if held is None:
                taken = self.conn.execute("INSERT INTO gold_locks(doc_id, holder) VALUES (?, "
                                          "current_user) ON CONFLICT(doc_id) DO NOTHING "
                                          "RETURNING holder", (doc_id,)).fetchone()
            elif held[0] == self.user or held[2]:
                taken = self.conn.execute(
                    "UPDATE gold_locks SET holder = current_user, seen = now(), taken = CASE "
                    "WHEN holder = current_user THEN taken ELSE now() END WHERE doc_id = ? "
                    f"AND (holder = current_user OR seen < now() - {STALE}) RETURNING holder",
                    (doc_id,)).fetchone()
            else:
                taken = None
            if taken is None:
                holder = self._holder(doc_id) or held or ("another reviewer", None, False)
                since = f" (since {_clock(holder[1])})" if holder[1] else ""
                raise ReviewLocked(
                    f"{self.location}: {holder[0]} is reviewing document {doc_id}{since}; "
                    f"your {command.label or command.kind} was not stored: try again once "
                    "they have left it")

    def _holder(self, doc_id: str) -> tuple | None:
        """``(holder, taken, stale)`` of the document's review lock, or None."""
        return self.conn.execute(f"SELECT holder, taken, seen < now() - {STALE} FROM "
                                 "gold_locks WHERE doc_id = ?", (doc_id,)).fetchone()
