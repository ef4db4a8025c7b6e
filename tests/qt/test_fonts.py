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
