"""An evaluation as text: the F1 table of both recommenders side by side, per tag, and
the learning curve (``annotator recommend --eval``); and as charts (:func:`write_plots`,
matplotlib without pyplot or Qt, like :mod:`annotator.stats.plots`)."""

from __future__ import annotations

from pathlib import Path

from annotator.recommend.evaluate import RECOMMENDERS, Counts
from annotator.recommend.models import TITLES
from annotator.recommend.training import Evaluation

PNG_DPI = 150


def _cells(c: Counts) -> str:
    return f"{c.precision:5.2f} {c.recall:5.2f} {c.f1:5.2f}"


def as_text(ev: Evaluation, tag_name=lambda t: t) -> str:
    """Per tag: gold spans, then P R F1 exact and overlapping for each recommender."""
    lines = [f"layer {ev.layer}: {ev.documents} documents, {ev.spans} spans; {ev.method}",
             ""]
    head = "".join(f"  {TITLES[n][:22]:<38}" for n in RECOMMENDERS)
    lines.append(f"{'':<30}{'gold':>6}{head}")
    sub = "".join(f"  {'exact P    R    F1':<19}{'overlap P R    F1':<19}"
                  for _ in RECOMMENDERS)
    lines.append(f"{'tag':<30}{'spans':>6}{sub}")
    tags = sorted({t for s in ev.scores.values() for t in s.exact})
    for tag in tags:
        gold = next(s.exact[tag].tp + s.exact[tag].fn for s in ev.scores.values()
                    if tag in s.exact)
        row = "".join(f"  {_cells(ev.scores[n].exact.get(tag, Counts()))}  "
                      f"{_cells(ev.scores[n].overlap.get(tag, Counts()))}"
                      for n in RECOMMENDERS)
        lines.append(f"{tag_name(tag)[:30]:<30}{gold:>6}{row}")
    totals = "".join(f"  {_cells(ev.scores[n].total('exact'))}  "
                     f"{_cells(ev.scores[n].total('overlap'))}" for n in RECOMMENDERS)
    every = ev.scores[RECOMMENDERS[0]].total("exact")
    lines.append(f"{'all tags (micro)':<30}{every.tp + every.fn:>6}{totals}")
    if ev.curve:
        lines += ["", "learning curve (exact F1 on the held-out documents)",
                  f"{'share':>6}{'spans':>8}" + "".join(f"{n:>10}" for n in RECOMMENDERS)]
        for p in ev.curve:
            lines.append(f"{p.share:>6.0%}{p.spans // max(1, ev.folds):>8}" + "".join(
                f"{p.scores[n].total('exact').f1:>10.2f}" for n in RECOMMENDERS))
    return "\n".join(lines) + "\n"


def write_plots(ev: Evaluation, folder: Path) -> list[Path]:
    """The learning curve and the per-tag F1 bars as PNG and SVG in ``folder``."""
    from matplotlib.figure import Figure

    from annotator.stats.plots import setup_fonts

    setup_fonts()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    if ev.curve:
        fig = Figure(figsize=(8, 5))
        ax = fig.add_subplot()
        xs = [p.spans / max(1, ev.folds) for p in ev.curve]
        for k, name in enumerate(RECOMMENDERS):
            for kind, style in (("exact", "-o"), ("overlap", ":")):
                ax.plot(xs, [p.scores[name].total(kind).f1 for p in ev.curve], style,
                        color=f"C{k}", label=f"{TITLES[name]}, {kind}")
        ax.set_xlabel("training spans")
        ax.set_ylabel("F1 on held-out documents")
        ax.set_ylim(0, 1)
        ax.set_title(f"Learning curve: layer {ev.layer}, {ev.method}")
        ax.grid(alpha=0.3)
        ax.legend(loc="lower right")
        written += _save(fig, folder / "learning-curve")
    tags = sorted({t for s in ev.scores.values() for t in s.exact})
    fig = Figure(figsize=(10, max(4, 0.35 * len(tags) + 1.5)))
    ax = fig.add_subplot()
    height = 0.4
    for k, name in enumerate(RECOMMENDERS):
        ax.barh([i + k * height for i in range(len(tags))],
                [ev.scores[name].exact.get(t, Counts()).f1 for t in tags], height,
                label=TITLES[name])
    ax.set_yticks([i + height / 2 for i in range(len(tags))], tags)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("exact F1 on held-out documents")
    ax.set_title(f"F1 per tag: layer {ev.layer}")
    ax.legend(loc="best")
    fig.tight_layout()
    written += _save(fig, folder / "f1-per-tag")
    return written


def _save(fig, stem: Path) -> list[Path]:
    out = []
    for suffix, dpi in ((".png", PNG_DPI), (".svg", None)):
        path = stem.with_suffix(suffix)
        fig.savefig(path, dpi=dpi)
        out.append(path)
    return out
