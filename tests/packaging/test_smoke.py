"""The smoke test: the program starts offscreen as a new user would — fresh HOME, a
default project created with the seed corpus — paints its window, says
"smoke ok: 5 documents" and exits 0 (annotator/qt/smoke.py, ANNOTATOR_SMOKE=1).

From the source tree it always runs; on the built app folder (dist/annotator/, made by
`make package`, which runs this file) it is marked slow and skipped when there is no
build, unless ANNOTATOR_REQUIRE_BUILD=1 (as `make package` sets) makes that a failure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from smokeenv import default_project, fresh_user

ROOT = Path(__file__).resolve().parents[2]
SEEDS = len(list((ROOT / "seeds").glob("*.txt")))
APP = ROOT / "dist" / "annotator"
PROGRAM = APP / ("annotator.exe" if sys.platform == "win32" else "annotator")
INTERNAL = APP / "_internal"
TIMEOUT = 180


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=TIMEOUT)


def assert_smoke_ok(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    assert f"smoke ok: {SEEDS} documents" in result.stdout.splitlines(), result.stdout


def test_from_source_first_start_opens_the_seed_project(tmp_path):
    result = run([sys.executable, "-m", "annotator"], fresh_user(tmp_path))
    assert_smoke_ok(result)
    assert default_project(tmp_path).is_file()


@pytest.fixture
def program():
    if not PROGRAM.is_file():
        if os.environ.get("ANNOTATOR_REQUIRE_BUILD"):
            pytest.fail(f"{PROGRAM} is missing: `make package` builds it")
        pytest.skip("no built app folder (dist/annotator/): `make package` builds and tests it")
    return PROGRAM


@pytest.mark.slow
def test_built_app_first_start_opens_the_seed_project(program, tmp_path):
    """As the desktop launcher starts it with no file: `annotator open`."""
    result = run([str(program), "open"], fresh_user(tmp_path))
    assert_smoke_ok(result)
    assert default_project(tmp_path).is_file()  # a fresh user's default project


@pytest.mark.slow
def test_built_app_commands_and_opening_a_project_file(program, tmp_path):
    """`annotator init` and `docs` work from the bundle; `annotator open FILE` (the
    launcher's command line for a double-clicked project) opens that file."""
    env = fresh_user(tmp_path)
    project = tmp_path / "study.annotator"
    created = run([str(program), "init", str(project)], env)
    assert created.returncode == 0, created.stderr
    docs = run([str(program), "docs", str(project), "--json"], env)
    assert len(json.loads(docs.stdout)) == SEEDS
    assert_smoke_ok(run([str(program), "open", str(project)], env))
    assert not default_project(tmp_path).exists()  # the file given, not the default


@pytest.mark.slow
def test_built_app_folder_ships_data_notices_and_desktop_files(program):
    assert len(list((INTERNAL / "seeds").glob("*.txt"))) == SEEDS
    for name in ("tei_all.rng", "tei_all.NOTICE.md", "tagset.default.json",
                 "tagset.schema.json", "annotator-dataset.schema.json"):
        assert (INTERNAL / "schemas" / name).is_file(), name
    assert (INTERNAL / "LICENSES" / "qt-pyside6.txt").is_file()
    assert (INTERNAL / "icons" / "io.github.annotator.Annotator.svg").is_file()
    for qm in (ROOT / "annotator").rglob("*.qm"):  # the interface translations
        assert (INTERNAL / qm.relative_to(ROOT)).is_file(), qm.name
    if sys.platform.startswith("linux"):
        assert (APP / "desktop" / "install-linux.sh").is_file()
        assert (APP / "desktop" / "io.github.annotator.Annotator.desktop").is_file()


@pytest.mark.parametrize("first_run", [False, True])
def test_from_source_opening_a_team_project_by_its_address(tmp_path, team_url, first_run):
    """`annotator open postgresql://…` opens the team project (the address is no file
    path), on a first run too (the tour reads the project's tagset from the server)."""
    from annotator.project import create_project

    create_project(team_url)[0].close()
    env = fresh_user(tmp_path)
    if first_run:  # no name stored yet: the first-run dialog (answered by the smoke run)
        (tmp_path / "config" / "annotator" / "annotator.conf").unlink()
    result = run([sys.executable, "-m", "annotator", "open", team_url], env)
    assert_smoke_ok(result)
    assert not default_project(tmp_path).exists()  # the address given, not the default
