"""The suite's output: machine facts, the table, the saved JSON, and the regression guard."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import subprocess
import time
from pathlib import Path

from common import FIGURES

#: a figure regresses when it is this much worse than the baseline run's …
THRESHOLD = 0.25
#: … and worse by more than this many units, or a tenth of its target if that is more
#: (timings on a shared 2-core machine swing by 40 % and more; small ones by milliseconds)
NOISE_FLOOR = {"ms": 1.0, "s": 0.1, "MB": 5.0}


# --- machine ------------------------------------------------------------------------------
def machine() -> dict:
    facts = {"cpu_count": os.cpu_count(), "cpu_affinity": len(os.sched_getaffinity(0)),
             "cpu_model": _cpuinfo("model name"), "memory_mb": _meminfo_mb(),
             "python": platform.python_version(), "platform": platform.platform(),
             "sqlite": sqlite3.sqlite_version, "load_avg": os.getloadavg()}
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        facts.update(pyside6=PySide6.__version__, qt=qVersion())
    except ImportError:
        facts.update(pyside6=None, qt=None)
    facts.update(_git())
    return facts


def _cpuinfo(key: str) -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _meminfo_mb() -> int | None:
    try:
        first = Path("/proc/meminfo").read_text().splitlines()[0]
        return int(first.split()[1]) // 1024
    except (OSError, IndexError, ValueError):
        return None


def _git() -> dict:
    root = Path(__file__).resolve().parents[1]

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                              timeout=10).stdout.strip()
    try:
        return {"commit": git("rev-parse", "HEAD"),
                "dirty": bool(git("status", "--porcelain", "--untracked-files=no"))}
    except (OSError, subprocess.SubprocessError):
        return {"commit": None, "dirty": None}


# --- results ------------------------------------------------------------------------------
def figure_rows(measured: dict, docs: int | None = None) -> dict:
    """Measured parts merged with their specs: value, target (at ``docs`` documents: see
    :meth:`common.Spec.target_at`), naive, ratio, ok. A ratio ("x") may equal its target."""
    rows = {}
    for key, spec in FIGURES.items():
        got = measured.get(key)
        if not got or got.get("value") is None:
            continue
        value, naive = got["value"], got.get("naive")
        target = spec.target_at(docs)
        note = "; ".join(n for n in (got.get("note"), got.get("note_naive")) if n)
        rows[key] = {"label": spec.label, "unit": spec.unit, "value": round(value, 3),
                     "target": target,
                     "ok": target is None or value < target
                     or (spec.unit == "x" and value <= target),
                     "naive": None if naive is None else round(naive, 3),
                     "ratio": round(naive / value, 2) if naive and value else None,
                     "naive_is": spec.naive, "note": note}
    return rows


def save(run: dict, folder: Path, latest: str = "latest.json") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(run["started"]))
    text = json.dumps(run, ensure_ascii=False, indent=1) + "\n"
    (folder / latest).write_text(text, encoding="utf-8")
    dated = folder / f"{stamp}-{run['mode']}.json"
    dated.write_text(text, encoding="utf-8")
    return dated


def save_baseline(run: dict, path: Path) -> None:
    """The run becomes the baseline; a run of a subset replaces only its own figures of a
    baseline of the same sizes."""
    old = load(path)
    if old and old.get("sizes") == run["sizes"]:
        run = {**run, "figures": {**old["figures"], **run["figures"]}}
        if "by_size" in run:  # a --sizes run: per size, only its own figures
            run["by_size"] = {label: {**entry, "figures": {
                **old.get("by_size", {}).get(label, {}).get("figures", {}),
                **entry["figures"]}} for label, entry in run["by_size"].items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(run, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load(path: Path | None) -> dict | None:
    if path is None or not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


# --- comparing ----------------------------------------------------------------------------
def compare(old: dict, new: dict) -> tuple[dict[str, float], dict[str, str]]:
    """(relative change per figure both runs have, {regressed figure: line saying so}).
    A figure regresses when it is more than :data:`THRESHOLD` worse and worse by more than
    the noise floor: its unit's, or a tenth of its target, whichever is larger."""
    changes, regressions = {}, {}
    for key, row in new["figures"].items():
        before = old["figures"].get(key)
        if not before or not before.get("value"):
            continue
        change = row["value"] / before["value"] - 1
        changes[key] = change
        floor = max(NOISE_FLOOR.get(row["unit"], 0.0), row.get("target", 0) / 10)
        if change > THRESHOLD and row["value"] - before["value"] > floor:
            regressions[key] = (f"REGRESSION {key}: {_fmt(row['value'], row['unit'])} vs "
                                f"{_fmt(before['value'], row['unit'])} in the baseline "
                                f"({change:+.0%}, limit +{THRESHOLD:.0%})")
    return changes, regressions


def comparable(old: dict, new: dict) -> str:
    """Why two runs cannot be compared ("" when they can)."""
    if _settings(old) != _settings(new):
        return (f"the baseline ({old.get('mode')}, {old.get('date', '?')}) was measured with "
                "other sizes or settings: not compared")
    return ""


def _settings(run: dict) -> dict:
    """A run's sizes and settings; a setting at its default as if absent (runs made before
    the setting existed compare with runs that leave it so)."""
    sizes = dict(run.get("sizes") or {})
    if not sizes.get("team_lockstep"):
        sizes.pop("team_lockstep", None)
    return sizes


# --- the table ----------------------------------------------------------------------------
def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    digits = 0 if value >= 100 else 1 if value >= 10 else 2 if unit != "MB" else 1
    return f"{value:,.{digits}f} {unit}" if unit != "x" else f"{value:.2f}x"


def _ratio(ratio: float | None) -> str:
    if ratio is None:
        return "—"
    return f"{ratio:,.0f}x" if ratio >= 100 else f"{ratio:.1f}x" if ratio >= 0.1 else \
        f"{ratio:.3f}x"


def _target(row: dict) -> str:
    if row["target"] is None:
        return "— (none)"
    return f"{'≤' if row['unit'] == 'x' else '<'} {row['target']:g} {row['unit']}"


def table(figures: dict, changes: dict[str, float] | None = None) -> str:
    head = ["figure", "measured", "target", "", "naive", "naive/measured"]
    if changes is not None:
        head.append("vs baseline")
    head.append("note")
    body = []
    for key, row in figures.items():
        ratio = row["ratio"]
        line = [row["label"], _fmt(row["value"], row["unit"]),
                _target(row), "" if row["target"] is None else "ok" if row["ok"] else "MISS",
                _fmt(row["naive"], row["unit"]),
                _ratio(ratio)]
        if changes is not None:
            change = changes.get(key)
            line.append("—" if change is None else f"{change:+.0%}")
        line.append(row["note"])
        body.append(line)
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head) - 1)]
    out = []
    for r in [head, ["-" * w for w in widths] + ["----"], *body]:
        cells = [c.rjust(w) if 0 < i < len(widths) and i != 3 else c.ljust(w)
                 for i, (c, w) in enumerate(zip(r, widths, strict=False))]
        out.append(" | ".join([*cells, r[-1]]).rstrip())
    return "\n".join(out)
