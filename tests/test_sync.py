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


# --- the team's workflow offline and back -------------------------------------------------
def _member(url: str, name: str, role: str) -> str:
    with open_project(url) as owner:
        owner.add_member(name, role)
    return as_role(url, name)


def test_statuses_threads_and_comments_made_offline_come_back_with_their_ids(team, tmp_path):
    from annotator.core import discussion

    lin_url, chen_url = team
    with open_project(lin_url) as lin, open_project(chen_url) as chen:
        me, other = lin.user, chen.user
        session, span = tag(lin, 0, 0, 6)
        asked = session.run(discussion.open_thread(span.doc_id, span, me, "这是国家吗？"))
        old_thread = asked.command.threads_after[0]
        session.run(discussion.reply(old_thread, me, "补充：见第二段"))
        Session(chen, Annotator(other, "Chen")).run(discussion.reply(old_thread, other, "是"))
        checkout(lin, tmp_path / "laptop.annotator")
    with Store.open(tmp_path / "laptop.annotator") as laptop:
        offline = Session(laptop, Annotator(me, "Lin"))
        doc = laptop.document(laptop.documents()[1].id)
        offline.set_status(span.doc_id, "done")
        new = offline.run(discussion.open_thread(doc.id, None, me, "整篇：日期？"))
        mine = [c for c in laptop.comments(span.doc_id) if c.author == me]
        first, second = sorted(mine, key=lambda c: c.text)[::-1][:2]
        offline.run(discussion.edit_comment(first, me, "这是不是国家？"))
        offline.run(discussion.delete_comment(
            discussion.Discussion(old_thread, tuple(mine)), second, me))
        with pytest.raises(Exception, match="only"):
            discussion.edit_comment(next(c for c in laptop.comments(span.doc_id)
                                         if c.author == other), me, "x")
        with open_project(lin_url) as lin:
            report = push(laptop, lin)
            again = push(laptop, lin)
            comments = {c.id: c for c in lin.comments()}
            assert lin.status_of(span.doc_id, me) == "done"
            assert new.command.threads_after[0].id in {t.id for t in lin.threads()}
    assert report.conflicts == [] and report.workflow == {
        "statuses": 1, "assignments": 0, "threads": 1, "comments": 3}
    assert again.nothing and "1 status, 1 thread, 3 comments;" in report.lines()[-1]
    assert comments[first.id].text == "这是不是国家？" and second.id not in comments
    assert new.command.comments_after[0].id in comments
    assert any(c.author == other for c in comments.values())  # chen's reply untouched


def test_a_comment_edited_on_both_sides_is_a_conflict(team, tmp_path):
    from annotator.core import discussion

    lin_url, _ = team
    with open_project(lin_url) as lin:
        session = Session(lin, Annotator("x", "x"))
        doc = lin.documents()[0].id
        opened = session.run(discussion.open_thread(doc, None, lin.user, "v1"))
        comment = opened.command.comments_after[0]
        checkout(lin, tmp_path / "laptop.annotator")
        session.run(discussion.edit_comment(comment, lin.user, "on the server"))
    with Store.open(tmp_path / "laptop.annotator") as laptop:
        Session(laptop, Annotator(lin.user, "Lin")).run(
            discussion.edit_comment(comment, lin.user, "on the laptop"))
        with open_project(lin_url) as lin:
            report = push(laptop, lin)
            assert lin.comments_by_id([comment.id])[0].text == "on the server"
    assert len(report.conflicts) == 1 and "edited here and on the server" in report.conflicts[0]


def test_a_reviewer_resolves_and_assigns_offline_an_annotator_cannot(team, team_url,
                                                                     tmp_path):
    from annotator.core import assign, discussion

    lin_url, chen_url = team
    db = TeamURL(team_url).database
    wang_url = _member(team_url, f"wang_{db}", "reviewer")
    with open_project(lin_url) as lin:
        doc = lin.documents()[0].id
        thread = Session(lin, Annotator("x", "x")).run(
            discussion.open_thread(doc, None, lin.user, "?")).command.threads_after[0]
        checkout(lin, tmp_path / "lin.annotator")
    with open_project(wang_url) as wang:
        checkout(wang, tmp_path / "wang.annotator")
    for name, who in (("lin.annotator", lin.user), ("wang.annotator", f"wang_{db}")):
        with Store.open(tmp_path / name) as laptop:
            s = Session(laptop, Annotator(who, who))
            s.run(discussion.resolve(thread, who))
            s.run(assign.assign({doc: (lin.user,)}, laptop.assignments(), who))
    with Store.open(tmp_path / "lin.annotator") as laptop, open_project(lin_url) as server:
        refused = push(laptop, server)
        assert server.open_threads() == {doc: 1} and server.assignments() == []
    assert refused.withheld == 2 and refused.nothing
    with Store.open(tmp_path / "wang.annotator") as laptop, open_project(wang_url) as server:
        done = push(laptop, server)
        assert server.open_threads() == {} and [a.annotator for a in server.assignments()] \
            == [lin.user]
    assert done.workflow["threads"] == 1 and done.workflow["assignments"] == 1


def test_my_share_is_my_queue_and_what_i_annotated(team, team_url, tmp_path):
    from annotator.core import assign

    lin_url, _ = team
    db = TeamURL(team_url).database
    wang_url = _member(team_url, f"wang_{db}", "reviewer")
    with open_project(lin_url) as lin, open_project(wang_url) as wang:
        ids = [d.id for d in wang.documents()]
        Session(wang, Annotator("w", "w")).run(assign.assign({ids[3]: (lin.user,)}, [],
                                                              wang.user))
        tag(lin, 1, 0, 6)
        report = checkout(lin, tmp_path / "mine.annotator", mine=True)
    assert report.documents == 2
    with Store.open(tmp_path / "mine.annotator") as laptop:
        assert {d.id for d in laptop.documents()} == {ids[1], ids[3]}
        assert [a.annotator for a in laptop.assignments()] == [lin.user]
