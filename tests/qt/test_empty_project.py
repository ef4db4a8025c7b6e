"""Switching to an empty project leaves nothing of the previous one on screen; importing
into it opens the first document; a read-only project refuses an import up front."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from annotator.project import create_project  # noqa: E402
from annotator.qt.importdialog import run_import  # noqa: E402
from annotator.store import Store  # noqa: E402


def test_an_empty_project_shows_no_text_of_the_previous_one(seed_window, tmp_path, qtbot,
                                                             monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()))
    win = seed_window
    assert win.reader.toPlainText() and win.panel.model.rowCount() >= 0
    old = win.store
    empty, _ = create_project(tmp_path / "empty.annotator", seeds=False)
    win.set_project(empty, win.session.annotator)
    old.close()
    assert win.reader.toPlainText() == "" and win.panel.model.rowCount() == 0
    assert win.editor.doc is None
    source = tmp_path / "a.txt"
    source.write_text("上海合作组织成员国加强执法安全合作。\n", encoding="utf-8")
    task = run_import(win, [source])
    assert task is not None
    qtbot.waitUntil(lambda: win.editor.doc is not None, timeout=10000)
    assert "上海合作组织" in win.reader.toPlainText() and shown  # the summary was shown


def test_a_read_only_project_refuses_an_import_up_front(seed_window, tmp_path):
    win = seed_window
    path = win.store.path
    win.store.close()
    win.set_project(Store.open(path, read_only=True), win.session.annotator)
    source = tmp_path / "a.txt"
    source.write_text("文本", encoding="utf-8")
    before = len(win.store.documents())
    assert run_import(win, [source]) is None
    assert "read-only" in win.statusBar().currentMessage()
    assert len(win.store.documents()) == before
