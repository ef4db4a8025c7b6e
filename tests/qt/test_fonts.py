"""The CJK fallback rule: Chinese in the interface is drawn with a Chinese font (Noto Sans
CJK SC here), not the Japanese one fontconfig picks under a C or English locale, while
Latin text keeps the interface font."""

from __future__ import annotations

import pytest
from needs import need

pytest.importorskip("PySide6")

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QTextLayout  # noqa: E402

from annotator.qt import fonts  # noqa: E402

HAN = "直骨关"  # glyphs that differ between Chinese and Japanese fonts


def test_fallback_families_keep_the_rules_order_and_skip_missing():
    installed = ["DejaVu Sans", "noto sans cjk tc", "Microsoft YaHei", "Noto Sans CJK JP"]
    assert fonts.fallback_families(installed) == ["Microsoft YaHei", "noto sans cjk tc"]
    assert fonts.fallback_families(["DejaVu Sans"]) == []
    assert fonts.CJK_FALLBACK.index("Noto Sans CJK SC") < fonts.CJK_FALLBACK.index(
        "Noto Sans CJK TC")  # simplified shapes first


def drawn_with(font: QFont, text: str) -> dict[str, int]:
    """{family: glyphs} Qt draws ``text`` with, in ``font``."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName(): len(run.glyphIndexes()) for run in layout.glyphRuns()}


@pytest.fixture
def restore_app_font(qapp):
    font = qapp.font()
    yield qapp
    qapp.setFont(font)
    QFont.removeSubstitutions(QFontInfo(font).family())


def test_rule_draws_chinese_with_a_chinese_font(restore_app_font):
    app = restore_app_font
    need("Noto Sans CJK SC" in QFontDatabase.families(), "Noto Sans CJK (Debian: fonts-noto-cjk)")
    latin = QFontInfo(app.font()).family()
    chosen = fonts.apply_cjk_fallback()
    assert chosen[0] == "Noto Sans CJK SC"
    assert app.font().families()[0] == latin and app.font().families()[-len(chosen):] == chosen
    assert drawn_with(app.font(), HAN) == {"Noto Sans CJK SC": 3}
    if latin != "Noto Sans CJK SC":
        assert drawn_with(app.font(), "abc") == {latin: 3}  # Latin keeps the interface font
        # a widget that names the interface family gets the rule too (a substitution)
        assert drawn_with(QFont(latin), HAN) == {"Noto Sans CJK SC": 3}


def test_without_cjk_fonts_the_rule_changes_nothing(restore_app_font, monkeypatch):
    app = restore_app_font
    before = app.font().families()
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *a: ["DejaVu Sans"]))
    assert fonts.apply_cjk_fallback() == []
    assert app.font().families() == before


# --- no needless shaping -------------------------------------------------------------------
SAMPLE = "上海合作组织成员国安全会议秘书第十六次会议6月23日举行，執(zhí)法合作。"


def natural_width(font: QFont, text: str) -> float:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return line.naturalTextWidth()


def test_the_application_and_the_reader_lay_text_out_without_needless_shaping(
        restore_app_font):
    from annotator.qt.reader import Reader

    app = restore_app_font
    app.setFont(QFont())
    assert not app.font().styleStrategy() & QFont.StyleStrategy.PreferNoShaping
    fonts.apply()
    assert app.font().styleStrategy() & QFont.StyleStrategy.PreferNoShaping
    app.setFont(QFont())  # the reader sets it on its own font, whatever the application's
    reader = Reader()
    assert reader.font().styleStrategy() & QFont.StyleStrategy.PreferNoShaping


def test_chinese_and_pinyin_take_the_same_room_shaped_or_not(qapp):
    """What PreferNoShaping drops (ligatures, GPOS kerning) is not used by Chinese text and
    converter pinyin: each character keeps its advance, so lines break where they did.
    English loses its kerning pairs (AV, To), a few hundredths of its width."""
    need("Noto Sans CJK SC" in QFontDatabase.families(), "Noto Sans CJK (Debian: fonts-noto-cjk)")
    shaped = QFont("Noto Sans CJK SC", 15)
    plain = fonts.without_needless_shaping(shaped)
    assert plain.styleStrategy() & QFont.StyleStrategy.PreferNoShaping
    assert not shaped.styleStrategy() & QFont.StyleStrategy.PreferNoShaping
    assert natural_width(plain, SAMPLE) == natural_width(shaped, SAMPLE)
    assert drawn_with(plain, HAN) == drawn_with(shaped, HAN) == {"Noto Sans CJK SC": 3}
    english = "SCO Secretariat: AV To"
    assert natural_width(plain, english) != natural_width(shaped, english)  # kerning
    assert abs(natural_width(plain, english) / natural_width(shaped, english) - 1) < 0.03
