"""Document → Check consistency…: the same text tagged differently, tagged here but missed
there, spans that cut a word, the same pair of terms joined by different relation types;
activating a row jumps to the place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from annotator.qt.i18n import QT_TRANSLATE_NOOP
from annotator.review.consistency import Finding, project_findings, summary

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

HEADERS = [QT_TRANSLATE_NOOP("ConsistencyDialog", "Kind"),
           QT_TRANSLATE_NOOP("ConsistencyDialog", "Text"),
           QT_TRANSLATE_NOOP("ConsistencyDialog", "Document"),
           QT_TRANSLATE_NOOP("ConsistencyDialog", "Offset"),
           QT_TRANSLATE_NOOP("ConsistencyDialog", "Detail")]
#: annotator.review.consistency.KINDS, as the window names them
KIND_LABELS = {"tagged differently": QT_TRANSLATE_NOOP("ConsistencyDialog", "tagged differently"),
               "missed elsewhere": QT_TRANSLATE_NOOP("ConsistencyDialog", "missed elsewhere"),
               "cuts a word": QT_TRANSLATE_NOOP("ConsistencyDialog", "cuts a word"),
               "related differently": QT_TRANSLATE_NOOP("ConsistencyDialog",
                                                        "related differently")}
#: the same, counted ("2 tagged differently"; English's forms of "cut(s)" are made by hand
#: in tools/make_translations.py)
COUNTED = {"tagged differently": QT_TRANSLATE_NOOP("ConsistencyDialog", "%n tagged differently"),
           "missed elsewhere": QT_TRANSLATE_NOOP("ConsistencyDialog", "%n missed elsewhere"),
           "cuts a word": QT_TRANSLATE_NOOP("ConsistencyDialog", "%n cut(s) a word"),
           "related differently": QT_TRANSLATE_NOOP("ConsistencyDialog",
                                                    "%n related differently")}
translate = QCoreApplication.translate


def counts_text(findings: list[Finding]) -> str:
    """"5 findings: 2 tagged differently, 3 cut a word" (each count in its plural form)."""
    counts = translate("ConsistencyDialog", ", ", "list separator").join(
        translate("ConsistencyDialog", COUNTED[kind], "", n)
        for kind, n in summary(findings).items() if n)
    n = len(findings)
    if counts:
        return translate("ConsistencyDialog", "%n finding(s): {counts}", "", n).format(
            counts=counts)
    return translate("ConsistencyDialog", "%n finding(s)", "", n)


class ConsistencyDialog(QDialog):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Consistency"))
        blind = window.editor.blind  # while it binds me: my own spans only
        self.findings = project_findings(window.store, blind.me if blind.binding else None)
        self.table = QTableWidget(len(self.findings), len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        for r, f in enumerate(self.findings):
            for c, value in enumerate((self.kind(f.kind), f.form, f.title, str(f.start),
                                       f.detail)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(counts_text(self.findings)))
        layout.addWidget(self.table)
        self.resize(900, 480)
        self.table.cellActivated.connect(self.jump)
        self.table.cellDoubleClicked.connect(self.jump)

    def kind(self, kind: str) -> str:
        return self.tr(KIND_LABELS[kind]) if kind in KIND_LABELS else kind

    def jump(self, row: int, _column: int = 0) -> None:
        f = self.findings[row]
        self.window_.jump_to(f.doc_id, f.start, f.end)
