"""Relations in a team project: the server's rights are the spans' (row-level security),
whatever SQL a member sends, and a colleague's new relation is notified at once."""

from __future__ import annotations

from urllib.parse import quote

import psycopg
import pytest

from annotator.core.annotation import Annotator
from annotator.core.errors import NotAllowed
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.review import cases as review_cases
from annotator.store import open_project
from annotator.store.pg.listen import Listener
from annotator.store.pg.url import TeamURL

INSERT = ("INSERT INTO relations(id, doc_id, source, target, type, annotator, created, "
          "modified) VALUES (%s, %s, %s, %s, 'uses', %s, '', '')")


def member_url(url: str, user: str) -> str:
    p = TeamURL(url).params
    return f"postgresql://{quote(user, safe='')}@{p['host']}:{p['port']}/{p['dbname']}"


@pytest.fixture
def team(team_url, seed_paths):
    """Seeds; lin, chen (annotators), wang, li (reviewers), zhou (reader)."""
    with open_project(team_url, create=True) as owner:
        owner.set_tagset(default_tagset())
        import_paths(owner, seed_paths[:2])
        db = owner.conn.raw.info.dbname
        names = {who: f"{who}_{db}" for who in ("lin", "chen", "wang", "li", "zhou")}
        for who, role in (("lin", "annotator"), ("chen", "annotator"), ("wang", "reviewer"),
                          ("li", "reviewer"), ("zhou", "reader")):
            owner.add_member(names[who], role)
    return team_url, names


def member(team, who: str):
    url, names = team
    store = open_project(member_url(url, names[who]))
    return store, Session(store, Annotator(who, who))


def pair(session: Session, store, at: int = 0):
    doc = store.document(store.documents()[0].id)
    actor = session.add(doc.id, doc.text, at, at + 4, "actor.state").added[0]
    drill = session.add(doc.id, doc.text, at + 10, at + 14, "mechanism.exercise").added[0]
    return doc, actor, drill


def test_chen_cannot_insert_change_or_delete_lins_relations_with_sql(team):
    url, names = team
    lin, lin_session = member(team, "lin")
    with lin:
        doc, actor, drill = pair(lin_session, lin)
        rel = lin_session.add_relation(actor, drill, "uses").added_relations[0]
    chen, chen_session = member(team, "chen")
    with chen:
        _doc, own_actor, own_drill = pair(chen_session, chen, 30)
    with psycopg.connect(member_url(url, names["chen"]), autocommit=True) as sql:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute(INSERT, ("x", doc.id, actor.id, drill.id, names["lin"]))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # in my name, on lin's spans
            sql.execute(INSERT, ("x", doc.id, actor.id, drill.id, names["chen"]))
        assert sql.execute("UPDATE relations SET type = 'poses' WHERE id = %s",
                           (rel.id,)).rowcount == 0
        assert sql.execute("UPDATE relations SET annotator = %s WHERE id = %s",
                           (names["chen"], rel.id)).rowcount == 0
        assert sql.execute("DELETE FROM relations WHERE id = %s", (rel.id,)).rowcount == 0
        sql.execute(INSERT, ("mine", doc.id, own_actor.id, own_drill.id, names["chen"]))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # giving it away: no
            sql.execute("UPDATE relations SET annotator = %s WHERE id = 'mine'",
                        (names["lin"],))
        assert sql.execute("DELETE FROM relations WHERE id = 'mine'").rowcount == 1
    chen, chen_session = member(team, "chen")
    with chen:
        with pytest.raises(NotAllowed, match="not yours to change"):
            chen_session.delete_relations([rel])
        assert chen.relations_by_id([rel.id]) == [rel]


def test_a_reader_writes_no_relation(team):
    url, names = team
    lin, lin_session = member(team, "lin")
    with lin:
        doc, actor, drill = pair(lin_session, lin)
    with psycopg.connect(member_url(url, names["zhou"]), autocommit=True) as sql:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute(INSERT, ("x", doc.id, actor.id, drill.id, names["zhou"]))
        assert sql.execute("SELECT count(*) FROM relations").fetchone() == (0,)


def test_reviewers_share_the_gold_layers_relations_but_not_annotators(team):
    url, names = team
    lin, lin_session = member(team, "lin")
    with lin:
        doc, actor, drill = pair(lin_session, lin)
        lins = lin_session.add_relation(actor, drill, "uses").added_relations[0]
    wang, wang_session = member(team, "wang")
    with wang:
        gold = []
        for case in review_cases.find_cases(wang.annotations(doc.id), [names["lin"]], []):
            gold += wang_session.run(review_cases.accept(case, case.versions[0],
                                                         names["wang"])).added
        gold_rel = wang_session.add_relation(gold[0], gold[1], "uses").added_relations[0]
        assert gold_rel.annotator == names["wang"]
    with psycopg.connect(member_url(url, names["wang"]), autocommit=True) as sql:
        assert sql.execute("DELETE FROM relations WHERE id = %s", (lins.id,)).rowcount == 0
    with psycopg.connect(member_url(url, names["li"]), autocommit=True) as sql:
        assert sql.execute("UPDATE relations SET modified = 'now' WHERE id = %s",
                           (gold_rel.id,)).rowcount == 1  # another reviewer: gold is shared
        assert sql.execute("DELETE FROM relations WHERE id = %s", (lins.id,)).rowcount == 0
    with psycopg.connect(member_url(url, names["chen"]), autocommit=True) as sql:
        assert sql.execute("DELETE FROM relations WHERE id = %s",
                           (gold_rel.id,)).rowcount == 0


def accepted_by_wang(team):
    """lin's two spans on the first document, accepted into gold by the reviewer wang:
    (the document, wang's store, wang's session)."""
    names = team[1]
    lin, lin_session = member(team, "lin")
    with lin:
        doc, _actor, _drill = pair(lin_session, lin)
    wang, wang_session = member(team, "wang")
    for case in review_cases.find_cases(wang.annotations(doc.id), [names["lin"]], []):
        wang_session.run(review_cases.accept(case, case.versions[0], names["wang"]))
    return doc, wang, wang_session


def test_a_reviewer_deleting_a_gold_span_takes_its_decision_and_relation_with_it(team):
    names = team[1]
    doc, wang, wang_session = accepted_by_wang(team)
    with wang:
        gold = sorted((a for a in wang.annotations(doc.id) if a.annotator == names["wang"]),
                      key=lambda a: a.start)
        wang_session.add_relation(gold[0], gold[1], "uses")
        wang_session.delete(gold[:1])
        assert {d.result_id for d in wang.decisions(doc.id)} == {gold[1].id}
        assert wang.relations(doc.id) == []
        wang_session.undo()
        assert {d.result_id for d in wang.decisions(doc.id)} == {a.id for a in gold}
        assert len(wang.relations(doc.id)) == 1


def test_another_reviewers_decision_is_not_deleted_with_its_gold_span(team):
    """Deleting a gold span deletes the decision it settles; the server stores a decision
    in its reviewer's name only, so an undo could not bring wang's back: li is refused,
    and nothing changes."""
    names = team[1]
    doc, wang, _wang_session = accepted_by_wang(team)
    with wang:
        wang.leave(doc.id)
    li, li_session = member(team, "li")
    with li:
        gold = [a for a in li.annotations(doc.id) if a.annotator == names["wang"]]
        decisions = li.decisions(doc.id)
        with pytest.raises(NotAllowed, match=f"decision of {names['wang']}'s"):
            li_session.delete(gold[:1])
        assert li.decisions(doc.id) == decisions and len(li.annotations(doc.id)) == 4


def test_a_colleagues_relation_is_notified(team):
    url, names = team
    lin, lin_session = member(team, "lin")
    with lin:
        doc, actor, drill = pair(lin_session, lin)
        listener = Listener(TeamURL(member_url(url, names["chen"])))
        listener.connect()
        try:
            lin_session.add_relation(actor, drill, "uses")
            events = listener.wait(5)
            assert [(e.table, e.by, e.doc_id) for e in events if e.table == "relations"] == [
                ("relations", names["lin"], doc.id)]
        finally:
            listener.close()


def test_machine_layers_relations_are_the_reviewers_to_write(team):
    url, names = team
    lin, _ = member(team, "lin")
    with lin:
        doc = lin.document(lin.documents()[0].id)
    span = ('INSERT INTO annotations(id, doc_id, start, "end", tag, annotator, created, '
            "modified) VALUES (%s, %s, %s, %s, %s, 'model:crf', '', '')")
    with psycopg.connect(member_url(url, names["wang"]), autocommit=True) as sql:
        sql.execute("INSERT INTO annotators(id, name, role, created) VALUES ('model:crf', "
                    "'CRF', 'annotator', '')")
        sql.execute(span, ("m1", doc.id, 0, 4, "actor.igo"))
        sql.execute(span, ("m2", doc.id, 10, 14, "mechanism.exercise"))
        sql.execute(INSERT, ("mr", doc.id, "m1", "m2", "model:crf"))
    with psycopg.connect(member_url(url, names["lin"]), autocommit=True) as sql:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute(INSERT, ("x", doc.id, "m2", "m1", "model:crf"))
        assert sql.execute("DELETE FROM relations WHERE id = 'mr'").rowcount == 0
    with psycopg.connect(member_url(url, names["li"]), autocommit=True) as sql:
        assert sql.execute("DELETE FROM relations WHERE id = 'mr'").rowcount == 1


def test_a_team_project_made_before_relations_gets_them_with_the_rights(team_url, monkeypatch,
                                                                        seed_paths):
    from annotator.store.pg import schema as pg_schema

    with monkeypatch.context() as m:
        m.setattr(pg_schema, "MIGRATIONS", pg_schema.MIGRATIONS[:3])
        m.setattr(pg_schema, "SCHEMA_VERSION", 3)
        with open_project(team_url, create=True) as owner:
            owner.set_tagset(default_tagset())
            import_paths(owner, seed_paths[:1])
            db = owner.conn.raw.info.dbname
            names = {who: f"{who}_{db}" for who in ("lin", "chen")}
            for who in names.values():
                owner.add_member(who, "annotator")
            assert owner.meta("schema_version") == 3
    with open_project(team_url) as owner:  # the owner's opening upgrades it
        assert owner.meta("schema_version") == pg_schema.SCHEMA_VERSION
    team = (team_url, names)
    lin, lin_session = member(team, "lin")
    with lin:
        doc, actor, drill = pair(lin_session, lin)
        rel = lin_session.add_relation(actor, drill, "uses").added_relations[0]
    with psycopg.connect(member_url(team_url, names["chen"]), autocommit=True) as sql:
        assert sql.execute("DELETE FROM relations WHERE id = %s", (rel.id,)).rowcount == 0
