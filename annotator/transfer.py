"""Bringing datasets into a project: our own JSON/JSONL/TEI, and other tools' layers.

Everything from one file goes in one transaction: a file with a problem changes nothing.
Documents are matched by ``text_sha256``; an annotation or decision already present
(same id, same content) is skipped, so importing the same file twice changes nothing; the
same id with different content is refused, and so is a document id the project holds for
another text or a review decision id stored for another document.

Spans never start or end on whitespace or a line break: each is trimmed as it comes in
(:func:`annotator.core.commands.trim_space`), and one of only whitespace is skipped with
the review decisions about it. A span identical to a stored one (same annotator, bounds
and tag, and same layer: a gold span, the result of a review decision, is only ever the same
as a stored gold span) under another id — a layer's own doccano export imported back, a
colleague's copy of the same work — is skipped too, and decisions about it then name the
stored one.
The report counts each of these.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass, field, replace

from annotator import zh
from annotator.core.annotation import Annotation, Annotator, now
from annotator.core.commands import trim_space
from annotator.core.dataset import Dataset, DocumentData, ReviewDecision, gold_ids
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.errors import InputError, NotFoundError
from annotator.core.store import ProjectStore, tagset_of
from annotator.core.tagset import Tagset, default_tagset
from annotator.formats.canonical import unsafe_reason
from annotator.ingest.metadata import short_title
from annotator.teamwork import WorkflowCounts, import_guidelines, import_workflow
from annotator.transfer_relations import import_relations


@dataclass
class TransferReport:
    source: str
    documents_added: int = 0
    documents_matched: int = 0
    annotations_added: int = 0
    annotations_present: int = 0
    decisions_added: int = 0
    identical: int = 0  # spans skipped: the same annotator, bounds and tag are stored
    trimmed: int = 0  # spans whose ends were moved past whitespace
    blank: int = 0  # spans of only whitespace, skipped
    decisions_dropped: int = 0  # review decisions about those, skipped
    relations_added: int = 0
    relations_present: int = 0  # already stored (same id, or saying the same)
    relations_dropped: int = 0  # about spans of only whitespace, skipped with them
    workflow: WorkflowCounts = field(default_factory=WorkflowCounts)

    def line(self) -> str:
        out = (f"{self.source}: {self.documents_added} documents added, "
               f"{self.documents_matched} matched; {self.annotations_added} annotations "
               f"added, {self.annotations_present} already present; "
               f"{self.decisions_added} review decisions added")
        if self.identical:
            out += (f"; {self.identical} spans identical to stored ones (same annotator, "
                    "bounds and tag) skipped")
        if self.trimmed:
            out += f"; {self.trimmed} spans trimmed of whitespace at their ends"
        if self.blank:
            out += (f"; {self.blank} spans of only whitespace skipped, with "
                    f"{self.decisions_dropped} review decisions about them")
        if self.relations_added or self.relations_present or self.relations_dropped:
            out += (f"; {self.relations_added} relations added, {self.relations_present} "
                    "already present")
            if self.relations_dropped:
                out += f", {self.relations_dropped} about skipped spans left out"
        return out + self.workflow.line()


def import_dataset(store: ProjectStore, ds: Dataset, source: str, strict: bool = True) -> TransferReport:
    """Import a whole dataset atomically; raises InputError (and changes nothing) when a
    span's tag is not in the project's tagset or an id clashes. ``strict``: an id already
    stored must carry identical content (our own formats); otherwise it is just skipped
    (layers from other tools, whose ids we derive from the span itself)."""
    report = TransferReport(source)
    docs = list(ds.documents)
    with store.transaction():
        _settle_tagset(store, ds, docs, source)
        for annotator in ds.annotators:
            if annotator.id not in {a.id for a in store.annotators()}:
                store.add_annotator(annotator)
        import_guidelines(store, ds, report.workflow)
        for data in docs:
            _import_document(store, data, source, report, strict)
    return report


def _settle_tagset(store: ProjectStore, ds: Dataset, docs: list[DocumentData], source: str) -> None:
    """A new project (no annotations, still on the shipped default tagset, or none) takes
    the dataset's tagset; a project whose tagset the user chose keeps it, and then every
    tag the dataset uses must exist in it."""
    current = store.tagset()
    untouched = current is None or (current.to_dict() == default_tagset().to_dict()
                                    and not store.has_annotations())
    if untouched and (current is None or not _same_but_relations(current, ds.tagset)):
        store.set_tagset(ds.tagset)
        return
    known = {t.id for t in tagset_of(store).tags}
    for data in docs:
        for a in data.annotations:
            if a.tag not in known:
                raise InputError(source, f"tag '{a.tag}' (annotation {a.id}) is not in the "
                                         f"project's tagset '{tagset_of(store).id}'")


def _same_but_relations(current: Tagset, incoming: Tagset) -> bool:
    """Is ``incoming`` ``current``, or ``current`` as written before relation types were
    (an older export of the same tagset: the project keeps its relation types)?"""
    mine, theirs = current.to_dict(), incoming.to_dict()
    if not incoming.relations:
        mine.pop("relations", None)
    return mine == theirs


def _import_document(store: ProjectStore, data: DocumentData, source: str, report: TransferReport,
                     strict: bool) -> None:
    doc = data.document
    existing = store.document_with_text(doc.text_sha256)
    if existing is None:
        reason = unsafe_reason(doc.text)
        if reason:  # a project made before importers refused it, being merged
            raise InputError(source, f"document {doc.id}: {reason}")
        if _id_taken(store, doc.id):
            raise InputError(source, f"document {doc.id}: the project holds a different text "
                                     "under this id")
        store.add_documents([doc])
        report.documents_added += 1
    elif existing != doc.id:
        raise InputError(source, f"document {doc.id} has the text of stored document "
                                 f"{existing} under another id")
    else:
        report.documents_matched += 1
    spans, decisions = _trimmed(doc.text, data, report)
    new, alias = _not_twice(store, doc.id, _new_only(store, spans, source, report, strict),
                            report, strict, existing is not None, gold_ids(tuple(decisions)))
    store.insert_annotations(new)
    report.annotations_added += len(new)
    decisions = _new_decisions(store, [_renamed(d, alias) for d in decisions], doc.id, source,
                               strict)
    store.insert_decisions(decisions)
    report.decisions_added += len(decisions)
    blank = {a.id for a in data.annotations} - {a.id for a in spans}
    added, present, dropped = import_relations(store, data, source, alias, blank, strict)
    report.relations_added += added
    report.relations_present += present
    report.relations_dropped += dropped
    import_workflow(store, data, source, report.workflow, alias)


def _trimmed(text: str, data: DocumentData, report: TransferReport
             ) -> tuple[list[Annotation], list[ReviewDecision]]:
    """The spans trimmed of whitespace at their ends, and the decisions; a span of only
    whitespace is left out, and so are the decisions that name it."""
    spans, blank = [], set()
    for a in data.annotations:
        start, end = trim_space(text, a.start, a.end)
        if start >= end:
            blank.add(a.id)
            continue
        if (start, end) != (a.start, a.end):
            report.trimmed += 1
            a = a._replace(start=start, end=end)
        spans.append(a)
    decisions = [d for d in data.decisions if not blank & {*d.targets, d.result_id}]
    report.blank += len(blank)
    report.decisions_dropped += len(data.decisions) - len(decisions)
    return spans, decisions


def _key(a: Annotation, gold: set[str]) -> tuple:
    """What makes two spans the same: annotator, bounds, tag — and layer: a gold span (the
    result of a review decision, stored under the reviewer's id) is never the same as the
    reviewer's own span with those bounds and tag."""
    return a.annotator, a.start, a.end, a.tag, a.id in gold


def _not_twice(store: ProjectStore, doc_id: str, new: list[Annotation], report: TransferReport,
               strict: bool, matched: bool, gold: set[str]
               ) -> tuple[list[Annotation], dict[str, str]]:
    """``new`` without the spans identical to a stored one (and, in another tool's layer,
    to one given before in the file), and the stored id each skipped one stands for.
    ``gold``: the new spans that are gold in the file (the results of its decisions)."""
    stored = store.annotations(doc_id) if matched and new else []
    stored_gold = gold_ids(tuple(store.decisions(doc_id))) if stored else set()
    seen = {_key(a, stored_gold): a.id for a in stored}
    keep, alias = [], {}
    for a in new:
        same = seen.get(_key(a, gold))
        if same is not None:
            alias[a.id] = same
            continue
        if not strict:  # a layer's spans have no identity but their content
            seen[_key(a, gold)] = a.id
        keep.append(a)
    report.identical += len(alias)
    return keep, alias


def _renamed(d: ReviewDecision, alias: dict[str, str]) -> ReviewDecision:
    """``d`` naming the stored spans that skipped ones stand for."""
    if not alias or not alias.keys() & {*d.targets, d.result_id}:
        return d
    result = alias.get(d.result_id, d.result_id) if d.result_id is not None else None
    return replace(d, targets=tuple(alias.get(t, t) for t in d.targets), result_id=result)


def _id_taken(store: ProjectStore, doc_id: str) -> bool:
    try:
        store.summary(doc_id)
    except NotFoundError:
        return False
    return True


def _new_decisions(store: ProjectStore, decisions, doc_id: str, source: str,
                   strict: bool) -> list[ReviewDecision]:
    """The decisions not stored yet; one whose id is stored for another document (or, in
    our own formats, with other content) is refused."""
    ids = [d.id for d in decisions]
    stored = {d.id: d for i in range(0, len(ids), 500)  # SQLite limits the ? per statement
              for d in store.decisions_by_id(ids[i:i + 500])}
    for d in decisions:
        old = stored.get(d.id)
        if old is not None and (old.doc_id != doc_id or (strict and old != d)):
            raise InputError(source, f"review decision {d.id} differs from the stored one "
                                     "with the same id")
    return [d for d in decisions if d.id not in stored]


def _new_only(store: ProjectStore, annotations, source: str, report: TransferReport,
              strict: bool) -> list[Annotation]:
    stored = {a.id: a for a in store.annotations_by_id([a.id for a in annotations])}
    new = []
    for a in annotations:
        if a.id not in stored:
            new.append(a)
        elif stored[a.id] == a or not strict:
            report.annotations_present += 1
        else:
            raise InputError(source, f"annotation {a.id} differs from the stored one with "
                                     "the same id")
    return new


LAYER_NAMESPACE = uuid.UUID("5b0f3c1e-7a2d-4c8e-9f61-2d3b4a5c6e7f")


def layer_dataset(store: ProjectStore, annotator: Annotator,
                  layers: list[tuple[str, list[tuple], dict[str, str]]],
                  source: str) -> Dataset:
    """Other tools' spans (doccano, brat) as ``annotator``'s layer. ``layers`` holds a
    document text, its ``(start, end, tag, attributes)`` spans and what the file says of the
    text (``title``, ``source``, ``date``; may be empty). A text the project does not hold
    yet becomes a new document, so named (else by its first line), if it is already
    canonical (NFC; the readers refuse what else canonical text may not hold); otherwise its
    offsets could not be trusted and the file is refused. Span ids derive from the span, so
    importing the same file again adds nothing."""
    docs, stamp = [], now()
    for n, (text, spans, about) in enumerate(layers, 1):
        document = _document_for(store, text, source, n, about)
        anns = tuple(
            Annotation(str(uuid.uuid5(LAYER_NAMESPACE, f"{annotator.id}|{document.id}|{s}|{e}|{tag}")),
                       document.id, s, e, tag, annotator.id, dict(attrs), stamp, stamp)
            for s, e, tag, attrs in spans)
        docs.append(DocumentData(document, anns, ()))
    return Dataset(tagset_of(store), (annotator,), tuple(docs))


def _document_for(store: ProjectStore, text: str, source: str, n: int, about: dict[str, str]
                  ) -> Document:
    doc_id = store.document_with_text(text_sha256(text))
    if doc_id is not None:
        return store.document(doc_id)
    if not unicodedata.is_normalized("NFC", text):
        raise InputError(source, f"document {n}: its text is not in the project and is not "
                                 "canonical (NFC, \\n line ends), so its offsets cannot be used")
    title = short_title(about.get("title") or text.strip().split("\n", 1)[0]) \
        or f"{source} #{n}"
    runs = zh.paragraph_languages(text)
    script, languages = zh.document_languages(runs)
    return Document(document_id(text), title, text, text_sha256(text), origin=f"{source}#{n}",
                    source=about.get("source"), date=about.get("date"), script=script,
                    languages=tuple(languages), original=text,
                    metadata={"paragraphs": [list(r) for r in runs]})
