"""The sequence labeller's features: for each character of a document, a fixed number of
64-bit keys, one per template, computed with numpy over the whole text at once.

A key is ``template << 56 | value``. The templates look at the text folded to simplified
characters and lower case (:func:`annotator.core.search.searchable`: one character for
one, so offsets stay the canonical text's):

* the character and its neighbours at -1 and +1, the pairs (-1, 0) and (0, +1) (wider
  windows cost more training time than they gave F1 on the demo corpus);
* the classes (Han, Latin, digit, punctuation, space, other) of -1, 0, +1 together;
* jieba's word around it: its position in the word (begin, middle, end, single) with the
  word's length, and the word itself with that position;
* the lexicon: the tag of the lexicon form covering the character (the longest found)
  with the position in the form — a lexicon built without the document in training
  (:func:`annotator.recommend.crf`), so the model learns how far to trust it;
* a bias.

The keys of a template never collide with another's; a word is keyed by a 48-bit digest
of its characters (stable across runs, unlike ``hash``).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from annotator.core import words
from annotator.core.search import searchable

TEMPLATES = ("c0", "c-1", "c+1", "c-1c0", "c0c+1", "class3", "word-shape", "word",
             "lexicon", "bias")
WIDTH = len(TEMPLATES)
_SHIFT = 56
_MASK = (1 << _SHIFT) - 1
_EDGE = 0x110000  # "no character here" (before the start, after the end)
#: Lexicon hits over a folded text: ``(start, end, tag)``
LexiconScan = Callable[[str], list[tuple[int, int, str]]]


def codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)


def _shifted(cp: np.ndarray, k: int) -> np.ndarray:
    """``cp`` moved by ``k`` (the character at i + k at i), :data:`_EDGE` past the ends."""
    out = np.full_like(cp, _EDGE)
    n = len(cp)
    if k > 0 and k < n:
        out[:n - k] = cp[k:]
    elif k < 0 and -k < n:
        out[-k:] = cp[:n + k]
    elif k == 0:
        out[:] = cp
    return out


def _class_of(ch: str) -> int:
    if ch.isspace():
        return 4
    if "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f":
        return 0
    if ch.isdigit():
        return 2
    if ch.isalpha():
        return 1
    return 3 if unicodedata.category(ch).startswith("P") else 5


def _classes(cp: np.ndarray) -> np.ndarray:
    """The class of each code point (each distinct one looked at once)."""
    uniq, inverse = np.unique(cp, return_inverse=True)
    table = np.array([_class_of(chr(c)) for c in uniq.tolist()], dtype=np.int64)
    return table[inverse.reshape(cp.shape)]


def _edge_class(shifted: np.ndarray) -> np.ndarray:
    return np.where(shifted == _EDGE, 6, shifted)


@lru_cache(maxsize=65536)
def _digest(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=6).digest(),
                          "little")


def _positions(starts: np.ndarray, ends: np.ndarray, n: int
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For pieces ``[starts[k], ends[k])`` covering some characters of a text of length
    ``n``: the characters covered, the piece of each, and each one's place in its piece
    (0 begin, 1 middle, 2 end, 3 a piece of one character)."""
    lengths = ends - starts
    piece = np.repeat(np.arange(len(starts)), lengths)
    at = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    length = lengths[piece]
    place = np.where(length == 1, 3, np.where(at == 0, 0, np.where(at == length - 1, 2, 1)))
    return starts[piece] + at, piece, place


@lru_cache(maxsize=512)
def _word_keys(folded: str, hmm: bool) -> tuple[np.ndarray, np.ndarray]:
    """Per character: its place in its word with the word's length (at most 4), and the
    word's digest with the place. The words of the last few hundred texts are kept: an
    evaluation trains many times on the same documents (the arrays are never changed)."""
    bounds, digests = _words(folded, hmm)
    chars, piece, place = _positions(bounds[:, 0], bounds[:, 1], len(folded))
    length = np.minimum(bounds[piece, 1] - bounds[piece, 0], 4)
    shape = np.zeros(len(folded), dtype=np.int64)
    ident = np.zeros(len(folded), dtype=np.int64)
    shape[chars] = place << 3 | length
    ident[chars] = digests[piece] << 2 | place
    return shape, ident


def _words(folded: str, hmm: bool) -> tuple[np.ndarray, np.ndarray]:
    """jieba's words of a folded text (those of :func:`annotator.core.words.segment`, in
    no particular order) as ``(k, 2)`` bounds, and their digests: the words of each run
    (cached by run), then every character outside the runs as a word of its own."""
    twice = searchable(folded)  # what words.segment cuts (the same but for rare chains)
    offsets: list[int] = []
    counts: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    digests: list[int] = []
    for at, run in words.runs(twice):
        s, e, d = _run_words(run, hmm)
        offsets.append(at)
        counts.append(len(s))
        starts += s
        ends += e
        digests += d
    shift = np.repeat(np.array(offsets, dtype=np.int64), counts)
    bounds = np.stack([np.array(starts, dtype=np.int64) + shift,
                       np.array(ends, dtype=np.int64) + shift], axis=1).reshape(-1, 2)
    if twice != folded:
        digests = [_digest(folded[a:b]) for a, b in bounds.tolist()]
    depth = np.zeros(len(folded) + 1, dtype=np.int64)
    depth[bounds[:, 0]] += 1  # words are disjoint: at most one starts and one ends at a place
    depth[bounds[:, 1]] -= 1
    single = np.nonzero(np.cumsum(depth[:-1]) == 0)[0]
    cps, inverse = np.unique(codepoints(folded)[single], return_inverse=True)
    single_digests = np.array([_digest(chr(c)) for c in cps.tolist()], dtype=np.int64)
    return (np.concatenate([bounds, np.stack([single, single + 1], axis=1)]),
            np.concatenate([np.array(digests, dtype=np.int64), single_digests[inverse]]))


@lru_cache(maxsize=65536)
def _run_words(run: str, hmm: bool) -> tuple[tuple[int, ...], tuple[int, ...],
                                              tuple[int, ...]]:
    """The starts, ends and digests of the words of one run."""
    cut = words.cut(run, hmm)
    return (tuple(s for s, _e in cut), tuple(e for _s, e in cut),
            tuple(_digest(run[s:e]) for s, e in cut))


def _lexicon_keys(folded: str, scan: LexiconScan | None, tags: dict[str, int]) -> np.ndarray:
    """Per character: 0, or 1 + the covering form's tag index × 4 + its place in it."""
    out = np.zeros(len(folded), dtype=np.int64)
    found = scan(folded) if scan is not None else []
    if not found:
        return out
    bounds = np.array([(s, e) for s, e, _t in found], dtype=np.int64)
    tag_ids = np.array([tags.setdefault(t, len(tags)) for _s, _e, t in found], dtype=np.int64)
    chars, piece, place = _positions(bounds[:, 0], bounds[:, 1], len(folded))
    out[chars] = 1 + tag_ids[piece] * 4 + place
    return out


def features(text: str, scan: LexiconScan | None = None,
             tags: dict[str, int] | None = None, hmm: bool = False) -> np.ndarray:
    """An ``(len(text), WIDTH)`` array of keys. ``scan`` finds lexicon forms in the folded
    text (None: no lexicon); ``tags`` numbers the lexicon's tags (grown as needed; keep
    it with the model so the same tag gets the same number)."""
    folded = searchable(text)
    cp = codepoints(folded)
    n = len(cp)
    if n == 0:
        return np.zeros((0, WIDTH), dtype=np.int64)
    prev, nxt = _shifted(cp, -1), _shifted(cp, 1)
    cls = _classes(cp)
    cls_p, cls_n = _edge_class(_shifted(cls, -1)), _edge_class(_shifted(cls, 1))
    shape, ident = _word_keys(folded, hmm)
    columns = [cp, prev, nxt, prev << 21 | cp, cp << 21 | nxt, cls_p << 6 | cls << 3 | cls_n,
               shape, ident, _lexicon_keys(folded, scan, tags if tags is not None else {}),
               np.zeros(n, dtype=np.int64)]
    out = np.empty((n, WIDTH), dtype=np.int64)
    for t, column in enumerate(columns):
        out[:, t] = (column & _MASK) | (t << _SHIFT)
    return out


class AttributeNames:
    """Short names for the keys, as CRFsuite attributes: the n-th key seen is named by n
    in base 62 (``0``…``z``, ``10``…). CRFsuite looks each attribute of each character
    up by name: a name of a few bytes costs it less to copy and compare than the key's
    18 hexadecimal digits, and does not change what it learns (it numbers attributes in
    the order it meets them, whatever their names)."""

    def __init__(self) -> None:
        self.keys: list[int] = []  # by number
        self._numbers: dict[int, int] = {}
        self._names: np.ndarray | None = None

    def number(self, keys: np.ndarray) -> np.ndarray:
        """The number of each key of an array (new keys get the next ones), int32."""
        uniq, inverse = np.unique(keys, return_inverse=True)
        numbers, known = self._numbers, self.keys
        for k in uniq.tolist():
            if k not in numbers:
                numbers[k] = len(known)
                known.append(k)
        self._names = None
        ids = np.array([numbers[k] for k in uniq.tolist()], dtype=np.int32)
        return ids[inverse.reshape(keys.shape)]

    def rows(self, numbers: np.ndarray) -> list[list[bytes]]:
        """The names of numbered keys, one list per row (every occurrence of a name is
        the same object)."""
        if self._names is None or len(self._names) < len(self.keys):
            self._names = np.array([short_name(n) for n in range(len(self.keys))],
                                   dtype=object)
        return self._names[numbers].tolist()

    def key_of(self, name: str) -> int:
        """The key named ``name``."""
        n = 0
        for ch in name:
            n = n * 62 + _VALUE[ch]
        return self.keys[n]


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_VALUE = {ch: i for i, ch in enumerate(_DIGITS)}


def short_name(n: int) -> bytes:
    """``n`` in base 62."""
    out = _DIGITS[n % 62]
    while n >= 62:
        n //= 62
        out = _DIGITS[n % 62] + out
    return out.encode("ascii")

