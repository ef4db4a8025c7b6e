"""Relations in the editor (what the reader draws from): the open document's relations
kept current by every change — adding, deleting a relation or its span, undo and redo,
colleagues' edits read in with reload."""

from __future__ import annotations

import pytest

from annotator.core.annotation import Annotator
from annotator.core.editor import Editor
from annotator.core.relations import RelationError
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.store import Store


@pytest.fixture
def store(seed_paths):
    s = Store.memory()
    s.set_tagset(default_tagset())
    import_paths(s, seed_paths[:2])
    yield s
    s.close()


@pytest.fixture
def editor(store):
    e = Editor(store, Session(store, Annotator("lin", "Lin")))
    e.open(store.documents()[0].id)
    return e


def spans(editor: Editor):
    made = []
    for start, tag in ((0, "actor.igo"), (10, "mechanism.exercise"), (20, "threat.drugs")):
        editor.selected = None
        made.append(editor.apply_tag(tag, start, start + 4).added[0])
    return made


def test_add_delete_undo_redo_keep_the_relations_current(editor, store):
    actor, drill, threat = spans(editor)
    change = editor.add_relation(actor.id, drill.id, "uses")
    rel = change.added_relations[0]
    assert editor.relations == {rel.id: rel} and editor.selected == actor
    other = editor.add_relation(drill.id, threat.id, "addresses").added_relations[0]
    assert editor.relations_of(drill.id) == [other, rel]  # outgoing first
    editor.delete_relations([other.id])
    assert set(editor.relations) == {rel.id}
    editor.undo()
    assert set(editor.relations) == {rel.id, other.id} and editor.selected == drill
    editor.select(drill.id)
    change = editor.delete_selected()
    assert set(change.removed_relations) == {rel, other} and editor.relations == {}
    editor.undo()
    assert set(editor.relations) == {rel.id, other.id} and editor.selected == drill
    editor.redo()
    assert editor.relations == {}
    assert store.relations(actor.doc_id) == []


def test_retype_keeps_the_relation_current(editor):
    actor, drill, _threat = spans(editor)
    rel = editor.add_relation(actor.id, drill.id, "uses").added_relations[0]
    editor.select(None)
    assert editor.retype_relation(rel.id, "uses") is None
    with pytest.raises(RelationError):
        editor.retype_relation(rel.id, "addresses")
    assert editor.relations == {rel.id: rel}
    assert editor.retype_relation("gone", "uses") is None


def test_refused_relation_changes_nothing(editor, store):
    actor, drill, _threat = spans(editor)
    with pytest.raises(RelationError, match="'addresses' may not join actor.igo"):
        editor.add_relation(actor.id, drill.id, "addresses")
    assert editor.relations == {} and store.relations(actor.doc_id) == []
    assert editor.add_relation(actor.id, "gone", "uses") is None


def test_reload_reads_colleagues_relations(editor, store):
    doc = editor.doc
    chen = Session(store, Annotator("chen", "Chen"))
    a = chen.add(doc.id, doc.text, 30, 34, "actor.state").added[0]
    b = chen.add(doc.id, doc.text, 40, 44, "actor.state").added[0]
    rel = chen.add_relation(a, b, "cooperates_with").added_relations[0]
    change = editor.reload()
    assert change.added_relations == (rel,) and editor.relations == {rel.id: rel}
    chen.delete([a])
    change = editor.reload()
    assert change.removed_relations == (rel,) and editor.relations == {}
    assert editor.reload() is None


def test_the_editor_refuses_duplicates_and_cycles_among_the_relations_it_holds(editor, store):
    made = []
    for start, tag in ((0, "actor.igo"), (10, "actor.state"), (20, "actor.agency"),
                       (30, "actor.state")):
        editor.selected = None
        made.append(editor.apply_tag(tag, start, start + 4).added[0])
    a, b, c, d = made
    editor.add_relation(a.id, b.id, "cooperates_with")
    with pytest.raises(RelationError, match="already exists"):  # undirected: either order
        editor.add_relation(b.id, a.id, "cooperates_with")
    editor.add_relation(c.id, d.id, "cooperates_with")  # other spans: fine
    editor.add_relation(a.id, b.id, "part_of")
    editor.add_relation(b.id, c.id, "part_of")
    editor.add_relation(c.id, d.id, "part_of")
    with pytest.raises(RelationError, match="cycle"):  # through b → c, touching neither end
        editor.add_relation(d.id, a.id, "part_of")
    assert len(store.relations(a.doc_id)) == 5


def test_the_relations_are_indexed_by_span_through_every_change(editor, store):
    """The editor keeps the open document's relations by span (what adding a relation
    checks against and the window draws from): never a pass over all of them."""
    actor, drill, threat = spans(editor)
    rel = editor.add_relation(actor.id, drill.id, "uses").added_relations[0]
    other = editor.add_relation(drill.id, threat.id, "addresses").added_relations[0]
    index = editor.relation_index
    assert index.of(actor.id) == [rel] and set(index.touching([drill.id])) == {rel, other}
    editor.select(drill.id)
    editor.delete_selected()
    assert editor.relation_index.touching([actor.id, drill.id, threat.id]) == []
    editor.undo()
    assert set(editor.relation_index.of(drill.id)) == {rel, other}
    editor.open(editor.doc.id)  # read from the store again
    assert set(editor.relation_index.of(drill.id)) == {rel, other}
    assert editor.relations == {rel.id: rel, other.id: other}
