"""How far an import has got, as one line of text for a terminal or a progress dialog.

An import reads files one by one and stores their documents in batches, one transaction
each; a cancelled import stops between files and commits the batch it holds, so it ends with
whole documents only: every file read so far is in the project, the others are untouched
(importing the same files again adds them and skips the ones already there).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class ImportProgress:
    """Files done out of ``total``, new documents so far, and when it started."""

    total: int
    done: int = 0
    documents: int = 0
    started: float = field(default_factory=time.monotonic)
    clock: Callable[[], float] = time.monotonic

    def update(self, done: int, total: int, documents: int) -> None:
        self.done, self.total, self.documents = done, total, documents

    def elapsed(self) -> float:
        return self.clock() - self.started

    def rate(self) -> float:
        """Files per second so far; 0 in the first second (too early to tell)."""
        seconds = self.elapsed()
        return self.done / seconds if seconds >= 1.0 else 0.0

    def eta(self) -> float | None:
        """Seconds left at the rate so far; ``None`` until there is a rate."""
        rate = self.rate()
        return (self.total - self.done) / rate if rate else None

    def line(self) -> str:
        """``1,234 of 10,000 files · 1,230 documents · 180 files/s · 0:48 left``; when
        every file is done, ``… · 0:55 in all`` instead of the time left."""
        parts = [f"{self.done:,} of {self.total:,} files",
                 f"{self.documents:,} document{'' if self.documents == 1 else 's'}"]
        rate, eta = self.rate(), self.eta()
        if rate:
            parts.append(f"{rate:,.0f} files/s")
        if self.total and self.done >= self.total:
            parts.append(f"{clock_time(self.elapsed())} in all")
        elif eta is not None:
            parts.append(f"{clock_time(eta)} left")
        return " · ".join(parts)


def clock_time(seconds: float) -> str:
    """``0:48``, ``12:05``, ``1:02:03``."""
    whole = int(seconds + 0.5)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def cancelled_message(done: int, total: int, documents: int) -> str:
    """What a cancelled import leaves behind, in one line."""
    return (f"Cancelled: {documents:,} documents imported from {done:,} of {total:,} files "
            "(each whole); the other files were not read: import them again to add them "
            "(documents already there are skipped)")


class TerminalProgress:
    """``progress(done, total, documents)`` drawn as one line on ``stream``: redrawn in
    place (at most ten times a second) on a terminal, else a line every few seconds."""

    def __init__(self, stream: TextIO, tty: bool, clock: Callable[[], float] = time.monotonic):
        self.stream, self.tty, self.clock = stream, tty, clock
        self.state = ImportProgress(0, clock=clock, started=clock())
        self.every = 0.1 if tty else 5.0
        self.shown = -1.0  # when the line was last drawn
        self.width = 0  # of the line drawn last (a terminal line is cleared that far)

    def __call__(self, done: int, total: int, documents: int) -> None:
        self.state.update(done, total, documents)
        if self.clock() - self.shown >= self.every:
            self.draw()

    def draw(self) -> None:
        line = self.state.line()
        if self.tty:
            self.stream.write("\r" + line.ljust(self.width))
            self.width = len(line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
        self.shown = self.clock()

    def close(self) -> None:
        """The final counts, and the end of the line."""
        if self.shown >= 0 or self.state.done:
            self.draw()
            if self.tty:
                self.stream.write("\n")
                self.stream.flush()


@contextmanager
def first_interrupt_cancels() -> Iterator[threading.Event]:
    """While inside, the first Ctrl+C (SIGINT) sets the event instead of raising
    :class:`KeyboardInterrupt`, so an import stops after the file it is reading and keeps
    what it read; a second one interrupts at once (the open transaction rolls back). Outside
    the main thread, where signals cannot be caught, or when SIGINT is ignored (a
    background job), the event is never set."""
    stop = threading.Event()
    previous = signal.getsignal(signal.SIGINT)
    if previous == signal.SIG_IGN:
        yield stop
        return
    if previous is None:  # installed outside Python
        previous = signal.SIG_DFL

    def first(signum, frame) -> None:
        stop.set()
        signal.signal(signal.SIGINT, previous)

    try:
        signal.signal(signal.SIGINT, first)
    except ValueError:  # not the main thread
        yield stop
        return
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)
