"""The long document's span axis (benchmarks/doc_axis.py) at tiny sizes: a fresh process
per size, one table per size, the growth exponents, the JSON and the log–log plot."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def axis():
    sys.path.insert(0, str(BENCH))
    before = set(sys.modules)
    try:
        yield importlib.import_module("doc_axis")
    finally:
        sys.path.remove(str(BENCH))
        for name in set(sys.modules) - before:
            if name in ("doc_axis", "data", "report", "common"):
                del sys.modules[name]


def test_growth_exponents_are_log_log_slopes(axis):
    def sizes(values: dict[int, float]) -> dict[int, dict]:
        return {n: {key: {"value": v * (1 if key != "open" else 2), "runs": []}
                    for key in axis.FIGURES} for n, v in values.items()}

    linear = axis.exponents(sizes({1000: 10.0, 10_000: 100.0, 100_000: 1000.0}))
    assert set(linear) == set(axis.FIGURES) and all(abs(s - 1) < 1e-9 for s in linear.values())
    square = axis.exponents(sizes({10: 1.0, 100: 100.0}))
    assert all(abs(s - 2) < 1e-9 for s in square.values())
    text, misses = axis.tables(sizes({200: 1.0, 2000: 100.0}), square)
    assert "WORSE THAN LINEAR" in text and "open grows faster than linearly" in misses
    assert "rss grows faster than linearly" not in misses  # memory is not a time figure


def test_a_quick_run_measures_each_size_in_its_own_process(tmp_path):
    done = subprocess.run([sys.executable, str(BENCH / "doc_axis.py"), "--quick", "--spans",
                           "200,800", "--edits", "2", "--cache-dir", str(tmp_path / "cache"),
                           "--results-dir", str(tmp_path / "results")],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "\n200 spans" in done.stdout and "\n800 spans" in done.stdout
    run = json.loads((tmp_path / "results" / "doc-axis-quick.json").read_text("utf-8"))
    assert set(run["sizes"]) == {"200", "800"} and run["chars"] == 20_000
    for figures in run["sizes"].values():
        assert all(figures[key]["value"] > 0 for key in ("open", "tag.median", "scroll"))
    assert set(run["exponents"]) >= {"open", "tag.median", "suggest"}
    assert (tmp_path / "results" / "doc-axis-quick.png").stat().st_size > 10_000
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [
        "long-g1-20000c-200s.annotator", "long-g1-20000c-800s.annotator"]
