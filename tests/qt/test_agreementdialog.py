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


def test_gold_and_annotators_without_spans_in_the_table(qtbot, tmp_path):
    """Issue 15, in the window: lin reviews her own and chen's work (her decisions are
    gold under her id), prof only reviews, wang never annotated. The table compares lin
    and chen only, lists prof and wang as without spans, and shows — for a document
    nobody annotated."""
    from annotator.core.dataset import ReviewDecision
    from annotator.review.agreement import agreement_report

    text, blank = "上海合作组织成员国在北京举行会议。", "这一篇没有人标注。"
    doc = document_id(text)
    store = Store.open(tmp_path / "r.annotator", create=True)
    store.set_tagset(default_tagset())
    for who in ("lin", "chen", "prof", "wang"):
        store.add_annotator(Annotator(who, who.title()))
    store.add_documents(Document(document_id(t), f"t{i}", t, text_sha256(t))
                        for i, t in enumerate((text, blank)))
    own = [Annotation("l1", doc, 0, 6, "actor.igo", "lin"),
           Annotation("l2", doc, 10, 12, "actor.state", "lin"),
           Annotation("c1", doc, 0, 4, "actor.igo", "chen")]
    store.insert_annotations([*own, Annotation("g1", doc, 0, 4, "actor.igo", "lin"),
                              Annotation("g2", doc, 10, 12, "actor.state", "prof")])
    store.insert_decisions([ReviewDecision("d1", doc, "lin", "accepted", ("l1", "c1"), "g1"),
                            ReviewDecision("d2", doc, "prof", "accepted", ("l2",), "g2")])
    win = MainWindow(store, Annotator("lin", "Lin"),
                     QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    dialog = AgreementDialog(win)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10000)
    (expected,) = agreement_report([(text, own)], ["lin", "chen"], by="doc")
    assert float(dialog.table.item(0, 2).text()) == round(expected["cohen_kappa"], 3)
    assert [dialog.table.item(1, c).text() for c in range(1, 8)] == ["9", *["—"] * 6]
    assert dialog.status.text().startswith(
        "lin, chen · prof: no spans of their own · wang: no spans of their own · ")
    win.store.close()
