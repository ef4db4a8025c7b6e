"""The workflow's migration: a project made before statuses were kept per annotator gives
each document's status to whoever set it last (the journal says who), keeps a status
nobody set through the window (an import's) as the document's, and undo still works."""

from __future__ import annotations

import pytest

import annotator.store.pg.schema as pg_schema
import annotator.store.schema as schema_module
from annotator.core.annotation import Annotator
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.store import Store, open_project


def fill(store, seed_paths) -> list[str]:
    """Seeds; lin sets document one done, chen sets two in progress then lin sets it
    done; document three is set done without the journal (as an import does)."""
    store.set_tagset(default_tagset())
    import_paths(store, seed_paths)
    one, two, three = [d.id for d in store.documents()][:3]
    lin, chen = (Session(store, Annotator(w, w)) for w in ("lin", "chen"))
    # (a team project's owner works in their names here)
    lin.annotator, chen.annotator = Annotator("lin", "Lin"), Annotator("chen", "Chen")
    for s in (lin, chen):
        store.add_annotator(s.annotator)
    lin.set_status(one, "done")
    chen.set_status(two, "in_progress")
    lin.set_status(two, "done")
    chen.set_status(one, "in_progress")
    chen.undo()  # undone: not chen's
    store.set_status(three, "done")
    return [one, two, three]


def check(store, one: str, two: str, three: str) -> None:
    assert {(s.doc_id, s.annotator, s.status) for s in store.doc_statuses()} == {
        (one, "lin", "done"), (two, "lin", "done")}
    assert store.summary(three).status == "done"  # kept, as the document's
    lin = Session(store, Annotator("lin", "Lin"))
    lin.annotator = Annotator("lin", "Lin")
    lin.undo()  # lin's last step: document two back to chen's "in progress"
    assert store.status_of(two, "lin") == "in_progress"


def test_a_project_file_gives_each_status_to_who_set_it(tmp_path, monkeypatch, seed_paths):
    path = tmp_path / "old.annotator"
    with monkeypatch.context() as m:
        m.setattr(schema_module, "MIGRATIONS", schema_module.MIGRATIONS[:6])
        m.setattr(schema_module, "SCHEMA_VERSION", 6)
        old = Store.open(path, create=True)
        old.doc_statuses = lambda doc_id=None: []  # the table does not exist yet
        old._settle_status = lambda doc_ids: None
        old.status_of = lambda doc_id, who: old.summary(doc_id).status
        _set_status_v6(monkeypatch, old)
        with old:
            docs = fill(old, seed_paths)
    with Store.open(path) as store:
        check(store, *docs)


def test_a_team_project_does_the_same(team_url, monkeypatch, seed_paths):
    with monkeypatch.context() as m:
        m.setattr(pg_schema, "MIGRATIONS", pg_schema.MIGRATIONS[:1])
        m.setattr(pg_schema, "SCHEMA_VERSION", 1)
        old = open_project(team_url, create=True)
        old.doc_statuses = lambda doc_id=None: []
        old._settle_status = lambda doc_ids: None
        old.status_of = lambda doc_id, who: old.summary(doc_id).status
        _set_status_v6(monkeypatch, old)
        with old:
            docs = fill(old, seed_paths)
    with open_project(team_url) as store:
        check(store, *docs)


def _set_status_v6(monkeypatch, store) -> None:
    """The status half of a command as an older annotator stored it: on the document."""
    from annotator.core.annotation import now

    def set_one(doc_id, annotator, was, will):
        row = store.conn.execute("SELECT status FROM documents WHERE id = ?",
                                 (doc_id,)).fetchone()
        if row[0] != was:
            raise AssertionError("conflict")
        store.conn.execute("UPDATE documents SET status = ?, modified = ? WHERE id = ?",
                           (will, now(), doc_id))

    store._set_annotator_status = set_one


@pytest.fixture(autouse=True)
def _no_guidelines_before_v7(monkeypatch):
    """Sessions on the old schema read no guidelines (the table comes with v7)."""
    monkeypatch.setattr(Session, "read_guidelines", lambda self: None)
