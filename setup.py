"""Build step (all other settings are in pyproject.toml): ship the seed corpus, the schemas,
the licence notices and the app icon inside the package, as annotator/data/{seeds,
schemas,LICENSES,icons}, so that an installed wheel finds them (annotator/resources.py).
A checkout and an editable install use the folders at the repository root: nothing is
copied for them."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("seeds", "schemas", "LICENSES")
ICON = ROOT / "packaging" / "icons" / "hicolor" / "scalable" / "apps" / \
    "io.github.annotator.Annotator.svg"


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "annotator" / "data"
        for name in SHIPPED:
            if not (ROOT / name).is_dir():
                raise SystemExit(f"setup.py: the folder '{name}' is missing from {ROOT}")
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(ROOT / name, target / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        (target / "icons").mkdir(parents=True, exist_ok=True)
        shutil.copy2(ICON, target / "icons" / ICON.name)


setup(cmdclass={"build_py": BuildWithData})
