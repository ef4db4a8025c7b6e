"""Making a relation from the keyboard, without the window: the span it starts from, the
spans it may go to (nearest first, across paragraphs), the one picked now, and the
relation types that may join the two.

A directed type that joins the two only the other way round (a mechanism picked first,
then the actor that uses it) is offered too, reversed: the relation is stored in the
direction the tagset declares. Only spans of the starting span's layer are offered (a
relation joins spans of one annotator).

Pure Python: no Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from annotator.core.annotation import Annotation
from annotator.core.relations import RelationType, distance

if TYPE_CHECKING:
    from annotator.core.tagset import Tagset


class Option(NamedTuple):
    """A way to join the starting span to the picked one: ``reverse`` when the picked
    span is the "from" end of ``type``."""

    type: RelationType
    reverse: bool = False

    def ends(self, start: Annotation, picked: Annotation) -> tuple[Annotation, Annotation]:
        """(from, to) spans of the relation this option makes."""
        return (picked, start) if self.reverse else (start, picked)


def options(tagset: Tagset, start: Annotation, picked: Annotation) -> list[Option]:
    """The ways of joining ``start`` to ``picked``, in tagset order; a type that joins them
    as given comes before its reversed use."""
    out = [Option(t) for t in tagset.relations if t.allows(start.tag, picked.tag)]
    out += [Option(t, True) for t in tagset.relations
            if t.directed and not t.allows(start.tag, picked.tag)
            and t.allows(picked.tag, start.tag)]
    return out


def candidates(tagset: Tagset, start: Annotation, spans: Iterable[Annotation]
               ) -> list[Annotation]:
    """The spans some relation type (either way) may join ``start`` to: same document and
    layer, not ``start`` itself; nearest first, then in text order."""
    tags = _Partners(tagset, start.tag)
    out = [s for s in spans if s.tag in tags and s.id != start.id
           and s.doc_id == start.doc_id and s.annotator == start.annotator]
    out.sort(key=lambda s: (distance(start, s), s.start, s.end, s.id))
    return out


class _Partners:
    """The tags some relation type (either way) joins ``tag`` to, as a membership test
    remembered per tag (thousands of spans, a few dozen tags)."""

    def __init__(self, tagset: Tagset, tag: str):
        self.tagset, self.tag, self.known = tagset, tag, dict[str, bool]()

    def __contains__(self, other: object) -> bool:
        assert isinstance(other, str)
        if other not in self.known:
            self.known[other] = any(t.allows(self.tag, other) or t.allows(other, self.tag)
                                    for t in self.tagset.relations)
        return self.known[other]


class Picking:
    """A relation being made: ``start``, the candidates and the one picked now."""

    def __init__(self, tagset: Tagset, start: Annotation, spans: Iterable[Annotation]):
        self.tagset = tagset
        self.start = start
        self.candidates = candidates(tagset, start, spans)
        self.position = 0

    @property
    def picked(self) -> Annotation | None:
        return self.candidates[self.position] if self.candidates else None

    def step(self, direction: int) -> Annotation | None:
        """Tab (+1): the next candidate further away; Shift+Tab (-1): back; wraps."""
        if self.candidates:
            self.position = (self.position + direction) % len(self.candidates)
        return self.picked

    def pick(self, span_id: str) -> bool:
        """A click: pick ``span_id`` if it is a candidate (True), else keep the pick."""
        for i, span in enumerate(self.candidates):
            if span.id == span_id:
                self.position = i
                return True
        return False

    def options(self) -> list[Option]:
        picked = self.picked
        return options(self.tagset, self.start, picked) if picked is not None else []

    def option_by_key(self, key: str) -> Option | None:
        """The option whose type has hotkey ``key`` (case-insensitive), if it joins the
        two spans."""
        key = key.lower()
        return next((o for o in self.options() if (o.type.hotkey or "").lower() == key), None)


def retype_options(tagset: Tagset, source: Annotation, target: Annotation,
                   current: str) -> list[Option]:
    """What a relation from ``source`` to ``target`` of type ``current`` may become: its
    other types that join the two as they are, then the directed ones that join them the
    other way round (``reverse``: its target becomes the "from" end; its own type too, so a
    direction drawn wrong is turned round), in tagset order."""
    out = [Option(t) for t in tagset.relations
           if t.id != current and t.allows(source.tag, target.tag)]
    return out + [Option(t, True) for t in tagset.relations
                  if t.directed and t.allows(target.tag, source.tag)]
