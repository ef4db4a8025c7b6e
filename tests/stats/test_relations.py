"""Relation statistics (annotator.stats.relations, reltables, relplot) on hand-made layers."""

from __future__ import annotations

import csv
import io
import json

from annotator.core.annotation import Annotation
from annotator.core.dataset import ReviewDecision
from annotator.core.relations import Relation
from annotator.core.tagset import default_tagset
from annotator.stats import relplot, reltables
from annotator.stats.layer import Layer
from annotator.stats.relations import RelationStats, add_document, of_layer

#          0         1         2
#          0123456789012345678901234567
TEXT = "上合组织举行联合反恐演习,打击三股势力。中方与哈方合作,中國也舉行聯合反恐演習。"
TAGSET = default_tagset()


def span(i, s, e, tag, who="lin", **attrs):
    return Annotation(i, "d1", s, e, tag, who, attrs)


def link(i, src, dst, type_, who="lin"):
    return Relation(i, "d1", src, dst, type_, who)


SPANS = [span("a1", 0, 4, "actor.igo"), span("m1", 6, 12, "mechanism.exercise"),
         span("t1", 15, 19, "threat.three_evils"), span("a2", 20, 22, "actor.state"),
         span("a3", 23, 25, "actor.state"),
         span("a4", 28, 30, "actor.state", normalized="中国"),
         span("m2", 33, 39, "mechanism.exercise"),
         # chen marked the first chain as well: in the layer of all, it counts once
         span("ca1", 0, 4, "actor.igo", "chen"), span("cm1", 6, 12, "mechanism.exercise", "chen")]
RELS = [link("r1", "a1", "m1", "uses"), link("r2", "m1", "t1", "addresses"),
        link("r3", "a2", "a3", "cooperates_with"), link("r4", "a4", "m2", "uses"),
        link("r5", "m2", "t1", "addresses"),  # across the sentence: still a chain
        link("c1", "ca1", "cm1", "uses", "chen"),
        link("c2", "a3", "a2", "cooperates_with", "chen")]


def stats_of(layer=None, decisions=()):
    layer = layer or Layer()
    stats = RelationStats(layer)
    add_document(stats, TAGSET, "d1", TEXT, SPANS, of_layer(RELS, decisions, layer))
    return stats


def test_counts_per_type_links_and_chains():
    stats = stats_of()
    # r1/c1 the same relation; r3/c2 the same undirected one crossed
    assert stats.types == {"uses": 2, "addresses": 2, "cooperates_with": 1}
    assert stats.links[("actor", "上合组织", "mechanism", "联合反恐演习")] == 1
    # 中國 normalized as 中国; 聯合反恐演習 folds to 联合反恐演习: the same terms
    assert stats.links[("actor", "中国", "mechanism", "联合反恐演习")] == 1
    assert stats.links[("mechanism", "联合反恐演习", "threat", "三股势力")] == 2
    assert stats.chains == {("上合组织", "联合反恐演习", "三股势力"): 1,
                            ("中国", "联合反恐演习", "三股势力"): 1}
    assert stats.places[("chain", "上合组织", "联合反恐演习", "三股势力")] == [
        ("d1", 0, 19)]
    assert stats.documents == 1
    assert stats.nodes("mechanism") == {"联合反恐演习": 4}


def test_layers():
    chen = stats_of(Layer("annotator", "chen"))
    assert chen.types == {"uses": 1, "cooperates_with": 1} and not chen.chains
    gold = [ReviewDecision("x", "d1", "prof", "accepted", ("r2",), "r2")]
    assert stats_of(Layer("gold"), gold).types == {"addresses": 1}
    # a gold relation is nobody's own: lin's layer leaves r2 out
    assert stats_of(Layer("annotator", "lin"), gold).types["addresses"] == 1


def test_json_csv_text():
    stats = stats_of()
    data = json.loads(reltables.as_json(stats, TAGSET, "p"))
    assert data["relations"] == 5
    assert data["types"][0]["type"] in ("uses", "addresses")
    assert data["chains"][0]["places"] == [{"doc_id": "d1", "start": 0, "end": 19}] or \
        data["chains"][0]["places"][0]["doc_id"] == "d1"
    rows = list(csv.reader(io.StringIO(reltables.as_csv(stats))))
    assert rows[0] == ["table", "first", "second", "third", "value"]
    assert ["chains", "中国", "联合反恐演习", "三股势力", "1"] in rows
    assert ["mechanism_threat", "联合反恐演习", "三股势力", "", "2"] in rows
    text = reltables.as_text(stats, TAGSET, "p", "zh-Hans")
    assert "使用" in text and "上合组织 → 联合反恐演习 → 三股势力" in text


def test_network_chart_picks_links(tmp_path):
    stats = stats_of()
    chart = relplot.network_chart(stats, TAGSET)
    ax = chart.figure.axes[0]
    # the mechanism → threat link runs from (1.12, 0) to (1.88, 0): its middle
    assert chart.key_at(ax, 1.5, 0.0) == ("link", "mechanism", "联合反恐演习", "threat",
                                          "三股势力")
    assert chart.key_at(ax, 0.0, -5.0) is None
    written = relplot.write(stats, TAGSET, tmp_path / "charts")
    assert sorted(p.name for p in written) == ["relations.csv", "relations.png",
                                               "relations.svg"]
    assert all(p.stat().st_size for p in written)


def test_empty_network():
    chart = relplot.network_chart(RelationStats(Layer()), TAGSET, "zh-Hant")
    assert chart.rows == [] and chart.key_at(chart.figure.axes[0], 1, 0) is None
