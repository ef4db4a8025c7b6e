"""Third-party notices (LICENSES/): every distribution the app needs at run time has one,
and so do the parts that are not Python distributions (Python itself, SQLite, the TEI
schema); Help → About reads them."""

from __future__ import annotations

import importlib.metadata as md
import re
from pathlib import Path

import pytest
from packaging.requirements import Requirement

pytest.importorskip("PySide6")

from annotator.qt.about import read_notices  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
LICENSES = ROOT / "LICENSES"
SPEC = ROOT / "packaging" / "annotator.spec"
# Needed by a dependency's own installer commands, never imported by the app; the spec
# excludes it from the app folder.
NOT_BUNDLED = {"pip"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(root: str = "annotator") -> set[str]:
    """``root`` and everything its installed requirements pull in, on this platform."""
    seen: set[str] = set()
    todo = [root]
    while todo:
        name = canonical(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        for line in md.requires(name) or []:
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return seen


def test_every_runtime_dependency_has_a_notice():
    covered = {canonical(d) for n in read_notices(LICENSES) for d in n.distributions}
    missing = runtime_distributions() - NOT_BUNDLED - covered
    assert not missing, (f"no notice in LICENSES/ for {sorted(missing)}: add them to "
                         "packaging/collect_notices.py and run it")


def test_what_is_not_bundled_is_excluded_by_the_spec():
    excludes = re.search(r"EXCLUDES = \[(.*?)\]", SPEC.read_text(), re.S).group(1)
    assert all(f'"{name}"' in excludes for name in NOT_BUNDLED)


def test_components_that_are_not_distributions():
    names = {n.component for n in read_notices(LICENSES)}
    assert {"Python", "SQLite", "TEI P5 schema (tei_all.rng)"} <= names
    tei = next(n for n in read_notices(LICENSES) if n.component.startswith("TEI"))
    assert (ROOT / tei.notice_file).is_file()  # schemas/tei_all.NOTICE.md, reused
