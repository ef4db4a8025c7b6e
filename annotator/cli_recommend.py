"""``annotator recommend`` (train, evaluate, show the recommenders) and ``annotator
predict`` (pre-annotate into a machine layer): thin layers over
:mod:`annotator.recommend` (registered on the :func:`annotator.cli.cli` group)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from annotator.cli import PROJECT, cli, emit_json, fail_cleanly, for_writing
from annotator.store import open_project


class StageLine:
    """``progress(stage, done, total)`` as one line on stderr (redrawn on a terminal)."""

    def __init__(self) -> None:
        self.tty, self.last = sys.stderr.isatty(), 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.tty or time.monotonic() - self.last < 0.2:
            return
        self.last = time.monotonic()
        sys.stderr.write(f"\r{stage}: {done}/{total}".ljust(40))
        sys.stderr.flush()

    def close(self) -> None:
        if self.tty and self.last:
            sys.stderr.write("\r" + " " * 40 + "\r")


def _status_lines(store, limit: float) -> list[str]:
    from annotator.recommend import models

    loaded = models.load(models.folder(store))
    if loaded is None:
        return [f"{store.location}: no trained recommenders (train them with: annotator "
                f"recommend {store.location} --train)"]
    state = loaded.state
    lines = [f"trained {state['trained'][:19].replace('T', ' ')} on layer {state['layer']}: "
             f"{state['documents']} documents, {state['spans']} spans"
             + (f"; {state['method']}" if state.get("method") else "")]
    lines += [s.reason for s in models.statuses(state, limit).values()]
    return lines


@cli.command("recommend")
@click.argument("project", type=PROJECT)
@click.option("--train", "do_train", is_flag=True,
              help="Train both recommenders on the layer (and measure them on held-out "
                   "documents, which decides whether each may suggest).")
@click.option("--layer", default="gold", show_default=True,
              help="What to learn from: gold, accepted, or an annotator's name.")
@click.option("--eval", "do_eval", is_flag=True,
              help="Evaluate both on held-out documents: per-tag precision, recall and F1, "
                   "exact and overlapping, and the learning curve.")
@click.option("--json", "as_json", is_flag=True, help="The evaluation as one JSON object.")
@click.option("--plot", "plot_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also write the learning curve and the F1 per tag (PNG, SVG) here.")
@click.option("--threshold", type=click.FloatRange(0, 1),
              help="Set the project's F1 threshold: a recommender below it makes no "
                   "suggestions.")
@fail_cleanly
def recommend_cmd(project: Path | str, do_train: bool, layer: str, do_eval: bool,
                  as_json: bool, plot_dir: Path | None, threshold: float | None) -> None:
    """Train, evaluate and show PROJECT's recommenders: the lexicon (strings the layer
    tagged, scored by how often they carried each tag) and a sequence model (a CRF over
    characters, words and lexicon matches). Without options, says what is trained and
    whether each recommender suggests. Evaluation: docs/recommenders.md.

    \b
    Example:
        annotator recommend study.annotator --train --layer gold --eval --plot charts/
        annotator recommend study.annotator --threshold 0.6
    """
    from annotator.recommend import models

    if (as_json or plot_dir) and not do_eval:
        raise click.UsageError("--json and --plot go with --eval")
    if threshold is not None:
        with for_writing(project, "recommend --threshold") as store:
            models.set_threshold(store, threshold)
    with open_project(project) as store:
        if do_train or do_eval:
            _train_and_evaluate(store, layer, do_train, do_eval, as_json, plot_dir)
        if not as_json:
            for line in _status_lines(store, models.threshold(store)):
                click.echo(line)


def _train_and_evaluate(store, layer: str, do_train: bool, do_eval: bool, as_json: bool,
                        plot_dir: Path | None) -> None:
    from annotator.recommend import models, training

    try:
        corpus = training.read(store, layer)
    except ValueError as e:
        raise click.ClickException(f"{store.location}: {e}") from None
    if not corpus.examples:
        raise click.ClickException(f"{store.location}: the layer '{layer}' has no spans to "
                                   "learn from")
    bar = StageLine()
    try:
        evaluation = training.evaluate(corpus, curve=do_eval, progress=bar) \
            if len(corpus.examples) > 1 else None
        if do_train:
            trained = training.fit(corpus, progress=bar)
            state = models.state_of(evaluation, corpus.spans, len(corpus.examples), layer,
                                    trained)
            where = models.folder(store)
            if where is None:
                raise click.ClickException("a project in memory keeps no trained models")
            models.save(where, trained, state)
    finally:
        bar.close()
    if do_eval:
        _show(store, evaluation, as_json, plot_dir, layer)
    if corpus.overlapping and not as_json:
        click.echo(f"note: {corpus.overlapping} overlapping spans were left out of training "
                   "(a character gets one label; the longest span is kept)", err=True)


def _show(store, evaluation, as_json: bool, plot_dir: Path | None, layer: str) -> None:
    from annotator.recommend import report

    if evaluation is None:
        raise click.ClickException(f"{store.location}: the layer '{layer}' has spans in one "
                                   "document only; an evaluation needs two or more")
    if as_json:
        emit_json(evaluation.to_dict())
    else:
        click.echo(report.as_text(evaluation), nl=False)
    if plot_dir is not None:
        try:
            written = report.write_plots(evaluation, plot_dir)
        except OSError as e:
            raise click.ClickException(f"{plot_dir}: cannot write the charts: "
                                       f"{e.strerror or e}") from None
        click.echo(f"wrote {len(written)} files to {plot_dir}", err=True)


@cli.command("predict")
@click.argument("project", type=PROJECT)
@click.option("--layer", required=True, help="The machine layer to write, e.g. model:crf.")
@click.option("--docs", "docs", multiple=True,
              help="Only these documents (id, prefix or number; repeatable). Default: all.")
@click.option("--recommender", type=click.Choice(["crf", "lexicon", "both"]), default=None,
              help="Whose spans (default: crf for model:crf, lexicon for model:lexicon, "
                   "else both).")
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out spans scored below this.")
@fail_cleanly
def predict_cmd(project: Path | str, layer: str, docs: tuple[str, ...],
                recommender: str | None, min_score: float) -> None:
    """Pre-annotate PROJECT: the trained recommenders' spans stored as a machine layer
    (an annotator's layer like any other: review mode compares it, a reviewer accepts its
    spans into gold). Predicting again replaces the layer's spans in those documents,
    except those a review decision is about. A recommender below the project's F1
    threshold is refused, saying why.

    \b
    Example:
        annotator predict study.annotator --layer model:crf
        annotator predict study.annotator --docs 3 --docs 4 --layer model:crf
    """
    from annotator.recommend import layer as machine
    from annotator.recommend import models

    try:
        machine.check_name(layer)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--layer") from None
    which = recommender or {"model:crf": "crf", "model:lexicon": "lexicon"}.get(layer, "both")
    names = ["crf", "lexicon"] if which == "both" else [which]
    with for_writing(project, "predict") as store:
        loaded = models.load(models.folder(store))
        if loaded is None:
            raise click.ClickException(f"{store.location}: no trained recommenders (train "
                                       f"them with: annotator recommend {store.location} "
                                       "--train)")
        verdict = models.statuses(loaded.state, models.threshold(store))
        for name in names:
            if not verdict[name].enabled:
                raise click.ClickException(f"{store.location}: {verdict[name].reason}")
        ids = [store.resolve_document(d) for d in docs] or [d.id for d in store.documents()]
        outcome = machine.predict_into(store, loaded, names, layer, ids, min_score)
    click.echo(outcome.line(layer))
