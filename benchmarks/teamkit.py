"""The team project's server for the team figures: a PostgreSQL cluster built once into the
cache (tools/pgcluster.py) from the cached file projects, started by each team part and
stopped when it ends.

The cached cluster holds the corpus and the long document as team projects (made with
``annotator transfer``'s :func:`~annotator.store.copy.copy_project`, so the same rows as
the file projects), kept as ``pristine_corpus`` and ``pristine_long``; a part works on a
fresh copy named ``corpus`` / ``long`` (``CREATE DATABASE … TEMPLATE``, a file copy of a
few seconds), so what one run adds never reaches the next. The project's group roles are
named after the working name (``corpus_annotator`` …), and the members are made once:
``lin`` and ``wang`` (the corpus's two annotators) and the ten writers ``w01`` … ``w10``
(nine annotators and a reviewer).

The server runs with PostgreSQL's default settings (``fsync`` on: a commit waits for the
disk, as on a real server) but for ``max_connections`` (ten windows hold several
connections each); the build runs with ``fsync`` off.
"""

from __future__ import annotations

import contextlib
import hashlib
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
from psycopg import sql

from annotator import zh
from annotator.store import Store
from annotator.store.copy import ENGINE_META, SELECTED, TABLES
from annotator.store.pg import PgStore
from annotator.store.pg.search import gram_codes
from annotator.store.search import lower

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from data import GENERATOR_VERSION  # noqa: E402
from pgcluster import Cluster  # noqa: E402

#: bump when what the cached cluster holds changes
CLUSTER_VERSION = 2  # 2: search grams as int8[] (schema 5)
WRITERS = tuple(f"w{i:02d}" for i in range(1, 11))
#: the members of each project: name -> role
MEMBERS = {"lin": "annotator", "wang": "annotator",
           **{w: ("reviewer" if w == WRITERS[-1] else "annotator") for w in WRITERS}}
SERVE = {"max_connections": "300"}
BUILD = {**SERVE, "fsync": "off", "full_page_writes": "off"}


def cluster_name(inputs: dict) -> str:
    """The cache entry of the cluster made from these inputs: short, since the server's
    socket lives in it (a socket's path is at most 107 bytes)."""
    made_from = "+".join(Path(inputs[k]).name for k in ("corpus", "long") if k in inputs)
    digest = hashlib.sha1(made_from.encode()).hexdigest()[:10]
    return f"team-g{GENERATOR_VERSION}-c{CLUSTER_VERSION}-{digest}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(folder: Path, inputs: dict, log: Callable[[str], None] = print) -> None:
    """A cluster in ``folder`` holding each cached file project as a team project."""
    cluster = Cluster(folder, port=_free_port(), settings=BUILD)
    cluster.start()
    try:
        for name in ("corpus", "long"):
            if name in inputs:
                log(f"  copying {Path(inputs[name]).name} to the team project {name} …")
                _make_project(cluster, name, Path(inputs[name]))
    finally:
        cluster.stop()


def _make_project(cluster: Cluster, name: str, source: Path) -> None:
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    with Store.open(source, check=False) as src, PgStore.open(cluster.url(dbname=name),
                                                             create=True) as dst:
        bulk_copy(src, dst)
        for member, role in MEMBERS.items():
            dst.add_member(member, role)
        dst.conn.execute_raw("VACUUM ANALYZE")
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute(sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
            sql.Identifier(name), sql.Identifier(f"pristine_{name}")))


def bulk_copy(src: Store, dst: PgStore) -> None:
    """What :func:`~annotator.store.copy.copy_project` makes (the same tables, rows and
    search index), loaded the fast way: ``COPY``, no triggers (notifications, foreign-key
    checks), the search index built once at the end."""
    raw = dst.conn.raw
    index = raw.execute("SELECT pg_get_indexdef('search_grams'::regclass)").fetchone()[0]
    with raw.transaction():
        raw.execute("SET LOCAL session_replication_role = replica")
        raw.execute("DROP INDEX search_grams")
        raw.execute("DELETE FROM tags")
        raw.execute("DELETE FROM tagsets")
        for key, value in src.conn.execute("SELECT key, value FROM meta"):
            if key not in ENGINE_META:
                raw.execute("INSERT INTO meta(key, value) VALUES (%s, %s) ON CONFLICT (key) "
                            "DO UPDATE SET value = excluded.value", (key, value))
        for table, columns, order in TABLES:
            with raw.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                read = SELECTED.get(table, columns)  # a span's stamp as the file stores it
                for row in src.conn.execute(f"SELECT {read} FROM {table} ORDER BY {order}"):
                    copy.write_row(row)
        with raw.cursor().copy("COPY search_text (doc_id, folded, grams) FROM STDIN") as copy:
            for doc_id, text in src.conn.execute("SELECT id, text FROM documents"):
                folded = zh.fold(text)
                copy.write_row((doc_id, None if folded == text else folded,
                                gram_codes(lower(folded))))
        raw.execute("SET LOCAL maintenance_work_mem = '1GB'")
        raw.execute(index)


@contextlib.contextmanager
def server(folder: str | Path, settings: dict[str, str] | None = None) -> Iterator[Cluster]:
    """The cached cluster running (on a free port) for the length of the block."""
    cluster = Cluster(folder, port=_free_port(), settings={**SERVE, **(settings or {})})
    cluster.stop("fast")  # a run that died may have left it running
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop("fast")


def fresh(cluster: Cluster, name: str) -> str:
    """A fresh working copy of the project ``name`` (``corpus``, ``long``); its owner URL."""
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY file_copy").format(
            sql.Identifier(name), sql.Identifier(f"pristine_{name}")))
    from annotator.project import open_project

    open_project(cluster.url(dbname=name)).close()  # the owner upgrades an older schema
    with psycopg.connect(cluster.url(dbname=name), autocommit=True) as conn:
        conn.execute("ANALYZE")
    return cluster.url(dbname=name)


def new_project(cluster: Cluster, name: str) -> str:
    """An empty database ``name`` (dropped first if there) for a new team project."""
    drop(cluster, name)
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return cluster.url(dbname=name)


def drop(cluster: Cluster, name: str) -> None:
    """Drop the database ``name``: a part's throwaway project must not stay in the cached
    cluster, where the server's autovacuum would work through it during a later part
    (after the import, ~a quarter of a core for minutes, in the ten members' run)."""
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))


def member_url(url: str, member: str) -> str:
    """The same project, connected as ``member`` (the cluster trusts local connections)."""
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{member}@{rest.split('@', 1)[1]}"


def build_generated(folder: Path, docs: int, chars: int, units: int, long: str | None,
                    log: Callable[[str], None] = print, search: bool = True) -> None:
    """A cluster holding the corpus straight from the generator (``data.corpus_batches``:
    the same documents and spans as the file project of that size), for sizes whose file
    project is still being built; and the long document, if given, from its file."""
    from data import ANNOTATORS, corpus_batches

    from annotator.core.tagset import default_tagset
    from annotator.store.annotations import _annotation_row

    cluster = Cluster(folder, port=_free_port(), settings=BUILD)
    cluster.start()
    try:
        if long:
            _make_project(cluster, "long", Path(long))
        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE corpus")
        with PgStore.open(cluster.url(dbname="corpus"), create=True) as dst:
            dst.set_tagset(default_tagset())
            for who in ANNOTATORS:
                dst.add_annotator(who)
            raw = dst.conn.raw
            index = raw.execute("SELECT pg_get_indexdef('search_grams'::regclass)").fetchone()[0]
            raw.execute("SET session_replication_role = replica")
            raw.execute("DROP INDEX search_grams")
            done = 0
            for position, (batch, spans) in enumerate(corpus_batches(docs, chars, units,
                                                                    size=1000)):
                if search:
                    dst.add_documents(batch)
                else:  # no search index (it takes longest): for the open figure alone
                    _copy_documents(raw, batch, position * len(batch))
                with raw.transaction(), raw.cursor().copy(
                        'COPY annotations (id, doc_id, start, "end", tag, annotator, attributes, '
                        "created, modified) FROM STDIN") as copy:
                    for span in spans:
                        copy.write_row(_annotation_row(span, dst._stored_modified))
                done += len(batch)
                if done % 10_000 == 0:
                    log(f"  {done:,} / {docs:,} documents")
            raw.execute("SET session_replication_role = DEFAULT")
            raw.execute("SET maintenance_work_mem = '1GB'")
            if search:
                log("  building the search index …")
                raw.execute(index)
            for member, role in MEMBERS.items():
                dst.add_member(member, role)
            raw.execute("VACUUM ANALYZE")
        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            conn.execute("ALTER DATABASE corpus RENAME TO pristine_corpus")
    finally:
        cluster.stop()


def _copy_documents(raw: psycopg.Connection, batch: list, first: int) -> None:
    from annotator.store.documents import document_row

    rows = [document_row(doc, first + i) for i, doc in enumerate(batch)]
    columns = list(rows[0])
    with raw.transaction(), raw.cursor().copy(
            f"COPY documents ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(tuple(row.values()))
