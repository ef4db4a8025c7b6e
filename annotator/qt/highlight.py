"""The reader's highlighting: each paragraph's spans and suggestions as formats of its
text layout, set on the paragraphs that come into view.

Not a ``QSyntaxHighlighter``: that one runs its Python ``highlightBlock`` for every
paragraph whenever the text is set (7,700 calls for a 1,000,000-character document, most
of them only to say "not now": a quarter of opening it), and again for all of them when it
is attached to a document. Here nothing runs until the reader asks for a paragraph; the
formats go to the paragraph's layout as ``QSyntaxHighlighter`` puts them there (a list of
format ranges, then the paragraph marked for layout again)."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QTextBlock, QTextCharFormat, QTextLayout

from annotator.core.render import Segment, segments

if TYPE_CHECKING:
    from annotator.qt.reader import Reader


def lighter(colour: str, factor: float) -> QColor:
    """Blend a tag colour towards white (factor 0 = colour, 1 = white)."""
    c = QColor(colour)
    return QColor(int(c.red() + (255 - c.red()) * factor), int(c.green() + (255 - c.green())
                  * factor), int(c.blue() + (255 - c.blue()) * factor))


def uncovered(start: int, end: int, segs: list[Segment],
              ends: list[int] | None = None) -> list[tuple[int, int]]:
    """The parts of ``[start, end)`` no segment covers (``segs`` sorted, disjoint): where
    a suggestion shows beside spans (a span's format replaces a suggestion's). ``ends``:
    the segments' ends, for a paragraph's many suggestions to start at the first segment
    that can meet theirs instead of at the first of all."""
    out, at = [], start
    first = bisect.bisect_right(ends if ends is not None else [s.end for s in segs], start)
    for k in range(first, len(segs)):
        seg = segs[k]
        if seg.start >= end:
            break
        if seg.start > at:
            out.append((at, seg.start))
        at = max(at, seg.end)
    if at < end:
        out.append((at, end))
    return out


class SpanHighlighter:
    def __init__(self, reader: Reader):
        self.reader = reader
        self._formats: dict[tuple, QTextCharFormat] = {}

    def clear_cache(self) -> None:
        self._formats.clear()

    def rehighlightBlock(self, block: QTextBlock,  # noqa: N802 (as Qt's)
                         same_suggestions: bool = False) -> None:
        """Set ``block``'s formats from the spans and suggestions in it now;
        ``same_suggestions``: the ones drawn last are still the ones to draw (the reader
        keeps them current for the paragraphs it has drawn, see ``refresh_suggestions``)."""
        r = self.reader
        if r.index is None or not block.isValid():
            return
        number = block.blockNumber()
        p0 = r.index.para_starts[number]
        u0 = r.umap.to_utf16(p0)
        if same_suggestions and number in r.drawn:
            drawn = r.drawn[number]
        else:
            drawn = r.suggestions_in(number) if r.suggestions_in is not None else []
            r.drawn[number] = drawn
        spans = r.index.in_paragraph(number, r.keep)
        segs = segments(spans, p0, p0 + len(block.text())) if spans else []
        ranges, ends = [], [seg.end for seg in segs]
        for sug in drawn:
            fmt = self._suggestion_format(sug.tag)
            ranges += [self._range(r.umap.to_utf16(lo) - u0, r.umap.to_utf16(hi) - u0, fmt)
                       for lo, hi in uncovered(sug.start, sug.end, segs, ends)]
        ranges += [self._range(r.umap.to_utf16(seg.start) - u0, r.umap.to_utf16(seg.end) - u0,
                               self._format(seg)) for seg in segs]
        layout = block.layout()
        if not ranges and not layout.formats():
            return  # nothing drawn before nor now: no layout to redo
        layout.setFormats(ranges)
        r.document().markContentsDirty(block.position(), block.length())

    @staticmethod
    def _range(start: int, end: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
        out = QTextLayout.FormatRange()
        out.start, out.length, out.format = start, end - start, fmt
        return out

    def _suggestion_format(self, tag: str) -> QTextCharFormat:
        """A suggestion: a dotted underline in its tag's colour, text tinted to match."""
        key = ("suggestion", tag)
        if key not in self._formats:
            fmt = QTextCharFormat()
            colour = QColor(self.reader.colour_of(tag)).darker(150)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(colour)
            fmt.setForeground(colour.darker(130))
            self._formats[key] = fmt
        return self._formats[key]

    def _format(self, seg: Segment) -> QTextCharFormat:
        selected = self.reader.selected_id
        under = seg.underline
        owner = self.reader.owner_colour(seg.spans)
        key = (seg.background.tag, under.tag if under else None, min(seg.depth, 3),
               any(a.id == selected for a in seg.spans), owner)
        if key not in self._formats:
            self._formats[key] = self._make_format(seg, key[3])
            if owner:
                self._formats[key].setForeground(QColor(owner))
        return self._formats[key]

    def _make_format(self, seg: Segment, selected: bool) -> QTextCharFormat:
        colour = self.reader.colour_of
        fmt = QTextCharFormat()
        fmt.setBackground(lighter(colour(seg.background.tag), 0.0 if selected else 0.35))
        if seg.underline is not None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline if seg.depth == 2
                                  else QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(colour(seg.underline.tag)).darker(160))
        if selected:
            fmt.setFontWeight(QFont.Weight.Bold)
        return fmt
