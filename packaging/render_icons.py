"""Render the app icon (packaging/icons/hicolor/scalable/apps/APP_ID.svg) to the PNG sizes
desktops use.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

Writes packaging/icons/hicolor/<N>x<N>/apps/APP_ID.png (N in SIZES), laid out like the
freedesktop hicolor theme so install-linux.sh copies the tree as it is.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent / "icons"
APP_ID = "io.github.annotator.Annotator"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    svg = ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    for size in SIZES:
        out = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(out)):
            raise SystemExit(f"{out}: could not write")
        print(f"wrote {out.relative_to(ICONS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
