"""Keeping work safe in the window: opening a project (locked for editing; read-only when
someone else edits it; the latest backup offered when it is damaged), the banner saying
why a project is read-only or where it lives is risky, rolling backups (at open and every
:data:`BACKUP_EVERY_MS` while there are new edits, on a worker thread), File → Back up now
and File → Restore from backup…, and one-line messages instead of tracebacks.

A window that has a project read-only because another one edits it watches the lock
(:mod:`annotator.qt.lockwatch`): once the other window closes it, the banner says so and
offers to take over editing here.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable
from functools import partial
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QWidget

from annotator.core.annotation import Annotator
from annotator.core.errors import AnnotatorError, ConnectionLost
from annotator.core.store import ProjectStore
from annotator.qt import i18n, lockwatch
from annotator.qt.jobs import Background
from annotator.store import (
    DamagedError,
    ReadOnlyError,
    Store,
    backups,
    find_damage,
    is_team,
    open_project,
)
from annotator.store.location import storage_warning
from annotator.store.lock import LockedError, ProjectLock

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

BACKUP_EVERY_MS = 20 * 60 * 1000
FRESH_S = 5 * 60  # a backup younger than this makes the one at open unnecessary
BANNER_STYLE = ("QLabel { background: #fff3cd; color: #5c4400; padding: 6px 12px; "
                "border-bottom: 1px solid #e0c36a; }")
YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
translate = QCoreApplication.translate


# --- opening ---------------------------------------------------------------------------
def open_store(parent: QWidget | None, path: Path | str, who: Annotator
               ) -> ProjectStore | None:
    """The project opened for ``who`` to edit; None when it cannot be, or the user
    declines the read-only copy or the backup offered instead. SQLite's damage check is
    left to :func:`project_opened`, which runs it on a worker thread once the window shows
    the project, when the file is the one this app closed cleanly (a damaged file is then
    closed and the latest backup offered); any other file is checked before it opens. A
    team project (an address) is the server's to keep sound: it just opens."""
    if is_team(path):
        try:
            return open_project(path)
        except AnnotatorError as e:
            QMessageBox.critical(parent, "annotator", str(e))
            return None
    path = Path(path)
    try:
        return Store.open(path, lock=who.name, check="auto")
    except LockedError as e:
        return _offer_read_only(parent, path, e)
    except DamagedError as e:
        return _offer_backup(parent, path, who, e)
    except AnnotatorError as e:
        QMessageBox.critical(parent, "annotator", str(e))
        return None


def _offer_read_only(parent, path: Path, e: LockedError) -> Store | None:
    answer = QMessageBox.question(
        parent, translate("Safety", "Project in use"), translate(
            "Safety", "{name} is already open for editing by {holder}.\n\nOpen it read-only? "
            "You can read, search and export; edits are off until the other window closes "
            "it.").format(name=path.name, holder=lockwatch.holder_text(e.holder)), YES | NO)
    if answer != YES:
        return None
    return lockwatch.read_only_beside(parent, path, e.holder)


def _offer_backup(parent, path: Path, who: Annotator, e: DamagedError) -> Store | None:
    if e.backup is None:
        QMessageBox.critical(parent, translate("Safety", "Damaged project"), str(e))
        return None
    taken = i18n.when(e.backup.stat().st_mtime)
    answer = QMessageBox.question(
        parent, translate("Safety", "Damaged project"), translate(
            "Safety", "{name} is damaged: {problem}\n\nRestore the latest backup (taken "
            "{taken})? The damaged file is kept in {folder}; nothing is deleted.").format(
            name=path.name, problem=e.problems[0][:200], taken=taken,
            folder=backups.folder_of(path).name), YES | NO)
    if answer != YES:
        return None
    try:
        with ProjectLock(path).acquire(who.name):
            backups.restore(path, e.backup)
        return Store.open(path, lock=who.name)
    except AnnotatorError as err:
        QMessageBox.critical(parent, "annotator", str(err))
        return None


# --- the window ------------------------------------------------------------------------
def wire(window: MainWindow) -> None:
    window.safety_receiver = Receiver(window)
    window.banner = QLabel(wordWrap=True)
    window.banner.setStyleSheet(BANNER_STYLE)
    window.banner.hide()
    window.centre_layout.insertWidget(0, window.banner)
    window.backup_timer = QTimer(window, interval=BACKUP_EVERY_MS)
    window.backup_timer.timeout.connect(lambda: _backup_in_background(window, "periodic"))
    window.backup_timer.start()
    lockwatch.wire(window)


def project_opened(window: MainWindow) -> None:
    store = window.store
    show_banner(window)
    lockwatch.project_opened(window)
    window.backed_up_at = -1
    if store.path is not None and not store.checked:
        Background("check", partial(find_damage, store.path), id(store), window,
                   cancellable=True).launch(window.safety_receiver.damage_checked)
    else:
        _backup_at_open(window)


def show_banner(window: MainWindow, read_only: str = "") -> None:
    """The banner over the reader: that a team project's server is away, why the project
    is read-only (``read_only``, rich text, else the store's reason), where it lives is
    risky, and what the upgrade at its opening changed in it (``store.upgrade_notes``: said
    once, by the store that upgraded it); hidden when none."""
    from annotator.qt import team

    store = window.store
    notes = [read_only] if read_only else []
    if note := team.banner_note(window):
        notes.insert(0, note)
    if store.upgrade_notes:
        notes.append(translate("Safety", "<b>Upgraded</b> to this version of annotator: "
                               "{notes}.").format(notes=escape("; ".join(store.upgrade_notes))))
    if store.read_only and not read_only:
        notes.append(translate("Safety", "<b>Read-only</b> — {why}. Reading, searching and "
                               "exporting work; edits are off.").format(
            why=escape(store.read_only)))
    if store.path is not None and (warning := storage_warning(store.path)):
        why = warning.split(": ", 1)[1]
        notes.append(escape(why[0].upper() + why[1:] + "."))
    window.banner.setText("<br>".join(notes))
    window.banner.setVisible(bool(notes))


def _backup_at_open(window: MainWindow) -> None:
    """A backup when the newest one is older than :data:`FRESH_S` — only of a project
    known to be sound, so that a damaged file never pushes a good backup out."""
    store = window.store
    if store.path is not None and not store.read_only:
        newest = backups.latest(store.path)
        if newest is None or time.time() - newest.stat().st_mtime > FRESH_S:
            _backup_in_background(window, "open")


def _damaged(window: MainWindow, problems: list[str]) -> None:
    """The project just opened is damaged: close it, offer the latest backup; declined
    (or none), keep the damaged file open read-only with the banner saying why."""
    path, who = window.store.path, window.session.annotator
    assert path is not None
    window.store.close()
    error = DamagedError(path, problems, backups.latest(path))
    store = _offer_backup(window, path, who, error)
    if store is None:
        why = translate("Safety", "the file is damaged ({problem}); File → Restore from "
                        "backup").format(problem=problems[0][:120])
        try:
            store = Store.open(path, read_only=why, check=False)
        except AnnotatorError as e:
            QMessageBox.critical(window, "annotator", str(e))
            window.close()
            return
    window.set_project(store, who)


def _backup_in_background(window: MainWindow, reason: str) -> None:
    store, changes = window.store, window.editor.changes
    if store.path is None or store.read_only or store.closed:
        return
    if reason == "periodic" and changes == window.backed_up_at:
        return  # nothing new since the last one
    window.backed_up_at = changes
    Background("backup", partial(_snapshot, store.path, reason), changes, window).launch(
        window.safety_receiver.backed_up)


def _snapshot(path: Path, reason: str) -> Path | DamagedError:
    """A backup, or the damage it found (a backup checks its copy): returned, not raised,
    for the window to offer the latest backup (:meth:`Receiver.backed_up`)."""
    try:
        with Store.open(path, check=False) as store:
            return store.backup(reason)
    except DamagedError as e:
        return e


class Receiver(QObject):
    """Takes a background backup's result in the GUI thread."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window

    def damage_checked(self, problems: object) -> None:
        job = self.sender()
        window = self.window
        if window.store.closed or getattr(job, "token", None) != id(window.store):
            return  # another project by now
        if problems:
            _damaged(window, list(problems))  # type: ignore[call-overload]
        else:
            window.store.checked = True
            _backup_at_open(window)

    def backed_up(self, where: object) -> None:
        window = self.window
        if isinstance(where, DamagedError):
            if not window.store.closed and window.store.path == where.path:
                _damaged(window, where.problems)  # as the check at opening would
            return
        if isinstance(where, Path):
            self.window.statusBar().showMessage(
                translate("Safety", "Backed up to {where}").format(where=where.name), 4000)


def shutdown(window: MainWindow) -> None:
    """The window closes: no new backups, and running work finishes first (a thread must
    not outlive the window): a backup runs to its end, a cancellable job (the damage check,
    the suggestion lexicon) stops at its next step; what they find is not sent."""
    window.backup_timer.stop()
    window.lock_timer.stop()
    window.doc_list.model.stop_preparing()  # (idle work reads from the store, soon closed)
    window.span_loader.timer.stop()
    for job in window.findChildren(Background):
        job.cancel()
    for job in window.findChildren(Background):
        job.wait()


# --- File menu ---------------------------------------------------------------------------
def backup_now(window: MainWindow) -> None:
    store = window.store
    if store.path is None:
        return
    try:
        where = store.backup("manual")
    except DamagedError as e:
        _damaged(window, e.problems)  # the latest backup offered, as at opening
        return
    except AnnotatorError as e:
        QMessageBox.warning(window, translate("Safety", "Back up"), str(e))
        return
    window.backed_up_at = window.editor.changes
    window.statusBar().showMessage(translate("Safety", "Backed up to {where}").format(
        where=where), 8000)


def restore_backup(window: MainWindow) -> None:
    """File → Restore from backup…: choose one; the project is closed, the backup put in
    its place (the current file kept among the backups) and the project reopened."""
    store = window.store
    path = store.path
    found = backups.backups(path) if path else []
    if path is None or not found:
        window.statusBar().showMessage(translate("Safety", "This project has no backups yet."),
                                       4000)
        return
    if store.read_only:
        window.statusBar().showMessage(translate(
            "Safety", "The project is read-only here: restore it from the window that edits "
            "it."), 6000)
        return
    labels = [f"{i18n.when(p.stat().st_mtime)}  {p.name}" for p in found]
    choice, ok = QInputDialog.getItem(
        window, translate("Safety", "Restore from backup"), translate(
            "Safety", "Put this backup in place of the project (the current file is kept):"),
        labels, 0, False)
    if not ok:
        return
    chosen = found[labels.index(choice)]
    who = window.session.annotator
    store.close()  # releases the lock
    try:
        aside = backups.restore(path, chosen)
    except AnnotatorError as e:
        QMessageBox.warning(window, translate("Safety", "Restore"), str(e))
        aside = None
    reopened = open_store(window, path, who)
    if reopened is None:
        window.close()
        return
    window.set_project(reopened, who)
    if aside:
        window.statusBar().showMessage(translate(
            "Safety", "Restored {backup}; the replaced file is {aside}").format(
            backup=chosen.name, aside=aside.name), 10000)


# --- errors ----------------------------------------------------------------------------
def guard(window: MainWindow, fn: Callable[..., object]) -> Callable[..., None]:
    """``fn`` for a menu action or a widget's signal: our errors become a status-bar line
    (a read-only project) or a message box, never a traceback."""
    def run(*args) -> None:
        try:
            fn(*args)
        except AnnotatorError as e:
            _tell(window, e)

    return run


def _tell(window: MainWindow, error: AnnotatorError) -> None:
    """One line: in the status bar for a read-only project, else in a message box; a team
    project's lost connection in the banner (see :mod:`annotator.qt.team`)."""
    if isinstance(error, ConnectionLost):
        from annotator.qt import team

        team.connection_lost(window, str(error))
        window.statusBar().showMessage(str(error), 6000)  # every refused action, not only the first
    elif isinstance(error, ReadOnlyError):
        window.statusBar().showMessage(str(error), 6000)
    else:
        QMessageBox.warning(window, "annotator", str(error))


def guard_action(window: MainWindow, fn: Callable[[], object]) -> Callable[[], None]:
    """:func:`guard` for ``QAction.triggered``, without its ``checked`` argument."""
    run = guard(window, fn)
    return lambda: run()

def install_error_hook(window: MainWindow) -> None:
    """Errors that reach the event loop: ours are one line (read-only ones in the status
    bar, others in a message box); anything else says that stored work is safe."""
    def hook(kind, error, tb) -> None:
        if isinstance(error, AnnotatorError):
            _tell(window, error)
        else:
            text = "".join(traceback.format_exception(kind, error, tb))
            if sys.__stderr__ is not None:
                sys.__stderr__.write(text)
            box = QMessageBox(QMessageBox.Icon.Critical, "annotator",
                              translate("Safety", "Something went wrong: {error}\n\nEvery "
                                        "edit you saw happen is stored; this one may not "
                                        "have been.").format(error=error), parent=window)
            box.setDetailedText(text)
            box.exec()

    sys.excepthook = hook
