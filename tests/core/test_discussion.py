"""Threads as commands (pure): what each change finds and leaves, who may change a
comment, and Ctrl+Shift+N's order over the corpus."""

from __future__ import annotations

import pytest

from annotator.core import discussion
from annotator.core.annotation import Annotation
from annotator.core.errors import NotAllowed
from annotator.core.workflow import Thread

SPAN = Annotation("s1", "d1", 10, 14, "actor.igo", "lin")


def test_opening_a_thread_on_a_span_records_where_it_was():
    command = discussion.open_thread("d1", SPAN, "chen", "  是国家吗？\n")
    [thread], [comment] = command.threads_after, command.comments_after
    assert (thread.span_id, thread.start, thread.end, thread.author) == ("s1", 10, 14, "chen")
    assert (comment.thread_id, comment.text, comment.created) == (thread.id, "是国家吗？",
                                                                   thread.created)
    assert thread.open and command.inverse().threads_before == (thread,)
    with pytest.raises(ValueError, match="needs some text"):
        discussion.open_thread("d1", None, "chen", "  ")


def test_deleting_my_only_comment_takes_my_thread_with_it():
    opened = discussion.open_thread("d1", None, "lin", "first")
    thread, comment = opened.threads_after[0], opened.comments_after[0]
    alone = discussion.delete_comment(discussion.Discussion(thread, (comment,)), comment, "lin")
    assert alone.threads_before == (thread,) and alone.comments_before == (comment,)
    reply = discussion.reply(thread, "chen", "second").comments_after[0]
    both = discussion.Discussion(thread, (comment, reply))
    assert discussion.delete_comment(both, comment, "lin").threads_before == ()
    with pytest.raises(NotAllowed, match="only chen"):
        discussion.delete_comment(both, reply, "lin")


def test_resolving_and_reopening():
    thread = discussion.open_thread("d1", None, "lin", "?").threads_after[0]
    done = discussion.resolve(thread, "wang")
    assert done is not None and done.threads_after[0].resolved_by == "wang"
    closed = done.threads_after[0]
    assert discussion.resolve(closed, "wang") is None
    again = discussion.resolve(closed, "wang", resolved=False)
    assert again is not None and again.threads_after[0].open
    assert discussion.resolve(thread, "wang", resolved=False) is None


def thread(tid: str, doc: str, start: int | None, created: str = "t",
           resolved: str | None = None, span: str | None = None) -> Thread:
    return Thread(tid, doc, span, start, start, "lin", created, None, resolved)


def test_the_next_open_thread_in_reading_order_wrapping_round():
    order = ["a", "b", "c"]
    threads = [thread("t1", "a", 5), thread("t2", "a", 50), thread("t3", "c", None),
               thread("t4", "b", 1, resolved="x"), thread("t5", "a", 0, span="s")]
    spans = {"s": Annotation("s", "a", 70, 72, "actor.igo", "lin")}  # the span moved on
    nxt = lambda pos, cur=None, doc="a": discussion.next_open(  # noqa: E731
        order, threads, doc, pos, spans, cur)
    assert nxt(0).id == "t1"
    assert nxt(6).id == "t2"
    assert nxt(51).id == "t5"  # where its span is now
    assert nxt(71).id == "t3"  # the next document with an open thread (b has none)
    assert nxt(0, doc="c").id == "t3"
    # round to the first document, where t5 was opened at 0 (its span is not read there)
    assert nxt(0, threads[2], doc="c").id == "t5"
    assert nxt(5, threads[0]).id == "t2"  # from the thread shown, not the caret
    assert discussion.next_open(order, threads[3:4], "a", 0, {}) is None
