"""Relations as labelled arcs over the reader's text, painted after the text on the
reader's viewport (the reader calls :meth:`ArcLayer.paint` from its ``paintEvent``).

Only what is on screen is drawn: the spans of the visible paragraphs, their relations
(:class:`~annotator.core.arcs.RelationIndex`), where those spans are (one ``cursorRect``
each) and the layout of :mod:`annotator.core.arcs`. An end off screen is drawn towards the
edge it lies beyond. The relations of the selected span are drawn bolder; the relation
being made (:mod:`annotator.qt.relating`) dashed, its picked end framed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from annotator.core.annotation import Annotation
from annotator.core.arcs import Arc, ArcIn, Box, RelationIndex, Style, layout, off_screen
from annotator.core.relations import Relation, RelationType
from annotator.qt import shaping
from annotator.qt.reader import Reader

#: the label font, as a share of the reader's
LABEL_SCALE = 0.62


class ArcLayer:
    def __init__(self, reader: Reader, relations: Callable[[], RelationIndex],
                 types: Callable[[], dict[str, RelationType]], lang: Callable[[], str]):
        self.reader = reader
        self.relations = relations
        self.types = types
        self.lang = lang
        self.pending: tuple[Annotation, Annotation] | None = None  # (from, picked)
        self.shown = True
        self.drawn = 0  # arcs drawn by the last paint
        self._widths: dict[str, float] = {}
        self._labels: dict[str, str] = {}
        self._measure()

    # --- what is on screen ----------------------------------------------------------------
    def _visible(self) -> tuple[dict[str, Annotation], int, int]:
        """The spans of the visible paragraphs by id, and the first and last of those
        paragraphs."""
        r = self.reader
        if r.index is None:
            return {}, 0, -1
        numbers = [b.blockNumber() for b in r._visible_blocks(r.firstVisibleBlock())]
        spans: dict[str, Annotation] = {}
        for n in numbers:
            for a in r.index.in_paragraph(n, r.keep):
                spans[a.id] = a
        return spans, (numbers[0] if numbers else 0), (numbers[-1] if numbers else -1)

    def _box(self, span: Annotation) -> Box:
        """Where ``span``'s first line piece is on the viewport: read off its paragraph's
        layout (a text cursor would also work out its own x, twice the work)."""
        r = self.reader
        start, end = r.umap.to_utf16(span.start), r.umap.to_utf16(span.end)
        block = r.document().findBlock(start)
        top = r.blockBoundingGeometry(block).translated(r.contentOffset()).top()
        layout, at = block.layout(), block.position()
        line = layout.lineForTextPosition(start - at)
        if not line.isValid():  # not laid out (cannot be on screen)
            return Box(0.0, 2.0, top)
        left = _x(line, start - at) + layout.position().x()
        if end - at <= line.textStart() + line.textLength():
            right = _x(line, end - at) + layout.position().x()
        else:  # wraps: the first line's piece, a character wide at least
            right = left + self._char_width
        return Box(left, max(left + 2, right), top + line.y() + layout.position().y())

    def placements(self) -> tuple[list[Arc], dict[str, Relation], dict[str, Box]]:
        """The arcs to draw now, the relations they show and the boxes of their ends."""
        spans, first, last = self._visible()
        index, r = self.relations(), self.reader
        shown = {rel.id: rel for rel in index.touching(spans)}
        if not shown:
            return [], {}, {}
        boxes = {span_id: self._box(a) for span_id, a in spans.items() if span_id in
                 index.by_span}
        height, todo = r.viewport().height(), []
        for rel in shown.values():
            for here, there in ((rel.source, rel.target), (rel.target, rel.source)):
                if here in boxes and there not in boxes:
                    other = r.index.get(there) if r.index else None
                    above = other is not None and r.index is not None and \
                        r.index.paragraph_of(other.start) < first
                    boxes[f"{there}@{rel.id}"] = off_screen(boxes[here], above, height)
            todo.append(ArcIn(rel.id, _end(rel.source, boxes, rel.id),
                              _end(rel.target, boxes, rel.id), self._label_width(rel.type)))
        return layout(todo, boxes, self._style), shown, boxes

    def _label_width(self, type_id: str) -> float:
        if type_id not in self._widths:
            self._widths[type_id] = self._metrics.horizontalAdvance(self._label(type_id)) + 8
        return self._widths[type_id]

    def forget_labels(self) -> None:
        """The language, the tagset or the font changed: name and measure again."""
        self._widths.clear()
        self._labels.clear()
        self._measure()

    def _measure(self) -> None:
        self._label_font = font = shaping.shaped(self.reader.font())  # any script
        font.setPointSizeF(max(7.0, font.pointSizeF() * LABEL_SCALE))
        self._metrics = QFontMetricsF(font)
        self._label_height = self._metrics.height() + 2
        self._char_width = float(self.reader.fontMetrics().horizontalAdvance("中"))
        # lanes as tall as a label, so that labels in neighbouring lanes do not meet
        self._style = Style(rise=self._metrics.height() * 0.55, lane=self._metrics.height() + 1)

    def _label(self, type_id: str) -> str:
        if type_id not in self._labels:
            rtype = self.types().get(type_id)
            self._labels[type_id] = rtype.name(self.lang()) if rtype is not None else type_id
        return self._labels[type_id]

    # --- painting -------------------------------------------------------------------------
    def paint(self, _event=None) -> None:
        if not self.shown or self.reader.index is None:
            return
        arcs, shown, boxes = self.placements()
        self.drawn = len(arcs)
        if not arcs and self.pending is None:
            return
        painter = QPainter(self.reader.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._label_font)
        selected = self.reader.selected_id
        # the selected span's relations last (on top) and bold; the others paler then
        for arc in sorted(arcs, key=lambda a: selected in shown[a.id].ends):
            rel = shown[arc.id]
            bold = selected is not None and selected in rel.ends
            self._arc(painter, arc, rel, bold, faint=selected is not None and not bold)
        if self.pending is not None:
            self._pending(painter)
        painter.end()

    def _arc(self, painter: QPainter, arc: Arc, rel: Relation, bold: bool, faint: bool
             ) -> None:
        rtype = self.types().get(rel.type)
        colour = QColor(rtype.colour if rtype else "#888888")
        if faint:
            colour.setAlpha(110)
        # a 1-pixel pen is drawn on the raster engine's fast path; a wider one is stroked
        # (ten times the cost): only the selected span's few arcs are
        painter.setPen(QPen(colour, 2.2 if bold else 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(_curve(arc))
        if rtype is None or rtype.directed:
            _arrow(painter, colour, arc.x2, arc.y2)
        self._draw_label(painter, arc, rel.type, colour, bold)

    def _draw_label(self, painter: QPainter, arc: Arc, type_id: str, colour: QColor,
                    bold: bool) -> None:
        text = self._label(type_id)
        width, height = self._label_width(type_id), self._label_height
        rect = QRectF(arc.label_x - width / 2, arc.peak - height / 2, width, height)
        painter.setPen(QPen(colour, 1.0))
        painter.setBrush(QColor(255, 255, 255, colour.alpha() * 235 // 255))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(colour.darker(150))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _pending(self, painter: QPainter) -> None:
        """The relation being made: a dashed arc to the picked span, which is framed."""
        assert self.pending is not None
        start, picked = self.pending
        a, b = self._box(start), self._box(picked)
        pen = QPen(QColor("#333333"), 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        arc = layout([ArcIn("pending", "a", "b", 0)], {"a": a, "b": b})[0]
        painter.drawPath(_curve(arc._replace(peak=arc.peak - 8)))
        line = self.reader.fontMetrics().lineSpacing()
        painter.drawRect(QRectF(b.left - 2, b.top, b.right - b.left + 4, line))


def _x(line, position: int) -> float:
    """``QTextLine.cursorToX``'s x (PySide returns it with the position, typed object)."""
    found = line.cursorToX(position)
    return float(found[0] if isinstance(found, tuple) else found)


def _end(span_id: str, boxes: dict[str, Box], rel_id: str) -> str:
    return span_id if span_id in boxes else f"{span_id}@{rel_id}"


def _curve(arc: Arc) -> QPainterPath:
    """From one end up to ``peak`` and down to the other: a cubic whose control points
    sit so that its highest point is the peak."""
    control = (8 * arc.peak - arc.y1 - arc.y2) / 6
    path = QPainterPath(QPointF(arc.x1, arc.y1))
    path.cubicTo(QPointF(arc.x1, control), QPointF(arc.x2, control), QPointF(arc.x2, arc.y2))
    return path


def _arrow(painter: QPainter, colour: QColor, x: float, y: float) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF([QPointF(x, y), QPointF(x - 4, y - 7), QPointF(x + 4, y - 7)]))
