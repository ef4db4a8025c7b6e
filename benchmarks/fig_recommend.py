"""The recommenders (annotator.recommend): training, predicting, memory, and the window
while a long document is predicted on a worker thread.

Data: documents of ~3,000 characters made of the seed corpus's sentences with their gold
spans (seeds/gold.json), sentences with spans drawn three times as often, so a document
holds about 100 spans of the tagset's 24 tags; 1,000 of them to train on (a tenth in
quick mode). The long document is the suite's 1,000,000-character one.

Naive baselines, measured in the same process:

* training: CRFsuite the way its tutorials feed it (sklearn-crfsuite style): a dict of
  string features per character (the same windows, words and lexicon, as Python dicts),
  BIO labels, L-BFGS for 50 iterations — on a tenth of the documents, scaled by ten;
* predicting: that model's ``Tagger.tag`` on the same dict features, sentence by sentence
  (no scores);
* memory: the same model loaded in a ``Tagger`` (at least its file's size: it reads it
  whole);
* the long document: that tagger on a tenth of it, scaled by ten;
* the window: the prediction run on the GUI thread, which a key then waits for whole.
"""

from __future__ import annotations

import json
import random
import tempfile
import threading
import time
from pathlib import Path

from common import median, peak_growth_mb, result, rss_mb, timed_ms

from annotator.recommend import models, training
from annotator.recommend.data import Example, sentence_bounds
from annotator.recommend.training import Corpus

ROOT = Path(__file__).resolve().parents[1]
NAIVE_ITERATIONS = 50


def gold_sentences() -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Every sentence of the seeds with its gold spans (in the sentence's offsets)."""
    data = json.loads((ROOT / "seeds" / "gold.json").read_text(encoding="utf-8"))
    out = []
    for doc in data["documents"]:
        text, spans = doc["text"], [(s["start"], s["end"], s["tag"]) for s in doc["spans"]]
        for a, b in sentence_bounds(text):
            inside = [(s - a, e - a, t) for s, e, t in spans if a <= s and e <= b]
            out.append((text[a:b], inside))
    return out


def documents(count: int, chars: int, seed: int = 19) -> list[Example]:
    pool = gold_sentences()
    weighted = [p for p in pool for _ in range(3 if p[1] else 1)]
    rng = random.Random(seed)
    out = []
    for i in range(count):
        text, spans = f"第{i}号文件\n", []
        while len(text) < chars:
            piece, inside = rng.choice(weighted)
            spans += [(s + len(text), e + len(text), t) for s, e, t in inside]
            text += piece
        out.append(Example(f"d{i}", text, tuple(spans)))
    return out


def _shared(cfg: dict) -> Path:
    """Where the trained models go, for the part after this one (same scratch folder)."""
    return Path(cfg["work"]).parent / "recommend-models"


def _docs(cfg: dict) -> list[Example]:
    sizes = cfg["sizes"]
    return documents(max(10, sizes["corpus_docs"] // 10), sizes["corpus_chars"])


# --- training -----------------------------------------------------------------------------
def train(cfg: dict) -> dict:
    docs = _docs(cfg)
    corpus = Corpus("gold", docs, {}, [])
    t0 = time.perf_counter()
    trained = training.fit(corpus)
    seconds = time.perf_counter() - t0
    state = models.state_of(None, corpus.spans, len(docs), "gold", trained)
    models.save(_shared(cfg), trained, state)
    spans = corpus.spans / len(docs)
    naive = naive_train(docs[:max(1, len(docs) // 10)])[0] * (len(docs) / max(1, len(docs)
                                                                               // 10))
    return {"recommend.train": result(seconds, naive, f"{len(docs)} documents, "
                                      f"{spans:.0f} spans each, {len(trained.crf.labels)} "
                                      f"labels, {trained.crf.info['epochs']} epochs")}


def _dict_features(text: str, lexicon) -> list[list[dict]]:
    """The tutorial way: a dict of named string features per character, per sentence."""
    from annotator.core import words
    from annotator.core.search import searchable

    folded = searchable(text)
    word_of = [""] * len(text)
    for s, e in words.segment(folded):
        word_of[s:e] = [folded[s:e]] * (e - s)
    lex = [""] * len(text)
    for s, e, tag in lexicon.scan_folded(folded):
        lex[s:e] = [tag] * (e - s)
    out = []
    for a, b in sentence_bounds(text):
        seq = []
        for i in range(a, b):
            c, p, n = folded[i], folded[i - 1] if i > a else "^", folded[i + 1] if i + 1 < b \
                else "$"
            seq.append({"c": c, "p": p, "n": n, "pc": p + c, "cn": c + n, "w": word_of[i],
                        "lex": lex[i], "bias": 1.0})
        out.append(seq)
    return out


def _bio(text: str, spans) -> list[list[str]]:
    labels = ["O"] * len(text)
    for s, e, t in spans:
        labels[s:e] = [f"B-{t}"] + [f"I-{t}"] * (e - s - 1)
    return [labels[a:b] for a, b in sentence_bounds(text)]


def naive_train(docs: list[Example], path: Path | None = None) -> tuple[float, Path]:
    import pycrfsuite

    from annotator.recommend.data import segments
    from annotator.recommend.lexicon import LexiconModel

    path = path or Path(tempfile.mkdtemp()) / "naive.crf"
    t0 = time.perf_counter()
    lexicon = LexiconModel.train([s for d in docs for s in segments(d)])
    trainer = pycrfsuite.Trainer("lbfgs", verbose=False)
    for d in docs:
        for x, y in zip(_dict_features(d.text, lexicon), _bio(d.text, d.spans), strict=True):
            trainer.append(x, y)
    trainer.set_params({"max_iterations": NAIVE_ITERATIONS, "c1": 0.1, "c2": 0.01})
    trainer.train(str(path))
    return time.perf_counter() - t0, path


# --- predicting ---------------------------------------------------------------------------
def predict(cfg: dict) -> dict:
    import data as generated

    folder = _shared(cfg)
    grew = peak_growth_mb(lambda: models.load(folder))[1]
    loaded = models.load(folder)
    assert loaded is not None
    before = rss_mb()
    docs = documents(60, cfg["sizes"]["corpus_chars"], seed=23)
    loaded.predict(docs[0].text, ["crf"])  # first use: jieba's dictionary, caches
    grew += max(0.0, rss_mb() - before)
    times = [timed_ms(lambda d=d: loaded.predict(d.text, ["crf"])) for d in docs[10:]]
    naive_docs = _docs(cfg)[:max(1, cfg["sizes"]["corpus_docs"] // 100)]
    _seconds, naive_path = naive_train(naive_docs)
    naive_ms, naive_mb = naive_predict(naive_path, docs[10:30], loaded.models["lexicon"])
    text = generated.make_text(cfg["sizes"]["doc_chars"])
    tenth = Example("long", text[:len(text) // 10], ())
    naive_long = naive_predict(naive_path, [tenth], loaded.models["lexicon"])[0] / 100
    return {"recommend.predict": result(median(times), naive_ms, f"median of {len(times)} "
                                        "documents, scores included"),
            "recommend.mem": result(grew, naive_mb, "models loaded and first prediction; "
                                    f"arrays {loaded.models['crf'].nbytes / 2**20:.1f} MB"),
            **window_figures(cfg, loaded, text, naive_long)}


def naive_predict(path: Path, docs: list[Example], lexicon) -> tuple[float, float]:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    grew = peak_growth_mb(lambda: tagger.open(str(path)))[1]
    grew = max(grew, path.stat().st_size / 2**20)  # a Tagger holds the whole model file
    times = []
    for d in docs:
        t0 = time.perf_counter()
        for x in _dict_features(d.text, lexicon):
            tagger.tag(x)
        times.append((time.perf_counter() - t0) * 1000)
    return median(times), grew


# --- the window while the long document is predicted --------------------------------------
def _idle(app, seconds: float) -> None:
    """The annotator reads between two edits (the suite's think time): events run."""
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.002)


def window_figures(cfg: dict, loaded, text: str, naive_long: float) -> dict:
    """The long document predicted on a worker thread while the window takes edits on a
    small document, the suite's think time apart (as in the document figures): the
    prediction's time, and key-to-paint meanwhile."""
    import data as generated
    from qtkit import application, open_window

    work = Path(cfg["work"])
    path = work / "window.annotator"
    generated.build_long_document(path, 2000, 10)  # a small project to edit in
    window = open_window(path, work)
    app = application()
    done: dict = {}

    def run() -> None:
        t0 = time.perf_counter()
        done["found"] = len(loaded.predict(text, ["crf"]))
        done["seconds"] = time.perf_counter() - t0

    worker = threading.Thread(target=run)
    rng, think = random.Random(5), cfg["sizes"]["think_s"]
    doc_text = window.doc.text
    tags, keys = list(window.tags), []
    worker.start()
    while worker.is_alive():
        s = rng.randrange(0, max(1, len(doc_text) - 4))
        window.clear_selection()
        window.reader.select_range(s, s + 2, ensure_visible=False)
        app.processEvents()
        keys.append(timed_ms(lambda: (window.apply_tag(rng.choice(tags)),
                                      window.reader.viewport().repaint())))
        if window.editor.selected is not None:
            _idle(app, think)
            keys.append(timed_ms(lambda: (window.delete_span(),
                                          window.reader.viewport().repaint())))
        _idle(app, think)
    worker.join()
    window.close()
    window.store.close()
    return {"recommend.long": result(done["seconds"], naive_long, f"{len(text):,} characters, "
                                     f"{done['found']:,} spans, on a worker thread"),
            "recommend.keys": result(median(keys) if keys else 0.0, done["seconds"] * 1000,
                                     f"{len(keys)} edits while it ran")}
