"""Where the shipped files are: the seed corpus, the schemas, the licence notices, the icon.

In a source checkout (and an editable install) they sit at the repository root; in an
installed wheel under ``annotator/data/`` (setup.py copies them there at build time); in a
PyInstaller bundle under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "annotator"
APP_ID = "io.github.annotator.Annotator"  # desktop file, AppStream id, icon name
PROJECT_SUFFIX = ".annotator"
ICON_FOLDERS = ("icons", "packaging/icons/hicolor/scalable/apps")  # shipped; a checkout


def _roots() -> list[Path]:
    roots = []
    if hasattr(sys, "_MEIPASS"):
        roots.append(Path(sys._MEIPASS))
    here = Path(__file__).resolve().parent
    roots += [here / "data", here.parent]  # a wheel's package data; a checkout's root
    return roots


def resource_dir(name: str) -> Path:
    for root in _roots():
        if (root / name).is_dir():
            return root / name
    raise FileNotFoundError(f"annotator's '{name}' folder is missing from this installation")


def seeds_dir() -> Path:
    return resource_dir("seeds")


def schemas_dir() -> Path:
    return resource_dir("schemas")


def licenses_dir() -> Path:
    return resource_dir("LICENSES")


def icon_path() -> Path | None:
    """The app icon (SVG), or None when this installation has none."""
    for root in _roots():
        for folder in ICON_FOLDERS:
            if (path := root / folder / f"{APP_ID}.svg").is_file():
                return path
    return None


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_project_path() -> Path:
    return data_dir() / f"default{PROJECT_SUFFIX}"
