"""A small project with two annotators' relations, for review, agreement, consistency and
statistics tests (core, command line and window)."""

from __future__ import annotations

from pathlib import Path

from annotator.core.annotation import Annotation, Annotator
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.relations import Relation
from annotator.core.tagset import default_tagset
from annotator.store import Store

#: actors, a mechanism and a threat (code points: 上0 … 。27)
REL_TEXT = "上合组织举行联合反恐演习,打击三股势力。中方与哈方合作。"
REL_DOC = document_id(REL_TEXT)


def make_related(path: Path) -> Path:
    """lin and chen mark the same actors, mechanism and threat (chen's mechanism starts
    two code points earlier) and join them: lin uses/addresses/cooperates with, chen
    uses/addresses/part of (a type lin did not choose). prof reviews; nothing is reviewed
    yet."""
    store = Store.open(path, create=True)
    store.set_tagset(default_tagset())
    for who in ("lin", "chen", "prof"):
        store.add_annotator(Annotator(who, who.title()))
    doc = REL_DOC
    store.add_documents([Document(doc, "SCO", REL_TEXT, text_sha256(REL_TEXT))])
    spans = []
    for who, p in (("lin", "l"), ("chen", "c")):
        spans += [Annotation(f"{p}a", doc, 0, 4, "actor.igo", who),
                  Annotation(f"{p}m", doc, 6 if who == "lin" else 4, 12,
                             "mechanism.exercise", who),
                  Annotation(f"{p}t", doc, 15, 19, "threat.three_evils", who),
                  Annotation(f"{p}z", doc, 20, 22, "actor.state", who),
                  Annotation(f"{p}h", doc, 23, 25, "actor.state", who)]
    store.insert_annotations(spans)
    store.insert_relations([
        Relation("r1", doc, "la", "lm", "uses", "lin"),
        Relation("r2", doc, "lm", "lt", "addresses", "lin"),
        Relation("r3", doc, "lz", "lh", "cooperates_with", "lin"),
        Relation("c1", doc, "ca", "cm", "uses", "chen"),
        Relation("c2", doc, "cm", "ct", "addresses", "chen"),
        Relation("c3", doc, "ch", "cz", "part_of", "chen")])
    store.close()
    return path
