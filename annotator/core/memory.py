"""Pausing Python's cyclic garbage collector around work that makes many small objects.

Loading tens of thousands of spans (tuples, which hold no cycles) sets off collections that
walk everything the process holds: in a window with a big suggestion lexicon, opening a
30,000-span document spent more time in the collector than in sorting.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """No automatic collection inside; nested use is fine (only the outermost resumes)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def give_back_free_heap() -> bool:
    """Hand the C heap's free pages back to the system (glibc's ``malloc_trim``): after
    work that made and dropped millions of objects on a worker thread (the suggestion
    lexicon of a big project), what was freed otherwise stays resident, held by that
    thread's malloc arena. False where there is no glibc (the call is skipped)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # musl and others: no malloc_trim
        return False
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    trim(0)
    return True
