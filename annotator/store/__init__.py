"""The project store: ``Store.open(path)``. Only this package speaks SQL."""

from annotator.store.annotations import AnnotationsMixin
from annotator.store.backups import BackupsMixin
from annotator.store.base import SQLITE_MAGIC, ReadOnlyError, StoreBase, find_damage
from annotator.store.check import CheckMixin
from annotator.store.damage import DamagedError, damage_of
from annotator.store.datasets import DatasetsMixin
from annotator.store.documents import DocumentsMixin
from annotator.store.search import SearchMixin
from annotator.store.stats import StatsMixin


class Store(StatsMixin, SearchMixin, DatasetsMixin, AnnotationsMixin, DocumentsMixin, CheckMixin,
            BackupsMixin, StoreBase):
    """An open project. Use :meth:`open`; close with :meth:`close` or ``with``."""


__all__ = ["SQLITE_MAGIC", "DamagedError", "ReadOnlyError", "Store", "damage_of", "find_damage"]
