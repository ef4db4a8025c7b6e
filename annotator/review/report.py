"""Agreement over a project: gather the documents and run the report (CLI and window)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from annotator.review.agreement import agreement_rows
from annotator.review.corpus import DocSpans

COLUMNS = ("scope", "n_units", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha",
           "unitizing_alpha", "f1_exact", "f1_overlap")


def project_agreement(store, annotators: list[str] | None = None, by: str = "overall",
                      skip_space_punct: bool = False, *,
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None
                      ) -> tuple[list[str], list[dict]]:
    """(annotators compared, report rows). Default annotators: every non-reviewer who has
    annotated something. The documents are streamed from the store in one pass;
    ``progress(done, total)`` counts documents and ``cancelled()`` is asked between them
    (:class:`annotator.core.errors.Cancelled` is raised when it says so)."""
    known = {a.id for a in store.annotators()}
    unknown = [a for a in annotators or () if a not in known]
    if unknown:
        raise ValueError(f"unknown annotator(s): {', '.join(unknown)} "
                         f"(known: {', '.join(sorted(known))})")
    if not annotators:
        active = set(store.active_annotators())
        annotators = [a.id for a in store.annotators() if a.role != "reviewer" and a.id in active]
    total = len(store.documents()) if progress is not None else 0
    docs = (DocSpans(*doc) for doc in store.spans_by_document(skip_space_punct))
    rows = agreement_rows(docs, annotators, by, total=total, progress=progress,
                          cancelled=cancelled)
    if progress is not None:
        progress(total, total)
    return annotators, rows


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
