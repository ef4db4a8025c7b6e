"""The team's workflow in our stand-off TEI (:mod:`annotator.formats.tei_standoff`),
written and read back:

* the guidelines' versions in the header's ``encodingDesc``, as the interpretation the
  annotations follow: ``<editorialDecl><interpretation xml:id="guidelines-N" n="N">``
  holding ``<ab type="meta">`` (author, date) and ``<ab type="markdown">`` (the text);
* each annotator's status and the assignments in the document's ``<revisionDesc>``:
  ``<change type="status" who="#ann-…" status="done" when="…"/>`` and
  ``<change type="assigned" who="#ann-…" resp="#ann-…" when="…"/>``;
* discussion threads in ``<standOff><listAnnotation type="notes">``: a thread is an
  ``<annotation motivation="commenting">`` pointing at its span (``#a-…``), or, when the
  span is not in the file, at where it was (``#string-range(…)``; ``@n`` keeps the span's
  id), or at the document (``#d-…``); its place when opened in ``<ptr type="place">``,
  its opening and resolution in ``<revisionDesc>``. Each comment is an ``<annotation
  motivation="replying">`` pointing at its thread, its text in ``<note type="comment">``.

Motivations are the Web Annotation vocabulary's, as TEI's ``<annotation>`` takes them.
Every pointer resolves within the file; the output is valid against tei_all.rng.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from annotator.core.dataset import DocumentData
from annotator.core.discussion import discussions
from annotator.core.workflow import (
    AnnotatorStatus,
    Assignment,
    Comment,
    GuidelinesVersion,
    Thread,
)
from annotator.formats.tei_common import (
    XML_ID,
    E,
    get_text,
    make_id,
    parse_id,
    put_text,
    q,
    ref,
    refs,
)
from annotator.formats.tei_header import NS


def _change(kind: str, value: str, **attrs: str) -> etree._Element:
    """``<change type=kind>`` dated by ``@when`` when ``value`` is a date-time, else by its
    text (as spans' times are written)."""
    from annotator.formats.tei_standoff import _is_datetime

    if value and _is_datetime(value):
        return E.change(type=kind, when=value, **attrs)
    return put_text(E.change(type=kind, **attrs), value)


def _when(change: etree._Element, path: str | None) -> str:
    return change.get("when") if change.get("when") is not None else get_text(change, path)


# --- writing ---------------------------------------------------------------------------------
def guidelines_decl(versions: tuple[GuidelinesVersion, ...]) -> etree._Element | None:
    if not versions:
        return None
    decl = E.editorialDecl()
    for g in versions:
        date = E.date(when=g.created) if _datetime(g.created) else put_text(E.date(), g.created)
        decl.append(E.interpretation(
            {XML_ID: f"guidelines-{g.version}", "n": str(g.version)},
            E.ab(put_text(E.name(type="author"), g.author), date, type="meta"),
            put_text(E.ab(type="markdown"), g.text)))
    return decl


def _datetime(value: str) -> bool:
    from annotator.formats.tei_standoff import _is_datetime

    return bool(value) and _is_datetime(value)


def revision(data: DocumentData) -> etree._Element | None:
    """The document's ``<revisionDesc>``: its annotators' statuses and assignments."""
    changes = [_change("status", s.modified, who=ref(make_id("ann", s.annotator)),
                       status=s.status) for s in data.statuses]
    for a in data.assignments:
        by = {"resp": ref(make_id("ann", a.assigned_by))} if a.assigned_by else {}
        changes.append(_change("assigned", a.created, who=ref(make_id("ann", a.annotator)),
                               **by))
    return E.revisionDesc(*changes) if changes else None


def notes(data: DocumentData, tei_id: str, exported: set[str], pointer: Any
          ) -> etree._Element | None:
    """``<listAnnotation type="notes">``; ``pointer(start, end)`` gives a string range."""
    if not data.threads:
        return None
    out = E.listAnnotation(type="notes")
    for thread, comments in discussions(data.threads, data.comments):
        out.append(_thread(thread, tei_id, exported, pointer))
        out.extend(_comment(c) for c in comments)
    return out


def _thread(t: Thread, tei_id: str, exported: set[str], pointer: Any) -> etree._Element:
    place = pointer(t.start, t.end) if t.start is not None and t.end is not None else None
    target = ref(make_id("a", t.span_id)) if t.span_id in exported else place or ref(tei_id)
    el = E.annotation({XML_ID: make_id("t", t.id), "motivation": "commenting",
                       "target": target, "resp": ref(make_id("ann", t.author))})
    if t.span_id is not None:
        el.set("n", t.span_id)
    history = E.revisionDesc(_change("created", t.created))
    if t.resolved is not None and t.resolved_by is not None:
        history.append(_change("resolved", t.resolved, who=ref(make_id("ann", t.resolved_by))))
    el.append(history)
    if place is not None:
        el.append(E.ptr(type="place", target=place))
    return el


def _comment(c: Comment) -> etree._Element:
    return E.annotation({XML_ID: make_id("c", c.id), "motivation": "replying",
                         "target": ref(make_id("t", c.thread_id)),
                         "resp": ref(make_id("ann", c.author))},
                        E.revisionDesc(_change("created", c.created),
                                       _change("modified", c.modified)),
                        put_text(E.note(type="comment"), c.text))


# --- reading ---------------------------------------------------------------------------------
def read_guidelines(header: etree._Element, path: str | None) -> tuple[GuidelinesVersion, ...]:
    out = []
    for el in header.xpath("tei:encodingDesc/tei:editorialDecl/tei:interpretation",
                           namespaces=NS):
        meta = el.find(q("ab"))
        body = el.xpath("tei:ab[@type='markdown']", namespaces=NS)
        name, date = (meta.find(q("name")), meta.find(q("date"))) if meta is not None \
            else (None, None)
        if not body or name is None or date is None or not el.get("n", "").isdigit():
            raise _fail(path, "guidelines <interpretation>: needs @n, <ab type=\"meta\"> "
                              "with <name> and <date>, and <ab type=\"markdown\">")
        when = date.get("when") if date.get("when") is not None else get_text(date, path)
        out.append(GuidelinesVersion(int(el.get("n")), get_text(body[0], path),
                                     get_text(name, path), when))
    if [g.version for g in out] != list(range(1, len(out) + 1)):
        raise _fail(path, "guidelines: versions must count 1, 2, 3 … in order")
    return tuple(out)


def _fail(path: str | None, reason: str) -> Exception:
    from annotator.core.errors import InputError

    return InputError(path, reason)


def read_revision(header: etree._Element, doc_id: str, person: Any, path: str | None
                  ) -> tuple[tuple[AnnotatorStatus, ...], tuple[Assignment, ...]]:
    """Statuses and assignments; ``person(pointer, where)`` gives a listed annotator."""
    statuses, assignments = [], []
    for change in header.xpath("tei:revisionDesc/tei:change", namespaces=NS):
        kind = change.get("type")
        who = person(change.get("who"), f"<change type=\"{kind}\">")
        if kind == "status":
            statuses.append(AnnotatorStatus(doc_id, who, change.get("status", ""),
                                            _when(change, path)))
        elif kind == "assigned":
            by = person(change.get("resp"), "<change type=\"assigned\">") \
                if change.get("resp") else ""
            assignments.append(Assignment(doc_id, who, by, _when(change, path)))
        else:
            raise _fail(path, f"<revisionDesc>: unknown <change type=\"{kind}\">")
    if any(s.status not in ("todo", "in_progress", "done") for s in statuses):
        raise _fail(path, f"document {doc_id}: a status is not todo, in_progress or done")
    return tuple(statuses), tuple(assignments)


def read_notes(tei: etree._Element, doc_id: str, place: Any, person: Any,
               path: str | None) -> tuple[tuple[Thread, ...], tuple[Comment, ...]]:
    """Threads and comments; ``place(target, where)`` reads a string range."""
    threads: dict[str, Thread] = {}
    comments = []
    for el in tei.xpath("tei:standOff/tei:listAnnotation[@type='notes']/tei:annotation",
                        namespaces=NS):
        where = f"<annotation xml:id=\"{el.get(XML_ID)}\">"
        times = {c.get("type"): _when(c, path) for c in
                 el.xpath("tei:revisionDesc/tei:change", namespaces=NS)}
        if el.get("motivation") == "commenting":
            thread = _read_thread(el, doc_id, times, place, person, where, path)
            threads[thread.id] = thread
        elif el.get("motivation") == "replying":
            target = refs(el.get("target"))
            thread_id = _parse("t", target[0] if len(target) == 1 else "", where, path)
            note = el.xpath("tei:note[@type='comment']", namespaces=NS)
            if thread_id not in threads or len(note) != 1:
                raise _fail(path, f"{where}: a comment follows its thread and holds one "
                                  "<note type=\"comment\">")
            comments.append(Comment(_parse("c", el.get(XML_ID) or "", where, path), thread_id,
                                    doc_id, person(el.get("resp"), where),
                                    get_text(note[0], path), times.get("created", ""),
                                    times.get("modified", "")))
        else:
            raise _fail(path, f"{where}: unknown motivation in the notes")
    return tuple(threads.values()), tuple(comments)


def _parse(prefix: str, xml_id: str, where: str, path: str | None) -> str:
    try:
        return parse_id(prefix, xml_id)
    except ValueError as e:
        raise _fail(path, f"{where}: {e}") from None


def _read_thread(el: etree._Element, doc_id: str, times: dict, place: Any, person: Any,
                 where: str, path: str | None) -> Thread:
    span = el.get("n")
    at = el.xpath("tei:ptr[@type='place']", namespaces=NS)
    start = end = None
    if at:
        start, end = place(at[0].get("target"), where)
    if (span is None) != (start is None):
        raise _fail(path, f"{where}: a thread on a span has @n and <ptr type=\"place\">")
    pointed = refs(el.get("target"))
    if len(pointed) == 1 and pointed[0].startswith("a-") and \
            _parse("a", pointed[0], where, path) != span:
        raise _fail(path, f"{where}: @target names span {pointed[0]}, @n says {span}")
    resolved = el.xpath("tei:revisionDesc/tei:change[@type='resolved']", namespaces=NS)
    by = person(resolved[0].get("who"), where) if resolved else None
    return Thread(_parse("t", el.get(XML_ID) or "", where, path), doc_id, span, start, end,
                  person(el.get("resp"), where), times.get("created", ""), by,
                  times.get("resolved") if resolved else None)
