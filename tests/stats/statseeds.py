"""The seed corpus annotated for the statistics tests: the format tests' shared layers (li
and chen, overlapping and disagreeing, with wang's review decisions and gold spans) plus a
dense layer by lin, who tagged every occurrence of the tagset's example terms, so actors,
mechanisms and threats meet in the same sentences."""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "formats"))

import seedset  # noqa: E402  (tests/formats/seedset.py)
from seedproject import create_without_gold as create_project  # noqa: E402

from annotator.core.annotation import Annotation, Annotator  # noqa: E402
from annotator.core.tagset import Tagset  # noqa: E402

LIN = Annotator("lin", "Lin")
#: normalized names lin gives (the rest of the spans have none)
NORMALIZED = {"上合组织": "上海合作组织", "上合組織": "上海合作组织", "上海合作組織": "上海合作组织",
              "上海合作组织": "上海合作组织", "SCO": "上海合作组织", "趙克志": "赵克志",
              "習近平": "习近平"}


def lexicon_spans(doc, tagset: Tagset) -> list[Annotation]:
    """lin's layer on one document: every occurrence of every Chinese example term of the
    tagset (and SCO), longest first, never overlapping."""
    forms = {}
    for tag in tagset.tags:
        for lang in ("zh-Hans", "zh-Hant"):
            for form in tag.examples.get(lang, ()):
                forms.setdefault(form, tag.id)
    forms["SCO"] = "actor.igo"
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    out = []
    for m in pattern.finditer(doc.text):
        attrs = {"normalized": NORMALIZED[m.group()]} if m.group() in NORMALIZED else {}
        out.append(Annotation(f"{doc.id}-lin-{m.start()}", doc.id, m.start(), m.end(),
                              forms[m.group()], "lin", attrs, seedset.STAMP, seedset.STAMP))
    return out


def annotate(store) -> None:
    """Add the seed layers (li, chen, wang's gold) and lin's dense layer to a project
    holding the seed documents."""
    ds = seedset.seed_dataset()
    for who in (*ds.annotators, LIN):
        store.add_annotator(who)
    stored = {d.id for d in store.documents()}
    docs = [d for d in ds.documents if d.document.id in stored]
    assert len(docs) == 5, "the project should hold the five seeds"
    store.insert_annotations(a for d in docs for a in d.annotations)
    store.insert_annotations(a for d in docs for a in lexicon_spans(d.document, ds.tagset))
    store.insert_decisions(x for d in docs for x in d.decisions)


def annotated_project(path: Path) -> Path:
    """A project file with the seeds, annotated (see :func:`annotate`)."""
    store, _ = create_project(path)
    with store:
        annotate(store)
    return path
