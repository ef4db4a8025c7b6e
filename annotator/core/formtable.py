"""The suggestion lexicon of a big project, held compactly.

A project of 100,000 documents has some 200,000 distinct span texts (forms). Held as a
dict of ``Counter`` and one :class:`~annotator.core.suggest.LexEntry` (with its own dict)
per form they took ~1.7 KB each: 360 MB, most of it the pieces of heap pinned among the
millions of short-lived strings that counting them made. Here the counts are copied,
once counted, into a sorted list of fresh form strings and three arrays (tag, count, and
where each form's counts start); the counting dict is dropped whole, so its heap goes
back. An entry is made when asked for; the forms whose counts change later are held in
small dicts beside.

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import bisect
import itertools
from array import array
from collections import Counter
from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING

from annotator.core.suggest import make_entry

if TYPE_CHECKING:
    from annotator.core.suggest import LexEntry


#: how many base entries :class:`LexEntries` keeps once made (then it starts again)
MADE_KEPT = 2048


class FormCounts:
    """Form → ``Counter(tag → spans)``: a frozen sorted base and the forms touched since."""

    def __init__(self, counts: dict[str, dict[str, int]]):
        """Takes ``counts`` over (it is emptied)."""
        self.tags = sorted({t for c in counts.values() for t in c})
        forms = sorted(counts)
        tagged = list(map(counts.__getitem__, forms))  # (the arrays made at C speed)
        self.starts = array("I", itertools.accumulate(map(len, tagged), initial=0))
        index = {t: i for i, t in enumerate(self.tags)}.__getitem__
        self.tag_of = array("H", map(index, itertools.chain.from_iterable(tagged)))
        self.number = array("q", itertools.chain.from_iterable(map(dict.values, tagged)))
        del tagged
        counts.clear()
        joined, size = "\0".join(forms), len(forms)
        if size and joined.count("\0") == size - 1:  # (no form holds a NUL)
            del forms  # the old strings go before the new ones are made
            forms = joined.split("\0")
        #: the base forms, sorted: new strings, made after the counting's heap is freed
        self.forms: list[str] = forms
        del joined
        self.changed: dict[str, Counter[str]] = {}

    def index(self, form: str) -> int:
        """The base position of ``form``; -1 when it is not a base form."""
        i = bisect.bisect_left(self.forms, form)
        return i if i < len(self.forms) and self.forms[i] == form else -1

    def base(self, i: int) -> Counter[str]:
        a, b = self.starts[i], self.starts[i + 1]
        return Counter({self.tags[self.tag_of[k]]: self.number[k] for k in range(a, b)})

    def get(self, form: str) -> Counter[str] | None:
        if form in self.changed:
            return self.changed[form]
        i = self.index(form)
        return None if i < 0 else self.base(i)

    def touch(self, form: str) -> Counter[str]:
        """The counts of ``form`` to change in place."""
        if form not in self.changed:
            self.changed[form] = self.get(form) or Counter()
        return self.changed[form]


class LexEntries(MutableMapping[str, "LexEntry"]):
    """Form → lexicon entry over :class:`FormCounts` and the tagset's forms: an entry is
    made from the counts when asked for; those set or deleted since are held beside."""

    def __init__(self, counts: FormCounts, listed: dict[str, set[str]]):
        self.counts, self.listed = counts, listed
        self.has = _has_entry(counts, listed)  # 1: the base form has an entry
        self.changed: dict[str, LexEntry | None] = {
            f: make_entry(f, None, tags) for f, tags in listed.items() if counts.index(f) < 0}
        self._len = sum(self.has) + sum(e is not None for e in self.changed.values())
        #: base entries made lately: the paragraphs on screen ask for the same few forms
        #: on every repaint (three times a suggestion), and a base entry never changes
        self._made: dict[str, LexEntry] = {}

    def __getitem__(self, form: str) -> LexEntry:
        entry = self.get(form)
        if entry is None:
            raise KeyError(form)
        return entry

    def get(self, form: str, default=None):  # type: ignore[override]
        """The entry of ``form`` or ``default``: what a repaint asks for every suggestion on
        screen, so without the mapping's ``KeyError`` round trip (and with the helper
        imported once: a function-level import costs a trip through PySide6's import hook)."""
        if form in self.changed:
            entry = self.changed[form]
            return default if entry is None else entry
        entry = self._made.get(form)
        if entry is not None:
            return entry
        i = self.counts.index(form)  # from the base counts: a form's entry changes
        entry = None if i < 0 or not self.has[i] else make_entry(  # only when set
            form, self.counts.base(i), self.listed.get(form))  # (see LexiconSource)
        if entry is None:
            return default
        if len(self._made) >= MADE_KEPT:
            self._made.clear()
        self._made[form] = entry
        return entry

    def __contains__(self, form: object) -> bool:
        """Without making the entry."""
        if form in self.changed:
            return self.changed[form] is not None
        if not isinstance(form, str):
            return False
        i = self.counts.index(form)
        return i >= 0 and bool(self.has[i])

    def __setitem__(self, form: str, entry: LexEntry) -> None:
        if form not in self:
            self._len += 1
        self.changed[form] = entry

    def __delitem__(self, form: str) -> None:
        if form not in self:
            raise KeyError(form)
        self.changed[form] = None
        self._len -= 1

    def __iter__(self) -> Iterator[str]:
        changed = self.changed
        for i, form in enumerate(self.counts.forms):
            if self.has[i] and form not in changed:
                yield form
        yield from (f for f, e in changed.items() if e is not None)

    def __len__(self) -> int:
        return self._len


def _has_entry(counts: FormCounts, listed: dict[str, set[str]]) -> bytearray:
    """Which base forms have an entry (:func:`~annotator.core.suggest.make_entry` is not
    None). Counted spans only (every count positive, every form some: a fresh table): so
    a form of two characters or more has an entry, and a shorter one when it has two spans
    or more; otherwise made to see."""
    from annotator.core.suggest import make_entry

    forms, starts, number = counts.forms, counts.starts, counts.number
    if (number and min(number) <= 0) or len(set(starts)) != len(starts):  # (not fresh)
        return bytearray(make_entry(f, counts.base(i), listed.get(f)) is not None
                         for i, f in enumerate(forms))
    has = bytearray(b"\1") * len(forms)
    for i in (i for i, f in enumerate(forms) if len(f) < 2):
        has[i] = sum(number[starts[i]:starts[i + 1]]) >= 2
    return has
