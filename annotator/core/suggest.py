"""Suggestions: places where a known term occurs but is not tagged yet.

A :class:`Lexicon` maps surface forms, folded with :func:`annotator.core.search.searchable`
(so 上海合作組織 and 上海合作组织 are one form), to the tag they are most often given. Its
forms come from the tagset's example terms (every script) and from the spans already
annotated. Scanning a text finds every occurrence of every form at once: the forms are
compiled (once per lexicon) into a scanner (:mod:`annotator.core.scanner`) that runs at C
speed, never overlaps, and takes the longest form at each position. Latin forms (``SCO``,
``UN``) only match whole words.

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from annotator.core import commands
from annotator.core.annotation import Annotation, new_id, now
from annotator.core.commands import Command
from annotator.core.scanner import Scanner, build_pattern  # noqa: F401
from annotator.core.search import find_all, searchable
from annotator.core.tagset import Tagset

#: Where a lexicon form came from (a form both annotated and in the tagset says "annotations").
SOURCES = ("annotations", "tagset")


class SpanLike(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def tag(self) -> str: ...


def form_of(text: str) -> str:
    """The lexicon form of a stretch of text: folded for matching, outer spaces removed."""
    return searchable(text.strip())


@dataclass(frozen=True)
class LexEntry:
    form: str
    tag: str  # the most frequent tag
    counts: dict[str, int]  # tag -> annotated spans (+1 when the tagset lists the form)
    annotated: int  # how many annotated spans have this form
    source: str  # "annotations" or "tagset"

    @property
    def ambiguous(self) -> bool:
        """The form was given more than one tag."""
        return len(self.counts) > 1


class Suggestion(NamedTuple):
    """Tag ``[start, end)`` (code points of the canonical text) with ``tag``; ``score``
    in [0, 1] from ``recommender`` ("lexicon" or "crf": :mod:`annotator.recommend`)."""

    start: int
    end: int
    tag: str
    form: str
    source: str
    score: float = 1.0
    recommender: str = "lexicon"


@dataclass
class Lexicon:
    entries: MutableMapping[str, LexEntry]  # a dict, or formtable.LexEntries (big)
    forms_id: int = 0  # lexicons sharing a forms_id have the same forms (and scanner)
    _scanner: Scanner | None = field(default=None, init=False, repr=False)

    @classmethod
    def build(cls, tagset: Tagset | None,
              annotations_with_text: Iterable[tuple[str, str]] = ()) -> Lexicon:
        """From the tagset's examples and ``(text of a span, tag)`` pairs. Forms shorter
        than 2 characters are kept only when annotated at least twice."""
        annotated: dict[str, Counter[str]] = {}
        for text, tag in annotations_with_text:
            if form := form_of(text):
                annotated.setdefault(form, Counter())[tag] += 1
        return cls.from_counts(listed_forms(tagset), annotated)

    @classmethod
    def from_counts(cls, listed: dict[str, set[str]],
                    annotated: dict[str, Counter[str]]) -> Lexicon:
        """From :func:`listed_forms` and ``form → Counter(tag → annotated spans)``."""
        entries = {}
        for form in sorted(annotated.keys() | listed.keys()):
            if entry := make_entry(form, annotated.get(form), listed.get(form)):
                entries[form] = entry
        return cls(entries)

    @property
    def compiled(self) -> bool:
        """The scanner is compiled (or there is nothing to scan for)."""
        return self._scanner is not None or not self.entries

    def install(self, scanner: Scanner, forms_id: int) -> None:
        """Use a scanner compiled elsewhere (:func:`build_pattern` over these forms)."""
        self._scanner, self.forms_id = scanner, forms_id

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, form: object) -> bool:
        return form in self.entries

    def __getitem__(self, form: str) -> LexEntry:
        return self.entries[form]

    @property
    def scanner(self) -> Scanner:
        """The compiled scanner (compiled here, now, if nobody installed one)."""
        if self._scanner is None:
            self._scanner = Scanner(build_pattern(self.entries))
        return self._scanner

    def scan(self, folded: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, form)`` of every occurrence in a folded text (from
        :func:`searchable`), left to right, non-overlapping, longest form first."""
        return self.scanner.scan(folded)


def listed_forms(tagset: Tagset | None) -> dict[str, set[str]]:
    """Form → the tags whose example terms (in any script) have that form."""
    listed: dict[str, set[str]] = {}
    for entry in tagset.tags if tagset else ():
        for terms in entry.examples.values():
            for term in terms:
                if form := form_of(term):
                    listed.setdefault(form, set()).add(entry.id)
    return listed


def make_entry(form: str, annotated: Counter[str] | None,
               listed: set[str] | None) -> LexEntry | None:
    """The lexicon entry of ``form``; None when it has no tag, or is one character
    annotated fewer than twice."""
    ann, tags = annotated or Counter(), listed or set()
    ann = Counter({t: n for t, n in ann.items() if n > 0})
    total = sum(ann.values())
    if (len(form) < 2 and total < 2) or not (ann or tags):
        return None
    counts = {t: ann[t] + (t in tags) for t in sorted(ann.keys() | tags)}
    best = max(counts, key=lambda t: (counts[t], ann[t]))  # ties: first tag id
    return LexEntry(form, best, counts, total, "annotations" if total else "tagset")


# --- suggesting and accepting ------------------------------------------------------------
def suggestions(text: str, spans: Iterable[SpanLike], lexicon: Lexicon,
                rejected: set[tuple[int, int, str]] | frozenset = frozenset()
                ) -> list[Suggestion]:
    """Every occurrence of a lexicon form in ``text`` (non-overlapping, longest first, in
    reading order) with the form's most frequent tag, except where it overlaps one of
    ``spans`` (it is annotated already: callers pass the annotator's own spans) and except
    the ``(start, end, tag)`` in ``rejected``."""
    return unannotated(lexicon, lexicon.scan(searchable(text)),
                       sorted((s.start, s.end) for s in spans), rejected)


def unannotated(lexicon: Lexicon, found: Iterable[tuple[int, int, str]],
                spans: list[tuple[int, int]], rejected: set | frozenset) -> list[Suggestion]:
    """The scanner's ``(start, end, form)`` that overlap none of the sorted ``(start, end)``
    spans and are not rejected, as suggestions."""
    out, i = [], 0
    heap: list[int] = []  # ends of the spans starting before the find ends
    for start, end, form in found:
        entry = lexicon.entries.get(form)
        if entry is None or (start, end, entry.tag) in rejected:
            continue
        while i < len(spans) and spans[i][0] < end:
            heapq.heappush(heap, spans[i][1])
            i += 1
        while heap and heap[0] <= start:
            heapq.heappop(heap)
        if not heap:
            out.append(Suggestion(start, end, entry.tag, form, entry.source))
    return out


def open_finds(cands: list[tuple[object, Suggestion | None]], spans: list[tuple[int, int]],
               rejected: set | frozenset) -> list[Suggestion]:
    """The scored suggestions of ``cands`` (in reading order) that overlap none of the
    sorted ``(start, end)`` spans and are not rejected: :func:`unannotated` over finds
    already scored."""
    out, i = [], 0
    heap: list[int] = []  # ends of the spans starting before the find ends
    for _, s in cands:
        if s is None or (s.start, s.end, s.tag) in rejected:
            continue
        while i < len(spans) and spans[i][0] < s.end:
            heapq.heappush(heap, spans[i][1])
            i += 1
        while heap and heap[0] <= s.start:
            heapq.heappop(heap)
        if not heap:
            out.append(s)
    return out


def accept_all(doc_id: str, text: str, suggestions: Iterable[Suggestion],
               annotator: str) -> Command | None:
    """One batch command (one undo step) adding exactly the suggested spans; None when
    there is nothing to add. Refuses (``ValueError``) a suggestion outside the text."""
    chosen = list(suggestions)
    if not chosen:
        return None
    first = text[chosen[0].start:chosen[0].end][:20]
    label = (f"accept {len(chosen)} suggestions ({first}…)" if len(chosen) > 1 else
             f"accept 1 suggestion ({first})")
    return _batch(doc_id, [(doc_id, s.start, s.end, s.tag) for s in chosen], annotator,
                  {doc_id: len(text)}, label)


def annotate_all(doc_id: str, text: str, span_text: str, tag: str, annotator: str,
                 existing_spans: Iterable[Annotation]) -> list[tuple[int, int]]:
    """The occurrences of ``span_text`` in ``text`` (folded, as the in-document find) that
    ``annotator`` has not yet tagged ``tag`` in document ``doc_id``: an occurrence inside
    one of their spans with that tag counts as tagged. For a review queue before storing."""
    spans = [a for a in existing_spans if a.doc_id == doc_id]
    hits = (Place(doc_id, s, e) for s, e in find_all(text, span_text))
    return [(p.start, p.end) for p in annotate_corpus(hits, lambda _: spans, tag, annotator)]


class Place(NamedTuple):
    """An occurrence somewhere in the corpus (code points of that document's text)."""

    doc_id: str
    start: int
    end: int


def annotate_corpus(hits: Iterable[Place], spans_of: Callable[[str], Iterable[Annotation]],
                    tag: str, annotator: str) -> list[Place]:
    """The corpus-wide :func:`annotate_all`: the ``hits`` (a project search for the span's
    text) that ``annotator`` has not yet tagged ``tag``, an occurrence inside one of their
    spans with that tag counting as tagged. ``spans_of(doc_id)`` gives a document's spans."""
    tagged: dict[str, list[tuple[int, int]]] = {}
    out = []
    for hit in hits:
        if hit.doc_id not in tagged:
            tagged[hit.doc_id] = [(a.start, a.end) for a in spans_of(hit.doc_id)
                                  if a.tag == tag and a.annotator == annotator]
        if not any(a <= hit.start and hit.end <= b for a, b in tagged[hit.doc_id]):
            out.append(Place(hit.doc_id, hit.start, hit.end))
    return out


def add_places(doc_id: str, places: Iterable[Place], tag: str, annotator: str,
               lengths: dict[str, int], label: str) -> Command | None:
    """One batch command (one undo step) tagging every place, in whatever document; made
    from the document ``doc_id`` the user is on. Refuses (``ValueError``) a place outside
    its document (``lengths``: doc id → text length)."""
    return _batch(doc_id, [(p.doc_id, p.start, p.end, tag) for p in places], annotator,
                  lengths, label)


def _batch(doc_id: str, spans: list[tuple[str, int, int, str]], annotator: str,
           lengths: dict[str, int], label: str) -> Command | None:
    """New spans ``(doc id, start, end, tag)`` as one batch command; None for none."""
    stamp = now()
    added = []
    for where, start, end, tag in spans:
        if not 0 <= start < end <= lengths.get(where, -1):
            raise ValueError(f"[{start}, {end}) is outside the text of document {where}")
        added.append(Annotation(new_id(), where, start, end, tag, annotator, {}, stamp,
                                stamp))
    return commands.batch(doc_id, added, label) if added else None
