"""Giving the C heap's free pages back after a worker thread made and dropped much."""

from __future__ import annotations

import subprocess
import sys

from annotator.core.memory import give_back_free_heap

#: run in a fresh process: in the test session's own, what other tests left in the heap
#: decides how much there is to give back
CHURN = """
import threading
from annotator.core.memory import give_back_free_heap

def resident_kb():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS"))

def churn():  # ~25 MB of dicts, each > 512 bytes: malloc's, not Python's
    held = [dict.fromkeys(range(i, i + 40)) for i in range(60_000)]
    del held

thread = threading.Thread(target=churn)
thread.start()
thread.join()
before = resident_kb()
print(give_back_free_heap(), before, resident_kb())
"""


def test_what_a_thread_freed_goes_back_on_linux():
    if not sys.platform.startswith("linux"):
        assert give_back_free_heap() is False
        return
    done = subprocess.run([sys.executable, "-c", CHURN], capture_output=True, text=True,
                          timeout=120, check=True)
    gave, before, after = done.stdout.split()
    assert gave == "True"
    assert int(after) < int(before) - 10_000  # most of the 25 MB went back
