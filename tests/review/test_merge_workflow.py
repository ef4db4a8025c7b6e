"""Threads, statuses, assignments and guidelines through a merge: the reviewer's project
takes each colleague's file; ids survive, merging again changes nothing, a later status or
comment edit wins, a resolution on either side stays, a guidelines version both numbered
alike but worded differently is kept as this project's and counted."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core import assign, discussion
from annotator.core.annotation import Annotator
from annotator.core.errors import InputError
from annotator.core.session import Session
from annotator.review.merge import merge
from annotator.store import Store


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def files(tmp_path):
    """The reviewer's project (guidelines v1, documents assigned to lin and chen), copied
    to each annotator, who then work on their own copy."""
    review = tmp_path / "review.annotator"
    assert run("init", review).exit_code == 0
    with Store.open(review) as store:
        wang = Session(store, Annotator("wang", "Wang"))
        store.set_guidelines("# 规范 v1", "wang")
        ids = [d.id for d in store.documents()]
        wang.run(assign.assign(assign.spread(ids, ["lin", "chen"], 2), [], "wang"))
    for who in ("lin", "chen"):
        (tmp_path / f"{who}.annotator").write_bytes(review.read_bytes())
    return tmp_path, review, ids


def work(path, who: str, doc_id: str) -> tuple:
    with Store.open(path) as store:
        s = Session(store, Annotator(who, who.title()))
        doc = store.document(doc_id)
        span = s.add(doc.id, doc.text, 0, 4, "actor.igo").added[0]
        opened = s.run(discussion.open_thread(doc.id, span, who, f"{who}: 是简称吗？"))
        s.set_status(doc.id, "done")
        return opened.command.threads_after[0], opened.command.comments_after[0]


def test_threads_and_the_workflow_survive_a_merge_with_their_ids(files):
    folder, review, ids = files
    lin_thread, lin_comment = work(folder / "lin.annotator", "lin", ids[0])
    chen_thread, _ = work(folder / "chen.annotator", "chen", ids[0])
    with Store.open(review) as store:
        first = [merge(store, folder / f"{w}.annotator").lines() for w in ("lin", "chen")]
        again = merge(store, folder / "lin.annotator").lines()
        threads = {t.id: t for t in store.threads()}
        assert set(threads) == {lin_thread.id, chen_thread.id}
        assert threads[lin_thread.id] == lin_thread
        assert store.comments_by_id([lin_comment.id]) == [lin_comment]
        assert {s.annotator: s.status for s in store.doc_statuses(ids[0])} == {
            "lin": "done", "chen": "done"}
        assert store.summary(ids[0]).status == "done"
        assert len(store.assignments()) == 2 * len(ids)  # not doubled
        wang = Session(store, Annotator("wang", "Wang"))
        wang.run(discussion.resolve(threads[lin_thread.id], "wang"))
    assert "workflow: 1 status, 1 thread, 1 comment" in first[0][0]
    assert "; workflow:" not in again[0]
    # lin goes on in her copy: edits her comment, reopens nothing; a later merge
    with Store.open(folder / "lin.annotator") as mine:
        s = Session(mine, Annotator("lin", "Lin"))
        s.run(discussion.edit_comment(lin_comment, "lin", "lin: 是简称。"))
        s.set_status(ids[0], "in_progress")
    with Store.open(review) as store:
        merge(store, folder / "lin.annotator")
        assert store.comments_by_id([lin_comment.id])[0].text == "lin: 是简称。"
        assert store.status_of(ids[0], "lin") == "in_progress"
        assert not store.threads_by_id([lin_thread.id])[0].open  # resolved here stays


def test_guidelines_numbered_alike_but_worded_differently_are_counted(files):
    folder, review, _ = files
    with Store.open(folder / "lin.annotator") as mine:
        mine.set_guidelines("# 规范 v2 (lin)", "lin")
    with Store.open(review) as store:
        store.set_guidelines("# 规范 v2 (wang)", "wang")
        line = " ".join(merge(store, folder / "lin.annotator").lines())
        assert store.guidelines().text == "# 规范 v2 (wang)"
    assert "1 guidelines version differs from this project's" in line


def test_a_thread_changed_in_substance_is_refused(files):
    folder, review, ids = files
    thread, _ = work(folder / "lin.annotator", "lin", ids[0])
    with Store.open(review) as store:
        merge(store, folder / "lin.annotator")
        store.conn.execute("UPDATE threads SET author = 'chen' WHERE id = ?", (thread.id,))
        with pytest.raises(InputError, match=f"thread {thread.id} differs"):
            merge(store, folder / "lin.annotator")


def test_assignments_and_guidelines_travel_by_merge(files, tmp_path):
    folder, review, ids = files
    fresh = tmp_path / "second-reviewer.annotator"
    assert run("init", fresh).exit_code == 0
    with Store.open(fresh) as store:
        line = " ".join(merge(store, review).lines())
        assert len(store.assignments()) == 2 * len(ids)
        assert store.guidelines().text == "# 规范 v1"
    assert f"{2 * len(ids)} assignments" in line and "1 guidelines version" in line
