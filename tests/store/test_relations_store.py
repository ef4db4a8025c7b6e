"""Relations in the store, on both engines: added and deleted only by commands, deleted
with their spans in one undo step, undone and redone through the journal (across a
restart, per annotator), refused when an end went away a moment before."""

from __future__ import annotations

import pytest

from annotator.core import commands
from annotator.core.annotation import Annotator
from annotator.core.commands import Command
from annotator.core.errors import AnnotatorError, ConflictError
from annotator.core.relations import Relation, RelationError
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.project import import_paths


@pytest.fixture
def store(engine_store, seed_paths):
    engine_store.set_tagset(default_tagset())
    import_paths(engine_store, seed_paths[:2])
    return engine_store


def session(store, who: str = "lin") -> Session:
    s = Session(store, Annotator(who, who.title()))
    s.annotator = Annotator(who, who.title())  # the owner, working in another's name
    store.add_annotator(s.annotator)
    return s


def chain(store, s: Session):
    """An actor, a mechanism and a threat in the first document, as ``s``."""
    doc = store.document(store.documents()[0].id)
    actor = s.add(doc.id, doc.text, 0, 4, "actor.igo").added[0]
    drill = s.add(doc.id, doc.text, 10, 14, "mechanism.exercise").added[0]
    threat = s.add(doc.id, doc.text, 20, 24, "threat.terrorism").added[0]
    return doc, actor, drill, threat


def test_add_read_and_undo_a_relation(store):
    lin = session(store)
    doc, actor, drill, threat = chain(store, lin)
    change = lin.add_relation(actor, drill, "uses")
    assert change.relations and change.added == () and change.removed_relations == ()
    rel = change.added_relations[0]
    assert (rel.source, rel.target, rel.type, rel.annotator) == (actor.id, drill.id, "uses",
                                                                 "lin")
    assert store.relations(doc.id) == [rel]
    assert list(store.all_relations()) == [rel] == list(store.all_relations("lin"))
    assert list(store.all_relations("chen")) == []
    assert store.relations_by_id([rel.id]) == [rel] and store.relation_count() == 1
    assert store.relations_touching([drill.id]) == [rel]
    assert lin.undo_state().undo.label == "relate uses"
    undone = lin.undo()
    assert undone.removed_relations == (rel,) and store.relations(doc.id) == []
    assert lin.redo().added_relations == (rel,) and store.relations(doc.id) == [rel]


def test_tagset_rules_are_kept_by_the_session(store):
    lin = session(store)
    _doc, actor, drill, threat = chain(store, lin)
    with pytest.raises(RelationError, match="may not join mechanism.exercise to actor.igo"):
        lin.add_relation(drill, actor, "uses")
    lin.add_relation(actor, drill, "uses")
    with pytest.raises(RelationError, match="already exists"):
        lin.add_relation(actor, drill, "uses")
    with pytest.raises(RelationError, match="to itself"):
        lin.add_relation(actor, actor, "cooperates_with")
    assert len(store.relations(actor.doc_id)) == 1


def test_deleting_a_span_deletes_its_relations_in_the_same_undo_step(store):
    lin = session(store)
    doc, actor, drill, threat = chain(store, lin)
    uses = lin.add_relation(actor, drill, "uses").added_relations[0]
    addresses = lin.add_relation(drill, threat, "addresses").added_relations[0]
    poses = lin.add_relation(actor, threat, "poses").added_relations[0]
    change = lin.delete([drill])
    assert set(change.removed_relations) == {uses, addresses}
    assert store.relations(doc.id) == [poses]
    assert lin.undo_state().undo.label == "delete 1 span"
    lin.undo()
    assert set(store.relations(doc.id)) == {uses, addresses, poses}
    assert store.annotations_by_id([drill.id]) == [drill]
    lin.redo()
    assert store.relations(doc.id) == [poses]


def test_a_bare_command_deleting_spans_is_cascaded_by_the_store(store):
    """Whatever builds the command (a merge, a script), nothing is left pointing at a gone
    span, and the journal holds what was removed, so undo brings it back."""
    lin = session(store)
    doc, actor, drill, _threat = chain(store, lin)
    uses = lin.add_relation(actor, drill, "uses").added_relations[0]
    applied = store.apply_command(Command("delete", doc.id, (actor,), ()), "lin")
    assert applied.removed_relations == (uses,) and applied.before == (actor,)  # as journalled
    assert store.relations(doc.id) == []
    assert store.undo("lin").added_relations == (uses,)
    assert store.relations(doc.id) == [uses]


def test_a_relation_whose_end_was_just_deleted_is_a_one_line_conflict(store):
    lin = session(store)
    doc, actor, drill, _threat = chain(store, lin)
    late = commands.add_relation(actor, drill, "uses")
    lin.delete([drill])  # a moment before (another window of lin's, say)
    with pytest.raises(ConflictError) as e:
        store.apply_command(late, "lin")
    assert "a span it joins was changed or deleted since; nothing was changed" in str(e.value)
    assert "\n" not in str(e.value) and store.relations(doc.id) == []


def test_deleting_a_relation_changed_since_is_a_conflict(store):
    lin = session(store)
    _doc, actor, drill, _threat = chain(store, lin)
    rel = lin.add_relation(actor, drill, "uses").added_relations[0]
    lin.delete_relations([rel])
    with pytest.raises(ConflictError, match="relation it changes was changed or deleted"):
        store.apply_command(commands.delete_relations([rel]), "lin")


def test_a_relation_across_layers_or_documents_is_refused_by_the_store(store):
    lin, chen = session(store, "lin"), session(store, "chen")
    doc, actor, _drill, _threat = chain(store, lin)
    chens = chen.add(doc.id, doc.text, 30, 34, "mechanism.meeting").added[0]
    mixed = Command("relate", doc.id, added_relations=(
        Relation("r", doc.id, actor.id, chens.id, "uses", "lin", "t", "t"),))
    with pytest.raises(ConflictError):
        store.apply_command(mixed, "lin")
    other = store.documents()[1].id
    across = Command("relate", other, added_relations=(
        Relation("r", other, actor.id, actor.id, "uses", "lin", "t", "t"),))
    with pytest.raises(AnnotatorError):
        store.apply_command(across, "lin")
    assert list(store.all_relations()) == []


def test_undo_is_per_annotator_and_survives_reopening(store, tmp_path):
    lin, chen = session(store, "lin"), session(store, "chen")
    doc, actor, drill, _threat = chain(store, lin)
    a = chen.add(doc.id, doc.text, 40, 44, "actor.state").added[0]
    b = chen.add(doc.id, doc.text, 50, 54, "actor.state").added[0]
    mine = lin.add_relation(actor, drill, "uses").added_relations[0]
    theirs = chen.add_relation(a, b, "cooperates_with").added_relations[0]
    again = store.reopen()
    try:
        back = Session(again, Annotator("lin", "Lin"))
        back.annotator = Annotator("lin", "Lin")
        assert back.undo().removed_relations == (mine,)
        assert again.relations(doc.id) == [theirs]
        assert back.redo().added_relations == (mine,)
    finally:
        again.close()
    done, _undone = store.history("chen")
    assert done[-1].added_relations == (theirs,)


def test_journal_round_trips_relations():
    rel = Relation("r", "d", "a", "b", "uses", "lin", "c", "m")
    cmd = Command("relate", "d", added_relations=(rel,), removed_relations=(rel._replace(
        type="poses"),))
    again = Command.from_json(cmd.to_json())
    assert again == cmd and again.inverse().added_relations == cmd.removed_relations
    assert "relations" not in Command("add", "d").to_json()


def test_bulk_insert_and_document_counts(store):
    lin = session(store)
    doc, actor, drill, threat = chain(store, lin)
    rels = [Relation("r1", doc.id, actor.id, drill.id, "uses", "lin", "c", "m"),
            Relation("r2", doc.id, drill.id, threat.id, "addresses", "lin", "c", "m")]
    store.insert_relations(rels)
    assert store.relations(doc.id) == sorted(rels, key=lambda r: (r.source, r.target, r.id))
    with pytest.raises(Exception):  # noqa: B017,PT011 (sqlite3 or psycopg integrity error)
        store.insert_relations([Relation("r3", doc.id, actor.id, "ghost", "uses", "lin",
                                         "c", "m")])
    assert store.relation_count() == 2


def test_a_retag_its_relations_would_not_allow_is_refused(store):
    lin = session(store)
    doc, actor, drill, threat = chain(store, lin)
    lin.add_relation(actor, drill, "uses")
    with pytest.raises(RelationError, match="a 'uses' relation may not join threat.drugs to "
                                            "mechanism.exercise: delete it before"):
        lin.retag([actor], "threat.drugs")
    assert store.annotations_by_id([actor.id]) == [actor]
    assert lin.retag([actor], "actor.state") is not None  # still an actor: allowed
    assert lin.retag([threat], "threat.drugs") is not None  # no relation


def test_check_counts_relations_on_both_engines(store):
    lin = session(store)
    _doc, actor, drill, threat = chain(store, lin)
    assert "relations" not in store.check().counts  # none yet: reads as before
    lin.add_relation(actor, drill, "uses")
    lin.add_relation(drill, threat, "addresses")
    report = store.check()
    assert report.ok and report.counts["relations"] == 2, report.lines()


def test_retyping_a_relation_keeps_its_id_and_undoes(store):
    lin = session(store)
    doc, actor, drill, threat = chain(store, lin)
    a = lin.add(doc.id, doc.text, 40, 44, "actor.state").added[0]
    b = lin.add(doc.id, doc.text, 50, 54, "actor.state").added[0]
    rel = lin.add_relation(a, b, "cooperates_with").added_relations[0]
    change = lin.retype_relation(rel, "part_of")
    assert change.added_relations[0].id == rel.id and change.removed_relations == (rel,)
    assert store.relations_by_id([rel.id])[0].type == "part_of"
    assert lin.undo_state().undo.label == "change relation to part of"
    with pytest.raises(RelationError, match="'uses' may not join actor.state to actor.state"):
        lin.retype_relation(store.relations_by_id([rel.id])[0], "uses")
    lin.undo()
    assert store.relations_by_id([rel.id]) == [rel]
    assert lin.retype_relation(rel, "cooperates_with") is None


def test_a_relation_turned_round_keeps_its_id_and_undoes(store):
    lin = session(store)
    doc = chain(store, lin)[0]
    a, b = (lin.add(doc.id, doc.text, at, at + 4, "actor.state").added[0] for at in (40, 50))
    rel = lin.add_relation(a, b, "part_of").added_relations[0]
    lin.retype_relation(rel, "part_of", reverse=True)
    [turned] = store.relations_by_id([rel.id])
    assert (turned.source, turned.target, turned.type) == (b.id, a.id, "part_of")
    assert lin.undo_state().undo.label == "change relation to part of (turned round)"
    lin.undo()
    assert store.relations_by_id([rel.id]) == [rel]


def test_retyping_into_a_type_that_forbids_cycles_may_not_close_one(store):
    """A → B → C → D all ``part_of``; D ``cooperates_with`` A may not become ``part_of``:
    the cycle runs through relations at neither of its two spans."""
    lin = session(store)
    doc = chain(store, lin)[0]
    a, b, c, d = (lin.add(doc.id, doc.text, at, at + 4, "actor.state").added[0]
                  for at in (40, 50, 60, 70))
    for x, y in ((a, b), (b, c), (c, d)):
        lin.add_relation(x, y, "part_of")
    rel = lin.add_relation(d, a, "cooperates_with").added_relations[0]
    with pytest.raises(RelationError, match="cycle"):
        lin.retype_relation(rel, "part_of")
    assert store.relations_by_id([rel.id]) == [rel]


def test_check_accepts_review_decisions_about_relations(store):
    from annotator.core.dataset import ReviewDecision

    lin, wang = session(store), session(store, "wang")
    doc, actor, drill, _threat = chain(store, lin)
    rel = lin.add_relation(actor, drill, "uses").added_relations[0]
    store.insert_decisions([
        ReviewDecision("d1", doc.id, "wang", "accepted", (rel.id,), rel.id, None, "t"),
        ReviewDecision("d2", doc.id, "wang", "rejected", ("gone",), None, None, "t")])
    assert wang.annotator.id == "wang"
    lines = [p.message for p in store.check().problems]
    assert lines == ["review decision d2 targets missing annotation gone"], lines


def test_a_span_deleted_by_a_colleague_that_moment_is_a_conflict_on_the_server():
    from psycopg import errors

    from annotator.store.pg.errors import translate_error

    found = translate_error(errors.ForeignKeyViolation("insert on relations violates fk"),
                            "postgresql://db/p")
    assert isinstance(found, ConflictError)
    assert str(found) == ("postgresql://db/p: what this edit relies on was deleted by a "
                          "colleague at the same moment; nothing was changed")
