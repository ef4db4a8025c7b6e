"""Team projects on a PostgreSQL server: the same store contract as the project file
(:class:`annotator.store.Store`), a second engine. Open one with
:func:`annotator.store.open_project` and a ``postgresql://`` URL."""

from annotator.store.annotations import AnnotationsMixin
from annotator.store.datasets import DatasetsMixin
from annotator.store.documents import DocumentsMixin
from annotator.store.pg.backup import PgBackupMixin
from annotator.store.pg.base import PgStoreBase
from annotator.store.pg.check import PgCheckMixin
from annotator.store.pg.errors import ConnectionLost, NotAllowed, ReadOnlyError
from annotator.store.pg.journal import PgJournalMixin
from annotator.store.pg.presence import PresenceMixin, ReviewLocked
from annotator.store.pg.search import PgSearchMixin
from annotator.store.pg.team import Member, TeamMixin
from annotator.store.pg.url import TeamURL, is_team_url
from annotator.store.stats import StatsMixin


class PgStore(PgJournalMixin, TeamMixin, PresenceMixin, StatsMixin, PgSearchMixin, DatasetsMixin,
              AnnotationsMixin, DocumentsMixin, PgCheckMixin, PgBackupMixin, PgStoreBase):
    """An open team project. Use :meth:`open`; close with :meth:`close` or ``with``."""


__all__ = ["ConnectionLost", "Member", "NotAllowed", "PgStore", "ReadOnlyError", "ReviewLocked",
           "TeamURL", "is_team_url"]
