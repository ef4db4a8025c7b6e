"""The tag palette: groups and their tags with colour chips, hotkeys and counts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.tagset import Tagset
from annotator.qt import i18n
from annotator.qt.guidelines import tag_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole


def chip(colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class TagPalette(QWidget):
    tagChosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.filter = QLineEdit(placeholderText=self.tr("Filter tags…"), clearButtonEnabled=True)
        # typed into only when clicked: never reached by Tab, nor left with the focus by a
        # closing find bar (a tag key would type there and hide rows)
        self.filter.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Tag"), self.tr("Key"), "#"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the reader
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.items: dict[str, QTreeWidgetItem] = {}
        self.counts: dict[str, int] = {}  # the counts shown
        self.filter.textChanged.connect(self._apply_filter)
        self.tree.itemClicked.connect(self._clicked)

    def set_tagset(self, tagset: Tagset, lang: str | None = None) -> None:
        """Show the tagset's groups and tags, named in ``lang`` (default: the interface's
        language; in English the simplified Chinese names follow)."""
        lang = lang or i18n.tag_lang()
        self.tree.clear()
        self.items.clear()
        self.counts = {}
        for group in tagset.groups:
            top = QTreeWidgetItem([group.name(lang) if lang != "en" else
                                   f"{group.name(lang)} · {group.label.get('zh-Hans', '')}"])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            for tag in group.tags:
                item = QTreeWidgetItem([i18n.tag_text(tag, lang), (tag.hotkey or "").upper(),
                                        "0"])
                item.setIcon(0, chip(tag.colour))
                item.setData(0, ID_ROLE, tag.id)
                item.setToolTip(0, tag_tooltip(tag, lang))
                top.addChild(item)
                self.items[tag.id] = item
            top.setExpanded(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # the counts column is fitted by set_counts when its widest number grows: fitted
        # by Qt, every count set measured every row again (7 ms for a new document's)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.tree.resizeColumnToContents(2)

    def set_counts(self, counts: dict[str, int]) -> None:
        """Each tag's count; only the rows whose count changed are touched (an edit
        changes one or two: the others are neither set again nor repainted)."""
        shown, widest = self.counts, max(self.counts.values(), default=0)
        for tag_id, item in self.items.items():
            n = counts.get(tag_id, 0)
            if shown.get(tag_id, 0) != n:
                item.setText(2, str(n))
        self.counts = {t: counts.get(t, 0) for t in self.items}
        if len(str(max(self.counts.values(), default=0))) != len(str(widest)):
            self.tree.resizeColumnToContents(2)

    def counts_unknown(self) -> None:
        """No counts yet (a long document's spans still being read): each shows "…",
        and the next :meth:`set_counts` sets every row."""
        for item in self.items.values():
            item.setText(2, "…")
        self.counts = dict.fromkeys(self.items, -1)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            shown = 0
            for j in range(top.childCount()):
                item = top.child(j)
                if item is None:
                    continue
                hay = f"{item.text(0)} {item.data(0, ID_ROLE)} {item.toolTip(0)}".lower()
                item.setHidden(bool(needle) and needle not in hay)
                shown += not item.isHidden()
            top.setHidden(shown == 0)

    def _clicked(self, item: QTreeWidgetItem) -> None:
        tag_id = item.data(0, ID_ROLE)
        if tag_id:
            self.tagChosen.emit(tag_id)
