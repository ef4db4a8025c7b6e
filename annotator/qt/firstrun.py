"""First run (no name stored): who is annotating, a demo or an empty default project, then
the keyboard tour — which keys tag, move between and resize spans, undo, suggestions,
review and search — also shown by Help → Keyboard tour…. Its keys are read from the actions
table and the tagset, the bindings themselves, so the tour cannot disagree with them."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.tagset import Tagset, default_tagset
from annotator.project import default_project
from annotator.qt import i18n, smoke
from annotator.qt.actions import keys_of
from annotator.resources import default_project_path
from annotator.store import is_team, open_project, shown_location

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

CAP_STYLE = ("QLabel { border: 1px solid #b4b4b4; border-bottom: 3px solid #989898; "
             "border-radius: 5px; background: #fbfbfb; color: #202020; padding: 1px 7px; }")
ARROWS = {"Left": "←", "Right": "→", "Up": "↑", "Down": "↓"}
translate = QCoreApplication.translate


def os_user_name() -> str:
    """The person's name as the computer knows it: the full name when there is one."""
    try:
        import pwd  # not on Windows

        full = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
    except (ImportError, KeyError):
        full = ""
    return full or os.environ.get("USER") or os.environ.get("USERNAME") or ""


@dataclass
class Step:
    title: str
    intro: str
    rows: list[tuple[list[str], str]] = field(default_factory=list)  # (keys, what they do)
    tags: bool = False  # show the tagset's keys


def tour_steps() -> list[Step]:
    k = keys_of  # the keys bound now
    return [
        Step(translate("FirstRun", "Tag with one key"), translate("FirstRun",
            "Select text with Shift+arrows or the mouse, then press a tag's key. With a "
            "span selected, a tag key changes its tag."), tags=True),
        Step(translate("FirstRun", "Move between spans and resize them"), translate("FirstRun",
            "The selected span is drawn bold; its edges move one character at a time."), [
            (k("next_span") + k("prev_span"), translate("FirstRun", "Next / previous span")),
            (k("start_left") + k("start_right"),
             translate("FirstRun", "Move the span's start left / right")),
            (k("end_left") + k("end_right"),
             translate("FirstRun", "Move the span's end left / right")),
            (k("delete")[:1], translate("FirstRun", "Delete the selected span")),
            (k("clear"), translate("FirstRun", "Clear the selection"))]),
        Step(translate("FirstRun", "Undo anything"), translate("FirstRun",
            "Every edit is stored the moment you make it: there is no Save button. Undo "
            "reaches back across documents and restarts."), [
            (k("undo"), translate("FirstRun", "Undo")),
            (k("redo"), translate("FirstRun", "Redo"))]),
        Step(translate("FirstRun", "Suggestions"), translate("FirstRun",
            "Terms already tagged elsewhere are underlined with dots. They become "
            "annotations only when you accept them."), [
            (k("next_suggestion") + k("prev_suggestion"),
             translate("FirstRun", "Next / previous suggestion")),
            (k("accept_suggestion"), translate("FirstRun", "Accept the suggestion at the caret")),
            (k("reject_suggestion"), translate("FirstRun", "Reject it")),
            (k("accept_all_suggestions"),
             translate("FirstRun", "Accept every suggestion in the document"))]),
        Step(translate("FirstRun", "Review, search and the rest"), translate("FirstRun",
            "Review walks through where annotators disagree; search looks through the whole "
            "corpus, simplified and traditional alike."), [
            (k("review"), translate("FirstRun", "Review disagreements")),
            (k("search"), translate("FirstRun", "Search the corpus")),
            (k("find"), translate("FirstRun", "Find in this document")),
            (k("next_doc") + k("prev_doc"), translate("FirstRun", "Next / previous document")),
            (k("shortcuts"), translate("FirstRun", "Every shortcut, any time"))]),
    ]


def caps(sequence: str) -> list[str]:
    """A key sequence as its key caps: 'Alt+Shift+Left' -> ['Alt', 'Shift', '←']."""
    native = QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)
    parts = native.split("+") if len(native) > 1 else [native]
    return [ARROWS.get(p, p) for p in parts]


# --- widgets ------------------------------------------------------------------------------
def key_caps(sequences: list[str]) -> QWidget:
    """Key caps for each sequence, alternatives separated by a slash."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(3)
    for n, sequence in enumerate(sequences):
        if n:
            row.addWidget(QLabel("/"))
        for i, cap in enumerate(caps(sequence)):
            if i:
                row.addWidget(QLabel("+"))
            label = QLabel(cap, alignment=Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet(CAP_STYLE)
            label.setMinimumWidth(28)
            row.addWidget(label)
    row.addStretch(1)
    return box


def _heading(text: str, size: float = 1.45) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * size)
    font.setBold(True)
    label.setFont(font)
    return label


def _wrapped(text: str, grey: bool = False) -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setStyleSheet("color: #606060;" if grey else "")
    return label


def _tag_grid(tagset: Tagset) -> QWidget:
    """One column per tag group: key, colour, name."""
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 4, 0, 0)
    grid.setHorizontalSpacing(8)
    grid.setVerticalSpacing(3)
    lang = i18n.tag_lang()
    for column, group in enumerate(tagset.groups):
        grid.addWidget(_heading(group.name(lang), 1.0), 0, column * 3, 1, 3)
        for row, tag in enumerate([t for t in group.tags if t.hotkey], 1):
            grid.addWidget(key_caps([(tag.hotkey or "").upper()]), row, column * 3)
            swatch = QLabel()
            swatch.setFixedSize(12, 12)
            swatch.setStyleSheet(f"background: {tag.colour}; border: 1px solid #888;")
            grid.addWidget(swatch, row, column * 3 + 1)
            grid.addWidget(QLabel(tag.name(lang)), row, column * 3 + 2)
    grid.setRowStretch(grid.rowCount(), 1)
    return box


def step_page(step: Step, tagset: Tagset, n: int, total: int) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(_wrapped(translate("FirstRun", "Keyboard tour · {n} of {total}").format(
        n=n, total=total), grey=True))
    layout.addWidget(_heading(step.title))
    layout.addWidget(_wrapped(step.intro))
    layout.addSpacing(10)
    if step.tags:
        layout.addWidget(_tag_grid(tagset))
    grid = QGridLayout()
    grid.setHorizontalSpacing(18)
    grid.setVerticalSpacing(8)
    for row, (keys, text) in enumerate(step.rows):
        grid.addWidget(key_caps(keys), row, 0)
        grid.addWidget(QLabel(text), row, 1)
    grid.setColumnStretch(1, 1)
    layout.addLayout(grid)
    layout.addStretch(1)
    return page


def tour_pages(tagset: Tagset) -> list[QWidget]:
    steps = tour_steps()
    return [step_page(s, tagset, n, len(steps)) for n, s in enumerate(steps, 1)]


class Pager(QDialog):
    """Pages one after the other: Enter (or →, PgDown) for the next, ← (PgUp) back; the
    first ``setup`` pages take typing and arrows, so only Enter pages on there. ``texts``:
    the last page's button, the hint shown on the tour, Cancel's text before and during
    the tour."""

    def __init__(self, pages: list[QWidget], setup: int, texts: tuple[str, str, str, str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setup, self.texts = setup, texts
        self.stack = QStackedWidget()
        for page in pages:
            self.stack.addWidget(page)
        self.dots = QLabel()
        self.hint = _wrapped("", grey=True)
        self.back = QPushButton(self.tr("< &Back"), autoDefault=False)
        self.next = QPushButton(self.tr("&Next >"), default=True)
        self.cancel = QPushButton(autoDefault=False)
        self.back.clicked.connect(lambda: self.go(-1))
        self.next.clicked.connect(lambda: self.go(1))
        self.cancel.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.dots)
        bottom.addWidget(self.hint, 1)
        for button in (self.cancel, self.back, self.next):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        keys = (("Right", 1), ("Left", -1), ("PgDown", 1), ("PgUp", -1))
        shortcuts = [QShortcut(QKeySequence(k), self, lambda s=s: self.go(s)) for k, s in keys]
        self.arrows = shortcuts[:2]  # on the tour only: the setup pages take arrow keys
        self.resize(800, 480)
        self.show_page(0)

    def go(self, step: int) -> None:
        here = self.stack.currentIndex()
        if step > 0 and not self.next.isEnabled():
            return
        if here + step >= self.stack.count():
            self.accept()
        elif here + step >= 0:
            self.show_page(here + step)

    def show_page(self, n: int) -> None:
        self.stack.setCurrentIndex(n)
        last, touring = n == self.stack.count() - 1, n >= self.setup
        self.back.setEnabled(n > 0)
        self.next.setText(self.texts[0] if last else self.tr("&Next >"))
        self.next.setDefault(True)
        for shortcut in self.arrows:
            shortcut.setEnabled(touring)
        self.cancel.setText(self.texts[3 if touring else 2])
        self.dots.setText(" ".join("●" if i == n else "○" for i in range(self.stack.count())))
        self.hint.setText(self.texts[1] if touring else "")
        self.page_shown(n)

    def page_shown(self, n: int) -> None:
        self.next.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.page_shown(self.stack.currentIndex())  # the focus, now that it can be given


class TourDialog(Pager):
    """Help → Keyboard tour…"""

    def __init__(self, tagset: Tagset, parent: QWidget | None = None):
        super().__init__(tour_pages(tagset), 0, (
            self.tr("&Done"), self.tr("Enter or → next · ← back · Esc closes"), "",
            self.tr("Close")), parent)
        self.setWindowTitle(self.tr("Keyboard tour"))


class FirstRunDialog(Pager):
    """Name, project, then the tour. Esc before the tour cancels (nothing is stored);
    during it, skips the rest of the tour."""

    def __init__(self, name: str, project: Path | str, exists: bool, tagset: Tagset,
                 parent: QWidget | None = None):
        self.name_edit = QLineEdit(name)
        self.demo = QRadioButton()
        self.empty = QRadioButton()
        pages = [self._name_page(), self._project_page(project, exists)]
        super().__init__(pages + tour_pages(tagset), 2, (
            self.tr("&Start annotating"),
            self.tr("Enter or → next · ← back · Esc skips the tour"),
            self.tr("Cancel"), self.tr("Skip tour")), parent)
        self.setWindowTitle(self.tr("Welcome to annotator"))
        self.name_edit.textChanged.connect(lambda _: self._allow_next())

    def _name_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_heading(self.tr("Welcome to annotator")))
        layout.addWidget(_wrapped(self.tr(
            "Tag actors, mechanisms and threats in Chinese texts, review each other's work "
            "and export datasets. First, who is annotating?")))
        layout.addSpacing(12)
        ask = QLabel(self.tr("Your &name:"))
        ask.setBuddy(self.name_edit)
        layout.addWidget(ask)
        self.name_edit.setPlaceholderText(self.tr("Your name or id"))
        layout.addWidget(self.name_edit)
        layout.addWidget(_wrapped(self.tr(
            "It is recorded on every annotation you make, so reviewers can tell "
            "annotators apart."), grey=True))
        layout.addStretch(1)
        return page

    def _project_page(self, project: Path | str, exists: bool) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_heading(self.tr("Your project")))
        self.demo.setText(self.tr("Start with the &demo corpus (5 sample articles)"))
        self.empty.setText(self.tr("Start with an &empty project"))
        group = QButtonGroup(page)
        for button in (self.demo, self.empty):
            group.addButton(button)
            layout.addWidget(button)
            button.setVisible(not exists)
        self.demo.setChecked(True)
        where = self.tr("It is opened from:") if exists else self.tr("It is saved at:")
        layout.addSpacing(10)
        layout.addWidget(_wrapped(where))
        path = QLabel(shown_location(project), wordWrap=True)
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path.setStyleSheet("font-family: monospace;")
        layout.addWidget(path)
        layout.addWidget(_wrapped(self.tr(
            "Every edit is saved there as you make it. File → New project and File → Open "
            "project make and open others; drop files on the window to import them."),
            grey=True))
        layout.addStretch(1)
        return page

    def _allow_next(self) -> None:
        self.next.setEnabled(self.stack.currentIndex() != 0 or bool(self.name()))

    def page_shown(self, n: int) -> None:
        if n == 0:
            self.name_edit.setFocus()
            self.name_edit.selectAll()
        elif n == 1 and self.demo.isVisible():
            (self.demo if self.demo.isChecked() else self.empty).setFocus()
        else:
            self.next.setFocus()
        self._allow_next()

    def reject(self) -> None:
        if self.stack.currentIndex() >= self.setup:
            self.accept()  # Esc during the tour: the choices are made; start
        else:
            super().reject()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def seeds(self) -> bool:
        return self.demo.isChecked()


# --- entry points -------------------------------------------------------------------------
def project_tagset(path: Path | str) -> Tagset:
    """The tagset of an existing project, a file or a team project's server (its keys are
    the ones the tour shows), or the default one that a new project gets."""
    if is_team(path) or Path(path).exists():
        try:
            with open_project(path, read_only=True, check=False) as store:
                return store.tagset() or default_tagset()
        except (AnnotatorError, OSError):
            pass
    return default_tagset()


def first_run(project: Path | str | None = None, parent: QWidget | None = None) -> str | None:
    """The first-run dialog; the name given, once the project chosen is in place (the
    default project created as chosen; ``project``, when given, is opened instead), or
    None when cancelled or the project cannot be made."""
    target = project or default_project_path()
    exists = project is not None or Path(target).exists()
    dialog = FirstRunDialog(os_user_name(), target, exists, project_tagset(target), parent)
    if smoke.requested():  # nobody is there to answer: the defaults, as Start at once
        dialog.name_edit.setText(dialog.name() or smoke.NAME)
    elif dialog.exec() != QDialog.DialogCode.Accepted or not dialog.name():
        return None
    if not exists:
        try:
            default_project(seeds=dialog.seeds())
        except (AnnotatorError, OSError) as e:
            QMessageBox.critical(parent, "annotator", translate(
                "FirstRun", "The project could not be created: {error}").format(error=e))
            return None
    return dialog.name()


def show_tour(window: MainWindow) -> TourDialog:
    """Help → Keyboard tour…"""
    dialog = TourDialog(window.tagset or default_tagset(), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
