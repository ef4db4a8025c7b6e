"""Relation agreement over a project: each compared layer's relations, with their ends'
bounds, tallied document by document (:mod:`annotator.review.relagreement`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from annotator.core.dataset import gold_ids
from annotator.core.relations import Relation
from annotator.core.store import ProjectStore
from annotator.review.relagreement import RelationTally, items

#: the columns of the relation rows (``annotator agreement --relations``)
RELATION_COLUMNS = ("scope", "n_relations", "f1_exact", "f1_overlap")


def project_relation_rows(store: ProjectStore, keys: Sequence[str], gold_key: str,
                          gold_name: str = "gold") -> list[dict]:
    """Relation F1 of the layers ``keys`` (annotator ids; ``gold_key`` for the gold layer:
    the relations that review decisions made) per relation type, then overall. A gold
    relation is stored under the reviewer's id but is never part of her own layer."""
    tagset = store.tagset()
    undirected = {t.id for t in tagset.relations if not t.directed} if tagset else set()
    tally = RelationTally(keys, undirected)
    by_doc: dict[str, list[Relation]] = defaultdict(list)
    for r in store.all_relations():
        by_doc[r.doc_id].append(r)
    for doc_id, rels in by_doc.items():
        gold = gold_ids(tuple(store.decisions(doc_id)))
        spans = {a.id: a for a in store.annotations(doc_id)}
        tally.add(items(rels, spans, {r.id: gold_key for r in rels if r.id in gold}))
    rows = tally.rows()
    for row in rows:
        row["relations"] = {gold_name if k == gold_key else k: n
                            for k, n in row["relations"].items()}
    return rows
