"""Exports, shared by the command line and the window: choose documents and layers, split,
and write one of the formats. Documents stream from the store one at a time; the files are
put in place only when all of them are written, so a failed or cancelled export leaves
nothing behind (:class:`annotator.formats.writers.Outputs`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.blind import Blind, hide
from annotator.core.dataset import Dataset, DocumentData
from annotator.core.errors import AnnotatorError, Cancelled
from annotator.core.store import ProjectStore
from annotator.formats import writers
from annotator.formats.select import SPLIT_NAMES, parse_ratios, select, split

#: format name -> (label shown in the window, writer(dataset, out, outputs, layer))
FORMATS: dict[str, tuple[str, Callable[[Dataset, Path, writers.Outputs, writers.Layer], None]]] = {
    "tei": ("TEI P5 stand-off (lossless)", writers.tei_standoff),
    "tei-inline": ("TEI P5 inline (one layer per file)", writers.tei_inline),
    "json": ("JSON (annotator dataset, lossless)", writers.json_dataset),
    "jsonl": ("JSONL + manifest (large corpora, lossless)", writers.jsonl_dataset),
    "doccano": ("doccano JSONL", writers.doccano),
    "brat": ("brat standoff (a folder: .txt + .ann per document)", writers.brat),
    "conll": ("CoNLL character BIO", writers.conll),
    "csv": ("CSV of spans (spreadsheets)", writers.csv_spans),
}


class ExportError(AnnotatorError):
    pass


@dataclass(frozen=True)
class ExportOptions:
    fmt: str
    out: Path
    annotators: frozenset[str] | None = None
    status: str = "all"
    groups: frozenset[str] | None = None
    doc_ids: frozenset[str] | None = None
    split: tuple[int, ...] | None = None
    seed: int = 0
    to_stdout: bool = False  # one stream to standard output (``out`` is then ``-``)
    tokens: str = "char"  # conll: a line per character or per word

    @classmethod
    def build(cls, fmt: str, out: Path, annotators=None, status: str = "all", groups=None,
              doc_ids=None, split: str | None = None, seed: int = 0,
              to_stdout: bool = False, tokens: str = "char") -> ExportOptions:
        """Options from loose values; ValueError with a readable message when wrong."""
        if fmt not in FORMATS:
            raise ValueError(f"unknown format '{fmt}' (known: {', '.join(FORMATS)})")
        if status not in ("all", "accepted", "gold"):
            raise ValueError(f"unknown review status '{status}' (all, accepted or gold)")
        if not str(out) or str(out) == ".":
            raise ValueError("choose where to save the export")
        if status == "gold" and annotators:
            raise ValueError("--status gold is the gold layer, nobody's own: it does not go "
                             "with --annotator (an annotator's spans are their own, not the "
                             "gold their review decisions made)")
        if to_stdout and fmt in FOLDERS:
            raise ValueError(f"{fmt} writes a folder (a file per document): it cannot go "
                             "to standard output")
        if fmt in FOLDERS and not to_stdout and Path(out).suffix.lower() in (".xml", ".ann"):
            raise ValueError(f"{fmt} writes a folder (a file per document), not one "
                             f"{Path(out).suffix} file: give the folder's name "
                             f"(e.g. {Path(out).stem})")
        if to_stdout and split:
            raise ValueError("--split writes a file per part: it cannot go to standard output")
        if tokens not in ("char", "word") or (tokens == "word" and fmt != "conll"):
            raise ValueError("tokens per word go with --format conll only")
        ratios = parse_ratios(split) if split else None
        as_set = lambda v: frozenset(v) if v else None  # noqa: E731
        return cls(fmt, Path(out), as_set(annotators), status, as_set(groups), as_set(doc_ids),
                   ratios, seed, to_stdout, tokens)


@dataclass
class ExportReport:
    fmt: str
    documents: int
    files: list[Path]
    notes: list[str] = field(default_factory=list)  # what the format could not carry
    to_stdout: bool = False

    def line(self) -> str:
        shown = ", ".join(str(f) for f in self.files[:3]) + (" …" if len(self.files) > 3 else "")
        shown = "standard output" if self.to_stdout else shown
        return "; ".join([f"exported {self.documents} documents as {self.fmt} to {shown}",
                          *self.notes])


def export(store: ProjectStore, options: ExportOptions, progress: Callable[[int, int], None] | None = None,
           cancelled: Callable[[], bool] = lambda: False, blind: Blind | None = None
           ) -> ExportReport:
    """Write the export; ``progress(done, total)`` after each document; ``cancelled()`` is
    polled between documents. An export that fails or is cancelled leaves nothing behind:
    no file, no ``.part``, no folder it made. ``blind``: what blind annotation hides from
    whoever exports (:mod:`annotator.core.blind`) stays out."""
    _check_choices(store, options)
    if not options.to_stdout:
        _check_destination(options)
    ids = [d.id for d in store.documents()
           if options.doc_ids is None or d.id in options.doc_ids]
    parts = {"": ids} if options.split is None else split(ids, options.split, options.seed)
    counter = _Counter(len(ids), progress, cancelled)
    writer = FORMATS[options.fmt][1]
    one = next(iter(options.annotators)) if options.annotators and len(
        options.annotators) == 1 else None
    layer = writers.Layer(one, gold=options.status == "gold", tokens=options.tokens)
    outputs = writers.ToStdout() if options.to_stdout else writers.Outputs()
    # JSON Lines writes the store's bare span rows (formats.jsonline.rows_json)
    bare = options.fmt == "jsonl" and (blind is None or not blind.on)
    try:
        for name, part_ids in parts.items():
            ds = select(store.dataset(part_ids, bare=bare, sources=False),
                        _set(options.annotators), options.status,
                        _set(options.groups), None)
            if blind is not None and blind.on:
                ds = replace(ds, documents=hide(blind, ds.documents))
            ds = replace(ds, documents=counter.count(ds.documents))
            writer(ds, _part_path(options.out, name), outputs, layer)
        outputs.commit()
    except BrokenPipeError:  # the reader of standard output stopped reading: not ours
        outputs.discard()
        raise
    except OSError as e:
        outputs.discard()
        where = "standard output" if options.to_stdout else e.filename or options.out
        raise ExportError(f"{where}: cannot write: "
                          f"{e.strerror or e}") from None
    except BaseException:
        outputs.discard()
        raise
    notes = [f"{path.name}: {note}" if len(parts) > 1 else note
             for path, note in outputs.notes]
    return ExportReport(options.fmt, counter.done, outputs.files, notes, options.to_stdout)


ONE_LAYER = ("tei-inline", "doccano", "brat", "conll")
#: formats that write a folder (a file per document)
FOLDERS = ("tei-inline", "brat")


def _check_choices(store: ProjectStore, options: ExportOptions) -> None:
    """Refuse a project with no tagset (its spans could not be named), filters that name
    nothing, and mixed layers where a format shows one."""
    tagset = store.tagset()
    if tagset is None:
        raise ExportError(f"{store.location}: the project has no tagset; load one "
                          f"with `annotator tagset {store.location} --load FILE`")
    known = {a.id for a in store.annotators()}
    for who in sorted(options.annotators or ()):
        if who not in known:
            raise ExportError(f"unknown annotator '{who}' (known: {', '.join(sorted(known))})")
    groups = {g.id for g in tagset.groups}
    for group in sorted(options.groups or ()):
        if group not in groups:
            raise ExportError(f"unknown tag group '{group}' (known: {', '.join(sorted(groups))})")
    single = options.status == "gold" or (options.annotators and len(options.annotators) == 1)
    if options.fmt in ONE_LAYER and not single and len(store.active_annotators()) > 1:
        raise ExportError(f"{options.fmt} shows one layer: choose --status gold or one "
                          "--annotator (several annotators' spans would be mixed)")


def _check_destination(options: ExportOptions) -> None:
    """A file where a folder is to be written, or a folder where a file is, is refused
    before anything is written."""
    out = options.out
    if options.fmt in FOLDERS or (options.fmt == "tei" and out.suffix.lower() != ".xml"):
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out}: cannot write: it is a file, and {options.fmt} "
                              "writes a folder")
        return
    names = [""] if options.split is None else SPLIT_NAMES[len(options.split)]
    for name in names:
        if _part_path(out, name).is_dir():
            raise ExportError(f"{_part_path(out, name)}: cannot write: it is a folder "
                              "(give a file name)")


def _set(values: frozenset[str] | None) -> set[str] | None:
    return set(values) if values is not None else None


def _part_path(out: Path, part: str) -> Path:
    if not part:
        return out
    return out.with_name(f"{out.stem}-{part}{out.suffix}")


class _Counter:
    def __init__(self, total: int, progress, cancelled):
        self.total, self.done, self.progress, self.cancelled = total, 0, progress, cancelled

    def count(self, documents) -> Iterator[DocumentData]:
        for doc in documents:
            if self.cancelled():
                raise Cancelled("export cancelled; nothing was written")
            yield doc
            self.done += 1
            if self.progress:
                self.progress(self.done, self.total)
