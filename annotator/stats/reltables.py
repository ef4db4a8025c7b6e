"""Relation statistics as text, JSON and CSV (``annotator stats --relations``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from annotator.core.tagset import Tagset
from annotator.stats.labels import pad, width
from annotator.stats.relations import RelationStats

#: one line per number: the table, up to three keys, the value
CSV_COLUMNS = ("table", "first", "second", "third", "value")
LINK_TABLES = {("actor", "mechanism"): "actor_mechanism", ("mechanism", "threat"): "mechanism_threat"}
TOP = 20  # chains and links shown as text


def type_name(tagset: Tagset, rtype: str, lang: str = "en") -> str:
    try:
        return tagset.relation(rtype).name(lang)
    except KeyError:
        return rtype


def _ordered(counter) -> list:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def as_dict(stats: RelationStats, tagset: Tagset, project: str = "",
            lang: str = "en") -> dict:
    places = stats.places

    def where(key: tuple) -> list[dict]:
        return [p._asdict() for p in places.get(key, [])]

    return {
        "project": project, "layer": stats.layer.to_dict(), "documents": stats.documents,
        "relations": sum(stats.types.values()),
        "types": [{"type": t, "label": type_name(tagset, t, lang), "count": n,
                   "places": where(("type", t))} for t, n in _ordered(stats.types)],
        "links": [{"from_group": g1, "from": t1, "to_group": g2, "to": t2, "count": n,
                   "places": where(("link", g1, t1, g2, t2))}
                  for (g1, t1, g2, t2), n in _ordered(stats.links)],
        "chains": [{"actor": a, "mechanism": m, "threat": t, "count": n,
                    "places": where(("chain", a, m, t))}
                   for (a, m, t), n in _ordered(stats.chains)]}


def as_json(stats: RelationStats, tagset: Tagset, project: str = "", lang: str = "en") -> str:
    return json.dumps(as_dict(stats, tagset, project, lang), ensure_ascii=False, indent=2)


def long_rows(stats: RelationStats) -> Iterator[tuple]:
    """Every number as ``(table, first, second, third, value)``."""
    for t, n in _ordered(stats.types):
        yield ("relation_types", t, "", "", n)
    for (g1, t1, g2, t2), n in _ordered(stats.links):
        yield (LINK_TABLES[g1, g2], t1, t2, "", n)
    for (a, m, t), n in _ordered(stats.chains):
        yield ("chains", a, m, t, n)


def as_csv(stats: RelationStats) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(long_rows(stats))
    return out.getvalue()


def as_text(stats: RelationStats, tagset: Tagset, project: str = "", lang: str = "en") -> str:
    return "\n".join(_lines(stats, tagset, project, lang)) + "\n"


def _lines(stats: RelationStats, tagset: Tagset, project: str, lang: str) -> Iterator[str]:
    yield f"{project}: relations of {stats.layer.label()}"
    yield f"relations: {sum(stats.types.values())} in {stats.documents} document(s)"
    yield "per type:"
    names = {t: type_name(tagset, t, lang) for t in stats.types}
    w = max((width(n) for n in names.values()), default=0)
    for t, n in _ordered(stats.types):
        yield f"  {pad(names[t], w)}  {n}"
    yield f"chains actor → mechanism → threat: {sum(stats.chains.values())}" + (
        f" (the {TOP} most frequent)" if len(stats.chains) > TOP else "")
    for (a, m, t), n in _ordered(stats.chains)[:TOP]:
        yield f"  {n:>5}  {a} → {m} → {t}"
    for g1, g2 in LINK_TABLES:
        links = [(k, n) for k, n in _ordered(stats.links) if (k[0], k[2]) == (g1, g2)]
        yield f"links {g1} → {g2}: {sum(n for _, n in links)}" + (
            f" (the {TOP} most frequent)" if len(links) > TOP else "")
        for (_g1, t1, _g2, t2), n in links[:TOP]:
            yield f"  {n:>5}  {t1} → {t2}"
