"""Every write in annotator/store goes through ``StoreBase.transaction``.

The checker parses the store's modules with ``ast``. A *write* is an ``execute``,
``executemany`` or ``executescript`` whose SQL starts with INSERT, UPDATE, DELETE, REPLACE,
CREATE, DROP or ALTER (or a WITH … that does one), or whose SQL cannot be worked out
statically (a parameter, ``text.split(";")``: it might write), or a call of a sqlite-utils
method that writes (:data:`DB_WRITES`) on something named ``db`` (``self.db[...].insert_all``,
``db.create_view``). The SQL is worked out from
literals, f-strings, ``+``, ``.format``, module and class constants, local assignments and
``for`` loops over constant tuples. A write is fine when it is lexically inside a
``with <anything>.transaction():`` block of its function, or when its function is only ever
used (called or referred to, anywhere in the annotator package) from such a block or from a
function that is itself fine. Exceptions are listed in :data:`EXEMPT` with the reason, and
the reason is itself tested. PRAGMAs are not counted as writes: ``_setup``'s per-connection
settings change no data and ``journal_mode=WAL`` cannot be set inside a transaction.
"""

from __future__ import annotations

import ast
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "annotator"
#: calls that run SQL: the sqlite3 ones, the PostgreSQL connection's untranslated
#: ``execute_raw``, and the store's streaming ``rows``
EXECUTE = {"execute", "executemany", "executescript", "execute_raw", "rows", "_write",
           "defer"}
WRITE_WORDS = {"INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER"}
#: sqlite-utils methods (of a Database, Table or View) that write
DB_WRITES = {"insert", "insert_all", "upsert", "upsert_all", "update", "delete",
             "delete_where", "drop", "create", "create_table", "create_table_sql", "create_view",
             "create_index", "add_column", "add_foreign_key", "add_foreign_keys",
             "add_missing_columns", "index_foreign_keys", "transform", "lookup", "enable_fts",
             "populate_fts", "rebuild_fts", "disable_fts", "optimize", "vacuum", "analyze",
             "extract", "convert", "duplicate", "rename_table", "enable_wal", "disable_wal",
             "enable_counts", "reset_counts", "m2m", "executescript"}
HOLE = "\x00"  # a piece of SQL that cannot be known statically
Sources = dict[str, str]  # path relative to the package -> source text


def migrations(schema_source: str) -> set[str]:
    """The function names listed in ``MIGRATIONS = (...)``."""
    for node in ast.parse(schema_source).body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "MIGRATIONS" for t in node.targets):
            return {e.id for e in ast.walk(node.value) if isinstance(e, ast.Name)}
    return set()


def real_sources() -> Sources:
    return {str(p.relative_to(PACKAGE)): p.read_text(encoding="utf-8")
            for p in sorted(PACKAGE.rglob("*.py"))}


#: Functions whose writes run inside a transaction that a name search cannot see, and why.
EXEMPT = {name: "a schema migration: StoreBase._migrate (PgStoreBase._migrate) calls each of "
                "schema.MIGRATIONS inside its `with self.transaction()` (checked by "
                "test_migrations_run_inside_the_migrate_transaction)"
          for schema_file in ("schema.py", "pg/schema.py")
          for name in migrations((PACKAGE / "store" / schema_file).read_text(encoding="utf-8"))}
#: pass-throughs: functions that run SQL their callers give them; every call to them is an
#: EXECUTE call whose SQL the checker works out at the call site
PASS_THROUGH = {"execute": "PgConnection.execute: the caller's SQL, translated",
                "executemany": "PgConnection.executemany: the caller's SQL, translated",
                "execute_raw": "PgConnection.execute_raw: the caller's SQL as it is",
                "rows": "StoreCommon.rows / PgStoreBase.rows: the caller's query, streamed",
                "_write": "StoreCommon._write / PgStoreBase._write: the caller's write, "
                          "now or with the next statement",
                "defer": "PgConnection.defer: the caller's write, with the next statement",
                "_first": "PgConnection._first: sends the writes deferred inside the open "
                          "transaction (their SQL is checked where _write/defer is called)",
                "_create_database": "CREATE DATABASE cannot run inside a transaction: "
                                    "annotator init on a database that does not exist yet"}
EXEMPT.update(PASS_THROUGH)


# --- what SQL a call may run ---------------------------------------------------------------
def is_write(sql: str) -> bool | None:
    """Whether ``sql`` writes; None when its start cannot be known."""
    text = re.sub(r"^(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*", "", sql, flags=re.S)
    word = re.match(r"[A-Za-z]+", text)
    if word is None:
        return None if text.startswith(HOLE) or "(" in text[:1] else False
    first = word.group().upper()
    if first == "WITH":
        return re.search(r"\b(INSERT|UPDATE|DELETE|REPLACE)\b", text, re.I) is not None
    return first in WRITE_WORDS


class Evaluator:
    """Possible values of an expression: strings and tuples; None when unknown."""

    def __init__(self, constants: dict[str, list[ast.expr]]):
        self.constants = constants

    def values(self, node: ast.expr, scope: ast.AST | None) -> list | None:
        if isinstance(node, ast.Constant):
            return [node.value]
        if isinstance(node, ast.JoinedStr):
            parts = [self._part(v, scope) for v in node.values]
            return ["".join(p) for p in itertools.product(*parts)]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return _combine(self.values(node.left, scope), self.values(node.right, scope),
                            lambda a, b: a + b if type(a) is type(b) else None)
        if isinstance(node, ast.Tuple | ast.List):
            elements = [self.values(e, scope) for e in node.elts]
            if any(e is None for e in elements) or _size(elements) > 256:
                return None
            return [tuple(t) for t in itertools.product(*elements)]  # type: ignore[arg-type]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "format":
            return self.values(node.func.value, scope)  # keeps the {} holes
        if isinstance(node, ast.Name):
            return self._name(node.id, scope)
        if isinstance(node, ast.Attribute):
            return self._constant(node.attr)
        return None

    def _part(self, value: ast.expr, scope) -> list[str]:
        if isinstance(value, ast.Constant):
            return [str(value.value)]
        found = self.values(value.value, scope) if isinstance(value, ast.FormattedValue) else None
        strings = [v for v in found or () if isinstance(v, str)]
        return strings if found and len(strings) == len(found) else [HOLE]

    def _constant(self, name: str) -> list | None:
        out: list = []
        for expr in self.constants.get(name, []):
            found = self.values(expr, None)
            if found is None:
                return None
            out += found
        return out or None

    def _name(self, name: str, scope) -> list | None:
        if scope is None:
            return self._constant(name)
        out: list = []
        bound = False
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign) and any(_binds(t, name) for t in node.targets):
                bound, found = True, self.values(node.value, scope)
            elif isinstance(node, ast.For) and _binds(node.target, name):
                bound, found = True, self._loop_values(node, name, scope)
            elif isinstance(node, ast.arg | ast.AugAssign | ast.withitem | ast.NamedExpr) and \
                    name in {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} | {
                        getattr(node, "arg", None)}:
                return None
            else:
                continue
            if found is None:
                return None
            out += found
        return out if bound else self._constant(name)

    def _loop_values(self, loop: ast.For, name: str, scope) -> list | None:
        items = self.values(loop.iter, scope)
        if items is None or len(items) != 1 or not isinstance(items[0], tuple):
            return None
        if isinstance(loop.target, ast.Name):
            return list(items[0])
        names = [e.id if isinstance(e, ast.Name) else None for e in loop.target.elts]  # type: ignore[attr-defined]
        at = names.index(name)
        rows = items[0]
        if not all(isinstance(r, tuple) and len(r) == len(names) for r in rows):
            return None
        return [r[at] for r in rows]


def _binds(target: ast.expr, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(target))


def _size(elements: list) -> int:
    size = 1
    for e in elements:
        size *= len(e)
    return size


def _combine(left, right, op) -> list | None:
    if left is None or right is None or len(left) * len(right) > 256:
        return None
    out = [op(a, b) for a in left for b in right]
    return None if any(v is None for v in out) else out


# --- where each node runs ------------------------------------------------------------------
@dataclass(frozen=True)
class Site:
    module: str
    node: ast.AST
    function: ast.AST | None  # the innermost def or lambda, None at module level
    in_transaction: bool  # lexically inside `with ….transaction():` in that function


def is_transaction(expr: ast.expr) -> bool:
    return isinstance(expr, ast.Call) and (
        isinstance(expr.func, ast.Attribute) and expr.func.attr == "transaction"
        or isinstance(expr.func, ast.Name) and expr.func.id == "transaction")


def sites(module: str, tree: ast.AST) -> Iterator[Site]:
    stack: list[tuple[ast.AST, ast.AST | None, bool]] = [(tree, None, False)]
    while stack:
        node, function, tx = stack.pop()
        yield Site(module, node, function, tx)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            function, tx = node, False
        inner = isinstance(node, ast.With | ast.AsyncWith) and any(
            is_transaction(i.context_expr) for i in node.items)
        for child in ast.iter_child_nodes(node):
            stack.append((child, function, tx or (inner and isinstance(child, ast.stmt))))


def name_of(function: ast.AST | None) -> str | None:
    return function.name if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef) \
        else None


@dataclass(frozen=True)
class Write:
    where: str  # store/x.py:LINE
    function: str
    sql: str
    covered: bool


def write_calls(sources: Sources, exempt: dict[str, str] | None = None) -> list[Write]:
    """Every write call in the store modules, and whether a transaction covers it."""
    exempt = EXEMPT if exempt is None else exempt
    trees = {m: parse(s) for m, s in sources.items()}
    store = {m for m in trees if m.startswith("store/")}
    all_sites = [s for m, t in trees.items() for s in sites(m, t)]
    evaluator = Evaluator(constants(trees[m] for m in store))
    covered = covered_functions(all_sites, store, set(exempt))
    out = []
    for site in all_sites:
        call = site.node
        if site.module not in store or not (isinstance(call, ast.Call) and isinstance(
                call.func, ast.Attribute)):
            continue
        if is_db_write(call):
            out.append(Write(f"{site.module}:{call.lineno}", name_of(site.function) or
                             "<module>", f"sqlite-utils {ast.unparse(call.func)}",
                             site.in_transaction or name_of(site.function) in covered))
            continue
        if call.func.attr not in EXECUTE:
            continue
        sql = evaluator.values(call.args[0], site.function) if call.args else None
        verdicts = [is_write(v) if isinstance(v, str) else None for v in sql or [None]]
        if all(v is False for v in verdicts):
            continue
        preview = " | ".join(" ".join(v.split())[:60] for v in sql or [] if isinstance(v, str))
        out.append(Write(f"{site.module}:{call.lineno}", name_of(site.function) or "<module>",
                         preview.replace(HOLE, "…") or "<unknown SQL>",
                         site.in_transaction or name_of(site.function) in covered))
    return sorted(out, key=lambda w: (w.where.split(":")[0], int(w.where.split(":")[1])))


def is_db_write(call: ast.Call) -> bool:
    """A sqlite-utils method that writes, called on a ``db`` (or one of its tables)."""
    func = call.func
    return isinstance(func, ast.Attribute) and func.attr in DB_WRITES and re.search(
        r"\bdb\b", ast.unparse(func.value)) is not None


@functools.cache
def parse(source: str) -> ast.Module:
    return ast.parse(source)  # trees are only read, so one parse per source text will do


def constants(trees) -> dict[str, list[ast.expr]]:
    """Module- and class-level ``NAME = value`` assignments of the store, by name."""
    out: dict[str, list[ast.expr]] = {}
    for tree in trees:
        bodies = [tree.body] + [c.body for c in tree.body if isinstance(c, ast.ClassDef)]
        for stmt in itertools.chain(*bodies):
            if isinstance(stmt, ast.Assign):
                for target in stmt.targets:
                    if isinstance(target, ast.Name):
                        out.setdefault(target.id, []).append(stmt.value)
    return out


def covered_functions(all_sites: list[Site], store: set[str], exempt: set[str]) -> set[str]:
    """Names of store functions only ever called inside a transaction (least fixed point).
    A use that is not a call (passed on, returned) may run anywhere: never covered."""
    defined = {name_of(s.node) for s in all_sites if s.module in store} - {None}
    called = {id(s.node.func) for s in all_sites if isinstance(s.node, ast.Call)}
    uses: dict[str, list[Site]] = {name: [] for name in defined}
    for site in all_sites:
        node = site.node
        name = node.id if isinstance(node, ast.Name) else \
            node.attr if isinstance(node, ast.Attribute) else None
        if name in uses:
            uses[name].append(site)
    covered = set(exempt)
    while True:
        more = {name for name, used in uses.items() if name not in covered and used and all(
            id(u.node) in called and (u.in_transaction or name_of(u.function) in covered)
            for u in used)}
        if not more:
            return covered
        covered |= more


def bare(sources: Sources, exempt: dict[str, str] | None = None) -> list[str]:
    return [f"{w.where} in {w.function}: {w.sql}" for w in write_calls(sources, exempt)
            if not w.covered]


# --- the real store ------------------------------------------------------------------------
def test_every_write_in_the_store_is_inside_a_transaction():
    writes = write_calls(real_sources())
    assert len(writes) >= 20  # the checker sees the writes at all
    assert any("INSERT INTO journal" in w.sql for w in writes)
    assert any("INSERT INTO documents" in w.sql for w in writes)  # an executemany's too
    # (the store writes nothing through sqlite-utils now: "sqlite-utils bare" below checks
    # that the checker would see it)
    assert [f"{w.where} in {w.function}: {w.sql}" for w in writes if not w.covered] == []


def test_migrations_run_inside_the_migrate_transaction():
    """The reason for EXEMPT: _migrate calls each migration inside its transaction."""
    assert all(name.startswith("_v") for name in set(EXEMPT) - set(PASS_THROUGH))
    for base in ("base.py", "pg/base.py"):
        tree = ast.parse((PACKAGE / "store" / base).read_text(encoding="utf-8"))
        migrate = next(s for s in sites(base, tree) if name_of(s.node) == "_migrate").node
        loops = [s for s in sites(base, migrate) if isinstance(s.node, ast.For)
                 and "MIGRATIONS" in ast.unparse(s.node.iter)]
        assert len(loops) == 1 and loops[0].in_transaction, base
        loop = loops[0].node
        assert isinstance(loop, ast.For)
        called = {ast.unparse(n.func) for n in ast.walk(loop) if isinstance(n, ast.Call)}
        assert {ast.unparse(t) for t in ast.walk(loop.target) if isinstance(t, ast.Name)} \
            & called, base


def test_pass_throughs_only_hand_on_their_callers_sql():
    """The reason for PASS_THROUGH: each runs the SQL its caller passed (a parameter), or
    is CREATE DATABASE, which PostgreSQL refuses inside a transaction."""
    for path, source in real_sources().items():
        for site in sites(path, ast.parse(source)):
            name = name_of(site.node)
            if name not in PASS_THROUGH or name in ("_create_database", "_first") or \
                    not isinstance(site.node, ast.FunctionDef):
                continue
            params = {a.arg for a in site.node.args.args}
            for call in ast.walk(site.node):
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) \
                        and call.func.attr in EXECUTE and call.args:
                    used = {n.id for n in ast.walk(call.args[0]) if isinstance(n, ast.Name)}
                    assert used & params, f"{path}: {name} runs SQL of its own"


def test_the_deferred_writes_sent_are_only_those_defer_was_given():
    """The reason for _first in PASS_THROUGH: besides BEGIN, it runs only the SQL it takes
    from ``self.deferred``, which only ``defer`` fills (with its caller's SQL)."""
    tree = ast.parse((PACKAGE / "store" / "pg" / "connection.py").read_text(encoding="utf-8"))
    functions = {name_of(s.node): s.node for s in sites("pg/connection.py", tree)}
    first = functions["_first"]
    loops = [n for n in ast.walk(first) if isinstance(n, ast.For)]
    taken = {n.id for loop in loops if "deferred" in ast.unparse(loop.iter)
             for n in ast.walk(loop.target) if isinstance(n, ast.Name)}
    runs = [c.args[0] for c in ast.walk(first) if isinstance(c, ast.Call) and isinstance(
        c.func, ast.Attribute) and c.func.attr in EXECUTE and c.args]
    assert runs and all(isinstance(a, ast.Constant) and a.value == "BEGIN" or
                        isinstance(a, ast.Name) and a.id in taken for a in runs)
    fills = [f for f, node in functions.items() if any(
        "self.deferred.append" in ast.unparse(n) for n in ast.walk(node))]
    assert fills == ["defer"]


def test_removing_the_transactions_of_a_real_module_is_caught():
    sources = real_sources()
    module = "store/documents.py"
    before = {w.where for w in write_calls(sources) if w.where.startswith(module)}
    assert len(before) >= 5
    sources[module] = sources[module].replace("with self.transaction():", "if True:")
    assert before <= {line.split(" in ")[0] for line in bare(sources)}


# --- the checker on small sources ----------------------------------------------------------
HEADER = "SQL = 'UPDATE t SET x = 1'\nREADS = ('SELECT 1', 'SELECT 2')\n"
CASES = {
    "bare insert": ("def f(self):\n    self.conn.execute('INSERT INTO t VALUES (1)')\n", 1),
    "inside": ("def f(self):\n    with self.transaction():\n"
               "        self.conn.execute('insert into t values (1)')\n", 0),
    "select": ("def f(self):\n    self.conn.execute('SELECT 1').fetchone()\n", 0),
    "helper used inside only": (
        "def _h(self):\n    self.conn.executemany('DELETE FROM t WHERE x = ?', [])\n"
        "def _g(self):\n    self._h()\n"
        "def f(self):\n    with self.transaction():\n        self._g()\n", 0),
    "helper also used outside": (
        "def _h(self):\n    self.conn.execute('DELETE FROM t')\n"
        "def f(self):\n    with self.transaction():\n        self._h()\n"
        "def g(self):\n    self._h()\n", 1),
    "helper never used": ("def _h(conn):\n    conn.execute('DROP TABLE t')\n", 1),
    "helper passed around": ("def _h(conn):\n    conn.execute('DROP TABLE t')\n"
                             "def f(self):\n    run(_h)\n", 1),
    "def inside with": ("def f(self):\n    with self.transaction():\n        def g():\n"
                        "            self.conn.execute('DELETE FROM t')\n        return g\n", 1),
    "f-string": ("def f(self, table):\n    self.conn.execute(f'DELETE FROM {table}')\n", 1),
    "constant in f-string": ("def f(self):\n    self.conn.execute(f'{SQL} WHERE y = 2')\n", 1),
    "class constant": ("class S:\n    _Q = ('ALTER TABLE t ' 'ADD c')\n"
                       "    def f(self):\n        self.conn.execute(self._Q)\n", 1),
    "concatenation": ("def f(self):\n    self.conn.execute('SELECT 1; ' + SQL)\n", 0),
    "concatenated write": ("def f(self):\n    self.conn.execute(' \\n-- hi\\n ' + SQL)\n", 1),
    "loop over reads": ("def f(self):\n    for q in READS:\n        self.conn.execute(q)\n", 0),
    "loop over pairs": ("def f(self):\n    for q, m in (('SELECT 1', 'a'), (SQL, 'b')):\n"
                        "        self.conn.execute(q)\n", 1),
    "parameter": ("def f(self, query):\n    self.conn.execute(query)\n", 1),
    "split": ("def f(conn, script):\n    for s in script.split(';'):\n"
              "        conn.execute(s)\n", 1),
    "executescript": ("def f(self):\n    self.conn.executescript('CREATE TABLE t(x)')\n", 1),
    "with cte": ("def f(self):\n    self.conn.execute('WITH a AS (SELECT 1) DELETE FROM t')\n", 1),
    "local": ("def f(self):\n    q = 'REPLACE INTO t VALUES (1)'\n    self.conn.execute(q)\n", 1),
    "sqlite-utils bare": ("def f(self, rows):\n    self.db['t'].insert_all(rows)\n", 1),
    "sqlite-utils inside": ("def f(self, rows):\n    with self.transaction():\n"
                            "        self.db['t'].insert_all(rows)\n", 0),
    "sqlite-utils view": ("def f(conn):\n    db = Database(conn)\n"
                          "    db.create_view('v', 'SELECT 1')\n", 1),
    "sqlite-utils read": ("def f(self):\n    return self.db['t'].columns_dict\n", 0),
    "a list's insert": ("def f(self, rows):\n    rows.insert(0, 'x')\n", 0),
}


@pytest.mark.parametrize("case", CASES)
def test_the_checker_on_a_snippet(case):
    source, expected = CASES[case]
    assert len(bare({"store/m.py": HEADER + source}, exempt={})) == expected


def test_a_helper_used_inside_another_modules_transaction_and_an_exemption():
    helper = "def _h(conn):\n    conn.execute('CREATE TABLE t(x)')\n"
    user = "def f(store):\n    with store.transaction():\n        _h(store.conn)\n"
    assert bare({"store/m.py": helper, "project.py": user}, exempt={}) == []
    assert bare({"store/m.py": helper, "project.py": "def f(s):\n    _h(s.conn)\n"},
                exempt={}) == ["store/m.py:2 in _h: CREATE TABLE t(x)"]
    assert bare({"store/m.py": helper}, exempt={"_h": "a test"}) == []
