"""Reading a user's text file (tagsets, datasets, annotations) with one-line errors that
name the file, and strict JSON objects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.errors import InputError


def read_text(path: Path, encoding: str = "utf-8-sig", newline: str | None = None,
              what: str = "file") -> str:
    """The whole file as text; InputError("<path>: …") when it is missing, a folder, not
    UTF-8, or unreadable."""
    try:
        with path.open(encoding=encoding, newline=newline) as f:
            return f.read()
    except FileNotFoundError:
        raise InputError(path, f"{what} not found") from None
    except IsADirectoryError:
        raise InputError(path, f"is a folder, not a {what}") from None
    except UnicodeDecodeError as e:
        raise InputError(path, f"not UTF-8 text (byte 0x{e.object[e.start]:02x} at offset "
                               f"{e.start})") from None
    except OSError as e:
        raise InputError(path, f"cannot read {what}: {e.strerror or e}") from None


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` for :func:`json.loads` that refuses repeated keys."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key '{key}' in one object")
        out[key] = value
    return out
