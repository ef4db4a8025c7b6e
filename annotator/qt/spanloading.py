"""A long document's spans read while the window is idle: the editor opens it with the
spans of its first screens only (:meth:`annotator.core.spans.SpanIndex.partial`), the
reader paints them, and the rest is read here a part at a time, one part per turn of the
event loop, so the window answers keys and scrolling meanwhile. The span table and the
tag counts are filled when every span is read; anything that needs a span not read yet
(a jump far down, the next span, review) reads the rest at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from annotator.core.spans import SpanIndex
    from annotator.qt.window import MainWindow

#: spans read per turn of the event loop (a few milliseconds)
PART = 3000


class SpanLoader(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.index: SpanIndex | None = None
        self.timer = QTimer(self, interval=0)
        self.timer.timeout.connect(self._step)

    def shown(self) -> None:
        """The open document was just shown: fill the span table now if every span is
        here, else empty it until they are (and start reading them)."""
        w, index = self.window, self.window.editor.index
        self.timer.stop()
        if index is None or index.complete:
            self.index = None
            w._refresh_panel()
            return
        self.index = index
        w.panel.model.set_rows(w.doc.text, [], ordered=True)
        w._refresh_counts()
        self.timer.start()

    def _step(self) -> None:
        w = self.window
        if self.index is None or w.editor.index is not self.index or w.store.closed:
            self.timer.stop()  # another document, or the window closing
            return
        if self.index.complete or w.editor.load_more(PART):
            self.timer.stop()
            self.index = None
            w._refresh_panel()
            w._update_document_row(counted=True)
