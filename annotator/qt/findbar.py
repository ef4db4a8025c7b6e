"""Find in document (Ctrl+F): simplified and traditional forms match each other."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.core.search import find_all, searchable


class FindBar(QWidget):
    found = Signal(int, int)  # code-point range of the current match

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text, self.folded = "", None
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.home: QWidget | None = None  # where the keyboard goes back to on closing
        self.edit = QLineEdit(placeholderText=self.tr("Find (简/繁 alike)…"),
                              clearButtonEnabled=True)
        self.count = QLabel()
        prev_button, next_button = QToolButton(), QToolButton()
        self.close_button = close = QToolButton()
        prev_button.setText("↑")
        next_button.setText("↓")
        close.setText("✕")
        prev_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        next_button.setToolTip(self.tr("Next match (F3, Enter)"))
        close.setToolTip(self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for w in (QLabel(self.tr("Find:")), self.edit, self.count, prev_button, next_button, close):
            layout.addWidget(w)
        self.edit.textChanged.connect(self._search)
        self.edit.returnPressed.connect(lambda: self.step(1))
        prev_button.clicked.connect(lambda: self.step(-1))
        next_button.clicked.connect(lambda: self.step(1))
        close.clicked.connect(self.dismiss)

    def set_text(self, text: str) -> None:
        self.text, self.folded = text, None  # folded on first use: opening stays fast
        if self.isVisible():
            self._search(self.edit.text())

    def open(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def dismiss(self) -> None:
        """Close the bar (Esc, ✕); the keyboard goes back to :attr:`home` (the reader).
        Hiding a focused widget would pass the focus on to the next one in the chain."""
        focused = QApplication.focusWidget()
        if self.home is not None and focused is not None and self.isAncestorOf(focused):
            self.home.setFocus(Qt.FocusReason.OtherFocusReason)
        self.hide()

    def keyPressEvent(self, e) -> None:  # noqa: N802
        if e.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(e)

    def _search(self, query: str) -> None:
        if self.folded is None and query.strip():
            self.folded = searchable(self.text)
        self.matches = find_all(self.text, query, self.folded)
        self.current = -1
        self._show_count()

    def step(self, direction: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + direction) % len(self.matches)
        self._show_count()
        self.found.emit(*self.matches[self.current])

    def next_match(self) -> None:
        self.step(1)

    def previous_match(self) -> None:
        self.step(-1)

    def _show_count(self) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(self.tr("no match"))
        else:
            position = self.current + 1 if self.current >= 0 else 0
            self.count.setText(f"{position}/{len(self.matches)}")
