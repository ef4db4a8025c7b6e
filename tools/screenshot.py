"""Screenshot of the real window on seed 004 with several annotations.

    make screenshot            (runs this under Xvfb: xvfb-run)
    python tools/screenshot.py docs/screenshot-zh.png --lang zh_CN --size 1400x900

A fresh project with the seed corpus goes into a temporary folder; the spans are made the
way a user makes them (select, press the tag's hotkey) through the real widgets; once the
suggestion lexicon is built (a term tagged elsewhere shows dotted), the window, in the
interface language asked for (``--lang``: en, zh_CN, zh_TW), is grabbed to the file given
(docs/screenshot.png by default).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.annotation import Annotator
from annotator.project import create_project
from annotator.qt import fonts, i18n
from annotator.qt.window import MainWindow

# (text in seed 004, tag, attributes)
SPANS = [
    ("上海合作組織", "actor.igo", {"normalized": "上海合作组织"}),
    ("趙克志", "actor.person", {"normalized": "赵克志"}),
    ("公安部", "actor.agency", {}),
    ("安全會議秘書第十六次會議", "mechanism.meeting", {}),
    ("上海合作組織成員國安全會議秘書第十六次會議", "mechanism.meeting", {"certainty": "high"}),
    ("三股勢力", "threat.three_evils", {}),
    ("電信網絡詐騙", "threat.fraud", {}),
    ("跨境賭博", "threat.gambling", {}),
    ("阿富汗", "actor.state", {}),
    ("安全觀", "mechanism.concept", {}),
]


def main(out: Path, lang: str = "en", size: tuple[int, int] = (1600, 1000)) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    fonts.apply_cjk_fallback()  # as the app sets them at start
    i18n.install(language=lang)
    folder = Path(tempfile.mkdtemp())
    store, _ = create_project(folder / "demo.annotator")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, Annotator("lin", "Lin"), settings)
    window.resize(*size)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    window.reader.setFocus()
    doc = next(d for d in store.documents() if d.script == "zh-Hant")
    window.open_document(doc.id)
    text = window.doc.text
    for needle, tag, attributes in SPANS:
        start = text.index(needle)
        window.reader.select_range(start, start + len(needle), ensure_visible=False)
        QTest.keyClick(window.reader, window.tagset.tag(tag).hotkey)
        if attributes:
            window.edit_attributes(window.editor.selected.id, attributes)
        window.clear_selection()
    for _ in range(200):  # the lexicon is built on a worker thread when the window is idle
        if window.editor.lexicon is not None:
            break
        QTest.qWait(50)
    window.set_view("simplified")
    span = next(a for a in window.editor.index if text[a.start:a.end] == "趙克志")
    window.select_span(span.id)
    window.reader.verticalScrollBar().setValue(0)
    save(window, store, out)


def save(window, store, out: Path) -> None:
    """Let the window settle, save it as ``out`` and close it and its project."""
    QTest.qWait(300)
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    print(f"saved {out}")
    window.close()
    store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Screenshot of the window on seed 004.")
    parser.add_argument("out", nargs="?", default="docs/screenshot.png", type=Path)
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default="en",
                        help="interface language (default: en)")
    parser.add_argument("--size", default="1600x1000", help="window size (default: 1600x1000)")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    main(args.out, args.lang, (width, height))
    sys.exit(0)
