"""Spreading documents over annotators: every document gets exactly its number of
different annotators, loads differ by at most one (what each had before counted), every
pair overlaps about as often, the same seed gives the same plan; storing a plan is one
undoable command that keeps the assignments that stay."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.assign import assign, loads, queue, spread
from annotator.core.workflow import Assignment

DOCS = [f"d{i:02}" for i in range(30)]
WHO = ["lin", "chen", "wang"]


def pair_counts(plan) -> Counter:
    return Counter(frozenset(p) for people in plan.values() for p in combinations(people, 2))


def test_thirty_documents_two_each_over_three_annotators():
    plan = spread(DOCS, WHO, 2, seed=7)
    assert list(plan) == DOCS
    assert all(len(set(p)) == 2 for p in plan.values())
    assert loads(plan) == {"lin": 20, "chen": 20, "wang": 20}
    assert set(pair_counts(plan).values()) == {10}  # every pair shares 10 documents


@given(docs=st.integers(0, 40), people=st.integers(1, 7), per_doc=st.integers(1, 7),
       seed=st.integers(0, 10**6), before=st.integers(0, 6))
@settings(max_examples=150, deadline=None)
def test_any_spread_is_even(docs, people, per_doc, seed, before):
    names = [f"a{i}" for i in range(people)]
    per_doc = min(per_doc, people)
    existing = [Assignment(f"old{i}", names[i % people]) for i in range(before)]
    plan = spread([f"d{i}" for i in range(docs)], names, per_doc, seed, existing)
    assert all(len(set(p)) == per_doc for p in plan.values())
    counted = loads(plan, existing)
    total = {n: counted.get(n, 0) for n in names}
    assert max(total.values()) - min(total.values()) <= 1
    pairs = pair_counts(plan)
    if per_doc >= 2 and docs >= people * people and not existing:
        every = [pairs.get(frozenset(p), 0) for p in combinations(names, 2)]
        assert max(every) - min(every) <= 2


def test_the_same_seed_gives_the_same_plan_and_another_seed_another():
    assert spread(DOCS, WHO, 1, seed=1) == spread(DOCS, WHO, 1, seed=1)
    assert spread(DOCS, WHO, 1, seed=1) != spread(DOCS, WHO, 1, seed=2)


def test_earlier_assignments_count_toward_the_loads():
    existing = [Assignment(f"x{i}", "lin") for i in range(4)]
    plan = spread(DOCS[:8], WHO, 1, existing=existing)
    assert loads(plan, existing) == {"lin": 4, "chen": 4, "wang": 4}
    assert "lin" not in {p[0] for p in plan.values()}


@pytest.mark.parametrize(("names", "per_doc", "message"), [
    ([], 1, "name the annotators"), (["lin", "lin"], 1, "named twice"),
    (["lin", " "], 1, "name the annotators"), (["lin", "chen"], 3, "1 to 2"),
    (["lin"], 0, "1 to 1")])
def test_impossible_plans_are_refused(names, per_doc, message):
    with pytest.raises(ValueError, match=message):
        spread(DOCS, names, per_doc)


def test_storing_a_plan_keeps_the_assignments_that_stay():
    old = [Assignment("d00", "lin", "wang", "t0"), Assignment("d00", "chen", "wang", "t0")]
    command = assign({"d00": ("lin", "wang")}, old, "li")
    assert command is not None and command.kind == "assign"
    assert set(command.assignments_before) == set(old)
    kept, added = command.assignments_after
    assert kept == old[0] and (added.annotator, added.assigned_by) == ("wang", "li")
    assert assign({"d00": ("chen", "lin")}, old, "li") is None  # the same people
    assert command.inverse().assignments_after == command.assignments_before


def test_a_queue_is_in_project_order():
    rows = [Assignment("d03", "lin"), Assignment("d01", "lin"), Assignment("d02", "chen")]
    assert queue(DOCS[:5], rows, "lin") == ["d01", "d03"]
