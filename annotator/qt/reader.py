"""The reading view: a read-only QPlainTextEdit whose highlighter draws spans from a
sorted index. Offsets cross the Qt boundary here and only here: code points inside,
UTF-16 units in Qt, converted with the view text's :class:`~annotator.zh.Utf16Map`."""

from __future__ import annotations

from collections.abc import Callable, Container

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QToolTip

from annotator import zh
from annotator.core.annotation import Annotation
from annotator.core.spans import SpanIndex
from annotator.core.suggest import Suggestion
from annotator.qt import shaping
from annotator.qt.highlight import SpanHighlighter, lighter

__all__ = ["Reader", "lighter"]

#: the narrowest the reader gets, in full-width characters of its font: a readable line (the
#: docks beside it give way first)
READABLE_CHARS = 16
CJK_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Noto Serif CJK SC",
                "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Heiti SC"]


class Reader(QPlainTextEdit):
    """Signals carry code-point offsets."""

    spanActivated = Signal(str)  # span id clicked
    navigate = Signal(int)  # Tab (+1) / Shift+Tab (-1)
    escaped = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        self.index: SpanIndex | None = None
        self.umap = zh.Utf16Map("")
        self.keep: Callable[[Annotation], bool] | None = None
        self.colour_of: Callable[[str], str] = lambda tag: "#dddddd"
        self.describe: Callable[[Annotation], str] = lambda a: a.tag
        # paragraph number -> its suggestions (None: suggestions hidden)
        self.suggestions_in: Callable[[int], list[Suggestion]] | None = None
        self.describe_suggestion: Callable[[Suggestion], str] = lambda s: s.tag
        self.selected_id: str | None = None
        # review mode: annotator -> text colour for stretches only that annotator marked
        self.review_colours: dict[str, str] = {}
        self.view_text = ""
        self._press_pos = None
        self.overlays: list[Callable[[], None]] = []  # painted over the text (relation arcs)
        # Blocks are highlighted when they come into view: opening a long document costs
        # one screen of highlighting, not the whole text. ``fresh``: the paragraphs whose
        # formats are current (any other is highlighted when it is seen).
        self.fresh: set[int] = set()
        self.drawn: dict[int, list[Suggestion]] = {}  # the suggestions each paragraph shows
        self._highlighting = False
        self.highlighter = SpanHighlighter(self)
        self.updateRequest.connect(self._highlight_visible)
        self.document().setDocumentMargin(16)
        self._set_font()

    def _set_font(self) -> None:
        from PySide6.QtGui import QFontDatabase

        families = set(QFontDatabase.families())
        font = QFont(self.font())
        for family in CJK_FAMILIES:
            if family in families:
                font.setFamilies([family])
                break
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.35)
        self.setFont(font)
        #: the font for a document whose text needs no shaping (see show_text)
        self.plain_font = shaping.plain(font)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """At least :data:`READABLE_CHARS` characters a line, at any font size."""
        hint = super().minimumSizeHint()
        width = READABLE_CHARS * self.fontMetrics().horizontalAdvance("中") + \
            2 * (self.document().documentMargin() + self.frameWidth()) + \
            self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), int(width)), hint.height())

    # --- content -------------------------------------------------------------------------
    def show_text(self, view_text: str, index: SpanIndex, at: int = 0) -> None:
        """Show a document's text with its spans, from code point ``at`` (centred), whose
        paragraphs are highlighted first (a long document's spans may be read only there
        yet: the top is not painted on the way)."""
        self.view_text = view_text
        self._choose_font(view_text)
        self.umap = zh.Utf16Map(view_text)
        self.index = index
        self.fresh.clear()
        self.drawn.clear()
        self.highlighter.clear_cache()
        self._highlighting = True  # formats set while the text is being set do not last
        try:
            self.setPlainText(view_text)
        finally:
            self._highlighting = False
        if at:
            self.select_range(at, at)
        self._highlight_visible()  # the first screen; the rest as it comes into view

    def _choose_font(self, text: str) -> None:
        """Lay ``text`` out without shaping unless it needs it (:mod:`annotator.qt.shaping`:
        each edit lays its paragraph out again, and shaping is half of that)."""
        plain = not shaping.needs_shaping(text)
        if plain != bool(self.font().styleStrategy() & QFont.StyleStrategy.PreferNoShaping):
            self.setFont(self.plain_font if plain else shaping.shaped(self.plain_font))

    def _screenful(self) -> int:
        return max(80, self.viewport().height() // max(1, self.fontMetrics().lineSpacing()) + 4)

    def _highlight_visible(self, *_) -> None:
        # a paragraph laid out again emits updateRequest synchronously: without the guard
        # each block would re-enter here and highlight the rest of the window again
        if self._highlighting or self.index is None:
            return
        self._highlighting = True
        try:
            fresh = self.fresh
            for b in list(self._visible_blocks(self.firstVisibleBlock())):
                if b.blockNumber() not in fresh:
                    self.highlighter.rehighlightBlock(b)
                    fresh.add(b.blockNumber())
        finally:
            self._highlighting = False

    def _visible_blocks(self, block):
        """The blocks from ``block`` down to the bottom of the viewport (a paragraph is a
        block; a screen holds a handful of long ones or a few dozen short ones)."""
        offset, bottom = self.contentOffset(), self.viewport().height()
        for _ in range(self._screenful()):
            if not block.isValid() or \
                    self.blockBoundingGeometry(block).translated(offset).top() > bottom:
                return
            yield block
            block = block.next()

    def owner_colour(self, spans) -> str | None:
        """In review mode, the colour of the one annotator behind a stretch, if only one."""
        if not self.review_colours:
            return None
        owners = {a.annotator for a in spans}
        return self.review_colours.get(owners.pop()) if len(owners) == 1 else None

    def set_review_colours(self, colours: dict[str, str]) -> None:
        if colours != self.review_colours:
            self.review_colours = colours
            self.refresh_all()

    def refresh_suggestions(self, affected: Callable[[int], bool] | None = None,
                            current: Container[int] = ()) -> None:
        """The suggestions changed: redraw the visible paragraphs whose suggestions are
        not the ones drawn, and every other paragraph when it comes into view.
        ``affected``: which paragraphs can have changed (the others stay as drawn);
        ``current``: paragraphs drawn since the change (an edit's own: their suggestions
        are not worked out a second time)."""
        find, kept = self.suggestions_in, set()
        for block in self._visible_blocks(self.firstVisibleBlock()):
            number = block.blockNumber()
            if find is not None and number in self.fresh and (
                    number in current or (affected is not None and not affected(number))
                    or self.drawn.get(number, []) == find(number)):
                kept.add(number)
        self.fresh = kept
        self._highlight_visible()

    def refresh_all(self) -> None:
        """Redraw every paragraph: the visible ones now, the others when they come into
        view (e.g. the suggestions changed)."""
        self.highlighter.clear_cache()
        self.fresh = set()
        self._highlight_visible()

    def suggestion_at(self, pos: int) -> Suggestion | None:
        if self.suggestions_in is None or self.index is None:
            return None
        return next((s for s in self.suggestions_in(self.index.paragraph_of(pos))
                     if s.start <= pos < s.end), None)

    def paragraphs(self, start: int, end: int) -> range:
        """The numbers of the paragraphs that ``[start, end)`` (code points) touches."""
        if self.index is None:
            return range(0)
        first, last = self.index.paragraph_of(start), self.index.paragraph_of(max(start, end - 1))
        return range(first, last + 1)

    def repaint_range(self, start: int, end: int, restyle: bool = False) -> None:
        """Redraw the paragraphs that ``[start, end)`` (code points) touches. ``restyle``:
        only the spans' look changed (the selection moved), not what is suggested: a
        paragraph drawn since the suggestions last changed keeps the ones it drew."""
        # the formats stay cached: their key holds all they depend on (tags, depth, the
        # selection, the owner); only new colours (another project, review) clear them
        for number in self.paragraphs(start, end):
            self.highlighter.rehighlightBlock(self.document().findBlockByNumber(number),
                                              restyle and number in self.fresh)
            self.fresh.add(number)

    def select_drawn(self, span, touched: tuple[int, int] | None) -> None:
        """Draw ``span`` (or none) as the selected one with the edit about to redraw
        ``touched`` (a new span bold at once, in the one new layout of its paragraph); a
        span selected before, outside it, is drawn unselected now."""
        before = self.selected_id
        self.selected_id = span.id if span is not None else None
        old = self.index.get(before) if before and before != self.selected_id and \
            self.index is not None else None
        if old is not None and not (touched and touched[0] <= old.start
                                    and old.end <= touched[1]):
            self.repaint_range(old.start, old.end, restyle=True)

    # --- selection in code points ----------------------------------------------------------
    def selection(self) -> tuple[int, int]:
        c = self.textCursor()
        return self.umap.to_cp(c.selectionStart()), self.umap.to_cp(c.selectionEnd())

    def cursor_cp(self) -> int:
        return self.umap.to_cp(self.textCursor().position())

    def select_range(self, start: int, end: int, ensure_visible: bool = True) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.umap.to_utf16(start))
        cursor.setPosition(self.umap.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if ensure_visible:
            self.centerCursor()

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def cp_at(self, point) -> int:
        return self.umap.to_cp(self.cursorForPosition(point).position())

    # --- input -----------------------------------------------------------------------------
    def event(self, e) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and e.key() in (Qt.Key.Key_Tab,
                                                                    Qt.Key.Key_Backtab):
            e.accept()
            return True
        if e.type() == QEvent.Type.KeyPress and e.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.navigate.emit(-1 if e.key() == Qt.Key.Key_Backtab else 1)
            return True
        return super().event(e)

    def keyPressEvent(self, e) -> None:  # noqa: N802
        if e.key() == Qt.Key.Key_Escape:
            self.clear_selection()
            self.escaped.emit()
            return
        super().keyPressEvent(e)

    def mousePressEvent(self, e) -> None:  # noqa: N802
        self._press_pos = e.position().toPoint()
        super().mousePressEvent(e)

    def mouseReleaseEvent(self, e) -> None:  # noqa: N802
        super().mouseReleaseEvent(e)
        moved = self._press_pos is not None and (
            e.position().toPoint() - self._press_pos).manhattanLength() > 3
        if not moved and not self.textCursor().hasSelection() and self.index is not None:
            hits = self.index.at(self.cp_at(e.position().toPoint()), self.keep)
            if hits:
                ids = [a.id for a in hits]
                # a second click on the same place picks the next span out
                nxt = ids[(ids.index(self.selected_id) + 1) % len(ids)] \
                    if self.selected_id in ids else ids[0]
                self.spanActivated.emit(nxt)

    def mouseDoubleClickEvent(self, e) -> None:  # noqa: N802
        """A double click selects the word under it: jieba's word, in code points of the
        text shown (the script views keep the canonical text's offsets)."""
        pos = self.cp_at(e.position().toPoint())
        if self.index is not None and 0 <= pos < len(self.view_text) and \
                not self.view_text[pos].isspace():
            from annotator.core import words

            start, end = words.word_at(self.view_text, pos)
            self.select_range(start, end, ensure_visible=False)
            e.accept()
            return
        super().mouseDoubleClickEvent(e)

    def paintEvent(self, e) -> None:  # noqa: N802
        super().paintEvent(e)
        for paint in self.overlays:
            paint()

    def viewportEvent(self, e) -> bool:  # noqa: N802
        if e.type() == QEvent.Type.ToolTip and self.index is not None:
            pos = self.cp_at(e.pos())
            hits = self.index.at(pos, self.keep)
            suggestion = None if hits else self.suggestion_at(pos)
            if hits:
                QToolTip.showText(e.globalPos(), "\n\n".join(self.describe(a) for a in hits),
                                  self.viewport())
            elif suggestion is not None:
                QToolTip.showText(e.globalPos(), self.describe_suggestion(suggestion),
                                  self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(e)
