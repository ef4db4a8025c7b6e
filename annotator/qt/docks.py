"""The main window's docks: documents, tags, annotations, review, search and guidelines;
and :func:`hold_paint`, which lets an edit show in the reader before they repaint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
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


def hold_paint(window: MainWindow, mine: bool = True) -> None:
    """The reader first: the span table holds its painting until the next turn of the
    event loop. An edit brings it up to date at once (its model holds the new state when
    the edit returns), but the paint that follows the key shows the edited paragraph
    without first painting the table's rows, which the row inserted or removed made Qt
    paint twice over (on a quiet machine ~5 ms of the ~10 an edit took); the table follows
    a moment later, repainted once. Only the table's rows are held: held, the whole dock
    (inspector, notes, relations, its title bar) repainted when released, ~3.5 ms more
    CPU per edit than the fields that changed repainting their own rects. The palette,
    the document list and the status bar repaint only the count, row or label that
    changed. Only for the window's own edits: a colleague's change has no key to answer,
    and the table repaints only the rows it changed."""
    rows = window.panel.table.viewport()
    if mine and rows.isVisible() and rows.updatesEnabled():
        rows.setUpdatesEnabled(False)
        QTimer.singleShot(0, window, lambda: rows.setUpdatesEnabled(True))
