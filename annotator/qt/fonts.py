"""The CJK font fallback rule, applied once at start (annotator/qt/app.py; the benchmarks
and the screenshot tools apply it too). Where text is laid out without shaping:
:mod:`annotator.qt.shaping`.

Left to itself, fontconfig picks a Han font by locale: under an English or C locale Qt
draws 关, 直 and 骨 in menus, lists and dialogs with *Japanese* glyph shapes (Noto Sans CJK
JP comes first). The rule puts a Chinese family, simplified-Chinese shapes first, behind
the interface font: Latin text keeps the system font, Chinese falls to the first of
:data:`CJK_FALLBACK` installed. No font is bundled; the rule prefers the system's fonts
(Noto/Source Han on Linux, Microsoft YaHei on Windows, PingFang on macOS).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

SIMPLIFIED = ["Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC",
              "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "Microsoft YaHei UI",
              "PingFang SC", "Hiragino Sans GB", "Heiti SC", "SimHei", "SimSun"]
TRADITIONAL = ["Noto Sans CJK TC", "Source Han Sans TC", "Source Han Sans TW", "Noto Sans TC",
               "Microsoft JhengHei", "PingFang TC", "Heiti TC", "PMingLiU"]
#: Families tried, in order, for characters the interface font lacks.
CJK_FALLBACK = SIMPLIFIED + TRADITIONAL


def fallback_families(available: Iterable[str], wanted: Iterable[str] = CJK_FALLBACK
                      ) -> list[str]:
    """The ``wanted`` families that are installed, in the rule's order (names as installed;
    matched without regard to case)."""
    have = {family.casefold(): family for family in available}
    out: list[str] = []
    for family in wanted:
        found = have.get(family.casefold())
        if found and found not in out:
            out.append(found)
    return out


def apply_cjk_fallback() -> list[str]:
    """Put the installed CJK families behind the application font, and make them the
    substitutes of the family it resolves to (for widgets that name that family). Returns
    the families used (``[]`` when none is installed: the system's own fallback stays)."""
    chosen = fallback_families(QFontDatabase.families())
    if not chosen:
        return []
    font = QApplication.font()
    real = QFontInfo(font).family()  # e.g. "Sans Serif" resolves to "DejaVu Sans"
    base = [f for f in dict.fromkeys([real, *font.families()]) if f not in chosen]
    font.setFamilies(base + chosen)
    QApplication.setFont(font)
    if real not in chosen:
        QFont.insertSubstitutions(real, chosen)
    return chosen
