"""Relations in a team project: one made in my window is stored on the server; one a
colleague commits appears in my window (arc and list) without reopening, and goes when
they undo it."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")


from PySide6.QtCore import Qt  # noqa: E402
from teamwindows import SECRET, as_role, window_on  # noqa: E402,F401
from teamwindows import make_team as _make_team  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.core.search import find_all  # noqa: E402
from annotator.core.session import Session  # noqa: E402
from annotator.qt import relating  # noqa: E402
from annotator.store import open_project  # noqa: E402


def make_team(url: str, seed_paths) -> tuple[str, str]:
    return _make_team(url, seed_paths, chen_role="annotator")


def arcs(win) -> int:
    return len(relating.controller(win).layer.placements()[0])


def test_relations_travel_between_colleagues(qtbot, tmp_path, team_url, seed_paths):
    lin, chen = make_team(team_url, seed_paths)
    mine = window_on(qtbot, tmp_path, as_role(team_url, lin, SECRET), lin)
    try:
        doc = mine.doc
        (a0, a1), (t0, t1) = find_all(doc.text, "上合组织")[0], find_all(doc.text, "三股势力")[0]
        mine.reader.select_range(a0, a1)
        mine.apply_tag("actor.igo")
        actor = mine.editor.selected
        mine.reader.select_range(t0, t1)
        mine.apply_tag("threat.three_evils")
        threat = mine.editor.selected
        mine.select_span(actor.id)
        ctl = relating.controller(mine)
        ctl.start()
        assert ctl.picking is not None and ctl.picking.pick(threat.id)
        ctl.key(mine.tagset.relation("poses").hotkey)
        [rel] = mine.store.relations(doc.id)
        assert (rel.source, rel.target, rel.type, rel.annotator) == (
            actor.id, threat.id, "poses", lin)
        with open_project(as_role(team_url, chen)) as theirs:
            session = Session(theirs, Annotator(chen, "Chen"))
            span_a = session.add(doc.id, doc.text, a0, a1, "actor.igo").added[0]
            span_t = session.add(doc.id, doc.text, t0, t1, "threat.three_evils").added[0]
            session.add_relation(span_a, span_t, "poses")
            ends = [actor.id, threat.id, span_a.id, span_t.id]
            qtbot.waitUntil(lambda: mine.editor.index.get(span_a.id) is not None and len(
                ctl.relations().touching(ends)) == 2, timeout=3000)
            mine.reader.verticalScrollBar().setValue(0)
            mine.select_span(span_a.id)
            assert mine.panel.relations.list.count() == 1
            session.undo()
            qtbot.waitUntil(lambda: len(ctl.relations().touching(ends)) == 1, timeout=3000)
        assert mine.panel.relations.list.count() == 0
        mine.select_span(actor.id)
        qtbot.keyClick(mine.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert mine.store.relations(doc.id) == [] and ctl.relations().touching(ends) == []
    finally:
        mine.close()
        mine.store.close()
