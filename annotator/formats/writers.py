"""Each export format as ``writer(dataset, out, layer) -> files written``, written atomically: to a
``.part`` file first, renamed into place only when complete, removed on any failure."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from annotator.core.dataset import Dataset
from annotator.formats import conll as conll_fmt
from annotator.formats import csvfmt, jsonfmt
from annotator.formats import doccano as doccano_fmt


@contextmanager
def atomic(path: Path, mode: str = "w", newline: str | None = None) -> Iterator[IO]:
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    encoding = None if "b" in mode else "utf-8"
    try:
        with open(part, mode, encoding=encoding, newline=newline) as fp:
            yield fp
            fp.flush()
            os.fsync(fp.fileno())
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def json_dataset(ds: Dataset, out: Path, layer: str | None = None) -> list[Path]:
    with atomic(out) as fp:
        jsonfmt.write_json(ds, fp)
    return [out]


def jsonl_dataset(ds: Dataset, out: Path, layer: str | None = None) -> list[Path]:
    manifest = jsonfmt.manifest_path(out)
    with atomic(out) as docs, atomic(manifest) as head:
        jsonfmt.write_jsonl(ds, docs, head)
    return [out, manifest]


def doccano(ds: Dataset, out: Path, layer: str | None = None) -> list[Path]:
    with atomic(out) as fp:
        doccano_fmt.write_doccano(ds, fp)
    return [out]


def conll(ds: Dataset, out: Path, layer: str | None = None) -> list[Path]:
    with atomic(out) as fp:
        conll_fmt.write_conll(ds, fp)
    return [out]


def csv_spans(ds: Dataset, out: Path, layer: str | None = None) -> list[Path]:
    with atomic(out, newline="") as fp:
        csvfmt.write_csv(ds, fp)
    return [out]


def tei_standoff(ds: Dataset, out: Path, layer: str | None = None) -> list[Path]:
    """One ``teiCorpus`` file when ``out`` ends in .xml; otherwise a folder with one TEI
    file per document."""
    from annotator.formats import tei

    if out.suffix.lower() == ".xml":
        with atomic(out, "wb") as fp:
            tei.write_standoff_corpus(fp, ds)
        return [out]
    files = []
    for data in ds.documents:
        path = out / f"{data.document.id}.xml"
        with atomic(path, "wb") as fp:
            fp.write(tei.to_bytes(tei.standoff_document(ds, data)))
        files.append(path)
    return files


def tei_inline(ds: Dataset, out: Path, layer: str | None = None) -> list[Path]:
    """A folder with one inline TEI file per document, showing one layer: ``layer`` (an
    annotator id), or the gold layer when none is given."""
    from annotator.formats import tei

    only = layer
    files = []
    folder = out.with_suffix("") if out.suffix else out
    for data in ds.documents:
        path = folder / f"{data.document.id}.xml"
        with atomic(path, "wb") as fp:
            fp.write(tei.to_bytes(tei.inline_document(ds, data, annotator=only,
                                                      gold=only is None)))
        files.append(path)
    return files
