"""Random command sequences leave the store exactly as a model of the same commands says,
including undo/redo after closing and reopening the project."""

import engines
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.annotation import Annotator
from annotator.core.commands import apply_to
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.session import Session
from annotator.store import open_project

TEXT = "𠮷上海合作组织😀成员国\n在北京举行安全会议秘书会议。\n反恐怖机构"
TAGS = ["actor.igo", "actor.state", "threat.terrorism"]
DOC = Document(document_id(TEXT), "t", TEXT, text_sha256(TEXT))

actions = st.lists(st.one_of(
    st.tuples(st.just("add"), st.integers(0, len(TEXT)), st.integers(1, 8), st.sampled_from(TAGS)),
    st.tuples(st.just("retag"), st.integers(0, 50), st.sampled_from(TAGS)),
    st.tuples(st.just("resize"), st.integers(0, 50), st.integers(-2, 2), st.integers(-2, 2)),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("attrs"), st.integers(0, 50), st.sampled_from(["赵克志", "", "SCO"])),
    st.tuples(st.just("undo")), st.tuples(st.just("redo")), st.tuples(st.just("reopen")),
), max_size=25)


class Model:
    """Rows plus a done/undone stack: the semantics the store must match."""

    def __init__(self):
        self.rows, self.done, self.undone = {}, [], []

    def run(self, command):
        self.rows = apply_to(self.rows, command)
        self.done.append(command)
        self.undone.clear()

    def undo(self):
        if self.done:
            command = self.done.pop()
            self.rows = apply_to(self.rows, command.inverse())
            self.undone.append(command)

    def redo(self):
        if self.undone:
            command = self.undone.pop()
            self.rows = apply_to(self.rows, command)
            self.done.append(command)


def pick(rows, i):
    spans = sorted(rows.values(), key=lambda a: (a.start, a.end, a.id))
    return spans[i % len(spans)] if spans else None


def step(session, model, action):
    kind = action[0]
    span = pick(model.rows, action[1]) if kind in ("retag", "resize", "delete", "attrs") else None
    if kind == "add":
        change = session.add(DOC.id, TEXT, action[1], action[1] + action[2], action[3])
    elif kind == "undo":
        model.undo()
        return session.undo()
    elif kind == "redo":
        model.redo()
        return session.redo()
    elif span is None:
        return None
    elif kind == "retag":
        change = session.retag([span], action[2])
    elif kind == "resize":
        change = session.resize(span, span.start + action[2], span.end + action[3], len(TEXT))
    elif kind == "delete":
        change = session.delete([span])
    else:
        change = session.set_attributes(span, {"normalized": action[2]})
    if change:
        model.run(change.command)
    return change


@pytest.mark.parametrize("engine", engines.ENGINES)
@given(script=actions)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_store_matches_model(tmp_path_factory, request, engine, script):
    """On the project file and on a team project alike (a reopening is a new connection)."""
    store = engines.new_project(engine, tmp_path_factory.mktemp("model"), request)
    where = store.location
    store.add_documents([DOC])
    session, model = Session(store, Annotator("lin", "Lin")), Model()
    try:
        for action in script:
            if action[0] == "reopen":
                store.close()
                store = open_project(where)
                session = Session(store, Annotator("lin", "Lin"))
                continue
            step(session, model, action)
            stored = {a.id: a for a in store.annotations(DOC.id)}
            assert stored == model.rows
        done, undone = session.history()
        assert [c.to_json() for c in done] == [c.to_json() for c in model.done]
        assert [c.to_json() for c in undone] == [c.to_json() for c in reversed(model.undone)]
    finally:
        store.close()
