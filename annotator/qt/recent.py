"""File → Open Recent: the last :data:`LIMIT` projects opened or created in the window,
most recent first, kept in QSettings: project files by path, team projects by address
(never with a password: :attr:`annotator.core.store.ProjectStore.location`). A project
file that is no longer there stays listed, greyed out (it may be on a drive that is not
mounted), until it ages out or the list is cleared; picking one that vanished since the
menu opened says so and drops it."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from annotator.store import is_team

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

KEY = "recent/projects"
LIMIT = 10


translate = QCoreApplication.translate


# --- the list ----------------------------------------------------------------------------
def recent_entries(settings: QSettings) -> list[str]:
    """The remembered projects, most recent first: paths and team project addresses."""
    value = settings.value(KEY, [])
    if isinstance(value, str):  # an INI file gives a one-entry list back as a string
        value = [value]
    return [str(v) for v in value if v] if isinstance(value, list) else []


def recent_paths(settings: QSettings) -> list[Path]:
    """The remembered project files, most recent first."""
    return [Path(v) for v in recent_entries(settings) if not is_team(v)]


def _key(ref: Path | str) -> str:
    return ref if is_team(ref) else str(Path(ref).absolute())  # type: ignore[return-value]


def remember(settings: QSettings, ref: Path | str | None) -> None:
    """Put a project file's path or a team project's address first (once); keep
    :data:`LIMIT` entries. ``None`` (a project in memory) is not remembered."""
    if ref is None or ref == ":memory:":
        return
    key = _key(ref)
    entries = [key] + [e for e in recent_entries(settings) if e != key]
    settings.setValue(KEY, entries[:LIMIT])


def forget(settings: QSettings, ref: Path | str) -> None:
    key = _key(ref)
    settings.setValue(KEY, [e for e in recent_entries(settings) if e != key])


def clear(settings: QSettings) -> None:
    settings.remove(KEY)


def label(n: int, path: Path | str) -> str:
    """The menu text: a mnemonic (1–9, then 0), the file name and its folder (a team
    project: its database and server)."""
    if is_team(path):
        from annotator.store.pg.url import TeamURL

        params = TeamURL(str(path)).params
        return translate("Recent", "&{n}  {name}  —  {folder}").format(
            n=n % 10, name=str(params.get("dbname", "")).replace("&", "&&"),
            folder=f"{params.get('user', '')}@{params.get('host', '')}".replace("&", "&&"))
    path = Path(path)
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
    entries = recent_entries(window.settings)
    current = _key(window.store.location)
    for n, entry in enumerate(entries, 1):
        missing = not is_team(entry) and not Path(entry).exists()
        text = label(n, entry)
        if missing:
            text = translate("Recent", "{entry}  (not found)").format(entry=text)
        action = menu.addAction(text, partial(open_recent, window, entry))
        action.setToolTip(entry)
        action.setData(entry)
        action.setEnabled(not missing)
        action.setCheckable(entry == current)
        action.setChecked(entry == current)
    if not entries:
        menu.addAction(translate("Recent", "No recent projects")).setEnabled(False)
    menu.addSeparator()
    clear_action = menu.addAction(translate("Recent", "&Clear recent projects"),
                                  partial(clear_menu, window))
    clear_action.setEnabled(bool(entries))


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


def open_recent(window: MainWindow, entry: Path | str) -> None:
    from annotator.qt.dialogs import open_path

    if is_team(entry):
        open_path(window, entry)
        return
    path = Path(entry)
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
