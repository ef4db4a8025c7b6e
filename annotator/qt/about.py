"""Help → About annotator: the version, the versions of Python, Qt and PySide6, annotator's
licence, and every bundled component with its licence, read from the notices in LICENSES/
(a component's full notice shows when its row is chosen). Also :func:`brand`, which gives
the application its version, icon and desktop-file name at start.
"""

from __future__ import annotations

import contextlib
import html
import importlib.metadata
import platform
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from annotator import __version__
from annotator.resources import APP_ID, icon_path, licenses_dir, resource_dir

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow

FIRST = ("annotator", "Python", "Qt for Python")  # listed first, in this order; then A-Z
RUNTIME_VERSIONS = {"Python": platform.python_version, "SQLite": lambda: sqlite3.sqlite_version}


@dataclass(frozen=True)
class Notice:
    """One LICENSES/*.txt file: ``Key: value`` header lines, a blank line, the text."""

    component: str
    license: str
    text: str
    distributions: tuple[str, ...] = ()
    homepage: str = ""
    source: str = ""
    notice_file: str = ""  # another notice shipped with the component, e.g. the TEI one
    path: Path | None = None


def parse_notice(text: str, path: Path | None = None) -> Notice:
    head, _, body = text.replace("\r\n", "\n").partition("\n\n")
    fields: dict[str, str] = {}
    for line in head.splitlines():
        key, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"{path or 'notice'}: header line without 'Key: value': {line!r}")
        fields[key.strip().lower()] = value.strip()
    for key in ("component", "license"):
        if not fields.get(key):
            raise ValueError(f"{path or 'notice'}: no '{key.title()}:' line in its header")
    dists = tuple(d.strip() for d in fields.get("distribution", "").split(",") if d.strip())
    return Notice(fields["component"], fields["license"], body.strip(), dists,
                  fields.get("homepage", ""), fields.get("source", ""), fields.get("notice", ""),
                  path)


def _order(notice: Notice) -> tuple[int, str]:
    first = [i for i, name in enumerate(FIRST) if notice.component.startswith(name)]
    return (first[0] if first else len(FIRST), notice.component.casefold())


def read_notices(folder: Path) -> list[Notice]:
    """Every notice in ``folder``: annotator, Python and Qt first, then by name."""
    notices = [parse_notice(p.read_text(encoding="utf-8"), p) for p in folder.glob("*.txt")]
    return sorted(notices, key=_order)


def component_version(notice: Notice) -> str:
    """The version installed (or bundled) of the notice's component; "" when unknown."""
    if notice.component == "annotator":
        return __version__
    if notice.component in RUNTIME_VERSIONS:
        return RUNTIME_VERSIONS[notice.component]()
    for dist in notice.distributions:
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            continue
    return ""


def full_text(notice: Notice) -> str:
    """The notice's text, followed by the other notice file it names (if shipped)."""
    parts = [notice.text]
    if notice.notice_file:
        folder, _, name = notice.notice_file.partition("/")
        with contextlib.suppress(OSError):  # not shipped in this installation
            parts.append((resource_dir(folder) / name).read_text(encoding="utf-8"))
    return "\n\n".join(parts)


def runtime_line() -> str:
    return QCoreApplication.translate(
        "About", "Python {python} · Qt {qt} · PySide6 {pyside} · {system}").format(
        python=platform.python_version(), qt=qVersion(), pyside=PySide6.__version__,
        system=f"{platform.system()} {platform.machine()}")


def brand() -> None:
    """Version, window icon and desktop-file name (which links windows to the .desktop
    file on Wayland), set once at start."""
    QGuiApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    if (icon := icon_path()) is not None:
        QGuiApplication.setWindowIcon(QIcon(str(icon)))


class AboutDialog(QDialog):
    def __init__(self, notices: list[Notice], parent=None):
        super().__init__(parent)
        self.notices = notices
        self.setWindowTitle(self.tr("About annotator"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(QLabel(self.tr("<b>Bundled components</b> — choose one to read its "
                                        "licence:")))
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = self._table()
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        split.addWidget(self.table)
        split.addWidget(self.text)
        split.setSizes([220, 200])
        layout.addWidget(split, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_notice(row))
        if notices:
            self.table.selectRow(0)
        self.resize(720, 620)

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(QGuiApplication.windowIcon().pixmap(72, 72))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(icon)
        self.summary = QLabel(self._summary_html())
        self.summary.setWordWrap(True)
        self.summary.setOpenExternalLinks(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        row.addWidget(self.summary, 1)
        return row

    def _summary_html(self) -> str:
        return (
            f"<h2 style='margin:0'>annotator {html.escape(__version__)}</h2>"
            + self.tr("<p>Tag actors, mechanisms and threats in Chinese security-cooperation "
                      "texts; review; export TEI and JSON.<br>在中文安全合作文本中标注行为体、机制"
                      "与威胁。</p>")
            + f"<p>{html.escape(runtime_line())}</p>"
            + self.tr("<p>annotator is free software under the MIT licence. It is built with "
                      "Qt and Qt for Python (PySide6), used under the GNU LGPL version 3: "
                      "their notice below says where to get their source code. The TEI P5 "
                      "schema is © the TEI Consortium (CC-BY / BSD-2).</p>"))

    def _table(self) -> QTableWidget:
        headers = [self.tr("Component"), self.tr("Version"), self.tr("Licence")]
        table = QTableWidget(len(self.notices), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        for row, notice in enumerate(self.notices):
            cells = [notice.component, component_version(notice) or "—", notice.license]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(notice.homepage)
                table.setItem(row, col, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def show_notice(self, row: int) -> None:
        if 0 <= row < len(self.notices):
            notice = self.notices[row]
            links = "\n".join(line.format(url=url) for line, url in
                              ((self.tr("Homepage: {url}"), notice.homepage),
                               (self.tr("Source: {url}"), notice.source)) if url)
            self.text.setPlainText(f"{links}\n\n{full_text(notice)}" if links
                                   else full_text(notice))
            self.text.moveCursor(self.text.textCursor().MoveOperation.Start)


def installed_notices() -> list[Notice]:
    try:
        return read_notices(licenses_dir())
    except (OSError, ValueError):  # a damaged installation still shows its version
        return []


def show_about(window: MainWindow) -> None:
    AboutDialog(installed_notices(), window).exec()
