"""Arc layout and the relation index, without a window."""

from annotator.core.arcs import ArcIn, Box, RelationIndex, Style, fan_out, layout, off_screen
from annotator.core.relations import Relation


def rel(id_, source, target, type_="uses"):
    return Relation(id_, "d", source, target, type_, "lin")


def test_arcs_from_one_span_fan_out_without_crossing():
    boxes = {"a": Box(100, 160, 50), "l": Box(0, 20, 50), "r1": Box(300, 320, 50),
             "r2": Box(500, 520, 50)}
    arcs = [ArcIn("x", "a", "r2", 10), ArcIn("y", "a", "l", 10), ArcIn("z", "a", "r1", 10)]
    xs = fan_out(arcs, boxes)
    # at "a": the arc going left leaves leftmost, the farthest right one rightmost
    assert xs[("y", "a")] < xs[("z", "a")] < xs[("x", "a")]
    assert all(100 < xs[(i, "a")] < 160 for i in "xyz")


def test_nested_arcs_get_higher_lanes_and_disjoint_ones_share_the_lowest():
    boxes = {"a": Box(0, 40, 100), "b": Box(100, 140, 100), "c": Box(400, 440, 100),
             "d": Box(600, 640, 100), "e": Box(700, 740, 100)}
    placed = {a.id: a for a in layout([ArcIn("short", "a", "b", 30),
                                       ArcIn("long", "a", "c", 30),
                                       ArcIn("apart", "d", "e", 30)], boxes)}
    assert placed["short"].lane == 0 and placed["apart"].lane == 0
    assert placed["long"].lane == 1
    assert placed["long"].peak < placed["short"].peak < 100


def test_a_wide_label_pushes_an_overlapping_arc_up():
    boxes = {"a": Box(0, 10, 0), "b": Box(40, 50, 0), "c": Box(60, 70, 0),
             "d": Box(100, 110, 0)}
    placed = {a.id: a for a in layout([ArcIn("p", "a", "b", 200), ArcIn("q", "c", "d", 10)],
                                      boxes)}
    assert {placed["p"].lane, placed["q"].lane} == {0, 1}


def test_lanes_are_capped():
    boxes = {str(i): Box(i * 10, i * 10 + 5, 0) for i in range(20)}
    arcs = [ArcIn(f"r{i}", "0", str(i), 5) for i in range(1, 20)]
    placed = layout(arcs, boxes, Style(lanes=3))
    assert max(a.lane for a in placed) == 2 and len(placed) == 19


def test_arcs_rise_from_the_higher_line_and_missing_ends_are_left_out():
    boxes = {"a": Box(0, 10, 200), "b": Box(50, 60, 100)}
    placed = layout([ArcIn("r", "a", "b", 5), ArcIn("gone", "a", "zz", 5)], boxes)
    assert [a.id for a in placed] == ["r"]
    arc = placed[0]
    assert (arc.y1, arc.y2) == (200, 100) and arc.peak < 100


def test_off_screen_boxes_lie_beyond_the_edges():
    seen = Box(100, 120, 40)
    assert off_screen(seen, True, 600).top < 0
    assert off_screen(seen, False, 600).top > 600


def test_relation_index_by_span_and_on_screen():
    index = RelationIndex([rel("1", "a", "b"), rel("2", "b", "c"), rel("3", "x", "y")])
    assert [r.id for r in index.of("b")] == ["1", "2"]
    assert sorted(r.id for r in index.touching(["a", "b", "c"])) == ["1", "2"]
    index.update([rel("1", "a", "b")], [rel("4", "a", "c")])
    assert [r.id for r in index.of("a")] == ["4"]
    assert [r.id for r in index.of("b")] == ["2"]
    index.remove("3")
    assert index.of("x") == [] and len(index) == 2

