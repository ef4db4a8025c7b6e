"""What an importer will read, checked before anything is parsed.

A file that is too large, not a regular file, far denser with markup than any document, or
nested too deeply is refused in milliseconds and in little memory with an
:class:`InputError` naming it, instead of being read, parsed and found wrong later (or
taking the machine's memory with it: a parsed element or JSON object costs 20-40 times the
bytes that spell it).
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError

MAX_BYTES = 50 * 1024 * 1024
#: a news page has a few thousand elements; extraction costs ~30 µs per element
MAX_HTML_TAGS = 100_000
#: nesting of free-form values (document metadata, span attributes)
MAX_DEPTH = 64
#: fewer bytes than these per tag or attribute (XML), or per object or list (JSON), is no
#: document: ours and other tools' exports spell one in 16-20 (XML) or 20-200 (JSON) bytes
_XML_BYTES_PER_NODE = 8
_JSON_BYTES_PER_NODE = 16
_FREE_NODES = 100_000


def check_size(path: str | Path) -> int:
    """The size of the regular file at ``path``; :class:`InputError` when it is missing, not
    a regular file (a folder, a device, a pipe) or larger than :data:`MAX_BYTES`."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror or e}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "not a regular file")
    if info.st_size > MAX_BYTES:
        raise InputError(path, f"file too large ({info.st_size / 1e6:.1f} MB; the limit is "
                               f"{MAX_BYTES / 1e6:.0f} MB)")
    return info.st_size


def read_bytes(path: str | Path) -> bytes:
    """The whole file, after :func:`check_size`; never more than :data:`MAX_BYTES` + 1
    bytes are read, even from a file that grows while it is read."""
    check_size(path)
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror or e}") from None
    if len(data) > MAX_BYTES:
        raise InputError(path, f"file too large (the limit is {MAX_BYTES / 1e6:.0f} MB)")
    return data


def _too_dense(nodes: int, size: int, per_node: int) -> bool:
    return nodes > _FREE_NODES + size // per_node


def check_markup(data: bytes, path: str | Path | None, line: int | None = None) -> None:
    """Refuse XML with more tags and attributes than its size allows a document."""
    nodes = data.count(b"<") + data.count(b"=")
    if _too_dense(nodes, len(data), _XML_BYTES_PER_NODE):
        raise InputError(path, f"too much markup for its size ({nodes:,} tags and attributes "
                               f"in {len(data):,} bytes): not a document", line)


def check_json(text: str, path: str | Path | None, line: int | None = None) -> None:
    """Refuse JSON with more objects and lists than its size allows a document."""
    nodes = text.count("{") + text.count("[")
    if _too_dense(nodes, len(text), _JSON_BYTES_PER_NODE):
        raise InputError(path, f"too many JSON objects and lists for its size ({nodes:,} in "
                               f"{len(text):,} characters): not a document", line)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def parse_json(text: str, path: str | Path | None, line: int | None = None, **options) -> Any:
    """``json.loads(text, **options)`` for untrusted text: refused with an
    :class:`InputError` when it is too dense (:func:`check_json`), nested deeper than the
    parser can go, or holds half a surrogate pair (``"\\ud800"``, which no file or
    database can store). A syntax error is left to the caller (``json.JSONDecodeError``)."""
    check_json(text, path, line)
    try:
        value = json.loads(text, **options)
        if _SURROGATE_ESCAPE.search(text):
            json.dumps(value, ensure_ascii=False).encode("utf-8")
    except RecursionError:
        raise InputError(path, "invalid JSON: nested too deeply", line) from None
    except UnicodeEncodeError:
        raise InputError(path, "invalid JSON: a \\u escape is half of a surrogate pair, "
                               "not a character", line) from None
    return value


#: the end of the message for an error no reader check foresaw (tests look for it)
UNFORESEEN = "please report this"


@contextmanager
def reading(path: str | Path | None) -> Iterator[None]:
    """Around a reader (no project is touched inside): whatever a parser may still raise on
    input nobody foresaw becomes one :class:`InputError` naming the file, not a traceback."""
    try:
        yield
    except InputError:
        raise
    except MemoryError:
        raise InputError(path, "not enough memory to read it") from None
    except RecursionError:
        raise InputError(path, "nested too deeply") from None
    except (ValueError, LookupError, TypeError, AttributeError, ArithmeticError) as e:
        detail = " ".join(str(e).split())[:200]
        raise InputError(path, f"cannot be read: {type(e).__name__}: {detail} "
                               f"({UNFORESEEN})") from None


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether lists and objects in ``value`` nest more than ``limit`` levels (iterative, so
    any depth can be asked about)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(
            item, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False
