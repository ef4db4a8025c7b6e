"""Relations coming in with a dataset (:mod:`annotator.transfer`): merges, JSON imports.

A relation keeps its id, so merging the same work twice changes nothing: one already
stored with the same content is counted present; the same id with other content is
refused (our own formats). Its ends follow the spans: a span skipped as identical to a
stored one stands for it, and a relation about a span of only whitespace (not imported)
is left out with it. Every other relation must fit the project — its type in the
project's tagset and allowed between its spans' tags, both spans in its document and
layer, not joining a span to itself, no cycle where the type forbids one — or the whole
file is refused, in one line naming it (the caller's transaction stores nothing). A
relation saying what a stored one says (same type, ends and layer) under another id is
skipped as identical.
"""

from __future__ import annotations

from annotator.core.dataset import DocumentData
from annotator.core.errors import InputError
from annotator.core.relations import (
    Relation,
    RelationError,
    RelationIndex,
    check_relation,
    same_link,
)
from annotator.core.store import ProjectStore, tagset_of


def import_relations(store: ProjectStore, data: DocumentData, source: str, alias: dict[str, str],
                     blank: set[str], strict: bool) -> tuple[int, int, int]:
    """Store the document's new relations (after its spans); ``(added, present, left
    out)``: present counts those already stored, identical ones included."""
    if not data.relations:
        return 0, 0, 0
    doc_id = data.document.id
    rels = [r._replace(doc_id=doc_id, source=alias.get(r.source, r.source),
                       target=alias.get(r.target, r.target))
            for r in data.relations if not blank & {r.source, r.target}]
    left_out = len(data.relations) - len(rels)
    stored = {r.id: r for r in store.relations_by_id([r.id for r in rels])}
    spans = {a.id: a for a in store.annotations(doc_id)}
    tagset = tagset_of(store)
    existing = RelationIndex(tagset, store.relations(doc_id))
    new, present = [], 0
    for rel in rels:
        old = stored.get(rel.id)
        if old is not None:
            if old != rel and (strict or old.doc_id != doc_id):
                raise InputError(source, f"relation {rel.id} differs from the stored one "
                                         "with the same id")
            present += 1
            continue
        if _said(tagset, rel, existing.near(rel)):
            present += 1
            continue
        try:
            check_relation(tagset, rel, spans, existing.near(rel))
        except RelationError as e:
            raise InputError(source, f"document {doc_id}: {e}") from None
        new.append(rel)
        existing.add(rel)
    store.insert_relations(new)
    return len(new), present, left_out


def _said(tagset, rel: Relation, existing: list[Relation]) -> bool:
    """Does a stored relation say what ``rel`` says (same type, ends and layer)?"""
    try:
        directed = tagset.relation(rel.type).directed
    except KeyError:
        return False  # check_relation names the unknown type
    return any(same_link(r, rel, directed) for r in existing)
