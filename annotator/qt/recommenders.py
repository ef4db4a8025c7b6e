"""The trained recommenders in the window (:mod:`annotator.recommend`).

Their suggestions join the lexicon's: dotted like them, walked with N / P, accepted and
rejected like them (rejections become negative evidence at the next training); the
tooltip names the recommender and its score. Suggestions → Minimum score hides the weaker
ones (a setting); a recommender whose F1 on held-out documents is below the project's
threshold makes none, and Suggestions → Recommenders says why.

Training (Suggestions → Train recommenders) runs on a worker thread with its own
connection, with progress and cancel; it trains on the gold layer, or on the user's own
spans while the project has no gold. After a setting's worth of new spans (default
:data:`RETRAIN_AFTER`) it trains again by itself, quietly. Models are loaded, and each
document's spans predicted, on worker threads: neither opening a project nor a long
document waits for them. Nothing here loads before the window is up.
"""

from __future__ import annotations

import sys
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QSlider,
    QWidget,
    QWidgetAction,
)

from annotator.core.store import ProjectStore
from annotator.core.suggest import Suggestion
from annotator.qt import jobs
from annotator.qt.jobs import Background, opener

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

RETRAIN_AFTER = 50
MIN_SCORE = "suggestions/min-score"  # percent
RETRAIN = "suggestions/retrain-after"
translate = QCoreApplication.translate


def _setting(window: MainWindow, key: str, default: int) -> int:
    value = window.settings.value(key, default, type=int)
    return value if isinstance(value, int) else default


def _names() -> dict[str, str]:
    return {"lexicon": translate("Recommenders", "lexicon"),
            "crf": translate("Recommenders", "sequence model (CRF)")}


class Recommending(QObject):
    """The window's recommenders: loaded models, their verdicts, each document's
    predictions, and the training under way (lives in the GUI thread: worker results
    arrive here by queued calls)."""

    trained = Signal(str)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.loaded: Any = None  # annotator.recommend.models.Recommenders
        self.enabled: list[str] = []
        self.reasons: list[str] = []
        self.predicted: dict[str, list[Suggestion]] = {}
        self.new_spans = 0
        self.task: TrainTask | None = None
        self.job: Background | None = None
        self.generation = 0  # bumped by each project and each training

    # --- loading and predicting -------------------------------------------------------
    def load(self) -> None:
        open_store = opener(self.window.store)
        if open_store is None or self.window.store.closed:
            return
        self.generation += 1
        job = Background("load", partial(_load, open_store), self.generation, self.window)
        job.launch(self.take_load)

    def take_load(self, result: object) -> None:
        job = self.sender()
        if not isinstance(job, Background) or job.token != self.generation or \
                self.window.store.closed:
            return
        self.loaded, self.enabled, self.reasons = result  # type: ignore[misc]
        self.predicted.clear()
        self.document_shown()
        self.window.reader.refresh_suggestions()  # scores and gates drawn before it came

    def document_shown(self) -> None:
        """Score, gate and filter the open document's suggestions; predict its spans."""
        s, window = self.window.editor.suggestions, self.window
        if s is None:
            return
        s.min_score = _setting(window, MIN_SCORE, 0) / 100
        lexicon = self.loaded.models.get("lexicon") if self.loaded else None
        s.lexicon_on = self.loaded is None or "lexicon" in self.enabled
        s.score_of = (lambda form, tag: lexicon.score(form, tag) if form in lexicon.tagged
                      else None) if lexicon is not None else (lambda form, tag: None)
        doc = window.editor.doc
        if doc is None or self.loaded is None or "crf" not in self.enabled:
            s.use_model([])
            return
        if doc.id in self.predicted:
            s.use_model(self.predicted[doc.id])
            return
        job = Background("predict", partial(_predict, self.loaded, doc.text), self.generation,
                         window)
        job.doc_id = doc.id  # type: ignore[attr-defined]
        job.launch(self.take_prediction)

    def take_prediction(self, result: object) -> None:
        job, window = self.sender(), self.window
        if not isinstance(job, Background) or job.token != self.generation:
            return
        doc_id = job.doc_id  # type: ignore[attr-defined]
        self.predicted[doc_id] = result  # type: ignore[assignment]
        if window.editor.doc is not None and window.editor.doc.id == doc_id and \
                window.editor.suggestions is not None:
            window.editor.suggestions.use_model(self.predicted[doc_id])
            window.reader.refresh_suggestions()

    # --- training ---------------------------------------------------------------------
    def count(self, added: int) -> None:
        """Spans added since the last training; enough of them train again, quietly."""
        self.new_spans += added
        every = _setting(self.window, RETRAIN, RETRAIN_AFTER)
        if every > 0 and self.new_spans >= every and self.task is None and \
                self.loaded is not None:
            self.new_spans = 0
            self.task = TrainTask(self.window, quiet=True)

    def finished(self, message: str) -> None:
        self.task = None
        self.new_spans = 0
        self.load()
        self.window.statusBar().showMessage(message, 10000)


def _load(open_store) -> tuple[Any, list[str], list[str]]:
    from annotator.recommend import models

    with open_store() as store:
        loaded = models.load(models.folder(store))
        limit = models.threshold(store)
    if loaded is None:
        return None, [], []
    verdict = models.statuses(loaded.state, limit)
    return loaded, [n for n, v in verdict.items() if v.enabled], \
        [reason(v, limit) for v in verdict.values()]


def reason(status: Any, limit: float) -> str:
    """Why a recommender suggests or not (an :class:`annotator.recommend.models.Status`),
    in the interface's language."""
    name = _names().get(status.name, status.name)
    if status.f1 is None:
        return translate("Recommenders", "The {recommender} was not evaluated: it needs at "
                         "least two documents in its training layer.").format(recommender=name)
    if not status.enabled:
        return translate("Recommenders", "The {recommender} makes no suggestions: its F1 on "
                         "held-out documents is {f1:.3f}, below the project's threshold of "
                         "{limit:.2f}.").format(recommender=name, f1=status.f1, limit=limit)
    return translate("Recommenders", "The {recommender} suggests: its F1 on held-out "
                     "documents is {f1:.3f} (threshold {limit:.2f}).").format(
        recommender=name, f1=status.f1, limit=limit)


def _predict(loaded, text: str) -> list[Suggestion]:
    return [Suggestion(p.start, p.end, p.tag, text[p.start:p.end], "model", p.score,
                       p.recommender) for p in loaded.predict(text, ["crf"])]


def _layer(store: ProjectStore, me: str) -> str:
    """The gold layer when the project has one, else the annotator's own spans."""
    from annotator.recommend.training import layer_names

    if next(store.layer_spans(gold=True), None) is not None:
        return "gold"
    if me in layer_names(store):
        return me
    raise ValueError(translate("Recommenders", "Nothing to learn from yet: the project has "
                               "no gold layer and you have no spans."))


class TrainTask(QObject):
    """Trains both recommenders on a worker thread: with a progress dialog and Cancel, or
    quietly (after many new spans), saying what came of it in the status bar."""

    stepped = Signal(str, int, int)

    def __init__(self, window: MainWindow, quiet: bool = False):
        super().__init__(window)
        self.window, self.quiet = window, quiet
        self.me = window.session.annotator.id
        self.dialog: QProgressDialog | None = None
        if not quiet:
            self.dialog = QProgressDialog(self.tr("Training the recommenders…"),
                                          self.tr("Cancel"), 0, 0, window)
            self.dialog.setWindowTitle(self.tr("Train recommenders"))
            self.dialog.setMinimumDuration(0)
            self.dialog.canceled.connect(self.cancel)
        self.stepped.connect(self.show_step)
        self.worker_thread, self.worker = jobs.start(self, window.store.reopen, self.job,
                                                     lambda *_: None, self.done, self.failed)

    def job(self, store: ProjectStore, _progress, cancelled) -> str:  # the worker thread
        from annotator.recommend import crf, models, training

        layer = _layer(store, self.me)
        corpus = training.read(store, layer)
        try:
            evaluation = training.evaluate(corpus, curve=False, progress=self.stepped.emit,
                                           cancelled=cancelled) \
                if len(corpus.examples) > 1 else None
            trained = training.fit(corpus, progress=self.stepped.emit, cancelled=cancelled)
        except crf.Cancelled:
            return self.tr("Training cancelled: the recommenders are as they were.")
        where = models.folder(store)
        if where is None:
            raise ValueError(self.tr("A project in memory keeps no trained recommenders."))
        state = models.state_of(evaluation, corpus.spans, len(corpus.examples), layer, trained)
        models.save(where, trained, state)
        limit = models.threshold(store)
        lines = models.statuses(state, limit).values()
        return self.tr("Recommenders trained on the layer {layer}: {verdicts}").format(
            layer=layer, verdicts=" ".join(reason(v, limit) for v in lines))

    def show_step(self, stage: str, done: int, total: int) -> None:
        text = {"evaluating": self.tr("Measuring on held-out documents…"),
                "features": self.tr("Reading the training layer…"),
                "training": self.tr("Training the sequence model…")}.get(stage, stage)
        if self.dialog is not None and not self.worker.cancelled:
            self.dialog.setLabelText(text)
            self.dialog.setRange(0, max(total, 1))
            self.dialog.setValue(min(done, total))
        elif self.quiet:
            self.window.statusBar().showMessage(
                self.tr("Training the recommenders in the background: {step}").format(
                    step=text), 3000)

    def cancel(self) -> None:
        self.worker.cancelled = True

    def done(self, message: str) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.window.recommending.finished(message)

    def failed(self, message: str) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.window.recommending.task = None
        if self.quiet:
            self.window.statusBar().showMessage(message, 10000)
        else:
            QMessageBox.warning(self.window, self.tr("Training failed"), message)


# --- wiring and actions ------------------------------------------------------------------
SNAP = "selection/snap-to-words"


#: how long a worker thread may hold Python's interpreter lock before the GUI thread gets
#: it back (Python's default is 5 ms): predicting a long document on a worker thread must
#: not make a key wait for several such turns
SWITCH_INTERVAL_S = 0.001


def wire(window: MainWindow) -> None:
    sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
    window.recommending = Recommending(window)
    snap = window.acts["snap_to_words"]
    snap.setCheckable(True)
    snap.setChecked(bool(window.settings.value(SNAP, False, type=bool)))
    menu = window.menus["S&uggestions"]
    menu.addSeparator()
    menu.addAction(_slider(window))


def _slider(window: MainWindow) -> QWidgetAction:
    """Suggestions → Minimum score: a slider in the menu (the setting, in percent)."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(24, 2, 8, 2)
    label = QLabel()
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(0, 100)
    slider.setSingleStep(5)
    slider.setPageStep(10)
    slider.setValue(_setting(window, MIN_SCORE, 0))

    def show(value: int) -> None:
        label.setText(translate("Recommenders", "Minimum score: {score:.2f}").format(
            score=value / 100))

    def changed(value: int) -> None:
        show(value)
        window.settings.setValue(MIN_SCORE, value)
        if window.editor.suggestions is not None:
            window.editor.suggestions.min_score = value / 100
            window.reader.refresh_suggestions()

    show(slider.value())
    slider.valueChanged.connect(changed)
    row.addWidget(label)
    row.addWidget(slider)
    action = QWidgetAction(window)
    action.setDefaultWidget(box)
    window.min_score_slider = slider  # type: ignore[attr-defined]
    return action


def project_opened(window: MainWindow) -> None:
    rec = window.recommending
    rec.loaded, rec.enabled, rec.reasons = None, [], []
    rec.predicted.clear()
    rec.new_spans = 0
    rec.load()


def document_shown(window: MainWindow) -> None:
    window.recommending.document_shown()


def after_change(window: MainWindow, added: int) -> None:
    if added:
        window.recommending.count(added)


def train(window: MainWindow) -> None:
    rec = window.recommending
    if opener(window.store) is None:
        window.statusBar().showMessage(translate(
            "Recommenders", "A project in memory cannot train recommenders."), 6000)
        return
    if rec.task is None:
        rec.task = TrainTask(window)


def status(window: MainWindow) -> None:
    rec = window.recommending
    text = "\n".join(rec.reasons) if rec.loaded is not None else translate(
        "Recommenders", "No recommenders are trained for this project yet "
        "(Suggestions → Train recommenders).")
    QMessageBox.information(window, translate("Recommenders", "Recommenders"), text)


def describe(s: Suggestion) -> str:
    """The tooltip line naming the recommender and its score."""
    name = _names().get(s.recommender, s.recommender)
    return translate("Recommenders", "{recommender}, score {score:.2f}").format(
        recommender=name, score=s.score)


def toggle_snap(window: MainWindow) -> None:
    window.settings.setValue(SNAP, window.acts["snap_to_words"].isChecked())


def snapped(window: MainWindow, start: int, end: int) -> tuple[int, int]:
    """A selection about to be tagged, widened to whole words when the option is on
    (Edit → Snap selections to words); jieba's words, over the canonical text."""
    if start >= end or not window.acts["snap_to_words"].isChecked() or \
            window.editor.doc is None:
        return start, end
    from annotator.core import words

    return words.snap(window.editor.doc.text, start, end)
