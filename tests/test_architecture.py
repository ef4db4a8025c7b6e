"""Layering: only annotator.qt may import PySide6; only the store speaks SQL."""

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "annotator"
# everything but the qt package (cli.py imports Qt only inside the function that opens it)
QT_FREE = sorted(p.name for p in PACKAGE.iterdir()
                 if p.name not in ("qt", "__main__.py")  # __main__ runs the program
                 and (p.suffix == ".py" or (p / "__init__.py").exists()))


def python_files(*names):
    for name in names:
        path = PACKAGE / name
        yield from ([path] if path.is_file() else sorted(path.rglob("*.py")))


def test_no_pyside6_import_outside_qt_in_source():
    for path in python_files(*QT_FREE):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+PySide6", text, re.M), path


def test_library_imports_with_pyside6_unavailable():
    """Import every Qt-free module in a process where importing PySide6 fails."""
    modules = sorted({
        "annotator." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts).removesuffix(
            ".__init__")
        for p in python_files(*QT_FREE)
    })
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'PySide6': raise ImportError('PySide6 blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        f"import importlib\nfor m in {modules!r}: importlib.import_module(m)\n"
        "assert not any(k.startswith('PySide6') for k in sys.modules)\nprint('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_sql_only_in_the_store():
    pattern = re.compile(r"\.execute(many)?\(|sqlite3\.connect|sqlite_utils\.Database")
    for path in python_files("."):
        if "store" in path.relative_to(PACKAGE).parts[:1]:  # store/ and its engines
            continue
        assert not pattern.search(path.read_text(encoding="utf-8")), path


def test_modules_stay_small():
    for path in python_files("."):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 400, f"{path} has {lines} lines"


def test_starting_the_window_or_the_cli_loads_no_plotting_or_numpy(tmp_path):
    """matplotlib (and numpy, which it brings, and sqlite-utils would import) load only
    when the statistics are used: ~50 MB and a quarter of a second otherwise spent at
    every start; so too jieba (its dictionary: half a second, ~60 MB) and CRFsuite, only
    when words or recommenders are wanted. The window starts on the demo project, whose
    gold layer gives the recommenders something to train on."""
    code = ("import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "import annotator.cli\n"
            "from PySide6.QtCore import QSettings\n"
            "from PySide6.QtWidgets import QApplication\n"
            "from annotator.core.annotation import Annotator\n"
            "from annotator.project import create_project\n"
            "from annotator.qt.window import MainWindow\n"
            "app = QApplication([])\n"
            "store, _ = create_project(sys.argv[1] + '/p.annotator')\n"
            "win = MainWindow(store, Annotator('lin', 'Lin'), QSettings(sys.argv[1] + '/s.ini', "
            "QSettings.Format.IniFormat))\n"
            "print(sorted(m for m in ('numpy', 'matplotlib', 'pandas', 'jieba', 'pycrfsuite')"
            " if m in sys.modules))\n"
            "win.close(); store.close()")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
