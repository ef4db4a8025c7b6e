"""The team's workflow in the store, on both engines: statuses per document and annotator,
assignments, threads and comments as undoable commands checked against what is stored,
the guidelines' versions, the blind-annotation setting, and what progress reads."""

from __future__ import annotations

import pytest

from annotator.core import assign, discussion
from annotator.core.annotation import Annotator
from annotator.core.errors import ConflictError, NotAllowed
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.core.workflow import GUIDELINES_ATTRIBUTE, AnnotatorStatus, Assignment
from annotator.project import import_paths


@pytest.fixture
def store(engine_store, seed_paths):
    engine_store.set_tagset(default_tagset())
    import_paths(engine_store, seed_paths)
    return engine_store


def docs(store) -> list[str]:
    return [d.id for d in store.documents()]


def session(store, who: str = "lin") -> Session:
    """A session as ``who`` (a team project's owner stands for them: the owner may write
    anyone's rows; the rights themselves are tested in test_team_workflow.py)."""
    s = Session(store, Annotator(who, who.title()))
    s.annotator = Annotator(who, who.title())  # the owner, working in another's name
    store.add_annotator(s.annotator)
    return s


def test_statuses_are_per_annotator_and_sum_up_to_the_documents(store):
    one, two = docs(store)[:2]
    lin, chen = session(store, "lin"), session(store, "chen")
    assert store.status_of(one, "lin") == "todo"
    lin.set_status(one, "done")
    chen.set_status(one, "in_progress")
    assert {(s.annotator, s.status) for s in store.doc_statuses(one)} == {
        ("lin", "done"), ("chen", "in_progress")}
    assert store.summary(one).status == "in_progress"
    chen.set_status(one, "done")
    assert store.summary(one).status == "done"
    assert store.summary(two).status == "todo"
    chen.undo()
    assert store.summary(one).status == "in_progress"


def test_assignments_are_a_command_and_an_assigned_document_waits_for_its_annotators(store):
    one, two, three = docs(store)[:3]
    plan = assign.spread([one, two, three], ["lin", "chen"], 2)
    command = assign.assign(plan, store.assignments(), "wang")
    assert command is not None
    session(store, "wang").run(command)
    assert {(a.doc_id, a.annotator) for a in store.assignments()} == {
        (d, w) for d in (one, two, three) for w in ("lin", "chen")}
    session(store, "lin").set_status(one, "done")
    assert store.summary(one).status == "in_progress"  # chen has not started
    assert assign.assign(plan, store.assignments(), "wang") is None  # nothing to change
    session(store, "wang").undo()
    assert store.assignments() == []
    assert store.summary(one).status == "done"  # lin's alone now


def test_an_assignment_changed_meanwhile_is_a_conflict(store):
    one = docs(store)[0]
    wang = session(store, "wang")
    wang.run(assign.assign({one: ("lin",)}, [], "wang"))
    store.put_assignments([Assignment(one, "chen", "zhou", "2030-01-01")])
    replace = assign.assign({one: ("chen",)}, [Assignment(one, "lin", "wang", "x")], "wang")
    with pytest.raises(ConflictError):
        wang.run(replace)


def test_threads_and_comments_are_commands_with_undo(store):
    one = docs(store)[0]
    lin, chen, wang = session(store, "lin"), session(store, "chen"), session(store, "wang")
    span = lin.add(one, store.document(one).text, 0, 4, "actor.igo").added[0]
    opened = lin.run(discussion.open_thread(one, span, "lin", "  是组织还是国家？ "))
    thread = opened.command.threads_after[0]
    assert (thread.span_id, thread.start, thread.end) == (span.id, span.start, span.end)
    assert store.comments(one)[0].text == "是组织还是国家？"
    assert store.open_threads() == {one: 1}
    chen.run(discussion.reply(thread, "chen", "组织"))
    wang.run(discussion.resolve(thread, "wang"))
    assert store.open_threads() == {} and store.threads(one)[0].resolved_by == "wang"
    wang.undo()
    assert store.open_threads() == {one: 1}
    # lin cannot take her thread back now that chen replied: it is a conflict
    mine = next(c for c in store.comments(one) if c.author == "lin")
    with pytest.raises(ConflictError, match="replied"):
        lin.run(discussion.delete_comment(
            discussion.Discussion(thread, (mine,)), mine, "lin"))
    chen.undo()  # chen's reply goes
    lin.undo()  # lin's last step: her thread
    assert store.threads(one) == [] and store.comments(one) == []
    assert store.annotations_by_id([span.id])  # her span stays
    lin.undo()
    lin.redo()
    lin.redo()
    assert [c.text for c in store.comments(one)] == ["是组织还是国家？"]


def test_only_the_author_edits_or_deletes_a_comment(store):
    one = docs(store)[0]
    lin = session(store, "lin")
    lin.run(discussion.open_thread(one, None, "lin", "about the whole text"))
    comment = store.comments(one)[0]
    with pytest.raises(NotAllowed):
        discussion.edit_comment(comment, "chen", "mine now")
    lin.run(discussion.edit_comment(comment, "lin", "about the whole document"))
    assert store.comments(one)[0].text == "about the whole document"
    assert store.comments(one)[0].created == comment.created


def test_a_comment_edited_meanwhile_is_a_conflict(store):
    one = docs(store)[0]
    lin = session(store, "lin")
    lin.run(discussion.open_thread(one, None, "lin", "first"))
    comment = store.comments(one)[0]
    store.put_comments([comment._replace(text="changed elsewhere", modified="2030")])
    with pytest.raises(ConflictError):
        lin.run(discussion.edit_comment(comment, "lin", "second"))


def test_guidelines_are_versioned_and_new_spans_record_the_version(store):
    one = docs(store)[0]
    text = store.document(one).text
    assert store.guidelines() is None
    lin = session(store)
    before = lin.add(one, text, 0, 2, "actor.igo").added[0]
    assert GUIDELINES_ATTRIBUTE not in before.attributes
    first = store.set_guidelines("# Guidelines\n\nTag the shortest name.", "wang")
    assert first.version == 1 and store.set_guidelines(first.text, "wang") == first
    second = store.set_guidelines("# Guidelines\n\nTag the full name.", "wang")
    assert [v.version for v in store.guidelines_history()] == [1, 2]
    lin.read_guidelines()
    made = lin.add(one, text, 4, 6, "actor.igo").added[0]
    assert made.attributes[GUIDELINES_ATTRIBUTE] == second.version
    assert store.annotations_by_id([made.id])[0].attributes[GUIDELINES_ATTRIBUTE] == 2
    resized = lin.resize(made, 4, 7, len(text)).added[0]  # made under 2: stays 2
    assert resized.attributes[GUIDELINES_ATTRIBUTE] == 2
    retagged = lin.retag([before], "actor.state").added[0]  # made before any: none
    assert GUIDELINES_ATTRIBUTE not in retagged.attributes


def test_blind_setting_and_what_progress_reads(store):
    one, two = docs(store)[:2]
    assert store.blind() is False
    store.set_blind(True)
    assert store.blind() is True
    lin = session(store)
    lin.add(one, store.document(one).text, 0, 2, "actor.igo")
    lin.add(two, store.document(two).text, 0, 2, "actor.igo")
    lin.add(two, store.document(two).text, 3, 5, "actor.igo")
    assert store.span_counts("lin") == {one: 1, two: 2}
    times = list(store.edit_times())
    assert [who for who, _ in times] == ["lin"] * 3 and times == sorted(times)


def test_rows_put_as_they_come_merge_by_key(store):
    one = docs(store)[0]
    store.put_statuses([AnnotatorStatus(one, "lin", "in_progress", "t1")])
    store.put_statuses([AnnotatorStatus(one, "lin", "done", "t2")])
    assert store.doc_statuses(one) == [AnnotatorStatus(one, "lin", "done", "t2")]
    assert store.summary(one).status == "done"
    store.put_assignments([Assignment(one, "lin", "wang", "t1")] * 2)
    assert len(store.assignments(one)) == 1
