"""The window's dialogs: projects, import, annotators shown, keyboard sheet.
Each is a function of the main window, called from its menu entry."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from annotator.core.errors import AnnotatorError
from annotator.formats import kinds
from annotator.project import create_project
from annotator.qt.actions import shortcut_table
from annotator.resources import PROJECT_SUFFIX
from annotator.store import is_team

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

translate = QCoreApplication.translate


def project_filter() -> str:
    return translate("Dialogs", "annotator projects ({patterns});;All files (*)").format(
        patterns=kinds.patterns(kinds.PROJECT_SUFFIXES))


def open_path(window: MainWindow, path: Path | str) -> None:
    """Open a project file (locked; read-only or a backup offered when it cannot be) or a
    team project (by its address) in place of the current project."""
    from annotator.qt.safety import open_store

    current = window.store.path
    if is_team(path):
        if path == window.store.location:
            window.statusBar().showMessage(
                translate("Dialogs", "{name} is already open.").format(name=path), 4000)
            return
    elif current is not None and current.resolve() == Path(path).resolve():
        window.statusBar().showMessage(translate("Dialogs", "{name} is already open.").format(
            name=Path(path).name), 4000)
        return
    store = open_store(window, path, window.session.annotator)
    if store is not None:
        window.switch_project(store)


def open_project(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, translate("Dialogs", "Open project"), "",
                                          project_filter())
    if path:
        open_path(window, Path(path))


def new_project(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(window, translate("Dialogs", "New project"),
                                          f"study{PROJECT_SUFFIX}", project_filter())
    if not path:
        return
    seeds = QMessageBox.question(
        window, translate("Dialogs", "New project"),
        translate("Dialogs", "Start with the demo corpus (five articles)?")
    ) == QMessageBox.StandardButton.Yes
    try:
        create_project(Path(path), seeds=seeds)[0].close()
    except AnnotatorError as e:
        QMessageBox.warning(window, "annotator", str(e))
        return
    open_path(window, Path(path))


def import_files(window: MainWindow) -> None:
    paths, _ = QFileDialog.getOpenFileNames(
        window, translate("Dialogs", "Import files"), "", translate(
            "Dialogs", "Texts and datasets ({patterns});;All files (*)").format(
            patterns=kinds.patterns(kinds.IMPORT_SUFFIXES)))
    if not paths:
        return
    from annotator.qt.importdialog import run_import

    run_import(window, [Path(p) for p in paths])


def merge(window: MainWindow) -> None:
    paths, _ = QFileDialog.getOpenFileNames(
        window, translate("Dialogs", "Merge annotators' work"), "", translate(
            "Dialogs", "Projects and exports ({patterns});;All files (*)").format(
            patterns=kinds.patterns(kinds.MERGE_SUFFIXES)))
    if paths:
        from annotator.qt.importdialog import run_merge

        run_merge(window, [Path(p) for p in paths])


def agreement(window: MainWindow) -> None:
    from annotator.qt.agreementdialog import AgreementDialog

    dialog = AgreementDialog(window)
    dialog.show()


def consistency(window: MainWindow) -> None:
    from annotator.qt.consistencydialog import ConsistencyDialog

    ConsistencyDialog(window).show()


def export(window: MainWindow) -> None:
    from annotator.qt.exportdialog import ExportDialog

    ExportDialog(window).exec()


def checklist(parent, title: str, label: str, entries: Sequence[tuple[str, object]],
              size: tuple[int, int] = (420, 360)) -> list | None:
    """A list of ticked entries (text, value) to untick; the values still ticked on OK,
    or None on Cancel."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    listing = QListWidget()
    for text, value in entries:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setCheckState(Qt.CheckState.Checked)
        listing.addItem(item)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    if label:
        layout.addWidget(QLabel(label))
    layout.addWidget(listing)
    layout.addWidget(buttons)
    dialog.resize(*size)
    if not dialog.exec():
        return None
    items = [listing.item(i) for i in range(listing.count())]
    return [item.data(Qt.ItemDataRole.UserRole) for item in items
            if item and item.checkState() == Qt.CheckState.Checked]


def with_role(annotator) -> str:
    """An annotator as lists show them: ``Lin (annotator)``, the role translated."""
    role = {"annotator": translate("Dialogs", "annotator"),
            "reviewer": translate("Dialogs", "reviewer")}.get(annotator.role, annotator.role)
    return translate("Dialogs", "{name} ({role})").format(name=annotator.name, role=role)


def choose_annotators(window: MainWindow) -> None:
    chosen = checklist(window, translate("Dialogs", "Annotators shown"), "",
                       [(with_role(a), a.id) for a in window.store.annotators()])
    if chosen is not None:
        window.set_shown(frozenset(chosen))


def shortcuts_sheet(window: MainWindow) -> None:
    rows = shortcut_table(window.tagset)
    dialog = QDialog(window)
    dialog.setWindowTitle(translate("Dialogs", "Keyboard shortcuts"))
    table = QTableWidget(len(rows), 2)
    table.setHorizontalHeaderLabels([translate("Dialogs", "Keys"), translate("Dialogs", "Does")])
    for i, (keys, text) in enumerate(rows):
        table.setItem(i, 0, QTableWidgetItem(keys))
        table.setItem(i, 1, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    dialog.resize(640, 600)
    dialog.exec()
