"""Desktop integration: the .desktop file and AppStream metainfo validate, the ids agree,
the MIME type recognises project files (by name and by content), the icons are the sizes
they claim, and install-linux.sh installs (and removes) it all for the user."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from configparser import ConfigParser
from pathlib import Path

import pytest
from lxml import etree
from needs import need

from annotator.resources import APP_ID, PROJECT_SUFFIX
from annotator.store.schema import APPLICATION_ID

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
MIME = PACKAGING / f"{APP_ID}.xml"
HICOLOR = PACKAGING / "icons" / "hicolor"
SIZES = (16, 32, 48, 64, 128, 256, 512)
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def tool(name: str) -> str:
    path = shutil.which(name)
    need(path is not None, f"{name} (Debian: desktop-file-utils / appstream / "
                           "shared-mime-info)")
    assert path is not None
    return path


def desktop_entry(path: Path = DESKTOP) -> dict[str, str]:
    parser = ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def mime_type() -> etree._Element:
    return etree.parse(str(MIME)).getroot().find("m:mime-type", MIME_NS)


# --- validators ------------------------------------------------------------------------------
def test_desktop_file_validates_without_hints():
    result = subprocess.run([tool("desktop-file-validate"), str(DESKTOP)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout


def test_appstream_metainfo_validates_without_warnings():
    result = subprocess.run([tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:", "I:")]
    assert problems == []


# --- the pieces agree ------------------------------------------------------------------------
def test_ids_icon_and_mime_type_agree():
    entry = desktop_entry()
    meta = etree.parse(str(METAINFO)).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert entry["Icon"] == APP_ID
    project_type = mime_type().get("type")
    assert entry["MimeType"] == f"{project_type};"
    assert meta.findtext("provides/mediatype") == project_type
    assert meta.findtext("provides/binary") == entry["TryExec"] == "annotator"
    assert entry["Exec"] == "annotator open %f"  # `open` without a file: the default project


def test_newest_release_is_this_version():
    from annotator import __version__

    releases = etree.parse(str(METAINFO)).getroot().findall("releases/release")
    assert releases[0].get("version") == __version__


def test_screenshot_is_the_readme_screenshot():
    url = etree.parse(str(METAINFO)).getroot().findtext("screenshots/screenshot/image")
    assert url.startswith("https://") and url.endswith("/docs/screenshot.png")
    assert (ROOT / "docs" / "screenshot.png").is_file()


def test_mime_magic_is_a_project_files_header():
    """'SQLite format 3' at 0 and our PRAGMA application_id, big-endian, at 68."""
    node = mime_type()
    assert node.find("m:glob", MIME_NS).get("pattern") == f"*{PROJECT_SUFFIX}"
    outer = node.find("m:magic/m:match", MIME_NS)
    inner = outer.find("m:match", MIME_NS)
    assert (outer.get("value"), outer.get("offset")) == ("SQLite format 3", "0")
    assert (inner.get("type"), int(inner.get("value"), 16), inner.get("offset")) == (
        "big32", APPLICATION_ID, "68")


def test_mime_type_recognises_projects_by_name_and_by_content(tmp_path):
    """The installed type, as Qt (and so the file dialogs) sees it: a project by its
    suffix, a renamed project by its header, a plain SQLite file not at all."""
    tool("update-mime-database")
    from annotator.project import create_project

    packages = tmp_path / "share" / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages)
    subprocess.run(["update-mime-database", str(packages.parent)], check=True)
    create_project(tmp_path / "p.annotator", seeds=False)[0].close()
    shutil.copy(tmp_path / "p.annotator", tmp_path / "renamed.db")
    header = bytearray((tmp_path / "p.annotator").read_bytes())
    header[68:72] = b"\0\0\0\0"  # application_id 0: some other SQLite database
    (tmp_path / "plain.db").write_bytes(bytes(header))
    code = ("import sys\nfrom PySide6.QtCore import QCoreApplication, QMimeDatabase\n"
            "app = QCoreApplication([])\n"
            "for f in sys.argv[1:]: print(QMimeDatabase().mimeTypeForFile(f).name())\n")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}
    out = subprocess.run([sys.executable, "-c", code, *(str(tmp_path / n) for n in
                          ("p.annotator", "renamed.db", "plain.db"))],
                         env=env, capture_output=True, text=True, check=True).stdout.split()
    ours = mime_type().get("type")
    assert out == [ours, ours, "application/vnd.sqlite3"]


# --- icons -----------------------------------------------------------------------------------
def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_icon_set_has_every_size_and_the_svg():
    svg = etree.parse(str(HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg")).getroot()
    assert svg.get("viewBox") == "0 0 128 128"
    for size in SIZES:
        png = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(png) == (size, size)


def test_icon_pngs_are_the_svg_rendered(qapp):
    """Each PNG is what packaging/render_icons.py makes of the SVG now (re-run it after
    editing the SVG): not stale, not blank."""
    from PySide6.QtGui import QImage

    sys.path.insert(0, str(PACKAGING))
    try:
        import render_icons
    finally:
        sys.path.remove(str(PACKAGING))
    svg = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    for size in (16, 64, 256):
        fresh = render_icons.render(svg, size).convertToFormat(QImage.Format.Format_RGBA8888)
        stored = QImage(str(HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        stored = stored.convertToFormat(QImage.Format.Format_RGBA8888)
        a, b = bytes(fresh.constBits()), bytes(stored.constBits())
        assert len(a) == len(b) == size * size * 4
        # the same picture, give or take a renderer's rounding
        assert sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a) < 1.0
        assert len({a[i:i + 4] for i in range(0, len(a), 4)}) > 8  # not a blank square


# --- the user install ------------------------------------------------------------------------
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktop integration")
def test_install_script_installs_for_the_user_and_uninstalls(tmp_path):
    program = tmp_path / "bin" / "annotator"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    data = tmp_path / "share"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(data)}
    script = PACKAGING / "install-linux.sh"
    subprocess.run(["sh", str(script), "--exec", str(program)], env=env, check=True,
                   capture_output=True)
    installed = data / "applications" / DESKTOP.name
    entry = desktop_entry(installed)
    assert entry["Exec"] == f"{program} open %f" and entry["TryExec"] == str(program)
    assert (data / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    assert (data / "mime" / "packages" / MIME.name).is_file()
    for size in SIZES:
        assert png_size(data / "icons/hicolor" / f"{size}x{size}/apps/{APP_ID}.png") == (
            size, size)
    if shutil.which("update-mime-database"):
        assert f"{mime_type().get('type')}:*{PROJECT_SUFFIX}" in (
            data / "mime" / "globs2").read_text()
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(installed)], check=True)

    subprocess.run(["sh", str(script), "--uninstall"], env=env, check=True,
                   capture_output=True)
    assert not installed.exists() and not list(data.rglob(f"{APP_ID}.*"))


def test_install_script_refuses_a_missing_program(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share"),
           "PATH": "/usr/bin:/bin"}
    result = subprocess.run(["sh", str(PACKAGING / "install-linux.sh"), "--exec",
                             str(tmp_path / "nothing")], env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert "no annotator program found" in result.stderr
    assert not (tmp_path / "share" / "applications").exists()
