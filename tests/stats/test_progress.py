"""Progress per annotator: active hours leave out pauses over ten minutes; spans are one's
own (not gold); agreement so far is the agreement report's, over the documents both of a
pair have marked done, and an annotator's figure the mean of their pairs by documents."""

from __future__ import annotations

import pytest

from annotator.core import assign
from annotator.core.annotation import Annotator
from annotator.core.search import find_all
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.review import cases
from annotator.review.agreement import agreement_report
from annotator.stats.progress import active_hours, progress
from annotator.store import Store


def test_active_hours_leave_out_pauses_over_ten_minutes():
    times = ["2026-01-01T09:00:00+00:00", "2026-01-01T09:06:00+00:00",  # 6 minutes
             "2026-01-01T09:16:00+00:00",  # 10 minutes: still work
             "2026-01-01T09:26:01+00:00",  # a pause
             "2026-01-01T09:30:01+00:00", "not a time"]  # 4 minutes; a stray entry
    assert active_hours(times) == round(20 / 60, 2)
    assert active_hours([]) == 0.0


@pytest.fixture
def store(seed_paths):
    s = Store.memory()
    s.set_tagset(default_tagset())
    import_paths(s, seed_paths)
    yield s
    s.close()


def test_progress_counts_and_agreement_on_documents_done_by_two(store):
    ids = [d.id for d in store.documents()]
    sessions = {w: Session(store, Annotator(w, w.title())) for w in ("lin", "chen", "wang")}
    sessions["wang"].run(assign.assign({d: ("lin", "chen") for d in ids[:3]}, [], "wang"))
    for who, terms in (("lin", ["上合组织", "恐怖主义"]), ("chen", ["上合组织"])):
        for doc_id in ids[:2]:
            doc = store.document(doc_id)
            for term in terms:
                for start, end in find_all(doc.text, term)[:1]:
                    sessions[who].add(doc_id, doc.text, start, end, "actor.igo")
    for who in ("lin", "chen"):
        sessions[who].set_status(ids[0], "done")
    sessions["lin"].set_status(ids[1], "done")
    sessions["chen"].set_status(ids[1], "in_progress")
    [case] = [c for c in cases.find_cases(store.annotations(ids[0]), ["lin", "chen"], [])
              if c.kind == "unanimous"][:1]
    sessions["wang"].run(cases.accept(case, case.versions[0], "wang"))  # a gold span
    found = progress(store)
    rows = {r.annotator: r for r in found.annotators}
    assert (rows["lin"].assigned, rows["lin"].done, rows["chen"].in_progress) == (3, 2, 1)
    assert rows["wang"].spans == 0  # gold is nobody's layer
    assert rows["lin"].spans == sum(1 for d in ids for a in store.annotations(d)
                                    if a.annotator == "lin")
    [pair] = found.pairs
    assert (pair.a, pair.b, pair.documents) == ("chen", "lin", 1)
    doc = store.document(ids[0])  # the agreement report's figures, on that document only
    [expected] = agreement_report([(doc.text, store.annotations(doc.id))], ["chen", "lin"])
    assert (pair.krippendorff_alpha, pair.f1_exact) == (expected["krippendorff_alpha"],
                                                         expected["f1_exact"])
    assert pair.krippendorff_alpha < 1  # lin tagged more than chen there
    assert rows["lin"].agreement_documents == 1
    assert rows["lin"].krippendorff_alpha == round(pair.krippendorff_alpha, 4)
