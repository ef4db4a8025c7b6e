"""Relations in other tools' layers (doccano ``relations``, brat ``R`` lines): checked as
they are read, and joined to the layer's spans when it is imported.

A reader gives each relation as an :class:`ImportedRelation`: the indexes of its two spans
among the spans it read, and the relation type's id. :func:`check_layer_relations` checks
them all with :func:`annotator.core.relations.check_relation`, as a relation made in the
window is checked: the type is one of the tagset's, the ends are two different spans whose
tags the type allows, no relation is given twice (an undirected one in either order), and
none closes a cycle its type forbids. The reader turns the first problem into an
:class:`~annotator.core.errors.InputError` naming the file (and line): nothing of the file
is stored.

:func:`with_relations` then adds them to the layer's :class:`Dataset` (made by
:func:`annotator.transfer.layer_dataset`), as :class:`Relation` objects whose ids derive
from their spans and type (:data:`annotator.transfer.LAYER_NAMESPACE`), as the spans' ids
do: importing the same file twice adds nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from annotator.core.annotation import Annotation
from annotator.core.dataset import Dataset
from annotator.core.relations import Relation, RelationError, check_relation
from annotator.core.tagset import Tagset


class ImportedRelation(NamedTuple):
    """``spans[source]`` —``type``→ ``spans[target]`` (indexes into the reader's spans);
    ``ref`` is the file's own name for it (``R3``, doccano's id), for messages."""

    source: int
    target: int
    type: str
    ref: str = ""


class LayerRelationError(Exception):
    """A relation of the file that cannot be imported: ``str()`` is one line (without the
    file name); ``index`` is the relation's place in the list checked."""

    def __init__(self, message: str, index: int):
        super().__init__(message)
        self.index = index


def _name(span: tuple) -> str:
    """How a message names a span of the file: ``actor.igo [12, 18)`` (two spans of the
    file alike in bounds and tag are one span once imported)."""
    start, end, tag = span[:3]
    return f"{tag} [{start}, {end})"


def check_layer_relations(tagset: Tagset, spans: Sequence[tuple],
                          relations: Sequence[ImportedRelation]) -> None:
    """Raise :class:`LayerRelationError` for the first relation that may not be stored
    (``spans``: ``(start, end, tag, …)`` as read)."""
    by_id = {_name(s): Annotation(_name(s), "doc", s[0], s[1], s[2], "layer") for s in spans}
    done: dict[tuple, list[Relation]] = {}  # what a relation may clash with, kept apart
    for n, r in enumerate(relations):
        rel = Relation(r.ref or str(n + 1), "doc", _name(spans[r.source]),
                       _name(spans[r.target]), r.type, "layer")
        key = clash_key(tagset, rel)
        try:
            check_relation(tagset, rel, by_id, done.get(key, ()))
        except RelationError as e:
            raise LayerRelationError(str(e), n) from None
        done.setdefault(key, []).append(rel)


def clash_key(tagset: Tagset, rel: Relation) -> tuple:
    """The relations ``rel`` can be a duplicate of join the same two spans by the same type;
    a cycle can be closed by any relation of an acyclic type. (Checking each relation
    against only these keeps a file of many relations linear.)"""
    try:
        if tagset.relation(rel.type).acyclic:
            return (rel.type,)
    except KeyError:
        pass  # check_relation says so
    return rel.type, frozenset(rel.ends)


def relation_id(annotator: str, doc_id: str, source: str, target: str, rtype: str) -> str:
    from annotator.transfer import LAYER_NAMESPACE

    return str(uuid.uuid5(LAYER_NAMESPACE, f"{annotator}|{doc_id}|{source}|{target}|{rtype}"))


def with_relations(ds: Dataset, relations: Sequence[Sequence[ImportedRelation]]) -> Dataset:
    """``ds`` (a layer from :func:`annotator.transfer.layer_dataset`, its documents' spans in
    the order read) with ``relations[i]`` joining the spans of its ``i``-th document."""
    docs = list(ds.documents)
    out = []
    for data, rels in zip(docs, relations, strict=True):
        spans = data.annotations
        made = tuple(Relation(relation_id(s.annotator, s.doc_id, s.id, t.id, r.type),
                              s.doc_id, s.id, t.id, r.type, s.annotator, s.created, s.modified)
                     for r in rels for s, t in [(spans[r.source], spans[r.target])])
        out.append(replace(data, relations=made) if made else data)
    return replace(ds, documents=tuple(out))
