"""Suggestions while annotating: the project's lexicon kept current as spans come and go
(:class:`LexiconSource`), and the open document's suggestions found paragraph by paragraph
as the reader needs them (:class:`DocSuggestions`).

A suggestion never becomes an annotation by itself: accepting or rejecting one is a
command like any other edit (see :class:`annotator.core.editor.Editor`).

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable

from annotator.core.annotation import Annotation
from annotator.core.commands import Change
from annotator.core.errors import Cancelled
from annotator.core.formtable import FormCounts, LexEntries
from annotator.core.memory import paused_gc
from annotator.core.scanner import Finder
from annotator.core.search import searchable, searchable_all
from annotator.core.spans import SpanIndex
from annotator.core.suggest import (
    Lexicon,
    Scanner,
    Suggestion,
    build_pattern,
    form_of,
    listed_forms,
    make_entry,
    open_finds,
)
from annotator.core.tagset import Tagset

_forms_ids = itertools.count(1)


#: Forms tagged (or gone) since the last full compile before another one is due.
EXTRA_MAX = 300
#: span rows counted at a time (their texts folded at once; cancelling waits for at most one).
#: Small: the forms a part adds outlive its garbage, and parts of 50,000 rows left them
#: spread over the heap's arenas, which stayed held when the counts were freed (100,000
#: documents: 60 arenas, +45 MB resident); 1,000 folds as fast and lets the next part
#: reuse the last one's room.
CHUNK = 1_000


class LexiconSource:
    """Counts of (form, tag) over every span of the project, and the lexicon they make.

    :meth:`update` keeps the counts and the lexicon's entries in step with each edit, at
    once. The scanner has two parts (:class:`~annotator.core.suggest.Scanner`): the forms
    of the last full compile (:meth:`forms`, then :meth:`install`: a second or more for
    tens of thousands of forms, so the window does it on a worker thread), and the forms
    tagged since, compiled here on each change (a few milliseconds): a new term is suggested
    at once. A form whose last span goes stays in the main part until the next full compile
    (its finds are dropped, as the lexicon no longer has it); the next full compile is
    :attr:`due` when more than :data:`EXTRA_MAX` forms came or went."""

    def __init__(self, tagset: Tagset | None, span_texts: Iterable[tuple[str, str, int]],
                 cancelled: Callable[[], bool] = lambda: False):
        """``cancelled()`` is asked between parts of the counting (:data:`CHUNK` rows) and
        :class:`~annotator.core.errors.Cancelled` raised when it says so."""
        self.listed = listed_forms(tagset)
        counts = count_forms(span_texts, cancelled)
        with paused_gc():
            self.counts = FormCounts(counts)  # compact (a big project has 200,000 forms)
        self.lexicon = Lexicon(LexEntries(self.counts, self.listed))
        self.generation = 0  # of the last snapshot handed out by forms()
        self._snapshot: SortedForms | None = None
        self._since: set[str] = set()  # forms that came or went since the snapshot
        self.main: Finder | None = None
        self.main_forms = SortedForms()
        self.extra_forms: set[str] = set()  # in the lexicon, not in the main part
        self.gone = 0  # in the main part, not in the lexicon any more
        self.ready = False  # a full compile was installed
        self.touched: set[str] = set()  # the forms the last update counted

    @property
    def due(self) -> bool:
        """A full compile is needed: none yet, or many forms came or went since."""
        return not self.ready or len(self.extra_forms) + self.gone > EXTRA_MAX

    def forms(self) -> tuple[list[str], int]:
        """The forms to compile in full, and the generation :meth:`install` expects."""
        forms = list(self.lexicon.entries)
        self.generation += 1
        self._snapshot, self._since = SortedForms(forms), set()
        return forms, self.generation

    def install(self, pattern: Finder | None, generation: int) -> bool:
        """Use a main pattern compiled from the last :meth:`forms`; False (ignored) when
        that was not the last snapshot handed out. Forms that came since go to the extra
        part."""
        if generation != self.generation or self._snapshot is None:
            return False
        self.main, self.main_forms, self._snapshot = pattern, self._snapshot, None
        # the lexicon is the snapshot but for the forms that came or went since
        entries, main, since = self.lexicon.entries, self.main_forms, self._since
        self.extra_forms = {f for f in since if f in entries and f not in main}
        self.gone = sum(1 for f in since if f not in entries and f in main)
        self.ready = True
        self._install()
        return True

    def _install(self) -> None:
        extra = build_pattern(sorted(self.extra_forms)) if self.extra_forms else None
        self.lexicon.install(Scanner(self.main, extra), next(_forms_ids))

    def compile(self, cancelled: Callable[[], bool] = lambda: False) -> Lexicon:
        """Compile in full here when :attr:`due` (``cancelled``: see
        :func:`~annotator.core.scanner.build_pattern`)."""
        if self.due:
            forms, generation = self.forms()
            self.install(build_pattern(forms, cancelled), generation)
        return self.lexicon

    def update(self, change: Change, text_of: Callable[[str], str]) -> bool:
        """Count the spans a change removed and added (``text_of(doc_id)`` gives their
        document's text); True when suggestions may look different: a form came or went,
        or a form's most frequent tag changed."""
        self.touched = touched = set()  # the forms whose counts changed
        for spans, sign in ((change.removed, -1), (change.added, 1)):
            for a in spans:
                if form := form_of(text_of(a.doc_id)[a.start:a.end]):
                    self.counts.touch(form)[a.tag] += sign
                    touched.add(form)
        entries, changed, extra = self.lexicon.entries, False, False
        for form in touched:
            entry = make_entry(form, self.counts.get(form), self.listed.get(form))
            old = entries.get(form)
            if entry == old:
                continue
            changed = changed or old is None or entry is None or old.tag != entry.tag
            if entry is None:
                del entries[form]
            else:
                entries[form] = entry
            if (entry is None) != (old is None):  # a form came or went
                extra = self._came_or_went(form, came=entry is not None) or extra
        if extra and self.ready:
            self._install()
        return changed

    def _came_or_went(self, form: str, came: bool) -> bool:
        """Book a form that came or went; True when the extra part changed."""
        if self._snapshot is not None:  # a full compile is under way: install() books it
            self._since.add(form)
        if form in self.main_forms:
            self.gone += -1 if came else 1
            return False
        if came:
            self.extra_forms.add(form)
        else:
            self.extra_forms.discard(form)
        return True


def count_forms(span_texts: Iterable[tuple[str, str, int]],
                cancelled: Callable[[], bool] = lambda: False) -> dict[str, dict[str, int]]:
    """Form → tag → spans, from ``(text, tag, count)`` rows: read :data:`CHUNK` rows at a
    time, whose texts are folded at once (:func:`searchable_all`); ``cancelled()`` is asked
    before each part."""
    counts: dict[str, dict[str, int]] = {}
    rows = iter(span_texts)
    while True:
        if cancelled():
            raise Cancelled("lexicon cancelled")
        with paused_gc():  # a part's rows and counts are no cycles to look for
            part = list(itertools.islice(rows, CHUNK))
            if not part:
                return counts
            _count_part(counts, part)


def _count_part(counts: dict[str, dict[str, int]], part: list[tuple[str, str, int]]) -> None:
    forms = searchable_all([r[0].strip() for r in part])
    for form, (_, tag, n) in zip(forms, part, strict=True):
        if not form:
            continue
        if (tagged := counts.get(form)) is None:
            counts[form] = {tag: n}
        else:
            tagged[tag] = tagged.get(tag, 0) + n


class SortedForms:
    """A set of forms held as one sorted list, asked by bisection: the forms of a full
    compile (200,000 in a big project) in a fifth of a frozenset's memory."""

    __slots__ = ("forms",)

    def __init__(self, forms: Iterable[str] = ()):
        self.forms = sorted(forms)

    def __contains__(self, form: object) -> bool:
        i = bisect.bisect_left(self.forms, form) if isinstance(form, str) else 0
        return i < len(self.forms) and self.forms[i] == form

    def __len__(self) -> int:
        return len(self.forms)


class DocSuggestions:
    """The open document's suggestions for one annotator: every unannotated occurrence of
    a lexicon form, and every span the sequence model predicted (:meth:`use_model`),
    except the ones they rejected; where two overlap, the better scored one. Each
    paragraph is scanned once per lexicon (when first drawn, or when navigation or
    accept-all reaches it). ``min_score`` leaves out the weaker ones; ``lexicon_on``
    switches the lexicon's off (a recommender below the project's F1 threshold)."""

    def __init__(self, doc_id: str, text: str, index: SpanIndex, annotator: str,
                 rejected: set[tuple[int, int, str]]):
        self.doc_id, self.text, self.index = doc_id, text, index
        self.annotator, self.rejected = annotator, rejected
        self.lexicon: Lexicon | None = None
        self._forms_id = -1  # the scanner the paragraphs were scanned with
        self._found: dict[int, list[tuple[int, int, str]]] = {}
        self.min_score = 0.0
        self.lexicon_on = True
        #: the lexicon's score of (form, tag); None: the share of the form's spans
        self.score_of: Callable[[str, str], float | None] = lambda form, tag: None
        self._model: dict[int, list[Suggestion]] = {}  # paragraph -> predicted spans
        #: paragraph -> (the score_of used, the finds scored, their entries and suggestions)
        self._cands: dict[int, tuple[Callable, list, list[tuple[object, Suggestion | None]]]] = {}

    def use_model(self, predicted: Iterable[Suggestion]) -> None:
        """The sequence model's spans in this document (replacing any before)."""
        self._model = {}
        for s in predicted:
            self._model.setdefault(self.index.paragraph_of(s.start), []).append(s)

    def set_lexicon(self, lexicon: Lexicon | None) -> None:
        """Use a lexicon; what was scanned stays valid while its scanner does."""
        if lexicon is None or lexicon.forms_id != self._forms_id:
            self._found.clear()
            self._cands.clear()
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
        lexical = self._lexical(number) if self.lexicon_on else []
        model = self._model.get(number, [])
        if model:
            mine = sorted((a.start, a.end) for a in self.index.in_paragraph(number,
                                                                           self._mine))
            model = [s for s in model if (s.start, s.end, s.tag) not in self.rejected
                     and not any(a < s.end and s.start < b for a, b in mine)]
        shown = [s for s in (*lexical, *model) if s.score >= self.min_score]
        if all(a.end <= b.start for a, b in itertools.pairwise(shown)):
            return shown  # (the scanner's finds alone are: in reading order, apart)
        return best_of(shown)

    def _scored(self, found: list[Suggestion]) -> list[Suggestion]:
        """``found`` with their scores: the recommender's, else the share of the form's
        spans that have the suggested tag (every suggestion on screen, every repaint: one
        lookup each, and the tuple made directly)."""
        score_of, entries = self.score_of, self.lexicon.entries if self.lexicon else {}
        out = []
        for s in found:
            score = score_of(s.form, s.tag)
            if score is None:
                entry = entries.get(s.form)
                score = 1.0 if entry is None else \
                    entry.counts.get(s.tag, 0) / max(1, sum(entry.counts.values()))
            out.append(Suggestion(s.start, s.end, s.tag, s.form, s.source, score,
                                  s.recommender))
        return out

    def _lexical(self, number: int) -> list[Suggestion]:
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
        return open_finds(self._candidates(number, found), mine, self.rejected)

    def _candidates(self, number: int, found: list[tuple[int, int, str]]
                    ) -> list[tuple[object, Suggestion | None]]:
        """Each find of paragraph ``number`` with its form's entry and its scored
        suggestion (None: the form has no entry). Kept between calls: an edit redraws its
        paragraph, and of its hundreds of finds only those whose form's entry changed (a
        new entry object: entries are replaced, never changed in place) are scored again.
        Another ``score_of`` (another recommender) or another scan scores them all again."""
        entries, kept = (self.lexicon.entries if self.lexicon else {}), self._cands.get(number)
        if kept is None or kept[0] is not self.score_of or kept[1] is not found:
            kept = self._cands[number] = (self.score_of, found,
                                          [(_UNSCORED, None)] * len(found))
        cands, todo, made = kept[2], [], []
        for i, (start, end, form) in enumerate(found):
            entry = entries.get(form)
            if cands[i][0] is not entry:
                cands[i] = (entry, None)
                if entry is not None:
                    todo.append(i)
                    made.append(Suggestion(start, end, entry.tag, form, entry.source))
        for i, scored in zip(todo, self._scored(made), strict=True):
            cands[i] = (cands[i][0], scored)
        return cands

    def has_any(self, forms: set[str]) -> Callable[[int], bool]:
        """A test of a paragraph number: does one of ``forms`` occur in it (folded)? Only
        there can a change to these forms' lexicon entries alter the suggestions (the scan
        of a text in which no form that came or went occurs finds what it found before)."""
        starts = self.index.para_starts

        def test(number: int) -> bool:
            end = starts[number + 1] if number + 1 < len(starts) else len(self.text)
            folded = searchable(self.text[starts[number]:end])
            return any(form in folded for form in forms)

        return test

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

    def following(self, pos: int, backwards: bool = False,
                  here_too: bool = False) -> Suggestion | None:
        """The next suggestion starting after ``pos`` (before it, ``backwards``), wrapping
        around the document; ``here_too``: going forwards from a caret, one starting at
        ``pos`` itself is the next (at the start of a document, the one at offset 0)."""
        count = len(self.index.para_starts)
        here = self.index.paragraph_of(max(0, min(pos, len(self.text))))
        step = -1 if backwards else 1
        first = pos if here_too and not backwards else pos + step  # the first start taken
        for k in range(count + 1):
            number = (here + step * k) % count
            found = self.in_paragraph(number)
            if k == 0:  # this paragraph: only from the position on (the rest comes on wrap)
                found = [s for s in found if (s.start <= first if backwards else
                                              s.start >= first)]
            if k == count:
                found = [s for s in found if (s.start > first if backwards else
                                              s.start < first)]
            if found:
                return found[-1] if backwards else found[0]
        return None


#: a find not scored yet (no entry is this object)
_UNSCORED = object()


def best_of(found: Iterable[Suggestion]) -> list[Suggestion]:
    """Suggestions that do not overlap, in reading order: of overlapping ones the better
    scored (then the longer, then the lexicon's) is kept."""
    ranked = sorted(found, key=lambda s: (-s.score, s.start - s.end, s.recommender != "lexicon",
                                          s.start))
    # kept in reading order: they do not overlap, so their ends ascend with their starts
    # and only the last one starting before a candidate's end can overlap it
    starts: list[int] = []
    kept: list[Suggestion] = []
    for s in ranked:
        at = bisect.bisect_left(starts, s.end)
        if at and kept[at - 1].end > s.start:
            continue
        starts.insert(at, s.start)
        kept.insert(at, s)
    return kept
