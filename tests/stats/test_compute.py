"""Counts, co-occurrence, timeline, names and layers on a small corpus built by hand, with
an astral character (𠮷) in front so a UTF-16 offset would land one character off."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from annotator.core.annotation import Annotation, Annotator
from annotator.core.dataset import ReviewDecision
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.tagset import default_tagset
from annotator.stats.compute import compute, period_of, project_stats
from annotator.stats.layer import Layer
from annotator.stats.model import MAX_PLACES, UNDATED, Place, Span, Stats
from annotator.stats.reading import LayerReader
from annotator.store import Store

A = "𠮷上合组织打击恐怖主义。中国反对极端主义。\n公安部召开会议。"
B = "趙克志談恐怖主義。"
C = "没有标注的文件。"


def doc(text, title, date, status="todo", review="not_reviewed"):
    return Document(document_id(text), title, text, text_sha256(text), date=date,
                    status=status, review_status=review)


DOCS = [doc(A, "A", "2018-05-22"), doc(B, "B", "--06-08"), doc(C, "C", None, "done", "reviewed")]
DA, DB, DC = (d.id for d in DOCS)
SPANS = [  # (id, doc, start, end, tag, annotator, attributes)
    ("a1", DA, 1, 5, "actor.igo", "lin", {"normalized": "上海合作組織"}),
    ("a2", DA, 7, 11, "threat.terrorism", "lin", {}),
    ("a3", DA, 12, 14, "actor.state", "lin", {}),
    ("a4", DA, 16, 20, "threat.extremism", "lin", {}),
    ("a5", DA, 22, 25, "actor.agency", "lin", {}),
    ("a6", DA, 27, 29, "mechanism.meeting", "lin", {}),
    ("b1", DB, 0, 3, "actor.person", "lin", {}),
    ("b2", DB, 4, 8, "threat.terrorism", "lin", {}),
    ("c1", DA, 1, 5, "actor.igo", "chen", {"normalized": "上海合作组织"}),
    ("c2", DA, 7, 11, "threat.terrorism", "chen", {"certainty": "low"}),
    ("c3", DB, 0, 3, "actor.person", "chen", {"normalized": "赵克志"}),
    ("g1", DA, 7, 11, "threat.terrorism", "wang", {}),  # wang's gold copy of a2
]


@pytest.fixture
def store():
    s = Store.memory()
    s.set_tagset(default_tagset())
    for who in ("lin", "chen", "wang"):
        s.add_annotator(Annotator(who, who.title()))
    s.add_documents(DOCS)
    s.insert_annotations(Annotation(i, d, a, b, t, w, attrs, "x", "x")
                         for i, d, a, b, t, w, attrs in SPANS)
    s.insert_decisions([ReviewDecision("r1", DA, "wang", "gold", ("a2", "c2"), "g1", None, "x")])
    yield s
    s.close()


def _doc(doc_id, date=None):
    return SimpleNamespace(id=doc_id, title=doc_id, date=date, status="todo",
                           review_status="not_reviewed")


def test_the_offsets_are_code_points():
    assert A[1:5] == "上合组织" and A[7:11] == "恐怖主义" and A[27:29] == "会议"


def test_counts_merge_copies_across_annotators(store):
    stats = project_stats(store)
    assert stats.spans == 12
    assert {t: n for t, n in stats.tags.items() if n} == {
        "actor.state": 1, "actor.igo": 1, "actor.agency": 1, "actor.person": 1,
        "mechanism.meeting": 1, "threat.terrorism": 2, "threat.extremism": 1}
    assert list(stats.tags)[:2] == ["actor.state", "actor.igo"]  # the tagset's order
    assert stats.groups == {"actor": 4, "mechanism": 1, "threat": 3}
    assert [(d.title, d.total, d.counts) for d in stats.documents] == [
        ("A", 6, {"actor": 3, "mechanism": 1, "threat": 2}),
        ("B", 2, {"actor": 1, "mechanism": 0, "threat": 1}),
        ("C", 0, {"actor": 0, "mechanism": 0, "threat": 0})]


def test_annotators_count_their_own_spans(store):
    stats = project_stats(store)
    # wang only reviewed: her gold span is the gold layer's, nobody's own
    assert stats.annotators == {"chen": {"actor": 2, "mechanism": 0, "threat": 1},
                                "lin": {"actor": 4, "mechanism": 1, "threat": 3}}
    assert stats.annotator_documents == {"chen": 2, "lin": 2}
    assert stats.places_of(("annotator", "chen", "actor")) == [Place(DA, 1, 5), Place(DB, 0, 3)]


def test_progress(store):
    assert project_stats(store).progress == {
        "documents": {"total": 3, "annotated": 2},
        "status": {"todo": 2, "in_progress": 0, "done": 1},
        "review_status": {"not_reviewed": 2, "in_review": 0, "reviewed": 1}}


def test_cooccurrence_by_sentence(store):
    stats = project_stats(store, unit="sentence")
    threat, mechanism = stats.matrices["actor-threat"], stats.matrices["actor-mechanism"]
    assert {k: n for k, n in threat.counts.items() if n} == {
        ("actor.igo", "threat.terrorism"): 1, ("actor.state", "threat.extremism"): 1,
        ("actor.person", "threat.terrorism"): 1}
    assert mechanism.counts == {("actor.agency", "mechanism.meeting"): 1}
    # the place: from the first span of one tag to the first of the other in the unit
    assert stats.places_of(threat.key("actor.igo", "threat.terrorism")) == [Place(DA, 1, 11)]
    assert stats.total_of(threat.key("actor.state", "threat.extremism")) == 1


def test_cooccurrence_by_paragraph(store):
    counts = project_stats(store, unit="paragraph").matrices["actor-threat"].counts
    assert {k: n for k, n in counts.items() if n} == {  # A's first paragraph, and B
        ("actor.igo", "threat.terrorism"): 1, ("actor.igo", "threat.extremism"): 1,
        ("actor.state", "threat.terrorism"): 1, ("actor.state", "threat.extremism"): 1,
        ("actor.person", "threat.terrorism"): 1}


def test_a_unit_counts_once_however_many_spans_it_holds():
    text = "恐怖主义威胁上合组织与恐怖主义。"
    spans = [Span("d", 0, 4, "threat.terrorism", "lin"), Span("d", 6, 10, "actor.igo", "lin"),
             Span("d", 11, 15, "threat.terrorism", "lin")]
    stats = compute(default_tagset(), [_doc("d")], spans, lambda ids: [("d", text)])
    assert stats.matrices["actor-threat"].counts == {("actor.igo", "threat.terrorism"): 1}
    assert stats.tags["threat.terrorism"] == 2


def test_timeline_by_document_date(store):
    line = project_stats(store).timeline
    assert line.periods == ["2018-05"]
    assert {k: n for k, n in line.counts.items()} == {("2018-05", "threat.terrorism"): 1,
                                                     ("2018-05", "threat.extremism"): 1}
    assert line.undated == {"threat.terrorism": 1}
    assert project_stats(store, period="year").timeline.periods == ["2018"]
    assert period_of("2021-06-23", "month") == "2021-06" and period_of("--06-08", "year") \
        == UNDATED and period_of(None, "month") == UNDATED


def test_names_fold_scripts_and_fall_back_to_the_text(store):
    stats = project_stats(store)
    assert [tuple(n) for n in stats.names["actor"]] == [
        ("上海合作组织", 1), ("中国", 1), ("公安部", 1), ("赵克志", 1)]
    assert [tuple(n) for n in stats.names["threat"]] == [("恐怖主义", 2), ("极端主义", 1)]
    assert stats.places_of(("name", "threat", "恐怖主义")) == [Place(DA, 7, 11), Place(DB, 4, 8)]


def test_layers(store):
    gold = project_stats(store, Layer("gold"))
    assert gold.spans == 1 and {t: n for t, n in gold.tags.items() if n} == {
        "threat.terrorism": 1}
    chen = project_stats(store, Layer("annotator", "chen"))
    assert chen.spans == 3 and list(chen.annotators) == ["chen"]
    assert {k: n for k, n in chen.matrices["actor-threat"].counts.items() if n} == {
        ("actor.igo", "threat.terrorism"): 1}
    with pytest.raises(ValueError, match="unknown annotator 'zhou' .known: chen, lin, wang"):
        project_stats(store, Layer("annotator", "zhou"))


def test_layer_parse():
    assert Layer.parse() == Layer() and Layer.parse("gold") == Layer("gold")
    assert Layer.parse("all", "lin") == Layer("annotator", "lin")
    with pytest.raises(ValueError, match="needs --annotator"):
        Layer.parse("annotator")
    with pytest.raises(ValueError, match="does not go with --layer gold"):
        Layer.parse("gold", "lin")
    with pytest.raises(ValueError, match="--layer must be one of"):
        Layer.parse("silver")


def test_merge_keeps_the_first_name_any_copy_has_in_any_order():
    spans = [Span("d", 0, 2, "actor.igo", "lin"), Span("e", 0, 2, "actor.igo", "lin"),
             Span("d", 0, 2, "actor.igo", "chen", "SCO"), Span("d", 0, 2, "actor.state", "chen"),
             Span("d", 0, 2, "actor.igo", "wang", "UN")]
    stats = Stats(Layer(), "sentence", "month", default_tagset())
    reader = LayerReader(stats, lambda tag: tag.split(".")[0])
    merged = reader.read(spans)
    assert [(s[3], s[5]) for s in merged["d"]] == [("actor.igo", "SCO"), ("actor.state", None)]
    assert stats.spans == 5 and len(merged["e"]) == 1
    reader.annotator_figures({"d": 0, "e": 1})
    assert stats.annotator_documents == {"chen": 1, "lin": 2, "wang": 1}


def test_places_are_capped_in_corpus_order():
    tagset = default_tagset()
    text = "恐怖" * (MAX_PLACES + 20)
    spans = [Span("d", i, i + 2, "threat.terrorism", "lin") for i in range(0, len(text), 2)]
    stats = compute(tagset, [_doc("d")], spans, lambda ids: [("d", text)])
    kept = stats.places_of(("tag", "threat.terrorism"))
    assert len(kept) == MAX_PLACES and kept[0] == Place("d", 0, 2)
    assert stats.total_of(("tag", "threat.terrorism")) == MAX_PLACES + 20


def test_unknown_unit_and_period_are_refused(store):
    with pytest.raises(ValueError, match="unit must be"):
        project_stats(store, unit="clause")
    with pytest.raises(ValueError, match="period must be"):
        project_stats(store, period="week")


def test_progress_follows_both_passes_and_a_cancel_stops_the_work(store):
    """``progress(done, total)`` over the spans then the texts (total: twice the
    documents) gives the same figures; ``cancelled()`` saying yes raises Cancelled."""
    from annotator.core.errors import Cancelled

    plain = project_stats(store)
    seen: list[tuple[int, int]] = []
    watched = project_stats(store, progress=lambda d, n: seen.append((d, n)),
                            cancelled=lambda: False)
    assert watched.tags == plain.tags and watched.documents == plain.documents
    assert seen and {n for _, n in seen} == {2 * len(DOCS)}
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1][0] <= 2 * len(DOCS)
    asked = []
    with pytest.raises(Cancelled):
        project_stats(store, cancelled=lambda: asked.append(1) or True)
    assert len(asked) == 1


def test_full_place_lists_stop_filling_but_open_ones_go_on_in_later_documents():
    tagset = default_tagset()
    text = "恐怖" * (MAX_PLACES + 20)
    spans = [Span("d", i, i + 2, "threat.terrorism", "lin") for i in range(0, len(text), 2)]
    spans += [Span("e", i, i + 2, "threat.terrorism", "lin") for i in (0, 4, 8)]
    texts = {"d": text, "e": text}
    stats = compute(tagset, [_doc("d", "2018-01-05"), _doc("e", "2018-02-05")], spans,
                    lambda ids: [(i, texts[i]) for i in ids])
    assert stats.places_of(("tag", "threat.terrorism")) == [
        Place("d", i, i + 2) for i in range(0, 2 * MAX_PLACES, 2)]
    assert stats.places_of(("timeline", "2018-02", "threat.terrorism")) == [
        Place("e", i, i + 2) for i in (0, 4, 8)]
    named = stats.places_of(("name", "threat", "恐怖"))
    assert len(named) == MAX_PLACES and {p.doc_id for p in named} == {"d"}


def test_a_name_counts_in_each_group_it_is_tagged_with_and_its_forms_fold_together():
    """One name under two groups, in both scripts and with spaces, and a name that is only
    spaces: each group counts its own spans of the folded name; the blank is no name;
    the places of a top name follow corpus order across its forms. Each annotator's
    places stop at :data:`MAX_PLACES`."""
    text = "中國 中国 中國  "
    spans = [Span("d", 0, 2, "actor.state", "lin"), Span("d", 3, 5, "actor.state", "lin"),
             Span("d", 3, 5, "threat.terrorism", "lin"), Span("d", 6, 9, "actor.state", "lin"),
             Span("d", 9, 11, "actor.state", "lin"),
             Span("e", 0, 2, "threat.terrorism", "lin", " 中國 ")]
    spans += [Span("e", 2 + i, 3 + i, "actor.person", "chen") for i in range(MAX_PLACES + 3)]
    texts = {"d": text, "e": "中國" + "人" * (MAX_PLACES + 3)}
    stats = compute(default_tagset(), [_doc("d"), _doc("e")], spans,
                    lambda ids: [(i, texts[i]) for i in ids])
    assert [tuple(n) for n in stats.names["threat"]] == [("中国", 2)]
    assert [tuple(n) for n in stats.names["actor"]] == [("人", MAX_PLACES + 3), ("中国", 3)]
    assert stats.places_of(("name", "actor", "中国")) == [
        Place("d", 0, 2), Place("d", 3, 5), Place("d", 6, 9)]
    assert stats.places_of(("name", "threat", "中国")) == [Place("d", 3, 5), Place("e", 0, 2)]
    assert len(stats.places_of(("annotator", "chen", "actor"))) == MAX_PLACES
    assert stats.annotators["chen"]["actor"] == MAX_PLACES + 3
