"""Team commands: members of a team project, moving a project between a file and a
server, and working offline (checkout / push). Thin: the work is in
:mod:`annotator.store.pg.team`, :mod:`annotator.store.copy` and :mod:`annotator.sync`."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli import NEW_PROJECT, PROJECT, cli, emit_json, fail_cleanly, for_writing
from annotator.store import Store, is_team, open_project

TEAM_URL = "postgresql://USER@HOST[:PORT]/DATABASE"


def _team(url: Path | str) -> str:
    if not is_team(url):
        raise click.BadParameter(f"{url}: not a team project ({TEAM_URL})")
    return str(url)


@cli.group()
def team() -> None:
    """Members of a team project on a PostgreSQL server: who may annotate, review or only
    read. Run by the project's owner (the role that made it with `annotator init URL`).

    \b
    Example:
        annotator team add-member postgresql://owner@db.example.org/study lin --role annotator
        annotator team members postgresql://owner@db.example.org/study
    """


@team.command("add-member")
@click.argument("project", type=PROJECT)
@click.argument("name")
@click.option("--role", type=click.Choice(["annotator", "reviewer", "reader"]),
              default="annotator", show_default=True,
              help="annotator: their own layer; reviewer: also the gold layer and review "
                   "decisions; reader: nothing.")
@click.option("--password", "ask_password", is_flag=True,
              help="Set the member's password (asked for, twice; never shown or logged). "
                   "Without it the server's own authentication applies (e.g. peer, "
                   "certificates, or a password set by the administrator).")
@click.option("--display-name", help="The name shown on their work (default: NAME).")
@fail_cleanly
def add_member(project: str, name: str, role: str, ask_password: bool,
               display_name: str | None) -> None:
    """Give NAME (a PostgreSQL login role, made if the server has none) a ROLE on the team
    project PROJECT; a member who had another role here gets this one instead.

    \b
    Example:
        annotator team add-member postgresql://owner@db/study chen --role reviewer --password
    """
    password = click.prompt(f"Password for {name}", hide_input=True,
                            confirmation_prompt=True) if ask_password else None
    with open_project(_team(project)) as store:
        member = store.add_member(name, role, password=password, display_name=display_name)
    click.echo(f"{member.name} now has the role {member.role} on {store.location}")


@team.command("remove-member")
@click.argument("project", type=PROJECT)
@click.argument("name")
@fail_cleanly
def remove_member(project: str, name: str) -> None:
    """Take every right on PROJECT from NAME (their spans stay, as theirs).

    \b
    Example:
        annotator team remove-member postgresql://owner@db/study chen
    """
    with open_project(_team(project)) as store:
        store.remove_member(name)
    click.echo(f"{name} has no role on {store.location} any more")


@team.command("members")
@click.argument("project", type=PROJECT)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@fail_cleanly
def members(project: str, as_json: bool) -> None:
    """List the members of PROJECT and their roles.

    \b
    Example:
        annotator team members postgresql://lin@db/study --json
    """
    with open_project(_team(project), read_only=True) as store:
        found = store.members()
    if as_json:
        emit_json([m.to_dict() for m in found])
        return
    for m in found:
        click.echo(f"{m.name:<24} {m.role}{'' if m.can_login else '  (cannot log in)'}")


@cli.command("transfer")
@click.argument("source", type=PROJECT)
@click.argument("target", type=NEW_PROJECT)
@fail_cleanly
def transfer_cmd(source: Path | str, target: Path | str) -> None:
    """Copy the whole project SOURCE into a new project TARGET: a project file into a team
    project (an empty database, which you then own) or back. Every document, span, review
    decision and the undo history go across as they are: an export of either is the same,
    byte for byte.

    \b
    Example:
        annotator transfer study.annotator postgresql://lin@db.example.org/study
        annotator transfer postgresql://lin@db.example.org/study copy.annotator
    """
    from annotator.store.copy import copy_project

    if isinstance(target, Path) and target.exists() and target.stat().st_size > 0:
        raise click.ClickException(f"{target}: already exists; transfer into a new file")
    with open_project(source, read_only="being copied") as src, \
            open_project(target, create=True) as dst:
        report = copy_project(src, dst)
    click.echo(f"copied {src.location} to {dst.location}: {report.line()}")


@cli.command("checkout")
@click.argument("project", type=PROJECT)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--mine", is_flag=True, help="Only my share: the documents in my queue and "
              "those I have annotated.")
@fail_cleanly
def checkout_cmd(project: str, file: Path, mine: bool) -> None:
    """Take the team project PROJECT (or with --mine my share of it) into a new project
    FILE, to work without the server; `annotator push FILE PROJECT` brings my edits back.

    \b
    Example:
        annotator checkout postgresql://lin@db/study laptop.annotator --mine
    """
    from annotator.sync import checkout

    with open_project(_team(project), read_only="being checked out") as store:
        click.echo(checkout(store, file, mine).line())


@cli.command("push")
@click.argument("file", type=PROJECT)
@click.argument("project", type=PROJECT)
@fail_cleanly
def push_cmd(file: Path | str, project: str) -> None:
    """Bring my edits in the checked-out FILE back to the team project PROJECT: new spans
    go in with their ids, my changes and deletions replace the server's where nobody
    changed it meanwhile; anything changed on both sides is listed as a conflict and the
    server's version kept. One undo (in the window) takes a push back; pushing again changes
    nothing.

    \b
    Example:
        annotator push laptop.annotator postgresql://lin@db/study
    """
    from annotator.sync import push

    if is_team(file):
        raise click.BadParameter(f"{file}: push takes the checked-out project file first")
    with Store.open(file) as local, for_writing(_team(project), "push") as store:
        report = push(local, store)
    for line in report.lines():
        click.echo(line)
    if report.conflicts:  # listed above; the status tells a script
        raise SystemExit(1)
