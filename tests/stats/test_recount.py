"""On the annotated seeds, the statistics equal a plain recount: character loops for
sentences and paragraphs, nested loops over the spans, written apart from the code under
test (only the dataset and the definitions in docs/statistics.md are shared)."""

from __future__ import annotations

import pytest
import statseeds

from annotator.stats.compute import project_stats
from annotator.stats.layer import Layer
from annotator.store import Store

TERMINATORS = "。！？；!?"
CLOSERS = "”’」』）)》〉】\"'"
LAYERS = [Layer(), Layer("gold"), Layer("annotator", "li"), Layer("annotator", "chen"),
          Layer("annotator", "lin")]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return statseeds.annotated_project(tmp_path_factory.mktemp("recount") / "seeds.annotator")


def plain_units(text: str, unit: str) -> list[tuple[int, int]]:
    """Split by walking the characters: a sentence ends after a run of terminators, the
    closers after them and any whitespace; a line break (and whitespace after it) ends
    both a sentence and a paragraph."""
    units, start, i = [], 0, 0
    while i < len(text):
        j = i
        if unit == "sentence" and text[i] in TERMINATORS:
            while j < len(text) and text[j] in TERMINATORS:
                j += 1
            while j < len(text) and text[j] in CLOSERS:
                j += 1
        elif text[i] == "\n":
            j = i + 1
        else:
            i += 1
            continue
        while j < len(text) and text[j].isspace():
            j += 1
        units.append((start, j))
        start = i = j
    if start < len(text) or not units:
        units.append((start, len(text)))
    return units


def plain_layer(layer: Layer) -> list[tuple[str, int, int, str]]:
    """The layer's spans from the dataset itself, each (doc, start, end, tag) once."""
    ds = statseeds.seedset.seed_dataset()
    chosen = set()
    for data in ds.documents:
        spans = list(data.annotations) + statseeds.lexicon_spans(data.document, ds.tagset)
        gold = {d.result_id for d in data.decisions if d.result_id and d.decision != "rejected"}
        for a in spans:
            if layer.kind == "gold" and a.id not in gold:
                continue
            if layer.kind == "annotator" and a.annotator != layer.annotator:
                continue
            chosen.add((a.doc_id, a.start, a.end, a.tag))
    return sorted(chosen)


def plain_cooccurrence(layer: Layer, unit: str, rows: str, cols: str) -> dict:
    ds = statseeds.seedset.seed_dataset()
    spans = plain_layer(layer)
    counts: dict[tuple[str, str], int] = {}
    for data in ds.documents:
        doc = data.document
        for a, b in plain_units(doc.text, unit):
            inside = [s for s in spans if s[0] == doc.id and a <= s[1] < b]
            row_tags = {s[3] for s in inside if s[3].split(".")[0] == rows}
            col_tags = {s[3] for s in inside if s[3].split(".")[0] == cols}
            for r in row_tags:
                for c in col_tags:
                    counts[(r, c)] = counts.get((r, c), 0) + 1
    return counts


@pytest.mark.parametrize("unit", ["sentence", "paragraph"])
@pytest.mark.parametrize("layer", LAYERS, ids=lambda layer: layer.label())
def test_cooccurrence_equals_a_plain_recount(project, layer, unit):
    with Store.open(project) as store:
        stats = project_stats(store, layer, unit)
    for name, rows, cols in (("actor-threat", "actor", "threat"),
                             ("actor-mechanism", "actor", "mechanism")):
        expected = plain_cooccurrence(layer, unit, rows, cols)
        got = {k: n for k, n in stats.matrices[name].counts.items() if n}
        assert got == expected, (name, layer, unit)
    if layer.kind == "all" or layer.annotator == "lin":  # the dense layers: not vacuous
        assert sum(stats.matrices["actor-threat"].counts.values()) > 30


@pytest.mark.parametrize("layer", LAYERS, ids=lambda layer: layer.label())
def test_tag_and_document_counts_equal_a_plain_recount(project, layer):
    spans = plain_layer(layer)
    with Store.open(project) as store:
        stats = project_stats(store, layer)
    tags: dict[str, int] = {}
    for s in spans:
        tags[s[3]] = tags.get(s[3], 0) + 1
    assert {t: n for t, n in stats.tags.items() if n} == tags
    per_doc = {d.doc_id: d.total for d in stats.documents}
    for doc_id, total in per_doc.items():
        assert total == sum(1 for s in spans if s[0] == doc_id)


def test_the_plain_splitter_agrees_on_an_astral_text():
    from annotator.stats.units import unit_ranges

    text = "𠮷。“好！”\n\n乙 ok. 3.5"
    assert plain_units(text, "sentence") == [(0, 2), (2, 8), (8, 17)]
    assert plain_units(text, "paragraph") == [(0, 8), (8, 17)]
    for unit in ("sentence", "paragraph"):
        assert plain_units(text, unit) == unit_ranges(text, unit)
