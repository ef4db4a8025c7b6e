"""A project reviewed by one of its own annotators (issue 15)."""

from __future__ import annotations

import pytest

from annotator.core.annotation import Annotation, Annotator
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.tagset import default_tagset
from annotator.store import Store

TEXT = "上海合作组织成员国在北京举行会议,打击三股势力和恐怖主义。"
BLANK = "这一篇没有人标注。"


@pytest.fixture
def reviewed_path(tmp_path):
    """lin and chen annotate the first document; lin then reviews it (her decisions go to
    the gold layer under her own id), and prof, who never annotates, settles one case too.
    wang has no spans; nobody annotated the second document."""
    from annotator.core.session import Session
    from annotator.review.cases import accept, find_cases

    store = Store.open(tmp_path / "r.annotator", create=True)
    store.set_tagset(default_tagset())
    for who in ("lin", "chen", "prof", "wang"):
        store.add_annotator(Annotator(who, who.title()))
    store.add_documents(Document(document_id(t), f"t{i}", t, text_sha256(t))
                        for i, t in enumerate((TEXT, BLANK)))
    doc = document_id(TEXT)
    store.insert_annotations(Annotation(i, doc, s, e, tag, who) for i, s, e, tag, who in (
        ("l1", 0, 6, "actor.igo", "lin"), ("l2", 10, 12, "actor.state", "lin"),
        ("l3", 20, 24, "threat.three_evils", "lin"), ("c1", 0, 6, "actor.igo", "chen"),
        ("c3", 19, 24, "threat.three_evils", "chen"),
        ("c4", 25, 29, "threat.terrorism", "chen")))
    cases = find_cases(store.annotations(doc), ["lin", "chen"], [])
    unanimous, _only, bounds, terror = cases
    lin, prof = Session(store, Annotator("lin", "Lin")), Session(store, Annotator("prof", "P"))
    lin.run(accept(unanimous, unanimous.versions[0], "lin"))  # gold 0-6, same as lin's own
    lin.run(accept(bounds, bounds.versions[0], "lin"))  # chen's 19-24 into gold
    prof.run(accept(terror, terror.versions[0], "prof"))
    store.close()
    return tmp_path / "r.annotator"


@pytest.fixture
def reviewed(reviewed_path):
    store = Store.open(reviewed_path)
    yield store
    store.close()



@pytest.fixture
def related_path(tmp_path):
    """lin and chen's relations over one document (tests/relproject.py)."""
    from relproject import make_related

    return make_related(tmp_path / "rel.annotator")


@pytest.fixture
def related(related_path):
    store = Store.open(related_path)
    yield store
    store.close()
