"""The workflow in windows on one team project: who is here shows in a colleague's list
and goes when the window closes; a colleague's comment and assignment arrive live; the
second reviewer on a document is told who holds it; an annotator may not assign."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from urllib.parse import quote  # noqa: E402

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from annotator.core import assign, discussion  # noqa: E402
from annotator.core.annotation import Annotator  # noqa: E402
from annotator.core.search import find_all  # noqa: E402
from annotator.core.session import Session  # noqa: E402
from annotator.core.tagset import default_tagset  # noqa: E402
from annotator.project import import_paths  # noqa: E402
from annotator.qt import review, workboard  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402
from annotator.review import cases  # noqa: E402
from annotator.store import open_project  # noqa: E402
from annotator.store.pg.url import TeamURL  # noqa: E402


def as_role(url: str, user: str) -> str:
    p = TeamURL(url).params
    return f"postgresql://{quote(user, safe='')}@{p['host']}:{p['port']}/{p['dbname']}"


@pytest.fixture
def team(team_url, seed_paths):
    with open_project(team_url, create=True) as owner:
        owner.set_tagset(default_tagset())
        import_paths(owner, seed_paths)
        db = owner.conn.raw.info.dbname
        names = {w: f"{w}_{db}" for w in ("lin", "chen", "wang", "li")}
        for who, role in (("lin", "annotator"), ("chen", "annotator"), ("wang", "reviewer"),
                          ("li", "reviewer")):
            owner.add_member(names[who], role)
    return team_url, names


def window_on(qtbot, tmp_path, url: str, name: str) -> MainWindow:
    store = open_project(url)
    settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, Annotator(name, name.title()), settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def close(win: MainWindow) -> None:
    win.close()
    win.store.close()


def here(win: MainWindow, doc_id: str) -> str:
    model = win.doc_list.model
    return model.index(model.view_row(doc_id), 7).data()


def test_who_is_here_shows_in_a_colleagues_list_and_goes_with_the_window(qtbot, tmp_path,
                                                                        team):
    url, names = team
    wang = window_on(qtbot, tmp_path, as_role(url, names["wang"]), "wang")
    lin = window_on(qtbot, tmp_path, as_role(url, names["lin"]), "lin")
    try:
        doc = lin.doc.id
        qtbot.waitUntil(lambda: here(wang, doc) == names["lin"], timeout=3000)
        other = lin.doc_list.model.rows[2].id
        lin.open_document(other)
        qtbot.waitUntil(lambda: here(wang, other) == names["lin"] and not here(wang, doc),
                        timeout=3000)
        close(lin)
        qtbot.waitUntil(lambda: not here(wang, other), timeout=3000)
    finally:
        close(wang)


def test_a_colleagues_comment_and_assignment_arrive_live(qtbot, tmp_path, team):
    url, names = team
    lin = window_on(qtbot, tmp_path, as_role(url, names["lin"]), "lin")
    try:
        doc = lin.doc.id
        assert not lin.acts["assign"].isEnabled()  # an annotator does not assign
        with open_project(as_role(url, names["wang"])) as store:
            wang = Session(store, Annotator("wang", "Wang"))
            wang.run(discussion.open_thread(doc, None, names["wang"], "注意日期"))
            wang.run(assign.assign({doc: (names["lin"],)}, [], names["wang"]))
        qtbot.waitUntil(lambda: lin.panel.notes.tree.topLevelItemCount() == 1, timeout=3000)
        qtbot.waitUntil(lambda: lin.doc_list.tabs.isVisible(), timeout=3000)
        assert lin.doc_list.ids_in_view() == [doc]  # Mine
        model = lin.doc_list.model
        assert model.index(model.view_row(doc), 8).data() == "1"
    finally:
        close(lin)


def test_the_second_reviewer_is_told_who_is_reviewing(qtbot, tmp_path, team, monkeypatch):
    url, names = team
    with open_project(as_role(url, names["lin"])) as store:
        doc = store.document(store.documents()[0].id)
        s = Session(store, Annotator("lin", "Lin"))
        for start, end in find_all(doc.text, "上合组织")[:2]:
            s.add(doc.id, doc.text, start, end, "actor.igo")
    wang = window_on(qtbot, tmp_path, as_role(url, names["wang"]), "wang")
    li = window_on(qtbot, tmp_path, as_role(url, names["li"]), "li")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: said.append(text))
    try:
        review.enter(wang)
        first = wang.review.cases[0]
        review.settle(wang, cases.reject(first, names["wang"]))
        review.enter(li)
        assert names["wang"] in li.review.lock.text() and li.review.lock.isVisible()
        second = li.review.cases[1]
        li.review.tree.setCurrentItem(li.review.tree.topLevelItem(1))
        li.review.accepted.emit(second, second.versions[0], "")
        assert said and f"{names['wang']} is reviewing" in said[0]
        assert len(li.store.decisions(doc.id)) == 1
        close(wang)  # wang leaves: the lock is free
        review.refresh(li)
        assert not li.review.lock.isVisible()
        li.review.accepted.emit(second, second.versions[0], "")
        assert len(li.store.decisions(doc.id)) == 2
    finally:
        close(li)
        if not wang.store.closed:
            close(wang)


def test_state_is_per_window(qtbot, tmp_path, team):
    url, names = team
    lin = window_on(qtbot, tmp_path, as_role(url, names["lin"]), "lin")
    try:
        assert workboard.state(lin).timer.isActive()  # the heartbeat of a team project
        assert workboard.state(lin).here == lin.doc.id
    finally:
        close(lin)


def test_switching_projects_leaves_the_last_ones_lists(qtbot, tmp_path, team):
    from annotator.project import create_project

    url, names = team
    lin = window_on(qtbot, tmp_path, as_role(url, names["lin"]), "lin")
    try:
        doc = lin.doc.id
        with open_project(url) as owner:
            assert owner.present() == {doc: [names["lin"]]}
            store, _ = create_project(tmp_path / "mine.annotator")
            lin.switch_project(store)
            assert owner.present() == {}
            assert not workboard.state(lin).timer.isActive()  # no heartbeat for a file
    finally:
        lin.close()
        lin.store.close()
