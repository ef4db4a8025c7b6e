"""The journal is the one truth for undo and redo: what they would do next is read from it,
a conflicting undo changes nothing (and the journal still says the same), and document
statuses are commands like every other edit."""

from __future__ import annotations

import pytest

from annotator.core import commands
from annotator.core.annotation import Annotator
from annotator.core.commands import Command, DocStatus
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.errors import ConflictError
from annotator.core.session import Session, Step, UndoState
from annotator.store import Store

TEXT = "上海合作组织成员国在北京举行会议。\n各方讨论了打击恐怖主义问题。"
OTHER = "国际恐怖组织试图向上合组织地区渗透。"
DOC, DOC2 = document_id(TEXT), document_id(OTHER)


@pytest.fixture
def path(tmp_path):
    where = tmp_path / "p.annotator"
    with Store.open(where, create=True) as store:
        store.add_documents([Document(DOC, "t", TEXT, text_sha256(TEXT)),
                             Document(DOC2, "u", OTHER, text_sha256(OTHER))])
    return where


@pytest.fixture
def store(path):
    with Store.open(path) as opened:
        yield opened


def session(store, who: str = "lin") -> Session:
    return Session(store, Annotator(who, who.title()))


def test_undo_state_names_what_undo_and_redo_would_do(store):
    lin = session(store)
    assert lin.undo_state() == UndoState(None, None)
    lin.add(DOC, TEXT, 0, 6, "actor.igo")
    lin.set_status(DOC, "in_progress")
    assert lin.undo_state() == UndoState(Step("status", "set status to in progress"), None)
    lin.undo()
    assert lin.undo_state() == UndoState(Step("add", "tag 上海合作组织"),
                                         Step("status", "set status to in progress"))
    lin.undo()
    assert lin.undo_state() == UndoState(None, Step("add", "tag 上海合作组织"))
    lin.redo()
    assert lin.undo_state().undo == Step("add", "tag 上海合作组织")


def test_undo_state_is_per_annotator(store):
    session(store, "chen").add(DOC, TEXT, 10, 12, "actor.state")
    assert session(store).undo_state() == UndoState(None, None)


def test_a_read_only_project_offers_no_undo_or_redo(path, store):
    lin = session(store)
    lin.add(DOC, TEXT, 0, 6, "actor.igo")
    lin.add(DOC, TEXT, 10, 12, "actor.state")
    lin.undo()
    with Store.open(path, read_only="open elsewhere") as reading:
        assert session(reading).undo_state() == UndoState(None, None)


def test_an_undo_that_conflicts_changes_nothing_and_the_journal_still_says_so(store):
    lin, chen = session(store), session(store, "chen")
    span = lin.add(DOC, TEXT, 0, 6, "actor.igo").added[0]
    chen.retag([span], "actor.state")
    stored = store.annotations(DOC)
    state = lin.undo_state()
    with pytest.raises(ConflictError):
        lin.undo()
    assert store.annotations(DOC) == stored
    assert lin.undo_state() == state == UndoState(Step("add", "tag 上海合作组织"), None)


def test_document_status_is_an_undoable_command(path):
    with Store.open(path) as store:
        lin = session(store)
        change = lin.set_status(DOC, "done")
        assert change is not None and change.command is not None
        assert change.command.statuses_after == (DocStatus(DOC, "status", "done", "lin"),)
        assert store.summary(DOC).status == "done"
        assert lin.set_status(DOC, "done") is None  # already done: nothing journalled
        assert len(lin.history()[0]) == 1
    with Store.open(path) as store:  # the journal survives a restart
        lin = session(store)
        undone = lin.undo()
        assert undone is not None and undone.doc_id == DOC
        assert store.summary(DOC).status == "todo"
        lin.redo()
        assert store.summary(DOC).status == "done"


def test_each_annotator_has_their_own_status_and_the_document_sums_them_up(store):
    lin, chen = session(store), session(store, "chen")
    lin.set_status(DOC, "in_progress")
    chen.set_status(DOC, "done")
    assert (store.status_of(DOC, "lin"), store.status_of(DOC, "chen")) == ("in_progress", "done")
    assert store.summary(DOC).status == "in_progress"  # not everyone is done
    lin.set_status(DOC, "done")
    assert store.summary(DOC).status == "done"
    lin.undo()  # chen's status is no conflict: it is hers
    assert store.status_of(DOC, "lin") == "in_progress"
    assert store.summary(DOC).status == "in_progress"


def test_a_status_changed_since_by_other_means_is_a_conflict(store):
    from annotator.core.workflow import AnnotatorStatus

    lin = session(store)
    lin.set_status(DOC, "in_progress")
    store.put_statuses([AnnotatorStatus(DOC, "lin", "done", "2030-01-01")])  # a merge, say
    with pytest.raises(ConflictError):
        lin.undo()
    assert store.status_of(DOC, "lin") == "done"


def test_an_unknown_status_is_refused(store):
    with pytest.raises(ValueError, match="unknown document status"):
        session(store).set_status(DOC, "finished")
    assert session(store).undo_state() == UndoState(None, None)


def test_a_command_can_carry_a_status_with_its_spans(store):
    """A review decision that settles a document's last case also makes it reviewed:
    one command, one undo."""
    lin = session(store)
    add = commands.add(DOC, TEXT, 0, 6, "actor.igo", "lin")
    assert add is not None
    both = commands.with_status(add, DOC, "not_reviewed", "reviewed", "lin", "review_status")
    assert commands.with_status(add, DOC, "reviewed", "reviewed", "lin") is add
    lin.run(both)
    assert store.summary(DOC).review_status == "reviewed"
    lin.undo()
    assert store.summary(DOC).review_status == "not_reviewed"
    assert store.annotations(DOC) == []


def test_status_changes_round_trip_through_the_journal_and_invert():
    command = commands.set_status(DOC2, "todo", "done", "lin")
    assert command is not None
    assert Command.from_json(command.to_json()) == command
    assert command.doc_ids == {DOC2}
    assert command.inverse().statuses_after == (DocStatus(DOC2, "status", "todo", "lin"),)
    assert commands.set_status(DOC2, "done", "done", "lin") is None


def test_an_old_journal_entry_without_statuses_still_reads():
    payload = ('{"kind":"reject","doc_id":"d","label":"","before":[],"after":[],'
               '"rejections_after":[["d",0,2,"actor.igo","lin",""]]}')
    read = Command.from_json(payload)
    assert read.statuses_before == read.statuses_after == ()


def test_the_undo_label_of_a_deletion_counts_in_english(store):
    lin = session(store)
    spans = [lin.add(DOC, TEXT, 0, 6, "actor.igo").added[0],
             lin.add(DOC, TEXT, 10, 12, "actor.state").added[0]]
    assert commands.delete(spans[:1]).label == "delete 1 span"
    assert commands.delete(spans).label == "delete 2 spans"


def test_an_unreadable_journal_entry_has_a_step_without_a_label(store):
    """A damaged payload (store.check reports it) must not stop the window opening."""
    lin = session(store)
    lin.add(DOC, TEXT, 0, 6, "actor.igo")
    store.conn.execute("UPDATE journal SET payload = 'not json'")
    store.conn.commit()
    assert lin.undo_state() == UndoState(Step("add", ""), None)
