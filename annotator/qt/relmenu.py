"""The short list that finishes a relation: the relation types that may join the two
spans, each with its key, shown beside the picked span (Enter, Space or a click)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, QRect
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from annotator.core.relating import Option, Picking
from annotator.qt import i18n
from annotator.qt.palette import chip

translate = QCoreApplication.translate


def option_text(option: Option, lang: str) -> str:
    """``&1 uses ←`` style: the key as the accelerator, the type, ← when reversed (the
    picked span becomes the "from" end)."""
    key = f"&{option.type.hotkey} " if option.type.hotkey else ""
    name = option.type.name(lang)
    if option.reverse:
        return translate("Relations", "{key}{name} (from the picked span)").format(
            key=key, name=name)
    return f"{key}{name}"


def retype_text(option: Option, lang: str) -> str:
    """``&4 is part of`` for a type that fits as the relation runs; a turned round one
    says so (and has no key: the same key would stand twice)."""
    if option.reverse:
        return translate("Relations", "{name} (turned round)").format(
            name=option.type.name(lang))
    return option_text(option, lang)


def build(parent: QWidget, picking: Picking) -> QMenu:
    return _menu(parent, translate("Relations", "Relation type"), picking.options(),
                 option_text)


def _menu(parent: QWidget, title: str, options: list[Option],
          text: Callable[[Option, str], str]) -> QMenu:
    menu = QMenu(parent)
    menu.setTitle(title)
    lang = i18n.tag_lang()
    for option in options:
        action = QAction(chip(option.type.colour), text(option, lang), menu)
        action.setData(option)
        menu.addAction(action)
    return menu


def _chosen(menu: QMenu, at: QPoint) -> Option | None:
    """``menu`` shown at global point ``at``, its first entry active: the option chosen,
    or None (Esc, or nothing to offer)."""
    if not menu.actions():
        return None
    menu.setActiveAction(menu.actions()[0])
    chosen: QAction | None = menu.exec(at)
    return chosen.data() if chosen is not None else None


def choose(reader, picking: Picking, at: QRect) -> Option | None:
    """Show the list under the picked span; the option chosen, or None (Esc)."""
    return _chosen(build(reader, picking), reader.viewport().mapToGlobal(at.bottomLeft()))


def choose_type(parent: QWidget, options: list[Option], at: QPoint) -> Option | None:
    """The short list of what a relation may become (each type with its key; turned round
    ones say so), at global point ``at``: the one chosen, or None (Esc)."""
    return _chosen(_menu(parent, translate("Relations", "Change the relation's type"),
                         options, retype_text), at)
