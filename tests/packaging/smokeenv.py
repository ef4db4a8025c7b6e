"""A fresh user for a smoke run: HOME and the XDG folders in a temporary folder, and the
annotator's name already stored (QSettings' file), so no first-run dialog waits."""

from __future__ import annotations

import os
from pathlib import Path


def fresh_user(home: Path, name: str = "Smoke Test") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    folders = {"XDG_CONFIG_HOME": home / "config", "XDG_DATA_HOME": home / "data",
               "XDG_CACHE_HOME": home / "cache", "XDG_RUNTIME_DIR": home / "runtime"}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    folders["XDG_RUNTIME_DIR"].chmod(0o700)
    settings = folders["XDG_CONFIG_HOME"] / "annotator" / "annotator.conf"
    settings.parent.mkdir()
    settings.write_text(f"[annotator]\nname={name}\nid=smoke\n", encoding="utf-8")
    env.update({k: str(v) for k, v in folders.items()})
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", ANNOTATOR_SMOKE="1",
               LANG="C.UTF-8")
    return env


def default_project(home: Path) -> Path:
    return home / "data" / "annotator" / "default.annotator"
