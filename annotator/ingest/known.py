"""Files imported before, recognised before they are read and cleaned again.

A document made from a whole file (a text, a web page) keeps the file's key
(:attr:`~annotator.core.document.Document.file_key`): the SHA-256 of the cleaning's
version, the cleaning rules asked for and the file's bytes. Importing a folder again (the rest of an interrupted
import, or a folder that grew) reads each file's bytes, asks the project which keys it
holds, and skips those files unread: they are reported as the duplicates they are, as
before, without decoding and cleaning them first (most of a re-run's time). A changed
file, or the same file with other rules, has another key and is imported as before; so
is a file whose document was deleted since. A file of records (JSON, JSON Lines) gives
several documents and keeps no key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from annotator.core.errors import InputError
from annotator.formats.kinds import DOCUMENT_SUFFIXES, RECORD_SUFFIXES
from annotator.ingest import limits
from annotator.ingest.rules import RULE_NAMES

#: ``{file key: document id}`` of the stored documents with one of these keys
Lookup = Callable[[Sequence[str]], dict[str, str]]


class Imported(NamedTuple):
    """A file whose document is stored already (same bytes, same rules): not read."""

    origin: str
    doc_id: str


#: what a key vouches for besides the bytes and the rules' names: bump it whenever decoding,
#: HTML extraction or a rule makes something else of the same bytes, so that importing a
#: folder again after the upgrade reads its files again instead of skipping them
CLEANING_VERSION = 1


def file_key(data: bytes, rules: Iterable[str] | None) -> str:
    """The key of a file's bytes read with these cleaning rules (None: all), by this
    version of the cleaning (:data:`CLEANING_VERSION`)."""
    names = [f"cleaning {CLEANING_VERSION}", *sorted(set(RULE_NAMES if rules is None
                                                         else rules))]
    digest = hashlib.sha256("\n".join(names).encode("utf-8") + b"\0")
    digest.update(data)
    return digest.hexdigest()


def keyed(path: Path) -> bool:
    """Whether a file of this name gives one document, which keeps its key."""
    suffix = path.suffix.lower()
    return suffix in DOCUMENT_SUFFIXES and suffix not in RECORD_SUFFIXES


def already_imported(files: list[Path], rules: Iterable[str] | None,
                     lookup: Lookup) -> dict[Path, Imported]:
    """The files among ``files`` whose document is stored (their bytes read, not decoded);
    a file that cannot be read is left to the import to report."""
    keys: dict[Path, str] = {}
    for path in files:
        if keyed(path):
            try:
                keys[path] = file_key(limits.read_bytes(path), rules)
            except InputError:
                continue
    stored = lookup(sorted(set(keys.values())))
    return {path: Imported(str(path), stored[key]) for path, key in keys.items()
            if key in stored}
