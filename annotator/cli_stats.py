"""``annotator stats``: the statistics view's figures on the command line (registers on the
:func:`annotator.cli.cli` group; a thin layer over :mod:`annotator.stats`)."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli import PROJECT, cli, fail_cleanly
from annotator.core import blind
from annotator.stats.labels import LANGS
from annotator.stats.layer import KINDS, Layer
from annotator.stats.model import PERIODS
from annotator.stats.units import UNITS
from annotator.store import open_project


@cli.command("stats")
@click.argument("project", type=PROJECT)
@click.option("--layer", type=click.Choice(KINDS), default="all", show_default=True,
              help="Whose spans: all annotators, one annotator (--annotator), or gold.")
@click.option("--annotator", "annotator_id", help="Only this annotator's own spans (not "
              "the gold their review decisions made: that is --layer gold).")
@click.option("--unit", type=click.Choice(UNITS), default="sentence", show_default=True,
              help="Co-occurrence within a sentence or a paragraph.")
@click.option("--period", type=click.Choice(PERIODS), default="month", show_default=True,
              help="The timeline's bins.")
@click.option("--lang", type=click.Choice(LANGS), default="en", show_default=True,
              help="Language of tag names and chart labels.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@click.option("--csv", "as_csv", is_flag=True,
              help="CSV: table,row,column,value,row_label,column_label (one line per number).")
@click.option("--plot", "plot_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also write each chart as PNG and SVG, with its numbers as CSV, here.")
@click.option("--relations", is_flag=True, help="The relations instead: counts per type, "
              "actor → mechanism → threat links and chains (--plot: the network chart).")
@fail_cleanly
def stats_cmd(project: Path | str, layer: str, annotator_id: str | None, unit: str, period: str,
              lang: str, as_json: bool, as_csv: bool, plot_dir: Path | None,
              relations: bool) -> None:
    """Statistics of PROJECT: spans per tag, group, document and annotator; progress;
    co-occurrence of actors with threats and with mechanisms (sentences or paragraphs
    holding both); threats by document date; the most frequent normalized names. In the
    layer of all annotators, the same span marked by several annotators counts once.
    Definitions: docs/statistics.md.

    \b
    Example:
        annotator stats study.annotator
        annotator stats study.annotator --layer gold --unit paragraph --json
        annotator stats study.annotator --annotator lin --plot charts/ --lang zh-Hans
        annotator stats study.annotator --relations --layer gold --plot charts/
    """
    from annotator.stats import tables
    from annotator.stats.compute import project_stats

    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    try:
        chosen = Layer.parse(layer, annotator_id)
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    if relations:
        _relations(project, chosen, lang, as_json, as_csv, plot_dir)
        return
    with open_project(project) as store:
        try:
            stats = project_stats(store, chosen, unit, period,
                                  blind=blind.of_member(store))  # what it hides from me
        except ValueError as e:
            raise click.ClickException(f"{project}: {e}") from None
    name = project.name if isinstance(project, Path) else store.location
    if as_json:
        click.echo(tables.as_json(stats, name))
    elif as_csv:
        click.echo(tables.as_csv(stats, lang), nl=False)
    else:
        click.echo(tables.as_text(stats, name, lang), nl=False)
    if plot_dir is not None:
        _plot(stats, plot_dir, lang)


def _plot(stats, folder: Path, lang: str) -> None:
    from annotator.stats import plots

    if not plots.has_cjk_font():
        click.echo("warning: no Chinese font found (install fonts-noto-cjk); Chinese "
                   "labels will show as boxes", err=True)
    try:
        written = plots.write_all(stats, folder, lang)
    except OSError as e:
        raise click.ClickException(f"{folder}: cannot write the charts: "
                                   f"{e.strerror or e}") from None
    click.echo(f"wrote {len(written)} files to {folder}", err=True)


def _relations(project: Path | str, layer: Layer, lang: str, as_json: bool, as_csv: bool,
               plot_dir: Path | None) -> None:
    """``stats --relations``: the relation figures of the layer."""
    from annotator.stats import relplot, reltables
    from annotator.stats.relations import project_relation_stats

    with open_project(project) as store:
        try:
            stats = project_relation_stats(store, layer, blind=blind.of_member(store))
        except ValueError as e:
            raise click.ClickException(f"{project}: {e}") from None
        tagset = store.tagset()
        name = project.name if isinstance(project, Path) else store.location
    assert tagset is not None  # project_relation_stats refuses a project without one
    if as_json:
        click.echo(reltables.as_json(stats, tagset, name, lang))
    elif as_csv:
        click.echo(reltables.as_csv(stats), nl=False)
    else:
        click.echo(reltables.as_text(stats, tagset, name, lang), nl=False)
    if plot_dir is not None:
        try:
            written = relplot.write(stats, tagset, plot_dir, lang)
        except OSError as e:
            raise click.ClickException(f"{plot_dir}: cannot write the chart: "
                                       f"{e.strerror or e}") from None
        click.echo(f"wrote {len(written)} files to {plot_dir}", err=True)
