"""Guidelines in the tool: the Guidelines pane shows the definition and examples of the
tag in question — the selected span's, or the palette row under the mouse — above the
project guidelines (Markdown, rendered), which reviewers edit (Document → Edit
guidelines…). Each save is a new version; spans made afterwards record it. The palette's
tooltips carry the same definition and examples."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.core.tagset import Tag
from annotator.core.workflow import GuidelinesVersion
from annotator.qt import i18n

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

translate = QCoreApplication.translate


def examples(tag: Tag, lang: str) -> list[str]:
    """The tag's example terms in ``lang`` (else in any language it has)."""
    return list(tag.examples.get(lang) or next(iter(tag.examples.values()), ()))


def _joined(terms: list[str], lang: str) -> str:
    return ("、" if lang.startswith("zh") else ", ").join(terms)


def tag_tooltip(tag: Tag, lang: str | None = None) -> str:
    """A palette row's tooltip: the definition and the examples."""
    lang = lang or i18n.tag_lang()
    found = examples(tag, lang)
    terms = translate("Guidelines", "Examples: {terms}").format(
        terms=_joined(found[:8], lang)) if found else ""
    return "\n\n".join(t for t in (i18n.pick(tag.definition, lang), terms) if t)


class GuidelinesPane(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.tag = QTextBrowser()
        self.tag.setOpenLinks(False)
        self.shown_html = self.wanted_html = ""
        self.version = QLabel()
        self.project = QTextBrowser()
        self.project.setOpenExternalLinks(True)
        self.edit = QPushButton(self.tr("Edit guidelines…"))
        self.edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lower = QWidget()
        box = QVBoxLayout(lower)
        box.setContentsMargins(0, 0, 0, 0)
        for w in (self.version, self.project, self.edit):
            box.addWidget(w)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tag)
        split.addWidget(lower)
        split.setSizes([200, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        for w in (self.tag, self.project):
            w.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.show_tag(None)
        self.show_guidelines(None)

    def show_tag(self, tag: Tag | None, group: str = "") -> None:
        """The tag's definition; laid out only when it changes, and only once the pane is
        seen (it usually sits behind the palette's tab: an edit then lays out nothing)."""
        self.wanted_html = self._tag_html(tag, group)
        if not self.visibleRegion().isEmpty():  # a dock behind a tab is moved off screen
            self.lay_out()

    def lay_out(self) -> None:
        """Show the definition last asked for (when the pane comes into view)."""
        if self.wanted_html != self.shown_html:
            self.shown_html = self.wanted_html
            self.tag.setHtml(self.shown_html)

    def _tag_html(self, tag: Tag | None, group: str) -> str:
        if tag is None:
            return html.escape(self.tr("Select a span, or point at a tag in the palette, to "
                                       "see its definition here."))
        lang = i18n.tag_lang()
        key_word, examples_word = self.tr("key"), self.tr("Examples")
        key = f" · {key_word} {html.escape(tag.hotkey.upper())}" if tag.hotkey else ""
        found = examples(tag, lang)
        terms = f"<p><b>{html.escape(examples_word)}:</b> " \
                f"{html.escape(_joined(found, lang))}</p>" if found else ""
        return (f"<h3>{html.escape(i18n.tag_text(tag, lang))}</h3>"
                f"<p><i>{html.escape(group)}</i>{key} · <code>{tag.id}</code></p>"
                f"<p>{html.escape(i18n.pick(tag.definition, lang))}</p>{terms}")

    def show_guidelines(self, current: GuidelinesVersion | None) -> None:
        if current is None:
            self.version.setText(self.tr("No project guidelines yet."))
            self.project.setMarkdown("")
            return
        self.version.setText(self.tr("Version {n} · {author} · {when}").format(
            n=current.version, author=current.author, when=i18n.when(current.created)))
        self.project.setMarkdown(current.text)


class GuidelinesDialog(QDialog):
    """The project guidelines in Markdown, with a live preview."""

    def __init__(self, parent, text: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit guidelines"))
        self.text = QPlainTextEdit(text)
        self.preview = QTextBrowser()
        self.text.textChanged.connect(lambda: self.preview.setMarkdown(self.text.toPlainText()))
        self.preview.setMarkdown(text)
        note = QLabel(self.tr("Markdown. Saving makes a new version; spans made from then on "
                              "record it, and exports carry every version."), wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.text)
        split.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(1000, 640)


# --- the window's side ----------------------------------------------------------------------
def pane(window: MainWindow) -> GuidelinesPane:
    """The Guidelines dock's pane."""
    found = window.docks["guidelines"].widget()
    assert isinstance(found, GuidelinesPane)
    return found


def wire(window: MainWindow) -> None:
    from annotator.qt.safety import guard

    pane(window).edit.clicked.connect(guard(window, lambda: edit(window)))
    window.docks["guidelines"].visibilityChanged.connect(
        lambda seen: pane(window).lay_out() if seen else None)
    tree = window.tag_palette.tree
    tree.setMouseTracking(True)  # the pane follows the palette row under the mouse
    tree.itemEntered.connect(
        lambda item, _col: show_tag(window, item.data(0, Qt.ItemDataRole.UserRole)))


def show_tag(window: MainWindow, tag_id: str | None) -> None:
    tag = window.tags.get(tag_id) if tag_id else None
    group = ""
    if tag is not None and window.tagset is not None:
        group = window.tagset.group(tag.group).name(i18n.tag_lang())
    pane(window).show_tag(tag, group)


def refresh(window: MainWindow) -> None:
    """The project guidelines as stored now (a reviewer may have saved a new version)."""
    window.session.read_guidelines()
    shown = pane(window)
    shown.show_guidelines(window.store.guidelines())
    shown.edit.setEnabled(window.session.reviews and not window.store.read_only)
    window.acts["guidelines"].setEnabled(shown.edit.isEnabled())


def edit(window: MainWindow) -> None:
    """Document → Edit guidelines…: a new version, when the text changed."""
    current = window.store.guidelines()
    dialog = GuidelinesDialog(window, current.text if current else "")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    made = window.store.set_guidelines(dialog.text.toPlainText(), window.session.annotator.id)
    refresh(window)
    window.statusBar().showMessage(translate("Guidelines", "Guidelines version {n} saved; "
                                             "new spans record it.").format(n=made.version),
                                   6000)
    show_dock(window)


def show_dock(window: MainWindow) -> None:
    window.docks["guidelines"].show()
    window.docks["guidelines"].raise_()
