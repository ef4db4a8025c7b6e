"""A plain (not editable) install finds the shipped files: the wheel carries the seed
corpus, the schemas, the notices and the icon under annotator/data/ (setup.py), and an
installed copy creates a seeded project and loads the tagset and the TEI schema path from
there — not from a checkout."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# what an sdist holds (MANIFEST.in): all a wheel is built from
SOURCES = ["pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "annotator", "seeds",
           "schemas", "LICENSES", "packaging/icons/hicolor/scalable/apps"]


def copy_sources(target: Path) -> Path:
    for name in SOURCES:
        source, dest = ROOT / name, target / name
        if source.is_dir():
            shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest)
    shutil.rmtree(target / "annotator" / "data", ignore_errors=True)  # made by the build only
    return target


def build_wheel(source: Path, out: Path) -> Path:
    """pip's own build (about 5 s), offline when this environment can build without
    isolation."""
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out)]
    if importlib.util.find_spec("wheel") is not None:
        command.append("--no-build-isolation")
    subprocess.run([*command, str(source)], check=True, capture_output=True, text=True)
    return next(out.glob("annotator-*.whl"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    return build_wheel(copy_sources(tmp / "src"), tmp / "dist")


def test_wheel_contains_seeds_schemas_notices_and_icon(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for seed in (ROOT / "seeds").glob("*.txt"):
        assert f"annotator/data/seeds/{seed.name}" in names
    for schema in (ROOT / "schemas").iterdir():
        assert f"annotator/data/schemas/{schema.name}" in names
    for notice in (ROOT / "LICENSES").glob("*.txt"):
        assert f"annotator/data/LICENSES/{notice.name}" in names
    assert "annotator/data/icons/io.github.annotator.Annotator.svg" in names


def test_installed_wheel_finds_its_files(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index",
                    "--quiet", "--target", str(site), str(wheel)], check=True)
    code = """if True:
        import json, sys
        import annotator, annotator.resources as r
        from annotator.core.tagset import default_tagset
        from annotator.formats.tei_check import schema_path
        from annotator.project import create_project
        store, report = create_project(sys.argv[1])
        print(json.dumps({"package": annotator.__file__, "seeds": str(r.seeds_dir()),
              "schemas": str(r.schemas_dir()), "licenses": str(r.licenses_dir()),
              "icon": str(r.icon_path()), "tei": str(schema_path()),
              "tags": len(default_tagset().tags), "documents": len(report.added)}))
    """
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "p.annotator")],
                            env=env, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    data = site / "annotator" / "data"
    assert found["package"] == str(site / "annotator" / "__init__.py")  # not the checkout
    assert found["seeds"] == str(data / "seeds") and found["schemas"] == str(data / "schemas")
    assert found["licenses"] == str(data / "LICENSES")
    assert found["icon"] == str(data / "icons" / "io.github.annotator.Annotator.svg")
    assert found["tei"] == str(data / "schemas" / "tei_all.rng")
    assert found["tags"] > 10 and found["documents"] == 5
