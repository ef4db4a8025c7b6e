"""Reading a long list of files in a helper process while the caller stores what was read.

Storing (inserting and indexing) and reading (decoding, cleaning, metadata) each take about
half of an import; with a reader process beside it, an import of thousands of files takes
about as long as storing them. Results come back in the order of the files, a few chunks
ahead of the caller at most (so memory stays flat), and are exactly what reading the files
here would give.

Only where a process can be forked (Linux, two cores or more): a forked reader starts in
milliseconds, re-runs none of the program (a spawned one imports the main module again, and
a frozen app would start itself again) and touches nothing but the files. The reader ignores
Ctrl+C, so the caller decides when to stop: closing the generator stops the reader after
the chunk it is on. If the reader dies, the files it did not deliver are read here.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Generator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError

#: fewer files than this are read here (a batch of the import; not worth a process)
MIN_FILES = 200
CHUNK = 25  # files per request to the reader
AHEAD = 8  # requests in flight at most
WINDOW = 16  # chunks read ahead at most (by the reader, or by the caller while it waits)

Reader = Callable[..., Any]  # read_one(path, *args) -> documents or InputError


def available(files: int) -> bool:
    """Whether ``files`` files are worth a reader process, and one can be forked here: not
    from a process with other threads (the window's workers, Qt's own), where a lock held
    by one of them at the fork would stay held in the child forever."""
    return (files >= MIN_FILES and sys.platform.startswith("linux")
            and usable_cpus() >= 2
            and "fork" in multiprocessing.get_all_start_methods()
            and _single_threaded())


def usable_cpus() -> int:
    """The cores this process may run on (``taskset``, a container's CPU set), not the
    machine's: a reader forked onto the one core the import has would only take turns."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _single_threaded() -> bool:
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def read_files(files: list[Path], read_one: Reader, *args: Any) -> Generator[Any, None, None]:
    """``read_one(path, *args)`` for each file in order, computed in a reader process
    (``read_one`` must be a module-level function). When the caller is ready for the next
    chunk before the reader is done with it, the caller reads a later chunk itself (the
    last of :data:`WINDOW` not yet given to the reader; kept until its turn): the two
    processes share the reading so that neither waits for the other."""
    chunks = [files[i:i + CHUNK] for i in range(0, len(files), CHUNK)]
    work = _Work(chunks, read_one, args)
    try:
        for i in range(len(chunks)):
            work.submit(i)
            work.help_while_waiting(i)
            yield from work.take(i)
    finally:
        work.stop()


class _Work:
    """The chunks: futures in the reader, or results read here, by chunk number."""

    def __init__(self, chunks: list[list[Path]], read_one: Reader, args: tuple) -> None:
        self.chunks, self.read_one, self.args = chunks, read_one, args
        self.results: dict[int, Future | list] = {}
        self.next = 0  # the next chunk to give to the reader
        try:
            self.pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("fork"), initializer=_ignore_interrupts)
        except (OSError, ValueError):
            self.pool = None

    def submit(self, i: int) -> None:
        """Keep the reader :data:`AHEAD` chunks to read (those of the :data:`WINDOW` from
        ``i`` on not read here; so at most a window of results waits for the caller)."""
        end = min(i + WINDOW, len(self.chunks))
        while self.pool is not None and self.next < end and self._in_flight() < AHEAD:
            if self.next not in self.results:
                try:
                    self.results[self.next] = self.pool.submit(
                        _read_chunk, self.read_one, self.chunks[self.next], self.args)
                except (BrokenProcessPool, OSError, RuntimeError):
                    self.stop()  # the reader died (or could not start): read here
                    return
            self.next += 1

    def _in_flight(self) -> int:
        return sum(isinstance(r, Future) and not r.done() for r in self.results.values())

    def help_while_waiting(self, i: int) -> None:
        """While chunk ``i`` is not ready, read here the last chunk of the window that the
        reader was not given."""
        head = self.results.get(i)
        j = min(i + WINDOW, len(self.chunks)) - 1
        while isinstance(head, Future) and not head.done() and j >= self.next:
            if j not in self.results:
                self.results[j] = self.here(j)
            j -= 1

    def here(self, i: int) -> list:
        return [self.read_one(path, *self.args) for path in self.chunks[i]]

    def take(self, i: int) -> list:
        got = self.results.pop(i, None)
        if isinstance(got, Future):
            try:
                return _unpack(got.result())
            except (BrokenProcessPool, OSError, CancelledError):
                self.stop()  # the reader died: this chunk and the rest are read here
                got = None
        return self.here(i) if got is None else got

    def stop(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _read_chunk(read_one: Reader, chunk: list[Path], args: tuple) -> list:
    """In the reader: the results, an :class:`InputError` as its parts (it cannot be
    pickled whole: its constructor takes what its message is made of)."""
    out = []
    for path in chunk:
        result = read_one(path, *args)
        out.append(("InputError", result.path, result.reason, result.line)
                   if isinstance(result, InputError) else result)
    return out


def _unpack(results: list) -> list:
    return [InputError(r[1], r[2], r[3]) if isinstance(r, tuple) and r[:1] == ("InputError",)
            else r for r in results]
