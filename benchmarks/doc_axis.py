"""The long document on a span axis: the window figures of the 1,000,000-character
document at 30,000, 100,000 and 300,000 spans, each size measured in fresh processes
(``--repeat`` of them, the median kept), one table per size, the growth exponent of each
figure, and a log–log plot.

    python benchmarks/doc_axis.py                       # 30k,100k,300k spans (~15 minutes)
    python benchmarks/doc_axis.py --spans 30k,300k --repeat 5
    python benchmarks/doc_axis.py --quick               # 20,000 characters, 200–2,000 spans

Writes ``results/doc-axis.json`` and ``results/doc-axis.png`` (``--results-dir``); the
documents are cached beside the suite's (``benchmarks/.cache``, same names, so the suite's
30,000-span document is shared). Exit status 0; 1 with ``--strict`` when a target is missed
or a time figure grows faster than linearly (exponent > 1.15: noise allowed for).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import data  # noqa: E402
import report  # noqa: E402

#: figure -> (label, unit)
FIGURES = {
    "open": ("open: store load to first paint, median", "ms"),
    "tag.median": ("add/remove a tag: commit + repaint, median", "ms"),
    "tag.p95": ("add/remove a tag: commit + repaint, p95", "ms"),
    "scroll": ("page down + repaint, median", "ms"),
    "suggest": ("suggestions ready in the background (after the window shows)", "s"),
    "rss": ("resident memory, document open", "MB"),
    "open.cpu": ("open: CPU time of the process, median", "ms"),
    "tag.cpu": ("add/remove a tag: CPU time of the process, median", "ms"),
    "loaded": ("every span read (while idle, after the first paint)", "ms"),
}
#: span count -> figure -> target (issue 20); sizes between have none
TARGETS = {30_000: {"open": 150, "tag.median": 8, "tag.p95": 16, "scroll": 16},
           300_000: {"open": 500, "tag.median": 16, "scroll": 16, "suggest": 5}}
#: growth worse than this exponent (log–log slope, smallest to largest size) is a defect
LINEAR = 1.15


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--spans", help="span counts (default 30k,100k,300k; --quick: 200,600,2k)")
    p.add_argument("--chars", type=int, default=1_000_000)
    p.add_argument("--quick", action="store_true", help="20,000 chars, 200/600/2k spans")
    p.add_argument("--repeat", type=int, default=3, help="processes per size (median kept)")
    p.add_argument("--edits", type=int, default=40, help="add + remove pairs per process")
    p.add_argument("--think", type=float, default=0.25, help="seconds between edits")
    p.add_argument("--cache-dir", type=Path, default=HERE / ".cache")
    p.add_argument("--results-dir", type=Path, default=HERE / "results")
    p.add_argument("--source", type=Path, help="measure the annotator package of another "
                   "checkout (e.g. the main branch, for a before/after comparison)")
    p.add_argument("--tag", default="", help="suffix of the result files' names")
    p.add_argument("--before", type=Path, metavar="JSON",
                   help="an earlier run's doc-axis JSON: drawn dashed, its exponents shown")
    p.add_argument("--replot", type=Path, metavar="JSON",
                   help="measure nothing: draw this saved run again (with --before)")
    p.add_argument("--strict", action="store_true")
    p.add_argument("--child", nargs=2, metavar=("CONFIG", "OUT"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.quick:
        args.chars, args.repeat, args.edits, args.think = 20_000, 1, 4, 0.01
    args.spans = args.spans or ("200,600,2k" if args.quick else "30k,100k,300k")
    args.counts = [int(float(s[:-1]) * 1000) if s.lower().endswith("k") else int(s)
                   for s in args.spans.split(",")]
    return args


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- one process: one size ----------------------------------------------------------------
def child(config: Path, out: Path) -> None:
    """Measure one document in this process (see :func:`measure`)."""
    import fig_doc  # Qt only in the child

    cfg = json.loads(config.read_text(encoding="utf-8"))
    found = fig_doc.axis_figures(Path(cfg["path"]), Path(cfg["work"]), cfg["edits"],
                                 cfg["think"])
    out.write_text(json.dumps(found), encoding="utf-8")


def run_child(path: Path, args: argparse.Namespace, scratch: Path) -> dict:
    work = Path(tempfile.mkdtemp(dir=scratch))
    config, out = work / "config.json", work / "out.json"
    config.write_text(json.dumps({"path": str(path), "work": str(work), "edits": args.edits,
                                  "think": args.think}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    if args.source:  # its package first on the path (before an editable install's)
        env["PYTHONPATH"] = os.pathsep.join([str(args.source.resolve()),
                                             *filter(None, [env.get("PYTHONPATH")])])
    done = subprocess.run([sys.executable, __file__, "--child", str(config), str(out)],
                          capture_output=True, text=True, env=env, timeout=3600)
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"{path.name}: exit {done.returncode}\n{done.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def measure(args: argparse.Namespace) -> dict[int, dict]:
    """span count -> figure -> {value (median over the processes), runs}."""
    sizes: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="annotator-axis-") as tmp:
        for count in args.counts:
            name = f"long-g{data.GENERATOR_VERSION}-{args.chars}c-{count}s.annotator"
            path = data.cached(args.cache_dir, name, lambda p, n=count:
                               data.build_long_document(p, args.chars, n), False, log)
            runs = []
            for i in range(args.repeat):
                log(f"{count:,} spans: run {i + 1} of {args.repeat} (load "
                    f"{os.getloadavg()[0]:.1f}) …")
                runs.append(run_child(path, args, Path(tmp)))
            sizes[count] = {key: {"value": statistics.median(r[key] for r in runs),
                                  "runs": [round(r[key], 2) for r in runs]}
                            for key in FIGURES}
    return sizes


# --- the output ---------------------------------------------------------------------------
def exponents(sizes: dict[int, dict]) -> dict[str, float]:
    """Each figure's growth: the slope of log(value) over log(spans), least squares."""
    counts = sorted(sizes)
    out = {}
    for key in FIGURES:
        points = [(math.log(n), math.log(sizes[n][key]["value"])) for n in counts
                  if sizes[n][key]["value"] > 0]
        if len(points) < 2:
            continue
        mx = statistics.fmean(x for x, _ in points)
        my = statistics.fmean(y for _, y in points)
        sxx = sum((x - mx) ** 2 for x, _ in points)
        out[key] = round(sum((x - mx) * (y - my) for x, y in points) / sxx, 2)
    return out


def tables(sizes: dict[int, dict], slopes: dict[str, float]) -> tuple[str, list[str]]:
    """The printed tables (one per size) and the misses."""
    lines, misses = [], []
    for count, figures in sizes.items():
        lines.append(f"\n{count:,} spans")
        for key, (label, unit) in FIGURES.items():
            value, target = figures[key]["value"], TARGETS.get(count, {}).get(key)
            verdict = "" if target is None else "ok" if value < target else "MISS"
            if verdict == "MISS":
                misses.append(f"{key} at {count:,} spans")
            runs = ", ".join(report._fmt(v, unit) for v in figures[key]["runs"])
            aim = f"< {target:g} {unit}" if target is not None else ""
            lines.append(f"  {label:<64} {report._fmt(value, unit):>10} {aim:>10} "
                         f"{verdict:<4}  runs: {runs}")
    lines.append("\ngrowth exponent (log–log slope; 1 = linear in the spans):")
    for key, slope in slopes.items():
        worse = FIGURES[key][1] != "MB" and slope > LINEAR
        if worse:
            misses.append(f"{key} grows faster than linearly")
        lines.append(f"  {FIGURES[key][0]:<64} {slope:>5.2f}{'  WORSE THAN LINEAR' * worse}")
    return "\n".join(lines), misses


def plot(sizes: dict[int, dict], path: Path, chars: int, before: dict | None = None) -> None:
    """Every time figure against the span count, log–log, with a linear slope for scale;
    ``before``: an earlier run's sizes, drawn dashed in the same colours."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    counts = sorted(sizes)
    fig, ax = plt.subplots(figsize=(10.5, 5), dpi=110)
    for key, (label, unit) in FIGURES.items():
        if unit == "MB":
            continue
        scale = 1000 if unit == "s" else 1
        line, = ax.plot(counts, [sizes[n][key]["value"] * scale for n in counts],
                        marker="o", label=label)
        if before and all(key in v for v in before.values()):  # (older runs lack some)
            old = sorted(int(n) for n in before)
            ax.plot(old, [before[str(n)][key]["value"] * scale for n in old], marker=".",
                    linestyle="--", alpha=0.45, color=line.get_color())
    first = sizes[counts[0]]["open"]["value"]
    ax.plot(counts, [first * n / counts[0] for n in counts], linestyle=":", color="grey",
            label="linear growth (from open)")
    for count, targets in TARGETS.items():
        for key, target in targets.items():
            if count in sizes and FIGURES[key][1] != "MB":
                ax.scatter([count], [target * (1000 if FIGURES[key][1] == "s" else 1)],
                           marker="_", s=300, color="red", zorder=3)
    ax.set(xscale="log", yscale="log", xlabel=f"spans in the {chars:,}-character document",
           ylabel="ms", title="Long document: cost against spans (red: targets"
           + ("; dashed: before" if before else "") + ")")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return 0
    before = json.loads(args.before.read_text(encoding="utf-8"))["sizes"] \
        if args.before else None
    if args.replot:
        run = json.loads(args.replot.read_text(encoding="utf-8"))
        plot({int(n): v for n, v in run["sizes"].items()}, args.replot.with_suffix(".png"),
             run["chars"], before)
        print(f"saved {args.replot.with_suffix('.png')}")
        return 0
    started = time.time()
    sizes = measure(args)
    slopes = exponents(sizes)
    text, misses = tables(sizes, slopes)
    m = report.machine()
    print(f"{args.chars:,}-character document; {m['cpu_count']} CPUs ({m['cpu_model']}); "
          f"load {m['load_avg'][0]:.2f}; {args.repeat} process(es) per size, medians")
    print(text)
    args.results_dir.mkdir(parents=True, exist_ok=True)
    stem = "doc-axis-quick" if args.quick else "doc-axis"
    stem += f"-{args.tag}" if args.tag else ""
    run = {"date": time.strftime("%Y-%m-%d %H:%M:%S"), "chars": args.chars,
           "source": str(args.source) if args.source else None,
           "repeat": args.repeat, "edits": args.edits, "think_s": args.think,
           "machine": m, "elapsed_s": round(time.time() - started, 1),
           "sizes": {str(n): v for n, v in sizes.items()}, "exponents": slopes,
           "targets": {str(n): t for n, t in TARGETS.items()}, "missed": misses}
    (args.results_dir / f"{stem}.json").write_text(json.dumps(run, indent=1) + "\n",
                                                    encoding="utf-8")
    plot(sizes, args.results_dir / f"{stem}.png", args.chars, before)
    print(f"\nsaved {args.results_dir / stem}.json and .png")
    if misses:
        print(f"missed: {'; '.join(misses)}")
    return 1 if args.strict and misses else 0


if __name__ == "__main__":
    sys.exit(main())
