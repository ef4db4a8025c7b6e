"""What the recommenders ask of a project, on both engines: every rejection, project
settings (the F1 threshold), and a training layer read from it."""

from __future__ import annotations

import pytest

from annotator.core import commands
from annotator.core.annotation import Annotation, Annotator
from annotator.core.dataset import ReviewDecision
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.recommend import models, training

TEXT = "上合组织和中国打击恐怖主义。上合组织秘书长发言。"


@pytest.fixture
def store(engine_store):
    engine_store.set_tagset(default_tagset())
    engine_store.add_documents([Document(document_id(TEXT), "t", TEXT, text_sha256(TEXT))])
    return engine_store


def test_every_rejection_and_the_threshold_setting(store):
    doc_id = store.documents()[0].id
    me = store.identify(Annotator("lin", "Lin")).id
    session = Session(store, Annotator("lin", "Lin"))
    session.run(commands.reject(doc_id, 0, 4, "actor.state", me, "上合组织"))
    session.run(commands.reject(doc_id, 14, 18, "actor.igo", me, "上合组织"))
    assert [(r.start, r.end, r.tag, r.annotator) for r in store.all_rejections()] == [
        (0, 4, "actor.state", me), (14, 18, "actor.igo", me)]
    assert models.threshold(store) == models.DEFAULT_THRESHOLD
    models.set_threshold(store, 0.6)
    assert models.threshold(store) == 0.6 and store.setting("missing", 3) == 3
    with pytest.raises(ValueError):
        models.set_threshold(store, 1.5)


def test_a_training_layer_and_its_negative_evidence(store):
    doc_id = store.documents()[0].id
    me = store.identify(Annotator("lin", "Lin")).id
    store.add_annotator(Annotator(me, "Lin"))
    lin = Annotation("a1", doc_id, 0, 4, "actor.igo", me, {}, "t", "t")
    gold = Annotation("g1", doc_id, 5, 7, "actor.state", me, {}, "t", "t")
    store.insert_annotations([lin, gold])
    store.insert_decisions([ReviewDecision("d1", doc_id, me, "gold", (), "g1", None, "t")])
    session = Session(store, Annotator("lin", "Lin"))
    session.run(commands.reject(doc_id, 14, 18, "actor.igo", me, "上合组织"))
    session.run(commands.reject(doc_id, 0, 4, "actor.igo", me, "上合组织"))  # contradicted
    own = training.read(store, me)
    assert [e.spans for e in own.examples] == [((0, 4, "actor.igo"),)]  # not the gold one
    assert [e.spans for e in training.read(store, "gold").examples] == [
        ((5, 7, "actor.state"),)]
    negatives, elsewhere = own.negatives(set())
    assert [(n.offset, n.length, n.negative) for n in negatives] == [(14, 4, True)]
    assert elsewhere == []  # inside the training text: already an untagged occurrence
    assert own.negatives({doc_id}) == ([], [])  # a held-out document teaches nothing
    with pytest.raises(ValueError, match="unknown layer"):
        training.read(store, "nobody")
