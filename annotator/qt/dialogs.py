"""The window's dialogs: projects, import, annotators shown, keyboard sheet, about."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from annotator import __version__
from annotator.core.errors import AnnotatorError
from annotator.project import create_project, import_paths
from annotator.qt.actions import shortcut_table
from annotator.resources import PROJECT_SUFFIX
from annotator.store import Store

PROJECT_FILTER = f"annotator projects (*{PROJECT_SUFFIX} *.db);;All files (*)"


class ProjectDialogs:
    """Mixed into the main window; each method is a menu entry."""

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", "", PROJECT_FILTER)
        if path:
            self.switch_project(lambda: Store.open(path))

    def new_project_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New project", f"study{PROJECT_SUFFIX}",
                                              PROJECT_FILTER)
        if not path:
            return
        seeds = QMessageBox.question(
            self, "New project", "Start with the demo corpus (five articles)?"
        ) == QMessageBox.StandardButton.Yes
        self.switch_project(lambda: create_project(Path(path), seeds=seeds)[0])

    def switch_project(self, opener) -> None:
        try:
            store = opener()
        except AnnotatorError as e:
            QMessageBox.warning(self, "annotator", str(e))
            return
        old = self.store
        self.set_project(store, self.session.annotator)
        old.close()

    def import_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import files", "", "Texts (*.txt *.text *.html *.htm *.json *.jsonl);;"
            "All files (*)")
        if not paths:
            return
        report = import_paths(self.store, paths, imported_by=self.session.annotator.id)
        self.refresh_documents()
        summary = (f"{len(report.added)} imported, {len(report.duplicates)} already present, "
                   f"{len(report.errors)} refused")
        details = "\n".join(report.lines())
        box = QMessageBox(QMessageBox.Icon.Information if not report.errors
                          else QMessageBox.Icon.Warning, "Import", summary, parent=self)
        box.setDetailedText(details)
        box.exec()

    def choose_annotators_dialog(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle("Annotators shown")
        listing = QListWidget()
        for a in self.store.annotators():
            item = QListWidgetItem(f"{a.name} ({a.role})")
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setCheckState(Qt.CheckState.Checked)
            listing.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(listing)
        layout.addWidget(buttons)
        if dialog.exec():
            chosen = frozenset(listing.item(i).data(Qt.ItemDataRole.UserRole)
                               for i in range(listing.count())
                               if listing.item(i).checkState() == Qt.CheckState.Checked)
            self.set_shown(chosen)

    def show_shortcuts(self) -> None:
        rows = shortcut_table(self.tagset)
        dialog = QDialog(self)
        dialog.setWindowTitle("Keyboard shortcuts")
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels(["Keys", "Does"])
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

    def show_about(self) -> None:
        QMessageBox.about(self, "About annotator", (
            f"<b>annotator {__version__}</b><p>Tag actors, mechanisms and threats in Chinese "
            "security-cooperation texts; review; export TEI and JSON.</p>"
            "<p>Built with Qt for Python (PySide6, LGPLv3). TEI P5 schema © TEI Consortium "
            "(CC-BY 3.0 / BSD-2).</p>"))


def ask_identity(parent=None) -> str | None:
    name, ok = QInputDialog.getText(
        parent, "Who is annotating?",
        "Your name or id. It is recorded on every annotation you make:")
    return name.strip() if ok and name.strip() else None
