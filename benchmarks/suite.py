"""The benchmark suite: every figure of "fast at every size", one table, saved as JSON and
compared with a baseline run.

    python benchmarks/suite.py                     # all, full size; compares with the baseline
    python benchmarks/suite.py --only search,export
    python benchmarks/suite.py --quick             # small sizes (the test suite runs this)
    python benchmarks/suite.py --save-baseline     # this run becomes the baseline
    python benchmarks/suite.py --rebuild           # regenerate the cached data first
    python benchmarks/suite.py --sizes 1k,10k,100k # the corpus figures at each size, one
                                                   # table each, and how they grow (plot)

Generated data is built once into ``--cache-dir`` (default: ``$ANNOTATOR_BENCH_CACHE``, else
``benchmarks/.cache``), named by
generator version and sizes. Each group runs in its own process (see worker.py) so that
memory figures are clean. A figure more than 25 % worse than in the baseline has its group
run once more and keeps the better value (the machine is noisy). Exit status: 0; 1 when a
figure still regressed (or, with ``--strict``, missed its target); 2 when a group failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import data  # noqa: E402
import growth  # noqa: E402
import report  # noqa: E402
from common import FULL, QUICK, Sizes, at_size, parse_sizes, size_label  # noqa: E402
from worker import CORPUS_GROUPS, GROUPS  # noqa: E402

RESULTS = HERE / "results"


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--only", help=f"comma-separated groups: {','.join(GROUPS)}")
    p.add_argument("--quick", action="store_true", help="small sizes (seconds, not minutes)")
    p.add_argument("--rebuild", action="store_true", help="regenerate the cached data")
    p.add_argument("--cache-dir", type=Path, default=data.cache_dir(),
                   help=f"generated data (default: ${data.CACHE_ENV} or benchmarks/.cache)")
    p.add_argument("--sizes", metavar="1k,10k,100k",
                   help="the corpus groups at each of these corpus sizes: one table per "
                   "size, growth exponents and a log-log plot (RESULTS/growth.svg)")
    p.add_argument("--results-dir", type=Path, default=RESULTS)
    p.add_argument("--compare", type=Path, metavar="JSON",
                   help="baseline run to compare with (default: RESULTS/baseline.json)")
    p.add_argument("--no-compare", action="store_true")
    p.add_argument("--no-confirm", action="store_true",
                   help="do not re-run the groups of apparent regressions once")
    p.add_argument("--save-baseline", action="store_true",
                   help="store this run as RESULTS/baseline.json")
    p.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    p.add_argument("--plot", nargs="+", type=Path, metavar="RUN.json",
                   help="measure nothing: merge the sizes of these --sizes runs (later "
                   "files win) and print their tables, growth and RESULTS/growth.svg")
    p.add_argument("--timeout", type=float, default=3600, help="seconds per group process")
    p.add_argument("--team-lockstep", action="store_true",
                   help="team-edit: every member presses their key at the same moment "
                   "(the worst case; by default each edit falls at a random moment of its "
                   "half second)")
    args = p.parse_args(argv)
    try:
        args.doc_counts = parse_sizes(args.sizes) if args.sizes else None
    except ValueError as e:
        p.error(str(e))
    default = list(CORPUS_GROUPS) if args.doc_counts else list(GROUPS)
    groups = args.only.split(",") if args.only else default
    unknown = [g for g in groups if g not in GROUPS]
    if unknown:
        p.error(f"unknown group(s) {', '.join(unknown)} (known: {', '.join(GROUPS)})")
    args.groups = groups
    return args


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_part(part: str, cfg: dict, scratch: Path, timeout: float) -> dict:
    """Run one part in a fresh process; raises RuntimeError with its output's tail."""
    work = scratch / part
    work.mkdir()
    config, out = scratch / f"{part}.json", scratch / f"{part}-result.json"
    config.write_text(json.dumps({**cfg, "work": str(work)}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    t0 = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, str(HERE / "worker.py"), part, str(config),
                               str(out)], capture_output=True, text=True, timeout=timeout,
                              env=env)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"{part}: no result after {timeout:.0f} s") from None
    finally:  # its copies of the corpus (3 GB each at 100,000 documents) go with it
        shutil.rmtree(work, ignore_errors=True)
    if done.returncode != 0 or not out.exists():
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-12:])
        raise RuntimeError(f"{part}: exit status {done.returncode}\n{tail}")
    log(f"  {part}: {time.perf_counter() - t0:.1f} s")
    return json.loads(out.read_text(encoding="utf-8"))


def measure(groups: list[str], cfg: dict, timeout: float) -> tuple[dict, dict]:
    """(figure key -> merged fields, group -> error) over the groups' parts."""
    measured: dict[str, dict] = {}
    failures: dict[str, str] = {}
    done: set[str] = set()  # a part two chosen groups share runs once
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        for group in groups:
            for part in GROUPS[group][0]:
                if part in done:
                    continue
                done.add(part)
                log(f"running {part} …")
                try:
                    found = run_part(part, cfg, Path(tmp), timeout)
                except RuntimeError as e:
                    failures[group] = str(e)
                    log(f"  FAILED {e}")
                    continue
                for key, fields in found.items():
                    measured.setdefault(key, {}).update(
                        {k: v for k, v in fields.items() if v not in (None, "")})
    return measured, failures


def baseline_for(args: argparse.Namespace) -> Path | None:
    if args.no_compare:
        return None
    return args.compare or args.results_dir / _baseline_name(args)


def _baseline_name(args: argparse.Namespace) -> str:
    """A --sizes run has its own baseline (and latest run) beside the default one's."""
    return "baseline-sizes.json" if args.doc_counts else "baseline.json"


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.plot:
        return replot(args)
    if args.doc_counts:
        return main_sizes(args)
    sizes: Sizes = replace(QUICK if args.quick else FULL, team_lockstep=args.team_lockstep)
    started = time.time()
    need = set().union(*(GROUPS[g][1] for g in args.groups))
    cfg = {"sizes": sizes.as_dict(),
           "inputs": data.prepare(args.cache_dir, sizes, args.rebuild, need, log)}
    measured, failures = measure(args.groups, cfg, args.timeout)
    old = report.load(baseline_for(args))
    why = report.comparable(old, cfg) if old else "no baseline to compare with"
    if old and not why and not args.no_confirm:
        measured = confirm(measured, old, cfg, args.timeout)
    run = {"format": 1, "started": started, "date": time.strftime("%Y-%m-%d %H:%M:%S"),
           "mode": "quick" if args.quick else "full", "groups": args.groups,
           "sizes": sizes.as_dict(), "generator": data.GENERATOR_VERSION,
           "machine": report.machine(), "elapsed_s": round(time.time() - started, 1),
           "figures": report.figure_rows(measured), "failures": failures}
    return finish(args, run, sizes, None if why else old, why)


def main_sizes(args: argparse.Namespace) -> int:
    """``--sizes``: the chosen groups at each corpus size (smallest first), one table per
    size, then the growth exponents and the plot; compared size by size with a baseline
    run of the same sizes."""
    base: Sizes = replace(QUICK if args.quick else FULL, team_lockstep=args.team_lockstep)
    started = time.time()
    need = set().union(*(GROUPS[g][1] for g in args.groups))
    old = report.load(baseline_for(args))
    by_size, failures, status = {}, {}, 0
    for docs in args.doc_counts:
        sizes, label = at_size(base, docs), size_label(docs)
        log(f"--- {label}: {sizes.describe()}")
        cfg = {"sizes": sizes.as_dict(),
               "inputs": data.prepare(args.cache_dir, sizes, args.rebuild, need, log)}
        measured, failed = measure(args.groups, cfg, args.timeout)
        failures.update({f"{label}:{g}": e for g, e in failed.items()})
        by_size[label] = {"docs": docs, "label": label, "sizes": sizes.as_dict(),
                          "load_avg": os.getloadavg(),
                          "figures": report.figure_rows(measured, docs)}
        (args.results_dir / "partial-sizes.json").parent.mkdir(parents=True, exist_ok=True)
        (args.results_dir / "partial-sizes.json").write_text(  # a long run cut short keeps
            json.dumps({"by_size": by_size}, ensure_ascii=False), encoding="utf-8")  # these
    run = {"format": 1, "started": started, "date": time.strftime("%Y-%m-%d %H:%M:%S"),
           "mode": "sizes-quick" if args.quick else "sizes", "groups": args.groups,
           "sizes": {"docs": args.doc_counts}, "generator": data.GENERATOR_VERSION,
           "machine": report.machine(), "elapsed_s": round(time.time() - started, 1),
           "by_size": by_size, "figures": {}, "failures": failures}
    m = run["machine"]
    print(f"\n{m['cpu_count']} CPUs ({m['cpu_model']}), Python {m['python']}, PySide6 "
          f"{m['pyside6']}, SQLite {m['sqlite']}; {run['elapsed_s']:.0f} s in all")
    for label, entry in by_size.items():
        before = (old or {}).get("by_size", {}).get(label)
        changes, regressions = report.compare(before, entry) if before else ({}, {})
        print(f"\n== {label} documents: {at_size(base, entry['docs']).describe()}; load "
              f"{entry['load_avg'][0]:.2f}\n")
        print(report.table(entry["figures"], changes if before else None))
        missed = [k for k, row in entry["figures"].items() if not row["ok"]]
        if missed:
            print(f"targets missed at {label}: {', '.join(missed)}")
        for line in regressions.values():
            print(f"{label}: {line}")
        status = 1 if regressions or (args.strict and missed) else status
    print("\nhow each figure grows (exponent 1 = linear):\n" + growth.table(by_size))
    slow = [k for k, (_, bad) in growth.verdicts(by_size).items() if bad]
    saved = report.save(run, args.results_dir, "latest-sizes.json")
    plot = growth.save_svg(by_size, args.results_dir / "growth.svg",
                           f"corpus figures / target vs documents ({m['cpu_count']} CPUs)")
    print(f"\nsaved {args.results_dir / 'latest-sizes.json'}, {saved.name} and {plot}")
    if args.save_baseline:
        report.save_baseline(run, args.results_dir / _baseline_name(args))
    if slow:
        print(f"faster than linear: {', '.join(slow)}")
    for group, error in failures.items():
        print(f"FAILED {group}: {error}")
    return 2 if failures else 1 if slow and args.strict else status


def replot(args: argparse.Namespace) -> int:
    """``--plot``: the tables, growth and plot of saved --sizes runs, merged size by size
    and figure by figure (runs of different groups at the same sizes make one table)."""
    by_size: dict = {}
    for path in args.plot:  # figure by figure: a later run's figure replaces an earlier one's
        for label, entry in json.loads(path.read_text(encoding="utf-8")).get("by_size",
                                                                            {}).items():
            kept = by_size.setdefault(label, {**entry, "figures": {}})
            kept["figures"].update(entry["figures"])
    by_size = dict(sorted(by_size.items(), key=lambda item: item[1]["docs"]))
    for label, entry in by_size.items():
        print(f"\n== {label} documents; load {entry['load_avg'][0]:.2f}\n")
        print(report.table(entry["figures"]))
    print("\nhow each figure grows (exponent 1 = linear):\n" + growth.table(by_size))
    m = report.machine()
    print(growth.save_svg(by_size, args.results_dir / "growth.svg",
                          f"corpus figures / target vs documents ({m['cpu_count']} CPUs)"))
    return 0


def confirm(measured: dict, old: dict, cfg: dict, timeout: float) -> dict:
    """Groups with a figure that looks like a regression run once more, and each figure
    keeps the better of its two values: one slow run on a busy machine is no regression."""
    _, regressions = report.compare(old, {"figures": report.figure_rows(measured)})
    suspects = sorted({key.split(".")[0] for key in regressions})
    if not suspects:
        return measured
    log(f"confirming {', '.join(suspects)} …")
    again, _ = measure(suspects, cfg, timeout)
    merged = dict(measured)
    for key, fields in again.items():
        if key in measured and fields.get("value") is not None:
            best = fields if fields["value"] < measured[key]["value"] else measured[key]
            merged[key] = {**best, "note": f"{best.get('note', '')}; better of 2 runs"}
    return merged


def finish(args: argparse.Namespace, run: dict, sizes: Sizes, old: dict | None,
           why: str) -> int:
    """Print the table and the verdict, save the run; the exit status."""
    changes, regressions = report.compare(old, run) if old else ({}, {})
    m = run["machine"]
    print(f"\n{sizes.describe()}\n{m['cpu_count']} CPUs ({m['cpu_model']}), Python "
          f"{m['python']}, PySide6 {m['pyside6']}, SQLite {m['sqlite']}; load "
          f"{m['load_avg'][0]:.2f}; {run['elapsed_s']:.0f} s\n")
    print(report.table(run["figures"], changes if old else None))
    saved = report.save(run, args.results_dir)
    print(f"\nsaved {args.results_dir / 'latest.json'} and {saved.name}")
    if args.save_baseline:
        report.save_baseline(run, args.results_dir / "baseline.json")
        print(f"saved as the baseline: {args.results_dir / 'baseline.json'}")
    if why and not args.save_baseline:
        print(why)
    missed = [k for k, row in run["figures"].items() if not row["ok"]]
    if missed:
        print(f"targets missed: {', '.join(missed)}")
    for line in regressions.values():
        print(line)
    for group, error in run["failures"].items():
        print(f"FAILED {group}: {error}")
    if run["failures"]:
        return 2
    return 1 if regressions or (args.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
