"""A team project when the server goes away: the server is killed (``pg_ctl stop -m
immediate``, a crash) while a member is tagging; every edit the store acknowledged is there
after the restart, nothing unacknowledged is shown as saved, and each failure was one line.
A server of its own (the session's is shared by every other test)."""

from __future__ import annotations

import threading
import time

import engines

from annotator.core.annotation import Annotator
from annotator.core.errors import AnnotatorError
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.store import open_project
from annotator.store.pg import ConnectionLost


def test_every_acknowledged_edit_survives_a_server_crash(own_server, seed_paths):
    url = engines.new_database(own_server)
    with open_project(url, create=True) as owner:
        owner.set_tagset(default_tagset())
        import_paths(owner, seed_paths)
    store = open_project(url)
    session = Session(store, Annotator("lin", "Lin"))
    doc = store.document(store.documents()[0].id)
    acknowledged: list[str] = []
    failures: list[str] = []
    crashed = threading.Event()

    def tag_until_down_and_back():
        for i in range(10_000):
            start = (i * 7) % (len(doc.text) - 4)
            try:
                change = session.add(doc.id, doc.text, start, start + 3, "actor.state")
            except AnnotatorError as e:  # lost: say so in one line, try to come back
                failures.append(str(e))
                try:
                    store.reconnect()
                except ConnectionLost:
                    time.sleep(0.05)
                continue
            if change is not None:
                acknowledged.append(change.added[0].id)
            if crashed.is_set() and len(acknowledged) > 40 and failures:
                return

    worker = threading.Thread(target=tag_until_down_and_back)
    worker.start()
    while len(acknowledged) < 20:
        time.sleep(0.01)
    own_server.stop("immediate")  # the server crashes mid-session
    time.sleep(0.5)
    own_server.start()
    crashed.set()
    worker.join(60)
    assert not worker.is_alive()
    store.close()
    with open_project(url) as after:
        stored = {a.id for a in after.annotations(doc.id)}
    assert failures and all("\n" not in f and url.split("@")[1] in f for f in failures)
    assert set(acknowledged) <= stored  # nothing acknowledged was lost
    assert len(stored - set(acknowledged)) <= 1  # at most the one in flight at the crash
    assert len(acknowledged) > 40  # and work went on after the restart
