"""Suggestions while annotating: the project's lexicon kept current as spans come and go
(:class:`LexiconSource`), and the open document's suggestions found paragraph by paragraph
as the reader needs them (:class:`DocSuggestions`).

A suggestion never becomes an annotation by itself: accepting or rejecting one is a
command like any other edit (see :class:`annotator.core.editor.Editor`).

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable

from annotator.core.annotation import Annotation
from annotator.core.commands import Change
from annotator.core.search import searchable
from annotator.core.spans import SpanIndex
from annotator.core.suggest import (
    Lexicon,
    Suggestion,
    build_pattern,
    form_of,
    listed_forms,
    make_entry,
    unannotated,
)
from annotator.core.tagset import Tagset

_forms_ids = itertools.count(1)


class LexiconSource:
    """Counts of (form, tag) over every span of the project, and the lexicon they make.

    :meth:`update` keeps the counts and the lexicon's entries in step with each edit, at
    once. The scanner (a compiled regular expression over the forms) is only rebuilt when
    the forms change (a new term is tagged, or the last span of one goes): until then
    :attr:`stale` is true and the old scanner keeps working (it just cannot find the new
    term). :meth:`compile` rebuilds it here; :meth:`forms` and :meth:`install` let a
    worker thread do it instead."""

    def __init__(self, tagset: Tagset | None, span_texts: Iterable[tuple[str, str, int]]):
        self.listed = listed_forms(tagset)
        self.counts: dict[str, Counter[str]] = {}
        for text, tag, n in span_texts:
            if form := form_of(text):
                self.counts.setdefault(form, Counter())[tag] += n
        self.lexicon = Lexicon.from_counts(self.listed, self.counts)
        self.generation = 0  # bumped whenever the forms change
        self.stale = True

    @property
    def ready(self) -> bool:
        """The scanner knows every form."""
        return not self.stale

    def forms(self) -> tuple[list[str], int]:
        """The forms to compile, and the generation they belong to."""
        return list(self.lexicon.entries), self.generation

    def install(self, pattern: re.Pattern[str] | None, generation: int) -> bool:
        """Use a scanner compiled from :meth:`forms`; False (ignored) when the forms
        changed since."""
        if generation != self.generation:
            return False
        self.lexicon.install(pattern, next(_forms_ids))
        self.stale = False
        return True

    def compile(self) -> Lexicon:
        if self.stale:
            forms, generation = self.forms()
            self.install(build_pattern(forms), generation)
        return self.lexicon

    def update(self, change: Change, text_of: Callable[[str], str]) -> bool:
        """Count the spans a change removed and added (``text_of(doc_id)`` gives their
        document's text); True when the lexicon's entries changed."""
        touched = set()
        for spans, sign in ((change.removed, -1), (change.added, 1)):
            for a in spans:
                if form := form_of(text_of(a.doc_id)[a.start:a.end]):
                    self.counts.setdefault(form, Counter())[a.tag] += sign
                    touched.add(form)
        entries, changed = self.lexicon.entries, False
        for form in touched:
            entry = make_entry(form, self.counts.get(form), self.listed.get(form))
            old = entries.get(form)
            if entry == old:
                continue
            changed = True
            if entry is None:
                del entries[form]
            else:
                entries[form] = entry
            if (entry is None) != (old is None):  # a form came or went
                self.stale, self.generation = True, self.generation + 1
        return changed


class DocSuggestions:
    """The open document's suggestions for one annotator: every unannotated occurrence of
    a lexicon form, except the ones they rejected. Each paragraph is scanned once per
    lexicon (when first drawn, or when navigation or accept-all reaches it)."""

    def __init__(self, doc_id: str, text: str, index: SpanIndex, annotator: str,
                 rejected: set[tuple[int, int, str]]):
        self.doc_id, self.text, self.index = doc_id, text, index
        self.annotator, self.rejected = annotator, rejected
        self.lexicon: Lexicon | None = None
        self._forms_id = -1  # the scanner the paragraphs were scanned with
        self._found: dict[int, list[tuple[int, int, str]]] = {}

    def set_lexicon(self, lexicon: Lexicon | None) -> None:
        """Use a lexicon; what was scanned stays valid while its scanner does."""
        if lexicon is None or lexicon.forms_id != self._forms_id:
            self._found.clear()
        self.lexicon = lexicon
        self._forms_id = lexicon.forms_id if lexicon else -1

    def update(self, change: Change) -> None:
        """Take in the rejections a change made or withdrew (spans are read live)."""
        withdrawn, made = change.rejections
        for r in withdrawn:
            if r.doc_id == self.doc_id and r.annotator == self.annotator:
                self.rejected.discard((r.start, r.end, r.tag))
        for r in made:
            if r.doc_id == self.doc_id and r.annotator == self.annotator:
                self.rejected.add((r.start, r.end, r.tag))

    # --- queries -----------------------------------------------------------------------
    def in_paragraph(self, number: int) -> list[Suggestion]:
        lexicon = self.lexicon
        if lexicon is None or not lexicon.compiled:
            return []
        if lexicon.forms_id != self._forms_id:  # recompiled: scan again
            self.set_lexicon(lexicon)
        found = self._found.get(number)
        if found is None:
            starts = self.index.para_starts
            p0 = starts[number]
            p1 = starts[number + 1] - 1 if number + 1 < len(starts) else len(self.text)
            found = [(p0 + s, p0 + e, f) for s, e, f in lexicon.scan(searchable(
                self.text[p0:p1]))]
            self._found[number] = found
        if not found:
            return []
        mine = sorted((a.start, a.end) for a in self.index.in_paragraph(number, self._mine))
        return unannotated(lexicon, found, mine, self.rejected)

    def _mine(self, a: Annotation) -> bool:
        return a.annotator == self.annotator

    def all(self) -> list[Suggestion]:
        return [s for n in range(len(self.index.para_starts)) for s in self.in_paragraph(n)]

    def at(self, start: int, end: int) -> Suggestion | None:
        """The suggestion the reader's selection is on: exactly ``[start, end)``, or (for an
        empty selection) the one holding the caret."""
        for s in self.in_paragraph(self.index.paragraph_of(start)):
            if (s.start, s.end) == (start, end) or (start == end and s.start <= start < s.end):
                return s
        return None

    def following(self, pos: int, backwards: bool = False) -> Suggestion | None:
        """The next suggestion starting after ``pos`` (before it, ``backwards``), wrapping
        around the document."""
        count = len(self.index.para_starts)
        here = self.index.paragraph_of(max(0, min(pos, len(self.text))))
        step = -1 if backwards else 1
        for k in range(count + 1):
            number = (here + step * k) % count
            found = self.in_paragraph(number)
            if k == 0:  # this paragraph: only past the position (the rest comes on wrap)
                found = [s for s in found if (s.start < pos if backwards else s.start > pos)]
            if k == count:
                found = [s for s in found if (s.start >= pos if backwards else s.start <= pos)]
            if found:
                return found[-1] if backwards else found[0]
        return None
