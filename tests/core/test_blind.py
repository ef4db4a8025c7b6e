"""What blind annotation hides: others' layers (gold, decisions and threads on hidden
spans included) from an annotator, on a document they have not marked done; a reviewer on
the documents assigned to them; nothing once it is off."""

from __future__ import annotations

from annotator.core.annotation import Annotation
from annotator.core.blind import Blind, hide
from annotator.core.dataset import DocumentData, ReviewDecision
from annotator.core.document import Document
from annotator.core.workflow import Comment, Thread


def span(sid: str, who: str, doc: str = "d1") -> Annotation:
    return Annotation(sid, doc, 0, 2, "actor.igo", who)


def test_whom_it_binds_and_where():
    off = Blind(False, "lin", "annotator")
    assert not off.hides("d1") and not off.binding
    annotator = Blind(True, "lin", "annotator", done=frozenset({"d2"}))
    assert annotator.hides("d1") and not annotator.hides("d2") and annotator.binding
    assert annotator.sees(span("a", "lin")) and not annotator.sees(span("b", "chen"))
    assert annotator.sees(span("c", "chen", "d2"))
    reviewer = Blind(True, "wang", "reviewer", assigned=frozenset({"d3"}))
    assert not reviewer.hides("d1") and reviewer.hides("d3") and reviewer.binding
    assert not Blind(True, "wang", "reviewer").binding
    own_file = Blind(True, "lin", None, assigned=frozenset({"d1"}))
    assert own_file.hides("d1") and not own_file.hides("d2")


def test_hiding_a_document_keeps_my_layer_and_threads_i_can_see():
    doc = Document("d1", "t", "上海", "x")
    mine, theirs = span("a", "lin"), span("b", "chen")
    threads = (Thread("t1", "d1", "a", 0, 2, "lin", "x"), Thread("t2", "d1", "b", 0, 2, "chen", "x"),
               Thread("t3", "d1", None, None, None, "chen", "x"))
    comments = tuple(Comment(f"c{t.id}", t.id, "d1", t.author, "?") for t in threads)
    data = DocumentData(doc, (mine, theirs),
                        (ReviewDecision("r", "d1", "wang", "accepted", ("b",)),),
                        threads=threads, comments=comments)
    [seen] = hide(Blind(True, "lin", "annotator"), [data])
    assert seen.annotations == (mine,) and seen.decisions == ()
    assert [t.id for t in seen.threads] == ["t1", "t3"]
    assert [c.thread_id for c in seen.comments] == ["t1", "t3"]
    [whole] = hide(Blind(True, "lin", "annotator", done=frozenset({"d1"})), [data])
    assert whole is data
