"""The benchmark suite's own machinery, at tiny sizes: data generation and caching, every
group in its own process, the table, the saved JSON and the regression guard."""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def bench_modules():
    """The suite's modules (they import each other by plain name, as scripts do)."""
    sys.path.insert(0, str(BENCH))
    before = set(sys.modules)
    try:
        yield {name: importlib.import_module(name) for name in ("common", "data", "report")}
    finally:
        sys.path.remove(str(BENCH))
        for name in set(sys.modules) - before:
            if name in ("common", "data", "report"):
                del sys.modules[name]


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory, bench_modules):
    """One quick run of every group against a doctored baseline in which one figure was
    far better than it can be."""
    common = bench_modules["common"]
    tmp = tmp_path_factory.mktemp("bench")
    results = tmp / "results"
    results.mkdir()
    baseline = {"mode": "quick", "sizes": common.QUICK.as_dict(),
                "figures": {"project.rss": {"value": 1.0, "unit": "MB"}}}
    (results / "baseline.json").write_text(json.dumps(baseline), encoding="utf-8")
    # the cache holds the team group's PostgreSQL cluster, which runs as the postgres user
    # when the tests run as root: a folder of its own in /tmp, as tests/conftest.py's
    # (pytest makes its base folder private again whenever a session starts)
    cache = Path(tempfile.mkdtemp(prefix="annotator-bench-"))
    done = subprocess.run([sys.executable, str(BENCH / "suite.py"), "--quick", "--cache-dir",
                           str(cache), "--results-dir", str(results)],
                          capture_output=True, text=True, timeout=900)
    yield done, results, cache
    shutil.rmtree(cache, ignore_errors=True)


def test_every_figure_is_measured_and_tabled(quick_run, bench_modules):
    done, results, _ = quick_run
    assert "FAILED" not in done.stdout, done.stdout + done.stderr
    latest = json.loads((results / "latest.json").read_text(encoding="utf-8"))
    figures = bench_modules["common"].FIGURES
    assert set(latest["figures"]) == set(figures)
    for key, row in latest["figures"].items():
        assert row["value"] > 0 and row["naive"] > 0, key
        assert figures[key].label in done.stdout
    assert latest["mode"] == "quick" and latest["machine"]["cpu_count"] >= 1
    assert {"python", "pyside6", "sqlite", "cpu_model"} <= set(latest["machine"])
    assert len(list(results.glob("*-quick.json"))) == 1  # the timestamped copy


def test_regression_against_the_baseline_fails_the_run(quick_run):
    done, _, _ = quick_run
    assert done.returncode == 1, done.stdout + done.stderr
    assert "REGRESSION project.rss" in done.stdout
    assert "vs baseline" in done.stdout
    assert "confirming project" in done.stderr  # measured again before it is called one
    assert "better of 2 runs" in done.stdout


def test_generated_data_is_cached_by_version_and_size(quick_run, bench_modules):
    _, _, cache = quick_run
    names = sorted(p.name for p in cache.iterdir())
    version = bench_modules["data"].GENERATOR_VERSION
    assert names and all(f"-g{version}-" in n for n in names)
    assert not any(n.endswith(".building") for n in names)
    built = []
    bench_modules["data"].cached(cache, names[0], built.append, rebuild=False)
    assert built == []  # there already: not built again


def test_compare_flags_only_real_regressions(bench_modules):
    report = bench_modules["report"]

    def run(**values):
        return {"sizes": {"n": 1}, "figures": {
            k: {"value": v, "unit": "ms" if k.startswith("t") else "MB"}
            for k, v in values.items()}}

    old = run(tiny=0.5, time=100.0, mem=100.0)
    changes, regressions = report.compare(old, run(tiny=0.9, time=124.0, mem=200.0))
    assert list(regressions) == ["mem"]  # tiny: under the noise floor; time: under 25 %
    assert "REGRESSION mem: 200 MB vs 100 MB" in regressions["mem"]
    assert changes["time"] == pytest.approx(0.24)
    near = {"sizes": {"n": 1}, "figures": {"t": {"value": 4.0, "unit": "ms", "target": 50}}}
    far = {"sizes": {"n": 1}, "figures": {"t": {"value": 9.0, "unit": "ms", "target": 50}}}
    assert report.compare(run(t=3.0), near)[1] == {}  # +1 ms: under a tenth of the target
    assert list(report.compare(run(t=3.0), far)[1]) == ["t"]
    assert report.comparable(old, {"sizes": {"n": 2}})  # other sizes: not compared


def test_suite_refuses_an_unknown_group():
    done = subprocess.run([sys.executable, str(BENCH / "suite.py"), "--only", "nothing"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "unknown group" in done.stderr
