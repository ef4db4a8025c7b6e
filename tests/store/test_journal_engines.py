"""The journal on both engines: a new edit drops my redo history, whatever the number of
rows it writes (none, one or many), and undo and redo then walk what is left."""

from __future__ import annotations

from annotator.core.annotation import Annotator
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.session import Session

TEXT = "上海合作组织成员国在北京举行会议。各方讨论了打击恐怖主义问题。"


def lin_on_one_document(store) -> tuple[Session, Document]:
    doc = Document(document_id(TEXT), "t", TEXT, text_sha256(TEXT))
    store.add_documents([doc])
    me = store.identify(Annotator("lin", "lin")) if store.kind == "team" \
        else Annotator("lin", "lin")
    store.add_annotator(me)
    return Session(store, me), doc


def test_a_new_edit_drops_my_redo_history(engine_store):
    with engine_store as store:
        lin, doc = lin_on_one_document(store)
        first = lin.add(doc.id, TEXT, 0, 2, "actor.state").added[0]
        lin.add(doc.id, TEXT, 10, 12, "actor.state")
        assert lin.undo() is not None and lin.undo_state().redo is not None
        moved = lin.resize(first, 0, 3, len(TEXT))  # one row out, one in
        assert moved is not None and lin.undo_state().redo is None
        assert lin.redo() is None
        assert [a.end for a in store.annotations(doc.id)] == [3]
        assert lin.undo() is not None and lin.undo() is not None
        assert store.annotations(doc.id) == [] and lin.undo() is None
        assert lin.redo() is not None and len(store.annotations(doc.id)) == 1


def test_next_steps_name_what_undo_and_redo_would_do(engine_store):
    with engine_store as store:
        lin, doc = lin_on_one_document(store)
        me = lin.annotator
        assert store.next_steps(me.id) == (None, None)
        first = lin.add(doc.id, TEXT, 0, 2, "actor.state").added[0]
        lin.retag([first], "actor.igo")
        lin.add(doc.id, TEXT, 10, 12, "actor.state")
        assert lin.undo() is not None and lin.undo() is not None  # the add, then the retag
        undo, redo = store.next_steps(me.id)
        assert undo is not None and undo[0] == "add"  # the first add, the latest not undone
        assert redo is not None and redo[0] == "retag"  # the earliest undone: redone first
        lin.redo()
        assert store.next_steps(me.id)[0][0] == "retag"
        assert store.next_steps(me.id)[1][0] == "add"
        assert store.next_steps("someone else") == (None, None)


def test_the_state_an_edit_leaves_is_the_journals(engine_store):
    """After an edit the window names Undo and Redo without reading the journal again
    (:meth:`Session.undo_state` with the change): what it says is what the journal says,
    for every kind of edit, after an undo too, and never for a change run() did not
    just journal."""
    with engine_store as store:
        lin, doc = lin_on_one_document(store)

        asked = []
        journal_steps = store.next_steps
        store.next_steps = lambda annotator: asked.append(annotator) or \
            journal_steps(annotator)

        def made(change):
            assert change is not None
            asked.clear()
            said = lin.undo_state(after=change)
            assert asked == []  # named from the change: the journal is not read
            assert said == lin.undo_state() and said.redo is None
            asked.clear()
            return change

        first = made(lin.add(doc.id, TEXT, 0, 2, "actor.state"))
        retagged = made(lin.retag(list(first.added), "actor.igo"))
        made(lin.resize(retagged.added[0], 0, 3, len(TEXT)))
        second = made(lin.add(doc.id, TEXT, 10, 12, "actor.state"))
        assert lin.undo() is not None
        assert lin.undo_state(after=second) == lin.undo_state()  # read: an undo came since
        assert lin.undo_state().redo is not None
        third = made(lin.add(doc.id, TEXT, 20, 22, "threat.terrorism"))
        gone = made(lin.delete(list(third.added)))
        asked.clear()
        assert lin.undo_state(after=gone).undo.kind == "delete"  # named once: now read
        assert lin.undo_state(after=first) == lin.undo_state()  # an older change: read
        assert asked == [lin.annotator.id] * 3
