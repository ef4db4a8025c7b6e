"""A project read-only here because another window edits it: who has it (in people's
words), and when they let go. The read-only window looks at the project's lock every
:data:`LOCK_POLL_MS` (an OS lock leaves no trace a file watcher would see when its process
dies); once it is free, the banner says so and offers to take over editing here, which
reopens the project for editing (locked) in this window, on the same document.
"""

from __future__ import annotations

import weakref
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.store import ProjectStore
from annotator.qt import i18n
from annotator.store import Store
from annotator.store.lock import LockedError, check_unlocked

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

LOCK_POLL_MS = 3000
TAKE_OVER = "take-over"  # the banner link's target
translate = QCoreApplication.translate
#: read-only stores opened because another window edits the project: who holds the lock
_ELSEWHERE: weakref.WeakKeyDictionary[ProjectStore, dict] = weakref.WeakKeyDictionary()


def holder_text(holder: dict) -> str:
    """Who holds a project's lock, for people: "Lin (process 4242 on lab-pc, since
    18:02)" (the time as :func:`annotator.qt.i18n.when` says it)."""
    return translate("Safety", "{who} (process {pid} on {host}, since {since})").format(
        who=_who(holder), pid=holder.get("pid", "?"), host=holder.get("host", "?"),
        since=i18n.when(str(holder.get("since", "?"))))


def _who(holder: dict) -> str:
    return holder.get("annotator") or translate("Safety", "another program")


def _reason(holder: dict) -> str:
    return translate("Safety", "open for editing by {holder}").format(
        holder=holder_text(holder))


def read_only_beside(parent: QWidget | None, path: Path, holder: dict) -> Store | None:
    """The project opened read-only while ``holder`` edits it (and watched for when they
    stop, once a window shows it); None when it cannot be opened (said in a box)."""
    try:
        store = Store.open(path, read_only=_reason(holder))
    except AnnotatorError as err:
        QMessageBox.critical(parent, "annotator", str(err))
        return None
    _ELSEWHERE[store] = holder
    return store


def wire(window: MainWindow) -> None:
    window.lock_timer = QTimer(window, interval=LOCK_POLL_MS)
    window.lock_timer.timeout.connect(lambda: look(window))
    window.banner.linkActivated.connect(
        lambda target: take_over(window) if target == TAKE_OVER else None)


def project_opened(window: MainWindow) -> None:
    """Watch the lock while the project shown is read-only because of it."""
    if window.store in _ELSEWHERE:
        window.lock_timer.start()
    else:
        window.lock_timer.stop()


def look(window: MainWindow) -> None:
    """Has the editor let go? Then say so, and offer to take over."""
    from annotator.qt.safety import show_banner

    store = window.store
    holder = _ELSEWHERE.get(store)
    if holder is None or store.closed or store.path is None:
        window.lock_timer.stop()
        return
    try:
        check_unlocked(store.path)
    except LockedError as e:  # still held (maybe by someone else by now)
        if e.holder != holder:
            _held_by(window, e.holder)
        return
    window.lock_timer.stop()
    show_banner(window, translate(
        "Safety", "<b>Read-only</b> — {who} has closed the project. <a href=\"{link}\">Edit "
        "it here</a> (edits stay off until you do).").format(
        who=escape(_who(holder)), link=TAKE_OVER))


def _held_by(window: MainWindow, holder: dict) -> None:
    from annotator.qt.safety import show_banner

    _ELSEWHERE[window.store] = holder
    window.store.read_only = _reason(holder)
    show_banner(window)


def take_over(window: MainWindow) -> None:
    """Reopen the project for editing in this window (on the same document), unless
    someone else took it first (then it stays read-only, watched again)."""
    store, who = window.store, window.session.annotator
    if store not in _ELSEWHERE or store.path is None:
        return
    try:
        editing = Store.open(store.path, lock=who.name, check="auto")
    except LockedError as e:
        _held_by(window, e.holder)
        window.lock_timer.start()
        window.statusBar().showMessage(translate(
            "Safety", "{who} opened the project for editing first.").format(
            who=_who(e.holder)), 8000)
        return
    except AnnotatorError as e:
        QMessageBox.warning(window, "annotator", str(e))
        return
    window.switch_project(editing)
    window.statusBar().showMessage(translate(
        "Safety", "You are editing {name} now.").format(name=store.path.name), 6000)
