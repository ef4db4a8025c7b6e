"""Run one part of the suite in this (fresh) process, so its timings and memory figures are
not disturbed by the others:

    python benchmarks/worker.py PART CONFIG.json RESULT.json

CONFIG holds the sizes, the cached inputs and a scratch folder; RESULT receives
``{figure key: {"value", "naive", "note"}}``.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

#: part -> "module:function"; modules are imported only when their part runs (the
#: Qt-free parts never load PySide6)
PARTS = {
    "doc": "fig_doc:run",
    "relations": "fig_relations:run",
    "import": "fig_import:run",
    "project": "fig_project:window",
    "project-naive": "fig_project:naive",
    "search": "fig_corpus:search",
    "spans": "fig_corpus:spans",
    "stats": "fig_corpus:stats",
    "agreement": "fig_corpus:agreement",
    "export": "fig_corpus:export",
    "recommend-train": "fig_recommend:train",
    "recommend": "fig_recommend:predict",
    "team-open": "fig_team:open_figures",
    "team-doc": "fig_team:long_document",
    "team-search": "fig_team:search",
    "team-import": "fig_team:import_figure",
    "team-edit": "fig_team_edit:edits",
}

#: group (what --only names) -> its parts, each in its own process, and the inputs it needs
GROUPS = {
    "doc": (["doc"], {"long"}),
    "relations": (["relations"], {"long-rel"}),
    "import": (["import"], {"texts"}),
    "project": (["project", "project-naive"], {"corpus"}),
    "search": (["search"], {"corpus"}),
    "spans": (["spans"], {"corpus"}),
    "stats": (["stats"], {"corpus"}),
    "agreement": (["agreement"], {"corpus"}),
    "export": (["export"], {"corpus"}),
    "recommend": (["recommend-train", "recommend"], set()),
    "team": (["team-open", "team-doc", "team-search", "team-import", "team-edit"],
             {"corpus", "long", "texts", "team"}),
    # the team project's corpus figures alone, for the size axis (issue 20)
    "team-corpus": (["team-open", "team-search"], {"corpus", "long", "team"}),
}


#: the groups measured at every corpus size of ``suite.py --sizes`` (their figures depend on
#: the number of documents; the long document and the recommenders do not). A group added
#: here runs with ``cfg["sizes"]["corpus_docs"]`` set to each size in turn.
CORPUS_GROUPS = ["import", "project", "search", "spans", "agreement", "stats", "export",
                 "team-corpus"]


def run_part(part: str, cfg: dict) -> dict:
    module, function = PARTS[part].split(":")
    return getattr(importlib.import_module(module), function)(cfg)


def main(argv: list[str]) -> int:
    part, config, out = argv
    cfg = json.loads(Path(config).read_text(encoding="utf-8"))
    figures = run_part(part, cfg)
    Path(out).write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
