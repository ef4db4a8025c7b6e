"""The window on a team project: two members' windows against one server, a colleague's
commit appearing without reopening, the address shown and remembered without its
password, opening by address from File → Open team project…, and a lost connection said
in the banner and mended when the server is back."""

from __future__ import annotations

import time

import engines
from PySide6.QtWidgets import QDialog
from teamwindows import SECRET, as_role, window_on  # noqa: E402,F401
from teamwindows import make_team as _make_team  # noqa: E402

from annotator.core.annotation import Annotator
from annotator.core.search import find_all
from annotator.core.session import Session
from annotator.qt import recent, team
from annotator.qt.window import MainWindow
from annotator.store import open_project
from annotator.store.pg.listen import Event
from annotator.store.pg.url import TeamURL


def make_team(url: str, seed_paths) -> tuple[str, str]:
    return _make_team(url, seed_paths)


def close(window: MainWindow) -> None:
    window.close()
    window.store.close()


def test_a_colleagues_tag_appears_in_my_window_at_once(qtbot, tmp_path, team_url, seed_paths,
                                                       monkeypatch):
    lin, chen = make_team(team_url, seed_paths)
    mine = window_on(qtbot, tmp_path, as_role(team_url, chen), "chen")
    try:
        assert mine.live is not None and mine.live.connected
        doc = mine.doc
        start, end = find_all(doc.text, "上合组织")[0]
        count_before = mine.doc_list.model.summary(doc.id).annotations
        rows_read: list[list[str]] = []  # a span leaves the row's own columns: none read
        real = mine.store.summaries
        monkeypatch.setattr(mine.store, "summaries",
                            lambda ids: (rows_read.append(list(ids)), real(ids))[1])
        with open_project(as_role(team_url, lin, SECRET)) as theirs:
            began = time.perf_counter()
            added = Session(theirs, Annotator(lin, "Lin")).add(
                doc.id, doc.text, start, end, "actor.igo").added[0]
        qtbot.waitUntil(lambda: mine.editor.index.get(added.id) is not None, timeout=3000)
        seen = time.perf_counter() - began
        assert seen < 1.0  # well under a second on a local server
        assert mine.doc_list.model.summary(doc.id).annotations == count_before + 1
        assert added.id in mine.panel.model.all  # the span list shows it too
        assert not mine.acts["undo"].isEnabled()  # a colleague's edit is not mine to undo
        assert [doc.id] not in rows_read
    finally:
        close(mine)


def test_colleagues_tags_in_another_document_update_its_row_in_one_read(
        qtbot, tmp_path, team_url, seed_paths, monkeypatch):
    """A burst of colleagues' commits elsewhere: the row is read once, shortly after (at
    ten members' pace each notification cost every window a read and a repaint)."""
    lin, chen = make_team(team_url, seed_paths)
    mine = window_on(qtbot, tmp_path, as_role(team_url, chen), "chen")
    try:
        other = next(s.id for s in mine.store.documents() if s.id != mine.doc.id)
        qtbot.waitUntil(lambda: mine.doc_list.model.summary(other).annotations >= 0)  # counted
        before = mine.doc_list.model.summary(other).annotations
        with open_project(as_role(team_url, lin, SECRET)) as theirs:
            doc = theirs.document(other)
            session = Session(theirs, Annotator(lin, "Lin"))
            for k in range(3):
                session.add(doc.id, doc.text, k * 6, k * 6 + 2, "actor.igo")
        qtbot.waitUntil(lambda: mine.doc_list.model.summary(other).annotations == before + 3,
                        timeout=3000)
        reads: list[str] = []
        real = mine.store.summary
        monkeypatch.setattr(mine.store, "summary", lambda d: (reads.append(d), real(d))[1])
        pid = mine.store.backend_pid + 1  # not the window's own connection
        for _ in range(3):  # as the listener hands them over, one pass each
            team.colleagues_committed(mine, [Event("annotations", "INSERT", lin, other, pid)])
        assert reads == []  # not yet: the row waits for the others that come meanwhile
        qtbot.waitUntil(lambda: bool(reads), timeout=2000)
        qtbot.wait(team.ROWS_MS * 2)
        assert reads == [other]
    finally:
        close(mine)


def test_the_title_and_recent_list_show_the_address_without_the_password(
        qtbot, tmp_path, team_url, seed_paths):
    lin, _ = make_team(team_url, seed_paths)
    window = window_on(qtbot, tmp_path, as_role(team_url, lin, SECRET), "lin")
    try:
        assert SECRET not in window.windowTitle()
        assert lin in window.windowTitle() and TeamURL(team_url).database in window.windowTitle()
        assert recent.recent_entries(window.settings)[0] == as_role(team_url, lin)
        window.settings.sync()
        stored = (tmp_path / "lin.ini").read_text(encoding="utf-8")
        assert SECRET not in stored and as_role(team_url, lin).split("@")[1] in stored
        assert window.session.annotator.id == lin  # the login role, whatever name was asked
    finally:
        close(window)


def test_open_team_project_by_address_and_password(qtbot, tmp_path, team_url, seed_paths,
                                                   seed_window, monkeypatch):
    lin, _ = make_team(team_url, seed_paths)

    def fill_in(dialog):
        dialog.address.setEditText(as_role(team_url, lin))
        dialog.password.setText(SECRET)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(team.OpenTeamDialog, "exec", fill_in)
    seed_window.acts["open_team"].trigger()
    try:
        assert seed_window.store.kind == "team" and seed_window.store.user == lin
        assert len(seed_window.doc_list.model.rows) == 5
        assert SECRET not in "".join(recent.recent_entries(seed_window.settings))
    finally:
        team.shutdown(seed_window)




def test_a_lost_server_is_said_and_the_window_reconnects(qtbot, tmp_path, own_server,
                                                         seed_paths):
    url = engines.new_database(own_server)
    lin, chen = make_team(url, seed_paths)
    window = window_on(qtbot, tmp_path, as_role(url, lin, SECRET), "lin")
    try:
        doc = window.doc
        own_server.stop("immediate")
        qtbot.waitUntil(lambda: window.retry_timer.isActive(), timeout=5000)
        assert "connection to the server is lost" in window.banner.text()
        assert window.banner.isVisible()
        start, end = find_all(doc.text, "上合组织")[0]
        window.reader.select_range(start, end)
        before = list(window.editor.index)
        window.tag_palette.tagChosen.emit("actor.igo")  # an edit while the server is away
        assert list(window.editor.index) == before  # not shown: it was not stored
        assert "cannot reach the server" in window.statusBar().currentMessage()
        window.statusBar().clearMessage()  # (its six seconds over) and a second try:
        window.tag_palette.tagChosen.emit("actor.igo")
        assert "cannot reach the server" in window.statusBar().currentMessage()
        assert list(window.editor.index) == before
        own_server.start()
        qtbot.waitUntil(lambda: not window.retry_timer.isActive(), timeout=15000)
        assert not window.banner.isVisible()
        assert window.live is not None and window.live.connected  # listening again
        with open_project(as_role(url, chen)) as theirs:  # a colleague's edit shows live
            added = Session(theirs, Annotator(chen, "Chen")).add(
                doc.id, doc.text, 0, 2, "actor.igo").added[0]
        qtbot.waitUntil(lambda: window.editor.index.get(added.id) is not None, timeout=3000)
        window.reader.select_range(start, end)
        window.apply_tag("actor.igo")  # works again
        assert any(a.start == start for a in window.editor.index)
        with open_project(url) as check:
            assert any(a.start == start for a in check.annotations(doc.id))
    finally:
        close(window)


def test_losing_only_the_listening_connection_keeps_the_window_working(
        qtbot, tmp_path, team_url, seed_paths):
    """The server ends the window's listening connection (an idle timeout, an
    administrator): the window listens again at once, says nothing, keeps its edits on,
    and a colleague's next edit shows live."""
    lin, chen = make_team(team_url, seed_paths)
    mine = window_on(qtbot, tmp_path, as_role(team_url, chen), "chen")
    try:
        assert mine.live is not None
        pid = mine.live.listener.conn.info.backend_pid
        said: list[str] = []
        mine.live.lost.connect(said.append)
        with open_project(team_url) as owner:
            assert owner.conn.execute("SELECT pg_terminate_backend(?)", (pid,)).fetchone()[0]
        qtbot.waitUntil(lambda: mine.live.connected and
                        mine.live.listener.conn.info.backend_pid != pid, timeout=1000)
        assert said == [] and not mine.retry_timer.isActive()  # (the retry: every 2 s)
        assert not mine.banner.isVisible()
        doc = mine.doc
        with open_project(as_role(team_url, lin, SECRET)) as theirs:
            added = Session(theirs, Annotator(lin, "Lin")).add(
                doc.id, doc.text, 0, 2, "actor.igo").added[0]
        qtbot.waitUntil(lambda: mine.editor.index.get(added.id) is not None, timeout=3000)
    finally:
        close(mine)


def test_a_server_that_will_not_let_the_window_listen_leaves_it_working(
        qtbot, tmp_path, team_url, seed_paths):
    """The role may hold one connection only: the store has it, listening is refused.
    The window says so in one line and works on, without live updates (not offline)."""
    lin, chen = make_team(team_url, seed_paths)
    with open_project(team_url) as owner:
        owner.conn.execute(f'ALTER ROLE "{chen}" CONNECTION LIMIT 1')
    mine = window_on(qtbot, tmp_path, as_role(team_url, chen), "chen")
    try:
        assert mine.live is not None and not mine.live.connected and not mine.live.down
        assert not mine.retry_timer.isActive() and not mine.banner.isVisible()
        qtbot.waitUntil(lambda: "connection" in mine.statusBar().currentMessage(),
                        timeout=1000)
        assert len(mine.statusBar().currentMessage().splitlines()) == 1
        start, end = find_all(mine.doc.text, "上合组织")[0]
        mine.reader.select_range(start, end)
        mine.apply_tag("actor.igo")  # edits are on
        assert any(a.start == start and a.annotator == chen for a in mine.editor.index)
    finally:
        close(mine)
        with open_project(team_url) as owner:
            owner.conn.execute(f'ALTER ROLE "{chen}" CONNECTION LIMIT -1')


def test_a_colleagues_review_status_on_my_open_document_reaches_its_row(
        qtbot, tmp_path, team_url, seed_paths):
    """The open document's row follows a colleague's commit there: its review status
    (a document column) too, with a span change or without one."""
    from annotator.core import commands

    lin, chen = make_team(team_url, seed_paths)  # chen reviews, lin has the window
    mine = window_on(qtbot, tmp_path, as_role(team_url, lin, SECRET), "lin")
    try:
        doc = mine.doc
        start, end = find_all(doc.text, "上合组织")[0]
        with open_project(as_role(team_url, chen)) as theirs:
            session = Session(theirs, Annotator(chen, "Chen"))
            session.run(commands.set_status(doc.id, "not_reviewed", "in_review", chen,
                                            field="review_status"))
        qtbot.waitUntil(lambda: mine.doc_list.model.summary(doc.id).review_status ==
                        "in_review", timeout=3000)
        with open_project(as_role(team_url, chen)) as theirs:
            session = Session(theirs, Annotator(chen, "Chen"))
            change = session.add(doc.id, doc.text, start, end, "actor.igo")
            assert change is not None
            session.run(commands.set_status(doc.id, "in_review", "reviewed", chen,
                                            field="review_status"))
        qtbot.waitUntil(lambda: mine.editor.index.get(change.added[0].id) is not None,
                        timeout=3000)
        qtbot.waitUntil(lambda: mine.doc_list.model.summary(doc.id).review_status ==
                        "reviewed", timeout=3000)
    finally:
        close(mine)
