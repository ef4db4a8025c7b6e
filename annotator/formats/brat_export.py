"""brat standoff export: a folder brat can serve as a collection, and ``annotator import``
reads back (:mod:`annotator.formats.brat`).

- ``<doc id>.txt``: the document's canonical text, UTF-8, ``\\n`` line ends (brat's offsets
  are code points of this file, half-open, as ours).
- ``<doc id>.ann``: one ``T`` line per span (``T1<TAB>actor-igo 12 18<TAB>上海合作组织``;
  brat type names have no dots, so a tag's first ``.`` is written ``-``), one
  ``#<n><TAB>AnnotatorNotes T<k><TAB>note`` line per span with a ``note`` attribute, and one
  ``R`` line per relation (``R1<TAB>uses Arg1:T1 Arg2:T2``: ``Arg1`` is the ``from`` end).
  An undirected relation type (``cooperates_with``) is an ``R`` line too, its type declared
  ``<REL-TYPE>:symmetric`` in ``annotation.conf``: brat keeps ``*`` lines for equivalence
  classes (symmetric *and transitive*), which "cooperates with" is not.
- ``annotation.conf``: the tag groups as ``!group`` headings over their tags, each relation
  type with the tags it may join (groups spelt out tag by tag) and ``<OVERLAP>`` allowing any
  overlap (our spans nest and cross); ``visual.conf``: labels (simplified Chinese | English)
  and colours.

brat shows one layer: the export takes one annotator's spans or the gold layer
(:data:`annotator.exporting.ONE_LAYER`). What brat cannot carry is said, not dropped
silently: span attributes other than ``note`` (certainty, normalised names …) and line
breaks or tabs inside notes (written as spaces) are counted in the export's notes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from annotator.core.dataset import DocumentData
from annotator.core.relations import Relation, RelationType
from annotator.core.tagset import Tagset


def brat_type(tag_id: str) -> str:
    """A tag or relation type id as a brat type name (``actor.igo`` → ``actor-igo``)."""
    return tag_id.replace(".", "-", 1)


@dataclass
class BratStats:
    documents: int = 0
    spans: int = 0
    relations: int = 0
    attributes: int = 0  # spans whose attributes other than ``note`` were left out
    notes_flattened: int = 0  # notes whose line breaks or tabs became spaces

    def notes(self) -> list[str]:
        out = []
        if self.attributes:
            out.append(f"{self.attributes} spans have attributes brat cannot carry (all but "
                       "note) left out")
        if self.notes_flattened:
            out.append(f"{self.notes_flattened} notes had line breaks or tabs, written as "
                       "spaces (a brat note is one line)")
        return out


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def write_ann(data: DocumentData, fp: IO[str], stats: BratStats) -> None:
    """The ``.ann`` file of one document (its spans and the relations between them)."""
    text = data.document.text
    spans = sorted(data.annotations, key=lambda a: (a.start, a.end, a.tag, a.id))
    tid: dict[str, str] = {}
    notes = 0
    for k, a in enumerate(spans, 1):
        tid[a.id] = f"T{k}"
        fp.write(f"T{k}\t{brat_type(a.tag)} {a.start} {a.end}\t"
                 f"{text[a.start:a.end].replace(chr(10), ' ')}\n")
        note = a.attributes.get("note")
        if isinstance(note, str):
            notes += 1
            flat = _one_line(note)
            stats.notes_flattened += flat != note
            fp.write(f"#{notes}\tAnnotatorNotes T{k}\t{flat}\n")
        stats.attributes += any(key != "note" for key in a.attributes)
    relations = [r for r in data.relations if r.source in tid and r.target in tid]
    for k, r in enumerate(sorted(relations, key=lambda r: _order(r, tid)), 1):
        fp.write(f"R{k}\t{brat_type(r.type)} Arg1:{tid[r.source]} Arg2:{tid[r.target]}\n")
    stats.documents += 1
    stats.spans += len(spans)
    stats.relations += len(relations)


def _order(r: Relation, tid: dict[str, str]) -> tuple[int, int, str, str]:
    return int(tid[r.source][1:]), int(tid[r.target][1:]), r.type, r.id


def _tags_of(tagset: Tagset, ends: Iterable[str]) -> list[str]:
    """The tags that ``ends`` (tag or group ids) name, in tagset order."""
    wanted = set(ends)
    return [brat_type(t.id) for t in tagset.tags if t.id in wanted or t.group in wanted]


def _relation_line(tagset: Tagset, rtype: RelationType) -> str:
    line = (f"{brat_type(rtype.id)}\tArg1:{'|'.join(_tags_of(tagset, rtype.sources))}, "
            f"Arg2:{'|'.join(_tags_of(tagset, rtype.targets))}")
    return line if rtype.directed else line + ", <REL-TYPE>:symmetric"


def annotation_conf(tagset: Tagset) -> str:
    """brat's ``annotation.conf`` for the tagset: its tags and relation types."""
    lines = [f"# annotator tagset {tagset.id} (version {tagset.version})", "[entities]"]
    for g in tagset.groups:
        lines.append(f"!{g.id}")
        lines.extend(f"\t{brat_type(t.id)}" for t in g.tags)
    lines.append("[relations]")
    lines.extend(_relation_line(tagset, r) for r in tagset.relations)
    lines += ["<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "[events]",
              "[attributes]"]
    return "\n".join(lines) + "\n"


def _label(label: dict[str, str], fallback: str) -> str:
    names = [label[k] for k in ("zh-Hans", "en") if label.get(k)]
    return " | ".join(dict.fromkeys(_one_line(n).replace("|", "/") for n in names)) or fallback


def visual_conf(tagset: Tagset) -> str:
    """brat's ``visual.conf``: each tag's and relation type's labels and colour."""
    labels, drawing = ["[labels]"], ["[drawing]"]
    for t in tagset.tags:
        labels.append(f"{brat_type(t.id)} | {_label(t.label, t.id)}")
        drawing.append(f"{brat_type(t.id)}\tbgColor:{t.colour}")
    for r in tagset.relations:
        labels.append(f"{brat_type(r.id)} | {_label(dict(r.label), r.id)}")
        drawing.append(f"{brat_type(r.id)}\tcolor:{r.colour}")
    return "\n".join(labels + drawing) + "\n"


def write_conf(tagset: Tagset, annotation: IO[str], visual: IO[str]) -> None:
    annotation.write(annotation_conf(tagset))
    visual.write(visual_conf(tagset))
