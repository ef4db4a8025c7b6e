"""The Qt undo stack wraps the stored journal: a QUndoCommand per journalled command.

Commands are applied (and committed) before they are pushed, so the push's first redo()
does nothing; later undo()/redo() step the journal through the editor. At start-up the
stack is rebuilt from the journal, so undo reaches back past a restart.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from annotator.core.commands import Change, Command
from annotator.core.editor import Editor
from annotator.qt import i18n
from annotator.qt.i18n import QT_TRANSLATE_NOOP

#: a command's name in the Edit menu by its kind, outside English (the journal stores the
#: English label); {what} is the text the label names, if any
KIND_TEXTS = {"add": QT_TRANSLATE_NOOP("Undo", "tag {what}"),
              "delete": QT_TRANSLATE_NOOP("Undo", "delete span"),
              "retag": QT_TRANSLATE_NOOP("Undo", "change tag"),
              "resize": QT_TRANSLATE_NOOP("Undo", "resize span"),
              "attributes": QT_TRANSLATE_NOOP("Undo", "edit attributes"),
              "batch": QT_TRANSLATE_NOOP("Undo", "tag several spans"),
              "reject": QT_TRANSLATE_NOOP("Undo", "reject suggestion {what}"),
              "adjudicate": QT_TRANSLATE_NOOP("Undo", "review decision")}
PREFIXES = {"add": "tag ", "reject": "reject suggestion "}


def command_text(command: Command) -> str:
    """The command as Undo/Redo name it: its stored label in English, else its kind
    translated (with the text it concerns)."""
    label = command.label or command.kind
    if i18n.current() == "en" or command.kind not in KIND_TEXTS:
        return label
    prefix = PREFIXES.get(command.kind)
    what = label.removeprefix(prefix) if prefix and label.startswith(prefix) else ""
    return QCoreApplication.translate("Undo", KIND_TEXTS[command.kind]).format(what=what).strip()


class JournalCommand(QUndoCommand):
    def __init__(self, stack: JournalStack, command: Command):
        super().__init__(command_text(command))
        self.stack = stack
        self._fresh = True  # already applied when pushed

    def redo(self) -> None:
        if self._fresh or self.stack.replaying:
            self._fresh = False
            return
        self.stack.on_change(self.stack.active_editor().redo())

    def undo(self) -> None:
        if self.stack.replaying:
            return
        self.stack.on_change(self.stack.active_editor().undo())


class JournalStack(QUndoStack):
    def __init__(self, on_change: Callable[[Change | None], None], parent=None):
        super().__init__(parent)
        self.editor: Editor | None = None
        self.on_change = on_change
        self.replaying = False

    def active_editor(self) -> Editor:
        assert self.editor is not None, "rebuild(editor) first"
        return self.editor

    def bind(self, undo: QAction, redo: QAction) -> None:
        """Keep the Edit menu's Undo/Redo entries enabled and named by the stack."""
        self.canUndoChanged.connect(undo.setEnabled)
        self.canRedoChanged.connect(redo.setEnabled)
        self.undoTextChanged.connect(
            lambda text: undo.setText(self.tr("&Undo {what}").format(what=text).strip()))
        self.redoTextChanged.connect(
            lambda text: redo.setText(self.tr("&Redo {what}").format(what=text).strip()))
        undo.setEnabled(False)
        redo.setEnabled(False)

    def record(self, change: Change | None) -> None:
        """Push a command the editor has just applied and stored."""
        if change is not None and change.command is not None:
            self.push(JournalCommand(self, change.command))

    def rebuild(self, editor: Editor) -> None:
        """Mirror the editor's stored history: done commands, then undone ones."""
        self.editor = editor
        self.replaying = True
        try:
            self.clear()
            done, undone = editor.session.history()
            for command in done + list(reversed(undone)):
                self.push(JournalCommand(self, command))
            self.setIndex(len(done))
        finally:
            self.replaying = False
