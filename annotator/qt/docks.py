"""The main window's docks: documents, tags, annotations, review, search and guidelines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget

from annotator.qt import review
from annotator.qt.guidelines import GuidelinesPane
from annotator.qt.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow


def build_docks(window: MainWindow) -> None:
    """The window's dock panels, where they start, and the Panels menu."""
    for name, title, widget, area in (
        ("documents", QT_TRANSLATE_NOOP("Docks", "Documents"), window.doc_list,
         Qt.DockWidgetArea.LeftDockWidgetArea),
        ("palette", QT_TRANSLATE_NOOP("Docks", "Tags"), window.tag_palette,
         Qt.DockWidgetArea.RightDockWidgetArea),
        ("annotations", QT_TRANSLATE_NOOP("Docks", "Annotations"), window.panel,
         Qt.DockWidgetArea.BottomDockWidgetArea),
        ("review", QT_TRANSLATE_NOOP("Docks", "Review"), window.review,
         Qt.DockWidgetArea.RightDockWidgetArea),
        ("search", QT_TRANSLATE_NOOP("Docks", "Search"), window.search,
         Qt.DockWidgetArea.BottomDockWidgetArea),
        ("guidelines", QT_TRANSLATE_NOOP("Docks", "Guidelines"), GuidelinesPane(),
         Qt.DockWidgetArea.RightDockWidgetArea),
    ):
        dock = QDockWidget(QCoreApplication.translate("Docks", title), window)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        window.addDockWidget(area, dock)
        window.docks_menu.addAction(dock.toggleViewAction())
        window.docks[name] = dock
    window.tabifyDockWidget(window.docks["palette"], window.docks["review"])
    window.docks["review"].hide()
    window.tabifyDockWidget(window.docks["palette"], window.docks["guidelines"])
    window.docks["palette"].raise_()
    window.tabifyDockWidget(window.docks["annotations"], window.docks["search"])
    window.docks["search"].hide()
    review.wire(window)
    window.resizeDocks([window.docks["documents"], window.docks["palette"]], [420, 340],
                     Qt.Orientation.Horizontal)
    window.resizeDocks([window.docks["annotations"]], [220], Qt.Orientation.Vertical)
