"""Whose work the window shows: View → Annotators (all, only mine, only one, a choice),
and the names spans are shown with; read again when a team project's members change."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from annotator.core.editor import ALL, MINE
from annotator.qt import dialogs, i18n, models

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

translate = QCoreApplication.translate


def describe(window: MainWindow, span) -> str:
    """A span's hover text: its text, tag and who made it (by name, as known now)."""
    names = {a.id: a.name for a in window.store.annotators()}
    return models.describe(span, window.doc.text, i18n.tag_name(window.tags, span.tag),
                           names.get(span.annotator, span.annotator))


def refresh(window: MainWindow) -> None:
    """The annotators' names (the span list, tooltips) and the View → Annotators menu."""
    known = window.store.annotators()
    names = {a.id: a.name for a in known}
    window.panel.model.annotator_name = lambda i: names.get(i, i)
    menu = window.annotator_menu
    menu.clear()
    menu.addAction(translate("MainWindow", "&All annotators"), lambda: window.set_shown(ALL))
    menu.addAction(translate("MainWindow", "Only &mine"), lambda: window.set_shown(MINE))
    menu.addSeparator()
    only = translate("MainWindow", "Only {name}")
    for a in known:
        menu.addAction(only.format(name=a.name), partial(window.set_shown, frozenset({a.id})))
    menu.addAction(translate("MainWindow", "&Choose annotators…"),
                   partial(dialogs.choose_annotators, window))
