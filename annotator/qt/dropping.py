"""Drag and drop onto the main window.

A dropped project file opens as File → Open does (locked; read-only or the latest backup
offered when it cannot be); dropped texts, web pages, datasets and folders are imported
into the open project as File → Import does (on a worker thread, with progress and
cancel). While something is dragged over the window the status bar says what dropping it
would do, or why it cannot be dropped: a link that is not a local file, a missing file, a
file that cannot be imported. Projects mixed with other files, or several projects at
once, are refused with a message saying why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from annotator.formats.kinds import IMPORT_SUFFIXES, PROJECT_SUFFIXES
from annotator.qt.actions import keys_of

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove)


translate = QCoreApplication.translate


@dataclass
class Drop:
    """What dropping would do: ``open`` a project, ``import`` files, or ``refuse``
    (``loud``: with a message box on the drop, not only the status bar)."""

    action: str
    message: str
    paths: list[Path] = field(default_factory=list)
    loud: bool = False


def _refuse(message: str, loud: bool = False) -> Drop:
    return Drop("refuse", message, loud=loud)


def plan(urls: Sequence[QUrl], project: str, read_only: str = "") -> Drop:
    """What dropping ``urls`` on the window of ``project`` (read-only when ``read_only``
    says why) does."""
    if not urls:
        return _refuse(translate("Dropping", "Only files can be dropped here."))
    remote = [u for u in urls if not u.isLocalFile()]
    if remote:
        return _refuse(translate("Dropping", "{url} is not a file on this computer; only local "
                                 "files can be dropped here.").format(
            url=remote[0].toDisplayString()))
    paths = [Path(u.toLocalFile()) for u in urls]
    missing = [p for p in paths if not p.exists()]
    if missing:
        return _refuse(translate("Dropping", "{path} was not found.").format(path=missing[0]))
    projects = [p for p in paths if p.is_file() and p.suffix.lower() in PROJECT_SUFFIXES]
    others = [p for p in paths if p not in projects]
    if projects and others:
        return _refuse(translate(
            "Dropping", "{project} is a project and {other} is not: drop a project alone to "
            "open it, or files and folders to import them.").format(
            project=projects[0].name, other=others[0].name), loud=True)
    if len(projects) > 1:
        return _refuse(translate("Dropping", "Drop one project at a time ({first}, {second}…).")
                       .format(first=projects[0].name, second=projects[1].name), loud=True)
    if projects:
        return Drop("open", translate("Dropping", "Drop to open {project}.").format(
            project=projects[0].name), projects)
    return _import_plan(others, project, read_only)


def _import_plan(paths: list[Path], project: str, read_only: str) -> Drop:
    if all(p.is_file() and p.suffix.lower() not in IMPORT_SUFFIXES for p in paths):
        return _refuse(translate(
            "Dropping", "{name} cannot be imported: drop texts (.txt), web pages (.html), JSON, "
            "TEI (.xml) or brat (.ann) files, or folders of them.").format(name=paths[0].name))
    if read_only:
        return _refuse(translate("Dropping", "{project} is read-only ({why}); nothing can be "
                                 "imported into it.").format(project=project, why=read_only))
    n = len(paths)  # (lupdate reads a plain name as the count)
    return Drop("import", translate("Dropping", "Drop to import %n item(s) into {project}.",
                                    "", n).format(project=project), paths)


class DropHandler(QObject):
    """Watches the window's drag and drop events (an event filter, so the window's own
    code stays as it is). Widgets that take drops themselves (text fields) keep theirs."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.planned: Drop | None = None  # on entering: a drag's files do not change

    def plan(self, event: QDropEvent) -> Drop:
        if event.type() == QEvent.Type.DragMove and self.planned is not None:
            return self.planned  # no file-system checks on every mouse move
        store = self.window.store
        name = store.path.name if store.path else self.tr("this project")
        self.planned = plan(event.mimeData().urls(), name, store.read_only)
        return self.planned

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        kind = event.type()
        if kind in DRAG_EVENTS and isinstance(event, QDropEvent):
            self.dragged(event)
            return True
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            self.dropped(event)
            return True
        if kind == QEvent.Type.DragLeave:
            self.window.statusBar().clearMessage()
        return False

    def dragged(self, event: QDropEvent) -> None:
        drop = self.plan(event)
        # a refused drag gets no DragLeave: its message times out by itself
        self.window.statusBar().showMessage(drop.message, 0 if drop.action != "refuse" else 8000)
        if drop.action != "refuse" or drop.loud:  # a loud refusal explains itself on drop
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropped(self, event: QDropEvent) -> None:
        drop = self.plan(event)
        bar = self.window.statusBar()
        bar.clearMessage()
        if drop.action == "refuse":
            event.ignore()
            bar.showMessage(drop.message, 10000)
        else:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        if drop.action != "refuse" or drop.loud:
            # after the drop has finished: the file manager is not kept waiting on a dialog
            QTimer.singleShot(0, self, partial(self.carry_out, drop))

    def carry_out(self, drop: Drop) -> None:
        if drop.action == "open":
            from annotator.qt.dialogs import open_path

            open_path(self.window, drop.paths[0])
        elif drop.action == "import":
            from annotator.qt.importdialog import run_import

            run_import(self.window, drop.paths)  # an empty project then shows the first one
        else:
            QMessageBox.information(self.window, self.tr("Drop"), drop.message)


def install(window: MainWindow) -> DropHandler:
    """Let ``window`` take drops; an empty project's reader says what can be dropped."""
    handler = DropHandler(window)
    window.setAcceptDrops(True)
    window.installEventFilter(handler)
    keys = keys_of("import")
    window.reader.setPlaceholderText(translate(
        "Dropping", "No documents yet. Drop texts, web pages, JSON or TEI files (or folders "
        "of them) here to import them, or use File → Import files… ({keys}).").format(
        keys=", ".join(keys)))
    return handler
