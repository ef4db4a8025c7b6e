"""The reader's highlighting: each paragraph's spans and suggestions as formats of its
text layout, set on the paragraphs that come into view.

Not a ``QSyntaxHighlighter``: that one runs its Python ``highlightBlock`` for every
paragraph whenever the text is set (7,700 calls for a 1,000,000-character document, most
of them only to say "not now": a quarter of opening it), and again for all of them when it
is attached to a document. Here nothing runs until the reader asks for a paragraph; the
formats go to the paragraph's layout as ``QSyntaxHighlighter`` puts them there (a list of
format ranges, then the paragraph marked for layout again)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QTextBlock, QTextCharFormat, QTextLayout

from annotator.core.render import Segment, segments
from annotator.core.suggest import Suggestion

if TYPE_CHECKING:
    from annotator.qt.reader import Reader


def lighter(colour: str, factor: float) -> QColor:
    """Blend a tag colour towards white (factor 0 = colour, 1 = white)."""
    c = QColor(colour)
    return QColor(int(c.red() + (255 - c.red()) * factor), int(c.green() + (255 - c.green())
                  * factor), int(c.blue() + (255 - c.blue()) * factor))


def uncovered_parts(finds: list[Suggestion], segs: list[Segment]
                    ) -> list[tuple[int, int, Suggestion]]:
    """The parts of each of ``finds`` that no segment covers, as ``(start, end, find)``:
    where a suggestion shows beside spans (a span's format replaces a suggestion's). One
    pass over the segments (sorted, disjoint) for finds in reading order, as drawn
    suggestions are; a find that starts before the one before it starts the pass again."""
    out: list[tuple[int, int, Suggestion]] = []
    first, count, last = 0, len(segs), -1
    for find in finds:
        start, end = find.start, find.end
        if start < last:
            first = 0
        last = start
        while first < count and segs[first].end <= start:
            first += 1  # ends before this find, so before every later one
        at, k = start, first
        while k < count and segs[k].start < end:
            if segs[k].start > at:
                out.append((at, segs[k].start, find))
            at = max(at, segs[k].end)
            k += 1
        if at < end:
            out.append((at, end, find))
    return out


#: format ranges kept for reuse, at most (a screen of paragraphs needs a few thousand)
RANGES_KEPT = 50_000


class SpanHighlighter:
    def __init__(self, reader: Reader):
        self.reader = reader
        self._formats: dict[tuple, QTextCharFormat] = {}
        #: the format ranges made, by place in their paragraph and format key: a paragraph
        #: drawn again (an edit in it, a colleague's) mostly sets the ranges it set before
        self._ranges: dict[tuple, QTextLayout.FormatRange] = {}

    def clear_cache(self) -> None:
        self._formats.clear()
        self._ranges.clear()

    def rehighlightBlock(self, block: QTextBlock,  # noqa: N802 (as Qt's)
                         same_suggestions: bool = False) -> None:
        """Set ``block``'s formats from the spans and suggestions in it now;
        ``same_suggestions``: the ones drawn last are still the ones to draw (the reader
        keeps them current for the paragraphs it has drawn, see ``refresh_suggestions``)."""
        r = self.reader
        if r.index is None or not block.isValid():
            return
        number = block.blockNumber()
        if same_suggestions and number in r.drawn:
            drawn = r.drawn[number]
        else:
            drawn = r.suggestions_in(number) if r.suggestions_in is not None else []
            r.drawn[number] = drawn
        p0 = r.index.para_starts[number]
        spans = r.index.in_paragraph(number, r.keep)
        segs = segments(spans, p0, p0 + len(block.text())) if spans else []
        ranges = self._format_ranges(p0, drawn, segs)
        layout = block.layout()
        if not ranges and not layout.formats():
            return  # nothing drawn before nor now: no layout to redo
        layout.setFormats(ranges)
        r.document().markContentsDirty(block.position(), block.length())

    def _format_ranges(self, p0: int, drawn: list[Suggestion], segs: list[Segment]
                       ) -> list[QTextLayout.FormatRange]:
        """The paragraph's suggestions beside its spans, then its spans, as format ranges
        in UTF-16 units from its start ``p0`` — those made before reused."""
        umap, made, ranges = self.reader.umap, self._ranges, []
        if len(made) > RANGES_KEPT:
            made.clear()
        u0 = umap.to_utf16(p0)
        at = (lambda cp: umap.to_utf16(cp) - u0) if umap.astral else (lambda cp: cp - p0)
        for lo, hi, sug in uncovered_parts(drawn, segs):
            key = (at(lo), at(hi), ("suggestion", sug.tag))
            if (got := made.get(key)) is None:
                got = made[key] = self._range(key[0], key[1], self._suggestion_format(sug.tag))
            ranges.append(got)
        selected, owners = self.reader.selected_id, bool(self.reader.review_colours)
        for seg in segs:
            key = (at(seg.start), at(seg.end), self._format_key(seg, selected, owners))
            if (got := made.get(key)) is None:
                got = made[key] = self._range(key[0], key[1], self._format(seg, key[2]))
            ranges.append(got)
        return ranges

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

    def _format_key(self, seg: Segment, selected: str | None, owners: bool) -> tuple:
        """All a span segment's format depends on: its tags, depth, whether it is the
        ``selected`` span's, and (``owners``: review colours on) whose it is."""
        spans = seg.spans
        return (spans[0].tag, spans[1].tag if len(spans) > 1 else None, min(len(spans), 3),
                selected is not None and any(a.id == selected for a in spans),
                self.reader.owner_colour(spans) if owners else None)

    def _format(self, seg: Segment, key: tuple) -> QTextCharFormat:
        if key not in self._formats:
            self._formats[key] = self._make_format(seg, key[3])
            if key[4]:
                self._formats[key].setForeground(QColor(key[4]))
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
