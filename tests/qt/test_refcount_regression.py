"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void Qt call, and the
process dies after a few thousand. The dependency pins avoid that build; this proves it."""

import subprocess
import sys

import pytest

pytest.importorskip("PySide6")

CODE = """
import sys
from PySide6.QtWidgets import QApplication, QPlainTextEdit
app = QApplication([])
edit = QPlainTextEdit()
edit.setPlainText("上海合作组织𠮷" * 100)
cursor = edit.textCursor()
before = sys.getrefcount(None)
for i in range(20000):
    cursor.setPosition(i % 700)   # a void call
    edit.setReadOnly(bool(i % 2))  # another
after = sys.getrefcount(None)
print(before, after)
"""


def test_twenty_thousand_void_qt_calls_keep_none_alive():
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    before, after = map(int, result.stdout.split())
    assert abs(after - before) < 100  # 40,000 calls would have dropped it by 40,000
