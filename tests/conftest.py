"""Shared fixtures. Qt runs offscreen so the suite needs no display."""

from __future__ import annotations

import os
import sys
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


# --- the store's two engines (tests/engines.py) ---------------------------------------------
sys.path.insert(0, str(Path(__file__).resolve().parent))  # `import engines` in test modules
import engines  # noqa: E402


@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL server for the session: ``initdb`` + ``pg_ctl start`` in a temporary
    folder, on a Unix socket there and a free loopback port; stopped at the end. When it
    cannot start, every test that needs it errors (never skips): `.ci/run` installs
    PostgreSQL where it is missing."""
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="annotator-pg-")  # short: a socket path is limited
    cluster = engines.start_cluster(folder)
    yield cluster
    cluster.stop("immediate")
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def own_server():
    """A PostgreSQL server of the test's own, to stop and start (the session's is shared)."""
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="annotator-pgo-")
    cluster = engines.start_cluster(folder)
    yield cluster
    cluster.stop("immediate")
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def team_url(pg_cluster) -> str:
    """The URL of a new, empty database on the session's server (the owner connects)."""
    return engines.new_database(pg_cluster)


@pytest.fixture(params=engines.ENGINES)
def engine_store(request, tmp_path):
    """A new, empty project on each engine in turn: the store contract's tests take it, so
    they hold for the project file and the team project alike."""
    store = engines.new_project(request.param, tmp_path, request)
    yield store
    store.close()
