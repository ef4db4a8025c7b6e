"""The window in simplified Chinese shows no English: every menu and action, every dock,
and the dialogs and panels that open without blocking (or whose exec() is replaced here),
with a span selected, a suggestion at the caret and an edit made. A string with a run of
three or more Latin letters fails, unless the run is a name kept in every language
(formats, key names, the names of the program and of the software it is built with) or
content: document titles and text, annotator names, file names and paths. The statistics
view's charts are read too: every text matplotlib draws on them."""

from __future__ import annotations

import importlib.util
import platform
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt, QUrl  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QProgressDialog,
    QTabBar,
    QTableWidget,
    QTreeWidget,
    QWidget,
)
from seedproject import create_without_gold as create_project  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.core.search import find_all  # noqa: E402
from annotator.ingest.progress import ImportProgress  # noqa: E402
from annotator.qt import (  # noqa: E402
    dialogs,
    dropping,
    guidelines,
    i18n,
    importdialog,
    people,
    review,
    suggestions,  # noqa: E402
)
from annotator.qt.agreementdialog import AgreementDialog  # noqa: E402
from annotator.qt.firstrun import FirstRunDialog  # noqa: E402
from annotator.qt.searchpanel import open_search  # noqa: E402
from annotator.qt.statsview import StatsView  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402
from annotator.stats.tables import CHARTS  # noqa: E402

#: Latin words allowed in Chinese: formats and tools, key names, names of statistics, of
#: the program and of what it is built with and under (About), and languages named in
#: their own language
ALLOWED = {"TEI", "JSON", "JSONL", "CSV", "PNG", "SVG", "BIO", "CoNLL", "doccano", "brat",
           "spaCy", "SQLite", "Qt", "Ctrl", "Shift", "Alt", "Del", "PgUp", "PgDown", "Enter",
           "Esc", "Tab", "Backspace", "Space", "Cohen", "Fleiss", "Krippendorff", "annotator",
           "Python", "PySide", "GNU", "LGPL", "MIT", "BSD", "English", "PostgreSQL",
           "Markdown"}
LATIN = re.compile(r"[A-Za-z]{3,}")
#: *.txt, .html, paths, links
FILES = re.compile(r"(?:https?|postgresql)://\S+|\*?\.[A-Za-z]{2,5}\b|(?:~|/)[^\s，。；）)]*")
#: rich-text markup (<p>, <b>, <h2 style='…'>): not shown
MARKUP = re.compile(r"<[^<>]+>")
#: the dialogs opened
DIALOGS = ("consistency", "agreement", "export", "shortcuts", "tour", "review", "search",
           "find", "statistics", "about", "open_team", "guidelines", "assign")

_spec = importlib.util.spec_from_file_location(
    "make_translations", Path(__file__).resolve().parents[2] / "tools" / "make_translations.py")
assert _spec is not None and _spec.loader is not None
mt = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mt)


# --- collecting what the window shows -------------------------------------------------------
def menu_texts(menu: QMenu) -> list[str]:
    menu.aboutToShow.emit()  # menus filled when they open (recent projects)
    out = [menu.title()]
    for action in menu.actions():
        out += [action.text().split("\t")[0], action.toolTip(), action.statusTip()]
        if action.menu() is not None and action.menu() is not menu:
            out += menu_texts(action.menu())
    return out


def item_texts(w: QWidget) -> list[str]:
    out = []
    if isinstance(w, QAbstractItemView) and not isinstance(w, QListWidget | QComboBox) \
            and w.model() is not None:
        model = w.model()
        out += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount())]
    if isinstance(w, QTreeWidget):  # the palette's tags, the review panel's cases
        for i in range(w.topLevelItemCount()):
            top = w.topLevelItem(i)
            out += [top.text(0)] + [top.child(j).text(0) for j in range(top.childCount())]
    if isinstance(w, QListWidget):
        out += [w.item(i).text() for i in range(w.count())]
    if isinstance(w, QComboBox):
        out += [w.itemText(i) for i in range(w.count())]
    return out


def widget_texts(root: QWidget) -> list[str]:
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if w.isWindow() or w.parent() is root:
            out.append(w.windowTitle())
        out += [w.toolTip(), w.statusTip(), w.accessibleName()]
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QProgressDialog):
            out.append(w.labelText())
        elif isinstance(w, QTabBar):
            out += [w.tabText(i) for i in range(w.count())]
        out += item_texts(w)
    return out


def untranslated(texts, content) -> list[str]:
    """The texts with Latin words other than :data:`ALLOWED`, once ``content`` (titles,
    names, file names) and file patterns and paths are taken out."""
    out = []
    for text in texts:
        rest = text or ""
        for known in sorted(content, key=len, reverse=True):
            rest = rest.replace(known, " ")
        rest = FILES.sub(" ", MARKUP.sub(" ", rest))
        if any(word not in ALLOWED for word in LATIN.findall(rest)):
            out.append(text)
    return sorted(set(out))


# --- driving the window ---------------------------------------------------------------------
def opened_dialogs(qtbot, window, shown: list[QDialog]) -> list[str]:
    """Open every dialog and panel the menus open (``shown`` has those whose exec() was
    called, which returns at once) and the texts they show."""
    texts = []
    for name in DIALOGS:
        window.acts[name].trigger()
    choose = next(a for a in window.annotator_menu.actions() if a.text().startswith("选择"))
    choose.trigger()
    agreement = window.findChild(AgreementDialog)
    qtbot.waitUntil(lambda: not agreement.status.text().startswith("正在计算"), timeout=20000)
    texts += chart_texts(qtbot, window.findChild(StatsView))
    for dialog in window.findChildren(QDialog) + shown:
        texts += widget_texts(dialog)
        for table in dialog.findChildren(QTableWidget):  # the keyboard sheet's rows
            if table.columnCount() == 2:
                texts += [table.item(r, c).text() for r in range(table.rowCount())
                          for c in range(2)]
        dialog.close()
    first = FirstRunDialog("Lin", window.store.path, False, window.tagset, window)
    for page in range(first.stack.count()):
        first.show_page(page)
        texts += widget_texts(first)
    first.close()
    return texts


def chart_texts(qtbot, view: StatsView) -> list[str]:
    """Every text drawn on the statistics view's charts (titles, axes, ticks, legends),
    the figures computed and each chart drawn as its tab shows it."""
    from matplotlib.text import Text

    qtbot.waitUntil(lambda: view.stats is not None, timeout=30000)
    texts = [view.status.text()]
    for name in CHARTS:
        figure = view.chart(name).figure
        figure.canvas.draw()
        texts += [t.get_text() for t in figure.findobj(Text)]
    return texts


def edits_and_messages(qtbot, window) -> list[str]:
    """Status messages, hover texts and menu entries that come with work: a key with
    nothing selected, a term tagged, the next occurrence suggested and accepted, the span
    described, an undoable edit, annotate-all, review."""
    texts = []
    qtbot.waitUntil(lambda: window.editor.lexicon is not None, timeout=20000)
    window.apply_tag("actor.igo")  # nothing selected
    texts.append(window.statusBar().currentMessage())
    doc = next(r.id for r in window.doc_list.model.rows
               if len(find_all(window.store.document(r.id).text, "上合组织")) > 1)
    window.open_document(doc)
    found = find_all(window.doc.text, "上合组织")
    window.reader.select_range(*found[0])
    window.apply_tag("actor.igo")
    window.clear_selection()
    window.reader.select_range(found[0][1], found[0][1])
    suggestions.next_suggestion(window)
    texts.append(window.statusBar().currentMessage())
    suggestion = window.editor.suggestion_at(*window.reader.selection())
    assert suggestion is not None
    texts.append(window.reader.describe_suggestion(suggestion))
    suggestions.accept(window)
    texts.append(window.statusBar().currentMessage())
    span = next(iter(window.editor.index))
    window.select_span(span.id)
    window.edit_attributes(span.id, {"certainty": "high", "note": "见原文",
                                     "normalized": "上海合作组织"})
    texts += [people.describe(window, window.editor.selected), window.acts["undo"].text(),
              window.acts["redo"].text()]
    window.acts["annotate_all"].trigger()
    texts.append(window.statusBar().currentMessage())
    review.enter(window)
    window.set_status("in_progress")
    texts += workflow_messages(window)
    return texts


def workflow_messages(window) -> list[str]:
    """A thread started and shown, the next open thread, blind annotation switched on
    (its message, the status line) and off, the guidelines pane on a tag."""
    notes = window.panel.notes
    notes.text.setText("这是国家吗？")
    notes.start.click()
    texts = [notes.heading.text(), notes.tree.topLevelItem(0).text(0)]
    window.clear_selection()
    texts.append(notes.heading.text())
    window.acts["next_thread"].trigger()
    window.acts["blind"].trigger()
    texts += [window.statusBar().currentMessage(), window.status_doc.text()]
    window.acts["blind"].trigger()
    texts.append(window.statusBar().currentMessage())
    guidelines.show_tag(window, "actor.igo")
    definition = window.tags["actor.igo"].definition["zh-Hans"]  # content, as the tag id
    return texts + [guidelines.pane(window).tag.toPlainText().replace(definition, "")
                    .replace("actor.igo", "")]


def plain_messages(window) -> list[str]:
    """Texts made by plain functions for dialogs not opened here (progress, drops)."""
    progress = ImportProgress(10)
    progress.update(4, 10, 3)
    return [importdialog.progress_line(progress), importdialog.cancelled_message(4, 10, 3),
            importdialog.files_done(3, 4),
            dropping.plan([QUrl("https://example.org/x")], "p.annotator").message,
            dropping.plan([], "p.annotator").message, dialogs.project_filter()]


def walk(qtbot, tmp_path, monkeypatch) -> list[str]:
    """What the window shows in the language installed now that has English in it."""
    shown: list[QDialog] = []

    def no_exec(dialog, *_):
        shown.append(dialog)
        return 0

    monkeypatch.setattr(QDialog, "exec", no_exec)
    store, _ = create_project(tmp_path / "p.annotator")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, Annotator("lin", "Lin"), settings)
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitExposed(window)
        texts = edits_and_messages(qtbot, window)
        texts += opened_dialogs(qtbot, window, shown)
        open_search(window)
        texts += widget_texts(window)
        for action in window.menuBar().actions():
            texts += menu_texts(action.menu())
        texts += plain_messages(window)
        documents = store.documents()
        content = {d.title for d in documents} | {"Lin", "lin", "p.annotator", str(tmp_path),
                                                  platform.system(), platform.machine()}
        content |= {store.document(d.id).text for d in documents}
        return untranslated(texts, content)
    finally:
        window.close()
        store.close()


@pytest.fixture
def chinese(qapp):
    i18n.install(language="zh_CN")
    yield
    i18n.install(language="en")


def test_the_window_in_chinese_shows_no_english(qtbot, tmp_path, monkeypatch, chinese):
    found = walk(qtbot, tmp_path, monkeypatch)
    assert found == [], "\n".join(found)


def test_the_walk_finds_a_string_left_untranslated(qtbot, tmp_path, monkeypatch):
    """Two translations taken out of the catalogue: the walk reports exactly those."""
    tree = ET.parse(mt.SIMPLIFIED)
    dropped = {("TagPalette", "Filter tags…"), ("Menus", "&Edit")}
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            if (context.findtext("name"), message.findtext("source")) in dropped:
                translation = message.find("translation")
                translation.text = ""
                translation.set("type", "unfinished")
    folder = tmp_path / "catalogue"
    folder.mkdir()
    tree.write(folder / "annotator_zh_CN.ts", encoding="utf-8")
    mt.lrelease(folder / "annotator_zh_CN.ts", folder / "annotator_zh_CN.qm")
    monkeypatch.setattr(i18n, "FOLDER", folder)
    i18n.install(language="zh_CN")
    try:
        found = walk(qtbot, tmp_path, monkeypatch)
    finally:
        monkeypatch.setattr(i18n, "FOLDER", mt.FOLDER)  # English from the real folder
        i18n.install(language="en")
    assert found == ["&Edit", "Filter tags…"]
