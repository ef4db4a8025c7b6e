"""The trained recommenders in the real window: training on a worker thread, their
suggestions with score and name, the minimum score, the F1 threshold, words."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402

from annotator.qt import recommenders  # noqa: E402
from annotator.recommend import models  # noqa: E402


def trained(qtbot, window):
    recommenders.train(window)
    assert window.recommending.task is not None
    qtbot.waitUntil(lambda: window.recommending.task is None, timeout=120_000)
    qtbot.waitUntil(lambda: window.recommending.loaded is not None, timeout=20_000)
    return window.recommending


def model_suggestions(window):
    s = window.editor.suggestions
    return [x for x in s.all() if x.recommender == "crf"] if s else []


def test_training_in_the_window_brings_scored_model_suggestions(qtbot, gold_window):
    window = gold_window
    rec = trained(qtbot, window)
    assert models.folder(window.store).joinpath("crf.npz").is_file()
    assert rec.loaded.state["layer"] == "gold"
    assert set(rec.enabled) == {"lexicon", "crf"}  # the demo corpus passes the 0.4 default
    window.open_document(window.doc_list.model.rows[1].id)
    qtbot.waitUntil(lambda: bool(model_suggestions(window)), timeout=20_000)
    found = model_suggestions(window)
    mine = {(a.start, a.end) for a in window.store.annotations(window.doc.id)
            if a.annotator == "lin"}
    assert all(0 < s.score <= 1 for s in found) and not mine
    tip = window.reader.describe_suggestion(found[0])
    assert "sequence model (CRF), score" in tip
    # the minimum score leaves out the weaker ones, and is kept as a setting
    window.min_score_slider.setValue(95)
    assert window.settings.value(recommenders.MIN_SCORE, type=int) == 95
    assert all(s.score >= 0.95 for s in window.editor.suggestions.all())
    window.min_score_slider.setValue(0)
    # accepting one is an undoable edit like any other
    s = found[0]
    window.editor.accept([s])
    assert any((a.start, a.end, a.tag) == (s.start, s.end, s.tag)
               for a in window.store.annotations(window.doc.id) if a.annotator == "lin")


def test_a_recommender_below_the_threshold_suggests_nothing_and_says_why(qtbot, gold_window):
    window = gold_window
    models.set_threshold(window.store, 0.99)
    rec = trained(qtbot, window)
    assert rec.enabled == []
    assert all("below the project's threshold of 0.99." in r for r in rec.reasons)
    window.open_document(window.doc.id)
    assert model_suggestions(window) == []
    assert window.editor.suggestions.lexicon_on is False
    assert window.editor.suggestions.all() == []


def test_double_click_selects_a_word_and_the_option_snaps_selections(qtbot, gold_window):
    window = gold_window
    text = window.doc.text
    at = text.index("廖进荣")
    window.reader.select_range(at, at)
    rect = window.reader.cursorRect()
    qtbot.mouseDClick(window.reader.viewport(), Qt.MouseButton.LeftButton,
                      pos=QPoint(rect.right() + 4, rect.center().y()))
    assert window.reader.selection() == (at, at + 3)
    window.acts["snap_to_words"].trigger()
    assert window.settings.value(recommenders.SNAP, type=bool) is True
    window.reader.select_range(at + 1, at + 2)
    window.apply_tag("actor.person")
    assert any((a.start, a.end) == (at, at + 3) for a in window.store.annotations(window.doc.id)
               if a.annotator == "lin")


def test_enough_new_spans_train_again_by_themselves(qtbot, gold_window):
    window = gold_window
    rec = trained(qtbot, window)
    first = rec.loaded.state["trained"]
    window.settings.setValue(recommenders.RETRAIN, 2)
    text = window.doc.text
    for word in ("青岛", "北京"):
        if word in text:
            at = text.index(word)
            window.reader.select_range(at, at + 2)
            window.apply_tag("actor.state")
    if rec.task is None:  # the open document lacks one of them: any other place will do
        window.reader.select_range(1, 3)
        window.apply_tag("actor.state")
    assert rec.task is not None and rec.task.quiet and rec.task.dialog is None
    qtbot.waitUntil(lambda: rec.task is None, timeout=120_000)
    qtbot.waitUntil(lambda: rec.loaded is not None and rec.loaded.state["trained"] != first,
                    timeout=20_000)
    assert rec.new_spans == 0
