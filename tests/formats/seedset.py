"""The seed corpus as an annotated dataset, shared by the format tests: two annotators who
agree, disagree, overlap and nest on real terms, and a reviewer's decisions."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from pathlib import Path

from annotator.core.annotation import Annotation, Annotator
from annotator.core.dataset import Dataset, DocumentData, ReviewDecision
from annotator.core.document import Document
from annotator.core.tagset import default_tagset
from annotator.ingest.importer import documents_from_file

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
SCHEMA = REPO / "schemas" / "annotator-dataset.schema.json"
ANNOTATORS = (Annotator("li", "李华", "annotator"), Annotator("chen", "陳明", "annotator"),
              Annotator("wang", "王芳", "reviewer"))
TERMS = {"上海合作组织": "actor.igo", "上海合作組織": "actor.igo", "赵克志": "actor.person",
         "趙克志": "actor.person", "三股势力": "threat.three_evils",
         "三股勢力": "threat.three_evils", "恐怖主义": "threat.terrorism",
         "恐怖主義": "threat.terrorism", "极端主义": "threat.extremism",
         "分裂主义": "threat.separatism", "公安部": "actor.agency"}
MEETING = re.compile("上海合作[组組][织織]成[员員][国國]安全[会會][议議]秘[书書]第[^次]{1,3}次[会會][议議]")
STAMP = "2025-03-01T08:00:00.000+00:00"


# --- the shared seed dataset ----------------------------------------------------------------

@functools.cache
def seed_documents() -> tuple[Document, ...]:
    """The seeds as imported; ``raw``/``encoding`` are not exported, ``original`` only when
    cleaning changed something."""
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        for d in documents_from_file(path):
            docs.append(replace(d, raw=None, encoding=None,
                                original=d.original if d.cleaning else None))
    return tuple(docs)


def _ann(doc: Document, key: str, start: int, end: int, tag: str, who: str, **attrs) -> Annotation:
    return Annotation(f"{doc.id}-{key}", doc.id, start, end, tag, who, attrs, STAMP, STAMP)


def _term_spans(doc: Document) -> list[Annotation]:
    """li's layer: up to three occurrences of every known term."""
    out = []
    for term, tag in TERMS.items():
        for k, m in enumerate(re.finditer(term, doc.text)):
            if k == 3:
                break
            out.append(_ann(doc, f"li-{m.start()}-{tag}", m.start(), m.end(), tag, "li",
                            certainty="high", normalized="SCO" if tag == "actor.igo" else term))
    return sorted(out, key=lambda a: (a.start, a.end))


def _chen_spans(doc: Document, li: list[Annotation]) -> list[Annotation]:
    """chen's layer: agrees on half, disagrees on some tags, overlaps partially, and marks
    the meeting names that contain 上海合作组织 (nested spans)."""
    out = []
    for k, a in enumerate(li[::2]):
        tag = "actor.state" if k % 5 == 4 and a.tag == "actor.igo" else a.tag
        out.append(_ann(doc, f"chen-{k}", a.start, a.end, tag, "chen",
                        note="同上" if k % 3 == 0 else "逗号, \"引号\"\n换行"))
    if li:
        a = li[0]
        end = min(a.end + 2, len(doc.text))
        out.append(_ann(doc, "chen-partial", a.start + 1, end, a.tag, "chen", certainty="low"))
    for m in MEETING.finditer(doc.text):
        out.append(_ann(doc, f"chen-meeting-{m.start()}", m.start(), m.end(),
                        "mechanism.meeting", "chen", level="security_council_secretaries"))
    return out


def _decisions(doc: Document, li: list[Annotation], chen: list[Annotation]
               ) -> tuple[list[ReviewDecision], list[Annotation]]:
    if len(li) < 2 or len(chen) < 2:
        return [], []
    gold = li[1]._replace(id=f"{doc.id}-gold", annotator="wang")
    partial = next(a for a in chen if a.id.endswith("chen-partial"))
    edited = li[0]._replace(id=f"{doc.id}-edited", annotator="wang")
    decisions = [
        ReviewDecision(f"{doc.id}-r1", doc.id, "wang", "accepted", (li[0].id, chen[0].id),
                       None, None, STAMP),
        ReviewDecision(f"{doc.id}-r2", doc.id, "wang", "gold", (li[1].id,), gold.id,
                       "确认", STAMP),
        ReviewDecision(f"{doc.id}-r3", doc.id, "wang", "edited", (partial.id,), edited.id,
                       "边界错误", STAMP),
        ReviewDecision(f"{doc.id}-r4", doc.id, "wang", "rejected", (chen[-1].id,), None,
                       None, STAMP),
    ]
    return decisions, [gold, edited]


@functools.cache
def seed_dataset() -> Dataset:
    """The five seeds, annotated by li and chen (overlapping, nested, disagreeing), with
    attributes and wang's review decisions (accepted, gold, edited, rejected)."""
    docs = []
    for doc in seed_documents():
        li = _term_spans(doc)
        chen = _chen_spans(doc, li)
        decisions, results = _decisions(doc, li, chen)
        docs.append(DocumentData(doc, tuple(li + chen + results), tuple(decisions)))
    return Dataset(default_tagset(), ANNOTATORS, tuple(docs))


