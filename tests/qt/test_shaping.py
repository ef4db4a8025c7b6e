"""Text laid out without shaping only where shaping changes nothing (annotator.qt.shaping):
Chinese and pinyin take the same room either way; Uyghur, combining marks and variation
selectors are shaped, in the reader and in the tables."""

from __future__ import annotations

import re
import unicodedata

import pytest
from needs import need

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout  # noqa: E402
from PySide6.QtWidgets import QStyledItemDelegate  # noqa: E402

from annotator.core.annotation import Annotation, Annotator  # noqa: E402
from annotator.core.document import Document, document_id, text_sha256  # noqa: E402
from annotator.core.tagset import default_tagset  # noqa: E402
from annotator.qt import shaping  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402
from annotator.store import Store  # noqa: E402

CHINESE = "上海合作组织成员国安全会议秘书第十六次会议6月23日举行，執(zhí)法合作。"
UYGHUR = "ئۇيغۇر تىلى"
NEEDS = [UYGHUR, "zhi\u0301", "❤\ufe0f", "葛\U000e0100", "a\u200db", "ภาษาไทย", "עברית",
         "ひ\u3099", "soft\u00adhyphen"]


def natural_width(font: QFont, text: str) -> float:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return line.naturalTextWidth()


def is_plain(font: QFont) -> bool:
    return bool(font.styleStrategy() & QFont.StyleStrategy.PreferNoShaping)


def test_no_character_laid_out_plain_is_a_mark_a_format_character_or_right_to_left():
    plain = re.compile(f"[{shaping.NO_SHAPING}]")
    found = [hex(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF
             and plain.match(chr(cp)) and (
                 unicodedata.category(chr(cp)) in ("Mn", "Mc", "Me", "Cf")
                 or unicodedata.bidirectional(chr(cp)) in ("R", "AL", "AN"))]
    assert found == []
    assert all(plain.match(c) for c in CHINESE + "Ελληνικά Русский 한국어 𠀀")


def test_what_needs_shaping():
    assert not shaping.needs_shaping(CHINESE) and not shaping.needs_shaping("")
    assert [t for t in NEEDS if not shaping.needs_shaping(t)] == []
    assert shaping.needs_shaping(CHINESE * 100 + UYGHUR)


def test_chinese_and_pinyin_take_the_same_room_shaped_or_not(qapp):
    """What PreferNoShaping drops (ligatures, GPOS kerning) is not used by Chinese text and
    converter pinyin: each character keeps its advance, so lines break where they did.
    English loses its kerning pairs (AV, To), a few hundredths of its width."""
    need("Noto Sans CJK SC" in QFontDatabase.families(), "Noto Sans CJK (Debian: fonts-noto-cjk)")
    shaped = QFont("Noto Sans CJK SC", 15)
    plain = shaping.plain(shaped)
    assert is_plain(plain) and not is_plain(shaped) and not is_plain(shaping.shaped(plain))
    assert natural_width(plain, CHINESE) == natural_width(shaped, CHINESE)
    english = "SCO Secretariat: AV To"
    assert natural_width(plain, english) != natural_width(shaped, english)  # kerning
    assert abs(natural_width(plain, english) / natural_width(shaped, english) - 1) < 0.03


def has_arabic_font() -> bool:
    return QFontDatabase.WritingSystem.Arabic in QFontDatabase.writingSystems()


def test_uyghur_unshaped_is_not_what_it_should_be(qapp):
    """Why the choice is made on the text: Qt lays Arabic script out unjoined under
    PreferNoShaping (wider, the letters apart)."""
    need(has_arabic_font(), "a font with Arabic script (Debian: fonts-dejavu-core)")
    font = QFont()
    assert natural_width(shaping.plain(font), UYGHUR) != natural_width(font, UYGHUR)


@pytest.fixture
def window(qtbot, tmp_path):
    """Two documents: Chinese only, and Chinese with a Uyghur name; a span on each name."""
    path = tmp_path / "p.annotator"
    texts = [CHINESE, f"{CHINESE}\n{UYGHUR}"]
    with Store.open(path, create=True) as store:
        store.set_tagset(default_tagset())
        store.add_annotator(Annotator("lin", "Lin"))
        docs = [Document(document_id(t), f"doc {i}", t, text_sha256(t)) for i, t in
                enumerate(texts)]
        store.add_documents(docs)
        store.insert_annotations([
            Annotation("zh", docs[0].id, 0, 6, "actor.organisation", "lin", {}, "t", "t"),
            Annotation("ug", docs[1].id, len(CHINESE) + 1, len(texts[1]), "actor.state",
                       "lin", {}, "t", "t")])
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Store.open(path), Annotator("lin", "Lin"), settings)
    qtbot.addWidget(win)
    win.show()
    yield win, [d.id for d in docs]
    win.store.close()


class Recording(QStyledItemDelegate):
    """The table's delegate, noting the font each cell is painted with."""

    def __init__(self, parent):
        super().__init__(parent)
        self.fonts: dict[tuple[int, int], QFont] = {}

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt's name)
        super().initStyleOption(option, index)
        self.fonts[index.row(), index.column()] = QFont(option.font)


def cell_font(view, row: int, column: int) -> QFont:
    """The font ``view`` paints a cell with (its model's roles asked as painting asks them:
    multiData)."""
    recording = Recording(view)
    view.setItemDelegate(recording)
    view.viewport().grab()
    return recording.fonts[row, column]


def test_the_reader_and_the_tables_shape_only_the_text_that_needs_it(window):
    need(has_arabic_font(), "a font with Arabic script (Debian: fonts-dejavu-core)")
    win, (plain_doc, mixed_doc) = window
    win.open_document(plain_doc)
    assert is_plain(win.reader.font())
    table = win.panel.table
    assert table.model().rowCount() == 1 and is_plain(cell_font(table, 0, 0))
    win.open_document(mixed_doc)
    assert not is_plain(win.reader.font())
    win.reader.viewport().grab()  # laid out as painted
    block = win.reader.document().lastBlock()
    assert block.text() == UYGHUR and block.layout().lineCount() == 1
    assert block.layout().lineAt(0).naturalTextWidth() == pytest.approx(
        natural_width(win.reader.font(), UYGHUR))
    assert table.model().index(0, 0).data() == UYGHUR
    assert not is_plain(cell_font(table, 0, 0))  # the Uyghur name: shaped
    assert is_plain(cell_font(table, 0, 2))  # the annotator's name: no need
    win.open_document(plain_doc)
    assert is_plain(win.reader.font())
    titles = win.doc_list.table
    assert is_plain(cell_font(titles, 0, 0))
