"""Chinese words: jieba's segmentation of a document's canonical text, in its code points.

jieba (its own dictionary, shipped with it; nothing is downloaded) is loaded the first time
words are asked for — about half a second, and its dictionary in memory — never when the
program starts. It segments the text folded to simplified characters
(:func:`annotator.core.search.searchable`, one character for one), so a traditional text
gets the words its simplified twin would, at the same offsets: the canonical text is never
changed, and a word is ``[start, end)`` over it like a span.

jieba cuts at every character that is not a Han character, a Latin letter or a digit, so a
paragraph (or any stretch between two such characters) is segmented on its own: asking for
the word at one place segments only the stretch around it, in microseconds, whatever the
length of the document.

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import logging
import re
import threading
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from annotator.core.search import searchable

_lock = threading.Lock()
_tokenizer: Any = None
#: what jieba keeps together in one block (its ``re_han_default``; a word never spans
#: anything else)
_BLOCK_EXTRA = set("+#&._%-")
_RUN = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+")


def tokenizer() -> Any:
    """jieba's tokenizer, loaded once (thread-safe); its dictionary cache lives in the
    user's cache folder instead of the system's temporary one."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import jieba  # noqa: PLC0415 (half a second: only when words are wanted)
            import platformdirs

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            cache = platformdirs.user_cache_dir("annotator", appauthor=False)
            try:
                from pathlib import Path

                Path(cache).mkdir(parents=True, exist_ok=True)
                tk.tmp_dir = cache
            except OSError:  # jieba falls back to the system's temporary folder
                pass
            tk.initialize()
            _tokenizer = tk
        return _tokenizer


def loaded() -> bool:
    """jieba has been loaded in this process."""
    return _tokenizer is not None


def segment(text: str, hmm: bool = True) -> list[tuple[int, int]]:
    """Every word of ``text`` as ``(start, end)``, in order, covering it without gaps
    (whitespace and punctuation are words of one character). ``hmm``: let jieba guess
    words its dictionary lacks (names), a little slower.

    jieba cuts each run of Han characters, Latin letters and digits on its own and gives
    every other character as a word; so does this, asking jieba once per distinct run
    (:func:`_cut`: the same phrases recur throughout a corpus)."""
    folded = searchable(text)
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _RUN.finditer(folded):
        out += [(i, i + 1) for i in range(pos, m.start())]
        out += [(m.start() + s, m.start() + e) for s, e in _cut(m.group(), hmm)]
        pos = m.end()
    out += [(i, i + 1) for i in range(pos, len(folded))]
    return out


def runs(folded: str) -> Iterator[tuple[int, str]]:
    """``(start, run)`` of each stretch of a folded text that jieba cuts on its own (the
    characters between them are words of one character)."""
    for m in _RUN.finditer(folded):
        yield m.start(), m.group()


def cut(run: str, hmm: bool = True) -> tuple[tuple[int, int], ...]:
    """The words of one of the :func:`runs` as ``(start, end)`` in it (cached)."""
    return _cut(run, hmm)


@lru_cache(maxsize=200_000)
def _cut(run: str, hmm: bool) -> tuple[tuple[int, int], ...]:
    out, pos = [], 0
    for word in tokenizer().cut(run, HMM=hmm):
        out.append((pos, pos + len(word)))
        pos += len(word)
    if pos != len(run):  # never seen: jieba gives back every character it is given
        raise ValueError("jieba's words do not add up to the text")
    return tuple(out)


def starts(text: str, hmm: bool = True) -> list[int]:
    """The offset where each word of ``text`` starts (0 first; the text's length is not
    included)."""
    return [s for s, _e in segment(text, hmm)]


def _joins(ch: str) -> bool:
    """A character jieba may put in one block with its neighbours."""
    return ch.isalnum() or ch in _BLOCK_EXTRA


def block(text: str, pos: int) -> tuple[int, int]:
    """The stretch around ``pos`` that jieba segments on its own: the run of characters
    it keeps together (Han, Latin, digits), or the one character at ``pos``."""
    if not 0 <= pos < len(text) or not _joins(text[pos]):
        return pos, min(pos + 1, len(text))
    start, end = pos, pos + 1
    while start > 0 and _joins(text[start - 1]):
        start -= 1
    while end < len(text) and _joins(text[end]):
        end += 1
    return start, end


@lru_cache(maxsize=512)
def _block_words(piece: str) -> tuple[int, ...]:
    return tuple(starts(piece))


def word_at(text: str, pos: int) -> tuple[int, int]:
    """The word holding the character at ``pos`` (``(pos, pos)`` outside the text)."""
    if not 0 <= pos < len(text):
        return pos, pos
    b0, b1 = block(text, pos)
    firsts = _block_words(text[b0:b1])
    k = bisect_right(firsts, pos - b0) - 1
    end = firsts[k + 1] if k + 1 < len(firsts) else b1 - b0
    return b0 + firsts[k], b0 + end


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to whole words: from the start of the word holding its
    first character to the end of the word holding its last (unchanged when empty)."""
    if start >= end:
        return start, end
    return word_at(text, start)[0], word_at(text, end - 1)[1]


def words_in(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, word)`` of every word that is not whitespace, in order."""
    for s, e in segment(text):
        if not text[s:e].isspace():
            yield s, e, text[s:e]
