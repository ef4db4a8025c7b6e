"""Commands over a project's data: export, merge, agreement, search, consistency.
They register on the :func:`annotator.cli.cli` group (thin layers over the library)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from annotator.cli import PROJECT, cli, emit_json, fail_cleanly, for_writing
from annotator.core import blind
from annotator.core.errors import InputError
from annotator.core.store import ProjectStore
from annotator.exporting import FORMATS, ExportOptions, export
from annotator.review.merge import merge
from annotator.store import open_project

SEARCH_PAGE = 50  # lines `search` shows unless told otherwise


def check_known(store: ProjectStore, tag: str | None = None, annotator: str | None = None) -> None:
    """A --tag or --annotator that names nothing in the project is a mistake, not a filter."""
    tagset = store.tagset()
    if tag and tagset is not None and tag not in {t.id for t in tagset.tags}:
        raise click.ClickException(f"unknown tag '{tag}' (see `annotator tagset {store.location}`)")
    known = {a.id for a in store.annotators()}
    if annotator and annotator not in known:
        raise click.ClickException(f"unknown annotator '{annotator}' (known: "
                                   f"{', '.join(sorted(known))})")


@cli.command("export")
@click.argument("project", type=PROJECT)
@click.option("--format", "fmt", required=True, type=click.Choice(list(FORMATS)),
              help="tei (stand-off, lossless), tei-inline, json, jsonl, doccano, brat, conll, "
                   "csv.")
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="File to write; - for standard output (one stream: json, jsonl without "
                   "its manifest, doccano, conll, csv, or a tei corpus). tei writes one corpus "
                   "file when PATH ends in .xml, else a folder; tei-inline and brat always "
                   "write a folder. A folder is named as given (x.out writes x.out/), one "
                   ".xml file per document (brat: a .txt and an .ann per document, and "
                   "annotation.conf).")
@click.option("--annotator", "annotators", multiple=True, help="Only this annotator's own "
              "spans (repeatable; not the gold their review decisions made: that is --status "
              "gold); for tei-inline, doccano, brat and conll, the layer to show.")
@click.option("--status", type=click.Choice(["all", "accepted", "gold"]), default="all",
              show_default=True, help="Which spans by review status.")
@click.option("--group", "groups", multiple=True, help="Only this tag group (repeatable).")
@click.option("--doc", "docs", multiple=True, help="Only this document (id, prefix or number).")
@click.option("--split", help="Split by document into train/dev/test, e.g. 80/10/10.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the split.")
@click.option("--tokens", type=click.Choice(["char", "word"]), default="char",
              show_default=True, help="conll: a line per character, or per Chinese word "
              "(jieba's words).")
@fail_cleanly
def export_cmd(project: Path | str, fmt: str, out: Path, annotators: tuple[str, ...],
               status: str, groups: tuple[str, ...], docs: tuple[str, ...], split: str | None,
               seed: int, tokens: str) -> None:
    """Export PROJECT's annotations.

    \b
    Example:
        annotator export study.annotator --format jsonl --status gold \\
            --split 80/10/10 --seed 1 --out ner.jsonl
        annotator export study.annotator --format csv --out - | less
        annotator export study.annotator --format conll --tokens word --out words.conll
    """
    to_stdout = str(out) == "-"
    with open_project(project) as store:
        doc_ids = {store.resolve_document(d) for d in docs} or None
        try:
            options = ExportOptions.build(fmt, out, set(annotators), status, set(groups),
                                          doc_ids, split, seed, to_stdout, tokens)
        except ValueError as e:
            raise click.ClickException(str(e)) from None
        try:  # blind annotation: what it hides from me stays out of my exports too
            report = export(store, options, blind=blind.of_member(store))
        except BrokenPipeError:  # `| head` has read enough: stop quietly, as Unix tools do
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
    click.echo(report.line(), err=to_stdout)  # standard output holds the export


@cli.command("merge")
@click.argument("project", type=PROJECT)
@click.argument("others", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@fail_cleanly
def merge_cmd(project: Path | str, others: tuple[Path, ...]) -> None:
    """Merge colleagues' project files (or their JSON/JSONL/TEI exports) into PROJECT.
    Documents match by text; annotations keep their annotator and id, so merging twice
    changes nothing; a document whose text differs is refused and listed. A backup is
    taken first.

    \b
    Example:
        annotator merge review.annotator lin.annotator chen.annotator
    """
    failed = False
    with for_writing(project, "merge") as store:
        for other in others:
            try:
                report = merge(store, other)
            except InputError as e:
                click.echo(f"error: {e.message}", err=True)
                failed = True
                continue
            for line in report.lines():
                click.echo(line)
            click.echo(f"backup: {report.backup}")
            failed = failed or bool(report.refused)
    if failed:
        sys.exit(1)


@cli.command("agreement")
@click.argument("project", type=PROJECT)
@click.option("--annotators", help="Comma-separated annotator ids (default: everyone with "
              "spans of their own); 'gold' names the gold layer (what review decisions "
              "made), compared only when named.")
@click.option("--by", type=click.Choice(["overall", "tag", "group", "doc"]), default="overall",
              show_default=True, help="One row per tag, group, document, or overall.")
@click.option("--unit", type=click.Choice(["char"]), default="char", show_default=True,
              help="The unit of the κ/α measures (characters; uncoded text is a category).")
@click.option("--skip-space-punct", is_flag=True, help="Leave whitespace and punctuation out.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV output.")
@click.option("--relations", is_flag=True, help="Only relation F1 per relation type (endpoints "
              "matched exactly and by overlap); the text output shows it after the spans' "
              "table anyway, and JSON always has it under \"relations\".")
@fail_cleanly
def agreement_cmd(project: Path | str, annotators: str | None, by: str, unit: str,
                  skip_space_punct: bool, as_json: bool, as_csv: bool, relations: bool) -> None:
    """Inter-annotator agreement in PROJECT: Cohen's κ (two annotators), Fleiss' κ,
    Krippendorff's α (nominal, per character; uncoded text counts as a category),
    Krippendorff's unitizing αu, and span F1 (exact and overlapping); relation F1 per
    relation type (ends matched exactly and by overlap). Definitions:
    docs/agreement.md. A reviewer's decisions (the gold layer) never count as their own
    annotations; annotators without spans of their own are listed as such; a document
    nobody annotated has no figures (—).

    \b
    Example:
        annotator agreement review.annotator --annotators lin,chen --by group
        annotator agreement review.annotator --annotators lin,gold --by tag
        annotator agreement review.annotator --relations --csv
    """
    from annotator.review import report

    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    chosen = [a.strip() for a in annotators.split(",")] if annotators else None
    with open_project(project) as store:
        try:
            result = report.project_agreement(store, chosen, by, skip_space_punct)
        except ValueError as e:
            raise click.ClickException(str(e)) from None
    _echo_agreement(result, unit, skip_space_punct, as_json, as_csv, relations)


def _echo_agreement(result, unit: str, skip_space_punct: bool, as_json: bool, as_csv: bool,
                    relations: bool) -> None:
    """The agreement report as JSON, CSV or tables (spans', then relations')."""
    from annotator.review import report

    if as_json:
        click.echo(report.as_json(result))
    elif as_csv:
        click.echo(report.as_csv(result.relation_rows if relations else result.rows,
                                 relations), nl=False)
        for line in result.lines():
            click.echo(f"note: {line}", err=True)
    elif relations:
        click.echo(f"annotators: {', '.join(result.annotators)}; relations")
        click.echo(report.relation_table(result.relation_rows))
    else:
        click.echo(f"annotators: {', '.join(result.annotators)}; unit: {unit}"
                   f"{' (no whitespace/punctuation)' if skip_space_punct else ''}")
        for line in result.lines():
            click.echo(line)
        click.echo(report.as_table(result.rows))
        click.echo("uncoded text counts as a category in κ and α; —: undefined (no spans to "
                   "compare, or Cohen's κ for other than two annotators)")
        if result.relation_rows[-1]["n_relations"]:
            click.echo("relations (F1 per relation type; definitions: docs/agreement.md §6):")
            click.echo(report.relation_table(result.relation_rows))


@cli.command("search")
@click.argument("project", type=PROJECT)
@click.argument("query", required=False, default="")
@click.option("--tag", help="Only hits inside a span with this tag; with no QUERY, list the "
              "spans with this tag.")
@click.option("--annotator", "annotator_id", help="Only hits inside a span by this annotator; "
              "with no QUERY, list this annotator's spans.")
@click.option("--limit", type=click.IntRange(min=1), help=f"At most this many lines, in "
              f"document order  [default: {SEARCH_PAGE}]")
@click.option("--all", "everything", is_flag=True, help="Every line, however many.")
@click.option("--sort", type=click.Choice(["position", "before", "after"]), default="position",
              show_default=True, help="Order the lines shown by the Chinese word (jieba's) "
              "before or after the hit (with --all: every match).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@fail_cleanly
def search_cmd(project: Path | str, query: str, tag: str | None, annotator_id: str | None,
               limit: int | None, everything: bool, sort: str, as_json: bool) -> None:
    """Search all documents of PROJECT for QUERY and print a concordance: title, @offset
    (code points), left context [match] right context. Traditional and simplified
    characters match each other (恐怖主義 finds 恐怖主义) and Latin letters ignore case.
    With --tag and/or --annotator, only hits that lie wholly inside one span with that tag
    (by that annotator; a reviewer's decisions, the gold layer, are not her spans) are
    shown; with no QUERY, those spans themselves are listed.

    \b
    The first 50 lines are shown (--limit N, --all); when there are more, a line on
    stderr says how many ("50 of 208 matches shown"). No matches is not an error: it
    prints "no matches". --json prints {"query", "total", "shown", "cut", "hits"}.

    \b
    Example:
        annotator search study.annotator 恐怖主義
        annotator search study.annotator 北京 --tag actor.state --json
        annotator search study.annotator --tag threat.terrorism --annotator lin --all
        annotator search study.annotator 合作 --all --sort before
    """
    from annotator.core import concordance

    if not query.strip() and not (tag or annotator_id):
        raise click.UsageError("give a QUERY, or --tag/--annotator to list spans")
    if everything and limit is not None:
        raise click.UsageError("choose one of --limit or --all")
    limit = None if everything else limit or SEARCH_PAGE
    with open_project(project) as store:
        check_known(store, tag=tag, annotator=annotator_id)
        # an annotator's spans are their own, not the gold a reviewer made (find_spans)
        spans = store.find_spans(tag=tag, annotator=annotator_id) if tag or annotator_id else None
        hidden = blind.of_member(store)
        if spans is not None and hidden is not None:  # blind annotation: not theirs yet
            spans = [a for a in spans if hidden.sees(a)]
        hits: list
        if spans is not None and not query.strip():
            hits, total = spans[:limit], len(spans)
        elif spans is not None:  # the documents holding the spans, read once
            texts = store.texts(dict.fromkeys(s.doc_id for s in spans))
            hits, total = concordance.take(concordance.within(texts, query, spans), limit)
        else:  # counted only when the page is full
            hits = store.search(query, limit=limit or sys.maxsize)
            total = store.search_count(query) if limit and len(hits) == limit else len(hits)
        rows = concordance.rows(hits, store.document)
        ordered = concordance.order(rows, sort, lambda d: store.document(d).text)
        rows, hits = [rows[i] for i in ordered], [hits[i] for i in ordered]
    what = "spans" if spans is not None and not query.strip() else "matches"
    if as_json:
        emit_json({"query": query, "total": total, "shown": len(hits),
                   "cut": total > len(hits),
                   "hits": [concordance.record(r, h) for r, h in zip(rows, hits, strict=True)]})
        return
    click.echo("\n".join(concordance.line(row) for row in rows) or "no matches")
    if total > len(hits):
        click.echo(f"{len(hits)} of {total} {what} shown; --limit N or --all for more",
                   err=True)


@cli.command("check-consistency")
@click.argument("project", type=PROJECT)
@click.option("--annotator", "annotator_id", help="Only this annotator's spans.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@fail_cleanly
def check_consistency_cmd(project: Path | str, annotator_id: str | None, as_json: bool) -> None:
    """List inconsistent annotations in PROJECT: kind, text, title, @offset, detail, then a
    count. Kinds: tagged differently (same text, other tags elsewhere), missed elsewhere
    (tagged text left untagged here), cuts a word (a span cuts a text tagged whole
    elsewhere). 組織 and 组织 count as the same text. Findings are not errors (exit 0).

    \b
    Example:
        annotator check-consistency study.annotator --annotator lin --json
    """
    from annotator.review import consistency

    with open_project(project) as store:
        check_known(store, annotator=annotator_id)
        hidden = blind.of_member(store)  # while blind annotation binds me: mine only
        findings = consistency.project_findings(
            store, hidden.me if hidden is not None and hidden.binding else annotator_id)
    click.echo(consistency.as_json(findings) if as_json else consistency.as_text(findings))
