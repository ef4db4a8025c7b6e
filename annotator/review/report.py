"""Agreement over a project: gather the documents and run the report (CLI and window)."""

from __future__ import annotations

import csv
import io
import json

from annotator.review.agreement import agreement_report

COLUMNS = ("scope", "n_units", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha",
           "unitizing_alpha", "f1_exact", "f1_overlap")


def project_agreement(store, annotators: list[str] | None = None, by: str = "overall",
                      skip_space_punct: bool = False) -> tuple[list[str], list[dict]]:
    """(annotators compared, report rows). Default annotators: every non-reviewer who has
    annotated something."""
    known = {a.id for a in store.annotators()}
    unknown = [a for a in annotators or () if a not in known]
    if unknown:
        raise ValueError(f"unknown annotator(s): {', '.join(unknown)} "
                         f"(known: {', '.join(sorted(known))})")
    if not annotators:
        active = {a.annotator for d in store.documents() for a in store.annotations(d.id)}
        annotators = [a.id for a in store.annotators() if a.role != "reviewer" and a.id in active]
    docs = [(store.document(d.id).text, store.annotations(d.id)) for d in store.documents()]
    docs = [(text, [a for a in spans if a.annotator in annotators]) for text, spans in docs]
    return annotators, agreement_report(docs, annotators, by=by,
                                        skip_space_punct=skip_space_punct)


def _fmt(value) -> str:
    return "—" if value is None else f"{value:.4f}" if isinstance(value, float) else str(value)


def as_table(rows: list[dict]) -> str:
    widths = [max(len(c), *(len(_fmt(r.get(c))) for r in rows)) for c in COLUMNS]
    lines = ["  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths, strict=True))]
    for r in rows:
        lines.append("  ".join(_fmt(r.get(c)).ljust(w) for c, w in zip(COLUMNS, widths,
                                                                       strict=True)))
    return "\n".join(lines)


def as_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*COLUMNS, "notes"], extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def as_json(annotators: list[str], rows: list[dict]) -> str:
    return json.dumps({"annotators": annotators, "rows": rows}, ensure_ascii=False, indent=2)
