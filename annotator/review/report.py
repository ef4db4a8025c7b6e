"""Agreement over a project: gather the documents and run the report (CLI and window)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from annotator.core.store import ProjectStore
from annotator.review.agreement import TOO_FEW, agreement_rows
from annotator.review.corpus import DocSpans
from annotator.review.layers import GOLD, GOLD_KEY, gold_by_document, own_layers, split_gold
from annotator.review.relreport import RELATION_COLUMNS, project_relation_rows

COLUMNS = ("scope", "n_units", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha",
           "unitizing_alpha", "f1_exact", "f1_overlap")


@dataclass(frozen=True)
class Agreement:
    """What :func:`project_agreement` found."""

    annotators: list[str]  # compared, in order; GOLD names the gold layer
    rows: list[dict]
    without_spans: list[str]  # named or registered annotators with no spans of their own
    gold_spans: int  # spans in the gold layer (compared only when named)
    #: relation F1 per relation type, then over all types (:mod:`annotator.review.relreport`)
    relation_rows: list[dict] = field(default_factory=list)

    def lines(self) -> list[str]:
        """What to say besides the table: who had nothing to compare, where gold is."""
        out = []
        if self.without_spans:
            out.append(f"no spans of their own: {', '.join(self.without_spans)}")
        if self.gold_spans and GOLD not in self.annotators:
            out.append(f"gold layer (review decisions): {self.gold_spans} spans, not "
                       f"compared; add it with --annotators {','.join(self.annotators)},gold")
        return out

    def to_dict(self) -> dict:
        return {"annotators": self.annotators, "without_spans": self.without_spans,
                "gold_spans": self.gold_spans, "rows": self.rows,
                "relations": self.relation_rows}


def project_agreement(store: ProjectStore, annotators: list[str] | None = None, by: str = "overall",
                      skip_space_punct: bool = False, *,
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> Agreement:
    """Agreement of ``annotators`` over the project. Default: every annotator with spans of
    their own, whatever their role. Gold spans (the results of review decisions) are never
    part of an annotator's layer: they form the gold layer, compared only when named
    (:data:`~annotator.review.layers.GOLD`, e.g. ``["lin", "gold"]``). The documents are
    streamed from the store in one pass; ``progress(done, total)`` counts documents and
    ``cancelled()`` is asked between them (:class:`annotator.core.errors.Cancelled` is
    raised when it says so)."""
    gold = gold_by_document(store)
    who, without = _choose(store, annotators, gold)
    if len(set(who)) < 2 and not annotators:
        raise ValueError(f"{TOO_FEW} (with spans of their own: {', '.join(who) or 'none'})")
    keys = [GOLD_KEY if a == GOLD else a for a in who]
    total = len(store.documents()) if progress is not None else 0
    docs = (DocSpans(doc_id, length, text, split_gold(spans, gold.get(doc_id)))
            for doc_id, length, text, spans in store.spans_by_document(skip_space_punct))
    rows = agreement_rows(docs, keys, by, total=total, progress=progress,
                          cancelled=cancelled)
    relation_rows = project_relation_rows(store, keys, GOLD_KEY)
    if progress is not None:
        progress(total, total)
    return Agreement(who, rows, without, sum(sum(c.values()) for c in gold.values()),
                     relation_rows)


def _choose(store: ProjectStore, asked: list[str] | None, gold: dict) -> tuple[list[str], list[str]]:
    """(annotators to compare, those of them — or, by default, of the registered ones —
    without spans of their own)."""
    known = [a.id for a in store.annotators()]
    own = own_layers(store)
    if not asked:
        return own, [a for a in known if a not in own]
    if GOLD in asked and GOLD in known:
        raise ValueError(f"'{GOLD}' is both an annotator's id and the name of the gold "
                         "layer; agreement cannot tell which is meant")
    unknown = [a for a in asked if a not in known and a != GOLD]
    if unknown:
        raise ValueError(f"unknown annotator(s): {', '.join(unknown)} (known: "
                         f"{', '.join(sorted(known))}; {GOLD} for the gold layer)")
    return list(asked), [a for a in asked if a not in own and (a != GOLD or not gold)]


def _fmt(value) -> str:
    return "—" if value is None else f"{value:.4f}" if isinstance(value, float) else str(value)


def as_table(rows: list[dict], columns: tuple[str, ...] = COLUMNS) -> str:
    widths = [max(len(c), *(len(_fmt(r.get(c))) for r in rows)) for c in columns]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    for r in rows:
        lines.append("  ".join(_fmt(r.get(c)).ljust(w) for c, w in zip(columns, widths,
                                                                       strict=True)))
    return "\n".join(lines)


def relation_table(rows: list[dict]) -> str:
    """The relation rows as a table: scope (relation type), relations, F1."""
    return as_table(rows, RELATION_COLUMNS)


def as_csv(rows: list[dict], relations: bool = False) -> str:
    out = io.StringIO()
    fields = list(RELATION_COLUMNS) if relations else [*COLUMNS, "notes"]
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def as_json(agreement: Agreement) -> str:
    return json.dumps(agreement.to_dict(), ensure_ascii=False, indent=2)
