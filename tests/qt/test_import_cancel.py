"""File → Import… cancelled midway: the files read so far are stored, every document whole
(the batch being read is committed, not dropped), the project checks clean, and the summary
says how many of how many were imported."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QLocale, Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox, QPushButton  # noqa: E402

from annotator.ingest.importer import documents_from_file  # noqa: E402
from annotator.qt.importdialog import run_import  # noqa: E402
from annotator.store import Store  # noqa: E402

FILES = 1500


def write_folder(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(count):
        path = folder / f"{i:05d}.txt"
        path.write_bytes(f"第{i:04d}号通报\r\n图片 1\r\n中哈两国举行联合反恐演习。\u200b双方交流了"
                         f"情报信息（编号{i:04d}）。".encode("gb18030" if i % 10 == 3 else "utf-8"))
        paths.append(path)
    return paths


def test_cancel_keeps_whole_documents_and_says_how_many(qtbot, seed_window, tmp_path,
                                                        monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()))
    files = write_folder(tmp_path / "articles", FILES)
    seeds = {d.id for d in seed_window.store.documents()}
    task = run_import(seed_window, [tmp_path / "articles"])
    assert task is not None
    qtbot.waitUntil(lambda: task.progress.done >= 250, timeout=60000)
    number = QLocale().toString  # as the system's locale writes numbers (1,500 in English)
    assert f"of {number(FILES)} files" in task.dialog.labelText()
    qtbot.mouseClick(task.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert task.dialog.labelText().startswith("Cancelling")
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)

    with Store.open_readonly(seed_window.store.path) as store:
        assert store.check().ok
        rows = store.conn.execute(
            "SELECT d.id, d.origin, d.text, s.id FROM documents d LEFT JOIN search_text s "
            "ON s.doc_id = d.id ORDER BY d.position").fetchall()
    imported = [r for r in rows if r[0] not in seeds]
    assert 250 <= len(imported) < FILES
    # the first files, in order, each whole and indexed: none half-stored, none skipped
    assert [r[1] for r in imported] == [str(p) for p in files[:len(imported)]]
    for _doc_id, origin, text, key in imported:
        assert documents_from_file(Path(origin))[0].text == text
        assert key is not None
    assert shown == [f"Cancelled: {number(len(imported))} documents imported from "
                     f"{number(len(imported))} of {number(FILES)} files (each whole); the other files "
                     "were not read: import them again to add them (documents already there "
                     "are skipped)"]
    assert len(seed_window.doc_list.model.rows) == len(seeds) + len(imported)
