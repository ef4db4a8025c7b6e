"""brat standoff import: ``NAME.ann`` next to ``NAME.txt``.

* ``T1<TAB>Label START END<TAB>text`` is an entity; offsets are **code points** of the
  ``.txt`` file (brat reads it as UTF-8 text, newlines untranslated), half-open.
* The label is a tag id of the tagset (``actor.igo``); since brat configurations do not
  allow dots in type names, ``actor-igo`` (first ``-`` for the dot) is accepted too, and
  ``label_map`` can map any other name.
* Discontinuous entities (``Label 0 5;8 10``) become **one span per fragment** with the same
  tag and note, and a warning is recorded; their text must equal the fragments joined by a
  space, as brat writes it.
* ``#1<TAB>AnnotatorNotes T1<TAB>note`` becomes the ``note`` attribute of T1's spans.
* ``R1<TAB>uses Arg1:T1 Arg2:T2`` is a relation from T1 to T2 (the first argument is the
  ``from`` end, whatever the roles are called); the type is a relation type id of the
  tagset (``part-of`` for ``part.of`` as for labels, or ``label_map``). An equivalence line
  (``*<TAB>cooperates_with T1 T2 T3``) joins every pair of its entities, in the order given,
  and is taken for undirected types only (a directed one is refused: write ``R`` lines).
  A relation to a discontinuous entity joins its first fragment (a warning says so).
  Relations are checked as a relation made in the window is
  (:mod:`annotator.formats.layer_relations`): an end that is no entity of this file, an
  entity joined to itself, an unknown type, tags the type does not allow, the same relation
  twice or a cycle its type forbids refuses the file.
* Events, attributes and normalisations (``E``, ``A``, ``M``, ``N``) and other ``#``
  comments are ignored; a warning says which lines.

Each entity's text is checked against the ``.txt`` slice. The first problem refuses the whole
file with an :class:`InputError` naming the ``.ann`` file and line (a missing, empty or
unreadable ``.txt`` is reported against the ``.ann``, naming the ``.txt``); an empty ``.ann``
is refused too. The result is an :class:`~annotator.formats.doccano.ImportedText` (the
``.txt`` text and its spans), which :func:`annotator.transfer.layer_dataset` turns into one
annotator's layer (matched to stored documents by text).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import combinations
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.relations import RelationType
from annotator.core.tagset import Tagset
from annotator.core.textfiles import read_text
from annotator.formats.canonical import unsafe_reason
from annotator.formats.doccano import ImportedSpan, ImportedText
from annotator.formats.layer_relations import (
    ImportedRelation,
    LayerRelationError,
    check_layer_relations,
)
from annotator.ingest.limits import check_size

IGNORED = {"E": "event", "A": "attribute", "M": "attribute", "N": "normalisation",
           "#": "comment"}


class _Bad(Exception):
    pass


def _tag(label: str, tagset: Tagset, label_map: Mapping[str, str]) -> str:
    for candidate in (label_map.get(label), label, label.replace("-", ".", 1)):
        if candidate is None:
            continue
        try:
            return tagset.tag(candidate).id
        except KeyError:
            pass
    raise _Bad(f"unknown label '{label}' (not a tag of tagset '{tagset.id}')")


def _fragments(spec: str, n_chars: int) -> list[tuple[int, int]]:
    out = []
    for frag in spec.split(";"):
        parts = frag.split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise _Bad(f"bad offsets '{frag.strip()}' (expected 'START END')")
        start, end = int(parts[0]), int(parts[1])
        if start >= end:
            raise _Bad(f"empty or inverted span {start} {end}")
        if end > n_chars:
            raise _Bad(f"span {start} {end} is past the end of the text "
                       f"({n_chars} characters)")
        out.append((start, end))
    return out


def _entity(fields: list[str], text: str, tagset: Tagset, label_map: Mapping[str, str]
            ) -> tuple[str, list[tuple[int, int]]]:
    if len(fields) != 3:
        raise _Bad("expected 'T<n><TAB>Label START END<TAB>text'")
    label, _, spec = fields[1].partition(" ")
    tag = _tag(label, tagset, label_map)
    frags = _fragments(spec, len(text))
    covered = " ".join(text[s:e] for s, e in frags)
    if fields[2] not in (covered, covered.replace("\n", " ")):
        raise _Bad(f"{fields[0]} text {fields[2][:40]!r} does not match the .txt at "
                   f"{spec}: {covered[:40]!r}")
    return tag, frags


def _note(fields: list[str], entities: Mapping[str, object]) -> tuple[str, str] | None:
    """``(entity id, note)`` of an AnnotatorNotes line; ``None`` for other comments."""
    kind, _, target = fields[1].partition(" ") if len(fields) > 1 else ("", "", "")
    if kind != "AnnotatorNotes":
        return None
    if target not in entities:
        raise _Bad(f"note refers to '{target}', which is not an entity of this file")
    return target, fields[2] if len(fields) > 2 else ""


def _relation_type(label: str, tagset: Tagset, label_map: Mapping[str, str]) -> RelationType:
    for candidate in (label_map.get(label), label, label.replace("-", ".", 1)):
        if candidate is None:
            continue
        try:
            return tagset.relation(candidate)
        except KeyError:
            pass
    raise _Bad(f"unknown relation type '{label}' (not in tagset '{tagset.id}')")


class _Reader:
    def __init__(self, text: str, tagset: Tagset, label_map: Mapping[str, str]):
        self.text, self.tagset, self.label_map = text, tagset, label_map
        self.entities: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        self.notes: dict[str, str] = {}
        self.ignored: dict[str, list[int]] = {}
        self.split: list[str] = []
        self.links: list[tuple[str, str, str, str, int]] = []  # from, to, type, ref, line
        self.link_ids: set[str] = set()

    def line(self, n: int, line: str, notes_pass: bool) -> None:
        fields = line.split("\t", 2)
        kind = fields[0][:1]
        if notes_pass:
            note = _note(fields, self.entities) if kind == "#" else None
            if note:
                self.notes[note[0]] = note[1]
            elif kind in ("R", "*"):
                self.link(n, fields)
            elif kind in IGNORED:
                self.ignored.setdefault(IGNORED[kind], []).append(n)
        elif kind == "T":
            if fields[0] in self.entities:
                raise _Bad(f"duplicate entity id '{fields[0]}'")
            tag, frags = _entity(fields, self.text, self.tagset, self.label_map)
            self.entities[fields[0]] = (tag, frags)
            if len(frags) > 1:
                self.split.append(f"{fields[0]} (line {n})")
        elif kind not in IGNORED and kind not in ("R", "*"):
            raise _Bad(f"unknown annotation line {fields[0][:20]!r}")

    def link(self, n: int, fields: list[str]) -> None:
        """An ``R`` (relation) or ``*`` (equivalence) line."""
        rid, equivalence = fields[0], fields[0] == "*"
        label, *args = (fields[1].split() if len(fields) > 1 else []) or [""]
        if equivalence:
            ends = args
            if len(ends) < 2:
                raise _Bad("expected '*<TAB>Type T1 T2 …' (two entities or more)")
        else:
            if len(args) != 2 or not all(":" in a for a in args):
                raise _Bad(f"expected '{rid}<TAB>Type Arg1:T1 Arg2:T2'")
            if rid in self.link_ids:
                raise _Bad(f"duplicate relation id '{rid}'")
            self.link_ids.add(rid)
            ends = [a.partition(":")[2] for a in args]
        rtype = _relation_type(label, self.tagset, self.label_map)
        if equivalence and rtype.directed:
            raise _Bad(f"an equivalence (*) line joins its entities both ways, and "
                       f"'{rtype.id}' is directed: write it as R lines")
        for end in ends:
            if end not in self.entities:
                raise _Bad(f"{rid}: '{end}' is not an entity of this file")
        self.links.extend((a, b, rtype.id, rid, n) for a, b in combinations(ends, 2))

    def spans(self) -> tuple[ImportedSpan, ...]:
        out: list[ImportedSpan] = []
        for tid, (tag, frags) in self.entities.items():
            attrs = {"note": self.notes[tid]} if tid in self.notes else {}
            out.extend(ImportedSpan(s, e, tag, dict(attrs)) for s, e in frags)
        return tuple(out)

    def relations(self, spans: tuple[ImportedSpan, ...]) -> tuple[ImportedRelation, ...]:
        """The relations, checked; a problem is raised as ``InputError`` by the caller."""
        first, k = {}, 0
        for tid, (_tag, frags) in self.entities.items():
            first[tid] = k  # a discontinuous entity's relations join its first fragment
            k += len(frags)
        out = tuple(ImportedRelation(first[a], first[b], rtype, ref)
                    for a, b, rtype, ref, _n in self.links)
        check_layer_relations(self.tagset, spans, out)
        return out

    def warnings(self) -> tuple[str, ...]:
        out = [f"ignored {kind} lines: {', '.join(map(str, lines[:10]))}"
               + (f" and {len(lines) - 10} more" if len(lines) > 10 else "")
               for kind, lines in sorted(self.ignored.items())]
        if self.split:
            out.append("discontinuous entities split into one span per fragment: "
                       + ", ".join(self.split))
        split = {t for t, (_tag, frags) in self.entities.items() if len(frags) > 1}
        if any(a in split or b in split for a, b, *_ in self.links):
            out.append("relations to discontinuous entities join their first fragment")
        return tuple(out)


def _read_txt(ann_path: Path, txt: Path) -> str:
    """The text the ``.ann`` file annotates; a problem with it is reported against the
    ``.ann`` file (the one the user named), naming the text file too."""
    try:
        check_size(txt)
        text = read_text(txt, encoding="utf-8", newline="", what="text file")
    except InputError as e:
        raise InputError(ann_path, f"its text {txt.name}: {e.reason}") from None
    if not text:
        raise InputError(ann_path, f"its text {txt.name} is empty")
    reason = unsafe_reason(text)
    if reason:
        raise InputError(ann_path, f"{txt.name}: {reason}")
    return text


def read_brat(ann_path: str | Path, tagset: Tagset, txt_path: str | Path | None = None,
              label_map: Mapping[str, str] | None = None) -> ImportedText:
    """Read ``ann_path`` and its text (``txt_path``, default: the ``.txt`` next to it)."""
    ann_path = Path(ann_path)
    txt = Path(txt_path) if txt_path is not None else ann_path.with_suffix(".txt")
    text = _read_txt(ann_path, txt)
    check_size(ann_path)
    lines = read_text(ann_path, encoding="utf-8-sig", newline="").split("\n")
    if not any(line.strip() for line in lines):
        raise InputError(ann_path, "no annotations (empty file)")
    reader = _Reader(text, tagset, label_map or {})
    for notes_pass in (False, True):  # notes and relations name entities: read them last
        for n, line in enumerate(lines, 1):
            line = line.removesuffix("\r")
            if not line.strip():
                continue
            try:
                reader.line(n, line, notes_pass)
            except _Bad as e:
                raise InputError(ann_path, str(e), line=n) from None
    spans = reader.spans()
    try:
        relations = reader.relations(spans)
    except LayerRelationError as e:
        raise InputError(ann_path, str(e), line=reader.links[e.index][4]) from None
    return ImportedText(text, spans, ref=ann_path.name, warnings=reader.warnings(),
                        relations=relations)
