"""Relation types in the tagset, and the rules a relation must keep."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from annotator.core.annotation import Annotation
from annotator.core.errors import AnnotatorError, InputError
from annotator.core.relations import (
    Relation,
    RelationType,
    allowed_targets,
    check_relation,
    relations_of,
    types_between,
)
from annotator.core.tagset import RESERVED_HOTKEYS, default_tagset, load_tagset_dict

REPO = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((REPO / "schemas" / "tagset.schema.json").read_text(encoding="utf-8"))
TS = default_tagset()


def span(sid: str, start: int, tag: str, who: str = "lin", doc: str = "d") -> Annotation:
    return Annotation(sid, doc, start, start + 2, tag, who, {}, "", "")


SPANS = [span("sco", 0, "actor.igo"), span("drill", 10, "mechanism.exercise"),
         span("evils", 20, "threat.three_evils"), span("cn", 30, "actor.state"),
         span("kz", 40, "actor.state"), span("mps", 50, "actor.agency"),
         span("far", 500, "mechanism.meeting"), span("other", 12, "mechanism.meeting", "chen")]
BY_ID = {s.id: s for s in SPANS}


def rel(rid: str, source: str, target: str, rtype: str, who: str = "lin") -> Relation:
    return Relation(rid, "d", source, target, rtype, who)


# --- the default set ---------------------------------------------------------------------------

def test_default_relation_types():
    assert [r.id for r in TS.relations] == ["uses", "addresses", "cooperates_with", "part_of",
                                           "poses"]
    assert not TS.relation("cooperates_with").directed
    assert TS.relation("part_of").acyclic
    assert TS.relation("uses").name("zh-Hans") == "使用"
    assert TS.relation("addresses").name("zh-TW") == "針對"


@pytest.mark.parametrize("rtype", TS.relations, ids=lambda r: r.id)
def test_labels_definitions_colour_key(rtype: RelationType):
    assert set(rtype.label) >= {"zh-Hans", "zh-Hant", "en"}
    assert set(rtype.definition) >= {"zh-Hans", "zh-Hant", "en"}
    assert rtype.colour.startswith("#") and len(rtype.colour) == 7
    assert rtype.hotkey and rtype.hotkey not in RESERVED_HOTKEYS
    assert TS.relation_by_hotkey(rtype.hotkey) is rtype


def test_keys_and_colours_unique():
    assert len({r.hotkey for r in TS.relations}) == len(TS.relations)
    assert len({r.colour for r in TS.relations}) == len(TS.relations)
    assert TS.relation_by_hotkey("m") is None


def test_allows_groups_tags_and_direction():
    uses, coop = TS.relation("uses"), TS.relation("cooperates_with")
    assert uses.allows("actor.igo", "mechanism.exercise")
    assert not uses.allows("mechanism.exercise", "actor.igo")
    assert coop.allows("actor.state", "actor.igo") and coop.allows("actor.igo", "actor.state")
    narrow = RelationType("x", {}, {}, "#000000", None, True, ("actor.state",), ("threat",))
    assert narrow.allows("actor.state", "threat.drugs")
    assert not narrow.allows("actor.stateful", "threat.drugs")
    assert not narrow.allows("actor.igo", "threat.drugs")


def test_schema_accepts_default_and_round_trip():
    raw = json.loads((REPO / "schemas" / "tagset.default.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(raw)
    assert load_tagset_dict(TS.to_dict()) == TS


def test_old_tagset_without_relations_loads():
    data = TS.to_dict()
    del data["relations"]
    ts = load_tagset_dict(data)
    assert ts.relations == () and "relations" not in ts.to_dict()
    with pytest.raises(KeyError):
        ts.relation("uses")


def _bad(change) -> str:
    data = copy.deepcopy(TS.to_dict())
    change(data["relations"])
    with pytest.raises(InputError) as e:
        load_tagset_dict(data, "tags.json")
    assert "\n" not in str(e.value)
    return str(e.value)


def test_unknown_endpoint_refused():
    msg = _bad(lambda rs: rs[0]["sources"].append("actor.king"))
    assert msg == ("tags.json: relations/0/sources/1: relation type 'uses' names "
                   "'actor.king', which is no tag or group here")
    assert "nobody" in _bad(lambda rs: rs[1].update(targets=["nobody"]))


def test_duplicate_id_and_key_and_reserved_refused():
    assert "duplicate relation type id 'uses'" in _bad(lambda rs: rs[1].update(id="uses"))
    assert "duplicate relation key '1'" in _bad(lambda rs: rs[1].update(hotkey="1"))
    assert "reserved" in _bad(lambda rs: rs[1].update(hotkey="u"))
    assert "relations/0" in _bad(lambda rs: rs[0].pop("sources"))
    assert "relations/2/directed" in _bad(lambda rs: rs[2].update(directed="no"))


# --- check_relation ---------------------------------------------------------------------------

def test_check_accepts_allowed():
    check_relation(TS, rel("r1", "sco", "drill", "uses"), BY_ID)
    check_relation(TS, rel("r2", "cn", "kz", "cooperates_with"), BY_ID)


@pytest.mark.parametrize(("relation", "needle"), [
    (rel("r", "sco", "drill", "likes"), "unknown relation type 'likes'"),
    (rel("r", "sco", "gone", "uses"), "no such span gone"),
    (rel("r", "sco", "sco", "uses"), "joins span sco to itself"),
    (rel("r", "drill", "sco", "uses"),
     "'uses' may not join mechanism.exercise to actor.igo"),
    (rel("r", "sco", "other", "uses"), "span other is chen's, not lin's"),
    (Relation("r", "e", "sco", "drill", "uses", "lin"), "span sco is in another document"),
])
def test_check_refuses(relation, needle):
    with pytest.raises(AnnotatorError) as e:
        check_relation(TS, relation, BY_ID)
    assert needle in str(e.value) and "\n" not in str(e.value)


def test_duplicates_refused_undirected_either_order():
    existing = [rel("r1", "cn", "kz", "cooperates_with"), rel("r2", "sco", "drill", "uses")]
    with pytest.raises(AnnotatorError, match="already exists .r1."):
        check_relation(TS, rel("r3", "kz", "cn", "cooperates_with"), BY_ID, existing)
    with pytest.raises(AnnotatorError, match="already exists .r2."):
        check_relation(TS, rel("r3", "sco", "drill", "uses"), BY_ID, existing)
    check_relation(TS, rel("r1", "cn", "kz", "cooperates_with"), BY_ID, existing)  # itself
    check_relation(TS, rel("r4", "kz", "cn", "part_of"), BY_ID, existing)


def test_acyclic_type_refuses_cycle():
    existing = [rel("r1", "mps", "cn", "part_of"), rel("r2", "cn", "sco", "part_of")]
    with pytest.raises(AnnotatorError, match="'part_of' would close a cycle"):
        check_relation(TS, rel("r3", "sco", "mps", "part_of"), BY_ID, existing)
    check_relation(TS, rel("r3", "mps", "sco", "part_of"), BY_ID, existing)
    check_relation(TS, rel("r3", "kz", "cn", "part_of"), BY_ID, existing)


# --- targets ---------------------------------------------------------------------------------

def test_allowed_targets_nearest_first_same_layer():
    got = [s.id for s in allowed_targets(TS, BY_ID["drill"], SPANS)]
    assert got == ["evils"]  # a mechanism only addresses threats
    got = [s.id for s in allowed_targets(TS, BY_ID["cn"], SPANS)]
    assert got == ["evils", "kz", "drill", "mps", "sco", "far"]
    got = [s.id for s in allowed_targets(TS, BY_ID["cn"], SPANS, TS.relation("uses"))]
    assert got == ["drill", "far"]  # chen's span is not offered


def test_types_between_and_relations_of():
    assert [t.id for t in types_between(TS, BY_ID["cn"], BY_ID["kz"])] == [
        "cooperates_with", "part_of"]
    rels = [rel("r1", "sco", "drill", "uses"), rel("r2", "drill", "evils", "addresses")]
    assert relations_of(["evils"], rels) == [rels[1]]


def test_the_index_holds_what_a_new_relation_may_clash_with():
    from annotator.core.relations import RelationIndex

    rels = [rel("r1", "cn", "kz", "cooperates_with"), rel("r2", "sco", "drill", "uses"),
            rel("r3", "mps", "cn", "part_of"), rel("r4", "cn", "sco", "part_of"),
            rel("r5", "sco", "drill", "uses", "chen")]
    index = RelationIndex(TS, rels)
    assert index.near(rel("x", "kz", "cn", "cooperates_with")) == [rels[0]]
    assert index.near(rel("x", "sco", "drill", "uses")) == [rels[1]]
    assert index.near(rel("x", "sco", "mps", "part_of")) == [rels[2], rels[3]]
    assert index.near(rel("x", "cn", "kz", "uses")) == []
    for new, needle in ((rel("x", "kz", "cn", "cooperates_with"), "already exists"),
                        (rel("x", "sco", "mps", "part_of"), "cycle")):
        with pytest.raises(AnnotatorError, match=needle):
            check_relation(TS, new, BY_ID, index.near(new))
