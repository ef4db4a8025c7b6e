"""The short list that finishes a relation: the relation types that may join the two
spans, each with its key, shown beside the picked span (Enter, Space or a click)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect
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


def build(parent: QWidget, picking: Picking) -> QMenu:
    menu = QMenu(parent)
    menu.setTitle(translate("Relations", "Relation type"))
    lang = i18n.tag_lang()
    for option in picking.options():
        action = QAction(chip(option.type.colour), option_text(option, lang), menu)
        action.setData(option)
        menu.addAction(action)
    return menu


def choose(reader, picking: Picking, at: QRect) -> Option | None:
    """Show the list under the picked span; the option chosen, or None (Esc)."""
    menu = build(reader, picking)
    if not menu.actions():
        return None
    menu.setActiveAction(menu.actions()[0])
    chosen: QAction | None = menu.exec(reader.viewport().mapToGlobal(at.bottomLeft()))
    return chosen.data() if chosen is not None else None


def choose_type(parent: QWidget, options: list[Option], at) -> Option | None:
    """The short list of what a relation may become (each type with its key; turned round
    ones say so), at global point ``at``: the one chosen, or None (Esc)."""
    menu = QMenu(parent)
    menu.setTitle(translate("Relations", "Change the relation's type"))
    lang = i18n.tag_lang()
    for option in options:
        key = f"&{option.type.hotkey} " if option.type.hotkey and not option.reverse else ""
        text = f"{key}{option.type.name(lang)}"
        if option.reverse:
            text = translate("Relations", "{name} (turned round)").format(name=text)
        action = QAction(chip(option.type.colour), text, menu)
        action.setData(option)
        menu.addAction(action)
    if not menu.actions():
        return None
    menu.setActiveAction(menu.actions()[0])
    chosen: QAction | None = menu.exec(at)
    return chosen.data() if chosen is not None else None
