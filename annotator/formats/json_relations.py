"""Relations in our JSON format (:mod:`annotator.formats.jsonfmt`): per document,
``"relations": [{"id", "from", "to", "type", "annotator", "created", "modified"}]`` —
written only when the document has some, so a project without them exports as before.

Readers check what the schema cannot, refusing the whole file in one line naming the
relation: ids unique in the file, the annotator listed, and the relation itself
(:func:`annotator.core.relations.check_relation` against the file's tagset): a known type,
both ends spans of this document in the file and of the relation's annotator, not a span
joined to itself, ends the type allows (naming both tags), no duplicate, no cycle where the
type forbids one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from annotator.core.annotation import Annotation
from annotator.core.dataset import DocumentData
from annotator.core.relations import Relation, RelationError, RelationIndex, check_relation
from annotator.core.tagset import Tagset
from annotator.formats.json_workflow import Problem

MEMBER = "relations"


def relation_dict(r: Relation) -> dict[str, Any]:
    return {"id": r.id, "from": r.source, "to": r.target, "type": r.type,
            "annotator": r.annotator, "created": r.created, "modified": r.modified}


def document_json(data: DocumentData) -> dict[str, Any]:
    return {MEMBER: [relation_dict(r) for r in data.relations]} if data.relations else {}


class Reader:
    """Checks the relations of each document of one file (ids unique across it)."""

    def __init__(self, tagset: Tagset, annotators: set[str]):
        self.tagset = tagset
        self.annotators = annotators
        self.ids: set[str] = set()
        self.spans: dict[str, Annotation] = {}  # every span read so far, of any document

    def document(self, d: Mapping[str, Any], doc_id: str, spans: tuple[Annotation, ...],
                 ptr: str) -> tuple[Relation, ...]:
        self.spans.update((a.id, a) for a in spans)
        out: list[Relation] = []
        index = RelationIndex(self.tagset)
        for i, r in enumerate(d.get(MEMBER, ())):
            rel = Relation(r["id"], doc_id, r["from"], r["to"], r["type"], r["annotator"],
                           r["created"], r["modified"])
            where = f"{ptr}/{MEMBER}/{i} (document '{doc_id}', relation '{rel.id}')"
            if rel.id in self.ids:
                raise Problem(f"{where}: duplicate relation id")
            self.ids.add(rel.id)
            if rel.annotator not in self.annotators:
                raise Problem(f"{where}: annotator '{rel.annotator}' is not listed in "
                              "/annotators")
            try:
                check_relation(self.tagset, rel, self.spans, index.near(rel))
            except RelationError as e:
                raise Problem(f"{where}: {str(e).split(': ', 1)[1]}") from None
            out.append(rel)
            index.add(rel)
        return tuple(out)
