"""What a document's canonical text may not hold, said the same way by every importer that
takes a text as it is (our JSON, JSON Lines and TEI, doccano, brat, merge) and by the XML
writers (for projects made before the importers refused it).

Canonical text never holds a character XML 1.0 cannot carry
(:func:`annotator.core.document.unsafe_char`): C0 controls other than tab and line feed, a
carriage return (line ends are ``\\n``), half a surrogate pair, U+FFFE or U+FFFF.
"""

from __future__ import annotations

from annotator.core.document import unsafe_char

_NAMES = {0x0: "NUL: binary data?", 0xD: "a carriage return; line ends are \\n",
          0xFFFE: "a noncharacter", 0xFFFF: "a noncharacter"}


def describe(offset: int, char: str) -> str:
    """``"U+000B (a control character) at offset 1"``."""
    code = ord(char)
    name = "half a surrogate pair" if 0xD800 <= code <= 0xDFFF else _NAMES.get(
        code, "a control character")
    return f"U+{code:04X} ({name}) at offset {offset}"


def unsafe_reason(text: str) -> str | None:
    """Why ``text`` cannot be a document's text (naming the first character it may not
    hold, and where), or ``None`` when it can."""
    found = unsafe_char(text)
    if found is None:
        return None
    offset, _ = found
    return f"its text holds {describe(offset, text[offset])}, which a document's text may " \
           "not hold"
