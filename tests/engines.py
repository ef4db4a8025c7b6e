"""The two store engines for the tests: a project file and a team project on a throwaway
PostgreSQL cluster (tools/pgcluster.py). ``tests/conftest.py`` puts this folder on the
import path, so test modules ``import engines``."""

from __future__ import annotations

from itertools import count
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ENGINES = ["file", "team"]
_databases = count(1)


def start_cluster(folder: str):
    """A PostgreSQL server in ``folder`` (initdb + pg_ctl start; as the ``postgres`` user
    when the tests run as root)."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from pgcluster import Cluster
    finally:
        sys.path.remove(str(ROOT / "tools"))
    cluster = Cluster(folder, settings={"fsync": "off", "full_page_writes": "off",
                                        "max_connections": "200"})
    cluster.start()
    return cluster


def new_database(cluster) -> str:
    """The URL of a new, empty database on ``cluster`` (the owner connects)."""
    import psycopg

    name = f"t{next(_databases)}"
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return cluster.url(dbname=name)


def new_project(engine: str, folder: Path, request):
    """A new, empty project on ``engine``: a project file in ``folder``, or a team project
    in a new database on the session's PostgreSQL server (the ``pg_cluster`` fixture)."""
    from annotator.store import Store, open_project

    if engine == "file":
        return Store.open(folder / "project.annotator", create=True)
    return open_project(new_database(request.getfixturevalue("pg_cluster")), create=True)
