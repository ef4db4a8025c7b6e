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


def test_sizes_are_parsed_and_growth_is_judged(bench_modules):
    """``--sizes 1k,10k,100k``; the growth exponent between sizes, and the verdict on a
    figure that grows faster than the corpus (above the noise floor)."""
    common = bench_modules["common"]
    sys.path.insert(0, str(BENCH))
    try:
        growth = importlib.import_module("growth")
        report = importlib.import_module("report")
    finally:
        sys.path.remove(str(BENCH))
    assert common.parse_sizes("100k, 1k,10k") == [1000, 10_000, 100_000]
    assert common.parse_sizes("250") == [250] and common.size_label(100_000) == "100k"
    with pytest.raises(ValueError):
        common.parse_sizes(",")
    assert common.FIGURES["import"].target_at(100_000) == 240
    assert common.FIGURES["import"].target_at(10_000) == 60
    # the TEI export's only target (issue 15) is at 10,000 documents: shown, not judged
    assert common.FIGURES["export.tei"].target_at(10_000) == 60
    assert common.FIGURES["export.tei"].target_at(100_000) is None
    rows = report.figure_rows({"export.tei": {"value": 300.0}, "stats": {"value": 61.0}},
                              100_000)
    assert rows["export.tei"]["ok"] and not rows["stats"]["ok"]
    assert "— (none)" in report.table(rows) and "MISS" in report.table(rows)

    def entry(docs, **values):
        return {"docs": docs, "label": common.size_label(docs), "figures": {
            k: {"value": v, "unit": "s", "target": 60} for k, v in values.items()}}
    by_size = {"1k": entry(1000, flat=1.0, linear=1.0, square=1.0),
               "10k": entry(10_000, flat=1.1, linear=10.0, square=100.0)}
    verdicts = growth.verdicts(by_size)
    assert [round(e, 2) for e in verdicts["linear"][0]] == [1.0]
    assert not verdicts["flat"][1] and not verdicts["linear"][1] and verdicts["square"][1]
    assert "FASTER THAN LINEAR" in growth.table(by_size)
    svg = growth.svg(by_size, "t")
    assert svg.startswith("<svg") and svg.count("<polyline") == 3


def test_a_run_over_sizes_tables_each_and_plots_the_growth(tmp_path):
    done = subprocess.run([sys.executable, str(BENCH / "suite.py"), "--quick", "--sizes",
                           "40,80", "--only", "search,spans", "--cache-dir",
                           str(tmp_path / "cache"), "--results-dir", str(tmp_path / "results")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "== 40 documents" in done.stdout and "== 80 documents" in done.stdout
    assert "growth exponent" in done.stdout
    run = json.loads((tmp_path / "results" / "latest-sizes.json").read_text(encoding="utf-8"))
    assert list(run["by_size"]) == ["40", "80"]
    assert {"search.1", "search.4", "spans", "project.size"} <= set(run["by_size"]["80"]["figures"])
    assert (tmp_path / "results" / "growth.svg").read_text(encoding="utf-8").startswith("<svg")


def test_plot_merges_runs_of_different_groups_figure_by_figure(tmp_path):
    def run(name: str, figures: dict) -> Path:
        entry = {"docs": 40, "label": "40", "load_avg": [0.5, 0.5, 0.5], "figures": figures}
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps({"by_size": {"40": entry, "80": {**entry, "docs": 80,
                                                                      "label": "80"}}}))
        return path

    def figure(label: str, value: float) -> dict:  # as a run saves it
        return {"label": label, "unit": "s", "value": value, "target": 60, "ok": True,
                "naive": None, "ratio": None, "naive_is": "", "note": ""}

    first = run("a", {"spans": figure("spans by tag / annotator", 3.0)})
    second = run("b", {"stats": figure("statistics over the corpus", 2.0)})
    done = subprocess.run([sys.executable, str(BENCH / "suite.py"), "--plot", str(first),
                           str(second), "--results-dir", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    table_40 = done.stdout.split("== 40 documents")[1].split("== 80 documents")[0]
    assert "spans by tag" in table_40 and "statistics over the corpus" in table_40
