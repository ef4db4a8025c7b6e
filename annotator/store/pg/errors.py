"""PostgreSQL's errors as the store's typed, one-line errors (as qutebrowser's
``misc/sql.py`` sorts SQLite's into known kinds): a lost connection, a refusal by the
server's rights, a conflict between two members, anything else. A password never appears
in a message: the address shown is :attr:`TeamURL.location`, and the server's text is
scrubbed of the password in case a driver quoted it."""

from __future__ import annotations

import psycopg
from psycopg import errors

from annotator.core.errors import (
    AnnotatorError,
    ConflictError,
    ConnectionLost,
    NotAllowed,
    ProjectError,
)
from annotator.store.base import ReadOnlyError  # one error for both engines

__all__ = ["ConnectionLost", "NoSuchDatabase", "NotAllowed", "ReadOnlyError", "connect_error",
           "translate_error"]


def _first_line(e: Exception, password: str | None) -> str:
    text = (getattr(getattr(e, "diag", None), "message_primary", None) or str(e)).strip()
    text = text.splitlines()[0] if text else type(e).__name__
    if password:
        text = text.replace(password, "…")
    return text


class NoSuchDatabase(ProjectError):
    """The server is there, the database is not."""


_LOGIN = ("password authentication failed", "role \"", "no pg_hba.conf entry",
          "password", "authentication")


def connect_error(e: psycopg.Error, location: str, password: str | None = None
                  ) -> ProjectError:
    """Why connecting failed, in one line (libpq reports every reason as an
    OperationalError with the server's text, so the text tells them apart)."""
    text = str(e).replace("\n", " ")
    if password:
        text = text.replace(password, "…")
    reason = text.split("FATAL:", 1)[-1].strip() if "FATAL:" in text else \
        text.removeprefix("connection failed:").strip()
    reason = " ".join(reason.split())
    if "permission denied for database" in reason:
        return NotAllowed(f"{location}: not a member of this project ({reason}; ask its "
                          "owner: annotator team add-member)")
    if "does not exist" in reason and "database" in reason:
        return NoSuchDatabase(f"{location}: no such database ({reason})")
    if any(word in reason for word in _LOGIN):
        return ProjectError(f"{location}: the server refused the login ({reason})")
    return ConnectionLost(f"{location}: cannot reach the server ({reason})")


def translate_error(e: psycopg.Error, location: str, password: str | None = None
                    ) -> AnnotatorError:
    why = _first_line(e, password)
    if isinstance(e, errors.InsufficientPrivilege):
        return NotAllowed(f"{location}: not allowed ({why}); nothing was changed")
    if isinstance(e, errors.SerializationFailure | errors.DeadlockDetected):
        return ConflictError(f"{location}: a colleague changed the same thing at the same "
                             "moment; nothing was changed, try again")
    if isinstance(e, errors.ForeignKeyViolation):  # a relation's span, deleted that moment
        return ConflictError(f"{location}: what this edit relies on was deleted by a "
                             "colleague at the same moment; nothing was changed")
    if isinstance(e, errors.InvalidPassword | errors.InvalidAuthorizationSpecification):
        return ProjectError(f"{location}: the server refused the login ({why})")
    if isinstance(e, psycopg.OperationalError):
        return ConnectionLost(f"{location}: cannot reach the server ({why})")
    return ProjectError(f"{location}: {why}")
