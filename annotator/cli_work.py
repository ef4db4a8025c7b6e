"""The team's workflow on the command line: hand out documents (``assign``), see a queue
(``queue``), set one's status on a document (``status``), progress per annotator
(``progress``) and blind annotation (``blind``). Thin layers over :mod:`annotator.core`;
registered on the :func:`annotator.cli.cli` group. Who is working: a team project's login,
a checkout's member, or in a project file of one's own ``--annotator NAME``."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli import PROJECT, cli, emit_json, fail_cleanly, for_writing
from annotator.core import assign as assigning
from annotator.core.annotation import Annotator
from annotator.core.document import STATUSES
from annotator.core.session import Session
from annotator.core.store import ProjectStore
from annotator.ingest.metadata import short_title
from annotator.store import open_project

WHO = click.option("--annotator", "name", help="Who you are (a project file of your own; a "
                   "team project knows you by your login).")


def acting(store: ProjectStore, name: str | None) -> Session:
    """The session of whoever runs the command (registered as an annotator)."""
    who = store.member() or name
    if not who:
        raise click.ClickException(f"{store.location}: say who you are with --annotator NAME")
    return Session(store, Annotator(who, who))


def reviewing(store: ProjectStore, name: str | None, what: str) -> Session:
    session = acting(store, name)
    if not session.reviews:
        raise click.ClickException(f"{store.location}: only reviewers {what} "
                                   f"({session.annotator.id} is {session.role})")
    return session


def _names(value: str) -> list[str]:
    return [n.strip() for n in value.split(",") if n.strip()]


@cli.command("assign")
@click.argument("project", type=PROJECT)
@click.option("--to", "to", required=True, help="The annotators, comma-separated.")
@click.option("--per-doc", type=click.IntRange(min=1), default=1, show_default=True,
              help="How many of them annotate each document (2 or more: agreement).")
@click.option("--docs", "docs", multiple=True, help="These documents (ids, prefixes or list "
              "numbers; comma-separated or repeated); their assignments are replaced. "
              "Default: the documents nobody is assigned yet.")
@click.option("--replace", is_flag=True, help="Hand out every document afresh (with --docs: "
              "only those).")
@click.option("--seed", type=int, default=0, show_default=True, help="Breaks ties: the "
              "same seed gives the same plan.")
@click.option("--dry-run", is_flag=True, help="Print the plan, store nothing.")
@WHO
@fail_cleanly
def assign_cmd(project: Path | str, to: str, per_doc: int, docs: tuple[str, ...],
               replace: bool, seed: int, dry_run: bool, name: str | None) -> None:
    """Spread PROJECT's documents evenly over the annotators --to, each document to
    --per-doc of them (pairs overlapping about equally often), and print the plan. Stored
    as one step the person assigning can undo (in the window, Ctrl+Z).

    \b
    Example:
        annotator assign study.annotator --to lin,chen,wang --per-doc 2 --seed 1
        annotator assign postgresql://wang@db/study --to lin,chen --docs 3,4 --dry-run
    """
    with (open_project(project) if dry_run else for_writing(project, "assign")) as store:
        people = _names(to)
        _known(store, people)
        order = [d.id for d in store.documents()]
        existing = store.assignments()
        chosen = [store.resolve_document(d) for ref in docs for d in _names(ref)]
        if not chosen:
            taken = {a.doc_id for a in existing}
            chosen = order if replace else [d for d in order if d not in taken]
        plan = assigning.spread([d for d in order if d in set(chosen)], people, per_doc,
                                seed, existing)
        _print_plan(store, plan, existing)
        if dry_run or not plan:
            return
        session = reviewing(store, name, "assign documents")
        for person in people:
            if person not in {a.id for a in store.annotators()}:
                store.add_annotator(Annotator(person, person))
        session.run(assigning.assign(plan, existing, session.annotator.id))
        click.echo(f"stored (one step: {session.annotator.id} can undo it)")


def _known(store: ProjectStore, people: list[str]) -> None:
    """In a team project, only members who annotate or review can be assigned documents."""
    if store.kind != "team":
        return
    known = {a.id for a in store.annotators()}
    unknown = [p for p in people if p not in known]
    if unknown:
        raise click.ClickException(f"{store.location}: not members who annotate: "
                                   f"{', '.join(unknown)} (annotator team add-member)")


def _print_plan(store: ProjectStore, plan: assigning.Plan, existing) -> None:
    if not plan:
        click.echo("nothing to assign: every document is assigned (use --replace or --docs)")
        return
    numbers = {d.id: (i, d.title) for i, d in enumerate(store.documents(), 1)}
    for doc_id, people in plan.items():
        n, title = numbers[doc_id]
        click.echo(f"{n:>4}  {doc_id}  → {', '.join(people):<24} {short_title(title)}")
    loads = assigning.loads(plan, existing)
    click.echo("; ".join(f"{who}: {n} documents" for who, n in sorted(loads.items())))


@cli.command("queue")
@click.argument("project", type=PROJECT)
@click.argument("annotator", required=False)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@fail_cleanly
def queue_cmd(project: Path | str, annotator: str | None, as_json: bool) -> None:
    """The documents assigned to ANNOTATOR (a team project: you, by default; a project
    file: everyone), in project order, with their status.

    \b
    Example:
        annotator queue postgresql://lin@db/study
        annotator queue study.annotator chen --json
    """
    with open_project(project) as store:
        who = annotator or store.member()
        rows = store.documents()
        statuses = {(s.doc_id, s.annotator): s.status for s in store.doc_statuses()}
        assigned = store.assignments()
    people = [who] if who else sorted({a.annotator for a in assigned})
    queues = {p: [(i, r) for i, r in enumerate(rows, 1)
                  if r.id in set(assigning.queue([r.id for r in rows], assigned, p))]
              for p in people}
    if as_json:
        emit_json({p: [{"number": i, "id": r.id, "title": r.title,
                        "status": statuses.get((r.id, p), "todo")} for i, r in q]
                   for p, q in queues.items()})
        return
    for p, q in queues.items():
        done = sum(1 for _, r in q if statuses.get((r.id, p)) == "done")
        click.echo(f"{p}: {done} of {len(q)} done")
        for i, r in q:
            click.echo(f"{i:>4}  {r.id}  {statuses.get((r.id, p), 'todo'):<11}  "
                       f"{short_title(r.title)}")


@cli.command("status")
@click.argument("project", type=PROJECT)
@click.argument("doc")
@click.argument("status", type=click.Choice(STATUSES))
@WHO
@fail_cleanly
def status_cmd(project: Path | str, doc: str, status: str, name: str | None) -> None:
    """Set your status on document DOC (its id, a prefix or its list number): todo,
    in_progress or done. Marking a document done ends blind annotation on it for you.

    \b
    Example:
        annotator status postgresql://lin@db/study 3 done
    """
    with for_writing(project, "status") as store:
        session = acting(store, name)
        doc_id = store.resolve_document(doc)
        change = session.set_status(doc_id, status)
        overall = store.summary(doc_id).status
    said = "set" if change else "already"
    click.echo(f"{doc_id}: {session.annotator.id} {said} {status} (the document: {overall})")


@cli.command("progress")
@click.argument("project", type=PROJECT)
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV, one line per annotator.")
@fail_cleanly
def progress_cmd(project: Path | str, as_json: bool, as_csv: bool) -> None:
    """Progress per annotator: documents assigned, done and in progress, spans, active
    hours (edit times, pauses over ten minutes left out) and agreement so far on the
    documents they and a colleague have both marked done (Krippendorff's α, span F1;
    each pair listed below).

    \b
    Example:
        annotator progress postgresql://wang@db/study
        annotator progress study.annotator --csv > progress.csv
    """
    from annotator.stats import progress as tables

    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    with open_project(project) as store:
        found = tables.progress(store)
    click.echo(tables.as_json(found) if as_json else tables.as_csv(found) if as_csv
               else tables.as_text(found), nl=as_json)


@cli.command("blind")
@click.argument("project", type=PROJECT)
@click.argument("setting", required=False, type=click.Choice(["on", "off"]))
@WHO
@fail_cleanly
def blind_cmd(project: Path | str, setting: str | None, name: str | None) -> None:
    """Show or set blind annotation: until an annotator marks a document done, they see
    only their own layer of it, and their suggestions come from their own work (in the
    window and in what the command line shows them). Reviewers set it.

    \b
    Example:
        annotator blind postgresql://wang@db/study on
    """
    if setting is None:
        with open_project(project) as store:
            click.echo(f"blind annotation is {'on' if store.blind() else 'off'}")
        return
    with for_writing(project, "blind") as store:
        reviewing(store, name, "set blind annotation")
        store.set_blind(setting == "on")
    click.echo(f"blind annotation is {setting}")
