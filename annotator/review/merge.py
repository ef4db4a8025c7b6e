"""Bring colleagues' work together: merge their project files (or JSON/TEI exports) into
one project. Documents match by ``text_sha256``; every annotation and relation keeps its
annotator and id, so merging the same file twice changes nothing. A document whose text differs from
the stored one it stands for (same origin and title, other text) is refused and listed,
never re-anchored. A backup of the project is taken before every merge."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.dataset import Dataset, DocumentData
from annotator.core.errors import InputError, ProjectError
from annotator.core.store import ProjectStore
from annotator.formats import kinds
from annotator.store import Store, damage_of
from annotator.transfer import TransferReport, import_dataset


@dataclass
class MergeReport:
    source: str
    backup: Path | None = None
    transfer: TransferReport | None = None
    refused: list[str] = field(default_factory=list)  # documents whose text differs
    annotators: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [self.transfer.line()] if self.transfer else []
        if self.annotators:
            out.append(f"{self.source}: work of {', '.join(self.annotators)}")
        out += [f"{self.source}: refused {r}" for r in self.refused]
        return out


def read_other(path: Path) -> Dataset:
    """A colleague's work: a project file, or our JSON/JSONL/stand-off TEI export (told by
    :func:`annotator.formats.kinds.kind_of`, read within the import limits)."""
    if kinds.is_project(path):
        try:
            with Store.open(path) as other:
                ds = other.dataset()
                return replace(ds, documents=tuple(ds.documents))
        except ProjectError as e:
            raise _naming(path, e) from None
        except Exception as e:  # damage SQLite met in it, which its check at opening missed
            damage = damage_of(e, path)
            if damage is None:
                raise
            raise _naming(path, damage) from None
    kind = kinds.kind_of(path)
    if kind in kinds.DATASETS:
        return kinds.read_dataset(path, kind)
    if kind in kinds.LAYERS:
        raise InputError(path, f"a {kind} file is one annotator's layer: bring it in with "
                               "`annotator import PROJECT FILE --annotator NAME`")
    raise InputError(path, "not a project file, JSON, JSONL or stand-off TEI export")


def _naming(path: Path, error: ProjectError) -> InputError:
    """``error`` (whose message starts with the file it is about) as the one line naming
    ``path`` once."""
    text, prefix = str(error), f"{path}: "
    return InputError(path, text.removeprefix(prefix))


def _text_differs(store: ProjectStore, data: DocumentData) -> str | None:
    """The stored document ``data`` stands for, if its text is not the same."""
    doc = data.document
    if store.document_with_text(doc.text_sha256) is not None:
        return None
    for summary in store.documents():
        if summary.title != doc.title:
            continue
        stored = store.document(summary.id)
        if doc.origin and stored.origin and Path(doc.origin).name == Path(stored.origin).name:
            return f"document '{doc.title}' ({doc.id}): its text differs from stored " \
                   f"document {stored.id}; not re-anchored"
    return None


def merge(store: ProjectStore, path: Path) -> MergeReport:
    ds = read_other(path)
    report = MergeReport(str(path), annotators=[a.name for a in ds.annotators])
    keep = []
    for data in ds.documents:
        reason = _text_differs(store, data)
        if reason:
            report.refused.append(reason)
        else:
            keep.append(data)
    report.backup = store.backup("before-merge")
    report.transfer = import_dataset(store, replace(ds, documents=tuple(keep)), str(path))
    return report
