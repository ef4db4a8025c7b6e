"""The corpus project without the window: search, agreement, exports.

Naive baselines, each measured in the same process on the same project:

* search: read ``id, text`` of every document in list order straight from SQLite, fold
  each text (:func:`annotator.core.search.searchable`, so 简/繁 match as in the product)
  and ``str.find`` until a page of 50 hits is full — no index;
* agreement: one label per character per annotator (the innermost span's tag, or ``O``),
  then Cohen's kappa over every character of the corpus, in pure Python — a single
  measure where the product computes κ, Fleiss' κ, α, unitizing αu and span F1, so the
  ratio understates the product's lead;
* JSONL: the whole corpus loaded into memory as JSON-ready dicts, each ``json.dumps``-ed,
  joined and written at once;
* TEI: a ``xml.dom.minidom`` document of the corpus (text + stand-off spans), then
  ``toxml()`` — built for a tenth of the corpus and scaled linearly (it holds the DOM).

Past :data:`NAIVE_UP_TO` documents the naive statistics, agreement and exports are not run
(at 100,000 documents they take tens of minutes, and the in-memory JSONL several GB of
memory and the disk of a second export): their ratio is the one at the smaller sizes.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from xml.dom import minidom

import data
from common import median, peak_growth_mb, result, timed_ms, working_copy

from annotator import exporting
from annotator.core import searching
from annotator.core.search import searchable
from annotator.exporting import ExportOptions
from annotator.review.report import project_agreement
from annotator.stats.compute import project_stats
from annotator.store import Store

QUERIES = {1: ["北", "恐", "會", "鼠"], 2: ["北京", "反恐", "會議", "峰会"],
           3: ["反恐怖", "合作組", "执法安", "联合国"],
           4: ["恐怖主義", "上海合作", "执法安全", "联合国安"]}
PAGE = 50
#: the largest corpus the slow naive baselines (statistics, agreement, exports) run on
NAIVE_UP_TO = 30_000


def naive_runs(cfg: dict) -> bool:
    return cfg["sizes"]["corpus_docs"] <= NAIVE_UP_TO


# --- search -------------------------------------------------------------------------------
def search(cfg: dict) -> dict:
    runs = cfg["sizes"]["runs"]
    path = working_copy(cfg["inputs"]["corpus"], Path(cfg["work"]))
    out = {}
    with Store.open(path) as store:
        cold = timed_ms(lambda: store.search(QUERIES[2][0], limit=PAGE))
        for size, queries in QUERIES.items():
            worst, naive, hits = 0.0, 0.0, []
            for q in queries:
                times = [timed_ms(lambda q=q: store.search(q, limit=PAGE)) for _ in range(runs)]
                worst = max(worst, median(times))
                hits.append(len(store.search(q, limit=PAGE)))
                slow = [timed_ms(lambda q=q: naive_search(store, q)) for _ in range(max(1, runs
                                                                                      // 5))]
                naive = max(naive, median(slow))
            out[f"search.{size}"] = result(worst, naive, f"{', '.join(queries)}; page sizes "
                                           f"{hits}; cold first query {cold:.0f} ms")
        out["project.size"] = file_size(store, path)
    return out | built_size(cfg)


def file_size(store: Store, path: Path) -> dict:
    """The project file (checkpointed) over its texts' UTF-8 bytes, and what takes the
    space (SQLite's ``dbstat``: the largest tables and indexes). The cached corpus was made
    at an older schema: opening it upgraded it, and an upgrade that frees space ends with
    VACUUM, so this is the file packed. Bytes per document give the size at 100,000
    documents (the file grows linearly: see the growth plot)."""
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    text, docs = store.conn.execute("SELECT sum(length(CAST(text AS BLOB))), count(*) FROM "
                                    "documents").fetchone()
    text, size = text or 1, path.stat().st_size
    try:
        parts = store.conn.execute("SELECT name, sum(pgsize) AS s FROM dbstat GROUP BY name "
                                   "ORDER BY s DESC LIMIT 6").fetchall()
    except Exception:  # noqa: BLE001 — a SQLite built without dbstat
        parts = []
    where = ", ".join(f"{name} {bytes_ / text:.2f}x" for name, bytes_ in parts)
    per_doc = size / max(docs, 1)
    return result(size / text, 1.0, f"{size / 2**20:,.0f} MB for {text / 2**20:,.0f} MB of "
                  f"text, {per_doc / 1024:.1f} kB a document ({per_doc * 1e5 / 2**30:.2f} GB "
                  f"at 100,000): {where}")


def built_size(cfg: dict) -> dict:
    """The file as inserts leave it, never VACUUMed: a tenth of the corpus (at least 1,000
    documents, so that the empty tables' pages weigh < 1 %; the ratio does not depend on
    the count) built afresh at the current schema the way the cache was (documents and
    their spans in batches of 200, hash-ordered ids)."""
    sizes = cfg["sizes"]
    docs = min(sizes["corpus_docs"], max(1000, sizes["corpus_docs"] // 10))
    path = Path(cfg["work"]) / "built.annotator"
    path.unlink(missing_ok=True)
    data.build_corpus(path, docs, sizes["corpus_chars"], sizes["corpus_units"])
    with Store.open(path) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        text = store.conn.execute("SELECT sum(length(CAST(text AS BLOB))) FROM documents"
                                  ).fetchone()[0] or 1
        free = store.conn.execute("PRAGMA freelist_count").fetchone()[0]
    size = path.stat().st_size
    return {"project.size.built": result(size / text, 1.0, f"{docs:,} documents built: "
                                         f"{size / 2**20:,.1f} MB, {size / docs / 1024:.1f} "
                                         f"kB a document; {free} free pages")}


# --- spans by tag / annotator ---------------------------------------------------------------
def spans(cfg: dict) -> dict:
    """The Search dock with no query and one filter: its first page (what it shows at once;
    the total is counted on a worker thread after). Naive: every matching span loaded."""
    runs = cfg["sizes"]["runs"]
    path = working_copy(cfg["inputs"]["corpus"], Path(cfg["work"]))
    with Store.open(path) as store:
        tags = [t.id for t in store.tagset().tags]
        filters = [{"tag": tags[0]}, {"tag": tags[-1]}, {"annotator": "lin"},
                   {"annotator": "wang", "tag": tags[len(tags) // 2]}]
        worst, naive, shown = 0.0, 0.0, []
        for f in filters:
            times = [timed_ms(lambda f=f: searching.find(store, "", f)) for _ in range(runs)]
            worst = max(worst, median(times))
            found = searching.find(store, "", f)
            shown.append(len(found.hits) if found else 0)
            naive = max(naive, timed_ms(lambda f=f: store.find_spans(**f)))
        t0 = time.perf_counter()
        counted = [searching.count_hits(store, "", f) for f in filters]
        count_s = time.perf_counter() - t0
    return {"spans": result(worst, naive, f"{len(filters)} filters, pages {shown}; totals "
                            f"{counted} counted in {count_s:.1f} s (worker thread)")}


# --- statistics -----------------------------------------------------------------------------
def stats(cfg: dict) -> dict:
    """The Statistics window's figures of all annotators (sentence units, by month).
    Naive: every span loaded document by document, counted by tag and annotator."""
    path = working_copy(cfg["inputs"]["corpus"], Path(cfg["work"]))
    with Store.open(path) as store:
        t0 = time.perf_counter()
        figures = project_stats(store)
        seconds = time.perf_counter() - t0
        naive = naive_stats(store) if naive_runs(cfg) else None
    return {"stats": result(seconds, naive, f"{sum(figures.tags.values()):,} spans; naive "
                            "only counts tags" if naive else f"{sum(figures.tags.values()):,} "
                            f"spans; naive not run past {NAIVE_UP_TO:,} documents")}


def naive_stats(store: Store) -> float:
    t0 = time.perf_counter()
    counts: dict = {}
    for row in store.documents():
        for a in store.annotations(row.id):
            counts[a.tag, a.annotator] = counts.get((a.tag, a.annotator), 0) + 1
    return time.perf_counter() - t0


def naive_search(store: Store, query: str) -> list[tuple[str, int]]:
    needle, hits = searchable(query), []
    rows = store.conn.execute("SELECT id, text FROM documents ORDER BY position")
    for doc_id, text in rows:
        hay = searchable(text)
        i = hay.find(needle)
        while i >= 0:
            hits.append((doc_id, i))
            if len(hits) == PAGE:
                return hits
            i = hay.find(needle, i + len(needle))
    return hits


# --- agreement ----------------------------------------------------------------------------
def agreement(cfg: dict) -> dict:
    path = working_copy(cfg["inputs"]["corpus"], Path(cfg["work"]))
    with Store.open(path) as store:
        t0 = time.perf_counter()
        outcome = project_agreement(store)
        who, rows = outcome.annotators, outcome.rows
        seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        kappa = naive_kappa(store, who) if naive_runs(cfg) else None
        naive = time.perf_counter() - t0 if kappa is not None else None
    overall = rows[0] if rows else {}
    check = f"naive, per char: {kappa:.3f}" if kappa is not None else \
        f"naive not run past {NAIVE_UP_TO:,} documents"
    return {"agreement": result(seconds, naive, f"{'/'.join(who)}: κ "
                                f"{overall.get('cohen_kappa', 0) or 0:.3f} ({check}), αu "
                                f"{overall.get('unitizing_alpha', 0) or 0:.3f}")}


def naive_kappa(store: Store, who: list[str]) -> float:
    a, b = who[0], who[1]
    pairs: dict[tuple[str, str], int] = {}
    lengths = dict(store.conn.execute("SELECT id, length FROM documents"))
    spans: dict[str, list] = {}
    for row in store.conn.execute("SELECT doc_id, start, end, tag, annotator FROM annotations"
                                  " ORDER BY doc_id, end - start DESC"):
        spans.setdefault(row[0], []).append(row[1:])
    for doc_id, length in lengths.items():
        labels = {a: ["O"] * length, b: ["O"] * length}
        for start, end, tag, annotator in spans.get(doc_id, ()):
            if annotator in labels:
                labels[annotator][start:end] = [tag] * (end - start)
        for pair in zip(labels[a], labels[b], strict=True):
            pairs[pair] = pairs.get(pair, 0) + 1
    total = sum(pairs.values())
    observed = sum(n for (x, y), n in pairs.items() if x == y) / total
    first, second = {}, {}
    for (x, y), n in pairs.items():
        first[x] = first.get(x, 0) + n
        second[y] = second.get(y, 0) + n
    expected = sum(first[t] * second.get(t, 0) for t in first) / total**2
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


# --- exports ------------------------------------------------------------------------------
def export(cfg: dict) -> dict:
    work = Path(cfg["work"])
    path = working_copy(cfg["inputs"]["corpus"], work)
    with Store.open(path) as store:
        ids = [d.id for d in store.documents()]
        tenth = ids[:max(1, len(ids) // 10)]
        small = ExportOptions.build("jsonl", work / "tenth.jsonl", doc_ids=tenth)
        _, small_growth = peak_growth_mb(lambda: run_export(store, small))
        options = ExportOptions.build("jsonl", work / "corpus.jsonl")
        seconds, growth = peak_growth_mb(lambda: run_export(store, options))
        jsonl_mb = (work / "corpus.jsonl").stat().st_size / 2**20
        (work / "corpus.jsonl").unlink()  # (at 100,000 documents: 3.5 GB of disk)
        naive_s = naive_growth = naive_tei_s = None
        if naive_runs(cfg):
            naive_s, naive_growth = peak_growth_mb(lambda: naive_jsonl(store,
                                                                       work / "naive.jsonl"))
            (work / "naive.jsonl").unlink()
        blank = drop_blank_spans(store)
        tei_opts = ExportOptions.build("tei", work / "corpus.xml")
        tei_s, tei_growth = peak_growth_mb(lambda: run_export(store, tei_opts))
        tei_mb = (work / "corpus.xml").stat().st_size / 2**20
        (work / "corpus.xml").unlink()
        if naive_runs(cfg):
            t0 = time.perf_counter()
            naive_tei(store, tenth, work / "naive.xml")
            naive_tei_s = (time.perf_counter() - t0) * len(ids) / len(tenth)
    return {
        "export.jsonl": result(seconds, naive_s, f"{len(ids):,} docs, {jsonl_mb:.0f} MB"),
        "export.jsonl.mem": result(growth, naive_growth, f"{len(tenth):,} docs: "
                                   f"{small_growth:.1f} MB (flat = constant memory)"),
        "export.tei": result(tei_s, naive_tei_s, f"{tei_mb:.0f} MB; peak RSS growth "
                             f"{tei_growth:.0f} MB; naive on {len(tenth):,} docs, scaled; "
                             f"{blank} whitespace-only spans dropped first"),
    }


def drop_blank_spans(store: Store) -> int:
    """Remove (from this working copy) the generated spans that cover only whitespace:
    TEI cannot point at them and the TEI export refuses such a project."""
    with store.transaction():
        return store.conn.execute(
            "DELETE FROM annotations WHERE trim((SELECT substr(d.text, annotations.start + 1, "
            "annotations.\"end\" - annotations.start) FROM documents d WHERE d.id = "
            "annotations.doc_id), ' ' || char(9, 10, 13, 12288)) = ''").rowcount


def run_export(store: Store, options: ExportOptions) -> None:
    report = exporting.export(store, options)
    assert report.documents, "nothing exported"


def naive_jsonl(store: Store, out: Path) -> None:
    everything = []
    for row in store.documents():
        doc = store.document(row.id)
        everything.append({"id": doc.id, "title": doc.title, "text": doc.text,
                           "metadata": doc.metadata,
                           "spans": [a._asdict() for a in store.annotations(doc.id)]})
    out.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in everything) + "\n",
                   encoding="utf-8")


def naive_tei(store: Store, ids: list[str], out: Path) -> None:
    dom = minidom.getDOMImplementation().createDocument(None, "teiCorpus", None)
    root = dom.documentElement
    root.setAttribute("xmlns", "http://www.tei-c.org/ns/1.0")
    for doc_id in ids:
        doc, tei = store.document(doc_id), dom.createElement("TEI")
        text, body = dom.createElement("text"), dom.createElement("p")
        body.appendChild(dom.createTextNode(doc.text))
        text.appendChild(body)
        tei.appendChild(text)
        group = dom.createElement("spanGrp")
        for a in store.annotations(doc_id):
            span = dom.createElement("span")
            span.setAttribute("xml:id", f"a-{a.id}")
            span.setAttribute("ana", f"#{a.tag}")
            span.setAttribute("resp", f"#{a.annotator}")
            span.setAttribute("target", f"#string-range(t-{doc_id},{a.start},"
                              f"{a.end - a.start})")
            group.appendChild(span)
        standoff = dom.createElement("standOff")
        standoff.appendChild(group)
        tei.appendChild(standoff)
        root.appendChild(tei)
    out.write_text(dom.toxml(), encoding="utf-8")
