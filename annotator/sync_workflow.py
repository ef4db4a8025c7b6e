"""The team's workflow in a checkout and back (:mod:`annotator.sync`): my status on each
document, my comments and threads, and — for a reviewer — resolutions and assignments,
pushed by the same three-way rule as spans. The checkout's base records each row as the
server had it (``kind``: status, assignment, thread, comment); a row changed here and
unchanged there goes in, one changed on both sides is a conflict (the server's kept), one
changed only there stays. Each row goes in with its id; pushing twice changes nothing.
Only my rows are pushed (the server's rights would refuse others' anyway); a reviewer's
resolutions and assignments only when I review.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.commands import DocStatus
from annotator.core.store import ProjectStore
from annotator.core.workflow import AnnotatorStatus, Assignment, Comment, Thread

BaseRow = tuple[str, str, str, str]  # kind, key, doc_id, stamp


def _key(row: AnnotatorStatus | Assignment) -> str:
    return f"{row.doc_id}\t{row.annotator}"


def base_rows(store: ProjectStore) -> list[BaseRow]:
    """The workflow's rows as they are now (a checkout's base, or the base after a push)."""
    return ([("status", _key(s), s.doc_id, s.modified) for s in store.doc_statuses()]
            + [("assignment", _key(a), a.doc_id, a.created) for a in store.assignments()]
            + [("thread", t.id, t.doc_id, t.resolved or "") for t in store.threads()]
            + [("comment", c.id, c.doc_id, c.modified) for c in store.comments()])


@dataclass
class WorkflowPush:
    """What a push brings to the server's workflow, as the parts of one command."""

    statuses_before: list[DocStatus] = field(default_factory=list)
    statuses_after: list[DocStatus] = field(default_factory=list)
    assignments_before: list[Assignment] = field(default_factory=list)
    assignments_after: list[Assignment] = field(default_factory=list)
    threads_before: list[Thread] = field(default_factory=list)
    threads_after: list[Thread] = field(default_factory=list)
    comments_before: list[Comment] = field(default_factory=list)
    comments_after: list[Comment] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    withheld: int = 0  # a reviewer's changes made by someone who does not review

    @property
    def counts(self) -> dict[str, int]:
        return {"statuses": len(self.statuses_after),
                "assignments": len(self.assignments_before) + len(self.assignments_after),
                "threads": len(self.threads_after) + len(
                    {t.id for t in self.threads_before} - {t.id for t in self.threads_after}),
                "comments": len(self.comments_after) + len(
                    {c.id for c in self.comments_before} - {c.id for c in self.comments_after})}


def plan_push(file: ProjectStore, team: ProjectStore, base: dict[tuple[str, str], str],
              me: str, reviews: bool) -> WorkflowPush:
    """``base``: ``(kind, key) -> stamp`` at the checkout or last push."""
    out = WorkflowPush()
    _statuses(file, team, base, me, out)
    _assignments(file, team, base, reviews, out)
    _threads(file, team, base, me, reviews, out)
    _comments(file, team, base, me, out)
    _keep_replied(team, out)
    return out


def _keep_replied(team, out: WorkflowPush) -> None:
    """A thread deleted here goes only with every comment it has on the server."""
    going = {c.id for c in out.comments_before} - {c.id for c in out.comments_after}
    staying = {t.id for t in out.threads_after}
    for t in list(out.threads_before):
        if t.id in staying:
            continue
        left = {c.id for c in team.comments(t.doc_id) if c.thread_id == t.id} - going
        if left:
            out.threads_before.remove(t)
            out.conflicts.append(f"thread {t.id}: deleted here, but others replied on the "
                                 "server; it stays")


def _statuses(file, team, base, me: str, out: WorkflowPush) -> None:
    there = {_key(s): s for s in team.doc_statuses() if s.annotator == me}
    for s in file.doc_statuses():
        was = base.get(("status", _key(s)))
        if s.annotator != me or s.modified == was:
            continue  # not mine, or not changed here
        server = there.get(_key(s))
        if (server.modified if server else None) != was:
            if server is None or server.status != s.status:
                out.conflicts.append(f"your status on document {s.doc_id}: changed here and "
                                     "on the server; the server's kept")
            continue
        old = server.status if server else "todo"
        if old != s.status:
            out.statuses_before.append(DocStatus(s.doc_id, "status", old, me))
            out.statuses_after.append(DocStatus(s.doc_id, "status", s.status, me))


def _assignments(file, team, base, reviews: bool, out: WorkflowPush) -> None:
    here = {_key(a): a for a in file.assignments()}
    there = {_key(a): a for a in team.assignments()}
    was = {key for kind, key in base if kind == "assignment"}
    added = [a for k, a in here.items() if k not in was and k not in there]
    removed = [there[k] for k in was - here.keys() if k in there]
    if not reviews:
        out.withheld += len(added) + len(removed)
        return
    out.assignments_after += added
    out.assignments_before += removed


def _threads(file, team, base, me: str, reviews: bool, out: WorkflowPush) -> None:
    there = {t.id: t for t in team.threads()}
    here = {t.id: t for t in file.threads()}
    for t in here.values():
        server = there.get(t.id)
        if server is None:
            if ("thread", t.id) not in base and t.author == me:
                if t.resolved is not None and not reviews:
                    out.withheld += 1
                    t = t._replace(resolved=None, resolved_by=None)
                out.threads_after.append(t)
            continue
        if (t.resolved or "") == base.get(("thread", t.id), ""):
            continue  # not resolved or reopened here
        if not reviews:
            out.withheld += 1
        elif (server.resolved or "") != base.get(("thread", t.id), ""):
            out.conflicts.append(f"thread {t.id}: resolved or reopened here and on the "
                                 "server; the server's kept")
        else:
            out.threads_before.append(server)
            out.threads_after.append(server._replace(resolved=t.resolved,
                                                     resolved_by=t.resolved_by))
    for thread_id in {k for kind, k in base if kind == "thread"} - here.keys():
        if (server := there.get(thread_id)) is not None and server.author == me:
            out.threads_before.append(server)  # deleted here with its only comment


def _comments(file, team, base, me: str, out: WorkflowPush) -> None:
    there = {c.id: c for c in team.comments()}
    here = {c.id: c for c in file.comments() if c.author == me}
    for c in here.values():
        server, was = there.get(c.id), base.get(("comment", c.id))
        if server is None and was is None:
            out.comments_after.append(c)
        elif server is not None and c.modified != was:
            if server.modified != was and server != c:
                out.conflicts.append(f"comment {c.id}: edited here and on the server; the "
                                     "server's kept")
            elif server != c:
                out.comments_before.append(server)
                out.comments_after.append(c)
    mine_gone = [k for kind, k in base if kind == "comment" and k not in here]
    for comment_id in mine_gone:
        server = there.get(comment_id)
        if server is None or server.author != me:
            continue
        if server.modified != base[("comment", comment_id)]:
            out.conflicts.append(f"comment {comment_id}: deleted here, edited on the server; "
                                 "the server's kept")
        else:
            out.comments_before.append(server)
