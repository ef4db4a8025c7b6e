"""Team project addresses: ``postgresql://user@host[:port]/dbname`` (libpq's URL form).

The text the user gave is kept to connect with (libpq reads the password from it, from
``~/.pgpass``/``PGPASSFILE`` or a service file, and ``sslmode`` and the rest from it or the
environment). :attr:`TeamURL.location` is the same address without a password: the only
form that is ever shown, logged or stored in settings.
"""

from __future__ import annotations

from urllib.parse import quote

from annotator.core.errors import ProjectError

SCHEMES = ("postgresql://", "postgres://")


def is_team_url(ref: object) -> bool:
    """Whether a PROJECT argument names a team project (else: a project file)."""
    return isinstance(ref, TeamURL) or (isinstance(ref, str) and ref.lower().startswith(SCHEMES))


class TeamURL:
    def __init__(self, url: str):
        from psycopg.conninfo import conninfo_to_dict  # psycopg only for team projects

        try:
            self.params = conninfo_to_dict(url)
        except Exception as e:  # psycopg's ProgrammingError: the text is no URL
            bad = str(e).splitlines()[0] if str(e) else "cannot be read"
            raise ProjectError(f"{_without_password(url)}: not a PostgreSQL address ({bad})"
                               ) from None
        self.conninfo = url

    @property
    def password(self) -> str | None:
        return self.params.get("password")  # type: ignore[return-value]

    @property
    def database(self) -> str:
        return str(self.params.get("dbname") or self.params.get("user") or "")

    @property
    def location(self) -> str:
        """``postgresql://user@host:port/db?…`` with every option but the password."""
        p = {k: str(v) for k, v in self.params.items() if k != "password"}
        user = quote(p.pop("user", ""), safe="")
        host = p.pop("host", "")
        port = p.pop("port", "")
        db = quote(p.pop("dbname", ""), safe="")
        netloc = (f"{user}@" if user else "") + (quote(host, safe="") if "/" in host else host)
        netloc += f":{port}" if port else ""
        query = "&".join(f"{k}={quote(v, safe='')}" for k, v in sorted(p.items()))
        return f"postgresql://{netloc}/{db}" + (f"?{query}" if query else "")

    def with_password(self, password: str | None) -> TeamURL:
        """The same address with a password to connect with (kept in memory only)."""
        if not password:
            return self
        from psycopg.conninfo import make_conninfo

        copy = TeamURL.__new__(TeamURL)
        copy.params = {**self.params, "password": password}
        copy.conninfo = make_conninfo(self.conninfo, password=password)
        return copy

    def with_database(self, dbname: str) -> TeamURL:
        from psycopg.conninfo import make_conninfo

        copy = TeamURL.__new__(TeamURL)
        copy.params = {**self.params, "dbname": dbname}
        copy.conninfo = make_conninfo(**copy.params)  # type: ignore[arg-type]
        return copy

    def __str__(self) -> str:
        return self.location

    __repr__ = __str__


def _without_password(url: str) -> str:
    """Best effort for text that did not parse: drop ``:secret@`` and ``password=``."""
    import re

    url = re.sub(r"(//[^/@:]*):[^@/]*@", r"\1@", url)
    return re.sub(r"(?i)password=[^&\s]*", "password=…", url)
