"""The statistics as tables: a readable text report, one JSON object, CSV in long form
(``table,row,column,value,row_label,column_label``: one line per number, easy to pivot),
and the wide table behind each chart (:func:`chart_table`)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from annotator.core.document import human_date
from annotator.stats.labels import group_label, pad, tag_label, width
from annotator.stats.model import UNDATED, Stats

CSV_COLUMNS = ("table", "row", "column", "value", "row_label", "column_label")
CHARTS = ("tags", "documents", "annotators", "progress", "actor-threat", "actor-mechanism",
          "timeline", "names")
#: The text report lists at most this many documents and co-occurring pairs.
REPORT_ROWS = 20


# --- JSON -------------------------------------------------------------------------------
def as_dict(stats: Stats, project: str = "") -> dict:
    line = stats.timeline
    return {
        "project": project, "layer": stats.layer.to_dict(), "unit": stats.unit,
        "period": stats.period, "spans": sum(stats.tags.values()),
        "layer_spans": stats.spans, "progress": stats.progress, "groups": stats.groups,
        "tags": stats.tags,
        "annotators": {who: {**row, "documents": stats.annotator_documents.get(who, 0)}
                       for who, row in stats.annotators.items()},
        "documents": [{"id": d.doc_id, "title": d.title, "date": d.date, "status": d.status,
                       "review_status": d.review_status, "spans": d.total, **d.counts}
                      for d in stats.documents],
        "cooccurrence": {name: {"rows": m.rows, "columns": m.cols,
                                "counts": [[m.value(r, c) for c in m.cols] for r in m.rows]}
                         for name, m in stats.matrices.items()},
        "timeline": {"period": line.period, "periods": line.periods, "tags": line.tags,
                     "counts": [[line.counts.get((p, t), 0) for t in line.tags]
                                for p in line.periods],
                     "undated": [line.undated.get(t, 0) for t in line.tags]},
        "names": {g: [{"name": n.name, "spans": n.spans} for n in names]
                  for g, names in stats.names.items()},
    }


def as_json(stats: Stats, project: str = "") -> str:
    return json.dumps(as_dict(stats, project), ensure_ascii=False, indent=2)


# --- CSV (long) ---------------------------------------------------------------------------
def long_rows(stats: Stats, lang: str = "en") -> Iterator[tuple]:
    """Every number as ``(table, row, column, value, row_label, column_label)``."""
    for rows in (_tag_rows, _document_rows, _matrix_rows, _timeline_rows, _name_rows):
        yield from rows(stats, lang)


def _tag_rows(stats: Stats, lang: str) -> Iterator[tuple]:
    ts = stats.tagset
    for tag, n in stats.tags.items():
        group = stats.group_of(tag)
        yield ("tag", tag, group, n, tag_label(ts, tag, lang), group_label(ts, group, lang))
    for group, n in stats.groups.items():
        yield ("group", group, "", n, group_label(ts, group, lang), "")


def _document_rows(stats: Stats, lang: str) -> Iterator[tuple]:
    for d in stats.documents:
        for group, n in (*d.counts.items(), ("total", d.total)):
            yield ("document", d.doc_id, group, n, d.title, "")
    for who, row in stats.annotators.items():
        for group, n in (*row.items(), ("documents", stats.annotator_documents.get(who, 0))):
            yield ("annotator", who, group, n, who, "")
    for measure, values in stats.progress.items():
        for value, n in values.items():
            yield ("progress", measure, value, n, "", "")


def _matrix_rows(stats: Stats, lang: str) -> Iterator[tuple]:
    ts = stats.tagset
    for name, m in stats.matrices.items():
        for r in m.rows:
            for c in m.cols:
                yield (f"cooccurrence:{name}", r, c, m.value(r, c), tag_label(ts, r, lang),
                       tag_label(ts, c, lang))


def _timeline_rows(stats: Stats, lang: str) -> Iterator[tuple]:
    line = stats.timeline
    for period in [*line.periods, UNDATED]:
        for tag in line.tags:
            n = line.undated.get(tag, 0) if period == UNDATED else line.counts.get((period, tag), 0)
            yield (f"timeline:{line.period}", period, tag, n, period,
                   tag_label(stats.tagset, tag, lang))


def _name_rows(stats: Stats, lang: str) -> Iterator[tuple]:
    for group, names in stats.names.items():
        for rank, item in enumerate(names, 1):
            yield ("name", item.name, group, item.spans, str(rank),
                   group_label(stats.tagset, group, lang))


def as_csv(stats: Stats, lang: str = "en") -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(long_rows(stats, lang))
    return out.getvalue()


# --- the table behind each chart ------------------------------------------------------------
def chart_table(stats: Stats, chart: str, lang: str = "en") -> tuple[list[str], list[list]]:
    """(header, rows): the numbers a chart draws, all of them (the documents chart draws
    only the documents with most spans; its table has every document)."""
    ts, groups = stats.tagset, list(stats.groups)
    if chart == "tags":
        return (["tag", "label", "group", "spans"],
                [[t, tag_label(ts, t, lang), stats.group_of(t), n] for t, n in stats.tags.items()])
    if chart == "documents":
        return (["doc_id", "title", "date", *groups, "spans"],
                [[d.doc_id, d.title, d.date or "", *(d.counts.get(g, 0) for g in groups),
                  d.total] for d in stats.documents])
    if chart == "annotators":
        return (["annotator", *groups, "documents"],
                [[who, *(row.get(g, 0) for g in groups), stats.annotator_documents.get(who, 0)]
                 for who, row in stats.annotators.items()])
    if chart == "progress":
        return (["measure", "value", "documents"],
                [[m, v, n] for m in ("status", "review_status")
                 for v, n in stats.progress.get(m, {}).items()])
    if chart in stats.matrices:
        m = stats.matrices[chart]
        return ([m.row_group, "label", *m.cols],
                [[r, tag_label(ts, r, lang), *(m.value(r, c) for c in m.cols)] for r in m.rows])
    if chart == "timeline":
        line = stats.timeline
        rows = [[p, *(line.counts.get((p, t), 0) for t in line.tags)] for p in line.periods]
        rows.append([UNDATED, *(line.undated.get(t, 0) for t in line.tags)])
        return [line.period, *line.tags, "total"], [[*r, sum(r[1:])] for r in rows]
    if chart == "names":
        return (["group", "rank", "name", "spans"],
                [[g, rank, n.name, n.spans] for g, names in stats.names.items()
                 for rank, n in enumerate(names, 1)])
    raise KeyError(chart)


def table_csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


# --- text ---------------------------------------------------------------------------------------
def as_text(stats: Stats, project: str = "", lang: str = "en") -> str:
    return "\n".join(_text_lines(stats, project, lang)) + "\n"


def _text_lines(stats: Stats, project: str, lang: str) -> Iterator[str]:
    ts, p = stats.tagset, stats.progress
    docs, status, review = p["documents"], p["status"], p["review_status"]
    yield f"{project}: {stats.layer.label()}, co-occurrence by {stats.unit}"
    yield (f"documents: {docs['total']} ({docs['annotated']} with spans); status "
           + ", ".join(f"{k} {v}" for k, v in status.items()) + "; review "
           + ", ".join(f"{k} {v}" for k, v in review.items()))
    yield f"spans: {sum(stats.tags.values())}" + (
        f" ({stats.spans} before merging copies across annotators)"
        if stats.spans != sum(stats.tags.values()) else "")
    for group in stats.groups:
        yield f"\n{group_label(ts, group, lang)}: {stats.groups[group]}"
        yield from (f"  {pad(tag_label(ts, t, lang), 34)}{n:>7}" for t, n in stats.tags.items()
                    if stats.group_of(t) == group and n)
        names = stats.names.get(group, [])
        if names:
            yield "  most frequent names: " + ", ".join(f"{n.name} {n.spans}" for n in names)
    yield from _annotator_lines(stats)
    for m in stats.matrices.values():
        yield f"\nco-occurrence {m.row_group} × {m.col_group} ({stats.unit}s with both):"
        cells = sorted(((n, r, c) for (r, c), n in m.counts.items() if n), reverse=True)
        yield from (f"  {tag_label(ts, r, lang)} × {tag_label(ts, c, lang)}: {n}"
                    for n, r, c in cells[:REPORT_ROWS])
        yield from ([f"  … {len(cells) - REPORT_ROWS} more pairs"]
                    if len(cells) > REPORT_ROWS else [] if cells else ["  none"])
    yield from _timeline_lines(stats, lang)
    yield from _document_lines(stats, lang)


def _annotator_lines(stats: Stats) -> Iterator[str]:
    yield "\nannotators (their own spans):" + ("" if stats.annotators else " none")
    for who, row in stats.annotators.items():
        yield (f"  {who:<16}" + "  ".join(f"{g} {n}" for g, n in row.items())
               + f"  in {stats.annotator_documents.get(who, 0)} documents")


def _timeline_lines(stats: Stats, lang: str) -> Iterator[str]:
    line, ts = stats.timeline, stats.tagset
    yield f"\nthreats by document date (per {line.period}):"
    for period in [*line.periods, UNDATED]:
        counts = {t: (line.undated.get(t, 0) if period == UNDATED
                      else line.counts.get((period, t), 0)) for t in line.tags}
        if any(counts.values()):
            yield (f"  {period:<9}{sum(counts.values()):>6}  "
                   + ", ".join(f"{tag_label(ts, t, lang)} {n}" for t, n in counts.items() if n))
    if not line.periods and not any(line.undated.values()):
        yield "  none"


def _document_lines(stats: Stats, lang: str) -> Iterator[str]:
    """The documents with most spans; a date as people read it (a year-less ``--06-08``:
    "June 8, year unknown"), in the report's language."""
    ranked = sorted(stats.documents, key=lambda d: -d.total)[:REPORT_ROWS]
    yield f"\ndocuments with most spans (of {len(stats.documents)}):"
    dates = [human_date(d.date, lang) for d in ranked]
    columns = max((sum(map(width, date)) for date in dates), default=0) + 1
    for d, date in zip(ranked, dates, strict=True):
        yield (f"  {pad(d.title, 44)} {pad(date, max(columns, 11))}{d.status:<12}"
               f"{d.total:>6}  " + "  ".join(f"{g} {n}" for g, n in d.counts.items()))
