"""Blind annotation (a project setting): until an annotator marks a document done, they
see only their own layer of it — no colleague's spans, no gold, no review decisions — and
their suggestions come from their own work only, so that what they tag is their own
judgement and agreement figures are honest.

Whom it binds: on a document assigned to them, anyone (a reviewer who annotates a
document is its annotator); on any document, a member whose role is ``annotator`` (a team
project's member, or a checkout of one). A reviewer sees everything else, as does the
owner of a project file of their own (who is who there is up to the people sharing it:
assignments say). Once they mark the document done, everything shows.

Applied where spans are shown or read out — the window's editor
(:class:`annotator.core.editor.Editor`), and on the command line, exports, searches and
statistics — by :class:`Blind` and :func:`hide`. Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from annotator.core.dataset import DocumentData
    from annotator.core.store import ProjectStore


class Layered(Protocol):
    @property
    def doc_id(self) -> str: ...

    @property
    def annotator(self) -> str: ...


@dataclass(frozen=True)
class Blind:
    """Who is working (``me``, their ``role``: None for a project file of one's own) and
    what blind annotation hides from them."""

    on: bool
    me: str
    role: str | None = None
    done: frozenset[str] = frozenset()  # documents I marked done
    assigned: frozenset[str] = frozenset()  # documents in my queue

    @property
    def binding(self) -> bool:
        """Blind annotation applies to me somewhere (so my suggestions are my own)."""
        return self.on and (self.role == "annotator" or bool(self.assigned))

    def hides(self, doc_id: str) -> bool:
        """In ``doc_id`` I see only my own layer."""
        return self.on and doc_id not in self.done and (
            self.role == "annotator" or doc_id in self.assigned)

    def sees(self, span: Layered) -> bool:
        return span.annotator == self.me or not self.hides(span.doc_id)


def read(store: ProjectStore, me: str, role: str | None) -> Blind:
    """The blind-annotation state of ``me`` in ``store``."""
    if not store.blind():
        return Blind(False, me, role)
    done = frozenset(s.doc_id for s in store.doc_statuses() if s.annotator == me
                     and s.status == "done")
    assigned = frozenset(a.doc_id for a in store.assignments() if a.annotator == me)
    return Blind(True, me, role, done, assigned)


def of_member(store: ProjectStore) -> Blind | None:
    """What blind annotation hides from whoever the project knows is working on it (a
    team project's login, a checkout's member: what the command line shows them); None
    when the project does not know (a project file of one's own)."""
    who = store.member()
    return read(store, who, store.member_role()) if who else None


def hide(blind: Blind, documents: Iterable[DocumentData]) -> Iterator[DocumentData]:
    """The documents as ``blind`` lets me see them: where it hides the others, only my
    spans, no review decisions (gold is theirs), and no thread on a span I cannot see."""
    for data in documents:
        if not blind.hides(data.document.id):
            yield data
            continue
        spans = tuple(a for a in data.annotations if a.annotator == blind.me)
        ids = {a.id for a in spans}
        threads = tuple(t for t in data.threads if t.span_id is None or t.span_id in ids)
        kept = {t.id for t in threads}
        yield replace(data, annotations=spans, decisions=(), threads=threads,
                      comments=tuple(c for c in data.comments if c.thread_id in kept))
