"""Turn the bytes of a text file into ``str``, guessing the encoding.

Order: byte-order marks, strict UTF-8, BOM-less UTF-16 (only when the NUL bytes
clearly say so), then the legacy Chinese encodings GB18030 and Big5, chosen by
how plausible the decoded characters are as Chinese text.  Anything else is
rejected with :class:`~annotator.core.errors.InputError`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from annotator.core.errors import InputError

__all__ = ["Decoded", "decode_bytes", "text_score"]

# Longest BOM first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\x0b\x0c")
#: the characters :func:`_is_control` accepts, as one regex class (counted at C speed)
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.05  # more control characters than this: binary data
_MIN_LEGACY_SCORE = 0.6  # below this a GB18030/Big5 decoding is not text
_MIN_UTF16_SCORE = 0.8
_MIN_UTF16_ASCII = 0.3  # BOM-less UTF-16 is only recognised for ASCII-heavy text
_SCORE_SAMPLE = 200_000  # characters looked at when scoring a long text
_BAD_WEIGHT = 4  # a private-use/unassigned/control char counts as this many rare ones

_NOT_TEXT = "not text: cannot decode as UTF-8, UTF-16, GB18030 or Big5"


@dataclass(frozen=True)
class Decoded:
    text: str  # decoded text, BOM removed; line ends not normalised
    encoding: str  # canonical codec name, e.g. 'utf-8', 'gb18030', 'big5'
    confidence: float  # 0..1


def decode_bytes(data: bytes, path: str | None = None) -> Decoded:
    """Decode ``data`` (the whole content of ``path``) or raise ``InputError``."""
    if not data:
        raise InputError(path, "file is empty")
    result = _decode_bom(data, path)
    if result is None:
        if b"\x00" in data:
            result = _decode_nul_data(data, path)
        else:
            result = _decode_utf8(data) or _decode_legacy(data, path)
    if not result.text.replace("\ufeff", "").strip():
        raise InputError(path, "file is empty")
    _check_controls(result.text, path)
    return result


# -- the steps -------------------------------------------------------------------


def _decode_bom(data: bytes, path: str | None) -> Decoded | None:
    marked = [(bom, enc) for bom, enc in _BOMS if data.startswith(bom)]
    for bom, encoding in marked:
        try:
            text = data[len(bom) :].decode(encoding.removesuffix("-sig"))
        except UnicodeDecodeError:
            continue
        return Decoded(text, encoding, 1.0)
    if marked:
        raise InputError(path, f"not text: byte-order mark says {marked[0][1]} but data is not")
    return None


def _decode_utf8(data: bytes) -> Decoded | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return Decoded(text, "utf-8", 1.0 if text.isascii() else 0.99)


def _decode_nul_data(data: bytes, path: str | None) -> Decoded:
    """Data with NUL bytes and no BOM: UTF-16 if the NULs line up, else binary."""
    encoding = _utf16_by_nul_parity(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = None
        if text is not None and _looks_like_utf16_text(text):
            return Decoded(text, encoding, round(0.9 * text_score(text), 3))
    raise InputError(path, f"binary data (NUL bytes at offset {data.index(0)})")


def _looks_like_utf16_text(text: str) -> bool:
    """ASCII-heavy (that is what puts NULs on every other byte) and plausible."""
    sample = text[:_SCORE_SAMPLE]
    ascii_share = sum(1 for ch in sample if ch.isascii()) / len(sample)
    return (
        ascii_share >= _MIN_UTF16_ASCII
        and _control_share(sample) <= _MAX_CONTROL_SHARE
        and text_score(sample) >= _MIN_UTF16_SCORE
    )


def _utf16_by_nul_parity(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when every NUL sits on one byte parity."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd and not even:
        return "utf-16-le"  # 'a\0' 'b\0': high bytes (odd offsets) are NUL
    if even and not odd:
        return "utf-16-be"
    return None


def _decode_legacy(data: bytes, path: str | None) -> Decoded:
    candidates = []
    for group in (("gb18030",), ("big5", "big5hkscs")):
        for encoding in group:  # first codec of a group that decodes wins
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            candidates.append((text_score(text), encoding, text))
            break
    if not candidates:
        raise InputError(path, _NOT_TEXT)
    # Highest score wins; on a tie the earlier (GB18030) one.
    candidates.sort(key=lambda c: -c[0])
    best_score, encoding, text = candidates[0]
    if best_score < _MIN_LEGACY_SCORE:
        _check_controls(text, path)
        raise InputError(path, _NOT_TEXT)
    runner_up = candidates[1][0] if len(candidates) > 1 else 0.0
    return Decoded(text, encoding, _legacy_confidence(best_score, runner_up))


def _legacy_confidence(best: float, runner_up: float) -> float:
    margin = min(1.0, (best - runner_up) / 0.3)
    return round(min(1.0, best) * (0.6 + 0.4 * margin), 3)


def _check_controls(text: str, path: str | None) -> None:
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(path, "binary data (too many control characters)")


def _control_share(text: str) -> float:
    sample = text[:_SCORE_SAMPLE]
    if not sample:
        return 0.0
    return len(_CONTROL_RE.findall(sample)) / len(sample)


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return (code < 0x20 or 0x7F <= code <= 0x9F) and ch not in _ALLOWED_CONTROLS


# -- plausibility -----------------------------------------------------------------


def text_score(text: str) -> float:
    """How much ``text`` looks like real (Chinese or English) text, 0..1.

    Only non-ASCII characters are judged: common CJK ideographs (GB2312 level 1
    or Big5 level 1), CJK punctuation and other symbols are good; rare
    ideographs and letters of other scripts (what a wrong legacy decoding
    produces) are not; private-use, unassigned and control characters weigh
    heavily against.  Pure ASCII text scores 1 unless it has control characters.
    """
    kinds = {"ascii": 0, "good": 0, "rare": 0, "bad": 0}
    for ch, n in Counter(text[:_SCORE_SAMPLE]).items():  # each distinct character once
        kinds[_char_kind(ch)] += n
    good, rare, bad = kinds["good"], kinds["rare"], kinds["bad"]
    total = good + rare + _BAD_WEIGHT * bad
    return good / total if total else 1.0


def _char_kind(ch: str) -> str:
    """'ascii', 'good', 'rare' or 'bad' for one character."""
    code = ord(ch)
    if code < 0x80:
        return "bad" if _is_control(ch) else "ascii"
    if _is_cjk_ideograph(code):
        return "good" if ch in _common_hanzi() else "rare"
    category = unicodedata.category(ch)
    if category in ("Co", "Cn", "Cs", "Cc"):
        return "bad"
    if 0xFF01 <= code <= 0xFFEF or 0xC0 <= code <= 0x24F:
        return "good"  # full-width forms; Latin letters with accents (pinyin tones)
    if category.startswith("L") or 0x2500 <= code <= 0x259F:
        return "rare"  # kana, Greek, Cyrillic, Hangul, box drawing ...
    return "good"  # punctuation, symbols, digits, spaces


def _is_cjk_ideograph(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
    )


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """GB2312 level 1 (rows 0xB0-0xD7) plus Big5 level 1 (0xA440-0xC67E)."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            chars.update(_decode_pair(lead, trail, "gb2312"))
    trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    for lead in range(0xA4, 0xC7):
        for trail in trails:
            if (lead << 8 | trail) <= 0xC67E:
                chars.update(_decode_pair(lead, trail, "big5"))
    return frozenset(chars)


def _decode_pair(lead: int, trail: int, encoding: str) -> str:
    return bytes((lead, trail)).decode(encoding, errors="ignore")
