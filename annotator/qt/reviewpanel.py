"""The Review dock: choose annotators to compare, walk their disagreements from the
keyboard (↑/↓), accept a version (Enter), reject all (Delete), accept every unanimous case
(Ctrl+Enter). Each settlement is a command, stored at once and undoable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.annotation import Annotation, Annotator
from annotator.core.discussion import Discussion
from annotator.core.relations import Relation
from annotator.qt.i18n import QT_TRANSLATE_NOOP
from annotator.review.cases import KIND_LABELS, Case, find_cases
from annotator.review.relcases import RelationCase, find_relation_cases

CASE_ROLE = Qt.ItemDataRole.UserRole
VERSION_ROLE = Qt.ItemDataRole.UserRole + 1
KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete)
#: annotator.review.cases.KIND_LABELS and decisions, as the panel names them
KINDS = {"only_one": QT_TRANSLATE_NOOP("ReviewPanel", "only one annotator marked it"),
         "partial": QT_TRANSLATE_NOOP("ReviewPanel", "not every annotator marked it"),
         "boundaries": QT_TRANSLATE_NOOP("ReviewPanel", "boundaries differ"),
         "tags": QT_TRANSLATE_NOOP("ReviewPanel", "tags differ"),
         "attributes": QT_TRANSLATE_NOOP("ReviewPanel", "attributes differ"),
         "unanimous": QT_TRANSLATE_NOOP("ReviewPanel", "all agree")}
#: annotator.review.relcases.KINDS, as the panel names them
RELATION_KINDS = {
    "only_one": QT_TRANSLATE_NOOP("ReviewPanel", "relation: only one annotator drew it"),
    "partial": QT_TRANSLATE_NOOP("ReviewPanel", "relation: not every annotator drew it"),
    "types": QT_TRANSLATE_NOOP("ReviewPanel", "relation: types differ"),
    "ends": QT_TRANSLATE_NOOP("ReviewPanel", "relation: ends differ"),
    "unanimous": QT_TRANSLATE_NOOP("ReviewPanel", "relation: all agree")}
AnyCase = Case | RelationCase
DECISIONS = {"accepted": QT_TRANSLATE_NOOP("ReviewPanel", "accepted"),
             "edited": QT_TRANSLATE_NOOP("ReviewPanel", "accepted with edits"),
             "rejected": QT_TRANSLATE_NOOP("ReviewPanel", "rejected")}


class CaseTree(QTreeWidget):
    """Takes Enter and Delete for itself, before the window's shortcuts see them."""

    acceptPressed = Signal(bool)  # True with Ctrl: accept all unanimous
    rejectPressed = Signal()

    def event(self, e) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and e.key() in KEYS:
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e) -> None:  # noqa: N802
        if e.key() in KEYS[:2]:
            self.acceptPressed.emit(bool(e.modifiers() & Qt.KeyboardModifier.ControlModifier))
        elif e.key() == Qt.Key.Key_Delete:
            self.rejectPressed.emit()
        else:
            super().keyPressEvent(e)


class ReviewPanel(QWidget):
    caseShown = Signal(int, int)  # code-point range of the current case
    accepted = Signal(object, object, str)  # case, version, note
    rejected = Signal(object, str)  # case, note
    unanimousAccepted = Signal(list)  # cases
    relationAccepted = Signal(object, object, str)  # relation case, version, note
    relationRejected = Signal(object, str)  # relation case, note

    def __init__(self, parent=None):
        super().__init__(parent)
        self.cases: list[Case] = []
        self._no_relations()
        self.who = QListWidget()
        self.who.setMaximumHeight(90)
        self.tree = CaseTree()
        self.tree.setHeaderLabels([self.tr("Case"), self.tr("Annotator"), self.tr("Text")])
        self.note = QLineEdit(placeholderText=self.tr("Reviewer's note (optional)"))
        self.summary = QLabel()
        self.lock = QLabel(wordWrap=True)  # another reviewer on this document (team)
        self.lock.hide()
        self.notes = QLabel(wordWrap=True)  # the current case's threads
        self.notes.hide()
        self.legend = QLabel()
        self.legend.setToolTip(self.tr("Text only one annotator marked is shown in their colour"))
        accept, reject, unanimous = (QPushButton(self.tr("Accept (Enter)")),
                                     QPushButton(self.tr("Reject (Del)")),
                                     QPushButton(self.tr("Accept all unanimous (Ctrl+Enter)")))
        buttons = QHBoxLayout()
        for b in (accept, reject, unanimous):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for w in (QLabel(self.tr("Compare:")), self.who, self.legend, self.summary, self.lock,
                  self.tree, self.notes, self.note):
            layout.addWidget(w)
        layout.addLayout(buttons)
        accept.clicked.connect(lambda: self._accept(False))
        unanimous.clicked.connect(lambda: self._accept(True))
        reject.clicked.connect(self._reject)
        self.tree.acceptPressed.connect(self._accept)
        self.tree.rejectPressed.connect(self._reject)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.who.itemChanged.connect(lambda _: self._remember_checks())
        self.who.itemChanged.connect(lambda _: self.changed_annotators())
        self.unchecked: set[str] = set()  # annotator ids the reviewer left out
        self._source: tuple = ("", [], [], {})
        self.tag_name: Callable[[str], str] = str
        #: the discussion threads on a case's spans (set by the window)
        self.threads_on: Callable[[Case], list[Discussion]] = lambda case: []

    def _no_relations(self) -> None:
        self.relation_cases: list[RelationCase] = []
        self.relations: list[Relation] = []  # the document's (set with show_document)
        #: relation type id -> (its name, directed); set by the window
        self.relation_types: dict[str, tuple[str, bool]] = {}

    def set_lock(self, text: str) -> None:
        """Another reviewer is reviewing this document ("" when nobody is)."""
        self.lock.setText(text)
        self.lock.setVisible(bool(text))

    def set_annotators(self, annotators: list[Annotator]) -> None:
        """The annotators to compare: those with spans of their own in the document (the
        reviewer too, when she annotated; gold is nobody's layer). The list is made again
        only when they change; whom the reviewer unchecked stays unchecked."""
        if [a.id for a in annotators] == self._listed():
            return
        self.who.blockSignals(True)
        self.who.clear()
        for a in annotators:
            item = QListWidgetItem(a.name)
            item.setData(CASE_ROLE, a.id)
            item.setCheckState(Qt.CheckState.Unchecked if a.id in self.unchecked
                               else Qt.CheckState.Checked)
            self.who.addItem(item)
        self.who.blockSignals(False)

    def _listed(self) -> list[str]:
        return [item.data(CASE_ROLE) for i in range(self.who.count())
                if (item := self.who.item(i)) is not None]

    def _remember_checks(self) -> None:
        for i in range(self.who.count()):
            item = self.who.item(i)
            if item is None:
                continue
            if item.checkState() == Qt.CheckState.Checked:
                self.unchecked.discard(item.data(CASE_ROLE))
            else:
                self.unchecked.add(item.data(CASE_ROLE))

    def show_legend(self, colours: dict[str, str], names: dict[str, str]) -> None:
        only = self.tr("■ only {name}")
        parts = [f'<span style="color:{c}">{only.format(name=names.get(a, a))}</span>'
                 for a, c in colours.items()]
        self.legend.setText("  ".join(parts))

    def chosen(self) -> list[str]:
        items = [self.who.item(i) for i in range(self.who.count())]
        return [i.data(CASE_ROLE) for i in items if i and i.checkState() == Qt.CheckState.Checked]

    def show_document(self, text: str, spans: list[Annotation], decisions: list,
                      names: dict[str, str], relations: list[Relation] | None = None) -> None:
        self._source = (text, spans, decisions, names)
        self.relations = list(relations or ())
        self.changed_annotators()

    def changed_annotators(self) -> None:
        text, spans, decisions, names = self._source
        current = self.tree.currentItem()
        keep = (current.parent() or current).data(0, CASE_ROLE) if current else None
        self.cases = find_cases(spans, self.chosen(), decisions)
        directed = {t: d for t, (_, d) in self.relation_types.items()}
        self.relation_cases = find_relation_cases(spans, self.relations, self.chosen(),
                                                  decisions, directed)
        self.tree.clear()
        for case in self.cases:
            item = self._case_item(case, text, names)
            self.tree.addTopLevelItem(item)
            item.setExpanded(case.decision is None)  # only works once in the tree
        for rcase in self.relation_cases:
            item = self._relation_item(rcase, text, names)
            self.tree.addTopLevelItem(item)
            item.setExpanded(rcase.decision is None)
        self.tree.resizeColumnToContents(0)
        every: list[AnyCase] = [*self.cases, *self.relation_cases]
        open_cases = [c for c in every if c.decision is None]
        n = len(every)  # (lupdate reads a plain name as the count)
        self.summary.setText(self.tr("{open} open of %n case(s)", "", n).format(
            open=len(open_cases)))
        self._restore(keep)

    def _case_item(self, case: Case, text: str, names) -> QTreeWidgetItem:
        decision = case.decision.decision if case.decision else ""
        state = f" — {self.tr(DECISIONS[decision]) if decision in DECISIONS else decision}" \
            if case.decision else ""
        kind = self.tr(KINDS[case.kind]) if case.kind in KINDS else KIND_LABELS[case.kind]
        talk = sum(1 for d in self.threads_on(case) if d.thread.open)
        notes = " · " + self.tr("%n open thread(s)", "", talk) if talk else ""
        item = QTreeWidgetItem([f"{kind}{state}{notes}", "", text[case.start:case.end]])
        item.setData(0, CASE_ROLE, case.id)
        for version in case.versions:
            who = ", ".join(sorted({names.get(a.annotator, a.annotator) for a in case.spans
                                    if (a.start, a.end, a.tag) == (version.start, version.end,
                                                                  version.tag)}))
            child = QTreeWidgetItem([self.tag_name(version.tag), who,
                                     text[version.start:version.end]])
            child.setData(0, VERSION_ROLE, version.id)
            item.addChild(child)
        return item

    def _state(self, decision) -> str:
        if decision is None:
            return ""
        word = decision.decision
        return f" — {self.tr(DECISIONS[word]) if word in DECISIONS else word}"

    def _relation_item(self, case: RelationCase, text: str, names) -> QTreeWidgetItem:
        """A relation case: its kind, then one child per version ("上合组织 —uses→ 演习")."""
        kind = self.tr(RELATION_KINDS[case.kind]) if case.kind in RELATION_KINDS else case.kind
        item = QTreeWidgetItem([f"{kind}{self._state(case.decision)}", "",
                                text[case.start:case.end]])
        item.setData(0, CASE_ROLE, case.id)
        for version in case.versions:
            shape = (version.type, case.bounds(version))
            who = ", ".join(sorted({names.get(r.annotator, r.annotator) for r in case.relations
                                    if (r.type, case.bounds(r)) == shape}))
            child = QTreeWidgetItem([self.relation_name(version.type), who,
                                     self._link_text(case, version, text)])
            child.setData(0, VERSION_ROLE, version.id)
            child.setToolTip(2, child.text(2))
            item.addChild(child)
        return item

    def relation_name(self, rtype: str) -> str:
        return self.relation_types.get(rtype, (rtype, True))[0]

    def _link_text(self, case: RelationCase, version: Relation, text: str) -> str:
        (s0, s1), (t0, t1) = case.bounds(version)
        arrow = "→" if self.relation_types.get(version.type, ("", True))[1] else "—"
        return f"{text[s0:s1]} —{self.relation_name(version.type)}{arrow} {text[t0:t1]}"

    def _restore(self, case_id: str | None) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and (case_id is None or item.data(0, CASE_ROLE) == case_id):
                self.tree.setCurrentItem(item)
                return

    def _current(self) -> tuple[AnyCase | None, Annotation | Relation | None]:
        item = self.tree.currentItem()
        if item is None:
            return None, None
        top = item.parent() or item
        every: list[AnyCase] = [*self.cases, *self.relation_cases]
        case = next((c for c in every if c.id == top.data(0, CASE_ROLE)), None)
        version_id = item.data(0, VERSION_ROLE)
        versions: tuple = case.versions if case else ()
        return case, next((v for v in versions if v.id == version_id), None)

    def _current_changed(self, *_) -> None:
        case = self._current()[0]
        found = self.threads_on(case) if isinstance(case, Case) else []
        said = [f"{'●' if d.thread.open else '✓'} {c.author}: {c.text}" for d in found
                for c in d.comments]
        self.notes.setText("\n".join(said))
        self.notes.setVisible(bool(said))
        if case is not None:
            self.caseShown.emit(case.start, case.end)

    def _accept(self, unanimous: bool) -> None:
        if unanimous:
            self.unanimousAccepted.emit(self.cases)
            return
        case, version = self._current()
        if case is not None and case.decision is None:
            signal = self.relationAccepted if isinstance(case, RelationCase) else self.accepted
            signal.emit(case, version or case.versions[0], self.note.text().strip())
            self.note.clear()

    def _reject(self) -> None:
        case, _ = self._current()
        if case is not None and case.decision is None:
            signal = self.relationRejected if isinstance(case, RelationCase) else self.rejected
            signal.emit(case, self.note.text().strip())
            self.note.clear()

    def next_open(self) -> None:
        """Move to the next open case after the current one."""
        current = self.tree.currentItem()
        start = self.tree.indexOfTopLevelItem(current.parent() or current) if current else -1
        for i in range(start + 1, self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and "—" not in item.text(0):
                self.tree.setCurrentItem(item)
                return
