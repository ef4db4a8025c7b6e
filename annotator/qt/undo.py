"""Undo and Redo in the window, read from the stored journal — the one truth.

Every edit is applied and journalled by the store before the window shows it; undo and
redo step the journal through the editor. The Edit menu's Undo and Redo mirror nothing:
after every edit, undo, redo and project opened, :func:`update_actions` asks the session
what undo and redo would do now (as Anki's ``update_undo_actions`` asks its collection)
and names and enables the actions from that. An undo that no longer fits (someone else
changed the spans since) is one line in the status bar; nothing changes, and the actions
still say what the journal says. A read-only project offers neither.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from annotator.core.errors import ConflictError
from annotator.core.session import Step
from annotator.qt import i18n
from annotator.qt.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from annotator.core.commands import Change
    from annotator.qt.window import MainWindow

#: a command's name in the Edit menu by its kind, outside English (the journal stores the
#: English label); {what} is the text the label names, if any
KIND_TEXTS = {"add": QT_TRANSLATE_NOOP("Undo", "tag {what}"),
              "delete": QT_TRANSLATE_NOOP("Undo", "delete span"),
              "retag": QT_TRANSLATE_NOOP("Undo", "change tag to {what}"),
              "resize": QT_TRANSLATE_NOOP("Undo", "resize span"),
              "attributes": QT_TRANSLATE_NOOP("Undo", "edit attributes"),
              "batch": QT_TRANSLATE_NOOP("Undo", "tag several spans"),
              "reject": QT_TRANSLATE_NOOP("Undo", "reject suggestion {what}"),
              "adjudicate": QT_TRANSLATE_NOOP("Undo", "review decision"),
              "status": QT_TRANSLATE_NOOP("Undo", "status: {what}"),
              "assign": QT_TRANSLATE_NOOP("Undo", "assign documents"),
              "comment": QT_TRANSLATE_NOOP("Undo", "comment {what}"),
              "edit_comment": QT_TRANSLATE_NOOP("Undo", "edit comment"),
              "delete_comment": QT_TRANSLATE_NOOP("Undo", "delete comment"),
              "resolve": QT_TRANSLATE_NOOP("Undo", "resolve thread"),
              "reopen": QT_TRANSLATE_NOOP("Undo", "reopen thread"),
              "relate": QT_TRANSLATE_NOOP("Undo", "add relation ({what})"),
              "unrelate": QT_TRANSLATE_NOOP("Undo", "delete relation")}
PREFIXES = {"add": "tag ", "reject": "reject suggestion ", "status": "set status to ",
            "comment": "comment ", "relate": "relate ", "retag": "change tag to "}
translate = QCoreApplication.translate


def step_text(step: Step, tags: dict | None = None) -> str:
    """A journalled command as Undo/Redo name it: its stored label in English, else its
    kind translated (with the text it concerns; a status by its translated name); a new
    tag by its name from ``tags`` (``{id: Tag}``) in either, not its id."""
    label = step.label or step.kind
    prefix = PREFIXES.get(step.kind)
    what = label.removeprefix(prefix) if prefix and label.startswith(prefix) else ""
    if step.kind == "retag" and what:
        what = i18n.tag_name(tags or {}, what)
        label = f"{prefix}{what}"
    if i18n.current() == "en" or step.kind not in KIND_TEXTS:
        return label
    if step.kind == "status":  # "to do", "in progress", "done": the document list's words
        what = translate("Models", what)
    return translate("Undo", KIND_TEXTS[step.kind]).format(what=what).strip()


def update_actions(window: MainWindow, after: Change | None = None) -> None:
    """Name and enable Edit → Undo and Redo from what the journal says they would do
    (``after``: the edit just made, see :meth:`~annotator.core.session.Session.undo_state`)."""
    state = window.session.undo_state(after)
    for action, step, text in ((window.acts["undo"], state.undo, translate("Actions", "&Undo")),
                               (window.acts["redo"], state.redo, translate("Actions", "&Redo"))):
        action.setEnabled(step is not None)
        action.setText(f"{text} {step_text(step, window.tags)}" if step is not None else text)


def undo(window: MainWindow) -> None:
    _step(window, back=True)


def redo(window: MainWindow) -> None:
    _step(window, back=False)


def _step(window: MainWindow, back: bool) -> None:
    state = window.session.undo_state()
    step = state.undo if back else state.redo
    if step is None:
        update_actions(window)
        return
    try:
        change = window.editor.undo() if back else window.editor.redo()
    except ConflictError:
        message = translate("Undo", "Cannot undo “{what}”: it was changed since (by someone "
                            "else, or in another window); nothing was changed.") if back \
            else translate("Undo", "Cannot redo “{what}”: it was changed since (by someone "
                           "else, or in another window); nothing was changed.")
        window.statusBar().showMessage(message.format(what=step_text(step, window.tags)), 10000)
        change = None
    window._after_undo(change)
    if change is not None:  # what the status bar said of the step is no longer so
        done = translate("Undo", "Undone: {what}") if back else \
            translate("Undo", "Redone: {what}")
        window.statusBar().showMessage(done.format(what=step_text(step, window.tags)), 4000)
