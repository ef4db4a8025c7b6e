"""Giving the C heap's free pages back after a worker thread made and dropped much."""

from __future__ import annotations

import sys
import threading

from annotator.core.memory import give_back_free_heap


def resident_kb() -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS"))


def test_what_a_thread_freed_goes_back_on_linux():
    if not sys.platform.startswith("linux"):
        assert give_back_free_heap() is False
        return

    def churn() -> None:  # ~25 MB of dicts, each > 512 bytes: malloc's, not Python's
        held = [dict.fromkeys(range(i, i + 40)) for i in range(60_000)]
        del held

    thread = threading.Thread(target=churn)
    thread.start()
    thread.join()
    before = resident_kb()
    assert give_back_free_heap() is True
    assert resident_kb() < before - 10_000  # most of the 25 MB went back
