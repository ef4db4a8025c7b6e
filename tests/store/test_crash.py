"""Killing the annotator at any moment loses nothing it acknowledged and half-applies nothing.

A child process edits a project through :class:`annotator.core.session.Session`, the code
path of the window (add, retag, delete, relate, unrelate, undo, redo, chosen by a seeded
generator), writing
``do <kind>`` before each call and ``ack <result>`` after it returns. The parent kills it
with SIGKILL after a random delay (a quarter of them within 3 ms of its start, while it is
still opening the project), then, on the same project every time so damage would pile up:

* ``PRAGMA integrity_check`` is ok and ``annotator check`` finds nothing;
* durability and atomicity: the undo history (done and undone commands) is exactly the one
  the acknowledgements describe, or that plus the one call in flight, applied whole;
* no half-applied transaction: the annotations table (and the relations table) equals
  replaying the done commands in
  journal order from the empty table (true after every commit: each command, undo and redo
  changes rows and journal in one transaction, and with one annotator the done entries are
  a prefix of the journal, so undone entries are the suffix that replay leaves out);
* the history is usable: an undo then a redo (or a redo then an undo) succeeds without a
  ConflictError and leaves the table as it was.

Killing a real process 36 times would cost ~0.3 s of start-up each, so a long-lived helper
imports the annotator once and forks one worker per kill; the worker is what gets killed.
Sabotaged workers, one committing an edit's rows before its journal entry and one leaving
acknowledged edits uncommitted, are caught.
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from seedproject import create_without_gold as create_project

from annotator.core.annotation import Annotator
from annotator.core.commands import Command, apply_to
from annotator.core.errors import ConflictError
from annotator.core.session import Session
from annotator.store import Store

ROOT = Path(__file__).resolve().parents[2]
WHO = Annotator("crash", "Crash test")
KILLS = 36

HELPER = r'''
import json, os, random, sys, time, traceback
from contextlib import contextmanager
from annotator.core.annotation import Annotator
from annotator.core.errors import AnnotatorError
from annotator.core.relations import allowed_targets, types_between
from annotator.core.session import Session
from annotator.store import Store

TAGS = ["actor.state", "actor.igo", "mechanism.meeting", "threat.terrorism"]
KINDS = ["add", "retag", "delete", "relate", "unrelate", "undo", "redo"]
WEIGHTS = [30, 12, 12, 16, 5, 15, 10]


def say(line):
    os.write(1, (line + "\n").encode())  # one write: a line is whole or absent


def leaky():
    """Commit an edit's rows before its journal entry: half an edit can be lost."""
    rows = Store._apply_rows

    def apply_rows(self, command):
        rows(self, command)
        self.conn.execute("COMMIT")
        time.sleep(0.02)
        self.conn.execute("BEGIN IMMEDIATE")

    Store._apply_rows = apply_rows


def lazy():
    """Commit every 20th transaction only: acknowledged edits die with the process."""
    done = []

    @contextmanager
    def transaction(self):
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
        yield
        done.append(1)
        if len(done) % 20 == 0:
            self.conn.execute("COMMIT")

    Store.transaction = transaction


def call(session, store, rng, docs, kind):
    doc = rng.choice(docs)
    spans = store.annotations(doc.id)
    if kind == "add":
        start = rng.randrange(len(doc.text))
        return session.add(doc.id, doc.text, start, start + rng.randint(1, 12), rng.choice(TAGS))
    if kind in ("retag", "delete") and spans:
        span = rng.choice(spans)
        if kind == "delete":
            return session.delete([span])
        try:
            return session.retag([span], rng.choice([t for t in TAGS if t != span.tag]))
        except AnnotatorError:  # its relations would not allow the new tag
            return None
    if kind == "relate" and spans:
        return relate(session, store, rng, spans)
    if kind == "unrelate" and (rels := store.relations(doc.id)):
        return session.delete_relations([rng.choice(rels)])
    if kind == "undo":
        return session.undo()
    if kind == "redo":
        return session.redo()
    return None


def relate(session, store, rng, spans):
    source = rng.choice(spans)
    targets = allowed_targets(store.tagset(), source, spans)[:5]
    if not targets:
        return None
    target = rng.choice(targets)
    rtype = rng.choice(types_between(store.tagset(), source, target))
    try:
        return session.add_relation(source, target, rtype.id)
    except AnnotatorError:  # a duplicate, a cycle: refused before anything is stored
        return None


def work(path, seed):
    rng = random.Random(seed)
    store = Store.open(path)
    session = Session(store, Annotator("crash", "Crash test"))
    docs = [store.document(d.id) for d in store.documents()[:2]]
    while True:
        kind = rng.choices(KINDS, WEIGHTS)[0]
        say(f"do {kind}")
        change = call(session, store, rng, docs, kind)
        command = change.command.to_json() if change and change.command else None
        say("ack " + json.dumps({"kind": kind, "command": command}))


path = sys.argv[1]
say("ready")
for line in sys.stdin:
    seed, bug = line.split()
    pid = os.fork()
    if pid == 0:
        try:
            {"leaky": leaky, "lazy": lazy}.get(bug, lambda: None)()
            work(path, int(seed))
        except BaseException:
            traceback.print_exc()
            sys.stderr.flush()
        os._exit(3)
    say(f"pid {pid}")
    _, status = os.waitpid(pid, 0)
    say(f"exit {pid} {os.waitstatus_to_exitcode(status)}")
'''


# --- the model: (done, undone) commands, oldest first, as Store.history returns them --------
@dataclass(frozen=True)
class History:
    done: tuple[Command, ...] = ()
    undone: tuple[Command, ...] = ()

    def run(self, command: Command) -> History:
        return History(self.done + (command,), ())

    def undo(self) -> History:
        return History(self.done[:-1], self.done[-1:] + self.undone) if self.done else self

    def redo(self) -> History:
        return History(self.done + self.undone[:1], self.undone[1:]) if self.undone else self


def after_ack(history: History, ack: dict) -> History:
    """The history after an acknowledged call; checks what the child saw against it."""
    kind, payload = ack["kind"], ack["command"]
    command = Command.from_json(payload) if payload else None
    if kind == "undo":
        assert command == (history.done[-1].inverse() if history.done else None)
        return history.undo()
    if kind == "redo":
        assert command == (history.undone[0] if history.undone else None)
        return history.redo()
    if command is None:
        return history
    assert command.kind == kind
    return history.run(command)


def matches_in_flight(actual: History, acked: History, kind: str | None) -> bool:
    """Whether ``actual`` is ``acked`` with the call in flight applied whole."""
    if kind == "undo":
        return bool(acked.done) and actual == acked.undo()
    if kind == "redo":
        return bool(acked.undone) and actual == acked.redo()
    return (kind is not None and actual.done[:-1] == acked.done and not actual.undone
            and len(actual.done) == len(acked.done) + 1 and actual.done[-1].kind == kind)


# --- the helper process ----------------------------------------------------------------------
@dataclass
class Run:
    """One killed worker: its exit code and the lines it wrote."""

    code: int
    lines: list[str] = field(default_factory=list)

    def acks(self) -> list[dict]:
        return [json.loads(line[4:]) for line in self.lines if line.startswith("ack ")]

    def in_flight(self) -> str | None:
        """The kind of the call the worker was in when killed (None: between calls)."""
        last = next((line for line in reversed(self.lines) if line[:3] in ("do ", "ack")), "")
        return last[3:] if last.startswith("do ") else None


class Helper:
    def __init__(self, project: Path, log: Path):
        self.log = log.open("w")
        paths = [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
        self.proc = subprocess.Popen([sys.executable, "-c", HELPER, str(project)], env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log, text=True, bufsize=1)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        assert self.next_line() == "ready", self.errors()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def next_line(self) -> str:
        try:
            return self.lines.get(timeout=20)
        except queue.Empty:
            raise AssertionError(f"the helper went quiet: {self.errors()}") from None

    def errors(self) -> str:
        self.log.flush()
        return self.log.name + ": " + Path(self.log.name).read_text()[-2000:]

    def kill_after(self, seed: int, delay: float, bug: str = "none") -> Run:
        """Start a worker (with ``bug``: a sabotaged one), SIGKILL it after ``delay``
        seconds, wait until it is gone."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{seed} {bug}\n")
        self.proc.stdin.flush()
        run, pid = Run(0), None
        while pid is None:
            line = self.next_line()
            if line.startswith("pid "):
                pid = int(line[4:])
            else:
                run.lines.append(line)
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        while not (line := self.next_line()).startswith(f"exit {pid} "):
            run.lines.append(line)
        run.code = int(line.split()[2])
        assert run.code == -signal.SIGKILL, f"worker ended by itself: {self.errors()}"
        return run

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


@contextmanager
def helper(project: Path, log: Path):
    h = Helper(project, log)
    try:
        yield h
    finally:
        h.close()


# --- checking the project after a kill -------------------------------------------------------
def history_of(store: Store) -> History:
    done, undone = store.history(WHO.id)
    return History(tuple(done), tuple(undone))


def replay(done: tuple[Command, ...]) -> dict:
    """``apply_to`` each command in turn, from no rows (in place: linear, not quadratic)."""
    rows: dict = {}
    for command in done[:-1]:
        for span in command.before:
            rows.pop(span.id, None)
        rows.update((span.id, span) for span in command.after)
    return apply_to(rows, done[-1]) if done else rows


def replay_relations(done: tuple[Command, ...]) -> dict:
    """The relations the done commands leave, the same way."""
    rels: dict = {}
    for command in done:
        for rel in command.removed_relations:
            rels.pop(rel.id, None)
        rels.update((rel.id, rel) for rel in command.added_relations)
    return rels


def verify(project: Path, before: History, run: Run) -> tuple[History, bool]:
    """Check the project after ``run`` was killed; returns its history and whether the call
    in flight had committed."""
    acked = before
    for ack in run.acks():
        acked = after_ack(acked, ack)
    with Store.open(project) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        report = store.check()
        assert report.ok, report.lines()
        actual = history_of(store)
        committed = actual != acked
        assert not committed or matches_in_flight(actual, acked, run.in_flight()), (
            f"the project's history has {len(actual.done)} done and {len(actual.undone)} "
            f"undone commands, the acknowledgements {len(acked.done)} and {len(acked.undone)}"
            f"; the last lines of the worker: {run.lines[-2:]}")
        rows = {a.id: a for a in store.find_spans()}
        assert rows == replay(actual.done)
        assert {r.id: r for r in store.all_relations()} == replay_relations(actual.done)
        undo_then_redo(store, actual, rows)
        assert history_of(store) == actual
    return actual, committed


def undo_then_redo(store: Store, history: History, rows: dict) -> None:
    """The restarted window's history works: one step back and forth, no conflict."""
    session = Session(store, WHO)
    if history.done:
        assert session.undo().command == history.done[-1].inverse()
        assert session.redo().command == history.done[-1]
    elif history.undone:
        assert session.redo().command == history.undone[0]
        assert session.undo().command == history.undone[0].inverse()
    assert {a.id: a for a in store.find_spans()} == rows


def new_project(path: Path) -> Path:
    store, report = create_project(path)
    store.close()
    assert len(report.added) == 5
    return path


def test_killing_the_editor_at_random_moments_loses_and_half_applies_nothing(tmp_path):
    project = new_project(tmp_path / "p.annotator")
    rng = random.Random(20240611)
    history, acks, in_flight, committed, early = History(), 0, 0, 0, 0
    started = time.perf_counter()
    with helper(project, tmp_path / "helper.log") as h:
        for kill in range(KILLS):
            delay = rng.uniform(0, 0.003) if kill % 4 == 0 else rng.uniform(0, 0.25)
            run = h.kill_after(rng.randrange(2**32), delay)
            history, in_flight_committed = verify(project, history, run)
            acks += len(run.acks())
            in_flight += run.in_flight() is not None
            committed += in_flight_committed
            early += not run.acks()
    elapsed = time.perf_counter() - started
    print(f"{KILLS} kills in {elapsed:.1f} s: {acks} acknowledged calls; {in_flight} kills "
          f"during a call, of which {committed} after its commit; {early} kills before the "
          f"first acknowledgement; "
          f"{len(history.done)} done and {len(history.undone)} undone commands")
    assert acks > 10 * KILLS and early >= KILLS // 8 and history.done


@pytest.mark.parametrize("bug", ["leaky", "lazy"])
def test_the_crash_test_catches_a_worker_that_loses_or_half_applies_edits(tmp_path, bug):
    """leaky: an edit's rows commit before its journal entry; lazy: acknowledged edits
    wait uncommitted for a later transaction."""
    project = new_project(tmp_path / "p.annotator")
    rng = random.Random(7)
    history, caught = History(), None
    with helper(project, tmp_path / "helper.log") as h:
        for _ in range(10):
            run = h.kill_after(rng.randrange(2**32), rng.uniform(0.03, 0.15), bug)
            try:
                history, _ = verify(project, history, run)
            except (AssertionError, ConflictError) as e:
                caught = e
                break
    assert caught is not None


def test_an_edit_is_in_the_file_before_the_session_returns(tmp_path):
    project = new_project(tmp_path / "p.annotator")
    with Store.open(project) as store, Store.open(project) as other:
        doc = store.document(store.documents()[0].id)
        session = Session(store, WHO)
        change = session.add(doc.id, doc.text, 0, 8, "actor.state")
        assert change is not None and change.added
        span = change.added[0]
        assert other.annotations(doc.id) == [span]
        assert other.history(WHO.id) == ([change.command], [])
        session.undo()
        assert other.annotations(doc.id) == []
        assert other.history(WHO.id) == ([], [change.command])


@pytest.fixture(autouse=True)
def _posix_only():
    if not hasattr(os, "fork"):
        pytest.skip("needs fork")
