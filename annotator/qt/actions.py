"""Menus and keyboard shortcuts of the main window, in one table.

Every action here does something; :func:`shortcut_table` feeds Help → Keyboard shortcuts
from the same definitions, so the sheet can never disagree with the keys.
"""

from __future__ import annotations

import importlib
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from annotator.qt import i18n, recent
from annotator.qt.i18n import QT_TRANSLATE_NOOP
from annotator.qt.palette import chip
from annotator.qt.safety import guard_action

translate = QCoreApplication.translate

# (menu, name, text, shortcuts, handler: see _handler)
ACTIONS = [
    ("&File", "open", QT_TRANSLATE_NOOP("Actions", "&Open project…"),
     ["Ctrl+O"], "dialogs.open_project"),
    ("&File", "open_team", QT_TRANSLATE_NOOP("Actions", "Open &team project…"),
     ["Ctrl+Alt+O"], "team.open_team_project"),
    ("&File", "new", QT_TRANSLATE_NOOP("Actions", "&New project…"),
     ["Ctrl+N"], "dialogs.new_project"),
    ("&File", "recent", QT_TRANSLATE_NOOP("Actions", "Open re&cent"),
     ["Ctrl+Shift+O"], "recent.popup"),
    ("&File", "import", QT_TRANSLATE_NOOP("Actions", "&Import files…"),
     ["Ctrl+I"], "dialogs.import_files"),
    ("&File", "export", QT_TRANSLATE_NOOP("Actions", "&Export…"), ["Ctrl+E"], "dialogs.export"),
    ("&File", "merge", QT_TRANSLATE_NOOP("Actions", "&Merge annotators' work…"),
     ["Ctrl+M"], "dialogs.merge"),
    ("&File", "backup", QT_TRANSLATE_NOOP("Actions", "&Back up now"),
     ["Ctrl+Shift+B"], "safety.backup_now"),
    ("&File", "restore", QT_TRANSLATE_NOOP("Actions", "&Restore from backup…"),
     [], "safety.restore_backup"),
    ("&File", "quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), ["Ctrl+Q"], "close"),
    ("&Edit", "undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), ["Ctrl+Z"], "undo"),
    ("&Edit", "redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], "redo"),
    ("&Edit", "delete", QT_TRANSLATE_NOOP("Actions", "&Delete span"),
     ["Del", "Backspace"], "delete_span"),
    ("&Edit", "next_span", QT_TRANSLATE_NOOP("Actions", "&Next span"), ["Tab"], "next_span"),
    ("&Edit", "prev_span", QT_TRANSLATE_NOOP("Actions", "&Previous span"),
     ["Shift+Tab"], "prev_span"),
    ("&Edit", "start_left", QT_TRANSLATE_NOOP("Actions", "Move span start left"),
     ["Alt+Left"], "start_left"),
    ("&Edit", "start_right", QT_TRANSLATE_NOOP("Actions", "Move span start right"),
     ["Alt+Right"], "start_right"),
    ("&Edit", "end_left", QT_TRANSLATE_NOOP("Actions", "Move span end left"),
     ["Alt+Shift+Left"], "end_left"),
    ("&Edit", "end_right", QT_TRANSLATE_NOOP("Actions", "Move span end right"),
     ["Alt+Shift+Right"], "end_right"),
    ("&Edit", "clear", QT_TRANSLATE_NOOP("Actions", "&Clear selection"),
     ["Esc"], "clear_selection"),
    ("&Edit", "relate", QT_TRANSLATE_NOOP("Actions", "Start a re&lation from the span"),
     ["Shift+R"], "relating.start"),
    ("&Edit", "relations", QT_TRANSLATE_NOOP("Actions", "Go to the span's relati&ons"),
     ["Alt+R"], "relating.focus_list"),
    ("&Edit", "annotate_all",
     QT_TRANSLATE_NOOP("Actions", "&Annotate all occurrences in document…"),
     ["Ctrl+Shift+A"], "annotateall.annotate_all_occurrences"),
    ("&Edit", "annotate_corpus",
     QT_TRANSLATE_NOOP("Actions", "Annotate all occurrences in &corpus…"),
     ["Ctrl+Alt+Shift+A"], "annotateall.annotate_all_in_corpus"),
    ("S&uggestions", "next_suggestion", QT_TRANSLATE_NOOP("Actions", "&Next suggestion"),
     ["N"], "suggestions.next_suggestion"),
    ("S&uggestions", "prev_suggestion", QT_TRANSLATE_NOOP("Actions", "&Previous suggestion"),
     ["P"], "suggestions.previous_suggestion"),
    ("S&uggestions", "accept_suggestion", QT_TRANSLATE_NOOP("Actions", "&Accept suggestion"),
     ["A"], "suggestions.accept"),
    ("S&uggestions", "reject_suggestion",
     QT_TRANSLATE_NOOP("Actions", "&Reject suggestion (also Del)"),
     ["U"], "suggestions.reject_key"),
    ("S&uggestions", "accept_all_suggestions",
     QT_TRANSLATE_NOOP("Actions", "Accept a&ll suggestions in document"),
     ["Shift+A"], "suggestions.accept_all_in_document"),
    ("S&uggestions", "toggle_suggestions", QT_TRANSLATE_NOOP("Actions", "&Show suggestions"),
     ["Ctrl+Shift+S"], "suggestions.toggle"),
    ("S&uggestions", "train_recommenders",
     QT_TRANSLATE_NOOP("Actions", "&Train recommenders"), [], "recommenders.train"),
    ("S&uggestions", "recommender_status", QT_TRANSLATE_NOOP("Actions", "Recommen&ders…"),
     [], "recommenders.status"),
    ("&Edit", "snap_to_words", QT_TRANSLATE_NOOP("Actions", "Snap selections to &words"),
     [], "recommenders.toggle_snap"),
    ("&Edit", "find", QT_TRANSLATE_NOOP("Actions", "&Find…"), ["Ctrl+F"], "findbar.open"),
    ("&Edit", "find_next", QT_TRANSLATE_NOOP("Actions", "Find ne&xt"),
     ["F3"], "findbar.next_match"),
    ("&Edit", "search", QT_TRANSLATE_NOOP("Actions", "&Search the corpus…"),
     ["Ctrl+Shift+F"], "searchpanel.open_search"),
    ("&Edit", "find_prev", QT_TRANSLATE_NOOP("Actions", "Find pre&vious"),
     ["Shift+F3"], "findbar.previous_match"),
    ("&Document", "status_todo", QT_TRANSLATE_NOOP("Actions", "Status: &to do"),
     ["Ctrl+1"], "status:todo"),
    ("&Document", "status_progress", QT_TRANSLATE_NOOP("Actions", "Status: &in progress"),
     ["Ctrl+2"], "status:in_progress"),
    ("&Document", "status_done", QT_TRANSLATE_NOOP("Actions", "Status: &done"),
     ["Ctrl+3"], "status:done"),
    ("&Document", "review", QT_TRANSLATE_NOOP("Actions", "&Review disagreements"),
     ["Ctrl+R"], "review.enter"),
    ("&Document", "agreement", QT_TRANSLATE_NOOP("Actions", "&Agreement…"),
     ["Ctrl+G"], "dialogs.agreement"),
    ("&Document", "consistency", QT_TRANSLATE_NOOP("Actions", "Check &consistency…"),
     ["Ctrl+K"], "dialogs.consistency"),
    ("&Document", "next_thread", QT_TRANSLATE_NOOP("Actions", "Next open &thread"),
     ["Ctrl+Shift+N"], "threads.next_thread"),
    ("&Document", "assign", QT_TRANSLATE_NOOP("Actions", "A&ssign to…"),
     [], "workboard.assign_chosen"),
    ("&Document", "blind", QT_TRANSLATE_NOOP("Actions", "&Blind annotation"),
     [], "workboard.toggle_blind"),
    ("&Document", "guidelines", QT_TRANSLATE_NOOP("Actions", "Edit &guidelines…"),
     [], "guidelines.edit"),
    ("&Document", "next_doc", QT_TRANSLATE_NOOP("Actions", "&Next document"),
     ["Ctrl+PgDown"], "next_document"),
    ("&Document", "prev_doc", QT_TRANSLATE_NOOP("Actions", "&Previous document"),
     ["Ctrl+PgUp"], "previous_document"),
    ("&View", "cycle_script", QT_TRANSLATE_NOOP("Actions", "Cycle &script: original / 简体 / 繁體"),
     ["Ctrl+T"], "cycle_view"),
    ("&View", "statistics", QT_TRANSLATE_NOOP("Actions", "S&tatistics…"),
     ["Ctrl+Shift+T"], "statsview.open_statistics"),
    ("&Help", "shortcuts", QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"),
     ["F1"], "dialogs.shortcuts_sheet"),
    ("&Help", "tour", QT_TRANSLATE_NOOP("Actions", "Keyboard &tour…"), [], "firstrun.show_tour"),
    ("&Help", "about", QT_TRANSLATE_NOOP("Actions", "&About annotator"), [], "about.show_about"),
]
# Shortcuts the reader handles itself (shown in the sheet, not bound twice).
READER_KEYS = {"next_span", "prev_span", "clear"}
SCRIPT_VIEWS = [("original", QT_TRANSLATE_NOOP("Actions", "&Original")),
                ("simplified", QT_TRANSLATE_NOOP("Actions", "&Simplified 简体")),
                ("traditional", QT_TRANSLATE_NOOP("Actions", "&Traditional 繁體"))]


# the keys of window.menus; the titles shown are their translations
MENUS = [QT_TRANSLATE_NOOP("Menus", "&File"), QT_TRANSLATE_NOOP("Menus", "&Edit"),
         QT_TRANSLATE_NOOP("Menus", "S&uggestions"), QT_TRANSLATE_NOOP("Menus", "&View"),
         QT_TRANSLATE_NOOP("Menus", "&Document"), QT_TRANSLATE_NOOP("Menus", "&Tags"),
         QT_TRANSLATE_NOOP("Menus", "&Help")]


def build_actions(window) -> dict[str, QAction]:
    bar = window.menuBar()
    menus = {name: bar.addMenu(translate("Menus", name)) for name in MENUS}
    actions: dict[str, QAction] = {}
    for menu_name, name, source, keys, method in ACTIONS:
        text = translate("Actions", source)
        action = QAction(text, window)
        action.setToolTip(i18n.plain(text))  # Qt's own drops "&" only: 打开(O)
        if name not in READER_KEYS:
            action.setShortcuts([QKeySequence(k) for k in keys])
        elif keys:
            action.setText(f"{text}\t{keys[0]}")
        action.triggered.connect(guard_action(window, _handler(window, method)))
        menus[menu_name].addAction(action)
        actions[name] = action
    window.menus = menus
    _script_menu(window, menus["&View"], actions)
    recent.install(window, actions["recent"])
    return actions


def _handler(window, method: str):
    """A window method; ``findbar.NAME``, a find bar method; ``status:VALUE``, setting the
    document status; or ``MODULE.NAME``, a function of the window in annotator.qt.MODULE."""
    if method.startswith("status:"):
        return partial(window.set_status, method.removeprefix("status:"))
    if method.startswith("findbar."):
        return getattr(window.findbar, method.removeprefix("findbar."))
    module, _, name = method.rpartition(".")
    if module:  # MODULE.NAME (findbar. and status: are handled above)
        return partial(_call, f"annotator.qt.{module}", name, window)
    return getattr(window, method)


def keys_of(name: str) -> list[str]:
    """The shortcuts of the action called ``name`` in :data:`ACTIONS`."""
    return next(keys for _, action, _, keys, _ in ACTIONS if action == name)


def _call(module: str, name: str, window) -> object:
    """Imported when first used: they import us, and some are heavy (the statistics view
    brings matplotlib and numpy, ~50 MB and a quarter of a second, into a window that may
    never show it)."""
    return getattr(importlib.import_module(module), name)(window)


def _script_menu(window, view_menu, actions) -> None:
    menu = view_menu.addMenu(translate("Actions", "Script"))
    group = QActionGroup(window)
    for view, text in SCRIPT_VIEWS:
        action = QAction(translate("Actions", text), window, checkable=True)
        action.setData(view)
        action.triggered.connect(lambda _=False, v=view: window.set_view(v))
        group.addAction(action)
        menu.addAction(action)
        actions[f"view_{view}"] = action
    actions["view_original"].setChecked(True)
    window.annotator_menu = view_menu.addMenu(translate("Actions", "&Annotators shown"))
    window.docks_menu = view_menu.addMenu(translate("Actions", "&Panels"))
    i18n.language_menu(window, view_menu)


def tag_actions(window, tagset, lang: str | None = None) -> list[QAction]:
    """One action per tag, bound to its hotkey, listed in the Tags menu; named in ``lang``
    (default: the interface's language)."""
    lang = lang or i18n.tag_lang()
    menu = window.menus["&Tags"]
    menu.clear()
    out = []
    for group in tagset.groups:
        menu.addSection(group.name(lang))
        for tag in group.tags:
            action = QAction(chip(tag.colour), i18n.tag_text(tag, lang), window)
            if tag.hotkey:
                action.setShortcut(QKeySequence(tag.hotkey.upper()))
            action.triggered.connect(guard_action(window, partial(window.apply_tag, tag.id)))
            menu.addAction(action)
            out.append(action)
    return out


def shortcut_table(tagset=None, lang: str | None = None) -> list[tuple[str, str]]:
    """(keys, what they do) for the Help sheet."""
    lang = lang or i18n.tag_lang()
    native = QKeySequence.SequenceFormat.NativeText  # key names as the menus show them
    rows = [(", ".join(QKeySequence(k).toString(native) for k in keys),
             i18n.plain(translate("Actions", text))) for _, _, text, keys, _ in ACTIONS if keys]
    rows.append((translate("Actions", "Shift+arrows"),
                 translate("Actions", "Select text with the keyboard")))
    rows.append((translate("Actions", "Click a span (again)"),
                 translate("Actions", "Select it (the next one out, where spans nest)")))
    if tagset is not None:
        for tag in tagset.tags:
            if tag.hotkey:
                rows.append((tag.hotkey.upper(), translate(
                    "Actions", "Tag the selection (or retag the selected span) as {tag}")
                    .format(tag=tag.name(lang))))
        for rtype in tagset.relations:  # read only while a relation is being made
            if rtype.hotkey:
                rows.append((rtype.hotkey.upper(), translate(
                    "Actions", "After Shift+R: join the two spans as “{type}”")
                    .format(type=rtype.name(lang))))
    return rows
