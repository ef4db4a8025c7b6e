"""Screenshot of actor → mechanism → threat chains in seed 000, made from the keyboard.

    DISPLAY=:24 python tools/relations_screenshot.py docs/relations.png

A fresh project with the seed corpus (the demo gold layer hidden: only mine); the spans
are tagged the way a user tags them (select, the tag's key), and every relation is made
the keyboard's way: the span selected, Shift+R, Tab until the other end is picked, the
relation type's key. The window is grabbed with the actor selected (its relations bold,
listed under the inspector) while one more relation is being made from it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from screenshot import save  # tools/screenshot.py: run as a script, tools/ is on the path

from annotator.core.annotation import Annotator
from annotator.core.editor import MINE
from annotator.core.tagset import default_tagset
from annotator.project import create_project
from annotator.qt import fonts, i18n, relating
from annotator.qt.window import MainWindow

ANCHOR = "目前,上合组织成员国"
# (text after ANCHOR, tag)
SPANS = [("上合组织成员国", "actor.igo"), ("安全会议秘书会议", "mechanism.meeting"),
         ("公安内务部长会议", "mechanism.meeting"), ("地区反恐怖机构理事会", "mechanism.body"),
         ("三股势力", "threat.three_evils"), ("法律文件", "mechanism.legal"),
         ("上合组织", "actor.igo"), ("“天山”系列反恐联合演习", "mechanism.exercise"),
         ("网络反恐联合演习", "mechanism.exercise"), ("恐怖主义威胁", "threat.terrorism"),
         ("毒品犯罪", "threat.drugs")]
# (from, type, to): indexes into SPANS
RELATIONS = [(0, "uses", 1), (0, "uses", 2), (0, "uses", 3), (0, "uses", 5),
             (3, "addresses", 4), (5, "addresses", 4), (6, "uses", 7), (6, "uses", 8),
             (7, "addresses", 9), (8, "addresses", 9), (0, "cooperates_with", 6)]


def tag_spans(window: MainWindow) -> list[str]:
    text, ids, at = window.doc.text, [], window.doc.text.index(ANCHOR)
    for needle, tag in SPANS:
        start = text.index(needle, at)
        window.reader.select_range(start, start + len(needle), ensure_visible=False)
        QTest.keyClick(window.reader, window.tagset.tag(tag).hotkey)
        ids.append(window.editor.selected.id)
        window.clear_selection()
    return ids


def relate(window: MainWindow, source: str, rtype: str, target: str) -> None:
    """Select ``source``, Shift+R, Tab to ``target``, the type's key."""
    window.select_span(source)
    QTest.keyClick(window.reader, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    picking = relating.controller(window).picking
    assert picking is not None, window.statusBar().currentMessage()
    for _ in range(len(picking.candidates)):
        if picking.picked is not None and picking.picked.id == target:
            break
        QTest.keyClick(window.reader, Qt.Key.Key_Tab)
    QTest.keyClick(window.reader, window.tagset.relation(rtype).hotkey)
    assert relating.controller(window).picking is None, window.statusBar().currentMessage()


def main(out: Path, lang: str = "en", size: tuple[int, int] = (1500, 900)) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    fonts.apply_cjk_fallback()  # as the app sets them at start
    i18n.install(language=lang)
    folder = Path(tempfile.mkdtemp())
    store, _ = create_project(folder / "demo.annotator")
    if not store.tagset().relations:  # an older seeds/gold.json tagset: the shipped one
        store.set_tagset(default_tagset())
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, Annotator("lin", "Lin"), settings)
    window.resize(*size)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    window.reader.setFocus()
    doc = next(d for d in store.documents() if ANCHOR in store.document(d.id).text)
    window.open_document(doc.id)
    window.set_shown(MINE)
    ids = tag_spans(window)
    for a, rtype, b in RELATIONS:
        relate(window, ids[a], rtype, ids[b])
    window.docks["documents"].hide()
    QTest.qWait(100)
    window.resizeDocks([window.docks["annotations"]], [int(size[1] * 0.3)],
                       Qt.Orientation.Vertical)
    QTest.qWait(100)
    for _ in range(200):  # the suggestion lexicon is built on a worker thread when idle
        if window.editor.lexicon is not None and window.editor.lexicon.ready:
            break
        QTest.qWait(50)
    window.select_span(ids[0])  # its caret centred: the chains around it on screen
    window.reader.centerCursor()
    # one more being made: Shift+R, Tab twice (dashed, the picked span framed; the status
    # bar says which keys finish)
    QTest.keyClick(window.reader, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    for _ in range(2):
        QTest.keyClick(window.reader, Qt.Key.Key_Tab)
    save(window, store, out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Screenshot of relations in seed 000.")
    parser.add_argument("out", nargs="?", default="docs/relations.png", type=Path)
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default="en")
    parser.add_argument("--size", default="1500x900", help="window size (default: 1500x900)")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    main(args.out, args.lang, (width, height))
    sys.exit(0)
