"""Text laid out without OpenType shaping where shaping would change nothing.

Qt shapes every run of text with HarfBuzz unless a font asks it not to
(``QFont.PreferNoShaping``); then it takes each character's glyph and advance from the
font's character map. For Chinese, precomposed Latin (converter pinyin: 執(zhí)), Greek,
Cyrillic, punctuation and symbols the two give the same glyphs at the same places (English
loses its kerning pairs, a few hundredths of its width), and the second is about half the
cost of laying a paragraph out: 0.57 against 0.32 ms for 3,000 Chinese characters. An edit
in the reader lays its paragraph out again, and every table row painted lays its cells
out: a team member's edit costs their window 8–19 % less CPU.

Other text needs shaping to be read at all: Arabic script (Uyghur) joins its letters,
combining marks sit on their base, variation selectors pick a glyph (葛󠄀, ❤️), Indic
scripts reorder. Qt 6 does not shape all of them under ``PreferNoShaping`` (Arabic letters
come out unjoined and wider), so the choice is made on the text: :func:`needs_shaping`
says whether any character lies outside :data:`NO_SHAPING`. The reader decides per
document (:meth:`annotator.qt.reader.Reader.show_text`); a table lays its cells out
without shaping and gives a cell whose text needs it the shaped font
(:func:`cells_shaped_where_needed`, :class:`annotator.qt.models.RowModel`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractItemView

    from annotator.qt.models import RowModel

#: the characters laid out alike shaped or not: controls, Latin (to Latin Extended-B, IPA
#: and the spacing modifiers; Latin Extended Additional), Greek, Cyrillic without its
#: combining marks, Armenian, punctuation (no zero-width or direction controls), super-
#: and subscripts, currency, letterlike symbols to the miscellaneous symbols and arrows,
#: the CJK blocks without their combining tone and kana voicing marks, Hangul syllables,
#: CJK compatibility ideographs and forms, half- and full-width forms, and the CJK
#: extensions B–G. No combining mark, format character (soft hyphen, ZWJ), variation
#: selector or right-to-left letter (tests/qt/test_shaping.py checks each against Unicode).
NO_SHAPING = ("\x00-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u058f\u1e00-\u1fff"
              "\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u2bff\u2e80-\u3029"
              "\u3030-\u3098\u309b-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe1f"
              "\ufe30-\ufe6f\uff00-\uffef\U00020000-\U0003134f")
_SHAPED_CHARACTER = re.compile(f"[^{NO_SHAPING}]")


def needs_shaping(text: str) -> bool:
    """Whether ``text`` holds a character outside :data:`NO_SHAPING` (a 1,000,000-character
    Chinese document is read in ~2 ms)."""
    return _SHAPED_CHARACTER.search(text) is not None


def plain(font: QFont) -> QFont:
    """``font``, laid out without shaping (for text that does not need it)."""
    font = QFont(font)
    font.setStyleStrategy(font.styleStrategy() | QFont.StyleStrategy.PreferNoShaping)
    return font


def shaped(font: QFont) -> QFont:
    """``font``, shaped (Qt's default)."""
    font = QFont(font)
    font.setStyleStrategy(QFont.StyleStrategy(
        font.styleStrategy().value & ~QFont.StyleStrategy.PreferNoShaping.value))
    return font


def cells_shaped_where_needed(view: QAbstractItemView, model: RowModel) -> None:
    """``view`` lays its cells out without shaping; ``model`` gives a cell whose text needs
    shaping the view's shaped font (its FontRole)."""
    model.shaped_font = shaped(view.font())
    view.setFont(plain(view.font()))
