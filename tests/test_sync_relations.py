"""Relations made offline in a checkout come back with a push (ids kept; pushing twice
changes nothing; one undo on the server takes them back); one whose span went away on the
server is a listed conflict, never a dangling relation."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from annotator.core.annotation import Annotator
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.store import Store, open_project
from annotator.store.pg.url import TeamURL
from annotator.sync import checkout, push


@pytest.fixture
def lin_url(team_url, seed_paths):
    with open_project(team_url, create=True) as owner:
        owner.set_tagset(default_tagset())
        import_paths(owner, seed_paths[:2])
        lin = f"lin_{owner.conn.raw.info.dbname}"
        owner.add_member(lin, "annotator")
    p = TeamURL(team_url).params
    return f"postgresql://{quote(lin, safe='')}@{p['host']}:{p['port']}/{p['dbname']}"


def spans(store, session: Session, *places):
    doc = store.document(store.documents()[0].id)
    return [session.add(doc.id, doc.text, at, at + 4, tag).added[0] for at, tag in places]


def test_offline_relations_come_back_and_pushing_twice_changes_nothing(lin_url, tmp_path):
    with open_project(lin_url) as lin:
        s = Session(lin, Annotator("x", "x"))
        actor, drill, threat = spans(lin, s, (0, "actor.igo"), (10, "mechanism.exercise"),
                                     (20, "threat.terrorism"))
        old = s.add_relation(actor, drill, "uses").added_relations[0]
        checkout(lin, tmp_path / "laptop.annotator")
    with Store.open(tmp_path / "laptop.annotator") as laptop:
        here = Session(laptop, Annotator(actor.annotator, "Lin"))
        assert laptop.relations(actor.doc_id) == [old]
        new = here.add_relation(drill, threat, "addresses").added_relations[0]
        here.delete_relations([old])
        with open_project(lin_url) as lin:
            first = push(laptop, lin)
            again = push(laptop, lin)
            assert lin.relations(actor.doc_id) == [new]
            assert Session(lin, Annotator("x", "x")).undo().removed_relations == (new,)
            assert lin.relations(actor.doc_id) == [old]
    assert first.relations == 2 and first.conflicts == []
    assert "2 relations" in first.lines()[-1]
    assert again.nothing


def test_a_relation_to_a_span_deleted_on_the_server_is_a_conflict(lin_url, tmp_path):
    with open_project(lin_url) as lin:
        s = Session(lin, Annotator("x", "x"))
        actor, drill = spans(lin, s, (0, "actor.igo"), (10, "mechanism.exercise"))
        checkout(lin, tmp_path / "laptop.annotator")
        s.delete([drill])  # on the server, after the checkout
    with Store.open(tmp_path / "laptop.annotator") as laptop:
        here = Session(laptop, Annotator(actor.annotator, "Lin"))
        rel = here.add_relation(actor, drill, "uses").added_relations[0]
        with open_project(lin_url) as lin:
            report = push(laptop, lin)
            assert lin.relations(actor.doc_id) == []
    assert report.nothing and report.conflicts == [
        f"relation {rel.id} (uses in document {rel.doc_id}): a span it joins is not on the "
        "server; not pushed"]
