"""How each corpus figure grows with the number of documents (``suite.py --sizes``): the
growth exponent between neighbouring sizes (1 = linear, 0 = constant) and a log–log plot
written as SVG, so nothing beyond the standard library is needed to draw it.

A figure whose exponent is above :data:`SUPERLINEAR` grows faster than the corpus: a
defect to find and fix, not a number to report.
"""

from __future__ import annotations

import math
from html import escape
from pathlib import Path

from common import FIGURES

#: an exponent above this (between two sizes) is reported as faster than linear; timings
#: on the shared 2-core machine swing by 40 %, which over a factor 10 in size is ±0.15
SUPERLINEAR = 1.15
#: figures below these are at the timer's / noise floor and their exponent means nothing
FLOOR = {"ms": 5.0, "s": 0.05, "MB": 5.0, "x": 0.0}

COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
           "#17becf", "#7f7f7f", "#bcbd22", "#393b79", "#637939", "#8c6d31", "#843c39",
           "#7b4173", "#3182bd", "#e6550d", "#31a354")


def series(by_size: dict[str, dict]) -> dict[str, list[tuple[int, float]]]:
    """figure key -> [(documents, value)] ascending, from a run's ``by_size``."""
    out: dict[str, list[tuple[int, float]]] = {}
    for entry in sorted(by_size.values(), key=lambda e: e["docs"]):
        for key, row in entry["figures"].items():
            if row.get("value"):
                out.setdefault(key, []).append((entry["docs"], row["value"]))
    return out


def exponents(points: list[tuple[int, float]]) -> list[float]:
    """log(v2/v1) / log(n2/n1) between neighbouring sizes."""
    return [math.log(v2 / v1) / math.log(n2 / n1)
            for (n1, v1), (n2, v2) in zip(points, points[1:], strict=False)
            if v1 > 0 and v2 > 0 and n2 > n1]


def verdicts(by_size: dict[str, dict]) -> dict[str, tuple[list[float], bool]]:
    """figure key -> (exponents, grows faster than linearly above the noise floor)."""
    units = {k: row["unit"] for e in by_size.values() for k, row in e["figures"].items()}
    out = {}
    for key, points in series(by_size).items():
        exps = exponents(points)
        floor = FLOOR.get(units[key], 0.0)
        bad = any(e > SUPERLINEAR and points[i + 1][1] > floor for i, e in enumerate(exps))
        out[key] = (exps, bad)
    return out


def table(by_size: dict[str, dict]) -> str:
    """One line per figure: its values per size and the growth exponents."""
    entries = sorted(by_size.values(), key=lambda e: e["docs"])
    labels = [e["label"] for e in entries]
    lines = [f"{'figure':<18} " + " ".join(f"{lab:>12}" for lab in labels)
             + "   growth exponent(s)"]
    for key, (exps, bad) in verdicts(by_size).items():
        cells = []
        for e in entries:
            row = e["figures"].get(key)
            cells.append(f"{row['value']:>9,.4g} {row['unit']:<2}" if row else f"{'—':>12}")
        growth = ", ".join(f"{x:.2f}" for x in exps) or "—"
        lines.append(f"{key:<18} " + " ".join(cells) + f"   {growth}"
                     + ("  FASTER THAN LINEAR" if bad else ""))
    return "\n".join(lines)


def svg(by_size: dict[str, dict], title: str = "") -> str:
    """A log–log plot: every figure divided by its target (so one axis holds ms, s, MB
    and ratios; 1 = at the target), against the number of documents; a dashed line of
    slope 1 shows linear growth."""
    entries = sorted(by_size.values(), key=lambda e: e["docs"])
    curves = {}
    for key, points in series(by_size).items():
        target = {e["docs"]: e["figures"][key]["target"] or FIGURES[key].target
                  for e in entries if key in e["figures"]}  # (no target there: the usual)
        curves[key] = [(n, v / target[n]) for n, v in points if target.get(n)]
    curves = {k: c for k, c in curves.items() if c}
    width, height, left, right, top, bottom = 760, 480, 70, 210, 40, 50
    ns = [n for c in curves.values() for n, _ in c] or [1, 10]
    ys = [y for c in curves.values() for _, y in c] or [0.1, 1]
    x0, x1 = math.log10(min(ns)), math.log10(max(ns))
    y0 = math.floor(math.log10(min(min(ys), 1))) if ys else -1
    y1 = math.ceil(math.log10(max(max(ys), 1))) if ys else 1
    x1 = x1 if x1 > x0 else x0 + 1
    y1 = y1 if y1 > y0 else y0 + 1

    def px(n: float) -> float:
        return left + (math.log10(n) - x0) / (x1 - x0) * (width - left - right)

    def py(y: float) -> float:
        return top + (y1 - math.log10(y)) / (y1 - y0) * (height - top - bottom)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="11">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="20" font-size="13">{escape(title)}</text>']
    for e in range(y0, y1 + 1):
        y = py(10 ** e)
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
                   f'stroke="{"#999" if e == 0 else "#e5e5e5"}"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
                   f'{10 ** e:g}</text>')
    for n in sorted(set(ns)):
        x = px(n)
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{height - bottom}" '
                   'stroke="#e5e5e5"/>')
        out.append(f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle">'
                   f'{n:,}</text>')
    out.append(f'<text x="{(left + width - right) / 2}" y="{height - 12}" '
               'text-anchor="middle">documents (log)</text>')
    out.append(f'<text x="16" y="{(top + height - bottom) / 2}" text-anchor="middle" '
               f'transform="rotate(-90 16 {(top + height - bottom) / 2})">'
               'figure / its target (log; 1 = target)</text>')
    if len(set(ns)) > 1:  # slope 1 through the lowest-left point's decade
        n_lo, n_hi = min(ns), max(ns)
        base = 10 ** y0 * 1.5
        out.append(f'<line x1="{px(n_lo):.1f}" y1="{py(base):.1f}" x2="{px(n_hi):.1f}" '
                   f'y2="{py(min(base * n_hi / n_lo, 10 ** y1)):.1f}" stroke="#444" '
                   'stroke-dasharray="5,4"/>')
    for i, (key, points) in enumerate(sorted(curves.items())):
        colour = COLOURS[i % len(COLOURS)]
        path = " ".join(f"{px(n):.1f},{py(y):.1f}" for n, y in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                   'stroke-width="1.6"/>')
        out += [f'<circle cx="{px(n):.1f}" cy="{py(y):.1f}" r="2.5" fill="{colour}"/>'
                for n, y in points]
        ly = top + 8 + i * 15
        out.append(f'<line x1="{width - right + 12}" x2="{width - right + 30}" y1="{ly}" '
                   f'y2="{ly}" stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{width - right + 35}" y="{ly + 4}">{escape(key)}</text>')
    ly = top + 8 + len(curves) * 15
    out.append(f'<line x1="{width - right + 12}" x2="{width - right + 30}" y1="{ly}" '
               f'y2="{ly}" stroke="#444" stroke-dasharray="5,4"/>')
    out.append(f'<text x="{width - right + 35}" y="{ly + 4}">linear (slope 1)</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def save_svg(by_size: dict[str, dict], path: Path, title: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(svg(by_size, title), encoding="utf-8")
    return path
