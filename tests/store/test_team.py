"""What only a team project (PostgreSQL) has: opening by URL, identity from the login
role, rights enforced by the server (row-level security), members, live notifications,
and faults reported in one line without a password in them."""

from __future__ import annotations

from urllib.parse import quote

import psycopg
import pytest

from annotator.core.annotation import Annotator
from annotator.core.errors import AnnotatorError, ProjectError
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.store import open_project
from annotator.store.pg import ConnectionLost, NotAllowed, PgStore
from annotator.store.pg.listen import Listener
from annotator.store.pg.url import TeamURL

SEEDS = "seeds"


def member_url(url: str, user: str, password: str | None = None) -> str:
    """The same database, as another role (a URL: what users type)."""
    p = TeamURL(url).params
    auth = quote(user, safe="") + (f":{quote(password, safe='')}" if password else "")
    return f"postgresql://{auth}@{p['host']}:{p['port']}/{p['dbname']}"


@pytest.fixture
def team(team_url, seed_paths):
    """A team project with the seeds, and members lin, chen (annotators), wang (reviewer),
    zhou (reader). Role names are made unique per test database: roles are server-wide."""
    with open_project(team_url, create=True) as owner:
        owner.set_tagset(default_tagset())
        import_paths(owner, seed_paths)
        db = owner.conn.raw.info.dbname
        names = {who: f"{who}_{db}" for who in ("lin", "chen", "wang", "zhou")}
        for who, role in (("lin", "annotator"), ("chen", "annotator"), ("wang", "reviewer"),
                          ("zhou", "reader")):
            owner.add_member(names[who], role)
    return team_url, names


def as_member(team, who: str) -> PgStore:
    url, names = team
    return open_project(member_url(url, names[who]))


def first_doc(store):
    return store.document(store.documents()[0].id)


# --- opening ---------------------------------------------------------------------------
def test_a_new_project_on_an_empty_database(team_url):
    with open_project(team_url, create=True) as store:
        assert store.kind == "team" and store.role == "owner"
        assert store.documents() == [] and store.location == team_url


def test_an_empty_database_is_not_opened_as_a_project(team_url):
    with pytest.raises(ProjectError, match="holds no annotator project.*annotator init"):
        open_project(team_url)


def test_a_database_of_another_application_is_refused_untouched(team_url):
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    for create in (False, True):
        with pytest.raises(ProjectError, match="not an annotator project"):
            open_project(team_url, create=create)
    with psycopg.connect(team_url) as conn:
        tables = conn.execute("SELECT table_name FROM information_schema.tables WHERE "
                              "table_schema = 'public'").fetchall()
    assert tables == [("invoices",)]


def test_a_newer_schema_is_refused(team_url):
    with open_project(team_url, create=True) as store, store.transaction():
        store._set_meta("schema_version", 99)
    with pytest.raises(ProjectError, match="newer version of annotator"):
        open_project(team_url)


def test_init_creates_a_missing_database(pg_cluster):
    url = pg_cluster.url(dbname="made_by_init")
    with open_project(url, create=True) as store:
        assert store.conn.raw.info.dbname == "made_by_init"
    with pytest.raises(ProjectError, match="no such database.*createdb nowhere"):
        open_project(pg_cluster.url(dbname="nowhere"))


def test_faults_are_one_line_without_the_password(pg_cluster, team):
    url, names = team
    secret = "Sup3r-Secret-Pw"
    with open_project(url) as owner:
        owner.add_member(names["lin"], "annotator", password=secret)
    wrong = [member_url(url, "nobody_here", secret),
             f"postgresql://x:{secret}@127.0.0.1:1/db",  # nothing listens on port 1
             "postgresql://x:" + secret + "@127.0.0.1:5432/db?sslmode=bogus"]
    for bad in wrong:
        with pytest.raises(AnnotatorError) as caught:
            open_project(bad)
        message = str(caught.value)
        assert secret not in message and "\n" not in message, message
        assert message.startswith("postgresql://"), message


def test_the_location_never_holds_the_password(team):
    url, names = team
    with open_project(url) as owner:
        owner.add_member(names["lin"], "annotator", password="pw-123456")
    with open_project(member_url(url, names["lin"], "pw-123456")) as lin:
        assert "pw-123456" not in lin.location and names["lin"] in lin.location
        assert "pw-123456" not in repr(lin.url)


# --- identity and rights ---------------------------------------------------------------
def test_spans_carry_the_login_role_whatever_name_is_asked(team):
    with as_member(team, "lin") as lin:
        session = Session(lin, Annotator("someone-else", "Lin Wei"))
        doc = first_doc(lin)
        change = session.add(doc.id, doc.text, 0, 6, "actor.state")
        assert change.added[0].annotator == team[1]["lin"]
        assert session.annotator.name == "Lin Wei"


def test_an_annotator_cannot_touch_anothers_spans_even_with_hand_written_sql(team):
    url, names = team
    with as_member(team, "lin") as lin:
        doc = first_doc(lin)
        span = Session(lin, Annotator("lin", "Lin")).add(doc.id, doc.text, 0, 6,
                                                          "actor.state").added[0]
    with psycopg.connect(member_url(url, names["chen"]), autocommit=True) as chen:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            chen.execute('INSERT INTO annotations(id, doc_id, start, "end", tag, annotator, '
                         "created, modified) VALUES ('x', %s, 0, 2, 'actor.state', %s, '', '')",
                         (doc.id, names["lin"]))
        assert chen.execute("UPDATE annotations SET tag = 'threat.other' WHERE id = %s",
                            (span.id,)).rowcount == 0
        assert chen.execute("DELETE FROM annotations WHERE id = %s", (span.id,)).rowcount == 0
        assert chen.execute("UPDATE annotations SET annotator = %s WHERE id = %s",
                            (names["chen"], span.id)).rowcount == 0  # taking it over: no
        chen_span = chen.execute(
            'INSERT INTO annotations(id, doc_id, start, "end", tag, annotator, created, '
            "modified) VALUES ('mine', %s, 0, 2, 'actor.state', %s, '', '') RETURNING id",
            (doc.id, names["chen"])).fetchone()
        assert chen_span == ("mine",)  # their own layer: yes
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # and giving it away: no
            chen.execute("UPDATE annotations SET annotator = %s WHERE id = 'mine'",
                         (names["lin"],))
    with as_member(team, "chen") as chen_store:
        session = Session(chen_store, Annotator("chen", "Chen"))
        with pytest.raises(AnnotatorError):
            session.delete([span])
        with pytest.raises(NotAllowed):
            session.retag([span], "actor.org")
        assert chen_store.annotations_by_id([span.id]) == [span]


def test_a_reader_changes_nothing(team):
    with as_member(team, "zhou") as zhou:
        assert zhou.role == "reader" and zhou.read_only
        doc = first_doc(zhou)
        with pytest.raises(ProjectError, match="read-only"):
            Session(zhou, Annotator("z", "Z")).add(doc.id, doc.text, 0, 4, "actor.state")


def test_only_reviewers_write_review_decisions(team):
    url, names = team
    with psycopg.connect(member_url(url, names["lin"]), autocommit=True) as lin:
        doc = lin.execute("SELECT id FROM documents LIMIT 1").fetchone()[0]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            lin.execute("INSERT INTO review_decisions(id, doc_id, reviewer, decision, created) "
                        "VALUES ('d', %s, %s, 'rejected', '')", (doc, names["lin"]))
    with psycopg.connect(member_url(url, names["wang"]), autocommit=True) as wang:
        wang.execute("INSERT INTO annotators(id, name, role, created) VALUES (%s, 'W', "
                     "'reviewer', '') ON CONFLICT DO NOTHING", (names["wang"],))
        wang.execute("INSERT INTO review_decisions(id, doc_id, reviewer, decision, created) "
                     "VALUES ('d', %s, %s, 'rejected', '')", (doc, names["wang"]))


def test_hostile_names_tags_and_searches_go_through_as_data(team_url, seed_paths):
    hostile = 'x"; DROP TABLE annotations; --'
    with open_project(team_url, create=True) as owner:
        owner.set_tagset(default_tagset())
        import_paths(owner, seed_paths)
        member = owner.add_member(hostile[:40] + owner.conn.raw.info.dbname, "annotator")
        for query in ("%", "_", "'", "\\", "' OR 1=1 --", "%' OR '1'='1"):
            assert owner.search(query) == [] or all(h.end > h.start for h in owner.search(query))
        assert owner.find_spans(tag="'; DROP TABLE documents; --") == []
    with open_project(member_url(team_url, member.name)) as them:
        doc = first_doc(them)
        session = Session(them, Annotator("x", "x"))
        change = session.add(doc.id, doc.text, 0, 4, "actor.state",
                             {"note": "'); DELETE FROM annotations; --"})
        assert them.annotations_by_id([change.added[0].id])[0].annotator == member.name
        assert len(them.documents()) == len(seed_paths)


def test_members_and_their_roles(team):
    url, names = team
    with open_project(url) as owner:
        roles = {m.name: m.role for m in owner.members()}
        assert roles == {names["lin"]: "annotator", names["chen"]: "annotator",
                         names["wang"]: "reviewer", names["zhou"]: "reader"}
        owner.add_member(names["chen"], "reviewer")
        owner.remove_member(names["zhou"])
        roles = {m.name: m.role for m in owner.members()}
        assert roles[names["chen"]] == "reviewer" and names["zhou"] not in roles
    with as_member(team, "lin") as lin, pytest.raises(NotAllowed, match="only the project's owner"):
        lin.add_member("eve", "reviewer")
    with pytest.raises(ProjectError, match="not a member"):
        as_member(team, "zhou")


# --- at once ---------------------------------------------------------------------------
def test_two_annotators_on_one_document_at_once_never_block(team):
    with as_member(team, "lin") as lin, as_member(team, "chen") as chen:
        doc = first_doc(lin)
        lin_session = Session(lin, Annotator("lin", "Lin"))
        chen_session = Session(chen, Annotator("chen", "Chen"))
        with lin.transaction():  # lin's transaction stays open while chen commits
            lin_session.add(doc.id, doc.text, 0, 4, "actor.state")
            chen.conn.raw.execute("SET statement_timeout = '2s'")
            chen_session.add(doc.id, doc.text, 0, 4, "actor.state")  # same place: no wait
        spans = lin.annotations(doc.id)
        assert sorted(a.annotator for a in spans) == sorted(team[1][w] for w in ("lin", "chen"))


def test_undo_is_per_annotator_and_survives_a_restart(team):
    with as_member(team, "lin") as lin, as_member(team, "chen") as chen:
        doc = first_doc(lin)
        Session(lin, Annotator("lin", "Lin")).add(doc.id, doc.text, 0, 4, "actor.state")
        Session(chen, Annotator("chen", "Chen")).add(doc.id, doc.text, 5, 9, "actor.state")
    with as_member(team, "lin") as lin:
        undone = Session(lin, Annotator("lin", "Lin")).undo()
        assert undone is not None and undone.removed[0].annotator == team[1]["lin"]
        assert [a.annotator for a in lin.annotations(doc.id)] == [team[1]["chen"]]


def test_a_colleagues_commit_is_notified_at_once(team):
    url, names = team
    listener = Listener(TeamURL(member_url(url, names["chen"])))
    listener.connect()
    try:
        with as_member(team, "lin") as lin:
            doc = first_doc(lin)
            Session(lin, Annotator("lin", "Lin")).add(doc.id, doc.text, 0, 4, "actor.state")
            events = listener.wait(5)
        spans = [(e.by, e.doc_id) for e in events if e.table == "annotations"]
        assert spans == [(names["lin"], doc.id)]
        assert listener.wait(0.05) == []
    finally:
        listener.close()


def test_a_burst_of_commits_comes_as_one_batch_without_spinning(team, monkeypatch):
    """The listener waits on its socket and takes the notifications without waiting inside
    psycopg (whose notifies() with a short timeout spins: ~1 ms of CPU for a 10 ms wait),
    with what else arrives within GATHER_S of the first: one batch."""
    import threading
    import time

    from annotator.store.pg import listen

    url, names = team
    monkeypatch.setattr(listen, "GATHER_S", 2.0)  # wide: the second commit comes 0.3 s late
    listener = Listener(TeamURL(member_url(url, names["chen"])))
    listener.connect()
    asked: list[float | None] = []
    notifies = psycopg.Connection.notifies

    def recorded(conn, *args, timeout=None, **kwargs):
        asked.append(timeout)
        return notifies(conn, *args, timeout=timeout, **kwargs)

    def colleague(start: int, delay: float) -> None:
        time.sleep(delay)
        with as_member(team, "lin") as lin:
            doc = first_doc(lin)
            Session(lin, Annotator("lin", "Lin")).add(doc.id, doc.text, start, start + 3,
                                                       "actor.state")

    monkeypatch.setattr(psycopg.Connection, "notifies", recorded)
    try:
        colleague(0, 0)
        late = threading.Thread(target=colleague, args=(5, 0.3))
        late.start()
        events = listener.wait(5)
        late.join()
        assert [e.table for e in events].count("annotations") == 2  # one batch
        assert asked and all(t == 0 for t in asked)  # never a wait inside psycopg
        assert listener.wait(0.05) == []
    finally:
        listener.close()


def test_a_notification_read_during_a_statement_is_not_lost(team):
    """psycopg keeps a notification that came while the connection ran a statement (the
    LISTEN when connecting) in its own queue, not on the socket: taken first."""
    import json
    import threading
    import time

    url, names = team
    listener = Listener(TeamURL(member_url(url, names["chen"])))
    listener.connect()
    payload = json.dumps({"table": "annotations", "op": "INSERT", "by": "lin", "doc": "d1"})

    def colleague() -> None:
        time.sleep(0.2)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("SELECT pg_notify('annotator', %s)", (payload,))

    threading.Thread(target=colleague).start()
    assert listener.conn is not None
    listener.conn.execute("SELECT pg_sleep(0.6)")  # a statement running meanwhile
    try:
        started = time.monotonic()
        assert [e.doc_id for e in listener.wait(3.0)] == ["d1"]
        assert time.monotonic() - started < 1.0  # at once, not after the timeout
    finally:
        listener.close()


def test_the_listener_works_on_a_socket_past_descriptor_1023(team):
    """select() refuses descriptors from 1024 on ('filedescriptor out of range'), which
    the window would have shown as a lost connection, reconnecting forever."""
    import os
    import resource

    url, names = team
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 1200
    assert hard == resource.RLIM_INFINITY or hard >= wanted, f"open-file limit {hard}"
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
    held = [os.open(os.devnull, os.O_RDONLY) for _ in range(1100)]
    listener = Listener(TeamURL(member_url(url, names["chen"])))
    try:
        listener.connect()
        assert listener.conn is not None and listener.conn.fileno() >= 1024
        with as_member(team, "lin") as lin:
            doc = first_doc(lin)
            Session(lin, Annotator("lin", "Lin")).add(doc.id, doc.text, 0, 3, "actor.state")
        assert [e.table for e in listener.wait(5)].count("annotations") == 1
    finally:
        listener.close()
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_a_lost_connection_is_one_line(pg_cluster, team):
    with as_member(team, "lin") as lin:
        backend = lin.conn.raw.info.backend_pid
        with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (backend,))
        with pytest.raises(ConnectionLost) as caught:
            lin.documents()
        assert "\n" not in str(caught.value)


def test_a_reviewer_accepting_a_span_its_author_just_deleted_is_a_one_line_conflict(team):
    from annotator.review import cases as review_cases

    with as_member(team, "lin") as lin, as_member(team, "wang") as wang:
        doc = first_doc(lin)
        author = Session(lin, Annotator("lin", "Lin"))
        span = author.add(doc.id, doc.text, 0, 6, "actor.state").added[0]
        reviewer = Session(wang, Annotator("wang", "Wang"))
        # the reviewer's window shows the case; the author deletes the span a moment before
        [case] = review_cases.find_cases(wang.annotations(doc.id), [span.annotator], [])
        author.delete([span])
        with pytest.raises(AnnotatorError) as caught:
            reviewer.run(review_cases.accept(case, case.versions[0], reviewer.annotator.id))
        assert "changed or deleted since" in str(caught.value)
        assert "\n" not in str(caught.value)
        assert wang.annotations(doc.id) == [] and wang.decisions(doc.id) == []
        # nothing was lost: the author's delete stands, and is theirs to undo
        assert author.undo() is not None
        [back] = wang.annotations(doc.id)
        assert back == span
        accepted = reviewer.run(review_cases.accept(
            review_cases.find_cases([back], [span.annotator], [])[0], back,
            reviewer.annotator.id))
        assert accepted is not None and len(wang.decisions(doc.id)) == 1


def test_an_older_schema_is_upgraded_by_its_owner_only(team, monkeypatch):
    from annotator.store.pg import schema

    url, names = team
    upgraded = []
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, upgraded.append))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    with pytest.raises(ProjectError, match="its owner must open it once"):
        as_member(team, "lin")
    assert upgraded == []
    with open_project(url) as owner:
        assert owner.meta("schema_version") == schema.SCHEMA_VERSION
    assert len(upgraded) == 1
    with as_member(team, "lin") as lin:
        assert lin.role == "annotator"


def test_check_finds_what_is_wrong_in_a_team_project(team):
    url, names = team
    with open_project(url) as owner:
        doc = first_doc(owner)
        owner.add_annotator(Annotator("ghost", "Ghost"))
        with owner.transaction():  # what a hand-made edit on the server could leave behind
            owner.conn.execute(
                'INSERT INTO annotations(id, doc_id, start, "end", tag, annotator, created, '
                "modified) VALUES ('bad', ?, 0, 3, 'no.such.tag', 'ghost', '', '')", (doc.id,))
            owner.conn.execute(
                "INSERT INTO review_decisions(id, doc_id, reviewer, decision, targets, created) "
                "VALUES ('d1', ?, 'ghost', 'accepted', ?, '')", (doc.id, '["gone"]'))
            owner.conn.execute("INSERT INTO journal(annotator, doc_id, kind, payload, created) "
                               "VALUES ('ghost', ?, 'add', '{not json', '')", (doc.id,))
        report = owner.check()
    kinds = sorted(p.kind for p in report.problems)
    assert kinds == ["journal", "orphan", "tag"], report.lines()
    assert not report.ok and "targets missing annotation gone" in " ".join(report.lines())


# --- machine layers (annotator.recommend) ----------------------------------------------
def _recommenders(store):
    from annotator.recommend.data import Example, segments
    from annotator.recommend.evaluate import train
    from annotator.recommend.models import Recommenders

    doc = first_doc(store)
    at = doc.text.index("上合组织")
    spans = tuple((i, i + 4, "actor.igo") for i in range(len(doc.text))
                  if doc.text.startswith("上合组织", i))
    trained = train(segments(Example(doc.id, doc.text, spans)), [], [])
    assert at >= 0
    return Recommenders({"lexicon": trained.lexicon, "crf": trained.crf},
                        {"f1": {"lexicon": 1.0, "crf": 1.0}})


def test_only_a_reviewer_writes_a_machine_layer(team):
    from annotator.recommend.layer import predict_into

    with as_member(team, "wang") as reviewer:
        loaded = _recommenders(reviewer)
        doc = first_doc(reviewer)
        outcome = predict_into(reviewer, loaded, ["lexicon"], "model:lexicon", [doc.id])
        assert outcome.added > 0
        assert {a.annotator for a in reviewer.annotations(doc.id)} == {"model:lexicon"}
        again = predict_into(reviewer, loaded, ["lexicon"], "model:lexicon", [doc.id])
        assert (again.added, again.removed) == (0, 0)  # nothing twice
    with as_member(team, "lin") as annotator:
        with pytest.raises(AnnotatorError):  # registering the layer is refused
            predict_into(annotator, loaded, ["lexicon"], "model:crf", [doc.id])
        machine = annotator.annotations(doc.id)
        assert {a.annotator for a in machine} == {"model:lexicon"}
    url, names = team
    with psycopg.connect(member_url(url, names["lin"]), autocommit=True) as lin:
        assert lin.execute("DELETE FROM annotations WHERE annotator = 'model:lexicon'"
                           ).rowcount == 0  # hand-written SQL changes nothing either
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            lin.execute('INSERT INTO annotations(id, doc_id, start, "end", tag, annotator, '
                        "created, modified) VALUES ('m', %s, 0, 2, 'actor.state', "
                        "'model:lexicon', '', '')", (doc.id,))


def test_the_f1_threshold_is_the_owners_to_set(team):
    from annotator.recommend import models

    with as_member(team, "wang") as reviewer:
        with pytest.raises(AnnotatorError) as refused:
            models.set_threshold(reviewer, 0.9)
        assert "\n" not in str(refused.value)
        assert models.threshold(reviewer) == models.DEFAULT_THRESHOLD
    url, _names = team
    with open_project(url) as owner:
        models.set_threshold(owner, 0.9)
    with as_member(team, "lin") as annotator:
        assert models.threshold(annotator) == 0.9
