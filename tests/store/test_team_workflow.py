"""The team's workflow where only a server has it: rights on statuses, assignments,
threads, comments and guidelines enforced by row-level security (even against
hand-written SQL), who is where (heartbeats; a stale one ignored and cleared), the review
lock (a second reviewer refused with the holder's name; a crashed window's lock freed),
and everyone's edit times for progress without anyone's journal."""

from __future__ import annotations

from urllib.parse import quote

import psycopg
import pytest

from annotator.core import assign, discussion
from annotator.core.annotation import Annotator
from annotator.core.commands import Command
from annotator.core.errors import NotAllowed
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.review import cases
from annotator.store import open_project
from annotator.store.pg import ReviewLocked
from annotator.store.pg.listen import Listener
from annotator.store.pg.url import TeamURL


def member_url(url: str, user: str) -> str:
    p = TeamURL(url).params
    return f"postgresql://{quote(user, safe='')}@{p['host']}:{p['port']}/{p['dbname']}"


@pytest.fixture
def team(team_url, seed_paths):
    """Seeds; lin, chen (annotators), wang, li (reviewers), zhou (reader)."""
    with open_project(team_url, create=True) as owner:
        owner.set_tagset(default_tagset())
        import_paths(owner, seed_paths)
        db = owner.conn.raw.info.dbname
        names = {who: f"{who}_{db}" for who in ("lin", "chen", "wang", "li", "zhou")}
        for who, role in (("lin", "annotator"), ("chen", "annotator"), ("wang", "reviewer"),
                          ("li", "reviewer"), ("zhou", "reader")):
            owner.add_member(names[who], role)
    return team_url, names


def member(team, who: str) -> tuple:
    """(store, session) of a member."""
    url, names = team
    store = open_project(member_url(url, names[who]))
    return store, Session(store, Annotator(who, who.title()))


def sql_as(team, who: str) -> psycopg.Connection:
    url, names = team
    return psycopg.connect(member_url(url, names[who]), autocommit=True)


def first(store) -> str:
    return store.documents()[0].id


# --- rights ----------------------------------------------------------------------------------
def test_statuses_are_each_members_own(team):
    url, names = team
    lin, lin_session = member(team, "lin")
    with lin:
        doc = first(lin)
        lin_session.set_status(doc, "done")
        assert lin.status_of(doc, names["lin"]) == "done"
    with sql_as(team, "chen") as chen:
        assert chen.execute("UPDATE doc_status SET status = 'todo'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            chen.execute("INSERT INTO doc_status VALUES (%s, %s, 'todo', '')",
                         (doc, names["lin"]))


def test_only_reviewers_assign_and_resolve(team):
    url, names = team
    lin, lin_session = member(team, "lin")
    wang, wang_session = member(team, "wang")
    with lin, wang:
        doc = first(lin)
        plan = {doc: (names["lin"], names["chen"])}
        with pytest.raises(NotAllowed):
            lin_session.run(assign.assign(plan, [], names["lin"]))
        wang_session.run(assign.assign(plan, [], names["wang"]))
        assert {a.annotator for a in lin.assignments(doc)} == {names["lin"], names["chen"]}
        opened = lin_session.run(discussion.open_thread(doc, None, names["lin"], "为什么？"))
        thread = opened.command.threads_after[0]
        with pytest.raises(NotAllowed):
            lin_session.run(discussion.resolve(thread, names["lin"]))
        wang_session.run(discussion.resolve(thread, names["wang"]))
        assert lin.open_threads() == {}
    with sql_as(team, "lin") as sql:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute("DELETE FROM assignments")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute("UPDATE threads SET resolved = NULL, resolved_by = NULL")


def test_anyone_comments_only_the_author_changes_a_comment(team):
    url, names = team
    lin, lin_session = member(team, "lin")
    chen, chen_session = member(team, "chen")
    with lin, chen:
        doc = first(lin)
        opened = lin_session.run(discussion.open_thread(doc, None, names["lin"], "一个问题"))
        thread, comment = opened.command.threads_after[0], opened.command.comments_after[0]
        chen_session.run(discussion.reply(thread, names["chen"], "我的回答"))
        with pytest.raises(NotAllowed):  # the window would not offer it
            discussion.edit_comment(comment, names["chen"], "changed by chen")
        forged = Command("edit_comment", doc, comments_before=(comment,),
                         comments_after=(comment._replace(text="changed by chen"),))
        with pytest.raises(NotAllowed):  # a hand-made command: the server says no
            chen_session.run(forged)
        assert chen.comments_by_id([comment.id]) == [comment]
    with sql_as(team, "chen") as sql:
        assert sql.execute("UPDATE comments SET text = 'x' WHERE id = %s",
                           (comment.id,)).rowcount == 0
        assert sql.execute("DELETE FROM comments WHERE id = %s", (comment.id,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute("INSERT INTO comments VALUES ('f', %s, %s, %s, 'x', '', '')",
                        (thread.id, doc, names["lin"]))
    with sql_as(team, "zhou") as reader, pytest.raises(psycopg.errors.InsufficientPrivilege):
        reader.execute("INSERT INTO comments VALUES ('r', %s, %s, %s, 'x', '', '')",
                       (thread.id, doc, names["zhou"]))


def test_reviewers_write_guidelines_and_the_blind_setting(team):
    url, names = team
    lin, _ = member(team, "lin")
    wang, _ = member(team, "wang")
    with lin, wang:
        with pytest.raises(NotAllowed):
            lin.set_guidelines("mine", names["lin"])
        with pytest.raises(NotAllowed):
            lin.set_blind(True)
        assert wang.set_guidelines("# 标注规范", names["wang"]).version == 1
        wang.set_blind(True)
        assert lin.blind() is True and lin.guidelines().text == "# 标注规范"
    with sql_as(team, "wang") as sql:
        assert sql.execute("UPDATE meta SET value = '99' WHERE key = "
                           "'schema_version'").rowcount == 0


def test_everyones_edit_times_without_their_journal(team):
    url, names = team
    lin, lin_session = member(team, "lin")
    chen, chen_session = member(team, "chen")
    with lin, chen:
        doc = lin.document(first(lin))
        lin_session.add(doc.id, doc.text, 0, 4, "actor.state")
        chen_session.add(doc.id, doc.text, 5, 9, "actor.state")
        assert {who for who, _ in chen.edit_times()} == {names["lin"], names["chen"]}
    with sql_as(team, "chen") as sql:
        assert {r[0] for r in sql.execute("SELECT annotator FROM journal")} == {names["chen"]}


# --- who is where ----------------------------------------------------------------------------
def test_presence_is_seen_by_colleagues_and_a_stale_heartbeat_is_cleared(team):
    url, names = team
    lin, _ = member(team, "lin")
    chen, _ = member(team, "chen")
    zhou = open_project(member_url(url, names["zhou"]))
    with lin, chen, zhou:
        one, two = [d.id for d in lin.documents()][:2]
        lin.here(one)
        chen.here(one)
        zhou.here(one)  # a reader announces nothing
        assert chen.present() == {one: sorted([names["lin"], names["chen"]])}
        lin.leave(one)
        lin.here(two)
        assert chen.present() == {one: [names["chen"]], two: [names["lin"]]}
        # lin's window crashes: her heartbeat stops; two minutes later she is gone
        with psycopg.connect(url, autocommit=True) as owner:
            owner.execute("UPDATE presence SET seen = now() - interval '3 minutes' "
                          "WHERE member = %s", (names["lin"],))
        assert chen.present() == {one: [names["chen"]]}
        chen.here(one)  # anyone's heartbeat clears the stale row
        with psycopg.connect(url, autocommit=True) as owner:
            assert owner.execute("SELECT count(*) FROM presence WHERE member = %s",
                                 (names["lin"],)).fetchone()[0] == 0


def test_a_colleague_arriving_is_notified_but_a_heartbeat_is_not(team):
    url, names = team
    listener = Listener(TeamURL(member_url(url, names["chen"])))
    listener.connect()
    try:
        lin, _ = member(team, "lin")
        with lin:
            doc = first(lin)
            listener.wait(0.5)  # lin registering as an annotator
            lin.here(doc)
            assert [(e.table, e.doc_id) for e in listener.wait(5)] == [("presence", doc)]
            lin.here(doc)
            assert listener.wait(0.2) == []
            lin.leave(doc)
            assert [(e.table, e.op) for e in listener.wait(5)] == [("presence", "DELETE")]
    finally:
        listener.close()


# --- the review lock -------------------------------------------------------------------------
def _case(store, session, doc):
    span = session.add(doc.id, doc.text, 0, 4, "actor.state").added[0]
    return cases.find_cases(store.annotations(doc.id), [span.annotator], [])[0]


def test_a_second_reviewer_is_refused_with_the_holders_name(team):
    url, names = team
    lin, lin_session = member(team, "lin")
    wang, wang_session = member(team, "wang")
    li, li_session = member(team, "li")
    with lin, wang, li:
        doc = lin.document(first(lin))
        case = _case(lin, lin_session, doc)
        wang_session.run(cases.reject(case, names["wang"]))
        assert li.review_holder(doc.id)[0] == names["wang"]
        other = _case(lin, lin_session, lin.document(lin.documents()[1].id))
        li_session.run(cases.reject(other, names["li"]))  # another document: free
        second = cases.find_cases(lin.annotations(doc.id), [names["lin"]], [])[0]
        with pytest.raises(ReviewLocked, match=f"{names['wang']} is reviewing") as caught:
            li_session.run(cases.accept(second, second.versions[0], names["li"]))
        assert "\n" not in str(caught.value)
        assert len(li.decisions(doc.id)) == 1  # wang's only
        with sql_as(team, "li") as sql, pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute("INSERT INTO review_decisions(id, doc_id, reviewer, decision, created) "
                        "VALUES ('x', %s, %s, 'rejected', '')", (doc.id, names["li"]))
        wang.leave(doc.id)  # wang moves on: the lock is free
        li_session.run(cases.accept(second, second.versions[0], names["li"]))
        assert wang.review_holder(doc.id)[0] == names["li"]


def test_a_crashed_reviewers_lock_goes_stale(team):
    url, names = team
    lin, lin_session = member(team, "lin")
    wang, wang_session = member(team, "wang")
    li, li_session = member(team, "li")
    with lin, wang, li:
        doc = lin.document(first(lin))
        wang_session.run(cases.reject(_case(lin, lin_session, doc), names["wang"]))
        wang.here(doc.id)  # a heartbeat keeps it
        with psycopg.connect(url, autocommit=True) as owner:
            owner.execute("UPDATE gold_locks SET seen = now() - interval '3 minutes'")
        assert li.review_holder(doc.id) is None
        li_session.run(cases.reject(_case(lin, lin_session, doc), names["li"]))
        assert wang.review_holder(doc.id)[0] == names["li"]
