"""The agreement table computes on a worker thread: it shows how far it got, and a new
choice of rows, or closing the dialog, cancels the computation under way."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QLocale, QSettings  # noqa: E402

from annotator.core.annotation import Annotation, Annotator  # noqa: E402
from annotator.core.document import Document, document_id, text_sha256  # noqa: E402
from annotator.core.tagset import default_tagset  # noqa: E402
from annotator.qt.agreementdialog import AgreementDialog  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402
from annotator.store import Store  # noqa: E402

DOCS = 1200


@pytest.fixture
def window(qtbot, tmp_path):
    store = Store.open(tmp_path / "many.annotator", create=True)
    store.set_tagset(default_tagset())
    for who in ("lin", "chen"):
        store.add_annotator(Annotator(who, who.title()))
    texts = [f"{i}：上海合作组织在北京举行反恐会议。" for i in range(DOCS)]
    store.add_documents(Document(document_id(t), f"t{i}", t, text_sha256(t))
                        for i, t in enumerate(texts))
    store.insert_annotations(
        Annotation(f"{who}{i}", document_id(t), 5, 11 + (who == "chen" and i % 3 == 0),
                   "actor.igo", who) for i, t in enumerate(texts) for who in ("lin", "chen"))
    win = MainWindow(store, Annotator("prof", "Prof", "reviewer"),
                     QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    yield win
    win.store.close()


def test_progress_is_shown_while_computing(qtbot, window, monkeypatch):
    seen = []
    shown = AgreementDialog.progressed

    def spy(self, done, total):
        seen.append((done, total))
        shown(self, done, total)

    monkeypatch.setattr(AgreementDialog, "progressed", spy)
    dialog = AgreementDialog(window)  # one row per document
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == DOCS, timeout=120000)
    assert seen[0] == (0, DOCS) and seen[-1] == (DOCS, DOCS) and len(seen) >= 12
    assert "lin, chen" in dialog.status.text()
    dialog.progressed(300, DOCS)
    # the numbers as the system's locale writes them (1,200 in English and Chinese)
    assert dialog.status.text() == f"Computing… 300 of {QLocale().toString(DOCS)} documents"


def test_a_new_choice_cancels_the_computation_under_way(qtbot, window):
    dialog = AgreementDialog(window)
    qtbot.addWidget(dialog)
    first, ended = dialog.worker, []
    first.finished.connect(ended.append)  # runs on the worker thread
    dialog.by.setCurrentIndex(dialog.by.findData("overall"))
    assert first.cancelled and ended == [""]  # stopped with nothing to show
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=60000)
    assert dialog.rows[0]["scope"] == "overall" and dialog.rows[0]["n_units"] > DOCS * 10


def test_closing_cancels_and_waits(qtbot, window):
    dialog = AgreementDialog(window)
    qtbot.addWidget(dialog)
    thread, worker = dialog.worker_thread, dialog.worker
    dialog.reject()
    assert worker.cancelled and thread.isFinished()
