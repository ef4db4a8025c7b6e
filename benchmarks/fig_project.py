"""The corpus project in the real window: time to the document list, and resident memory.

``window`` and ``naive`` run in separate processes so each memory figure is its own.

Naive baseline: the project read the obvious way — every document row fetched whole
(``Store.document`` for each, texts included) into a ``QStandardItemModel`` shown in a
``QTableView``; for memory, that list plus every span of every document held as Python
objects (``Store.annotations`` per document), with the same QApplication running.
"""

from __future__ import annotations

import time
from pathlib import Path

from common import median, ms_since, result, rss_mb, working_copy
from qtkit import WHO, application, close, open_window, settle

from annotator.qt import safety
from annotator.store import Store


def window(cfg: dict) -> dict:
    work = Path(cfg["work"])
    path = working_copy(cfg["inputs"]["corpus"], work)
    app = application()
    empty = rss_mb()
    previous_session(path)
    t0 = time.perf_counter()
    win = open_window(path, work)  # store opened (lock), window built, shown
    win.doc_list.table.viewport().repaint()
    app.processEvents()
    opened = ms_since(t0)
    rows = win.doc_list.model.rowCount()
    shown_rss = rss_mb()
    waited = settle(win)
    resident = rss_mb()
    keys, worst = filter_keys(win, cfg["sizes"]["corpus_docs"])
    close(win)
    naive_keys = naive_filter(cfg, path)
    return {
        "project.open": result(opened, note=f"{rows:,} rows listed"),
        "project.filter": result(worst, naive_keys, f"typing {' '.join(map(repr, keys))} "
                                 "then clearing: the slowest keystroke (median of 3), "
                                 "model filtered + list repainted"),
        "project.rss": result(resident, note=f"{shown_rss:.0f} MB at first paint, then "
                              f"lexicon + backup ({waited:.1f} s); QApplication alone "
                              f"{empty:.0f} MB"),
    }


def typed(docs: int) -> list[str]:
    """What is typed into the filter, a key at a time: a title ("doc 1234", the last
    digits narrowing to one document), backspaced away, then a status ("done")."""
    title = f"doc {docs // 2 + 34}"
    steps = [title[:i] for i in range(1, len(title) + 1)]
    steps += [title[:i] for i in range(len(title) - 1, -1, -1)]
    return steps + ["d", "do", "don", "done", ""]


def filter_keys(win, docs: int) -> tuple[list[str], float]:
    """(texts typed, slowest keystroke in ms: text set, model filtered, list repainted)."""
    app, box = application(), win.doc_list.filter
    steps = typed(docs)
    times: dict[int, list[float]] = {}
    for _ in range(3):
        for i, text in enumerate(steps):
            t0 = time.perf_counter()
            box.setText(text)
            win.doc_list.table.viewport().repaint()
            app.processEvents()
            times.setdefault(i, []).append(ms_since(t0))
    return steps, max(median(t) for t in times.values())


def naive_filter(cfg: dict, path: Path) -> float:
    """The same keys in a QSortFilterProxyModel (any column) over a QStandardItemModel of
    the documents' list columns (read from the working copy ``path``: opening the cached
    project itself would upgrade it in place)."""
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    app = application()
    with Store.open(path, check=False) as store:
        docs = store.documents()
    model = QStandardItemModel(len(docs), 3)
    for i, d in enumerate(docs):
        for j, value in enumerate((d.title, d.status, d.length)):
            model.setItem(i, j, QStandardItem(str(value)))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    table = QTableView()
    table.setModel(proxy)
    table.resize(400, 800)
    table.show()
    worst = 0.0
    for text in typed(cfg["sizes"]["corpus_docs"]):
        t0 = time.perf_counter()
        proxy.setFilterFixedString(text)
        table.viewport().repaint()
        app.processEvents()
        worst = max(worst, ms_since(t0))
    table.close()
    return worst


def previous_session(path: Path) -> None:
    """The project as the app left it yesterday: opened for editing (SQLite's damage check
    runs), closed cleanly. Today's open defers that check to a worker thread; a file not
    closed cleanly (or changed since) is checked first: 0.5 s more on this project."""
    store = safety.open_store(None, path, WHO)
    assert store is not None and store.checked
    store.close()


def naive(cfg: dict) -> dict:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    work = Path(cfg["work"])
    path = working_copy(cfg["inputs"]["corpus"], work)
    app = application()
    t0 = time.perf_counter()
    store = Store.open(path)
    docs = [store.document(row.id) for row in store.documents()]
    model = QStandardItemModel(len(docs), 4)
    for i, doc in enumerate(docs):
        for j, value in enumerate((doc.title, doc.date or "", doc.status, len(doc.text))):
            model.setItem(i, j, QStandardItem(str(value)))
    table = QTableView()
    table.setModel(model)
    table.resize(400, 800)
    table.show()
    table.viewport().repaint()
    app.processEvents()
    opened = ms_since(t0)
    spans = [store.annotations(doc.id) for doc in docs]
    resident = rss_mb()
    store.close()
    table.close()
    held = sum(map(len, spans))
    return {"project.open": {"naive": opened},
            "project.rss": {"naive": resident, "note_naive": f"naive holds {held:,} spans"}}
