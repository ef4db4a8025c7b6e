"""A long document's spans read while the window is idle: the editor opens it with the
spans of its first screens only (:meth:`annotator.core.spans.SpanIndex.partial`), the
reader paints them, and the rest is read here a part at a time, one part per turn of the
event loop, so the window answers keys and scrolling meanwhile. The span table and the
tag counts are filled when every span is read; anything that needs a span not read yet
(a jump far down, the next span, review) reads the rest at once."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from annotator.core.errors import ConnectionLost
from annotator.qt import workboard

if TYPE_CHECKING:
    from annotator.core.spans import SpanIndex
    from annotator.qt.window import MainWindow

#: spans read per turn of the event loop (a few milliseconds)
PART = 3000
#: the pace of the reads while a team project's server is gone (the reconnect's)
RETRY_MS = 2000


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
        w.tag_palette.counts_unknown()  # not 0: not counted yet
        self.timer.start(0)

    @property
    def loading(self) -> bool:
        """The open document's spans are still being read (the counts are not known)."""
        return self.index is not None

    def _step(self) -> None:
        w = self.window
        if self.index is None or w.editor.index is not self.index or w.store.closed:
            self.timer.stop()  # another document, or the window closing
            return
        try:
            done = self.index.complete or w.editor.load_more(PART)
        except ConnectionLost:  # the error hook says so; not a read every turn meanwhile
            self.timer.setInterval(RETRY_MS)
            raise
        self.timer.setInterval(0)
        for start, end in self.index.take_remade():  # a colleague's span read where
            w.reader.repaint_range(start, end)  # painted without it, or moved from there
        if done:
            self.timer.stop()
            self.index = None
            w._refresh_panel()
            w._update_document_row(counted=True)


def document_row(window: MainWindow, counted: bool, stored: bool = False) -> None:
    """The open document's row in the list and its line in the status bar. ``counted``:
    the open index holds every span of the document (just opened or edited here), so the
    row takes its count instead of a count query; while the index is partial, the row
    keeps the list's count (the loader counts again when every span is read). ``stored``:
    the document's own columns are read again, uncounted (a colleague's commit may have
    set its status or review status)."""
    doc_id = window.doc.id
    row, index = window.doc_list.model.summary(doc_id), window.editor.index
    if stored and row is not None and (fresh := window.store.summaries([doc_id])):
        row = replace(fresh[0], annotations=row.annotations)
    if counted and row and index is not None:
        summary = replace(row, annotations=len(index)) if index.complete else row
    else:
        summary = window.store.summary(doc_id)
    window.doc_list.update_row(summary)
    n, total = window.doc_list.position(doc_id)
    window.status_doc.setText(workboard.document_line(window, n, total, summary))
