"""The store contract: what the rest of annotator may ask of an open project.

Two engines keep it — a project file (SQLite, :class:`annotator.store.Store`) and a team
project on a PostgreSQL server (:class:`annotator.store.pg.PgStore`) — and the same tests
run against both. Core, formats, review, statistics and the window type their ``store``
arguments with :class:`ProjectStore` and know nothing else about it, so mypy checks the
boundary: a method used through it must be declared here, and both engines must have it.

Offsets are code points over canonical text; every write is a transaction that is whole
or absent; an edit is a :class:`~annotator.core.commands.Command` applied and journalled in
one transaction (undo and redo walk the journal, per annotator).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, Self

if TYPE_CHECKING:
    from annotator.core.annotation import Annotation, Annotator, Rejection
    from annotator.core.commands import Command
    from annotator.core.dataset import Dataset, DocumentData, ReviewDecision
    from annotator.core.document import Document, DocumentSummary
    from annotator.core.relations import Relation
    from annotator.core.tagset import Tagset
    from annotator.core.workflow import (
        AnnotatorStatus,
        Assignment,
        Comment,
        GuidelinesVersion,
        Thread,
    )


class SearchHit(Protocol):
    doc_id: str
    start: int
    end: int


class ProjectStore(Protocol):
    """An open project, whichever engine holds it."""

    #: "file" or "team"
    kind: str
    #: why the project is read-only ("" when it is not)
    read_only: str
    closed: bool
    #: the project file (None for a team project, or a project in memory)
    path: Path | None
    #: the file's damage check ran at open (a team project: always)
    checked: bool
    #: what the upgrade at opening changed in the user's data (one line each)
    upgrade_notes: list[str]

    @property
    def backend_pid(self) -> int:
        """The server process behind a team project's connection (a file: 0)."""

    def backup(self, reason: str) -> Path:
        """A consistent snapshot, as a project file; its path."""

    @property
    def location(self) -> str:
        """A file's path or a server project's URL without password: what may be shown,
        logged and kept in settings."""

    def reopen(self, read_only: bool | str = False) -> Self:
        """Another connection to the same project (for a worker thread)."""

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: Any) -> None: ...

    def transaction(self) -> AbstractContextManager[None]:
        """Everything inside is stored whole or not at all (nested use joins)."""

    def setting(self, key: str, default: Any = None) -> Any:
        """A project setting (kept in the project: the same for everyone)."""

    def set_setting(self, key: str, value: Any) -> None:
        """Change a project setting (a team project: its owner only)."""

    def identify(self, asked: Annotator) -> Annotator:
        """Who is working: a file takes ``asked``; a team project answers with the login."""

    def member(self) -> str | None:
        """Who works here as the project knows it: a team project's login, a checkout's
        member; None for a project file of one's own."""

    def member_role(self) -> str | None:
        """Their role: a team project's (owner, reviewer, annotator, reader), a checkout's
        as checked out; None for a project file of one's own."""

    # --- tagset and annotators ------------------------------------------------------------
    def tagset(self) -> Tagset | None: ...

    def set_tagset(self, tagset: Tagset) -> None: ...

    def annotators(self) -> list[Annotator]: ...

    def add_annotator(self, annotator: Annotator) -> None: ...

    def active_annotators(self) -> list[str]: ...

    # --- documents ------------------------------------------------------------------------
    def documents(self, counts: bool = True) -> list[DocumentSummary]: ...

    def document_ids(self) -> list[str]: ...

    def summaries(self, ids: list[str]) -> list[DocumentSummary]: ...

    def spans_per_document(self) -> dict[str, int]: ...

    def document(self, doc_id: str) -> Document:
        """Raises :class:`~annotator.core.errors.NotFoundError` for an unknown id."""

    def summary(self, doc_id: str) -> DocumentSummary: ...

    def resolve_document(self, ref: str) -> str: ...

    def document_with_text(self, sha: str) -> str | None: ...

    def documents_from_files(self, keys: Sequence[str]) -> dict[str, str]:
        """``{file key: document id}`` of the stored documents imported from files with
        one of these keys (:attr:`~annotator.core.document.Document.file_key`)."""

    def add_documents(self, docs: Iterable[Document]) -> list[tuple[Document, str | None]]:
        ...

    def texts(self, doc_ids: Iterable[str]) -> Iterator[tuple[str, str]]: ...

    def set_review_status(self, doc_id: str, status: str) -> None: ...

    # --- annotations, decisions, the journal ----------------------------------------------
    def annotations(self, doc_id: str) -> list[Annotation]: ...

    def annotations_between(self, doc_id: str, start: int, end: int) -> list[Annotation]:
        """The document's spans overlapping ``[start, end)``, in reading order."""

    def annotations_after(self, doc_id: str, after: tuple[int, int, str] | None,
                          limit: int) -> list[Annotation]:
        """Up to ``limit`` spans following the key ``(start, end, id)`` ``after`` (from the
        first with None) in reading order; the same order as :meth:`annotations`."""

    def export_spans(self, doc_ids: Sequence[str], chunk: int = 200
                     ) -> Iterator[tuple[str, list[tuple]]]:
        """Each document of ``doc_ids`` in that order with its spans as bare rows in
        reading order: :class:`Annotation`'s fields, ``attributes`` left as the stored JSON
        text, ``modified`` None when it is ``created`` (an export's read; :meth:`annotations`
        is the reference)."""

    def annotations_by_id(self, ids: list[str], lock: bool = False) -> list[Annotation]: ...

    def has_annotations(self) -> bool: ...

    def insert_annotations(self, annotations: Iterable[Annotation]) -> None: ...

    # relations between spans (core.relations): change only through commands
    def relations(self, doc_id: str) -> list[Relation]:
        """The document's relations, ordered by source, target and id."""

    def all_relations(self, annotator: str | None = None) -> Iterator[Relation]:
        """Every relation (of one layer), document by document in project order."""

    def relations_by_id(self, ids: Iterable[str], lock: bool = False) -> list[Relation]: ...

    def relations_touching(self, span_ids: Iterable[str]) -> list[Relation]:
        """The relations with an end among these spans."""

    def relation_count(self) -> int: ...

    def insert_relations(self, relations: Iterable[Relation]) -> None:
        """Bulk insert without journalling (imports, merges): the spans must be there."""

    def cascade(self, command: Command) -> Command:
        """``command`` also removing the stored relations of the spans it deletes."""

    def decisions(self, doc_id: str) -> list[ReviewDecision]: ...

    def decisions_by_id(self, ids: list[str]) -> list[ReviewDecision]: ...

    def insert_decisions(self, decisions: Iterable[ReviewDecision]) -> None: ...

    def apply_command(self, command: Command, annotator: str) -> Command:
        """Apply and journal ``command`` in one transaction; returns it as applied (with
        the relations and review decisions its deletions took along: :meth:`cascade`)."""

    def undo(self, annotator: str) -> Command | None: ...

    def redo(self, annotator: str) -> Command | None: ...

    def history(self, annotator: str) -> tuple[list[Command], list[Command]]: ...

    def next_steps(self, annotator: str) -> tuple[tuple[str, str] | None,
                                                  tuple[str, str] | None]:
        """``(kind, label)`` of what undo and redo would do now (None: nothing)."""

    def rejections(self, doc_id: str, annotator: str) -> set[tuple[int, int, str]]: ...

    def rejection_rows(self, doc_id: str, annotator: str) -> list[Rejection]: ...

    def all_rejections(self) -> list[Rejection]:
        """Every rejected suggestion of the project, by document and place."""

    # --- reading the corpus ---------------------------------------------------------------
    def span_texts(self, annotator: str | None = None) -> Iterator[tuple[str, str, int]]: ...

    def spans_by_document(self, with_text: bool = False
                          ) -> Iterator[tuple[str, int, str | None, list[tuple]]]: ...

    def layer_spans(self, annotator: str | None = None, gold: bool = False
                    ) -> Iterator[tuple[str, int, int, str, str, str | None]]: ...

    def document_data(self, doc_id: str) -> DocumentData: ...

    def dataset(self, doc_ids: Iterable[str] | None = None, bare: bool = False,
                sources: bool = True) -> Dataset: ...

    def search(self, query: str, limit: int = 50, offset: int = 0) -> list[Any]: ...

    def search_count(self, query: str) -> int: ...

    def find_spans(self, tag: str | None = None, group: str | None = None,
                   annotator: str | None = None, normalized: str | None = None,
                   status: str | None = None, *, limit: int | None = None
                   ) -> list[Annotation]: ...

    def count_spans(self, tag: str | None = None, group: str | None = None,
                    annotator: str | None = None, normalized: str | None = None,
                    status: str | None = None) -> int: ...

    def check(self) -> Any:
        """An :class:`annotator.store.check.CheckReport`."""

    # --- the team's workflow (statuses, assignments, threads change through commands) ---
    def doc_statuses(self, doc_id: str | None = None) -> list[AnnotatorStatus]: ...

    def status_of(self, doc_id: str, annotator: str) -> str: ...

    def assignments(self, doc_id: str | None = None) -> list[Assignment]: ...

    def threads(self, doc_id: str | None = None) -> list[Thread]: ...

    def comments(self, doc_id: str | None = None) -> list[Comment]: ...

    def open_threads(self) -> dict[str, int]: ...

    def threads_by_id(self, ids: list[str], lock: bool = False) -> list[Thread]: ...

    def comments_by_id(self, ids: list[str], lock: bool = False) -> list[Comment]: ...

    def span_counts(self, annotator: str) -> dict[str, int]: ...

    def edit_times(self) -> Iterator[tuple[str, str]]: ...

    def guidelines(self) -> GuidelinesVersion | None: ...

    def guidelines_history(self) -> list[GuidelinesVersion]: ...

    def set_guidelines(self, text: str, author: str) -> GuidelinesVersion: ...

    def put_guidelines(self, versions: Iterable[GuidelinesVersion]) -> None: ...

    def blind(self) -> bool: ...

    def set_blind(self, on: bool) -> None: ...

    def put_statuses(self, rows: Iterable[AnnotatorStatus]) -> None: ...

    def put_assignments(self, rows: Iterable[Assignment]) -> None: ...

    def put_threads(self, rows: Iterable[Thread]) -> None: ...

    def put_comments(self, rows: Iterable[Comment]) -> None: ...


def tagset_of(store: ProjectStore) -> Tagset:
    """The project's tagset; a project without one (made by hand, or damaged) is one line
    saying how to give it one."""
    from annotator.core.errors import ProjectError

    tagset = store.tagset()
    if tagset is None:
        raise ProjectError(f"{store.location}: the project has no tagset; load one with "
                           f"annotator tagset {store.location} --load FILE")
    return tagset


class TeamStore(ProjectStore, Protocol):
    """A team project (``kind == "team"``): what only it has."""

    url: Any  # annotator.store.pg.url.TeamURL
    user: str  # the login role: the annotator
    role: str  # owner | reviewer | annotator | reader

    @property
    def connected(self) -> bool: ...

    def reconnect(self) -> None:
        """A new connection in place of a lost one (raises ConnectionLost while down)."""

    # --- who is where (annotator.store.pg.presence) ----------------------------------------
    def here(self, doc_id: str) -> None:
        """I have the document open (a heartbeat; repeat every 30 s)."""

    def leave(self, doc_id: str) -> None:
        """I closed the document: gone from its list, my review lock on it released."""

    def present(self) -> dict[str, list[str]]:
        """Who has each document open now."""

    def review_holder(self, doc_id: str) -> tuple[str, str] | None:
        """``(reviewer, since)`` of another reviewer's review lock on the document."""


def as_team(store: ProjectStore) -> TeamStore:
    """``store`` as a team project (which it must be)."""
    if store.kind != "team":
        raise TypeError(f"{store.location}: not a team project")
    return store  # type: ignore[return-value]
