"""The team's state as the document list shows it: each annotator's status per document
(the list shows mine), who is assigned what (my queue comes first), open threads, who else
has a document open (team projects), and what blind annotation hides from me.

:func:`read` reads it all (a handful of queries, whatever the corpus size);
:meth:`Board.reread` reads again what a colleague's commit changed. Pure Python: no Qt, no
SQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.core import blind as blindness
from annotator.core.store import ProjectStore, as_team


@dataclass
class Board:
    me: str
    role: str | None
    statuses: dict[str, dict[str, str]] = field(default_factory=dict)  # doc -> who -> status
    assigned: dict[str, list[str]] = field(default_factory=dict)  # doc -> annotators
    threads: dict[str, int] = field(default_factory=dict)  # doc -> open threads
    present: dict[str, list[str]] = field(default_factory=dict)  # doc -> others there
    blind: blindness.Blind = field(default_factory=lambda: blindness.Blind(False, ""))
    my_spans: dict[str, int] = field(default_factory=dict)  # while blind: doc -> my spans

    def status(self, doc_id: str) -> str:
        """My status on the document."""
        return self.statuses.get(doc_id, {}).get(self.me, "todo")

    def mine(self, doc_id: str) -> bool:
        """The document is in my queue."""
        return self.me in self.assigned.get(doc_id, ())

    def queue(self, order: Iterable[str]) -> list[str]:
        """My documents, in ``order``."""
        mine = {d for d, who in self.assigned.items() if self.me in who}
        return [d for d in order if d in mine] if mine else []

    def people(self, doc_id: str) -> list[tuple[str, str]]:
        """``(annotator, status)`` of those assigned the document and those who set a
        status on it, assigned first."""
        mine = self.statuses.get(doc_id, {})
        names = list(dict.fromkeys([*self.assigned.get(doc_id, ()), *sorted(mine)]))
        return [(n, mine.get(n, "todo")) for n in names]

    def spans(self, doc_id: str, total: int) -> int:
        """The span count to show: while blind annotation hides a document, mine."""
        return self.my_spans.get(doc_id, 0) if self.blind.hides(doc_id) else total

    def reread(self, store: ProjectStore, doc_ids: Iterable[str]) -> set[str] | None:
        """Read the team's state of some documents again (a colleague committed); the
        documents whose list rows may show something else now (None: any of them, as
        when blind annotation hides spans)."""
        doc_ids, before = set(doc_ids), self.blind
        for doc_id in doc_ids:
            self.statuses[doc_id] = {s.annotator: s.status for s in store.doc_statuses(doc_id)}
            self.assigned[doc_id] = [a.annotator for a in store.assignments(doc_id)]
            self.threads[doc_id] = sum(1 for t in store.threads(doc_id) if t.open)
        self.blind = blindness.read(store, self.me, self.role)
        if self.blind.binding:
            self.my_spans = store.span_counts(self.me)
        moved = self.reread_presence(store)
        return None if self.blind != before or self.blind.binding else doc_ids | moved

    def reread_presence(self, store: ProjectStore) -> set[str]:
        """Who is where, again (team projects); the documents whose list changed."""
        if store.kind != "team":
            return set()
        fresh = {doc: [m for m in members if m != self.me]
                 for doc, members in as_team(store).present().items()}
        fresh = {doc: members for doc, members in fresh.items() if members}
        changed = {d for d in fresh.keys() | self.present.keys()
                   if fresh.get(d) != self.present.get(d)}
        self.present = fresh
        return changed


def read(store: ProjectStore, me: str, role: str | None) -> Board:
    board = Board(me, role)
    for s in store.doc_statuses():
        board.statuses.setdefault(s.doc_id, {})[s.annotator] = s.status
    for a in store.assignments():
        board.assigned.setdefault(a.doc_id, []).append(a.annotator)
    board.threads = store.open_threads()
    board.blind = blindness.read(store, me, role)
    if board.blind.binding:
        board.my_spans = store.span_counts(me)
    board.reread_presence(store)
    return board
