"""The team project (PostgreSQL) side by side with the file project: open, search, import.

Each part starts the cached cluster (:mod:`teamkit`) on a free port and stops it at the
end. The "naive" column of a team figure is the file project's figure, measured in the same
process on the same data (the same rows, copied by ``annotator transfer``), so the ratio
says how the team project compares with the embedded default (> 1: the team is faster).

* open: the real window opened on the corpus as the member ``lin`` until the document list
  shows (the file figure: a project the app closed cleanly, as in ``project.open``); the
  long document opened from the small one, store load to first paint (as ``doc.open``);
  three rounds, file and team taking turns, medians;
* search: the first page (50 hits) of corpus search for queries of 1, 2, 3 and 4
  characters, simplified and traditional, the worst query's median of each length;
* import: the import folder into a new team project (``annotator import``'s
  ``import_paths``), beside the same import into a new project file.
"""

from __future__ import annotations

import time
from pathlib import Path

import teamkit
from common import median, ms_since, result, timed_ms, working_copy

from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.store import Store
from annotator.store.pg import PgStore

QUERIES = {1: ["国", "會", "恐", "盟"], 2: ["北京", "反恐", "會議", "峰会"],
           3: ["上合组", "恐怖主", "國際合", "联合国"],
           4: ["恐怖主義", "上海合作", "执法安全", "联合国安"]}
PAGE = 50
ROUNDS = 3


def _cluster(cfg: dict) -> str:
    return cfg["inputs"]["team"]


# --- open -----------------------------------------------------------------------------------
def open_figures(cfg: dict) -> dict:
    """The corpus in the window, file and team taking turns."""
    from fig_project import previous_session
    from qtkit import application

    work = Path(cfg["work"])
    application()
    corpus = working_copy(cfg["inputs"]["corpus"], work)
    with teamkit.server(_cluster(cfg)) as cluster:
        team = teamkit.member_url(teamkit.fresh(cluster, "corpus"), "lin")
        opens: dict[str, list[float]] = {"file": [], "team": []}
        rows: dict[str, int] = {}
        previous_session(corpus)
        for _ in range(ROUNDS):
            for kind, project in (("file", corpus), ("team", team)):
                took, rows[kind] = _open_project(project, work / kind)
                opens[kind].append(took)
    assert rows["team"] == rows["file"], rows
    return {"team.open": result(median(opens["team"]), median(opens["file"]),
                                f"{rows['team']:,} rows listed; median of {ROUNDS} "
                                f"(team {_ms(opens['team'])}; file {_ms(opens['file'])})")}


def long_document(cfg: dict) -> dict:
    """The long document in the window, from the small one, file then team."""
    from data import long_document_ids
    from qtkit import application

    work = Path(cfg["work"])
    application()
    long_file = working_copy(cfg["inputs"]["long"], work)
    long_id, small_id = long_document_ids(long_file)
    with teamkit.server(_cluster(cfg)) as cluster:
        team_long = teamkit.member_url(teamkit.fresh(cluster, "long"), "lin")
        docs = {kind: _open_long(project, work / f"long-{kind}", long_id, small_id)
                for kind, project in (("file", long_file), ("team", team_long))}
    return {"team.doc.open": result(median(docs["team"]), median(docs["file"]),
                                    f"median of {ROUNDS} (team {_ms(docs['team'])}; file "
                                    f"{_ms(docs['file'])})")}


def _ms(values: list[float]) -> str:
    return ", ".join(f"{v:.0f}" for v in values) + " ms"


def _open_project(project: Path | str, work: Path) -> tuple[float, int]:
    """One open of the real window until the document list is painted; (ms, rows)."""
    from qtkit import application, close, open_window

    work.mkdir(exist_ok=True)
    app = application()
    t0 = time.perf_counter()
    win = open_window(project, work)
    win.doc_list.table.viewport().repaint()
    app.processEvents()
    took = ms_since(t0)
    rows = win.doc_list.model.rowCount()
    close(win)
    return took, rows


def _open_long(project: Path | str, work: Path, long_id: str, small_id: str) -> list[float]:
    from fig_doc import _open
    from qtkit import close, open_window, settle

    work.mkdir(exist_ok=True)
    win = open_window(project, work, last=small_id)
    settle(win)
    times = [_open(win, long_id, small_id) for _ in range(ROUNDS)]
    close(win)
    return times


# --- search ---------------------------------------------------------------------------------
def search(cfg: dict) -> dict:
    runs = cfg["sizes"]["runs"]
    path = working_copy(cfg["inputs"]["corpus"], Path(cfg["work"]))
    out = {}
    with teamkit.server(_cluster(cfg)) as cluster:
        url = teamkit.member_url(teamkit.fresh(cluster, "corpus"), "lin")
        with Store.open(path) as file, PgStore.open(url) as team:
            cold = timed_ms(lambda: team.search(QUERIES[2][0], limit=PAGE))
            for size, queries in QUERIES.items():
                worst = {"file": (0.0, ""), "team": (0.0, "")}
                for q in queries:
                    hits = {}
                    for kind, store in (("file", file), ("team", team)):
                        times = [timed_ms(lambda q=q, s=store: s.search(q, limit=PAGE))
                                 for _ in range(runs)]
                        hits[kind] = store.search(q, limit=PAGE)
                        if median(times) > worst[kind][0]:
                            worst[kind] = (median(times), q)
                    assert hits["file"] == hits["team"], f"{q}: the engines disagree"
                (team_ms, team_q), (file_ms, file_q) = worst["team"], worst["file"]
                out[f"team.search.{size}"] = result(
                    team_ms, file_ms, f"{', '.join(queries)}; worst team {team_q}, file "
                    f"{file_q}; same hits on both; cold first team query {cold:.0f} ms")
    return out


# --- import ---------------------------------------------------------------------------------
def import_figure(cfg: dict) -> dict:
    work, folder = Path(cfg["work"]), Path(cfg["inputs"]["texts"])
    with teamkit.server(_cluster(cfg)) as cluster:
        url = teamkit.new_project(cluster, "imported")
        try:
            with PgStore.open(url, create=True) as store:
                store.set_tagset(default_tagset())
                t0 = time.perf_counter()
                report = import_paths(store, [folder])
                seconds = time.perf_counter() - t0
                stored = len(store.documents())
        finally:
            teamkit.drop(cluster, "imported")
    assert not report.errors, report.errors[0].message
    assert stored == len(report.added), (stored, len(report.added))
    with Store.open(work / "import.annotator", create=True) as store:
        store.set_tagset(default_tagset())
        t0 = time.perf_counter()
        file_report = import_paths(store, [folder])
        file_s = time.perf_counter() - t0
    return {"team.import": result(seconds, file_s, f"{len(report.added):,} documents, "
                                  f"{len(report.added) / seconds:.0f} docs/s (file "
                                  f"{len(file_report.added) / file_s:.0f} docs/s)")}
