"""What the annotation window does, without the window: the open document, its span index,
the selected span, which annotators are shown, and every keyboard/mouse edit as a
:class:`~annotator.core.commands.Change`. The Qt window only draws what these return."""

from __future__ import annotations

from annotator.core import blind as blindness
from annotator.core import commands
from annotator.core.annotation import Annotation
from annotator.core.arcs import RelationIndex
from annotator.core.commands import Change, Command
from annotator.core.document import Document
from annotator.core.relations import Relation
from annotator.core.session import Session
from annotator.core.spans import SpanIndex
from annotator.core.store import ProjectStore, tagset_of
from annotator.core.suggest import Suggestion, accept_all
from annotator.core.suggester import DocSuggestions, LexiconSource

ALL, MINE = "all", "mine"


class Editor:
    def __init__(self, store: ProjectStore, session: Session):
        self.store = store
        self.session = session
        self.doc: Document | None = None
        self.index: SpanIndex | None = None
        self.selected: Annotation | None = None
        self.shown: str | frozenset[str] = ALL  # ALL, MINE, or a set of annotator ids
        self.lexicon: LexiconSource | None = None  # built by build_lexicon (when idle)
        self.changes = 0  # changes absorbed so far (a lexicon built meanwhile is stale)
        self.suggestions_touched = False  # the last change altered the lexicon's finds
        self.suggestions: DocSuggestions | None = None
        self.blind = blindness.Blind(False, session.annotator.id, session.role)
        # the open document's relations by span; ``relations`` is its id map
        self.relation_index = RelationIndex()

    # --- documents -----------------------------------------------------------------------
    def open(self, doc_id: str, around: int = 0) -> Document:
        """Open a document; of a long one only the spans of the screens from ``around``
        (a code point to show) are read now (see :meth:`SpanIndex.partial`)."""
        self.doc = self.store.document(doc_id)
        self.refresh_blind()
        store = self.store  # a long document: its first screens' spans now, the rest later
        self.index = SpanIndex.partial(
            self.doc.text, lambda start, end: store.annotations_between(doc_id, start, end),
            lambda after, limit: [] if store.closed else  # (the window's project gone)
            store.annotations_after(doc_id, after, limit), around=around)
        self.relation_index = RelationIndex(self.store.relations(doc_id))
        self.selected = None
        me = self.session.annotator.id
        self.suggestions = DocSuggestions(doc_id, self.doc.text, self.index, me,
                                          self.store.rejections(doc_id, me))
        if self.lexicon is not None:
            self.suggestions.set_lexicon(self.lexicon.lexicon)
        return self.doc

    def load_more(self, limit: int = 3000) -> bool:
        """Read more of the open document's spans (see :meth:`SpanIndex.partial`); True
        when they are all read."""
        return self.index is None or self.index.load_more(limit)

    # --- suggestions ---------------------------------------------------------------------
    def build_lexicon(self) -> None:
        """Count every span of the project (while blind annotation binds me, mine only)
        and compile the lexicon, here (the window does it on a worker thread and hands the
        result to :meth:`use_lexicon`)."""
        self.use_lexicon(LexiconSource(self.store.tagset(),
                                       self.store.span_texts(self.lexicon_owner())))

    def lexicon_owner(self) -> str | None:
        """Whose spans the lexicon counts: mine while blind annotation binds me, else
        everyone's (None)."""
        return self.blind.me if self.blind.binding else None

    def use_lexicon(self, source: LexiconSource) -> None:
        self.lexicon = source
        self.compile_lexicon()

    def compile_lexicon(self) -> None:
        if self.lexicon is not None:
            lexicon = self.lexicon.compile()
            if self.suggestions is not None:
                self.suggestions.set_lexicon(lexicon)

    def suggestion_at(self, start: int, end: int) -> Suggestion | None:
        return self.suggestions.at(start, end) if self.suggestions else None

    def accept(self, suggestions: list[Suggestion]) -> Change | None:
        """Add the suggested spans, as one command."""
        if self.doc is None or not suggestions:
            return None
        command = accept_all(self.doc.id, self.doc.text, suggestions,
                             self.session.annotator.id)
        return self._absorb(self.session.run(command), select=None)

    def reject(self, s: Suggestion) -> Change | None:
        if self.doc is None:
            return None
        return self._absorb(self.session.run(commands.reject(
            self.doc.id, s.start, s.end, s.tag, self.session.annotator.id,
            self.doc.text[s.start:s.end])), select=None)

    # --- what is shown -------------------------------------------------------------------
    def refresh_blind(self) -> bool:
        """Read the blind-annotation state again (the setting, my statuses and queue);
        True when what the open document shows changes."""
        doc = self.doc.id if self.doc else ""
        was = self.blind.hides(doc)
        self.blind = blindness.read(self.store, self.session.annotator.id, self.session.role)
        return self.blind.hides(doc) != was

    @property
    def hidden(self) -> bool:
        """Blind annotation shows me only my own layer of the open document."""
        return self.doc is not None and self.blind.hides(self.doc.id)

    def keep(self, a: Annotation) -> bool:
        if self.hidden and a.annotator != self.session.annotator.id:
            return False
        if self.shown == ALL:
            return True
        if self.shown == MINE:
            return a.annotator == self.session.annotator.id
        return a.annotator in self.shown

    def visible_spans(self) -> list[Annotation]:
        """The open document's spans that :meth:`keep` shows, in reading order."""
        if self.index is None:
            return []
        if self.shown == ALL and not self.hidden:  # everyone's: no test per span
            return list(self.index)
        return [a for a in self.index if self.keep(a)]

    # --- selection -----------------------------------------------------------------------
    def select(self, span_id: str | None) -> Annotation | None:
        self.selected = self.index.get(span_id) if (self.index and span_id) else None
        return self.selected

    def step(self, direction: int, cursor: int) -> Annotation | None:
        """Select the next (+1) or previous (-1) visible span after the selection or cursor;
        wraps around at the ends."""
        if self.index is None:
            return None
        back = direction < 0
        nxt = self.index.next_after(self.selected, cursor, back, self.keep)
        if nxt is None:  # wrap
            nxt = self.index.next_after(None, self.index.length + 1 if back else -1, back,
                                        self.keep)
        self.selected = nxt
        return nxt

    # --- edits ---------------------------------------------------------------------------
    def apply_tag(self, tag: str, start: int, end: int) -> Change | None:
        """A hotkey or palette click: retag the selected span when the text selection is
        empty or is that span; otherwise tag the (trimmed) selection."""
        if self.doc is None:
            return None
        sel = self.selected
        if sel is not None and (start == end or (start, end) == (sel.start, sel.end)):
            return self._absorb(self.session.retag([sel], tag), select=sel.id)
        if start == end:
            return None
        change = self.session.add(self.doc.id, self.doc.text, start, end, tag)
        return self._absorb(change, select=change.added[0].id if change else None)

    def delete_selected(self) -> Change | None:
        if self.selected is None:
            return None
        return self._absorb(self.session.delete([self.selected]), select=None)

    # --- relations -----------------------------------------------------------------------
    @property
    def relations(self) -> dict[str, Relation]:
        """The open document's relations by id."""
        return self.relation_index.by_id

    def relations_of(self, span_id: str) -> list[Relation]:
        """The open document's relations with an end at this span (outgoing first)."""
        rels = self.relation_index.of(span_id)
        return sorted(rels, key=lambda r: (r.source != span_id, r.type, r.id))

    def add_relation(self, source_id: str, target_id: str, rtype: str) -> Change | None:
        """Join two spans of the open document (raises
        :class:`~annotator.core.relations.RelationError` when the tagset or the stored
        relations do not allow it); the source stays selected."""
        source = self.index.get(source_id) if self.index else None
        target = self.index.get(target_id) if self.index else None
        if source is None or target is None:
            return None
        # only relations of its type and layer can be a duplicate (then at its two spans)
        # or close a cycle: a filter here spares the check a call per relation held, and
        # the index by span spares a pass over the document's relations (unless the type
        # forbids cycles: then any of them may lead back)
        acyclic = any(t.id == rtype and t.acyclic for t in tagset_of(self.store).relations)
        near = self.relations.values() if acyclic else \
            self.relation_index.touching((source_id, target_id))
        alike = [r for r in near if r.type == rtype and r.annotator == source.annotator]
        change = self.session.add_relation(source, target, rtype, alike)
        return self._absorb(change, select=source_id)

    def retype_relation(self, relation_id: str, rtype: str,
                        reverse: bool = False) -> Change | None:
        rel = self.relations.get(relation_id)
        if rel is None:
            return None
        keep = self.selected.id if self.selected and self.selected.id in rel.ends else rel.source
        return self._absorb(self.session.retype_relation(rel, rtype, reverse), select=keep)

    def delete_relations(self, relation_ids: list[str]) -> Change | None:
        rels = [self.relations[i] for i in relation_ids if i in self.relations]
        keep = self.selected.id if self.selected else None
        return self._absorb(self.session.delete_relations(rels), select=keep)

    def move_edge(self, edge: str, delta: int) -> Change | None:
        """Move the selected span's start or end edge by ``delta`` code points, and on
        over whitespace and line breaks (an edge never rests on one); None when the span
        would vanish or leave the text."""
        a = self.selected
        if a is None or self.doc is None:
            return None
        bounds = commands.moved_edge(self.doc.text, a.start, a.end, edge, delta)
        if bounds is None:
            return None
        change = self.session.resize(a, *bounds, len(self.doc.text))
        return self._absorb(change, select=a.id)

    def set_status(self, status: str) -> Change | None:
        """My status on the open document, as an undoable command (marking it done lifts
        blind annotation: see :meth:`refresh_blind`)."""
        if self.doc is None:
            return None
        keep = self.selected.id if self.selected else None
        return self._absorb(self.session.set_status(self.doc.id, status), select=keep)

    def set_attributes(self, span_id: str, attributes: dict) -> Change | None:
        span = self.index.get(span_id) if self.index else None
        if span is None:
            return None
        return self._absorb(self.session.set_attributes(span, attributes), select=span_id)

    def run(self, command: Command | None, keep_selection: bool = False) -> Change | None:
        """Apply any prepared command (e.g. a review settlement) to the open document;
        ``keep_selection``: the selected span stays selected (a comment on it)."""
        keep = self.selected.id if keep_selection and self.selected else None
        return self._absorb(self.session.run(command), select=keep)

    def reload(self) -> Change | None:
        """The open document's spans as stored now, where others changed them (a team
        project: colleagues' commits), as one change to show; nothing is journalled (the
        edits are theirs). The selection stays if its span does."""
        if self.doc is None or self.index is None:
            return None
        fresh = {a.id: a for a in self.store.annotations(self.doc.id)}
        removed, added = _difference({a.id: a for a in self.index}, fresh)
        rels_out, rels_in = _difference(self.relations, {
            r.id: r for r in self.store.relations(self.doc.id)})
        if not (removed or added or rels_out or rels_in):
            return None
        keep = self.selected.id if self.selected and self.selected.id in fresh else None
        return self._absorb(Change(self.doc.id, removed, added, None, rels_out, rels_in),
                            select=keep)

    def undo(self) -> Change | None:
        return self._absorb_other(self.session.undo())

    def redo(self) -> Change | None:
        return self._absorb_other(self.session.redo())

    def _absorb_other(self, change: Change | None) -> Change | None:
        """Undo/redo may concern another document: open it first (a corpus-wide batch
        touching the open document stays on it)."""
        if change is None:
            return None
        docs = change.command.doc_ids if change.command else {change.doc_id}
        if self.doc is None or self.doc.id not in docs:
            self._count(change)
            self.open(change.doc_id)  # fresh from the store: already includes the change
            self.select(_to_select(change, change.doc_id))
            return change.only(change.doc_id)
        return self._absorb(change, select=_to_select(change, self.doc.id))

    def _absorb(self, change: Change | None, select: str | None) -> Change | None:
        """Bring the open document's index, the lexicon and the suggestions up to date
        with a stored change; returns the part of it in the open document."""
        if change is None or self.index is None or self.doc is None:
            return change
        self._count(change)
        mine = change.only(self.doc.id)
        self.index.update(mine)
        self.relation_index.update(mine.removed_relations, mine.added_relations)
        if self.suggestions is not None:
            self.suggestions.update(mine)
        self.select(select)
        return mine

    def _count(self, change: Change) -> None:
        self.changes += 1
        self.suggestions_touched = False
        owner = self.lexicon_owner()
        if owner is not None:  # blind: colleagues' spans are not my lexicon's
            change = Change(change.doc_id, tuple(a for a in change.removed if a.annotator == owner),
                            tuple(a for a in change.added if a.annotator == owner),
                            change.command)
        if self.lexicon is not None:
            texts = {self.doc.id: self.doc.text} if self.doc else {}

            def text_of(doc_id: str) -> str:
                if doc_id not in texts:
                    texts[doc_id] = self.store.document(doc_id).text
                return texts[doc_id]

            self.suggestions_touched = self.lexicon.update(change, text_of)


def _to_select(change: Change, doc_id: str) -> str | None:
    """What to select after undo or redo: the first span it adds, else the source of a
    relation it adds or removes (its arc is what changed)."""
    ids = [a.id for a in change.added if a.doc_id == doc_id] or [
        r.source for r in change.added_relations + change.removed_relations
        if r.doc_id == doc_id]
    return ids[0] if ids else None


def _difference(held: dict, fresh: dict) -> tuple[tuple, tuple]:
    """(rows held but gone or changed, rows new or changed) between two id -> row maps."""
    return (tuple(a for i, a in held.items() if fresh.get(i) != a),
            tuple(a for i, a in fresh.items() if held.get(i) != a))
