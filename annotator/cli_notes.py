"""Guidelines and discussion on the command line: the project guidelines (show, save a new
version, their history), threads of comments (list, comment or reply, resolve). Thin
layers over :mod:`annotator.core.discussion`; registered on :func:`annotator.cli.cli`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.cli import PROJECT, cli, emit_json, fail_cleanly, for_writing
from annotator.cli_work import WHO, acting, reviewing
from annotator.core import blind, discussion
from annotator.core.store import ProjectStore
from annotator.core.textfiles import read_text
from annotator.core.workflow import Thread
from annotator.store import open_project


@cli.command("guidelines")
@click.argument("project", type=PROJECT)
@click.option("--set", "text_file", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Save this Markdown file as the next version (reviewers).")
@click.option("--history", is_flag=True, help="List every version.")
@click.option("--version", "number", type=click.IntRange(min=1), help="Show this version.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@WHO
@fail_cleanly
def guidelines_cmd(project: Path | str, text_file: Path | None, history: bool,
                   number: int | None, as_json: bool, name: str | None) -> None:
    """Show PROJECT's guidelines (Markdown), or save a new version of them. Every span made
    afterwards records the version it was made under; exports carry every version.

    \b
    Example:
        annotator guidelines postgresql://wang@db/study --set guidelines.md
        annotator guidelines study.annotator --history
    """
    if text_file is not None:
        text = read_text(text_file)
        with for_writing(project, "guidelines") as store:
            author = reviewing(store, name, "edit the guidelines").annotator.id
            made = store.set_guidelines(text, author)
        click.echo(f"guidelines version {made.version} by {made.author} ({made.created})")
        return
    with open_project(project) as store:
        versions = store.guidelines_history()
    if number is not None:
        versions = [v for v in versions if v.version == number]
        if not versions:
            raise click.ClickException(f"{project}: no guidelines version {number}")
    if as_json:
        emit_json([v._asdict() for v in versions])
    elif history:
        for v in versions:
            click.echo(f"{v.version:>3}  {v.created}  {v.author}  {len(v.text)} characters")
    elif versions:
        current = versions[-1]
        click.echo(f"<!-- guidelines version {current.version} by {current.author}, "
                   f"{current.created} -->\n{current.text}")
    else:
        click.echo("no guidelines yet (a reviewer saves them with --set FILE)", err=True)


def find_thread(store: ProjectStore, ref: str) -> Thread:
    """A thread by its id or an unambiguous id prefix (4 characters or more)."""
    found = [t for t in store.threads() if t.id == ref or (len(ref) >= 4 and
                                                           t.id.startswith(ref))]
    if len(found) != 1:
        raise click.ClickException(f"{store.location}: no thread {ref}" if not found else
                                   f"{store.location}: {ref} names more than one thread")
    return found[0]


@cli.command("notes")
@click.argument("project", type=PROJECT)
@click.option("--doc", "doc", help="Only this document (id, prefix or list number).")
@click.option("--open", "only_open", is_flag=True, help="Only threads not resolved yet.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@fail_cleanly
def notes_cmd(project: Path | str, doc: str | None, only_open: bool, as_json: bool) -> None:
    """List the discussion threads of PROJECT with their comments: on a span (its text
    and tag) or on a whole document.

    \b
    Example:
        annotator notes postgresql://lin@db/study --open
    """
    with open_project(project) as store:
        doc_id = store.resolve_document(doc) if doc else None
        hidden = blind.of_member(store)
        threads = [t for t in store.threads(doc_id) if t.open or not only_open]
        comments = store.comments(doc_id)
        spans = {a.id: a for a in store.annotations_by_id(
            [t.span_id for t in threads if t.span_id])}
        texts = {d: store.document(d).text for d in {t.doc_id for t in threads}}
    if hidden is not None:  # blind annotation: not on a colleague's span I cannot see
        threads = [t for t in threads if t.span_id is None or t.span_id not in spans
                   or hidden.sees(spans[t.span_id])]
    found = discussion.discussions(threads, comments)
    if as_json:
        emit_json([{**t._asdict(), "comments": [c._asdict() for c in cs]} for t, cs in found])
        return
    for t, cs in found:
        span = spans.get(t.span_id) if t.span_id else None
        where = "the document" if t.span_id is None else \
            f"{texts[t.doc_id][t.start:t.end]!r}" + (f" ({span.tag})" if span else " (deleted)")
        state = f"resolved by {t.resolved_by}" if t.resolved else "open"
        click.echo(f"{t.id[:8]}  {t.doc_id}  on {where}  [{state}]")
        for c in cs:
            said = json.dumps(c.text, ensure_ascii=False)[1:-1]  # one line
            click.echo(f"    {c.author} ({c.created[:16]}): {said}")


@cli.command("comment")
@click.argument("project", type=PROJECT)
@click.argument("doc")
@click.argument("text")
@click.option("--span", "span_id", help="Open a thread on this span (its id).")
@click.option("--reply", "thread_ref", help="Reply in this thread (its id or a prefix).")
@WHO
@fail_cleanly
def comment_cmd(project: Path | str, doc: str, text: str, span_id: str | None,
                thread_ref: str | None, name: str | None) -> None:
    """Comment on document DOC: a new thread on the document (or with --span, on a span),
    or a reply in a thread (--reply). Like every edit, one undo takes it back.

    \b
    Example:
        annotator comment postgresql://lin@db/study 3 "是国家还是组织？" --span 1f0c…
        annotator comment study.annotator 3 "组织" --reply 5a2e --annotator chen
    """
    with for_writing(project, "comment") as store:
        session = acting(store, name)
        doc_id = store.resolve_document(doc)
        me = session.annotator.id
        if thread_ref:
            command = discussion.reply(find_thread(store, thread_ref), me, text)
        else:
            span = None
            if span_id:
                found = [a for a in store.annotations_by_id([span_id]) if a.doc_id == doc_id]
                if not found:
                    raise click.ClickException(f"{store.location}: no span {span_id} in "
                                               f"document {doc_id}")
                span = found[0]
            command = discussion.open_thread(doc_id, span, me, text)
        session.run(command)
    comment = command.comments_after[0]
    click.echo(f"thread {comment.thread_id}: comment {comment.id} by {me}")


@cli.command("resolve")
@click.argument("project", type=PROJECT)
@click.argument("thread")
@click.option("--reopen", is_flag=True, help="Open a resolved thread again.")
@WHO
@fail_cleanly
def resolve_cmd(project: Path | str, thread: str, reopen: bool, name: str | None) -> None:
    """Mark THREAD (its id or a prefix) resolved, or open again (reviewers).

    \b
    Example:
        annotator resolve postgresql://wang@db/study 5a2e
    """
    with for_writing(project, "resolve") as store:
        session = reviewing(store, name, "resolve threads")
        found = find_thread(store, thread)
        session.run(discussion.resolve(found, session.annotator.id, resolved=not reopen))
    click.echo(f"thread {found.id} is {'open' if reopen else 'resolved'}")
