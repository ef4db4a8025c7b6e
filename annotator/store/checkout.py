"""A project file checked out of a team project (:mod:`annotator.sync`): where it came
from, who took it, and each span's ``modified`` stamp at the checkout or the last push."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.store.base import StoreBase


class CheckoutMixin(StoreBase):
    def checkout_info(self) -> dict | None:
        """``{"from": URL, "user": role, "role": …, "at": time[, "pushed": time]}``, or
        None for a file that was never checked out."""
        return self.meta("checkout")

    def checkout_base(self) -> dict[str, str]:
        """Span id -> its ``modified`` stamp as the server had it."""
        return dict(self.conn.execute("SELECT id, modified FROM checkout_base WHERE "
                                      "kind = 'span'"))

    def checkout_workflow_base(self) -> dict[tuple[str, str], str]:
        """``(kind, key) -> stamp`` of the workflow's rows as the server had them
        (:func:`annotator.sync_workflow.base_rows`)."""
        return {(kind, key.removeprefix(f"{kind}:")): stamp for kind, key, stamp in
                self.conn.execute("SELECT kind, id, modified FROM checkout_base WHERE "
                                  "kind != 'span'")}

    def set_checkout(self, info: dict, base: list[tuple[str, str, str]],
                     workflow: Sequence[tuple[str, str, str, str]] = ()) -> None:
        """Record (or move, after a push) the checkout: ``base`` is ``(id, doc_id,
        modified)`` of every span the server now has as this file has it, ``workflow``
        ``(kind, key, doc_id, stamp)`` of the workflow's rows."""
        with self.transaction():
            self._set_meta("checkout", info)
            self.conn.execute("DELETE FROM checkout_base")
            self.conn.executemany("INSERT INTO checkout_base(id, doc_id, modified) VALUES "
                                  "(?, ?, ?)", base)
            self.conn.executemany("INSERT INTO checkout_base(kind, id, doc_id, modified) "
                                  "VALUES (?, ?, ?, ?)",
                                  [(k, f"{k}:{key}", doc, stamp)
                                   for k, key, doc, stamp in workflow])
