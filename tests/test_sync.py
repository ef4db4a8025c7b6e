"""annotator checkout / push: a share of a team project in a file and back (the merge
rules of annotator.sync), tried with two members and the server in between."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from annotator.core.annotation import Annotator
from annotator.core.errors import ProjectError
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.store import Store, open_project
from annotator.store.pg.url import TeamURL
from annotator.sync import checkout, push


def as_role(url: str, user: str) -> str:
    p = TeamURL(url).params
    return f"postgresql://{quote(user, safe='')}@{p['host']}:{p['port']}/{p['dbname']}"


@pytest.fixture
def team(team_url, seed_paths):
    with open_project(team_url, create=True) as owner:
        owner.set_tagset(default_tagset())
        import_paths(owner, seed_paths)
        db = owner.conn.raw.info.dbname
        lin, chen = f"lin_{db}", f"chen_{db}"
        owner.add_member(lin, "annotator")
        owner.add_member(chen, "annotator")
    return as_role(team_url, lin), as_role(team_url, chen)


def tag(store, doc_index: int, start: int, end: int, tag_id: str = "actor.state"):
    session = Session(store, Annotator("x", "x"))
    doc = store.document(store.documents()[doc_index].id)
    return session, session.add(doc.id, doc.text, start, end, tag_id).added[0]


def test_offline_edits_come_back_and_pushing_twice_changes_nothing(team, tmp_path):
    lin_url, _ = team
    with open_project(lin_url) as lin:
        _, kept = tag(lin, 0, 0, 6)
        _, retagged = tag(lin, 0, 10, 14)
        _, dropped = tag(lin, 1, 0, 6)
        report = checkout(lin, tmp_path / "laptop.annotator")
    assert report.documents == 5 and report.spans == 3
    with Store.open(tmp_path / "laptop.annotator") as laptop:
        _, stranger = tag(laptop, 2, 0, 6)  # someone else's span here: never pushed
        session = Session(laptop, Annotator(kept.annotator, "Lin"))
        session.retag([retagged], "actor.org")
        session.delete([dropped])
        doc = laptop.document(laptop.documents()[2].id)
        added = session.add(doc.id, doc.text, 20, 26, "threat.terrorism").added[0]
        with open_project(lin_url) as lin:
            first = push(laptop, lin)
            again = push(laptop, lin)
            spans = {a.id: a for a in lin.find_spans()}
    assert (first.added, first.changed, first.deleted, first.conflicts) == (1, 1, 1, [])
    assert again.nothing and again.lines() == ["nothing to push"]
    assert spans[retagged.id].tag == "actor.org" and dropped.id not in spans
    assert spans[added.id].tag == "threat.terrorism" and kept.id in spans
    assert stranger.id not in spans


def test_a_change_on_both_sides_is_a_conflict_and_the_server_keeps_its_version(team,
                                                                             tmp_path):
    lin_url, _ = team
    with open_project(lin_url) as lin:
        session, span = tag(lin, 0, 0, 6)
        checkout(lin, tmp_path / "laptop.annotator")
        session.retag([span], "actor.org")  # on the server, after the checkout
    with Store.open(tmp_path / "laptop.annotator") as laptop:
        Session(laptop, Annotator(span.annotator, "Lin")).retag([span], "threat.other")
        with open_project(lin_url) as lin:
            report = push(laptop, lin)
            assert lin.annotations_by_id([span.id])[0].tag == "actor.org"
    assert report.nothing and len(report.conflicts) == 1
    assert span.id in report.conflicts[0] and "changed here and on the server" in \
        report.conflicts[0]


def test_a_push_is_one_undo_on_the_server(team, tmp_path):
    lin_url, _ = team
    with open_project(lin_url) as lin:
        checkout(lin, tmp_path / "laptop.annotator")
    with Store.open(tmp_path / "laptop.annotator") as laptop:
        user = laptop.checkout_info()["user"]
        session = Session(laptop, Annotator(user, "Lin"))
        doc = laptop.document(laptop.documents()[0].id)
        for start in (0, 10, 20):
            session.add(doc.id, doc.text, start, start + 4, "actor.state")
        with open_project(lin_url) as lin:
            assert push(laptop, lin).added == 3
            assert len(lin.find_spans(annotator=user)) == 3
            Session(lin, Annotator(user, "Lin")).undo()
            assert lin.find_spans(annotator=user) == []


def test_only_the_member_who_checked_out_pushes(team, tmp_path):
    lin_url, chen_url = team
    with open_project(lin_url) as lin:
        checkout(lin, tmp_path / "laptop.annotator", mine=False)
    with Store.open(tmp_path / "laptop.annotator") as laptop, open_project(chen_url) as chen, \
            pytest.raises(ProjectError, match="checked out by lin_"):
        push(laptop, chen)


def test_mine_takes_only_my_documents_and_a_plain_file_is_no_checkout(team, tmp_path):
    lin_url, _ = team
    with open_project(lin_url) as lin:
        tag(lin, 3, 0, 6)
        report = checkout(lin, tmp_path / "mine.annotator", mine=True)
        assert report.documents == 1
        Store.open(tmp_path / "plain.annotator", create=True).close()
        with Store.open(tmp_path / "plain.annotator") as plain, \
                pytest.raises(ProjectError, match="not a checkout"):
            push(plain, lin)
        with pytest.raises(ProjectError, match="already exists"):
            checkout(lin, tmp_path / "mine.annotator")
