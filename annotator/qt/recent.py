"""File → Open Recent: the last :data:`LIMIT` projects opened or created in the window,
most recent first, kept in QSettings. A project that is no longer there stays listed,
greyed out (it may be on a drive that is not mounted), until it ages out or the list is
cleared; picking one that vanished since the menu opened says so and drops it."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

KEY = "recent/projects"
LIMIT = 10


translate = QCoreApplication.translate


# --- the list ----------------------------------------------------------------------------
def recent_paths(settings: QSettings) -> list[Path]:
    """The remembered projects, most recent first."""
    value = settings.value(KEY, [])
    if isinstance(value, str):  # an INI file gives a one-entry list back as a string
        value = [value]
    return [Path(v) for v in value if v] if isinstance(value, list) else []


def remember(settings: QSettings, path: Path | None) -> None:
    """Put ``path`` first (once); keep :data:`LIMIT` entries."""
    if path is None:
        return
    path = Path(path).absolute()
    paths = [path] + [p for p in recent_paths(settings) if p != path]
    settings.setValue(KEY, [str(p) for p in paths[:LIMIT]])


def forget(settings: QSettings, path: Path) -> None:
    settings.setValue(KEY, [str(p) for p in recent_paths(settings) if p != path])


def clear(settings: QSettings) -> None:
    settings.remove(KEY)


def label(n: int, path: Path) -> str:
    """The menu text: a mnemonic (1–9, then 0), the file name and its folder."""
    home = Path.home()
    folder = path.parent
    shown = f"~/{folder.relative_to(home)}" if folder.is_relative_to(home) else str(folder)
    return translate("Recent", "&{n}  {name}  —  {folder}").format(
        n=n % 10, name=path.name.replace("&", "&&"), folder=shown.replace("&", "&&"))


# --- the menu ----------------------------------------------------------------------------
def install(window: MainWindow, action: QAction) -> QMenu:
    """Make ``action`` (File → Open Recent, from the actions table) the submenu, filled
    afresh each time it opens; its shortcut pops the same menu up over the window."""
    menu = QMenu(window)
    menu.setToolTipsVisible(True)
    menu.aboutToShow.connect(partial(fill, window, menu))
    action.setMenu(menu)
    return menu


def fill(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    paths = recent_paths(window.settings)
    current = window.store.path.absolute() if window.store.path else None
    for n, path in enumerate(paths, 1):
        missing = not path.exists()
        text = label(n, path)
        if missing:
            text = translate("Recent", "{entry}  (not found)").format(entry=text)
        action = menu.addAction(text, partial(open_recent, window, path))
        action.setToolTip(str(path))
        action.setData(str(path))
        action.setEnabled(not missing)
        action.setCheckable(path == current)
        action.setChecked(path == current)
    if not paths:
        menu.addAction(translate("Recent", "No recent projects")).setEnabled(False)
    menu.addSeparator()
    clear_action = menu.addAction(translate("Recent", "&Clear recent projects"),
                                  partial(clear_menu, window))
    clear_action.setEnabled(bool(paths))


def popup(window: MainWindow) -> None:
    """Ctrl+Shift+O: the recent projects under the menu bar, the latest one not open
    active, so that Enter switches back to it and arrows pick another."""
    menu = window.acts["recent"].menu()
    assert isinstance(menu, QMenu)
    menu.popup(window.mapToGlobal(QPoint(8, window.menuBar().height())))  # fills it
    # the first project to switch to: not the one open (checked)
    first = next((a for a in menu.actions() if a.data() and a.isEnabled()
                  and not a.isChecked()), None)
    if first is not None:
        menu.setActiveAction(first)


def open_recent(window: MainWindow, path: Path) -> None:
    from annotator.qt.dialogs import open_path

    if not path.exists():
        forget(window.settings, path)
        QMessageBox.warning(window, translate("Recent", "Open recent project"), translate(
            "Recent", "{path} is no longer there; it has been removed from the recent "
            "projects.").format(path=path))
        return
    open_path(window, path)


def clear_menu(window: MainWindow) -> None:
    clear(window.settings)
    window.statusBar().showMessage(translate("Recent", "Recent projects cleared."), 4000)
