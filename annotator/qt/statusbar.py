"""The main window's status bar: a message on the left, what stays on the right (the script
view, who is annotating, the document line, when work was last saved).

A message too long for the room left of the permanent widgets is cut short with an
ellipsis, a gap before them (the whole message is the tooltip): it never runs into them.
``currentMessage()`` is always the whole message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QStatusBar, QStyle, QStyleOption, QToolButton, QWidget

from annotator.qt import i18n
from annotator.qt.actions import SCRIPT_VIEWS
from annotator.qt.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

#: pixels between the end of a message and the first permanent widget
GAP = 16
#: pixels on each side of a permanent widget's text
PADDING = 6
translate = QCoreApplication.translate


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.permanent: list[QWidget] = []
        self.messageChanged.connect(lambda _: self._update_tooltip())

    def addPermanentWidget(self, widget: QWidget, stretch: int | None = 0) -> None:  # noqa: N802
        widget.setContentsMargins(PADDING, 0, PADDING, 0)
        self.permanent.append(widget)
        super().addPermanentWidget(widget, stretch or 0)

    def message_rect(self) -> QRect:
        """Where a message may be drawn: from the left edge to :data:`GAP` before the
        first permanent widget shown (right to left: mirrored)."""
        shown = [w.geometry() for w in self.permanent if w.isVisible()]
        left, right = 6, self.width() - 12
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            left = max([left, *(g.right() + GAP for g in shown)])
        else:
            right = min([right, *(g.left() - GAP for g in shown)])
        return QRect(left, 0, max(0, right - left), self.height())

    def shown_message(self) -> str:
        """The message as drawn: whole, or cut short to fit :meth:`message_rect`."""
        return self.fontMetrics().elidedText(self.currentMessage(),
                                             Qt.TextElideMode.ElideRight,
                                             self.message_rect().width())

    def _update_tooltip(self) -> None:
        message = self.currentMessage()
        self.setToolTip(message if message and self.shown_message() != message else "")

    def event(self, e: QEvent) -> bool:
        if e.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._update_tooltip()
        return super().event(e)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """As QStatusBar paints, the message cut to fit."""
        if not self.currentMessage():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option,
                                   painter, self)
        for widget in self.permanent:
            if widget.isVisible():
                frame = QStyleOption()
                frame.rect = widget.geometry().adjusted(-2, -1, 2, 1)
                frame.palette = self.palette()
                self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem,
                                           frame, painter, widget)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.message_rect(), Qt.AlignmentFlag.AlignLeading
                         | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine,
                         self.shown_message())
        painter.end()


class SteadyLabel(QLabel):
    """A permanent widget's label of a fixed size that only grows. A label's new text asks
    the bar to lay out again, and the bar then repainted whole together with the window
    behind it (with the open document's line and the saved time new on every edit); at a
    fixed size Qt skips that, and the label repaints alone. A text that needs more room
    widens it (the one relayout); one that needs under :data:`SHRINK_BELOW` of it narrows
    it again; a new font or style measures it again. ``row_height()``: the bar's row (the
    label keeps its height, as a laid-out one would)."""

    def __init__(self, row_height: Callable[[], int] = lambda: 0) -> None:
        super().__init__()
        self.row_height = row_height
        # a hidden child: styled and sized as this label is, and never laid out
        self._measure = QLabel(self)
        self._measure.hide()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's)
        super().setText(text)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def _fit(self) -> None:
        probe = self._measure
        probe.setTextFormat(self.textFormat())
        probe.setWordWrap(self.wordWrap())
        probe.setIndent(self.indent())
        probe.setMargin(self.margin())
        probe.setContentsMargins(self.contentsMargins())
        probe.setText(self.text())
        need = probe.sizeHint()
        width, height = self.maximumWidth(), max(need.height(), self.row_height())
        if need.width() > width or need.width() < SHRINK_BELOW * width \
                or height != self.maximumHeight():
            self.setFixedSize(need.width(), height)


#: a steady label narrows when its text needs less than this share of its width
SHRINK_BELOW = 0.75


# --- the main window's permanent widgets -------------------------------------------------
#: the script view's mark: the text as imported, simplified, traditional
VIEW_MARKS = {"original": QT_TRANSLATE_NOOP("StatusBar", "原"),
              "simplified": QT_TRANSLATE_NOOP("StatusBar", "简"),
              "traditional": QT_TRANSLATE_NOOP("StatusBar", "繁")}


def install(window: MainWindow) -> tuple[QToolButton, SteadyLabel, SteadyLabel, SteadyLabel]:
    """The window's status bar; its permanent widgets: the script view (a click cycles
    it, as Ctrl+T), who is annotating, the document line, when work was last saved."""
    bar = StatusBar()
    window.setStatusBar(bar)
    view = QToolButton(autoRaise=True)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the reader
    view.clicked.connect(window.cycle_view)
    def row() -> int:
        return view.sizeHint().height()

    widgets = (view, SteadyLabel(row), SteadyLabel(row), SteadyLabel(row))
    for widget in widgets:
        bar.addPermanentWidget(widget)
    show_view(view, window.view)
    return widgets


def show_view(button: QToolButton, view: str) -> None:
    """Mark the script view the reader shows (原 / 简 / 繁)."""
    button.setText(translate("StatusBar", VIEW_MARKS[view]))
    names = {v: i18n.plain(translate("Actions", text)) for v, text in SCRIPT_VIEWS}
    button.setToolTip(translate(
        "StatusBar", "Script view: {view} (Ctrl+T or a click: original → simplified → "
        "traditional)").format(view=names[view]))
