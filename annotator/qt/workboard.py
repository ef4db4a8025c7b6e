"""The team's workflow in the window: the document list's team columns (my status, who is
assigned and where they are, who else is here, open threads) and my queue ("Mine"),
assigning the chosen documents (Document → Assign to…), blind annotation (Document →
Blind annotation), and in a team project the heartbeat that tells colleagues which
document I have open (and keeps my review lock) — every 30 s, and at once when I change
document; a window that goes away is gone from their lists two minutes later.

The state is a :class:`annotator.core.board.Board`, read when a project opens and again
for the documents that my edits or colleagues' commits touch."""

from __future__ import annotations

import weakref
from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from annotator.core import assign as assigning
from annotator.core import board as boards
from annotator.core.annotation import Annotator
from annotator.core.commands import Change
from annotator.core.document import DocumentSummary
from annotator.core.errors import ConnectionLost
from annotator.core.store import ProjectStore, as_team
from annotator.qt import guidelines, suggestions, threads
from annotator.qt.models import status_label

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

translate = QCoreApplication.translate
MARKS = {"todo": "○", "in_progress": "◐", "done": "✓"}


class State(QObject):
    """A window's team state (a child of the window: it goes with it)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.board = boards.Board("", None)
        self.here: str | None = None  # the document I announced
        self.store: ProjectStore | None = None  # on this project
        self.timer = QTimer(self)  # its interval is set for a team project (loads psycopg)
        self.timer.timeout.connect(lambda: heartbeat(window))


_STATES: weakref.WeakKeyDictionary[QObject, State] = weakref.WeakKeyDictionary()


def state(window: MainWindow) -> State:
    return _STATES[window]


def wire(window: MainWindow) -> None:
    _STATES[window] = State(window)
    window.doc_list.model.team = lambda r: columns(window, r)
    window.search.blind = lambda: window.editor.blind  # what blind annotation hides
    from annotator.qt.safety import guard

    window.doc_list.assignRequested.connect(guard(window, lambda: assign_chosen(window)))
    window.acts["blind"].setCheckable(True)
    threads.wire(window)
    guidelines.wire(window)


def columns(window: MainWindow, r: DocumentSummary) -> tuple:
    """A row's team columns: status (mine, when the project knows one of mine; else the
    document's), spans (mine alone where blind annotation hides the rest), who is
    assigned (with their status), who else is here, open threads."""
    board = state(window).board
    mine = board.mine(r.id) or board.me in board.statuses.get(r.id, {})
    people = ", ".join(f"{who} {MARKS.get(status, '')}" for who, status in board.people(r.id))
    return (board.status(r.id) if mine else r.status, board.spans(r.id, r.annotations),
            people, ", ".join(board.present.get(r.id, ())), board.threads.get(r.id, 0))


def project_opened(window: MainWindow) -> None:
    s = state(window)
    s.timer.stop()
    if s.store is not None and s.store is not window.store and not s.store.closed:
        _leave(s.store, s.here)  # switched projects: gone from the last one's lists
    s.here, s.store = None, window.store
    session = window.session
    s.board = boards.read(window.store, session.annotator.id, session.role)
    refresh_list(window)
    blind = window.acts["blind"]
    blind.setChecked(s.board.blind.on)
    reviews = session.reviews and not window.store.read_only
    for name in ("blind", "assign"):
        window.acts[name].setEnabled(reviews)
    guidelines.refresh(window)
    if window.store.kind == "team" and not window.store.read_only:
        from annotator.store.pg.presence import HEARTBEAT_S

        s.timer.start(HEARTBEAT_S * 1000)


def shutdown(window: MainWindow) -> None:
    s = _STATES.get(window)
    if s is None:
        return
    s.timer.stop()
    _leave(window.store, s.here)
    s.here = None


def _leave(store: ProjectStore, doc_id: str | None) -> None:
    if doc_id and store.kind == "team" and not store.closed:
        with suppress(ConnectionLost):  # else gone from their lists two minutes from now
            as_team(store).leave(doc_id)


def refresh_list(window: MainWindow, doc_ids: set[str] | None = None) -> None:
    """The list's team columns and my queue, as the board has them now (``doc_ids``:
    only these documents' rows may have changed; None: any)."""
    board = state(window).board
    queue = board.queue(window.doc_list.model.ids())
    window.doc_list.set_queue(queue if queue else None)
    window.doc_list.refresh(doc_ids)


def document_current(window: MainWindow, doc_id: str) -> None:
    """The document shown now: announced to colleagues (team), its notes and guidelines
    shown."""
    s = state(window)
    if window.store.kind == "team" and not window.store.read_only and s.here != doc_id:
        team = as_team(window.store)
        if s.here:
            team.leave(s.here)
        team.here(doc_id)
        s.here = doc_id
        if moved := s.board.reread_presence(window.store):
            window.doc_list.refresh(moved)
    threads.refresh(window)


def heartbeat(window: MainWindow) -> None:
    s = state(window)
    if window.store.closed or window.retry_timer.isActive():
        return
    try:
        if s.here:
            as_team(window.store).here(s.here)
        if moved := s.board.reread_presence(window.store):
            window.doc_list.refresh(moved)
    except ConnectionLost as e:
        from annotator.qt import team

        team.connection_lost(window, str(e))


def after_change(window: MainWindow, change: Change, mine: bool) -> None:
    """An edit of mine (or colleagues' spans reloaded): the board and what follows it."""
    command = change.command
    if command is None or not (command.statuses_after or command.workflow_rows):
        board = state(window).board
        if (change.added or change.removed) and board.blind.binding and window.editor.doc:
            board.my_spans = window.store.span_counts(board.me)  # the count blind shows
            window._update_document_row(counted=True)
        return
    team_changed(window, command.doc_ids)
    if command.threads_before or command.threads_after or command.comments_before \
            or command.comments_after:
        threads.refresh(window)


def team_changed(window: MainWindow, doc_ids) -> None:
    """The workflow of these documents (or the project's settings) changed: mine, or
    colleagues'. What blind annotation hides is read again too."""
    owner = window.editor.lexicon_owner()
    refresh_list(window, state(window).board.reread(window.store, doc_ids))
    doc = window.editor.doc
    if window.editor.refresh_blind() and doc is not None:
        window.set_shown(window.editor.shown)  # blind annotation lifted or back: redraw
    elif doc is not None and doc.id in doc_ids:
        window._update_document_row()  # my status in the status bar
    if window.editor.lexicon_owner() != owner:
        suggestions.project_opened(window)  # whose spans my suggestions count changed


# --- assigning -------------------------------------------------------------------------------
class AssignDialog(QDialog):
    """Whom the chosen documents are assigned to: checked are those all of them have."""

    def __init__(self, parent, count: int, people: list[tuple[str, str]], checked: set[str],
                 newcomers: bool = True):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign documents"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Assign %n document(s) to:", "", count)))
        self.boxes: dict[str, QCheckBox] = {}
        for who, name in people:
            box = QCheckBox(name if name == who else f"{name} ({who})")
            box.setChecked(who in checked)
            self.boxes[who] = box
            layout.addWidget(box)
        self.other = QLineEdit(placeholderText=self.tr("and others (names, comma-separated)"))
        self.other.setVisible(newcomers)  # a team project: its members only
        layout.addWidget(self.other)
        note = QLabel(self.tr("Each document goes to exactly the people checked; one undo "
                              "takes it back."), wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str, ...]:
        more = [n.strip() for n in self.other.text().split(",") if n.strip()]
        return tuple(dict.fromkeys([*(w for w, box in self.boxes.items() if box.isChecked()),
                                    *more]))


def assign_chosen(window: MainWindow) -> None:
    """Document → Assign to… (or the list's context menu) for the chosen documents."""
    if not window.acts["assign"].isEnabled():
        window.statusBar().showMessage(translate(
            "Workboard", "Only reviewers assign documents."), 4000)
        return
    docs = window.doc_list.selected_ids() or ([window.editor.doc.id] if window.editor.doc
                                              else [])
    if not docs:
        return
    existing = window.store.assignments()
    people = [(a.id, a.name) for a in window.store.annotators()]
    held = [{a.annotator for a in existing if a.doc_id == d} for d in docs]
    dialog = AssignDialog(window, len(docs), people, set.intersection(*held),
                          newcomers=window.store.kind != "team")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    chosen = dialog.chosen()
    for who in set(chosen) - {w for w, _ in people}:  # named here first (a project file)
        window.store.add_annotator(Annotator(who, who))
    command = assigning.assign({d: chosen for d in docs}, existing,
                               window.session.annotator.id)
    if command is not None:
        window._after_edit(window.editor.run(command))


def toggle_blind(window: MainWindow) -> None:
    """Document → Blind annotation (reviewers): on or off for the whole project."""
    on = window.acts["blind"].isChecked()
    window.store.set_blind(on)
    team_changed(window, [])
    window.statusBar().showMessage(translate(
        "Workboard", "Blind annotation is on: annotators see only their own layer of a "
        "document until they mark it done.") if on else translate(
        "Workboard", "Blind annotation is off."), 6000)


def document_line(window: MainWindow, n: int, total: int, summary: DocumentSummary) -> str:
    """The status bar's document line, with my status; and while blind annotation hides
    colleagues' layers here, that it does."""
    from dataclasses import replace

    from annotator.qt.models import document_line as line

    status, spans = columns(window, summary)[:2]
    mine = replace(summary, status=status, annotations=spans)
    hidden = translate("Workboard", " · blind: only your layer until you mark it {done}"
                       ).format(done=status_label("done")) if window.editor.hidden else ""
    return line(n, total, mine) + hidden


def selection_shown(window: MainWindow) -> None:
    """A span selected (or none): its tag's guidelines, its threads."""
    span = window.editor.selected
    if span is not None:
        guidelines.show_tag(window, span.tag)
    threads.refresh(window, reread=False)

