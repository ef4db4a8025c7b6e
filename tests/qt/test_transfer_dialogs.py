"""File → Export… and File → Import… in the real window: worker thread, progress, result."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402
from seedproject import create_without_gold as create_project  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.qt.exportdialog import ExportDialog  # noqa: E402
from annotator.qt.importdialog import run_import  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()))
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda *a: shown.append(a[2])))
    store, _ = create_project(tmp_path / "p.annotator")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, Annotator("lin", "Lin"), settings)
    qtbot.addWidget(win)
    win.shown_messages = shown
    win.open_document(store.documents()[0].id)
    start = win.doc.text.index("上合组织")
    win.reader.select_range(start, start + 4)
    win.apply_tag("actor.igo")
    yield win
    win.store.close()


def test_export_dialog_writes_on_a_worker_thread(qtbot, window, tmp_path):
    dialog = ExportDialog(window)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    out = tmp_path / "out.json"
    dialog.out.setText(str(out))
    dialog._start()
    qtbot.waitUntil(lambda: out.exists() and dialog.worker_thread is None, timeout=10000)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["documents"]) == 5
    assert [s["text"] for d in data["documents"] for s in d["spans"]] == ["上合组织"]
    assert dialog.progress.value() == 5
    assert any("exported 5 documents" in m for m in window.shown_messages)


def test_export_dialog_refuses_bad_split(qtbot, window, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warnings.append(a[2])))
    dialog = ExportDialog(window)
    dialog.out.setText("/tmp/x.json")
    dialog.split.setText("70/70")
    dialog._start()
    assert warnings and "sum to 100" in warnings[0]
    assert dialog.worker_thread is None


def test_import_runs_in_background_and_refreshes_list(qtbot, window, tmp_path):
    page = tmp_path / "new.txt"
    page.write_text("中哈两国举行联合反恐演习。\n双方交流了情报信息。", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    run_import(window, [page, bad])
    qtbot.waitUntil(lambda: len(window.doc_list.model.rows) == 6, timeout=10000)
    qtbot.waitUntil(lambda: bool(window.shown_messages), timeout=10000)
    assert window.shown_messages[-1] == "1 of 2 files done"


def test_merge_in_the_window(qtbot, window, tmp_path):
    from annotator.qt.importdialog import run_merge

    other, _ = create_project(tmp_path / "other.annotator")
    with other:
        from annotator.core.session import Session

        doc = other.documents()[0]
        text = other.document(doc.id).text
        Session(other, Annotator("chen", "Chen")).add(doc.id, text, 0, 4, "actor.igo")
    run_merge(window, [tmp_path / "other.annotator"])
    qtbot.waitUntil(lambda: bool(window.shown_messages), timeout=10000)
    assert window.shown_messages[-1] == "1 of 1 file done"
    assert "chen" in {a.annotator for a in window.panel.model.all.values()}


def test_the_export_summary_says_what_the_format_could_not_carry():
    from pathlib import Path

    from annotator.exporting import ExportReport
    from annotator.qt.exportdialog import report_line

    report = ExportReport("conll", 5, [Path("ner.conll")], ["2 overlapping spans left out"])
    assert report_line(report).splitlines() == [
        "exported 5 documents as conll to ner.conll", "2 overlapping spans left out"]
