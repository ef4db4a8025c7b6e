"""Members of a team project: PostgreSQL roles, and what each may do.

``annotator team add-member URL NAME --role annotator|reviewer|reader`` (run as the
project's owner) makes the login role ``NAME`` if the server has none, and puts it in
exactly one of the project's group roles (:func:`annotator.store.pg.schema.group_role`).
The server then decides every write by the connected role: the application never has to be
trusted with it. A password, when one is set, is turned into a SCRAM verifier on this
machine (libpq's ``PQencryptPasswordConn``): the server, its logs and this program's
messages never see it in clear.
"""

from __future__ import annotations

from dataclasses import dataclass

from psycopg import sql

from annotator.core.annotation import Annotator, now
from annotator.core.errors import ProjectError
from annotator.store.pg.base import PgStoreBase
from annotator.store.pg.errors import NotAllowed
from annotator.store.pg.schema import ROLES, group_role

#: the annotators table knows annotators and reviewers (readers annotate nothing)
_ANNOTATOR_ROLE = {"annotator": "annotator", "reviewer": "reviewer"}


@dataclass(frozen=True)
class Member:
    name: str
    role: str  # reader | annotator | reviewer | owner
    can_login: bool

    def to_dict(self) -> dict:
        return {"name": self.name, "role": self.role, "can_login": self.can_login}


def check_member_name(name: str) -> str:
    """A role name PostgreSQL takes (quoted, any characters but NUL, at most 63 bytes)."""
    if not name or "\x00" in name or len(name.encode()) > 63:
        raise ProjectError(f"{name!r}: a member's name is 1 to 63 bytes (UTF-8), no NUL")
    if name.lower().startswith("pg_"):
        raise ProjectError(f"{name}: names starting with pg_ are reserved by PostgreSQL")
    return name


class TeamMixin(PgStoreBase):
    """Members and identity; listed first in :class:`~annotator.store.pg.PgStore`, so its
    ``add_annotator`` replaces the file project's."""

    def identify(self, asked: Annotator) -> Annotator:
        """The connected role, whatever name was asked for: the name on the member's spans
        is their PostgreSQL role; the display name is the one the owner gave, else the
        one asked for."""
        row = self.conn.execute("SELECT name FROM annotators WHERE id = ?",
                                (self.user,)).fetchone()
        name = row[0] if row and row[0] != self.user else (asked.name or self.user)
        role = "reviewer" if self.role in ("owner", "reviewer") else "annotator"
        return Annotator(self.user, name, role)

    def add_annotator(self, annotator: Annotator) -> None:
        """Register an annotator: members register themselves (their name only; the owner
        sets roles with add-member), the owner anyone."""
        known = self.conn.execute("SELECT name, role FROM annotators WHERE id = ?",
                                  (annotator.id,)).fetchone()
        if known is not None and tuple(known) == (annotator.name, annotator.role):
            return  # nothing to change (and no notification for colleagues)
        with self.transaction():
            if self.role == "owner":
                self.conn.execute(
                    "INSERT INTO annotators(id, name, role, created) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role",
                    (annotator.id, annotator.name, annotator.role, now()))
            else:
                self.conn.execute(
                    "INSERT INTO annotators(id, name, role, created) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET name = excluded.name",
                    (annotator.id, annotator.name, annotator.role, now()))

    def _documents_inserted(self) -> None:
        self._index_known = False  # indexed by the caller, or on the next search

    def _groups(self) -> dict[str, sql.Identifier]:
        database = self.conn.raw.info.dbname
        return {role: sql.Identifier(group_role(database, role)) for role in ROLES}

    def _owner_only(self, what: str) -> None:
        if self.role != "owner":
            raise NotAllowed(f"{self.location}: only the project's owner can {what} "
                             f"({self.user} is {self.role})")

    def add_member(self, name: str, role: str, password: str | None = None,
                   display_name: str | None = None) -> Member:
        """Make ``name`` a member with ``role`` (replacing any role it had here)."""
        self._owner_only("add members")
        name = check_member_name(name)
        if role not in ROLES:
            raise ProjectError(f"{role!r}: a role is one of {', '.join(ROLES)}")
        groups, member = self._groups(), sql.Identifier(name)
        with self.transaction():
            exists = self.conn.execute_raw("SELECT rolcanlogin FROM pg_roles WHERE "
                                           "rolname = %s", (name,)).fetchone()
            if exists is None:
                self.conn.execute_raw(sql.SQL("CREATE ROLE {} LOGIN").format(member))
            if password is not None:
                verifier = self.conn.raw.pgconn.encrypt_password(
                    password.encode(), name.encode(), b"scram-sha-256").decode()
                self.conn.execute_raw(sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    member, sql.Literal(verifier)))
            for other in ROLES:
                self.conn.execute_raw(sql.SQL("REVOKE {} FROM {}").format(groups[other],
                                                                          member))
            self.conn.execute_raw(sql.SQL("GRANT {} TO {}").format(groups[role], member))
            if role in _ANNOTATOR_ROLE:
                self.conn.execute(
                    "INSERT INTO annotators(id, name, role, created) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET role = excluded.role, name = "
                    "coalesce(?, annotators.name)",
                    (name, display_name or name, _ANNOTATOR_ROLE[role], now(), display_name))
        return Member(name, role, True if exists is None else bool(exists[0]))

    def remove_member(self, name: str) -> None:
        """Take every right on this project from ``name`` (their spans stay, as theirs)."""
        self._owner_only("remove members")
        groups, member = self._groups(), sql.Identifier(check_member_name(name))
        with self.transaction():
            if self.conn.execute_raw("SELECT 1 FROM pg_roles WHERE rolname = %s",
                                     (name,)).fetchone() is None:
                raise ProjectError(f"{self.location}: no such member: {name}")
            for role in ROLES:
                self.conn.execute_raw(sql.SQL("REVOKE {} FROM {}").format(groups[role],
                                                                          member))

    def members(self) -> list[Member]:
        """Everyone with a role on this project, by name."""
        database = self.conn.raw.info.dbname
        rows = self.conn.execute_raw(
            "SELECT m.rolname, g.rolname, m.rolcanlogin FROM pg_auth_members a "
            "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
            "WHERE g.rolname = ANY(%s) ORDER BY m.rolname",
            ([group_role(database, r) for r in ROLES],)).fetchall()
        prefix = len(database) + 1
        out: dict[str, Member] = {}
        for name, group, login in rows:
            role = group[prefix:]
            if role in ROLES and name not in [group_role(database, r) for r in ROLES]:
                known = out.get(name)
                if known is None or ROLES.index(role) > ROLES.index(known.role):
                    out[name] = Member(name, role, bool(login))
        return sorted(out.values(), key=lambda m: m.name)
