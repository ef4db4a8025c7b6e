"""Character-level BIO (CoNLL-style) export for Chinese NER.

One character (code point) per line, ``char<TAB>label``, labels ``B-actor.igo``,
``I-actor.igo`` or ``O`` (``label="group"`` writes ``B-actor`` …). Each paragraph (the text
split on ``"\\n"``) is one sentence followed by a blank line; empty paragraphs are left out.

Whitespace: by default whitespace characters (spaces, tabs, ``\\r``, U+3000 ideographic
space …) are **skipped**, because spaCy's ``convert`` and Hugging Face token-classification
loaders split lines on whitespace and would see an empty token. Joining a sentence's
characters gives the paragraph without its whitespace. With ``placeholder="[SPACE]"`` (any
non-empty string without whitespace) each whitespace character is written as that token
instead, so the text can be rebuilt position for position. A span keeps its label across
skipped whitespace; a span that crosses a paragraph break starts again with ``B-`` in the
next sentence.

BIO cannot represent overlapping or nested spans: :func:`non_overlapping` keeps a subset,
longest first, then earliest, and the writers count what was dropped (:class:`ConllStats`).

``tokens="word"`` writes one line per Chinese word instead (jieba's words of the canonical
text, :mod:`annotator.core.words`): a word takes the label of the span covering its first
character (``B-`` when the span starts in that word); spans that do not start and end on
word boundaries are counted (:attr:`ConllStats.misaligned`), as a word cannot carry them
exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from annotator.core.annotation import Annotation
from annotator.core.dataset import Dataset

LABELS = ("tag", "group")
TOKENS = ("char", "word")


@dataclass
class ConllStats:
    documents: int = 0
    sentences: int = 0
    spans: int = 0  # spans written
    dropped: int = 0  # spans left out: overlapping another, or only whitespace
    overlapping: int = 0  # of those, the ones left out for overlapping a longer (earlier) one
    dropped_ids: list[str] = field(default_factory=list)
    misaligned: int = 0  # word tokens: spans starting or ending inside a word

    def notes(self) -> list[str]:
        """What the export could not carry, one line each (none when it carried it all)."""
        out = []
        if self.overlapping:
            out.append(f"{self.overlapping} overlapping spans left out: BIO gives each "
                       "character one label (of spans that overlap, the longest is kept)")
        if self.dropped > self.overlapping:
            out.append(f"{self.dropped - self.overlapping} spans of only whitespace left out")
        if self.misaligned:
            out.append(f"{self.misaligned} spans do not start and end on word boundaries "
                       "(each word takes the label of its first character)")
        return out


def non_overlapping(spans: Iterable[Annotation]) -> tuple[list[Annotation], list[Annotation]]:
    """``(kept, dropped)``: a greedy non-overlapping subset, longest spans first, then the
    earliest; ``kept`` is in text order."""
    order = sorted(spans, key=lambda a: (a.start - a.end, a.start, a.end, a.tag, a.id))
    taken = bytearray(max((a.end for a in order), default=0))
    kept, dropped = [], []
    for a in order:
        if any(taken[a.start:a.end]):
            dropped.append(a)
            continue
        taken[a.start:a.end] = b"\x01" * (a.end - a.start)
        kept.append(a)
    kept.sort(key=lambda a: (a.start, a.end))
    return kept, dropped


def _label(tag: str, label: str) -> str:
    return tag.split(".", 1)[0] if label == "group" else tag


def _check_options(label: str, placeholder: str | None, tokens: str = "char") -> None:
    if tokens not in TOKENS:
        raise ValueError(f"tokens must be one of {', '.join(TOKENS)}, not {tokens!r}")
    if label not in LABELS:
        raise ValueError(f"label must be one of {', '.join(LABELS)}, not {label!r}")
    if placeholder is not None and (not placeholder or any(c.isspace() for c in placeholder)):
        raise ValueError("placeholder must be a non-empty string without whitespace")


def conll_lines(text: str, annotations: Iterable[Annotation], *, label: str = "tag",
                placeholder: str | None = None, stats: ConllStats | None = None,
                tokens: str = "char") -> Iterator[str]:
    """The lines (without ``"\\n"``) of one document; a sentence ends with ``""``."""
    _check_options(label, placeholder, tokens)
    stats = stats if stats is not None else ConllStats()
    kept, dropped = non_overlapping(annotations)
    owner = [-1] * len(text)
    for k, a in enumerate(kept):
        owner[a.start:a.end] = [k] * (a.end - a.start)
    written: set[int] = set()
    pos = 0
    sentence = _word_sentence if tokens == "word" else _sentence
    if tokens == "word":
        stats.misaligned += _misaligned(text, kept)
    for para in text.split("\n"):
        yield from sentence(text, pos, pos + len(para), owner, kept, label, placeholder,
                            written, stats)
        pos += len(para) + 1
    lost = [a for k, a in enumerate(kept) if k not in written] + dropped
    stats.spans += len(kept) - (len(lost) - len(dropped))
    stats.dropped += len(lost)
    stats.overlapping += len(dropped)
    stats.dropped_ids.extend(a.id for a in lost)


def _sentence(text: str, start: int, end: int, owner: list[int], kept: list[Annotation],
              label: str, placeholder: str | None, written: set[int], stats: ConllStats
              ) -> Iterator[str]:
    """A paragraph as characters."""
    return _labelled(((text[i], i) for i in range(start, end)), owner, kept, label,
                     placeholder, written, stats)


def _word_sentence(text: str, start: int, end: int, owner: list[int], kept: list[Annotation],
                   label: str, placeholder: str | None, written: set[int], stats: ConllStats
                   ) -> Iterator[str]:
    """A paragraph as words: each labelled by the span covering its first character."""
    from annotator.core import words

    return _labelled(((text[start + s:start + e], start + s)
                      for s, e in words.segment(text[start:end])),
                     owner, kept, label, placeholder, written, stats)


def _labelled(tokens: Iterable[tuple[str, int]], owner: list[int], kept: list[Annotation],
              label: str, placeholder: str | None, written: set[int], stats: ConllStats
              ) -> Iterator[str]:
    """One line per token (its text, the code point it starts at) with its IOB label,
    then the sentence's blank line; whitespace tokens become ``placeholder`` or go."""
    previous, count = -1, 0
    for token, at in tokens:
        if token.isspace():
            if placeholder is None:
                continue
            token = placeholder
        k = owner[at]
        if k < 0:
            yield f"{token}\tO"
        else:
            prefix = "I" if k == previous else "B"
            yield f"{token}\t{prefix}-{_label(kept[k].tag, label)}"
            written.add(k)
        previous, count = k, count + 1
    if count:
        stats.sentences += 1
        yield ""


def _misaligned(text: str, kept: list[Annotation]) -> int:
    from annotator.core import words

    return sum(1 for a in kept if words.word_at(text, a.start)[0] != a.start
               or words.word_at(text, a.end - 1)[1] != a.end)


def write_conll(ds: Dataset, fp: IO[str], *, label: str = "tag",
                placeholder: str | None = None, docstart: bool = False,
                tokens: str = "char") -> ConllStats:
    """Write every document (streamed); ``docstart`` puts a ``-DOCSTART-<TAB>O`` sentence
    before each document (CoNLL-2003 style); ``tokens``: a line per character or per
    word. Returns what was written and dropped."""
    _check_options(label, placeholder, tokens)
    stats = ConllStats()
    for data in ds.documents:
        if docstart:
            fp.write("-DOCSTART-\tO\n\n")
        for line in conll_lines(data.document.text, data.annotations, label=label,
                                placeholder=placeholder, stats=stats, tokens=tokens):
            fp.write(line + "\n")
        stats.documents += 1
    return stats
