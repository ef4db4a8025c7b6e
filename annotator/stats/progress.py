"""Progress per annotator: documents done of those assigned, spans, active hours, and
agreement so far on the documents they and a colleague have both marked done.

* **Active hours** come from the edit times in the project's journal: the time between
  one edit and the next counts when it is at most :data:`IDLE` (ten minutes); a longer gap
  is a pause and counts nothing (nor does the time after the last edit of a stretch).
* **Spans** are an annotator's own (gold spans, the results of review decisions, are
  nobody's layer: :mod:`annotator.review.layers`).
* **Agreement** is computed by :mod:`annotator.review.agreement` (the same figures as
  ``annotator agreement``) for each pair of annotators over the documents both have marked
  done; an annotator's figure is the mean of their pairs', weighted by documents.

Pure Python: reads through the store contract, no Qt, no SQL.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from itertools import combinations

from annotator.core.store import ProjectStore
from annotator.review.agreement import agreement_rows
from annotator.review.corpus import DocSpans
from annotator.review.layers import gold_by_document, split_gold

#: a longer gap between two edits is a pause, not work
IDLE = dt.timedelta(minutes=10)


@dataclass
class AnnotatorProgress:
    annotator: str
    name: str
    assigned: int = 0
    done: int = 0  # documents they marked done (assigned or not)
    in_progress: int = 0
    spans: int = 0
    active_hours: float = 0.0
    agreement_documents: int = 0  # done by them and a colleague
    krippendorff_alpha: float | None = None  # mean over their pairs, by documents
    f1_overlap: float | None = None


@dataclass
class PairAgreement:
    a: str
    b: str
    documents: int
    cohen_kappa: float | None
    krippendorff_alpha: float | None
    f1_exact: float | None
    f1_overlap: float | None


@dataclass
class Progress:
    documents: int
    annotators: list[AnnotatorProgress] = field(default_factory=list)
    pairs: list[PairAgreement] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"documents": self.documents, "idle_minutes": IDLE.seconds // 60,
                "annotators": [asdict(a) for a in self.annotators],
                "pairs": [asdict(p) for p in self.pairs]}


def active_hours(times: Iterable[str]) -> float:
    """Hours of work in a sorted series of ISO 8601 edit times: gaps up to :data:`IDLE`."""
    total, last = dt.timedelta(), None
    for stamp in times:
        try:
            when = dt.datetime.fromisoformat(stamp)
        except ValueError:
            continue  # a time written by hand: not counted
        if last is not None and dt.timedelta() <= when - last <= IDLE:
            total += when - last
        last = when
    return round(total.total_seconds() / 3600, 2)


def progress(store: ProjectStore) -> Progress:
    names = {a.id: a.name for a in store.annotators()}
    rows: dict[str, AnnotatorProgress] = {}

    def row(who: str) -> AnnotatorProgress:
        if who not in rows:
            rows[who] = AnnotatorProgress(who, names.get(who, who))
        return rows[who]

    for a in store.assignments():
        row(a.annotator).assigned += 1
    done: dict[str, set[str]] = {}
    for s in store.doc_statuses():
        if s.status == "done":
            row(s.annotator).done += 1
            done.setdefault(s.annotator, set()).add(s.doc_id)
        elif s.status == "in_progress":
            row(s.annotator).in_progress += 1
    gold = gold_by_document(store)
    _spans(store, gold, row)
    times: dict[str, list[str]] = {}
    for who, when in store.edit_times():
        times.setdefault(who, []).append(when)
    for who, stamps in times.items():
        row(who).active_hours = active_hours(stamps)
    out = Progress(len(store.documents()))
    out.pairs = _pairs(store, gold, done)
    for who, mine in done.items():
        row(who).agreement_documents = sum(
            1 for d in mine if any(d in theirs for other, theirs in done.items() if other != who))
    order = {a: i for i, a in enumerate(names)}
    out.annotators = sorted(rows.values(), key=lambda r: (order.get(r.annotator, len(order)),
                                                          r.annotator))
    _means(out)
    return out


def _spans(store: ProjectStore, gold: dict, row) -> None:
    gold_of: Counter[str] = Counter()
    for spans in gold.values():
        for key, n in spans.items():
            gold_of[key[3]] += n
    counts: Counter[str] = Counter(r[4] for r in store.layer_spans())
    for who, n in counts.items():
        if n - gold_of[who]:
            row(who).spans = n - gold_of[who]


def _pairs(store: ProjectStore, gold: dict, done: dict[str, set[str]]) -> list[PairAgreement]:
    wanted = {d for a, b in combinations(sorted(done), 2) for d in done[a] & done[b]}
    if not wanted:
        return []
    docs = {doc_id: DocSpans(doc_id, length, None, split_gold(spans, gold.get(doc_id)))
            for doc_id, length, _text, spans in store.spans_by_document() if doc_id in wanted}
    out = []
    for a, b in combinations(sorted(done), 2):
        both = [docs[d] for d in sorted(done[a] & done[b]) if d in docs]
        if not both:
            continue
        [figures] = agreement_rows(both, [a, b], "overall")
        out.append(PairAgreement(a, b, len(both), figures["cohen_kappa"],
                                 figures["krippendorff_alpha"], figures["f1_exact"],
                                 figures["f1_overlap"]))
    return out


def _means(out: Progress) -> None:
    for r in out.annotators:
        mine = [p for p in out.pairs if r.annotator in (p.a, p.b)]
        for key in ("krippendorff_alpha", "f1_overlap"):
            known = [(getattr(p, key), p.documents) for p in mine if getattr(p, key) is not None]
            weight = sum(n for _, n in known)
            setattr(r, key, round(sum(v * n for v, n in known) / weight, 4) if weight else None)



# --- output ------------------------------------------------------------------------------------
COLUMNS = ("annotator", "name", "assigned", "done", "in_progress", "spans", "active_hours",
           "agreement_documents", "krippendorff_alpha", "f1_overlap")


def _fmt(value) -> str:
    return "—" if value is None else f"{value:.2f}" if isinstance(value, float) else str(value)


def as_text(p: Progress) -> str:
    rows = [COLUMNS] + [tuple(_fmt(getattr(r, c)) for c in COLUMNS) for r in p.annotators]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip()
             for r in rows]
    if p.pairs:
        lines.append("")
        lines += [f"{x.a} × {x.b}: {x.documents} documents done by both; κ "
                  f"{_fmt(x.cohen_kappa)}, α {_fmt(x.krippendorff_alpha)}, F1 exact "
                  f"{_fmt(x.f1_exact)}, overlap {_fmt(x.f1_overlap)}" for x in p.pairs]
    return "\n".join(lines) + "\n"


def as_json(p: Progress) -> str:
    return json.dumps(p.to_dict(), ensure_ascii=False, indent=2)


def as_csv(p: Progress) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for r in p.annotators:
        writer.writerow(["" if getattr(r, c) is None else getattr(r, c) for c in COLUMNS])
    return out.getvalue()
