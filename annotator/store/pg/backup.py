"""Snapshots of a team project as project files (``annotator backup URL``, the window's
File → Back up now): a whole copy, undo history included, that opens anywhere without a
server. Written as ``.part`` and renamed into place; the newest :data:`~annotator.store.
backups.KEEP` are kept, beside the user's data, not on the server."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.store.backups import _fsync, _stamp, clean_partials, folder_key, folder_of, prune
from annotator.store.copy import copy_project
from annotator.store.pg.base import PgStoreBase


class PgBackupMixin(PgStoreBase):
    def backup(self, reason: str) -> Path:
        from annotator.store import Store

        key = folder_key(self.location)
        folder = folder_of(key)
        target = folder / f"{key.stem}-{_stamp()}-{reason}{key.suffix}"
        part = target.with_name(target.name + ".part")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            clean_partials(key)
            with Store.open(part, create=True) as copy:
                copy_project(self, copy)
            _fsync(part)
            os.replace(part, target)
        except OSError as e:
            part.unlink(missing_ok=True)
            raise ProjectError(f"{self.location}: cannot write a backup into {folder}: "
                               f"{e.strerror or e}") from None
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        prune(key)
        return target
