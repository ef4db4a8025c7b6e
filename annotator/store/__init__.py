"""The project store: ``Store.open(path)``. Only this package speaks SQL."""

from typing import TYPE_CHECKING

from annotator.store.annotations import AnnotationsMixin
from annotator.store.backups import BackupsMixin
from annotator.store.base import SQLITE_MAGIC, ReadOnlyError, StoreBase, find_damage
from annotator.store.check import CheckMixin
from annotator.store.checkout import CheckoutMixin
from annotator.store.damage import DamagedError, damage_of
from annotator.store.datasets import DatasetsMixin
from annotator.store.documents import DocumentsMixin
from annotator.store.search import SearchMixin
from annotator.store.stats import StatsMixin


class Store(StatsMixin, SearchMixin, DatasetsMixin, AnnotationsMixin, DocumentsMixin, CheckMixin,
            CheckoutMixin, BackupsMixin, StoreBase):
    """An open project. Use :meth:`open`; close with :meth:`close` or ``with``."""


def is_team(ref) -> bool:
    """Whether PROJECT (a command's argument, a recent-list entry, a parsed address) names a
    team project on a PostgreSQL server rather than a project file."""
    if isinstance(ref, str):  # not importing psycopg for a file's sake
        return ref.lower().startswith(("postgresql://", "postgres://"))
    return hasattr(ref, "conninfo")  # an address already parsed (store.pg.url.TeamURL)


def shown_location(ref) -> str:
    """PROJECT as people see it: a file's path; a team project's address, no password."""
    if is_team(ref):
        from annotator.store.pg.url import TeamURL

        return TeamURL(ref).location
    return str(ref)


def open_project(ref, **options):
    """Open PROJECT: a project file (a path) or a team project (a ``postgresql://`` URL).
    ``options`` are :meth:`Store.open`'s; a team project ignores those only a file has
    (``check``, ``lock``). psycopg is imported only for a team project."""
    if is_team(ref):
        from annotator.store.pg import PgStore

        return PgStore.open(ref, **options)
    return Store.open(ref, **options)


__all__ = ["SQLITE_MAGIC", "DamagedError", "ReadOnlyError", "Store", "damage_of", "find_damage",
           "is_team", "open_project", "shown_location"]


if TYPE_CHECKING:  # mypy holds both engines to the store contract (core.store)
    from annotator.core.store import ProjectStore, TeamStore
    from annotator.store.pg import PgStore

    def _file_keeps_the_contract(file: Store) -> ProjectStore:
        return file

    def _team_keeps_the_contract(team: PgStore) -> TeamStore:
        return team
