"""Pausing Python's cyclic garbage collector around work that makes many small objects.

Loading tens of thousands of spans (tuples, which hold no cycles) sets off collections that
walk everything the process holds: in a window with a big suggestion lexicon, opening a
30,000-span document spent more time in the collector than in sorting.
"""

from __future__ import annotations

import gc
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
