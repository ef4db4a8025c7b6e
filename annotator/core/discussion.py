"""Notes and discussion: threads of comments on a span or on a whole document.

Every change is a command (journalled, undoable, checked against what is stored like any
edit): opening a thread with its first comment, replying, editing or deleting one's own
comment (deleting the only comment of one's own thread deletes the thread), and marking a
thread resolved or open again (reviewers). In a team project the server enforces the same
rights: anyone who annotates may comment, only the author changes a comment, reviewers
resolve.

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from annotator.core.annotation import Annotation, new_id, now
from annotator.core.commands import Command
from annotator.core.errors import NotAllowed
from annotator.core.workflow import Comment, Thread

_LABEL = 20  # characters of a comment in the Undo menu's name for it


class Discussion(NamedTuple):
    """A thread and its comments, oldest first."""

    thread: Thread
    comments: tuple[Comment, ...]


def _text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValueError("a comment needs some text")
    return text


def open_thread(doc_id: str, span: Annotation | None, author: str, text: str) -> Command:
    """A new thread on ``span`` (None: the document), with its first comment."""
    stamp = now()
    thread = Thread(new_id(), doc_id, span.id if span else None,
                    span.start if span else None, span.end if span else None, author, stamp)
    comment = Comment(new_id(), thread.id, doc_id, author, _text(text), stamp, stamp)
    return Command("comment", doc_id, label=f"comment {comment.text[:_LABEL]}",
                   threads_after=(thread,), comments_after=(comment,))


def reply(thread: Thread, author: str, text: str) -> Command:
    stamp = now()
    comment = Comment(new_id(), thread.id, thread.doc_id, author, _text(text), stamp, stamp)
    return Command("comment", thread.doc_id, label=f"comment {comment.text[:_LABEL]}",
                   comments_after=(comment,))


def _own(comment: Comment, me: str, what: str) -> None:
    if comment.author != me:
        raise NotAllowed(f"only {comment.author} can {what} their comment")


def edit_comment(comment: Comment, me: str, text: str) -> Command | None:
    _own(comment, me, "edit")
    text = _text(text)
    if text == comment.text:
        return None
    after = comment._replace(text=text, modified=now())
    return Command("edit_comment", comment.doc_id, label="edit comment",
                   comments_before=(comment,), comments_after=(after,))


def delete_comment(discussion: Discussion, comment: Comment, me: str) -> Command:
    """Delete my comment; when it is all there is of my thread, the thread goes too."""
    _own(comment, me, "delete")
    thread = discussion.thread
    alone = [c.id for c in discussion.comments] == [comment.id] and thread.author == me
    return Command("delete_comment", comment.doc_id, label="delete comment",
                   comments_before=(comment,), threads_before=(thread,) if alone else ())


def resolve(thread: Thread, me: str, resolved: bool = True) -> Command | None:
    """Mark a thread resolved (``resolved=False``: open again); None when it already is."""
    if thread.open != resolved:
        return None
    after = thread._replace(resolved_by=me if resolved else None,
                            resolved=now() if resolved else None)
    return Command("resolve" if resolved else "reopen", thread.doc_id,
                   label="resolve thread" if resolved else "reopen thread",
                   threads_before=(thread,), threads_after=(after,))


def discussions(threads: Iterable[Thread], comments: Iterable[Comment]) -> list[Discussion]:
    """Threads with their comments, in the order given."""
    by_thread: dict[str, list[Comment]] = {}
    for c in comments:
        by_thread.setdefault(c.thread_id, []).append(c)
    return [Discussion(t, tuple(sorted(by_thread.get(t.id, ()), key=lambda c: (c.created, c.id))))
            for t in threads]


def anchor(thread: Thread, spans: dict[str, Annotation]) -> int:
    """Where a thread sits in its document's text: its span's start (where the span is
    now, or was when the thread was opened), 0 for the document."""
    span = spans.get(thread.span_id) if thread.span_id else None
    if span is not None:
        return span.start
    return thread.start or 0


def next_open(order: Sequence[str], threads: Iterable[Thread], doc_id: str | None,
              position: int, spans: dict[str, Annotation],
              current: Thread | None = None) -> Thread | None:
    """The next open thread in reading order: in document ``doc_id`` from ``position``
    on (after ``current``, the thread last shown, when given), then in the documents after
    it in ``order``, wrapping round; None when no thread is open. ``spans`` are the open
    document's (other documents' threads sit where they were opened)."""
    rank = {d: i for i, d in enumerate(order)}
    by_id = {t.id: t for t in threads if t.open and t.doc_id in rank}
    keys = sorted((rank[t.doc_id], anchor(t, spans if t.doc_id == doc_id else {}), t.created,
                   t.id) for t in by_id.values())
    if not keys:
        return None
    where = rank.get(doc_id, -1) if doc_id is not None else -1
    here = (where, anchor(current, spans), current.created, current.id) if current \
        else (where, position, "", "")
    return by_id[next((k for k in keys if k > here), keys[0])[3]]
