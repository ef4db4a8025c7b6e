"""Team projects in the window: opening one by its address (File → Open team project…),
colleagues' committed work appearing as it happens, and a lost connection said and mended.

Live updates: the window's event loop watches a connection of its own
(:class:`annotator.store.pg.listen.Listener`) and hands each batch of notifications to the
window, which reloads only what :func:`annotator.core.live.plan` says changed — the rows
of the document list, the open document's spans, review mode's cases. The window's own
commits are on screen already and are skipped.

A lost connection (the server stopped, the network went): a banner says so and the store
reconnects every :data:`RETRY_MS`; an edit tried meanwhile is refused in one line (nothing
is shown that is not stored). Once back, the list and the open document are read afresh.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
)

from annotator.core import live
from annotator.core.errors import AnnotatorError, ConnectionLost
from annotator.core.store import ProjectStore, as_team
from annotator.qt import i18n, people, recent, review, safety, spanloading

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

#: the banner's line while a window's team project has lost its server
_NOTES: weakref.WeakKeyDictionary[QObject, str] = weakref.WeakKeyDictionary()
_PENDING: weakref.WeakKeyDictionary[QObject, list] = weakref.WeakKeyDictionary()  # see _queue
_STALE: weakref.WeakKeyDictionary[QObject, set[str]] = weakref.WeakKeyDictionary()  # _rows_later
RETRY_MS = 2000
#: colleagues' edits in other documents than the open one: their list rows are read again
#: together, at most this long after the first of them (see :func:`_rows_later`)
ROWS_MS = 250
GATHER_MS = 10  # notifications this soon after a first one come in the same batch
translate = QCoreApplication.translate


# --- naming ------------------------------------------------------------------------------
def title(store: ProjectStore) -> str:
    """The window title's part for a project: a file's name; a team project's database,
    server and who is connected (never a password)."""
    if store.kind != "team":
        return store.path.name if store.path else "memory"
    team = as_team(store)
    params = team.url.params
    return translate("Team", "{db} on {host} (as {user})").format(
        db=params.get("dbname", ""), host=params.get("host", ""), user=team.user)


def address(store: ProjectStore) -> str | None:
    """A team project's address, as the recent list keeps it (no password)."""
    return store.location if store.kind == "team" else None


# --- opening ---------------------------------------------------------------------------
class OpenTeamDialog(QDialog):
    """The address of a team project and, if the server wants one and no ~/.pgpass or
    service file gives it, the password (kept in memory for this session only)."""

    def __init__(self, parent, addresses: list[str]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open team project"))
        self.address = QComboBox(editable=True)
        self.address.addItems(addresses)
        self.address.setMinimumWidth(420)
        line = self.address.lineEdit()
        assert line is not None
        line.setPlaceholderText("postgresql://chen@db.example.org/study")
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("from ~/.pgpass, or none"))
        note = QLabel(self.tr("You work as the PostgreSQL role in the address; the password, "
                              "if you type one, is never stored."), wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(note)
        form.addRow(buttons)


def open_team_project(window: MainWindow) -> None:
    from annotator.store import is_team, open_project
    from annotator.store.pg.url import TeamURL

    dialog = OpenTeamDialog(window, [r for r in recent.recent_entries(window.settings)
                                     if is_team(r)])
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    address = dialog.address.currentText().strip()
    try:
        if not is_team(address):
            raise AnnotatorError(translate("Team", "{address}: not a team project address "
                                           "(postgresql://USER@HOST/DATABASE)").format(
                address=address))
        target = TeamURL(address).with_password(dialog.password.text() or None)
        store = open_project(target)
    except AnnotatorError as e:
        QMessageBox.warning(window, translate("Team", "Open team project"), str(e))
        return
    window.switch_project(store)


# --- live updates ----------------------------------------------------------------------
class Live(QObject):
    """Colleagues' notifications, read on the window's own thread when the listening
    connection's socket has something (a ``QSocketNotifier`` in the event loop). A worker
    thread waiting on it took ~8 ms of CPU a second with nine colleagues at two edits a
    second, and each notification it woke for asked the window's thread for Python's lock
    in the middle of whatever it was doing (an edit). A burst that arrives within
    :data:`GATHER_MS` of its first notification comes as one batch."""

    events = Signal(list)
    lost = Signal(str)  # the server cannot be reached
    resumed = Signal()  # listening again at once after only this connection went
    refused = Signal(str)  # the server refused to listen (not a lost server): one line

    def __init__(self, url, parent: QObject):
        from annotator.store.pg.listen import Listener

        super().__init__(parent)
        self.listener = Listener(url)
        self.notifier: QSocketNotifier | None = None
        self.down = False  # the last start could not reach the server
        self._again = False  # (restarting from a lost read: a second loss is the server's)
        self.batch: list = []
        self.gather = QTimer(self, singleShot=True, interval=GATHER_MS)
        self.gather.timeout.connect(self._hand_over)

    @property
    def connected(self) -> bool:
        return self.notifier is not None

    def start(self) -> None:
        """Connect and listen (afresh); ``lost`` said when the server cannot be reached,
        ``refused`` when it will not let this connection listen (the window then works
        without live updates)."""
        self.stop()
        self.down = False
        try:
            self.listener.connect()
        except ConnectionLost as e:
            self.down = True
            self.lost.emit(str(e))
            return
        except AnnotatorError as e:  # e.g. the role's connection limit
            self.refused.emit(str(e))
            return
        self.notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read,
                                        self)
        self.notifier.activated.connect(self.read)
        self.read()  # what came while ``LISTEN`` ran

    def read(self) -> None:
        """Take what arrived (nothing waits). A lost connection is started again at once:
        when only it went (the server ended it), listening resumes unseen (``resumed``:
        what was committed meanwhile is read afresh); when the server is gone, ``lost``."""
        if self.notifier is None:
            return
        try:
            found = self.listener.take()
        except ConnectionLost as e:
            self.stop()
            if self._again:
                self.lost.emit(str(e))
                return
            self._again = True
            try:
                self.start()
            finally:
                self._again = False
            if self.connected:
                self.resumed.emit()
            return
        except AnnotatorError as e:
            self.stop()
            self.refused.emit(str(e))
            return
        if found:
            self.batch.extend(found)
            if not self.gather.isActive():
                self.gather.start()

    def _hand_over(self) -> None:
        found, self.batch = self.batch, []
        if found:
            self.events.emit(found)

    def stop(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None
        self.gather.stop()
        self.batch = []
        self.listener.close()


def wire(window: MainWindow) -> None:
    window.retry_timer = QTimer(window, interval=RETRY_MS)
    window.retry_timer.timeout.connect(lambda: _retry(window))


def project_opened(window: MainWindow) -> None:
    """Start listening for a team project's changes (stop listening to the last one)."""
    shutdown(window)
    store = window.store
    if store.kind != "team":
        return
    live = Live(as_team(store).url, window)
    live.events.connect(lambda events: _queue(window, events))
    live.lost.connect(lambda message: connection_lost(window, message))
    live.resumed.connect(lambda: _read_afresh(window))
    live.refused.connect(lambda message: QTimer.singleShot(  # (after "Opened …")
        0, window, lambda: window.statusBar().showMessage(translate(
            "Team", "Live updates are off: {reason}").format(reason=message), 10000)))
    window.live = live
    live.start()


def shutdown(window: MainWindow) -> None:
    window.retry_timer.stop()
    if window.live is not None:
        window.live.stop()
        window.live.deleteLater()
        window.live = None


def _queue(window: MainWindow, events: list) -> None:
    """Colleagues' notifications, handled together: while the window is busy (a repaint,
    a query) those that arrive meanwhile wait in one list, and one pass over them reloads
    the document and the rows once, not once per notification."""
    pending = _PENDING.setdefault(window, [])
    if not pending:
        QTimer.singleShot(0, window, lambda: colleagues_committed(window, _PENDING.pop(window, [])))
    pending.extend(events)


def colleagues_committed(window: MainWindow, events: list) -> None:
    store = window.store
    if store.closed or window.retry_timer.isActive():
        return
    doc = window.editor.doc
    try:
        refresh = live.plan(events, doc.id if doc else None, store.backend_pid)
        if refresh.project:
            people.refresh(window)
        if refresh.documents:
            _STALE.pop(window, None)
            window.refresh_documents()
        elif refresh.rows:  # the open document's row follows its reload (counted there)
            _rows_later(window, refresh.rows - ({doc.id} if refresh.document and doc else set()))
        if refresh.document:
            reload_document(window, stored=refresh.document_row)
        _workflow(window, refresh)
    except ConnectionLost as e:
        connection_lost(window, str(e))


def _workflow(window: MainWindow, refresh: live.Refresh) -> None:
    """Colleagues' statuses, assignments, threads, presence, guidelines and settings."""
    from annotator.qt import guidelines, threads, workboard

    if refresh.team or refresh.project or refresh.queue:
        workboard.team_changed(window, refresh.team)
    if refresh.project:
        window.acts["blind"].setChecked(window.store.blind())
    if refresh.threads:
        threads.refresh(window)
    if refresh.guidelines:
        guidelines.refresh(window)


def banner_note(window: MainWindow) -> str:
    """What the banner says while the server is away ("" when it is not)."""
    return _NOTES.get(window, "")


def _rows_later(window: MainWindow, doc_ids: Iterable[str]) -> None:
    """Read these rows again, with any others that go stale meanwhile, :data:`ROWS_MS`
    after the first: ten members editing at two edits a second each made every window read
    a row and repaint its list eighteen times a second, a notification at a time."""
    stale = _STALE.setdefault(window, set())
    if not stale and doc_ids:
        QTimer.singleShot(ROWS_MS, window, lambda: _refresh_rows(window))
    stale.update(doc_ids)


def _refresh_rows(window: MainWindow) -> None:
    stale = _STALE.pop(window, set())
    if window.store.closed or window.retry_timer.isActive():
        return  # once the connection is back, every row is read again
    try:
        for doc_id in sorted(stale):
            _refresh_row(window, doc_id)
    except ConnectionLost as e:
        connection_lost(window, str(e))


def _refresh_row(window: MainWindow, doc_id: str) -> None:
    if doc_id in window.doc_list.model.where:  # listed (its chunk of rows is not read for it)
        window.doc_list.update_row(window.store.summary(doc_id))


def reload_document(window: MainWindow, stored: bool = True) -> None:
    """The open document's spans as stored now (colleagues' commits), shown as a change;
    review mode's cases and the row follow. ``stored``: the document's own columns may
    have changed (its status, say) and are read again; a colleague's spans alone leave
    them, and the row takes the new count without a round trip."""
    change = window.editor.reload()
    if change is not None:
        window.apply_change(change, mine=False)
    else:
        review.refresh(window)
    spanloading.document_row(window, counted=True, stored=stored)


# --- a lost connection -------------------------------------------------------------------
def connection_lost(window: MainWindow, message: str) -> None:
    """Say so (once) and try to reconnect every :data:`RETRY_MS`."""
    if window.retry_timer.isActive():
        return
    _NOTES[window] = translate(
        "Team", "<b>The connection to the server is lost</b> ({when}) — reconnecting… "
        "Everything shown is stored; edits are off until the server is back.").format(
        when=i18n.when(time.time()))
    safety.show_banner(window)
    window.statusBar().showMessage(message, 6000)
    window.retry_timer.start()


def _retry(window: MainWindow) -> None:
    if window.store.kind != "team" or window.store.closed:
        window.retry_timer.stop()
        return
    store = as_team(window.store)
    try:
        if window.retry_timer.isActive() or not store.connected:
            store.reconnect()
    except ConnectionLost:
        return  # still down: the timer tries again
    if window.live is not None:  # listening afresh: a connection dropped unseen says nothing
        window.live.start()
        if window.live.down:
            return  # (nothing missed is replayed: all is read afresh below once back)
    window.retry_timer.stop()
    _NOTES.pop(window, None)
    safety.show_banner(window)
    _read_afresh(window)
    window.statusBar().showMessage(translate("Team", "Connected to the server again."), 4000)


def _read_afresh(window: MainWindow) -> None:
    """The list, the open document and its notes as stored now."""
    if window.store.closed:
        return
    try:
        window.refresh_documents()
        if window.editor.doc is not None:
            reload_document(window)
            from annotator.qt import threads

            threads.refresh(window)  # colleagues' notes made meanwhile
    except ConnectionLost as e:
        connection_lost(window, str(e))
