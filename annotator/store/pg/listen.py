"""Live updates: what colleagues committed, as it happens (PostgreSQL ``LISTEN/NOTIFY``).

The schema's triggers send one notification per table and document a transaction changed
(``{"table": "annotations", "by": "chen", "doc": "8228…"}``); PostgreSQL delivers it to
every listening connection as the transaction commits, in well under a millisecond on a
local server. A :class:`Listener` holds a connection of its own (a window watches its
socket from its event loop and takes what arrived; a script can block in :meth:`~Listener.wait`)
and hands the notifications over as :class:`Event` values; the window decides what to
refresh (:mod:`annotator.core.live`).
"""

from __future__ import annotations

import json
import selectors
import time
from collections.abc import Iterator
from typing import NamedTuple

import psycopg

from annotator.store.pg.errors import connect_error
from annotator.store.pg.url import TeamURL

CHANNEL = "annotator"
#: after a first notification, the others arriving this soon come in the same batch
GATHER_S = 0.01


class Event(NamedTuple):
    table: str  # annotations | relations | documents | review_decisions | tagsets | annotators …
    op: str  # INSERT | UPDATE | DELETE
    by: str  # the role that committed it
    doc_id: str | None  # None: the whole project (tagset, annotators)
    pid: int = 0  # the server process of the connection that committed it


def parse(payload: str, pid: int = 0) -> Event | None:
    try:
        data = json.loads(payload)
        return Event(str(data["table"]), str(data["op"]), str(data["by"]),
                     None if data.get("doc") is None else str(data["doc"]), pid)
    except (ValueError, KeyError, TypeError):
        return None  # not one of ours: ignored


class Listener:
    """``LISTEN annotator`` on a connection of its own. :meth:`wait` blocks up to
    ``timeout`` seconds for the first notification, then takes whatever else arrives within
    :data:`GATHER_S`, so a burst comes as one batch. A lost connection raises
    :class:`~annotator.store.pg.errors.ConnectionLost` (one line); :meth:`connect` again
    to resume (what was committed meanwhile is not replayed: reload).

    The socket is waited on with a selector and the notifications are taken without
    waiting: psycopg's ``notifies`` with a short timeout spins (~1 ms of CPU for each 10 ms
    waited), which every window paid after every colleague's commit (~15 ms of CPU a second
    with nine colleagues at two edits a second), and with a long one costs ~0.1 ms a call.
    What psycopg read while the connection ran a statement (a notification that came
    during the ``LISTEN``) is in its own queue, not on the socket: taken first."""

    def __init__(self, url: TeamURL):
        self.url = url
        self.conn: psycopg.Connection | None = None
        self._socket: selectors.BaseSelector | None = None

    def connect(self) -> None:
        self.close()
        try:
            self.conn = psycopg.connect(self.url.conninfo, autocommit=True, connect_timeout=5)
            self.conn.execute(f"LISTEN {CHANNEL}")
            self._socket = selectors.DefaultSelector()  # (select() stops at descriptor 1023)
            self._socket.register(self.conn.fileno(), selectors.EVENT_READ)
        except psycopg.Error as e:
            self.close()
            raise connect_error(e, self.url.location, self.url.password) from None

    def wait(self, timeout: float) -> list[Event]:
        if self.conn is None:
            self.connect()
        try:
            events = self._take()  # read during a statement: not on the socket
            if events or self._readable(timeout):
                events += self._gather()  # the first, and what came with it
        except (psycopg.Error, OSError, ValueError) as e:  # (a socket already gone)
            raise self._lost(e) from None
        return events

    def take(self) -> list[Event]:
        """What has arrived, without waiting (for a caller that watches :meth:`fileno`
        itself, as a window's event loop does); a lost connection raises
        :class:`~annotator.store.pg.errors.ConnectionLost` and closes it."""
        if self.conn is None:
            self.connect()
        try:
            return self._take()
        except (psycopg.Error, OSError, ValueError) as e:
            raise self._lost(e) from None

    def _lost(self, e: Exception) -> Exception:
        """The one-line error for a failure on the connection, which is closed."""
        error = e if isinstance(e, psycopg.Error) else psycopg.OperationalError(str(e))
        self.close()
        return connect_error(error, self.url.location, self.url.password)

    def fileno(self) -> int:
        """The socket to watch for readability (after :meth:`connect`)."""
        assert self.conn is not None
        return self.conn.fileno()

    def _take(self) -> list[Event]:
        assert self.conn is not None
        return list(_events(list(self.conn.notifies(timeout=0))))

    def _readable(self, timeout: float) -> bool:
        assert self._socket is not None
        return bool(self._socket.select(timeout))

    def _gather(self) -> list[Event]:
        """What has arrived, and what arrives within :data:`GATHER_S` of now."""
        events: list[Event] = []
        deadline = time.monotonic() + GATHER_S
        while True:
            events += self._take()
            left = deadline - time.monotonic()
            if left <= 0 or not self._readable(left):
                return events

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def _events(notes: list[psycopg.Notify]) -> Iterator[Event]:
    for note in notes:
        if (event := parse(note.payload, note.pid)) is not None:
            yield event
