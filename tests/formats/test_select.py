"""Selecting what to export, and reproducible train/dev/test splits."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace

import pytest

from annotator.core.dataset import Dataset, DocumentData, accepted_ids, gold_ids
from annotator.formats import jsonfmt
from annotator.formats.select import parse_ratios, select, split


def _shared():
    """The seed dataset shared by the format tests."""
    import seedset

    return seedset


def _spans(ds: Dataset) -> list:
    return [a for d in ds.documents for a in d.annotations]


def test_select_by_annotator_and_group():
    ds = _shared().seed_dataset()
    li = _spans(select(ds, annotators={"li"}))
    assert li and {a.annotator for a in li} == {"li"}
    assert len(li) == sum(a.annotator == "li" for a in _spans(ds))
    threats = _spans(select(ds, annotators={"li", "chen"}, groups={"threat"}))
    assert threats and all(a.tag.startswith("threat.") for a in threats)
    assert {a.annotator for a in threats} == {"li", "chen"}


def test_select_gold_and_accepted_layers():
    ds = _shared().seed_dataset()
    gold = select(ds, status="gold")
    accepted = select(ds, status="accepted")
    for full, g, acc in zip(ds.documents, gold.documents, accepted.documents, strict=True):
        assert {a.id for a in g.annotations} == gold_ids(full.decisions) & {
            a.id for a in full.annotations}
        assert {a.id for a in acc.annotations} == accepted_ids(full.decisions)
        assert all(a.annotator == "wang" for a in g.annotations)
        kept = {a.id for a in acc.annotations}
        assert all(d.result_id in kept or set(d.targets) & kept for d in acc.decisions)
        assert not any(d.decision == "rejected" for d in acc.decisions)
    assert len(_spans(select(ds, status="gold"))) == 2 * len(ds.documents)  # gold + edited


def test_select_documents_and_laziness():
    ds = _shared().seed_dataset()
    wanted = {ds.documents[1].document.id, ds.documents[4].document.id}
    chosen = select(ds, doc_ids=wanted)
    assert [d.document.id for d in chosen.documents] == [
        d.document.id for d in ds.documents if d.document.id in wanted]
    consumed = []

    def source() -> Iterator[DocumentData]:
        for d in ds.documents:
            consumed.append(d.document.id)
            yield d

    lazy = select(replace(ds, documents=source()), annotators={"chen"})
    assert consumed == []
    first = next(iter(lazy.documents))
    assert consumed == [ds.documents[0].document.id] and first.annotations


def test_selection_exports_and_reads_back(tmp_path):
    ds = _shared().seed_dataset()
    fp = io.StringIO()
    jsonfmt.write_json(select(ds, annotators={"li", "wang"}, status="accepted"), fp)
    path = tmp_path / "accepted.json"
    path.write_text(fp.getvalue(), encoding="utf-8")
    back = jsonfmt.read_json(path)
    # wang reviewed: her spans are the gold layer, not hers (own_spans); li's accepted stay
    assert {a.annotator for a in _spans(back)} == {"li"}
    assert _spans(back) and all(d.reviewer == "wang" for x in back.documents
                                for d in x.decisions)


def test_select_rejects_unknown_status():
    with pytest.raises(ValueError, match="status"):
        select(_shared().seed_dataset(), status="approved")


# --- split ---------------------------------------------------------------------------------

IDS = [f"doc{i:03d}" for i in range(100)]


def test_split_sizes_and_cover():
    parts = split(IDS, (80, 10, 10), seed=1)
    assert list(parts) == ["train", "dev", "test"]
    assert [len(v) for v in parts.values()] == [80, 10, 10]
    assert sorted(sum(parts.values(), [])) == IDS


def test_split_is_reproducible_and_order_independent():
    a = split(IDS, "80/10/10", seed=7)
    assert a == split(list(reversed(IDS)), [80, 10, 10], 7)
    assert a != split(IDS, "80/10/10", seed=8)


def test_split_small_and_two_way():
    parts = split(["a", "b", "c", "d", "e"], "80/10/10", seed=3)
    assert sum(len(v) for v in parts.values()) == 5 and len(parts["train"]) == 4
    assert list(split(IDS, "70/30", seed=0)) == ["train", "test"]
    assert split([], seed=0) == {"train": [], "dev": [], "test": []}


@pytest.mark.parametrize("ratios", ["80/10/5", (90, 20), "80/ten/10", (50, 25, 15, 10),
                                    (110, -10), "", (80.0, 10, 10)])
def test_split_rejects_bad_ratios(ratios):
    with pytest.raises(ValueError):
        split(IDS, ratios, seed=0)


def test_parse_ratios():
    assert parse_ratios("80/10/10") == (80, 10, 10)
    assert parse_ratios(" 60, 20 ,20 ") == (60, 20, 20)
    assert parse_ratios((100,)) == (100,)


@pytest.mark.parametrize("choice", [{"annotators": {"li"}}, {"annotators": {"chen"}},
                                    {"status": "gold"}, {"status": "accepted"},
                                    {"groups": {"threat"}}, {}])
def test_a_selection_keeps_only_decisions_that_resolve_inside_it(choice):
    ds = _shared().seed_dataset()
    chosen = select(ds, **choice)
    kept = 0
    for full, part in zip(ds.documents, chosen.documents, strict=True):
        ids = {a.id for a in part.annotations}
        for d in full.decisions:
            inside = set(d.targets) <= ids and d.result_id in ids | {None}
            assert (d in part.decisions) == inside, (choice, d)
            kept += inside
    if choice in ({}, {"status": "accepted"}):
        assert kept  # whole decisions are kept
