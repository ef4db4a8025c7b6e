"""Command line: a thin layer over the library. ``annotator --help`` lists the commands."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path

import click

from annotator import __version__
from annotator.core.annotation import Annotator
from annotator.core.document import human_date
from annotator.core.errors import AnnotatorError
from annotator.core.tagset import load_tagset
from annotator.ingest.metadata import short_title
from annotator.ingest.rules import RULE_NAMES, RULES, check_skippable
from annotator.interchange import import_files
from annotator.project import LIST_AT_MOST, create_project
from annotator.store import Store, damage_of, is_team, open_project

RULE_HELP = "; ".join(f"{r.name}" for r in RULES if not r.required)


def fail_cleanly(fn: Callable) -> Callable:
    """Turn our errors into a one-line message and exit status 1; so too SQLite meeting
    damage in the PROJECT file that its check at opening did not see (pointing at the
    latest backup, as a damaged file found at opening does)."""

    @wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except AnnotatorError as e:  # NotFoundError included: "PROJECT: no such document: X"
            raise click.ClickException(str(e)) from None
        except Exception as e:
            project = kwargs.get("project")
            if not isinstance(project, Path) or (damage := damage_of(e, project)) is None:
                raise
            raise click.ClickException(str(damage)) from None

    return wrapper


class ProjectArg(click.ParamType):
    """PROJECT: a project file (a path) or a team project (a ``postgresql://`` URL, with
    libpq's conventions: ~/.pgpass or PGPASSFILE, PGSERVICE, sslmode …)."""

    name = "project"

    def __init__(self, exists: bool = True):
        self.path = click.Path(exists=exists, dir_okay=False, path_type=Path)

    def convert(self, value, param, ctx):
        if is_team(value):
            return value
        return self.path.convert(value, param, ctx)


PROJECT = ProjectArg()
NEW_PROJECT = ProjectArg(exists=False)


def for_writing(project: Path | str, what: str):
    """Open PROJECT to change it. A project file is refused while a window (or another
    command) is editing it, with who and since when, with a warning first if it lives on a
    network drive or in a sync folder; a team project takes everyone's edits at once."""
    from annotator.store.location import storage_warning

    if is_team(project):
        return open_project(project)
    assert isinstance(project, Path)
    if warning := storage_warning(project):
        click.echo(f"warning: {warning}", err=True)
    return Store.open(project, lock=f"annotator {what} (command line)")


def emit_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _open_window(project: Path | str | None) -> None:
    from annotator.qt.app import run  # Qt is imported only when a window is wanted

    sys.exit(run(project))


def one_line(error: click.ClickException) -> str:
    """An error as the one line the user sees: a usage error names the command and where
    its help is, instead of click's usage block."""
    message = " ".join(error.format_message().split())
    if isinstance(error, click.UsageError) and error.ctx is not None:
        path = error.ctx.command_path
        message = f"{path}: {message.rstrip('.')} (see '{path} --help')"
    return f"Error: {message}"


class OneLineErrors(click.Group):
    """The ``annotator`` group: every error, usage errors included, is one line on stderr
    and exit status 1 (click prints a usage block and exits 2 for those)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True,
             **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            status = super().main(args, prog_name, complete_var, False, **extra)
        except click.ClickException as e:
            click.echo(one_line(e), err=True)
            sys.exit(1)
        except AnnotatorError as e:  # from a command without @fail_cleanly
            click.echo(one_line(click.ClickException(str(e))), err=True)
            sys.exit(1)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(status if isinstance(status, int) else 0)


@click.group(name="annotator", cls=OneLineErrors, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Annotate actors, mechanisms and threats in Chinese security-cooperation texts.

    With no command, opens the window on your default project (created with the demo
    corpus on first run).

    \b
    Example:
        annotator init study.annotator
        annotator import study.annotator ~/articles/
        annotator open study.annotator
    """
    if ctx.invoked_subcommand is None:
        _open_window(None)


@cli.command("open")
@click.argument("project", required=False, type=NEW_PROJECT)
def open_cmd(project: Path | str | None) -> None:
    """Open the window on PROJECT (without one, on your default project, as the desktop
    launcher does).

    \b
    Example:
        annotator open study.annotator
    """
    _open_window(project)


@cli.command()
@click.argument("project", type=NEW_PROJECT)
@click.option("--tagset", "tagset_file", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Use this tagset file instead of the default one.")
@click.option("--no-seeds", is_flag=True, help="Start empty instead of with the demo corpus.")
@fail_cleanly
def init(project: Path | str, tagset_file: Path | None, no_seeds: bool) -> None:
    """Create a new project: a project file PROJECT, or a team project in the PostgreSQL
    database PROJECT names (an empty one, or one the server lets you create; you become
    its owner: add members with `annotator team add-member`).

    \b
    Example:
        annotator init study.annotator --no-seeds --tagset my-tags.json
        annotator init postgresql://lin@db.example.org/study
    """
    tagset = load_tagset(tagset_file) if tagset_file else None
    store, report = create_project(project, tagset, seeds=not no_seeds)
    with store:
        click.echo(f"created {store.location} with {len(report.added)} documents")


def _skippable(ctx: click.Context, param: click.Parameter, names: tuple[str, ...]
               ) -> tuple[str, ...]:
    """Refuse to skip a required rule (``--skip-rule nfc``) instead of running it anyway."""
    try:
        check_skippable(names)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None
    return names


@cli.command("import")
@click.argument("project", type=PROJECT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--no-clean", is_flag=True,
              help="Only the required rules (line ends, control characters, Unicode NFC); "
                   "keep everything else.")
@click.option("--skip-rule", "skip", multiple=True, type=click.Choice(RULE_NAMES),
              callback=_skippable,
              help=f"Switch off one cleaning rule (repeatable): {RULE_HELP}.")
@click.option("--annotator", "annotator_name", help="Record who imported the documents.")
@click.option("--progress/--no-progress", "show_progress", default=None,
              help="Progress line on stderr: files, documents, rate, time left (default: "
                   "when stderr is a terminal).")
@click.option("--verbose", "-v", is_flag=True,
              help=f"List every document imported or skipped (more than {LIST_AT_MOST} are "
                   "otherwise counted in one line).")
@fail_cleanly
def import_cmd(project: Path | str, paths: tuple[Path, ...], no_clean: bool, skip: tuple[str, ...],
               annotator_name: str | None, show_progress: bool | None, verbose: bool) -> None:
    """Import into PROJECT, telling each file's kind by its content: texts (.txt in
    UTF-8/UTF-16/GB18030/Big5), HTML pages, JSON/JSONL records and folders of them, cleaned
    of scraping noise (see `show --cleaning`); our own JSON, JSONL and stand-off TEI
    exports; doccano JSONL and brat .ann files (with the .txt beside each; a folder of them
    as brat's collection) as one annotator's layer, spans and relations (--annotator).

    Ctrl+C stops after the file being read: the files read so far stay imported, each
    document whole, and the exit status is 130; importing the same paths again adds the
    rest (documents already there are skipped).

    \b
    Example:
        annotator import study.annotator articles/ page.html --skip-rule pinyin
        annotator import study.annotator colleague.json
        annotator import study.annotator doccano.jsonl --annotator chen
        annotator import study.annotator brat/doc1.ann --annotator lin
    """
    from annotator.ingest.progress import (
        TerminalProgress,
        cancelled_message,
        first_interrupt_cancels,
    )

    rules = [] if no_clean else [r for r in RULE_NAMES if r not in skip]
    who = Annotator(annotator_name, annotator_name) if annotator_name else None
    if show_progress is None:
        show_progress = sys.stderr.isatty()
    bar = TerminalProgress(sys.stderr, sys.stderr.isatty()) if show_progress else None
    interrupted = False
    try:
        with for_writing(project, "import") as store, first_interrupt_cancels() as stop:
            outcome = import_files(store, paths, who, rules, bar, stop.is_set, verbose)
            if who and not outcome.errors:  # a refused file leaves the project unchanged
                store.add_annotator(who)
    except KeyboardInterrupt:  # a second Ctrl+C: the open transaction rolled back
        interrupted = True
    finally:
        if bar:
            bar.close()
    if interrupted:
        click.echo("interrupted: the batches stored before stay, each document whole; the "
                   "one being stored was rolled back", err=True)
        sys.exit(130)
    for line in outcome.lines:
        click.echo(line)
    for error in outcome.errors:
        click.echo(f"error: {error.message}", err=True)
    if outcome.cancelled:
        click.echo(cancelled_message(outcome.done, outcome.total, outcome.documents), err=True)
        sys.exit(130)
    click.echo(f"{len(outcome.errors)} file(s) refused" if outcome.errors else "done")
    if outcome.errors:
        sys.exit(1)


@cli.command()
@click.argument("project", type=PROJECT)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@fail_cleanly
def docs(project: Path | str, as_json: bool) -> None:
    """List the documents in PROJECT: id, title, date, source, script, status, annotations.

    \b
    Example:
        annotator docs study.annotator --json
    """
    with open_project(project) as store:
        rows = store.documents()
    if as_json:
        emit_json([r.to_dict() for r in rows])
        return
    dates = [human_date(r.date) or "-" for r in rows]
    width = max(map(len, dates), default=0)
    for i, (r, date) in enumerate(zip(rows, dates, strict=True), 1):
        click.echo(f"{i:>3}  {r.id}  {date:<{width}}  {r.script:<7}  {r.status:<11}  "
                   f"{r.annotations:>4}  {r.source or '-'}  {short_title(r.title)}")


@cli.command()
@click.argument("project", type=PROJECT)
@click.argument("doc")
@click.option("--cleaning", is_flag=True, help="Also list what cleaning removed, and why.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@fail_cleanly
def show(project: Path | str, doc: str, cleaning: bool, as_json: bool) -> None:
    """Print one document of PROJECT; DOC is its id, an id prefix, or its list number.

    \b
    Example:
        annotator show study.annotator 5 --cleaning
    """
    with open_project(project) as store:
        d = store.document(store.resolve_document(doc))
    if as_json:
        data = {k: v for k, v in d.__dict__.items() if k not in ("raw", "original")}
        data["cleaning"] = list(d.cleaning) if cleaning else len(d.cleaning)
        emit_json(data)
        return
    click.echo(f"# {short_title(d.title)}\n# id {d.id}  date {human_date(d.date) or '-'}  "
               f"source {d.source or '-'}  "
               f"script {d.script} ({', '.join(d.languages)})  from {d.origin}\n")
    click.echo(d.text)
    if cleaning:
        click.echo(f"\n# cleaning: {len(d.cleaning)} changes")
        for e in d.cleaning:
            click.echo(f"#  {e['rule']:<18} @{e['orig_start']}-{e['orig_end']}  {e['reason']}: "
                       f"{json.dumps(e['removed'], ensure_ascii=False)} -> "
                       f"{json.dumps(e['inserted'], ensure_ascii=False)}")


@cli.command()
@click.argument("project", type=PROJECT)
@click.option("--load", "load_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Make this tagset file the project's tagset.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@fail_cleanly
def tagset(project: Path | str, load_file: Path | None, as_json: bool) -> None:
    """Show PROJECT's tagset, or load a new one from a file.

    \b
    Example:
        annotator tagset study.annotator --load my-tags.json
    """
    with (for_writing(project, "tagset --load") if load_file else open_project(project)) \
            as store:
        if load_file:
            store.set_tagset(load_tagset(load_file))
        ts = store.tagset()
    if ts is None:
        raise click.ClickException(f"{project}: has no tagset; load one with --load FILE")
    if as_json:
        emit_json(ts.to_dict())
        return
    click.echo(f"{ts.id} v{ts.version}: {ts.name.get('en', '')} / {ts.name.get('zh-Hans', '')}")
    for group in ts.groups:
        click.echo(f"\n{group.label.get('en')} / {group.label.get('zh-Hans')}")
        for t in group.tags:
            click.echo(f"  [{t.hotkey or ' '}] {t.id:<28} {t.colour}  {t.label.get('en')} / "
                       f"{t.label.get('zh-Hans')}")


# the other commands live in cli_data (export, merge, agreement, search,
# check-consistency), cli_project (check, backup, restore), cli_stats (stats), cli_team
# (team, transfer, checkout, push), cli_work (assign, queue, status, progress, blind),
# cli_notes (guidelines, notes, comment, resolve) and cli_recommend (recommend, predict);
# importing them registers them here
from annotator import (  # noqa: E402,F401
    cli_data,
    cli_notes,
    cli_project,
    cli_recommend,
    cli_stats,
    cli_team,
    cli_work,
)


def main() -> None:
    cli(prog_name="annotator")
