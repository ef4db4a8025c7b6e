"""Keeping a project sound: ``check``, ``backup`` and ``restore`` (registered on the
``annotator`` group)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli import NEW_PROJECT, PROJECT, cli, emit_json, fail_cleanly
from annotator.store import Store, is_team, open_project


@cli.command("check")
@click.argument("project", type=PROJECT)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@fail_cleanly
def check_cmd(project: Path | str, as_json: bool) -> None:
    """Look for damage in PROJECT without changing it: SQLite's integrity and foreign-key
    checks, rows whose document, annotator or annotation is gone, spans outside their text,
    tags not in the tagset, unreadable undo history. One line per problem, then a summary;
    exit status 1 when there is a problem.

    \b
    Example:
        annotator check study.annotator --json
    """
    opened = open_project(project, read_only="being checked") if is_team(project) else \
        Store.open_readonly(project)
    with opened as store:
        report = store.check()
    if as_json:
        emit_json(report.to_dict())
    else:
        for line in report.lines():
            click.echo(line)
    if not report.ok:
        sys.exit(1)


@cli.command("backup")
@click.argument("project", type=PROJECT)
@click.option("--list", "listing", is_flag=True, help="List the backups instead, newest first.")
@fail_cleanly
def backup_cmd(project: Path | str, listing: bool) -> None:
    """Take a consistent snapshot of PROJECT into PROJECT.backups/ (the newest 10 are
    kept; the window also takes one when it opens a project and every 20 minutes). Safe
    while the window has the project open. A team project's snapshot is a project file
    (in your data folder's team-backups/), which opens anywhere, no server needed.

    \b
    Example:
        annotator backup study.annotator
        annotator backup study.annotator --list
        annotator backup postgresql://lin@db.example.org/study
    """
    from annotator.store import backups

    if listing:
        for path in backups.backups(backups.folder_key(project)):
            click.echo(path)
        return
    with open_project(project, check=False) as store:
        click.echo(store.backup("manual"))


@cli.command("restore")
@click.argument("project", type=NEW_PROJECT)
@click.argument("backup", required=False, type=click.Path(exists=True, dir_okay=False,
                                                           path_type=Path))
@fail_cleanly
def restore_cmd(project: Path | str, backup: Path | None) -> None:
    """Put a backup (by default the newest of PROJECT.backups/) in place of PROJECT. The
    current file, damaged or not, is kept in PROJECT.backups/ (nothing is deleted). Refused
    while a window has the project open, or if the backup itself is damaged.

    \b
    Example:
        annotator restore study.annotator
        annotator restore study.annotator study.annotator.backups/study-20261122T0300Z-manual.annotator
    """
    from annotator.store import backups
    from annotator.store.lock import ProjectLock

    if not isinstance(project, Path):
        raise click.ClickException(f"{project}: a team project is not restored in place; "
                                   "make a new one from a backup: annotator transfer BACKUP "
                                   "postgresql://…/new_database")
    chosen = backup or backups.latest(project)
    if chosen is None:
        raise click.ClickException(f"{project}: has no backups in {backups.folder_of(project)}")
    with ProjectLock(project).acquire("annotator restore (command line)"):
        aside = backups.restore(project, chosen)
    click.echo(f"restored {chosen.name}; the replaced file is kept as {aside}")
