"""Start the application: Qt, the annotator's identity (asked once), the project."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.annotation import Annotator
from annotator.core.errors import AnnotatorError
from annotator.project import default_project
from annotator.qt import about, fonts, i18n, smoke
from annotator.qt.firstrun import first_run
from annotator.qt.safety import install_error_hook, open_store
from annotator.store import is_team


def annotator_id(name: str) -> str:
    """A stable id from a display name: lower-case, spaces to dashes, CJK kept."""
    return re.sub(r"[\s/\\]+", "-", name.strip().lower()) or "annotator"


def identity(settings: QSettings, project: Path | str | None = None) -> Annotator | None:
    """Who is annotating: the stored name, or, on first run, the first-run dialog's (which
    also makes the default project, unless ``project`` is to be opened instead)."""
    name = settings.value("annotator/name")
    if not name:
        name = first_run(project)
        if not name:
            return None
        settings.setValue("annotator/name", name)
        settings.setValue("annotator/id", annotator_id(name))
    return Annotator(settings.value("annotator/id") or annotator_id(name), name)


def run(project: Path | str | None = None) -> int:
    from annotator.qt.window import MainWindow

    if smoke.requested():  # the smoke run ends within a minute, whatever happens
        smoke.start_watchdog()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    fonts.apply_cjk_fallback()
    about.brand()
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    settings = QSettings("annotator", "annotator")
    i18n.install(settings)  # the interface language: the setting, else the system's
    who = identity(settings, project)
    if who is None:
        return 1
    try:
        path = project or default_project()
    except AnnotatorError as e:
        QMessageBox.critical(None, "annotator", str(e))
        return 1
    store = open_store(None, path if is_team(path) else Path(path), who)
    if store is None:
        return 1
    window = MainWindow(store, who, settings)
    install_error_hook(window)
    window.show()
    smoke.arm(window)  # ANNOTATOR_SMOKE=1: report after the first paint and quit
    code = app.exec()
    i18n.live(window).store.close()  # the window may have been remade in another language
    return code
