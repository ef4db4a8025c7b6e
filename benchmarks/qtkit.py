"""The real window for the window figures: opened the way ``annotator open`` opens it."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.qt import fonts, safety  # noqa: E402
from annotator.qt.jobs import Background  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402

WHO = Annotator("lin", "Lin")
SIZE = (1400, 900)


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        fonts.apply_cjk_fallback()  # as annotator.qt.app.run does at start
    assert isinstance(app, QApplication)
    return app


def open_window(path: Path, work: Path, last: str | None = None) -> MainWindow:
    """Store opened as the app does (lock, damage check), window built, shown, painted.
    ``last``: the document the settings say was open last (the window opens it)."""
    app = application()
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    if last:
        settings.setValue(f"last-document/{path}", last)
    store = safety.open_store(None, path, WHO)
    assert store is not None, f"cannot open {path}"
    window = MainWindow(store, WHO, settings)
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    return window


def busy(window: MainWindow) -> bool:
    """Opening's work is not over: background jobs, the suggestion lexicon, and what is
    done while the window is idle (the list's rows and filter texts, a document's spans)."""
    jobs = [j for j in window.findChildren(Background) if j.isRunning()]
    return bool(jobs) or window.lexicon_builder is not None or window.lexicon_timer.isActive() \
        or window.doc_list.model.preparing or window.span_loader.loading


def settle(window: MainWindow, timeout: float = 600.0) -> float:
    """Wait until the background work of opening (suggestion lexicon, backup) is done;
    returns the seconds waited."""
    app, t0 = application(), time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        app.processEvents()
        if window.editor.lexicon is not None and not busy(window):
            break
        time.sleep(0.005)
    app.processEvents()
    return time.perf_counter() - t0


def close(window: MainWindow) -> None:
    window.close()
    application().processEvents()
    if not window.store.closed:
        window.store.close()
