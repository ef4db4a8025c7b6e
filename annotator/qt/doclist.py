"""The document list dock: filterable, sortable table of the project's documents; with a
queue of my own, "Mine" (my queue, in project order) and "All"; several rows can be
chosen to assign them (Document → Assign to…, or the context menu)."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QTabBar, QTableView, QVBoxLayout, QWidget

from annotator.core.docrows import LazyRows
from annotator.core.document import DocumentSummary
from annotator.core.store import ProjectStore
from annotator.qt import shaping
from annotator.qt.jobs import Background, Opener, opener
from annotator.qt.models import ID_ROLE, DocumentListModel

#: Rows measured to size the columns: the default (1,000) costs 0.2 s on a big project.
SIZE_SAMPLE = 50
#: the model's columns as shown: title, status, who is here, open threads, spans, who is
#: assigned, then date, source and script
SHOWN_ORDER = (0, 4, 7, 8, 5, 6, 1, 2, 3)


class DocumentList(QWidget):
    documentChosen = Signal(str)
    assignRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = DocumentListModel(self)
        self.current = ""  # the open document, selected again after filtering
        self.queue: list[str] | None = None  # my documents (None: I have no queue)
        self.counting = 0  # the span count wanted (an older one arriving late is dropped)
        self.tabs = QTabBar()
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the reader
        self.tabs.addTab(self.tr("Mine"))
        self.tabs.addTab(self.tr("All"))
        self.tabs.hide()
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.filter = QLineEdit(placeholderText=self.tr("Filter documents…"),
                                clearButtonEnabled=True)
        # typed into only when clicked: never reached by Tab, nor left with the focus by a
        # closing find bar (a tag key would type there and hide rows)
        self.filter.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.filter,
                           context=Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self._escape)  # as in the find bar: Esc clears, then leaves
        self.table = QTableView()
        self.table.setModel(self.model)
        shaping.cells_shaped_where_needed(self.table, self.model)
        # sortable by clicking a header; until then, the project's own order
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        assign = QAction(self.tr("Assign to…"), self.table)
        assign.triggered.connect(self.assignRequested.emit)
        self.table.addAction(assign)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line a document, however many are here
        self.table.horizontalHeader().setResizeContentsPrecision(SIZE_SAMPLE)
        self.table.horizontalHeader().setStretchLastSection(True)
        for visual, logical in enumerate(SHOWN_ORDER):  # the team's columns in sight
            header = self.table.horizontalHeader()
            header.moveSection(header.visualIndex(logical), visual)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        self.filter.textChanged.connect(self._filter)
        self.table.activated.connect(self._chosen)
        self.table.clicked.connect(self._chosen)

    def _escape(self) -> None:
        if self.filter.text():
            self.filter.clear()
        else:
            self.table.setFocus()

    def _chosen(self, index) -> None:
        doc_id = index.data(ID_ROLE)
        if doc_id:
            self.documentChosen.emit(doc_id)

    def _filter(self, text: str, stale: bool | set[str] = False) -> None:
        mine = self.queue is not None and self.tabs.currentIndex() == 0
        self.model.set_filter(text, frozenset(self.queue or ()) if mine else None, stale)
        if self.current:
            self.mark_current(self.current)

    def set_queue(self, queue: list[str] | None) -> None:
        """My documents (None: I have none): the "Mine" tab shows them, and starts shown
        the first time I have a queue."""
        first = self.queue is None and queue is not None
        self.queue = queue
        self.tabs.setVisible(queue is not None)
        if queue is not None:
            self.tabs.setTabText(0, self.tr("Mine (%n)", "", len(queue)))
            self.tabs.setTabText(1, self.tr("All (%n)", "", len(self.model.rows)))
        if first and self.tabs.currentIndex() != 0:
            self.tabs.setCurrentIndex(0)  # filters again
        else:
            self._filter(self.filter.text())

    def refresh(self, doc_ids: set[str] | None = None) -> None:
        """The team's columns changed (statuses, assignments, presence, threads): of these
        documents' rows (None: of any)."""
        self._filter(self.filter.text(), stale=True if doc_ids is None else doc_ids)

    def selected_ids(self) -> list[str]:
        """The chosen rows' documents, in the order shown."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.index(r, 0).data(ID_ROLE) for r in rows]

    def load(self, store: ProjectStore) -> None:
        """List the project's documents at once (their ids: a row is read when drawn, or
        while the window is idle), their spans counted after: counting reads every span
        (seconds on 100,000 documents), so it runs on a worker thread with its own
        connection and fills the Spans column when done (at once for a project in
        memory)."""
        self.set_rows(LazyRows(store.document_ids(), store.summaries))
        open_store = opener(store)
        if open_store is None:
            self.set_counts(store.spans_per_document())
            return
        self.counting += 1
        Background("counts", partial(_count_spans, open_store), self.counting,
                   self).launch(self._counted)

    def _counted(self, counts: object) -> None:
        job = self.sender()
        if isinstance(job, Background) and job.token == self.counting \
                and isinstance(counts, dict):
            self.set_counts(counts)

    def set_counts(self, counts: dict[str, int]) -> None:
        """Fill in the span counts of the rows listed uncounted (of lazy rows, each as it
        is read: none is read for it)."""
        rows = self.model.rows
        if isinstance(rows, LazyRows):
            rows.set_counts(counts)
            self._filter(self.filter.text(), stale=True)  # sorts and filters on them
        elif any(r.annotations < 0 for r in rows):
            self.model.rows = [replace(r, annotations=counts.get(r.id, 0))
                               if r.annotations < 0 else r for r in rows]
            self._filter(self.filter.text(), stale=True)  # sorts and filters on them

    def set_rows(self, rows: list[DocumentSummary] | LazyRows) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 220))
        if self.current:
            self.mark_current(self.current)

    def update_row(self, summary: DocumentSummary) -> None:
        self.model.update_row(summary)

    def mark_current(self, doc_id: str) -> None:
        """Select the open document's row (none when the filter hides it)."""
        self.current = doc_id
        row = self.model.view_row(doc_id)
        if row >= 0:  # this row alone (selectRow adds to the selection while Ctrl is
            # held, as it is for the Ctrl+Z that brought another document back)
            flags = QItemSelectionModel.SelectionFlag
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, flags.ClearAndSelect | flags.Rows)
            self.table.scrollTo(index)
        else:
            self.table.clearSelection()

    def ids_in_view(self) -> list[str]:
        """Document ids in the order shown (filtered and sorted)."""
        return self.model.ids_in_view()

    def position(self, doc_id: str) -> tuple[int, int]:
        """The document's number in the project and the number of documents."""
        return self.model.row_of(doc_id) + 1, len(self.model.rows)


def _count_spans(open_store: Opener) -> dict[str, int]:
    with open_store() as store:
        return store.spans_per_document()
