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
from collections import deque
from collections.abc import Callable, Generator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError

#: fewer files than this are read here (a batch of the import; not worth a process)
MIN_FILES = 200
CHUNK = 25  # files per request to the reader
AHEAD = 8  # requests in flight at most

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
    (``read_one`` must be a module-level function)."""
    chunks = [files[i:i + CHUNK] for i in range(0, len(files), CHUNK)]
    delivered = 0  # chunks whose results went to the caller
    try:
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_ignore_interrupts)
    except (OSError, ValueError):
        pool = None
    try:
        if pool is not None:
            pending: deque[Future] = deque()
            for chunk in chunks:
                pending.append(pool.submit(_read_chunk, read_one, chunk, args))
                if len(pending) >= AHEAD:
                    yield from _unpack(pending.popleft().result())
                    delivered += 1
            while pending:
                yield from _unpack(pending.popleft().result())
                delivered += 1
    except (BrokenProcessPool, OSError):
        pass  # the reader died (or could not start): the rest is read here, below
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    for chunk in chunks[delivered:]:
        for path in chunk:
            yield read_one(path, *args)


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
