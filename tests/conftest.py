"""Shared fixtures. Qt runs offscreen so the suite needs no display."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def fresh_store():
    from annotator.store import Store

    store = Store.memory()
    yield store
    store.close()


# --- PostgreSQL: one throwaway cluster per test session (tools/pgcluster.py) ----------------
_pg_counter = iter(range(1, 10**9))


@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL server for the session: ``initdb`` + ``pg_ctl start`` in a temporary
    folder, on a Unix socket there and a free loopback port; stopped at the end. When it
    cannot start, every test that needs it errors (never skips): `.ci/run` installs
    PostgreSQL where it is missing."""
    import shutil
    import sys
    import tempfile

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from pgcluster import Cluster
    finally:
        sys.path.remove(str(ROOT / "tools"))
    folder = tempfile.mkdtemp(prefix="annotator-pg-")  # short: a socket path is limited
    cluster = Cluster(folder, settings={"fsync": "off", "full_page_writes": "off",
                                        "max_connections": "200"})
    cluster.start()
    yield cluster
    cluster.stop("immediate")
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def team_url(pg_cluster) -> str:
    """The URL of a new, empty database on the session's server (the owner connects)."""
    import psycopg

    name = f"t{next(_pg_counter)}"
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return pg_cluster.url(dbname=name)
