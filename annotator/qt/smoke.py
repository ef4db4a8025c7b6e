"""Smoke mode, for checking a packaged build: with ``ANNOTATOR_SMOKE=1`` in the environment
the app starts as usual, and once the reader has painted it prints one line —
``smoke ok: 5 documents`` — and quits with status 0; if the window shows no documents, no
text or no icon it prints ``smoke failed: …`` and quits with status 1. Nobody is there to
answer: a fresh user's first-run dialog takes its defaults (the computer's user name, the
demo corpus) without waiting, and whatever else waits or hangs, a watchdog thread ends the
process a minute after start with status 2. `make package` runs the built app this way
(tests/packaging/test_smoke.py).
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

ENV = "ANNOTATOR_SMOKE"
TIMEOUT_MS = 60_000
#: the first-run name when the computer knows no user name
NAME = "smoke"


def requested() -> bool:
    return os.environ.get(ENV, "") not in ("", "0")


def verdict(window: MainWindow) -> tuple[int, str]:
    """(exit status, the line to print) for the window as it is now."""
    count = len(window.store.documents())
    problems = []
    if count == 0:
        problems.append("the project has no documents")
    if not window.reader.toPlainText().strip():
        problems.append("the reader shows no text")
    if QGuiApplication.windowIcon().isNull():
        problems.append("the app has no icon")
    problems += _words_and_recommenders()
    if problems:
        return 1, "smoke failed: " + "; ".join(problems)
    return 0, f"smoke ok: {count} documents"


def _words_and_recommenders() -> list[str]:
    """jieba's dictionary and CRFsuite are in the build (both load only when used)."""
    try:
        from annotator.core import words

        if words.segment("恐怖主义") != [(0, 4)]:
            return ["jieba segments without its dictionary"]
        import pycrfsuite  # noqa: F401
    except Exception as e:  # noqa: BLE001 (said on the smoke line)
        return [f"words or recommenders are missing: {e}"]
    return []


def _say(line: str) -> None:
    stream = sys.stdout or sys.stderr  # None in a windowed Windows build
    if stream is not None:
        print(line, file=stream, flush=True)


def start_watchdog(seconds: float = TIMEOUT_MS / 1000) -> threading.Timer:
    """End the process ``seconds`` from now with status 2, whatever the GUI thread is
    doing (a dialog waiting for an answer, a nested event loop, a hang): a timer in the
    event loop could only ask the loop to end, and a modal dialog's loop would not."""
    def give_up() -> None:
        _say(f"smoke failed: nothing painted within {seconds:g} s")
        os._exit(2)

    timer = threading.Timer(seconds, give_up)
    timer.daemon = True
    timer.start()
    return timer


class _FirstPaint(QObject):
    """Waits for the reader's first paint, then reports and quits."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.done = False
        window.reader.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.report)  # after the paint has finished
        return False

    def report(self) -> None:
        code, line = verdict(self.window)
        _say(line)
        self.quit(code)

    def quit(self, code: int) -> None:
        """Close the window as a user would — it stops its background work (a thread
        still running at exit aborts the process) — then end with ``code``."""
        QGuiApplication.setQuitOnLastWindowClosed(False)
        self.window.close()
        QGuiApplication.exit(code)


def arm(window: MainWindow) -> None:
    """In smoke mode, report and quit after the first paint; otherwise do nothing."""
    if requested():
        window._smoke = _FirstPaint(window)  # type: ignore[attr-defined]
