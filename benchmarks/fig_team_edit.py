"""Ten annotators at once on one team project, and a colleague's edit reaching a window.

``edits`` (the part) starts the cached cluster, makes a fresh copy of the corpus and runs
eleven processes of this module (``writer``), each the real window:

* ten on the team project, each connected as a member of its own (``w01`` … ``w10``: nine
  annotators and a reviewer), two to a document (five documents), so each sees its
  partner's edits arrive live, and every one sees the document list's rows change;
* one on a copy of the project file, one document, the same edits: the file project's
  figure under the same load (the "naive" column).

Once every window is open and settled they start together and edit for ``team_edit_s``
seconds at two edits a second (on a schedule, so a slow edit does not slow the pace; each
edit at a random moment of its half second, drawn per window, as ten people's keys fall —
with one shared beat every window pressed its key in the same millisecond, eleven windows
asking two cores for ~20 ms each at once: ``suite.py --team-lockstep`` measures that
worst case):
select four characters on screen and press a tag key, again, then Del on the second new
span — so a third of the edits remove a span and a third of the spans stay. Each edit is
timed from the key to the repainted screen (commit + repaint, as ``doc.tag``). An edit is
acknowledged when the window shows it; afterwards the driver counts, per member, the spans
the server holds on that document against those acknowledged (every one present, no other,
none twice) and the journal entries against the acknowledged edits (no edit applied twice),
and asserts both.

Live: each window notes when a colleague's span first appears on its screen (the
notification handled, the reader repainted) and when, by a naive poll of the server once a
second on a connection of its own, it could have been found; both against the colleague's
key press (the clock is the machine's, shared by the processes).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import teamkit
from common import Sizes, median, p95, result, timed_ms, working_copy

HERE = Path(__file__).resolve().parent
PACE_S = 0.5  # two edits a second
SLACK_S = 0.1  # an edit's random moment leaves this much of its half second for the edit
POLL_S = 1.0  # the naive poll
PAIRS = 2  # windows per document


# --- the driver -------------------------------------------------------------------------------
def edits(cfg: dict) -> dict:
    sizes, work = Sizes(**cfg["sizes"]), Path(cfg["work"])
    writers = list(teamkit.WRITERS[:sizes.team_writers])
    file_copy = working_copy(cfg["inputs"]["corpus"], work)
    with teamkit.server(cfg["inputs"]["team"]) as cluster:
        owner = teamkit.fresh(cluster, "corpus")
        docs = _documents(owner, (len(writers) + PAIRS - 1) // PAIRS + 1)
        jobs = [{"project": teamkit.member_url(owner, w), "member": w,
                 "doc": docs[i // PAIRS]} for i, w in enumerate(writers)]
        jobs.append({"project": str(file_copy), "member": "file", "doc": docs[-1]})
        jobs = [{**job, "lockstep": sizes.team_lockstep} for job in jobs]
        logs = _run_writers(jobs, work, sizes.team_edit_s)
        checked = _check(owner, [(j, log) for j, log in zip(jobs, logs, strict=True)
                                 if j["member"] != "file"])
    return _figures(jobs, logs, checked, sizes)


def _documents(url: str, count: int) -> list[str]:
    from annotator.store.pg import PgStore

    with PgStore.open(url, read_only=True) as store:
        rows = store.documents()
    step = max(1, len(rows) // count)
    return [rows[i * step].id for i in range(count)]


def _run_writers(jobs: list[dict], work: Path, seconds: float) -> list[dict]:
    """Start every writer, wait until all are ready, say go, collect their logs."""
    procs = []
    for i, job in enumerate(jobs):
        folder = work / f"writer-{i:02d}"
        folder.mkdir()
        (folder / "job.json").write_text(json.dumps({**job, "seconds": seconds, "seed": i}),
                                         encoding="utf-8")
        procs.append((folder, subprocess.Popen(
            [sys.executable, str(HERE / "fig_team_edit.py"), str(folder)],
            stdout=subprocess.DEVNULL, stderr=(folder / "stderr.txt").open("w"))))
    deadline = time.time() + 900
    while not all((f / "ready").exists() for f, _ in procs):
        failed = [f for f, p in procs if p.poll() is not None]
        if failed or time.time() > deadline:
            for _, p in procs:
                p.kill()
            raise RuntimeError(f"writer not ready: {_tail(failed[0] if failed else procs[0][0])}")
        time.sleep(0.2)
    go = time.time() + 1.0
    for folder, _ in procs:
        (folder / "go").write_text(repr(go), encoding="utf-8")
    logs = []
    for folder, p in procs:
        if p.wait(timeout=seconds + 600) != 0:
            raise RuntimeError(f"writer failed: {_tail(folder)}")
        logs.append(json.loads((folder / "log.json").read_text(encoding="utf-8")))
    return logs


def _tail(folder: Path) -> str:
    text = (folder / "stderr.txt").read_text(encoding="utf-8", errors="replace")
    return "\n".join(text.strip().splitlines()[-8:])


def _check(owner: str, done: list[tuple[dict, dict]]) -> dict:
    """Every acknowledged edit on the server, nothing else, nothing twice; asserted."""
    from annotator.store.pg import PgStore

    spans = entries = 0
    with PgStore.open(owner, read_only=True) as store:
        for job, log in done:
            member, present = job["member"], set(log["present"])
            rows = store.conn.execute(
                "SELECT id, start, \"end\", tag FROM annotations WHERE doc_id = ? AND "
                "annotator = ?", (job["doc"], member)).fetchall()
            ids = [r[0] for r in rows]  # (the same place and tag twice may be two edits)
            assert len(ids) == len(set(ids)) == len(present), (f"{member}: {len(ids)} spans "
                                                               f"for {len(present)} acknowledged")
            assert set(ids) == present, (f"{member}: {len(present - set(ids))} acknowledged "
                                         f"span(s) missing, {len(set(ids) - present)} unknown")
            journal = store.conn.execute("SELECT count(*) FROM journal WHERE annotator = ? "
                                         "AND doc_id = ?", (member, job["doc"])).fetchone()[0]
            assert journal == len(log["edits"]), (f"{member}: {journal} journal entries for "
                                                  f"{len(log['edits'])} acknowledged edits")
            spans, entries = spans + len(ids), entries + journal
    return {"spans": spans, "edits": entries}


def _figures(jobs: list[dict], logs: list[dict], checked: dict, sizes: Sizes) -> dict:
    team = [e["ms"] for j, log in zip(jobs, logs, strict=True) if j["member"] != "file"
            for e in log["edits"]]
    file = next(log for j, log in zip(jobs, logs, strict=True) if j["member"] == "file")
    file_ms = [e["ms"] for e in file["edits"]]
    keys = {e["id"]: e["at"] for log in logs for e in log["edits"] if e["kind"] == "add"}
    seen = [(at - keys[i]) * 1000 for log in logs for i, at in log["seen"].items() if i in keys]
    polled = [(at - keys[i]) * 1000 for log in logs for i, at in log["polled"].items()
              if i in keys]
    failed = sum(log["failed"] for log in logs)
    writers = len(jobs) - 1
    cpu = sum(log["cpu_s"] for j, log in zip(jobs, logs, strict=True) if j["member"] != "file")
    beat = "all on one beat" if sizes.team_lockstep else "each at a random moment of its 0.5 s"
    note = (f"{writers} members x {sizes.team_edit_s:g} s ({beat}), {len(team):,} edits "
            f"acknowledged, {failed} refused; server holds exactly the {checked['spans']:,} spans and "
            f"{checked['edits']:,} journal entries acknowledged (asserted); each member's "
            f"window used {cpu / writers / sizes.team_edit_s:.0%} of a core, the file "
            f"project's {file['cpu_s'] / sizes.team_edit_s:.0%}")
    return {
        "team.edit.median": result(median(team), median(file_ms), note),
        "team.edit.p95": result(p95(team), p95(file_ms),
                                f"max {max(team):.0f} ms; file (one window, same load) "
                                f"{len(file_ms)} edits, max {max(file_ms):.0f} ms"),
        "team.live.p95": result(p95(seen), p95(polled) if polled else None,
                                f"{len(seen)} colleague spans seen live, median "
                                f"{median(seen):.0f} ms, max {max(seen):.0f} ms; naive: a "
                                f"poll every {POLL_S:g} s ({len(polled)} seen)"),
    }


# --- one writer (its own process) -------------------------------------------------------------
def writer(folder: Path) -> None:
    from qtkit import application, close, open_window, settle

    job = json.loads((folder / "job.json").read_text(encoding="utf-8"))
    project = job["project"] if "://" in job["project"] else Path(job["project"])
    window = open_window(project, folder, last=job["doc"])
    if window.editor.doc is None or window.editor.doc.id != job["doc"]:
        window.open_document(job["doc"])
    settle(window)
    log: dict = {"edits": [], "seen": {}, "polled": {}, "failed": 0, "present": []}
    if window.store.kind == "team":
        _watch(window, log)
        poller = _Poller(job["project"], job["doc"], log)
    (folder / "ready").write_text("1", encoding="utf-8")
    go = _wait_for(folder / "go")
    cpu = time.process_time()
    beat = None if job["lockstep"] else random.Random(f"beat-{job['seed']}")
    _edit(window, go, job["seconds"], random.Random(job["seed"]), log, beat)
    log["cpu_s"] = time.process_time() - cpu
    if window.store.kind == "team":
        poller.stop()
    added = {e["id"] for e in log["edits"] if e["kind"] == "add"}
    log["present"] = sorted(added - {e["id"] for e in log["edits"] if e["kind"] == "del"})
    close(window)
    application().processEvents()
    (folder / "log.json").write_text(json.dumps(log), encoding="utf-8")


def _wait_for(path: Path) -> float:
    from fig_doc import _idle

    while not path.exists():
        _idle(0.05)
    go = float(path.read_text(encoding="utf-8"))
    _idle(max(0.0, go - time.time()))
    return go


def _edit(window, go: float, seconds: float, rng: random.Random, log: dict,
          beat: random.Random | None) -> None:
    """add, add, delete the second: on a two-a-second schedule until the time is up, each
    at a random moment of its half second drawn from ``beat`` (None: at its start, as every
    window). The places and tags come from ``rng`` either way: the same edits."""
    from fig_doc import _idle, _visible_range

    repaint, tags, k = window.reader.viewport().repaint, list(window.tags), 0
    me = window.editor.session.annotator.id
    while go + k * PACE_S < go + seconds:
        when = go + k * PACE_S + (beat.uniform(0.0, PACE_S - SLACK_S) if beat else 0.0)
        _idle(max(0.0, when - time.time()))
        before = {a.id for a in window.editor.index if a.annotator == me}
        if k % 3 == 2 and window.editor.selected is not None \
                and window.editor.selected.id in before:
            target, at = window.editor.selected.id, time.time()
            ms = timed_ms(lambda: (window.delete_span(), repaint()))
            ok = window.editor.index.get(target) is None
            entry = {"kind": "del", "id": target}
        else:
            window.clear_selection()
            window.reader.select_range(*_visible_range(window.reader, rng), ensure_visible=False)
            at = time.time()
            ms = timed_ms(lambda: (window.apply_tag(rng.choice(tags)), repaint()))
            new = {a.id for a in window.editor.index if a.annotator == me} - before
            ok = len(new) == 1
            entry = {"kind": "add", "id": next(iter(new)) if ok else None}
        if ok:
            log["edits"].append({**entry, "at": at, "ms": ms})
        else:
            log["failed"] += 1
        k += 1
    _idle(1.0)  # the last colleagues' edits arrive


def _watch(window, log: dict) -> None:
    """Note when a colleague's span first shows: after the window has handled the
    notification, with the reader repainted (what the event loop would do next)."""
    from annotator.qt import team

    handle = team.colleagues_committed
    me = window.editor.session.annotator.id

    def watched(win, events) -> None:
        handle(win, events)
        if win is not window or win.editor.index is None:
            return
        new = [a.id for a in win.editor.index if a.annotator != me and a.id not in log["seen"]]
        if not new:  # another document's notification: nothing to show, nothing to paint
            return
        win.reader.viewport().repaint()
        now = time.time()
        for span_id in new:
            log["seen"][span_id] = now

    team.colleagues_committed = watched
    for a in window.editor.index:  # already there: not a colleague's new edit
        log["seen"][a.id] = 0.0
        log["polled"][a.id] = 0.0


class _Poller:
    """The naive way: read the document's spans again every second (a thread, its own
    connection), noting when each colleague's span was first found."""

    def __init__(self, url: str, doc_id: str, log: dict):
        import threading

        self.url, self.doc_id, self.log = url, doc_id, log
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            while not self.stopping.wait(POLL_S):
                now = time.time()
                for (span_id,) in conn.execute(
                        "SELECT id FROM annotations WHERE doc_id = %s AND annotator <> "
                        "current_user", (self.doc_id,)):
                    self.log["polled"].setdefault(span_id, now)

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join()


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    writer(Path(sys.argv[1]))
