"""What a window reloads when colleagues commit: the rows, the open document, its
threads, the team columns, guidelines, the project; never its own commits."""

from __future__ import annotations

from typing import NamedTuple

from annotator.core.live import Refresh, plan


class E(NamedTuple):
    table: str
    op: str
    by: str
    doc_id: str | None
    pid: int = 2


def test_spans_reload_the_open_document_and_the_rows():
    got = plan([E("annotations", "INSERT", "chen", "a"), E("annotations", "INSERT", "chen", "b")],
               "a", own_pid=1)
    assert got == Refresh(rows=frozenset({"a", "b"}), document=True)


def test_the_open_documents_own_columns_are_read_again_only_when_they_changed():
    spans = plan([E("annotations", "INSERT", "chen", "a")], "a", own_pid=1)
    assert spans.document and not spans.document_row
    status = plan([E("annotations", "INSERT", "chen", "a"), E("documents", "UPDATE", "chen",
                                                              "a")], "a", own_pid=1)
    assert status.document and status.document_row
    elsewhere = plan([E("documents", "UPDATE", "chen", "b")], "a", own_pid=1)
    assert not elsewhere.document_row and elsewhere.rows == {"b"}


def test_a_colleagues_relation_reloads_the_open_document():
    got = plan([E("relations", "INSERT", "chen", "a")], "a", own_pid=1)
    assert got == Refresh(rows=frozenset({"a"}), document=True)


def test_the_workflow_reloads_team_columns_not_spans():
    got = plan([E("comments", "INSERT", "chen", "a"), E("presence", "INSERT", "chen", "b"),
                E("assignments", "DELETE", "wang", "a"), E("doc_status", "UPDATE", "lin", "c")],
               "a", own_pid=1)
    assert got.team == {"a", "b", "c"} and got.threads and got.queue
    assert not got.document and not got.rows


def test_project_wide_events_and_own_commits():
    got = plan([E("guidelines", "INSERT", "wang", None), E("meta", "UPDATE", "wang", None)],
               None, own_pid=1)
    assert got.guidelines and got.project
    assert not plan([E("annotations", "INSERT", "me", "a", pid=1)], "a", own_pid=1).anything
    assert plan([E("documents", "INSERT", "owner", "z")], "a", 1).documents
