"""Help → About annotator: versions, annotator's licence, and the bundled components read
from the notices in LICENSES/ (parsed, ordered, each shown in full when chosen)."""

from __future__ import annotations

import platform
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

import PySide6  # noqa: E402
from PySide6.QtCore import Qt, QTimer, qVersion  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator import __version__  # noqa: E402
from annotator.qt import about  # noqa: E402
from annotator.resources import APP_ID, licenses_dir  # noqa: E402

HEADER = "Component: Thing\nDistribution: a-thing, b_thing\nLicense: MIT\nHomepage: https://x\n"


def test_parse_notice_reads_the_header_and_keeps_the_text():
    notice = about.parse_notice(HEADER + "\nThe licence\n\nsecond paragraph\n")
    assert (notice.component, notice.license, notice.homepage) == ("Thing", "MIT", "https://x")
    assert notice.distributions == ("a-thing", "b_thing")
    assert notice.text == "The licence\n\nsecond paragraph"


@pytest.mark.parametrize("text, problem", [
    ("Component: Thing\n\ntext", "no 'License:' line"),
    ("Component: Thing\nLicense MIT\n\ntext", "header line without 'Key: value'"),
])
def test_parse_notice_names_the_file_and_the_problem(text, problem):
    with pytest.raises(ValueError, match=f"bad.txt: .*{problem}"):
        about.parse_notice(text, Path("bad.txt"))


def test_shipped_notices_annotator_python_and_qt_first():
    notices = about.read_notices(licenses_dir())
    names = [n.component for n in notices]
    assert names[:3] == ["annotator", "Python", "Qt for Python (PySide6) and Qt 6"]
    assert names[3:] == sorted(names[3:], key=str.casefold)
    assert all(n.license and len(n.text) > 100 for n in notices)
    qt = notices[2]
    assert qt.license == "LGPL-3.0-only" and "download.qt.io" in qt.source
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt.text and "Version 3" in qt.text


def test_tei_notice_includes_the_schema_notice():
    tei = next(n for n in about.read_notices(licenses_dir()) if n.component.startswith("TEI"))
    text = about.full_text(tei)
    assert "BSD-2" in tei.license and "Redistribution and use" in text
    assert "sha256: b0f115095ead" in text  # schemas/tei_all.NOTICE.md, appended


def test_component_versions():
    by_name = {n.component: n for n in about.read_notices(licenses_dir())}
    assert about.component_version(by_name["annotator"]) == __version__
    assert about.component_version(by_name["Python"]) == platform.python_version()
    assert about.component_version(by_name["Qt for Python (PySide6) and Qt 6"]) == \
        PySide6.__version__
    assert about.component_version(about.parse_notice(
        "Component: Gone\nDistribution: no-such-distribution\nLicense: MIT\n\nx")) == ""


def test_brand_gives_version_icon_and_desktop_file_name(qapp):
    about.brand()
    assert qapp.applicationVersion() == __version__
    assert QGuiApplication.desktopFileName() == APP_ID
    assert not qapp.windowIcon().isNull()
    assert qapp.windowIcon().pixmap(64, 64).width() == 64


def _when_dialog_opens(qtbot, check):
    """Run ``check(dialog)`` once the modal About dialog is showing, then close it."""
    seen = []

    def inspect():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, inspect)
            return
        try:
            check(dialog)
            seen.append(dialog)
        finally:
            dialog.reject()

    QTimer.singleShot(0, inspect)
    return seen


def test_about_from_the_help_menu(seed_window, qtbot):
    notices = about.read_notices(licenses_dir())

    def check(dialog):
        assert isinstance(dialog, about.AboutDialog)
        summary = dialog.summary.text()
        for part in (f"annotator {__version__}", platform.python_version(), qVersion(),
                     PySide6.__version__, "MIT licence", "LGPL version 3"):
            assert part in summary, part
        table = dialog.table
        assert table.rowCount() == len(notices)
        assert [table.item(0, c).text() for c in range(3)] == ["annotator", __version__, "MIT"]
        assert "MIT License" in dialog.text.toPlainText()  # row 0 is shown at once
        qtbot.keyClick(table, Qt.Key.Key_Down)
        qtbot.keyClick(table, Qt.Key.Key_Down)  # the keyboard walks the rows
        assert table.item(table.currentRow(), 0).text().startswith("Qt for Python")
        shown = dialog.text.toPlainText()
        assert shown.startswith("Homepage: https://www.qt.io/qt-for-python\nSource: https://")
        assert "GNU LESSER GENERAL PUBLIC LICENSE" in shown

    seen = _when_dialog_opens(qtbot, check)
    seed_window.acts["about"].trigger()
    assert len(seen) == 1


def test_about_without_notices_still_shows_the_version(seed_window, qtbot, monkeypatch):
    def missing():
        raise FileNotFoundError("annotator's 'LICENSES' folder is missing")

    monkeypatch.setattr(about, "licenses_dir", missing)

    def check(dialog):
        assert dialog.table.rowCount() == 0
        assert f"annotator {__version__}" in dialog.summary.text()

    seen = _when_dialog_opens(qtbot, check)
    seed_window.acts["about"].trigger()
    assert len(seen) == 1
