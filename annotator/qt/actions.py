"""Menus and keyboard shortcuts of the main window, in one table.

Every action here does something; :func:`shortcut_table` feeds Help → Keyboard shortcuts
from the same definitions, so the sheet can never disagree with the keys.
"""

from __future__ import annotations

import importlib
from functools import partial

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from annotator.qt.palette import chip
from annotator.qt.safety import guard_action

# (menu, name, text, shortcuts, handler: see _handler)
ACTIONS = [
    ("&File", "open", "&Open project…", ["Ctrl+O"], "dialogs.open_project"),
    ("&File", "new", "&New project…", ["Ctrl+N"], "dialogs.new_project"),
    ("&File", "import", "&Import files…", ["Ctrl+I"], "dialogs.import_files"),
    ("&File", "export", "&Export…", ["Ctrl+E"], "dialogs.export"),
    ("&File", "merge", "&Merge annotators' work…", ["Ctrl+M"], "dialogs.merge"),
    ("&File", "backup", "&Back up now", ["Ctrl+Shift+B"], "safety.backup_now"),
    ("&File", "restore", "&Restore from backup…", [], "safety.restore_backup"),
    ("&File", "quit", "&Quit", ["Ctrl+Q"], "close"),
    ("&Edit", "undo", "&Undo", ["Ctrl+Z"], "undo"),
    ("&Edit", "redo", "&Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], "redo"),
    ("&Edit", "delete", "&Delete span", ["Del", "Backspace"], "delete_span"),
    ("&Edit", "next_span", "&Next span", ["Tab"], "next_span"),
    ("&Edit", "prev_span", "&Previous span", ["Shift+Tab"], "prev_span"),
    ("&Edit", "start_left", "Move span start left", ["Alt+Left"], "start_left"),
    ("&Edit", "start_right", "Move span start right", ["Alt+Right"], "start_right"),
    ("&Edit", "end_left", "Move span end left", ["Alt+Shift+Left"], "end_left"),
    ("&Edit", "end_right", "Move span end right", ["Alt+Shift+Right"], "end_right"),
    ("&Edit", "clear", "&Clear selection", ["Esc"], "clear_selection"),
    ("&Edit", "annotate_all", "&Annotate all occurrences in document…", ["Ctrl+Shift+A"],
     "annotateall.annotate_all_occurrences"),
    ("&Edit", "annotate_corpus", "Annotate all occurrences in &corpus…", ["Ctrl+Alt+Shift+A"],
     "annotateall.annotate_all_in_corpus"),
    ("S&uggestions", "next_suggestion", "&Next suggestion", ["N"],
     "suggestions.next_suggestion"),
    ("S&uggestions", "prev_suggestion", "&Previous suggestion", ["P"],
     "suggestions.previous_suggestion"),
    ("S&uggestions", "accept_suggestion", "&Accept suggestion", ["A"], "suggestions.accept"),
    ("S&uggestions", "reject_suggestion", "&Reject suggestion (also Del)", ["U"],
     "suggestions.reject_key"),
    ("S&uggestions", "accept_all_suggestions", "Accept a&ll suggestions in document",
     ["Shift+A"], "suggestions.accept_all_in_document"),
    ("S&uggestions", "toggle_suggestions", "&Show suggestions", ["Ctrl+Shift+S"],
     "suggestions.toggle"),
    ("&Edit", "find", "&Find…", ["Ctrl+F"], "findbar.open"),
    ("&Edit", "find_next", "Find ne&xt", ["F3"], "findbar.next_match"),
    ("&Edit", "search", "&Search the corpus…", ["Ctrl+Shift+F"], "searchpanel.open_search"),
    ("&Edit", "find_prev", "Find pre&vious", ["Shift+F3"], "findbar.previous_match"),
    ("&Document", "status_todo", "Status: &to do", ["Ctrl+1"], "status:todo"),
    ("&Document", "status_progress", "Status: &in progress", ["Ctrl+2"], "status:in_progress"),
    ("&Document", "status_done", "Status: &done", ["Ctrl+3"], "status:done"),
    ("&Document", "review", "&Review disagreements", ["Ctrl+R"], "review.enter"),
    ("&Document", "agreement", "&Agreement…", ["Ctrl+G"], "dialogs.agreement"),
    ("&Document", "consistency", "Check &consistency…", ["Ctrl+K"], "dialogs.consistency"),
    ("&Document", "next_doc", "&Next document", ["Ctrl+PgDown"], "next_document"),
    ("&Document", "prev_doc", "&Previous document", ["Ctrl+PgUp"], "previous_document"),
    ("&View", "cycle_script", "Cycle &script: original / 简体 / 繁體", ["Ctrl+T"], "cycle_view"),
    ("&Help", "shortcuts", "&Keyboard shortcuts", ["F1"], "dialogs.shortcuts_sheet"),
    ("&Help", "about", "&About annotator", [], "dialogs.about"),
]
# Shortcuts the reader handles itself (shown in the sheet, not bound twice).
READER_KEYS = {"next_span", "prev_span", "clear"}
SCRIPT_VIEWS = [("original", "&Original"), ("simplified", "&Simplified 简体"),
                ("traditional", "&Traditional 繁體")]


MENUS = ["&File", "&Edit", "S&uggestions", "&View", "&Document", "&Tags", "&Help"]


def build_actions(window) -> dict[str, QAction]:
    bar = window.menuBar()
    menus = {name: bar.addMenu(name) for name in MENUS}
    actions: dict[str, QAction] = {}
    for menu_name, name, text, keys, method in ACTIONS:
        action = QAction(text, window)
        if name not in READER_KEYS:
            action.setShortcuts([QKeySequence(k) for k in keys])
        elif keys:
            action.setText(f"{text}\t{keys[0]}")
        action.triggered.connect(guard_action(window, _handler(window, method)))
        menus[menu_name].addAction(action)
        actions[name] = action
    window.menus = menus
    _script_menu(window, menus["&View"], actions)
    return actions


def _handler(window, method: str):
    """A window method; ``findbar.NAME``, a find bar method; ``status:VALUE``, setting the
    document status; or ``MODULE.NAME``, a function of the window in annotator.qt.MODULE."""
    if method.startswith("status:"):
        return partial(window.set_status, method.removeprefix("status:"))
    if method.startswith("findbar."):
        return getattr(window.findbar, method.removeprefix("findbar."))
    module, _, name = method.rpartition(".")
    if module in ("dialogs", "review", "searchpanel", "annotateall", "suggestions", "safety"):
        # imported here: they import us
        return partial(getattr(importlib.import_module(f"annotator.qt.{module}"), name), window)
    return getattr(window, method)


def _script_menu(window, view_menu, actions) -> None:
    menu = view_menu.addMenu("Script")
    group = QActionGroup(window)
    for view, text in SCRIPT_VIEWS:
        action = QAction(text, window, checkable=True)
        action.setData(view)
        action.triggered.connect(lambda _=False, v=view: window.set_view(v))
        group.addAction(action)
        menu.addAction(action)
        actions[f"view_{view}"] = action
    actions["view_original"].setChecked(True)
    window.annotator_menu = view_menu.addMenu("&Annotators shown")
    window.docks_menu = view_menu.addMenu("&Panels")


def tag_actions(window, tagset, lang: str = "en") -> list[QAction]:
    """One action per tag, bound to its hotkey, listed in the Tags menu."""
    menu = window.menus["&Tags"]
    menu.clear()
    out = []
    for group in tagset.groups:
        menu.addSection(group.label.get(lang, group.id))
        for tag in group.tags:
            action = QAction(chip(tag.colour), f"{tag.name(lang)}  {tag.label.get('zh-Hans', '')}",
                             window)
            if tag.hotkey:
                action.setShortcut(QKeySequence(tag.hotkey.upper()))
            action.triggered.connect(guard_action(window, partial(window.apply_tag, tag.id)))
            menu.addAction(action)
            out.append(action)
    return out


def shortcut_table(tagset=None, lang: str = "en") -> list[tuple[str, str]]:
    """(keys, what they do) for the Help sheet."""
    rows = [(", ".join(keys), text.replace("&", "")) for _, _, text, keys, _ in ACTIONS if keys]
    rows.append(("Shift+arrows", "Select text with the keyboard"))
    rows.append(("Click a span (again)", "Select it (the next one out, where spans nest)"))
    if tagset is not None:
        for tag in tagset.tags:
            if tag.hotkey:
                rows.append((tag.hotkey.upper(), f"Tag the selection (or retag the selected "
                             f"span) as {tag.name(lang)}"))
    return rows
