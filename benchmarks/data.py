"""Generated benchmark data, built once into a cache folder keyed by :data:`GENERATOR_VERSION`
and the sizes, so repeated runs reuse it (``suite.py --rebuild`` builds it again).

* the long document: seed-corpus sentences in 130-character paragraphs (an astral 𠮷 now
  and then) with randomly placed spans of 2–8 characters, some overlapping;
* the corpus: documents made of random runs of the seed corpus's sentences (one in five
  from the traditional-script seed), each annotated by two annotators who mostly agree
  (same span, a boundary off by one, another tag, or only one of them marks it);
* the import folder: the same kind of texts as ``.txt`` files with scraping noise for
  the cleaning rules (zero-width spaces, image placeholders, CRLF line ends, GB18030).

Change :data:`GENERATOR_VERSION` whenever the output of a generator changes.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.core.annotation import Annotation, Annotator
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.relations import Relation
from annotator.core.tagset import default_tagset
from annotator.store import Store

GENERATOR_VERSION = 1
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ANNOTATORS = (Annotator("lin", "Lin"), Annotator("wang", "Wang"))
STAMP = "2025-01-01T00:00:00.000+00:00"


def seed_id(rng: random.Random) -> str:
    """A uuid4-shaped id drawn from ``rng``, so generated data is the same every time."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


# --- the long document --------------------------------------------------------------------
def make_text(chars: int = 1_000_000) -> str:
    source = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    words = [w for w in source.replace("\n", "").split("。") if w]
    rng = random.Random(1)
    paras, total = [], 0
    while total < chars:
        para = "".join(rng.choice(words) + "。" for _ in range(4))[:130]
        if rng.random() < 0.01:
            para = "𠮷" + para[1:]  # an astral character now and then
        paras.append(para)
        total += len(para) + 1
    return "\n".join(paras)[:chars]


def make_spans(doc_id: str, text: str, n: int, tags: list[str]) -> list[Annotation]:
    """``n`` spans of 2–8 characters at random places (so some overlap or nest)."""
    rng = random.Random(2)
    spans = []
    for _ in range(n):
        start = rng.randrange(0, len(text) - 10)
        length = rng.randint(2, 8)
        spans.append(Annotation(seed_id(rng), doc_id, start, start + length, rng.choice(tags),
                                rng.choice(["lin", "wang"]), {}, STAMP, STAMP))
    return spans


def build_long_document(path: Path, chars: int, spans: int) -> None:
    """A project with the long document and a small one (which the window opens first)."""
    text = make_text(chars)
    doc = Document(document_id(text), "long", text, text_sha256(text), script="zh-Hans")
    tagset = default_tagset()
    small = "上海合作组织。"
    with Store.open(path, create=True) as store:
        store.set_tagset(tagset)
        store.add_documents([Document(document_id(small), "small", small, text_sha256(small)),
                             doc])
        for who in ANNOTATORS:
            store.add_annotator(who)
        store.insert_annotations(make_spans(doc.id, text, spans, [t.id for t in tagset.tags]))


def make_relations(spans: list[Annotation], tagset, n: int) -> list[Relation]:
    """Up to ``n`` relations, each from a random span to a near one (the next few in text
    order) of the same layer that some relation type allows, never the same pair twice."""
    rng, ordered = random.Random(12), sorted(spans, key=lambda a: (a.start, a.end, a.id))
    out: list[Relation] = []
    seen: set[tuple[str, str]] = set()
    for _ in range(n * 4):
        i = rng.randrange(len(ordered))
        a = ordered[i]
        for b in ordered[i + 1:i + 12]:
            types = [t for t in tagset.relations if t.allows(a.tag, b.tag)]
            if b.annotator != a.annotator or not types or (a.id, b.id) in seen:
                continue
            seen.add((a.id, b.id))
            out.append(Relation(seed_id(rng), a.doc_id, a.id, b.id, rng.choice(types).id,
                                a.annotator, STAMP, STAMP))
            break
        if len(out) == n:
            break
    return out


def build_long_relations(path: Path, chars: int, spans: int) -> None:
    """The long document project with a relation for every third span."""
    build_long_document(path, chars, spans)
    with Store.open(path) as store:
        long_id = next(d.id for d in store.documents() if d.title == "long")
        rels = make_relations(store.annotations(long_id), store.tagset(), spans // 3)
        store.insert_relations(rels)


def long_document_ids(path: Path) -> tuple[str, str]:
    """(long document id, small document id) of a project made by build_long_document."""
    with Store.open(path, check=False) as store:
        rows = {d.title: d.id for d in store.documents()}
    return rows["long"], rows["small"]


# --- the corpus ---------------------------------------------------------------------------
def sentences(paths: list[Path]) -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in paths)
    parts = re.split(r"(?<=[。！？!?\n])", text)
    return [p for p in parts if re.search(r"[\u4e00-\u9fff]", p)]


def corpus_texts(count: int, chars: int, seed: int = 7) -> Iterator[str]:
    """``count`` texts of about ``chars`` characters; one in five traditional."""
    seeds = sorted(SEEDS.glob("*.txt"))
    simplified, traditional = sentences(seeds[:4]), sentences(seeds[4:])
    rng = random.Random(seed)
    for i in range(count):
        pool = traditional if i % 5 == 4 else simplified
        parts = [f"第{i}号文件\n"]
        size = len(parts[0])
        while size < chars:
            parts.append(rng.choice(pool))
            size += len(parts[-1])
        yield "".join(parts)


def corpus_documents(count: int, chars: int) -> Iterator[Document]:
    for i, text in enumerate(corpus_texts(count, chars)):
        yield Document(document_id(text), f"doc {i}", text, text_sha256(text))


def two_annotators(doc_id: str, text: str, units: int, tags: list[str],
                   rng: random.Random) -> list[Annotation]:
    """About two spans per unit: lin marks each unit; wang marks the same span (70 %),
    moves a boundary by one (10 %), gives another tag (10 %) or marks another place."""
    out = []

    def add(start: int, end: int, tag: str, who: str) -> None:
        out.append(Annotation(seed_id(rng), doc_id, start, end, tag, who, {}, STAMP, STAMP))

    for _ in range(units):
        start = rng.randrange(0, max(1, len(text) - 10))
        end = start + rng.randint(2, 8)
        if "\n" in text[start:end]:
            continue
        tag, r = rng.choice(tags), rng.random()
        add(start, end, tag, "lin")
        if r < 0.7:
            add(start, end, tag, "wang")
        elif r < 0.8:
            add(start, max(start + 1, end + rng.choice((-1, 1))), tag, "wang")
        elif r < 0.9:
            add(start, end, rng.choice(tags), "wang")
        else:
            other = rng.randrange(0, max(1, len(text) - 10))
            add(other, other + rng.randint(2, 8), tag, "wang")
    return out


def corpus_batches(docs: int, chars: int, units: int,
                   size: int = 200) -> Iterator[tuple[list[Document], list[Annotation]]]:
    """The corpus as ``(documents, their spans)`` batches of ``size`` documents: the same
    documents and spans every time (so another engine can be given exactly this corpus)."""
    tags = [t.id for t in default_tagset().tags]
    rng = random.Random(11)
    batch: list[Document] = []
    for doc in corpus_documents(docs, chars):
        batch.append(doc)
        if len(batch) == size:
            yield batch, _spans(batch, units, tags, rng)
            batch = []
    if batch:
        yield batch, _spans(batch, units, tags, rng)


def _spans(batch: list[Document], units: int, tags: list[str],
           rng: random.Random) -> list[Annotation]:
    return [span for doc in batch for span in two_annotators(doc.id, doc.text, units, tags, rng)]


def build_corpus(path: Path, docs: int, chars: int, units: int,
                 log: Callable[[str], None] | None = None) -> None:
    with Store.open(path, create=True) as store:
        store.set_tagset(default_tagset())
        for who in ANNOTATORS:
            store.add_annotator(who)
        done = 0
        for documents, spans in corpus_batches(docs, chars, units):
            store.add_documents(documents)
            store.insert_annotations(spans)
            done += len(documents)
            if log and done % 10_000 == 0:
                log(f"  {done:,} / {docs:,} documents")


# --- the import folder --------------------------------------------------------------------
def noisy(text: str, i: int) -> bytes:
    """``text`` as a scraped file might have it (the cleaning rules have work to do)."""
    if i % 4 == 1:
        head, _, rest = text.partition("\n")
        text = f"{head}\n图片 1\n{rest}"
    if i % 7 == 0:
        text = text.replace("。", "。\u200b", 3)
    if i % 5 == 2:
        text = text.replace("\n", "\r\n")
    return text.encode("gb18030" if i % 10 == 3 else "utf-8")


def write_texts(folder: Path, docs: int, chars: int) -> None:
    folder.mkdir(parents=True)
    for i, text in enumerate(corpus_texts(docs, chars, seed=13)):
        (folder / f"{i:05d}.txt").write_bytes(noisy(text, i))


# --- the cache ----------------------------------------------------------------------------
#: where the generated data is cached unless ``--cache-dir`` says otherwise: this variable's
#: folder, else ``benchmarks/.cache`` (the 100,000-document corpus needs ~15 GB: put it
#: outside the work tree)
CACHE_ENV = "ANNOTATOR_BENCH_CACHE"


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or ROOT / "benchmarks" / ".cache")


def cached(cache: Path, name: str, build: Callable[[Path], None], rebuild: bool,
           log: Callable[[str], None] = print) -> Path:
    """``cache/name``, built by ``build(path)`` unless it is there (or ``rebuild``). Built
    under a temporary name and renamed when complete, so an interrupted build is redone."""
    cache.mkdir(parents=True, exist_ok=True)
    path, part = cache / name, cache / f"{name}.building"
    if path.exists() and not rebuild:
        return path
    for old in (path, part):
        _remove(old)
    log(f"building {path} …")
    build(part)
    part.rename(path)
    return path


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def prepare(cache: Path, sizes, rebuild: bool = False, need: set[str] | None = None,
            log: Callable[[str], None] = print) -> dict[str, str]:
    """The cached inputs the chosen groups need: ``{"long", "corpus", "texts"}`` → path."""
    v = GENERATOR_VERSION
    plans = {
        "long": (f"long-g{v}-{sizes.doc_chars}c-{sizes.doc_spans}s.annotator",
                 lambda p: build_long_document(p, sizes.doc_chars, sizes.doc_spans)),
        "long-rel": (f"long-rel-g{v}-{sizes.doc_chars}c-{sizes.doc_spans}s-"
                     f"{sizes.doc_spans // 3}r.annotator",
                     lambda p: build_long_relations(p, sizes.doc_chars, sizes.doc_spans)),
        "corpus": (f"corpus-g{v}-{sizes.corpus_docs}d-{sizes.corpus_chars}c-"
                   f"{sizes.corpus_units}u.annotator",
                   lambda p: build_corpus(p, sizes.corpus_docs, sizes.corpus_chars,
                                          sizes.corpus_units, log)),
        "texts": (f"texts-g{v}-{sizes.import_docs}d-{sizes.corpus_chars}c",
                  lambda p: write_texts(p, sizes.import_docs, sizes.corpus_chars)),
    }
    out = {key: str(cached(cache, name, build, rebuild, log))
           for key, (name, build) in plans.items() if need is None or key in need}
    if need is None or "team" in need:  # the team projects on a cached server
        import teamkit

        out["team"] = str(cached(cache, teamkit.cluster_name(out),
                                 lambda p: teamkit.build(p, out, log), rebuild, log))
    return out
