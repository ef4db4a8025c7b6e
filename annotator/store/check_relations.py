"""``annotator check`` on relations (both engines; see :mod:`annotator.store.check`).

Orphaned relations are damage (kind ``orphan``): an end that is a missing annotation, an
annotation of another document or of another layer, or the relation's other end. A
relation the active tagset does not know or allow (kind ``relation``: its type was taken
out of the tagset, a span was retagged since) is not damage: loading a tagset that has the
type, or changing the relation, fixes it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from annotator.core.errors import AnnotatorError
from annotator.core.tagset import Tagset, load_tagset_dict
from annotator.store.common import StoreCommon

if TYPE_CHECKING:
    from annotator.store.check import Problem

#: each relation with its ends' document, layer and tag (NULL: the end is missing)
RELATION_ENDS = (
    "SELECT r.id, r.doc_id, r.type, r.annotator, r.source, s.doc_id, s.annotator, s.tag, "
    "r.target, t.doc_id, t.annotator, t.tag FROM relations r "
    "LEFT JOIN annotations s ON s.id = r.source LEFT JOIN annotations t ON t.id = r.target "
    "ORDER BY r.doc_id, r.id")


def active_tagset(rows: list) -> Tagset | None:
    """The one active tagset, if it reads (the span check reports it when it does not)."""
    if len(rows) != 1:
        return None
    try:
        return load_tagset_dict(json.loads(rows[0][1]))
    except (ValueError, AnnotatorError):
        return None


def _end_problems(rel_id: str, doc: str, who: str, end: tuple) -> Iterator[str]:
    span, span_doc, span_who, _tag = end
    if span_doc is None:
        yield f"relation {rel_id} points at missing annotation {span}"
    elif span_doc != doc:
        yield (f"relation {rel_id} (document {doc}) points at annotation {span} of "
               f"document {span_doc}")
    elif span_who != who:
        yield f"relation {rel_id} ({who}'s) points at annotation {span} of {span_who}"


def relation_problems(rows: Iterable[tuple], tagset: Tagset | None,
                      counts: dict[str, int]) -> Iterator[tuple[str, str]]:
    """``(kind, message)`` for each problem of the relations ``rows`` (as
    :data:`RELATION_ENDS` reads them); counts them (``counts["relations"]`` when any)."""
    n = 0
    for rel_id, doc, rtype, who, *ends in rows:
        n += 1
        source, target = tuple(ends[:4]), tuple(ends[4:])
        broken = [m for end in (source, target) for m in _end_problems(rel_id, doc, who, end)]
        if source[0] == target[0]:
            broken.append(f"relation {rel_id} joins annotation {source[0]} to itself")
        yield from (("orphan", m) for m in broken)
        if broken or tagset is None:
            continue
        try:
            allowed = tagset.relation(rtype).allows(source[3], target[3])
        except KeyError:
            yield ("relation", f"relation {rel_id} in document {doc}: type '{rtype}' is not "
                               f"in the active tagset '{tagset.id}'")
            continue
        if not allowed:
            yield ("relation", f"relation {rel_id} in document {doc}: '{rtype}' may not join "
                               f"{source[3]} to {target[3]}")
    if n:
        counts["relations"] = n


class RelationCheckMixin(StoreCommon):
    def _relation_ids(self, tables: set[str]) -> set[str]:
        """The relations' ids (a review decision may name a relation), if there are any."""
        if "relations" not in tables:
            return set()
        return {r[0] for r in self.conn.execute("SELECT id FROM relations")}

    def _check_relations(self, counts: dict[str, int]) -> Iterator[Problem]:
        from annotator.store.check import Problem  # the check imports this module

        if self.conn.execute(self.SQL_HAS_RELATIONS).fetchone() is None:
            return  # an older project: no relations yet
        active = self.conn.execute("SELECT id, data FROM tagsets WHERE active = 1").fetchall()
        for kind, message in relation_problems(self.rows(RELATION_ENDS),
                                               active_tagset(active), counts):
            yield Problem(kind, message)
