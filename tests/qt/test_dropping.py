"""Drag and drop onto the real window: real drag and drop events carrying file URLs, sent
to the window (and to the reader under the pointer)."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QSettings, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.project import create_project  # noqa: E402
from annotator.qt import dropping, recent  # noqa: E402
from annotator.qt.importdialog import FileTask  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402
from annotator.store import Store  # noqa: E402

TEXT = "中哈两国在阿拉木图举行联合反恐演习。\n双方交流了打击三股势力的情报信息。"
COPY = Qt.DropAction.CopyAction
LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def mime(*items) -> QMimeData:
    data = QMimeData()
    data.setUrls([i if isinstance(i, QUrl) else QUrl.fromLocalFile(str(i)) for i in items])
    return data


def drag(target, data: QMimeData) -> QDragEnterEvent:
    event = QDragEnterEvent(QPoint(20, 20), COPY, data, LEFT, NONE)
    QApplication.sendEvent(target, event)
    return event


def drop(target, data: QMimeData) -> QDropEvent:
    """A whole drag: the pointer enters, then the drop, which Qt delivers only to the
    widget that accepted the drag (as a file manager's drop)."""
    drag(target, data)
    event = QDropEvent(QPointF(20, 20), COPY, data, LEFT, NONE, QEvent.Type.Drop)
    QApplication.sendEvent(target, event)
    return event


@pytest.fixture
def shown(monkeypatch):
    """Message boxes, answered without showing them: their texts."""
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: texts.append(self.text()))
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda *a, **k: texts.append(a[2])))
    return texts


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    page = folder / "drill.txt"
    page.write_text(TEXT, encoding="utf-8")
    sub = folder / "more"
    sub.mkdir()
    (sub / "note.txt").write_text("上合组织秘书长会见俄罗斯安全会议秘书。", encoding="utf-8")
    other = tmp_path / "other.annotator"
    create_project(other, seeds=False)[0].close()
    return {"page": page, "folder": sub, "project": other}


def test_a_dropped_project_opens_like_file_open(qtbot, seed_window, files):
    data = mime(files["project"])
    entered = drag(seed_window, data)
    assert entered.isAccepted()
    assert "open other.annotator" in seed_window.statusBar().currentMessage()
    assert drop(seed_window, data).isAccepted()
    qtbot.waitUntil(lambda: seed_window.store.path == files["project"])
    assert seed_window.store.lock is not None and seed_window.store.lock.held
    assert recent.recent_paths(seed_window.settings)[0] == files["project"]


def test_a_project_open_elsewhere_is_offered_read_only(qtbot, seed_window, files,
                                                       monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Yes))
    with Store.open(files["project"], lock="Chen"):
        drop(seed_window, mime(files["project"]))
        qtbot.waitUntil(lambda: seed_window.store.path == files["project"])
        assert "Chen" in asked[0]
        assert seed_window.store.read_only and seed_window.banner.isVisible()


def test_dropped_files_and_folders_are_imported_with_progress(qtbot, seed_window, files,
                                                              shown):
    data = mime(files["page"], files["folder"])
    assert drag(seed_window, data).isAccepted()
    assert "import 2 items into p.annotator" in seed_window.statusBar().currentMessage()
    drop(seed_window, data)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown[-1] == "2 of 2 files done"
    task = seed_window.findChild(FileTask)  # File → Import's worker, progress and cancel
    assert task.paths == [files["page"], files["folder"]]
    texts = {seed_window.store.document(r.id).text for r in seed_window.doc_list.model.rows}
    assert len(texts) == 7 and TEXT in texts


def test_a_drop_on_the_reader_reaches_the_window(qtbot, seed_window, files, shown):
    viewport = seed_window.reader.viewport()
    assert drag(viewport, mime(files["page"])).isAccepted()
    drop(viewport, mime(files["page"]))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert len(seed_window.doc_list.model.rows) == 6


def test_a_project_mixed_with_files_is_refused_with_a_message(qtbot, seed_window, files,
                                                              shown):
    before = seed_window.store.path
    data = mime(files["project"], files["page"])
    assert drag(seed_window, data).isAccepted()  # so that the drop can say why
    assert not drop(seed_window, data).isAccepted()
    qtbot.waitUntil(lambda: bool(shown))
    assert "other.annotator is a project and drill.txt is not" in shown[0]
    assert seed_window.store.path == before and len(seed_window.doc_list.model.rows) == 5


def test_two_projects_at_once_are_refused(qtbot, seed_window, files, shown, tmp_path):
    second = tmp_path / "second.annotator"
    create_project(second, seeds=False)[0].close()
    drop(seed_window, mime(files["project"], second))
    qtbot.waitUntil(lambda: bool(shown))
    assert "one project at a time" in shown[0]
    assert seed_window.store.path == tmp_path / "p.annotator"


@pytest.mark.parametrize(("make", "said"), [
    (lambda tmp: QUrl("https://www.news.cn/article.html"),
     "https://www.news.cn/article.html is not a file on this computer"),
    (lambda tmp: tmp / "missing.txt", "missing.txt was not found"),
    (lambda tmp: (tmp / "photo.png").write_bytes(b"\x89PNG") and tmp / "photo.png",
     "photo.png cannot be imported"),
])
def test_what_cannot_be_dropped_is_ignored_with_a_status_message(
        qtbot, seed_window, tmp_path, shown, make, said):
    data = mime(make(tmp_path))
    assert not drag(seed_window, data).isAccepted()
    assert said in seed_window.statusBar().currentMessage()
    assert not drop(seed_window, data).isAccepted()
    assert said in seed_window.statusBar().currentMessage()
    qtbot.wait(50)
    assert not shown and len(seed_window.doc_list.model.rows) == 5
    QApplication.sendEvent(seed_window, QDragLeaveEvent())
    assert seed_window.statusBar().currentMessage() == ""


def test_dragged_text_that_is_not_a_file_is_ignored(seed_window):
    data = QMimeData()
    data.setText("恐怖主义")
    assert not drag(seed_window, data).isAccepted()
    assert "Only files" in seed_window.statusBar().currentMessage()


def test_nothing_is_imported_into_a_read_only_project(tmp_path, files):
    plan = dropping.plan([QUrl.fromLocalFile(str(files["page"]))], "p.annotator",
                         read_only="open for editing by Lin")
    assert plan.action == "refuse"
    assert "p.annotator is read-only (open for editing by Lin)" in plan.message


def test_plan_tells_projects_from_files(files):
    def plan(*paths):
        return dropping.plan([QUrl.fromLocalFile(str(p)) for p in paths], "p.annotator")

    assert (plan(files["project"]).action, plan(files["project"]).paths) == (
        "open", [files["project"]])
    assert plan(files["page"], files["folder"]).action == "import"
    assert plan(files["project"], files["folder"]).loud
    assert dropping.plan([], "p.annotator").action == "refuse"


def test_an_empty_project_says_what_can_be_dropped_and_shows_what_was(
        qtbot, files, shown, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Store.open(files["project"]), Annotator("lin", "Lin"), settings)
    qtbot.addWidget(window)
    assert window.editor.doc is None and window.reader.toPlainText() == ""
    assert "Drop texts" in window.reader.placeholderText()
    assert "Ctrl+I" in window.reader.placeholderText()
    drop(window, mime(files["page"]))
    qtbot.waitUntil(lambda: window.editor.doc is not None, timeout=10000)
    assert window.reader.toPlainText() == TEXT
    window.store.close()


def test_the_drop_the_import_dialog_and_the_merge_dialog_take_the_same_files(
        seed_window, tmp_path, monkeypatch):
    """One table of file names (annotator.formats.kinds): every kind of file import takes
    can be dropped and is offered by File → Import; File → Merge offers what merge reads."""
    from PySide6.QtWidgets import QFileDialog

    from annotator.formats import kinds
    from annotator.qt import dialogs

    filters: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a: filters.append(a[3]) or ([], "")))
    dialogs.import_files(seed_window)
    dialogs.merge(seed_window)
    offered = [set(f.split("(", 1)[1].split(")", 1)[0].split()) for f in filters]
    for suffix in (".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".json", ".jsonl",
                   ".ndjson", ".xml", ".ann"):
        path = tmp_path / f"a{suffix}"
        path.write_text("上海合作组织", encoding="utf-8")
        assert f"*{suffix}" in offered[0], suffix
        assert dropping.plan([QUrl.fromLocalFile(str(path))], "p.annotator").action == "import"
    assert offered[0] == {f"*{s}" for s in kinds.IMPORT_SUFFIXES}
    assert offered[1] == {"*.annotator", "*.db", "*.json", "*.jsonl", "*.ndjson", "*.xml"}


def test_a_dropped_folder_of_doccano_files_asks_whose_annotations(qtbot, seed_window,
                                                                  tmp_path, shown,
                                                                  monkeypatch):
    """As for the doccano file itself: the folder's layer is somebody's, so the window asks
    whose before importing (the folder alone was taken for texts, and refused)."""
    from PySide6.QtWidgets import QInputDialog

    from annotator.interchange import needs_annotator

    folder = tmp_path / "layers"
    folder.mkdir()
    text = seed_window.store.document(seed_window.store.documents()[0].id).text
    at = text.index("上合组织")
    (folder / "chen.jsonl").write_text(json.dumps(
        {"text": text, "label": [[at, at + 4, "actor.igo"]]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    assert needs_annotator([folder]) and not needs_annotator([tmp_path / "in"])
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(
        lambda *a, **k: (asked.append(a[2]), ("chen", True))[1]))
    drop(seed_window, mime(folder))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert asked and "doccano/brat" in asked[0]
    assert shown[-1] == "1 of 1 file done"
    spans = seed_window.store.find_spans(annotator="chen")
    assert [(a.start, a.end, a.tag) for a in spans] == [(at, at + 4, "actor.igo")]
