"""Both engines keep the store contract (annotator.core.store.ProjectStore): every method
and attribute it declares exists on the project file's store and on the team project's,
with the same parameters. (mypy checks the same statically: annotator/store/__init__.py.)"""

from __future__ import annotations

import inspect

import pytest

from annotator.core.store import ProjectStore, TeamStore
from annotator.store import Store
from annotator.store.pg import PgStore


def members(protocol) -> dict[str, object]:
    own = {}
    for klass in reversed(protocol.__mro__):
        if klass in (object,) or not getattr(klass, "_is_protocol", False):
            continue
        own.update({k: v for k, v in vars(klass).items() if not k.startswith("_")})
        own.update(dict.fromkeys(getattr(klass, "__annotations__", {})))
    return own


def parameters(fn) -> list[tuple[str, object]]:
    return [(p.name, p.kind) for p in inspect.signature(fn).parameters.values()]


@pytest.mark.parametrize(("engine", "protocol"), [(Store, ProjectStore), (PgStore, TeamStore)])
def test_every_member_of_the_contract_is_there_with_the_same_parameters(engine, protocol):
    declared = members(protocol)
    assert {"document", "apply_command", "search", "location", "reopen"} <= set(declared)
    for name, value in declared.items():
        assert hasattr(engine, name) or name in ("kind", "read_only", "closed", "path",
                                                  "checked", "url", "user", "role"), name
        if inspect.isfunction(value):
            assert parameters(getattr(engine, name)) == parameters(value), name


def test_core_formats_review_and_stats_do_not_pick_an_engine():
    """They see the contract only: no import of an engine's module."""
    import re
    from pathlib import Path

    engine = re.compile(r"^\s*(from|import)\s+(annotator\.store\.pg|psycopg)\b", re.M)
    package = Path(__file__).resolve().parents[2] / "annotator"
    for folder in ("core", "formats", "review", "stats"):
        for path in (package / folder).rglob("*.py"):
            assert not engine.search(path.read_text(encoding="utf-8")), path
