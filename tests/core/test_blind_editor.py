"""Blind annotation in the editor (what the window draws from): on a document in my queue
I see only my own spans until I mark it done, and my suggestions come from my own spans;
others' edits arriving meanwhile change neither."""

from __future__ import annotations

import pytest

from annotator.core import assign
from annotator.core.annotation import Annotator
from annotator.core.editor import Editor
from annotator.core.search import find_all
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.store import Store


@pytest.fixture
def store(seed_paths):
    s = Store.memory()
    s.set_tagset(default_tagset())
    import_paths(s, seed_paths)
    yield s
    s.close()


def doc_with(store, term: str, times: int = 2) -> str:
    return next(d.id for d in store.documents()
                if len(find_all(store.document(d.id).text, term)) >= times)


def tag(session: Session, doc, term: str, n: int = 0):
    start, end = find_all(doc.text, term)[n]
    return session.add(doc.id, doc.text, start, end, "actor.igo").added[0]


def test_my_queue_shows_only_my_layer_until_i_mark_it_done(store):
    doc = store.document(doc_with(store, "上合组织"))
    lin, chen = Session(store, Annotator("lin", "Lin")), Session(store, Annotator("chen", "C"))
    theirs = tag(chen, doc, "上合组织")
    Session(store, Annotator("wang", "W")).run(assign.assign({doc.id: ("lin", "chen")}, [],
                                                             "wang"))
    editor = Editor(store, lin)
    editor.open(doc.id)
    assert editor.visible_spans() == [theirs]  # blind annotation is off
    store.set_blind(True)
    editor.open(doc.id)
    assert editor.hidden and editor.visible_spans() == []
    assert editor.step(1, 0) is None  # Tab finds nothing of theirs either
    mine = tag(lin, doc, "上合组织", 1)
    editor.reload()
    assert editor.visible_spans() == [mine]
    editor.set_status("done")
    assert editor.refresh_blind()  # what shows changes
    assert {a.id for a in editor.visible_spans()} == {mine.id, theirs.id}
    editor.undo()
    editor.refresh_blind()
    assert editor.visible_spans() == [mine]


def test_suggestions_come_from_my_own_spans_while_blind(store):
    doc = store.document(doc_with(store, "上合组织"))
    other = store.document(next(d.id for d in store.documents() if d.id != doc.id))
    chen = Session(store, Annotator("chen", "Chen"))
    tag(chen, doc, "上合组织")
    lin = Session(store, Annotator("lin", "Lin"))
    lin.run(assign.assign({other.id: ("lin",)}, [], "wang"))
    store.set_blind(True)
    editor = Editor(store, lin)
    editor.open(doc.id)
    editor.build_lexicon()
    assert editor.lexicon_owner() == "lin"
    counted = editor.lexicon.lexicon.entries.get("上合组织")
    assert counted is None or counted.annotated == 0  # chen's span does not count for lin
    store.set_blind(False)
    editor.refresh_blind()
    editor.build_lexicon()
    assert editor.lexicon.lexicon.entries["上合组织"].annotated == 1
