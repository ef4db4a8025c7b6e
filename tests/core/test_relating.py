"""Making a relation from the keyboard, without a window: the targets offered (nearest
first, across paragraphs, only where some type allows), Tab order, keys and options."""

from annotator.core.annotation import Annotation
from annotator.core.relating import Picking, candidates, options
from annotator.core.tagset import default_tagset

TAGSET = default_tagset()


def span(id_, start, tag, who="lin"):
    return Annotation(id_, "d", start, start + 2, tag, who)


ACTOR = span("actor", 100, "actor.igo")
SPANS = [
    ACTOR,
    span("mech", 110, "mechanism.exercise"),
    span("threat", 300, "threat.terrorism"),  # in a later paragraph: offered all the same
    span("state", 40, "actor.state"),
    span("theirs", 104, "mechanism.meeting", who="wang"),  # another layer
]


def test_targets_nearest_first_only_allowed_and_only_the_same_layer():
    found = [s.id for s in candidates(TAGSET, ACTOR, SPANS)]
    assert found == ["mech", "state", "threat"]


def test_a_threat_is_offered_to_a_mechanism_and_the_actor_reversed():
    mech = SPANS[1]
    ids = [s.id for s in candidates(TAGSET, mech, SPANS)]
    assert ids == ["actor", "state", "threat"]
    [uses] = options(TAGSET, mech, ACTOR)
    assert uses.type.id == "uses" and uses.reverse
    assert uses.ends(mech, ACTOR) == (ACTOR, mech)
    [addresses] = options(TAGSET, mech, SPANS[2])
    assert addresses.type.id == "addresses" and not addresses.reverse


def test_tab_steps_and_wraps_and_a_click_picks_only_candidates():
    p = Picking(TAGSET, ACTOR, SPANS)
    assert p.picked.id == "mech"
    assert p.step(1).id == "state"
    assert p.step(1).id == "threat"
    assert p.step(1).id == "mech"
    assert p.step(-1).id == "threat"
    assert not p.pick("theirs") and p.picked.id == "threat"
    assert p.pick("state") and p.picked.id == "state"


def test_the_types_key_finishes_only_where_it_joins_the_two():
    p = Picking(TAGSET, ACTOR, SPANS)  # actor -> mechanism: uses
    uses = TAGSET.relation("uses")
    assert p.option_by_key(uses.hotkey).type.id == "uses"
    assert p.option_by_key(TAGSET.relation("addresses").hotkey) is None
    p.pick("state")  # actor - actor: cooperates with, part of
    assert {o.type.id for o in p.options()} >= {"cooperates_with", "part_of"}


def test_nothing_to_pick():
    p = Picking(TAGSET, ACTOR, [ACTOR])
    assert p.picked is None and p.step(1) is None and p.options() == []
