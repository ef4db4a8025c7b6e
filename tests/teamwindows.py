"""Team projects for window tests: members made on a fresh database, and the real window
opened as one of them (shared by tests/qt/test_team_window.py and test_relations_team.py)."""

from __future__ import annotations

from urllib.parse import quote

from PySide6.QtCore import QSettings

from annotator.core.annotation import Annotator
from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.qt.window import MainWindow
from annotator.store import open_project
from annotator.store.pg.url import TeamURL

SECRET = "Pw-Of-Lin-77"


def as_role(url: str, user: str, password: str | None = None) -> str:
    p = TeamURL(url).params
    auth = quote(user, safe="") + (f":{quote(password, safe='')}" if password else "")
    return f"postgresql://{auth}@{p['host']}:{p['port']}/{p['dbname']}"


def make_team(url: str, seed_paths, chen_role: str = "reviewer") -> tuple[str, str]:
    """The seeds on a new team project; members lin (annotator, with a password) and chen."""
    with open_project(url, create=True) as owner:
        owner.set_tagset(default_tagset())
        import_paths(owner, seed_paths)
        db = owner.conn.raw.info.dbname
        lin, chen = f"lin_{db}", f"chen_{db}"
        owner.add_member(lin, "annotator", password=SECRET)
        owner.add_member(chen, chen_role)
    return lin, chen


def window_on(qtbot, tmp_path, address: str, name: str) -> MainWindow:
    store = open_project(address)
    settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, Annotator(name, name.title()), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
