"""Each export format as ``writer(dataset, out, outputs, layer)``, writing its files through
an :class:`Outputs`: every file goes to a ``.part`` file beside its place, and only when the
whole export has been written are they all renamed into place (:meth:`Outputs.commit`); a
failed or cancelled export removes them, and the folders it made (:meth:`Outputs.discard`),
so it leaves nothing behind — not one file of a folder export or of a split."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from annotator.core.dataset import Dataset, DocumentData
from annotator.formats import conll as conll_fmt
from annotator.formats import csvfmt, jsonfmt
from annotator.formats import doccano as doccano_fmt


@dataclass(frozen=True)
class Layer:
    """Which spans a one-layer view shows: ``annotator``'s, or the ``gold`` layer (the
    dataset holds them already; this names them)."""

    annotator: str | None = None
    gold: bool = False
    tokens: str = "char"  # CoNLL: a line per character or per word


class Outputs:
    """The files of one export, staged as ``.part`` files until :meth:`commit`."""

    stdout = False  # see ToStdout

    def __init__(self) -> None:
        self.files: list[Path] = []  # where they go, in the order written
        self.notes: list[tuple[Path, str]] = []  # what a file could not carry, one line each
        self._parts: list[Path] = []
        self._made: list[Path] = []  # folders this export created

    @contextmanager
    def open(self, path: Path, mode: str = "w", newline: str | None = None) -> Iterator[IO]:
        """``path``'s ``.part`` file, open for writing; flushed to disk when closed."""
        self._make_folder(path.parent)
        part = path.with_name(path.name + ".part")
        self._parts.append(part)
        self.files.append(path)
        encoding = None if "b" in mode else "utf-8"
        with open(part, mode, encoding=encoding, newline=newline) as fp:
            yield fp
            fp.flush()
            os.fsync(fp.fileno())

    def _make_folder(self, folder: Path) -> None:
        missing = [p for p in (folder, *folder.parents) if not p.exists()]
        for p in reversed(missing):
            p.mkdir()
            self._made.append(p)

    def commit(self) -> None:
        """Every file into its place."""
        for part, path in zip(self._parts, self.files, strict=True):
            os.replace(part, path)
        self._parts.clear()

    def discard(self) -> None:
        """Remove the ``.part`` files and the folders made for them: nothing is left."""
        for part in self._parts:
            part.unlink(missing_ok=True)
        for folder in reversed(self._made):
            with suppress(OSError):  # something else was put there meanwhile: it stays
                folder.rmdir()
        self._parts.clear()


class ToStdout(Outputs):
    """The one stream of an export to standard output (UTF-8 whatever the locale); it
    cannot be taken back, so a failure is said after what was written (exit status 1)."""

    stdout = True

    @contextmanager
    def open(self, path: Path, mode: str = "w", newline: str | None = None) -> Iterator[IO]:
        sys.stdout.flush()
        stream = sys.stdout.buffer
        if "b" in mode:
            yield stream
            stream.flush()
            return
        fp = io.TextIOWrapper(stream, encoding="utf-8", newline=newline, write_through=True)
        try:
            yield fp
            fp.flush()
        finally:
            fp.detach()  # standard output stays open

    def commit(self) -> None:
        pass

    def discard(self) -> None:
        pass


def json_dataset(ds: Dataset, out: Path, outputs: Outputs, layer: Layer) -> None:
    with outputs.open(out) as fp:
        jsonfmt.write_json(ds, fp)


def jsonl_dataset(ds: Dataset, out: Path, outputs: Outputs, layer: Layer) -> None:
    if outputs.stdout:  # the document lines alone: a stream has no file beside it
        with outputs.open(out) as docs:
            jsonfmt.write_jsonl(ds, docs, io.StringIO())
        outputs.notes.append((out, "no manifest (the document lines alone went to standard "
                                   "output; importing them needs one)"))
        return
    with outputs.open(out) as docs, outputs.open(jsonfmt.manifest_path(out)) as head:
        jsonfmt.write_jsonl(ds, docs, head)


def doccano(ds: Dataset, out: Path, outputs: Outputs, layer: Layer) -> None:
    with outputs.open(out) as fp:
        doccano_fmt.write_doccano(ds, fp)


def brat(ds: Dataset, out: Path, outputs: Outputs, layer: Layer) -> None:
    """The folder ``out`` (named as given): ``annotation.conf`` and ``visual.conf`` for the
    tagset, and a ``.txt`` and ``.ann`` file per document (one layer, chosen already)."""
    from annotator.formats import brat_export

    with outputs.open(out / "annotation.conf") as conf, \
            outputs.open(out / "visual.conf") as visual:
        brat_export.write_conf(ds.tagset, conf, visual)
    stats = brat_export.BratStats()
    for data in ds.documents:
        name = data.document.id
        with outputs.open(out / f"{name}.txt", newline="") as fp:
            fp.write(data.document.text)
        with outputs.open(out / f"{name}.ann", newline="") as fp:
            brat_export.write_ann(data, fp, stats)
    outputs.notes += [(out, note) for note in stats.notes()]


class LeftOut:
    """Counts the relations of the documents an export streams through it, for a format
    that cannot carry them (CoNLL, CSV): the export says how many it left out, on the
    terminal or in the window, never dropping them without a word."""

    def __init__(self, ds: Dataset):
        self.relations = 0
        self.dataset = replace(ds, documents=self._count(ds.documents))

    def _count(self, documents: Iterable[DocumentData]) -> Iterator[DocumentData]:
        for data in documents:
            self.relations += len(data.relations)
            yield data

    def note(self, fmt: str) -> list[str]:
        if not self.relations:
            return []
        return [f"{self.relations} relations left out: {fmt} holds spans only (json, jsonl, "
                "tei, doccano and brat keep them)"]


def conll(ds: Dataset, out: Path, outputs: Outputs, layer: Layer) -> None:
    left = LeftOut(ds)
    with outputs.open(out) as fp:
        notes = conll_fmt.write_conll(left.dataset, fp, tokens=layer.tokens).notes()
    outputs.notes += [(out, note) for note in notes + left.note("CoNLL")]


def csv_spans(ds: Dataset, out: Path, outputs: Outputs, layer: Layer) -> None:
    left = LeftOut(ds)
    with outputs.open(out, newline="") as fp:
        csvfmt.write_csv(left.dataset, fp)
    outputs.notes += [(out, note) for note in left.note("CSV of spans")]


def tei_standoff(ds: Dataset, out: Path, outputs: Outputs, layer: Layer) -> None:
    """One ``teiCorpus`` file when ``out`` ends in .xml (or is standard output); otherwise
    the folder ``out`` (named as given) with one TEI file per document."""
    from annotator.formats import tei

    if out.suffix.lower() == ".xml" or outputs.stdout:
        with outputs.open(out, "wb") as fp:
            tei.write_standoff_corpus(fp, ds)
        return
    for data in ds.documents:
        with outputs.open(out / f"{data.document.id}.xml", "wb") as fp:
            fp.write(tei.to_bytes(tei.standoff_document(ds, data)))


def tei_inline(ds: Dataset, out: Path, outputs: Outputs, layer: Layer) -> None:
    """The folder ``out`` (named as given, like :func:`tei_standoff`'s) with one inline TEI
    file per document, showing the spans of ``ds`` (one layer, chosen already: ``layer``
    names it)."""
    from annotator.formats import tei
    from annotator.formats.tei_inline import layer_title

    title = layer_title(layer.annotator, layer.gold)
    for data in ds.documents:
        with outputs.open(out / f"{data.document.id}.xml", "wb") as fp:
            fp.write(tei.to_bytes(tei.inline_layer(ds, data.document, data.annotations,
                                                   title, data.relations)))
