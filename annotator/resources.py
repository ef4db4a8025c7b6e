"""Where the shipped files are: the seed corpus and the schemas.

In a source checkout (and an editable install) they sit at the repository root; in a
PyInstaller bundle under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "annotator"
PROJECT_SUFFIX = ".annotator"


def _roots() -> list[Path]:
    roots = []
    if hasattr(sys, "_MEIPASS"):
        roots.append(Path(sys._MEIPASS))
    roots.append(Path(__file__).resolve().parents[1])
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


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_project_path() -> Path:
    return data_dir() / f"default{PROJECT_SUFFIX}"
