"""The outline: every unit in a list, grouped by office or as the reporting tree, with a filter.

The rows live in a ``QStandardItemModel`` behind a ``QSortFilterProxyModel``: sorting and
filtering run in C++ over a folded copy of each name, so a 10,000-unit model filters as fast
as a small one. Model events are collected and applied once the event loop is free: a few
changes move a few rows, a thousand (a big delete or its undo) rebuild the list once.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDockWidget, QLineEdit, QTreeView, QVBoxLayout, QWidget

from orgmodel.collate import fold_turkish
from orgmodel.fields import OFFICES

from ui import style
from ui.editing.document import Document
from ui.editing.model_signals import ModelFollower
from ui.editing.selection import Selection
from ui.i18n import name_key

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
FOLD_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
GROUP_ROLE = Qt.ItemDataRole.UserRole + 4
GROUP_PREFIX = "\x00office:"

#: Past this many changed rows the view is let go while they move: each row taken out of an
#: expanded 6,000-row group costs the tree view milliseconds, a reset of the view one.
VIEW_BATCH = 20
#: Past this many changed units a fresh build is as cheap as moving them.
REBUILD_THRESHOLD = 5000


class OutlineDock(QDockWidget):
    """All units of ``document``, in step with the shared ``selection`` both ways."""

    BY_OFFICE = 0
    REPORTING_TREE = 1

    def __init__(self, document: Document, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Outline"), parent)
        self.setObjectName("OutlineDock")
        self._document = document
        self._selection = selection
        self._items: dict[str, QStandardItem] = {}
        self._groups: dict[str, QStandardItem] = {}
        self._icons = {office: style.office_dot_icon(office) for office in OFFICES}
        self._dirty: set[str] = set()  # units to put in their place again
        self._renamed: set[str] = set()
        self._rebuild_needed = True
        self._syncing = False
        self._expanding = False
        self._collapsed: set[str] = set()  # units and groups the user closed
        self._update_timer = QTimer(self, singleShot=True, interval=0)
        self._update_timer.timeout.connect(self._apply_changes)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter units…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.mode_combo = QComboBox()
        self.mode_combo.addItem(self.tr("By office"), self.BY_OFFICE)
        self.mode_combo.addItem(self.tr("Reporting tree"), self.REPORTING_TREE)
        self.mode_combo.setToolTip(self.tr("Group the units by office or show who reports to whom"))
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)

        self.source = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setRecursiveFilteringEnabled(True)  # ancestors of a match stay visible
        self.proxy.setFilterRole(FOLD_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)  # already folded
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.sort(0, Qt.SortOrder.AscendingOrder)

        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.selectionModel().selectionChanged.connect(self._rows_selected)
        self.tree.expanded.connect(lambda index: self._expansion_changed(index, True))
        self.tree.collapsed.connect(lambda index: self._expansion_changed(index, False))

        # One above the other: side by side, a narrow dock cut the filter's hint short
        # ("Birimleri süz…" is longer than "Filter units…").
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.mode_combo)
        layout.addWidget(self.tree, 1)
        self.setWidget(body)

        selection.changed.connect(self._selection_changed)
        ModelFollower(document, {
            "unitAdded": self._unit_placed,
            "unitRemoved": self._unit_placed,
            "parentChanged": self._parent_changed,
            "unitChanged": self._unit_changed,
        }, self)
        document.modelReplaced.connect(self._model_replaced)
        self._apply_changes()

    # -- public ------------------------------------------------------------------------------

    def focus_filter(self) -> None:
        """Show the dock and put the cursor in the filter box, its text selected (Ctrl+F)."""
        self.show()
        self.raise_()
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def mode(self) -> int:
        """:attr:`BY_OFFICE` or :attr:`REPORTING_TREE`."""
        return int(self.mode_combo.currentData())

    def set_mode(self, mode: int) -> None:
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))

    def visible_unit_ids(self) -> list[str]:
        """The units the filter lets through, in the order shown (depth first)."""
        result: list[str] = []
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            rows = [self.proxy.index(r, 0, parent) for r in range(self.proxy.rowCount(parent))]
            for index in reversed(rows):
                stack.append(index)
            result.extend(uid for uid in (i.data(ID_ROLE) for i in rows) if uid)
        return result

    def index_of_unit(self, unit_id: str) -> QModelIndex:
        """The view's index of the row showing ``unit_id`` (invalid when filtered out)."""
        item = self._items.get(unit_id)
        return self.proxy.mapFromSource(item.index()) if item is not None else QModelIndex()

    # -- following the document ----------------------------------------------------------------

    def _model_replaced(self) -> None:
        self._collapsed.clear()
        self._rebuild_needed = True
        self._schedule()

    def _schedule(self) -> None:
        if not self._update_timer.isActive():
            self._update_timer.start()

    def _mark(self, unit_id: str) -> None:
        if not self._rebuild_needed:
            self._dirty.add(unit_id)
            if len(self._dirty) > REBUILD_THRESHOLD:
                self._rebuild_needed = True
                self._dirty.clear()
        self._schedule()

    def _unit_placed(self, unit_id: str, _index: int) -> None:
        self._mark(unit_id)

    def _parent_changed(self, unit_id: str, _old: object, _new: object) -> None:
        if self.mode() == self.REPORTING_TREE:
            self._mark(unit_id)

    def _unit_changed(self, unit_id: str, fields: frozenset[str]) -> None:
        # Moves fire constantly during drags and change nothing here: an O(1) test first.
        if "name" in fields:
            self._renamed.add(unit_id)
            self._schedule()
        if "office" in fields:
            self._mark(unit_id)

    def _apply_changes(self) -> None:
        try:
            self._syncing = True  # rows taken out or cleared are not the user unselecting
            try:
                if self._rebuild_needed:
                    self._rebuild()
                else:
                    self._apply_incremental()
            finally:
                self._syncing = False
            self._renamed.clear()
            self._dirty.clear()
            self._update_group_titles()
            self._select_rows()
        except Exception:  # a slot must never let an exception reach Qt
            log.exception("could not update the outline")

    # -- building --------------------------------------------------------------------------

    def _make_item(self, unit_id: str, name: str, office: str) -> QStandardItem:
        item = QStandardItem(self._icons[office], name)
        item.setEditable(False)
        item.setData(unit_id, ID_ROLE)
        folded = fold_turkish(name)
        item.setData(folded, FOLD_ROLE)
        item.setData(f"{name_key(name)}\x00{unit_id}", SORT_ROLE)
        return item

    def _rebuild(self) -> None:
        model = self._document.model
        self._rebuild_needed = False
        self._items = {}
        self._groups = {}
        items = self._items
        for unit in model.units():
            items[unit.id] = self._make_item(unit.id, unit.name, unit.office)
        top: list[QStandardItem] = []
        if self.mode() == self.BY_OFFICE:
            members: dict[str, list[QStandardItem]] = {office: [] for office in OFFICES}
            for unit in model.units():
                members[unit.office].append(items[unit.id])
            for i, office in enumerate(OFFICES):
                group = QStandardItem()
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setData(str(i), SORT_ROLE)
                group.setData(GROUP_PREFIX + office, GROUP_ROLE)
                font = group.font()
                font.setBold(True)
                group.setFont(font)
                if members[office]:
                    group.appendRows(members[office])
                self._groups[office] = group
                top.append(group)
        else:
            children: dict[str, list[QStandardItem]] = {}
            for unit_id, parent_id in model.reporting_lines():
                children.setdefault(parent_id, []).append(items[unit_id])
            for parent_id, kids in children.items():
                items[parent_id].appendRows(kids)
            top = [items[uid] for uid in model.roots()]
        self.tree.setUpdatesEnabled(False)
        try:
            self.source.clear()
            if top:
                self.source.invisibleRootItem().appendRows(top)
            self._restore_expansion()
        finally:
            self.tree.setUpdatesEnabled(True)

    def _apply_incremental(self) -> None:
        model = self._document.model
        for unit_id in self._renamed:
            item = self._items.get(unit_id)
            if item is not None and unit_id in model:
                name = model.unit(unit_id).name
                folded = fold_turkish(name)
                item.setText(name)
                item.setData(folded, FOLD_ROLE)
                item.setData(f"{name_key(name)}\x00{unit_id}", SORT_ROLE)
        if not self._dirty:
            return
        batch = len(self._dirty) > VIEW_BATCH
        if batch:
            top_id = self._top_unit()
            self.proxy.setSourceModel(None)  # the view waits: one reset instead of a row each
        try:
            self._move_rows()
        finally:
            if batch:
                self.proxy.setSourceModel(self.source)
                self._restore_expansion()
                if top_id is not None:
                    self.tree.scrollTo(self.index_of_unit(top_id), QAbstractItemView.ScrollHint.PositionAtTop)

    def _move_rows(self) -> None:
        model = self._document.model
        # Take every changed row out (with its subtree), then put each back where it belongs;
        # a child may go under a parent that is itself still out: it follows it back in.
        for unit_id in self._dirty:
            item = self._items.get(unit_id)
            if item is not None:
                self._detach(item)
        present: list[str] = []
        for unit_id in self._dirty:
            if unit_id not in model:
                self._items.pop(unit_id, None)
                self._collapsed.discard(unit_id)
                continue
            unit = model.unit(unit_id)
            item = self._items.get(unit_id)
            if item is None:
                self._items[unit_id] = self._make_item(unit_id, unit.name, unit.office)
            else:
                item.setIcon(self._icons[unit.office])
            present.append(unit_id)
        by_office = self.mode() == self.BY_OFFICE
        root = self.source.invisibleRootItem()
        for unit_id in present:
            if by_office:
                container = self._groups[model.unit(unit_id).office]
            else:
                parent_id = model.parent(unit_id)
                container = self._items[parent_id] if parent_id is not None else root
            container.appendRow(self._items[unit_id])
        if self.proxy.sourceModel() is not None:
            for unit_id in present:
                item = self._items[unit_id]
                self._expand_source(item.parent())
                self._expand_source(item)

    def _expand_source(self, item: QStandardItem | None) -> None:
        if item is None or item.model() is None or self._key_of_item(item) in self._collapsed:
            return
        self._expanding = True
        try:
            self.tree.expand(self.proxy.mapFromSource(item.index()))
        finally:
            self._expanding = False

    # -- expansion: everything open, except what the user closed -----------------------------

    @staticmethod
    def _key_of_item(item: QStandardItem) -> str:
        return item.data(ID_ROLE) or item.data(GROUP_ROLE) or ""

    def _restore_expansion(self) -> None:
        self._expanding = True
        try:
            self.tree.expandAll()
            if self.proxy.filterRegularExpression().pattern():
                return  # while filtering every match must be seen
            for key in self._collapsed:
                item = self._items.get(key) or self._groups.get(key.removeprefix(GROUP_PREFIX))
                if item is not None and item.model() is not None:
                    self.tree.collapse(self.proxy.mapFromSource(item.index()))
        finally:
            self._expanding = False

    def _expansion_changed(self, index: QModelIndex, expanded: bool) -> None:
        if self._expanding:
            return
        key = index.data(ID_ROLE) or index.data(GROUP_ROLE)
        if key:
            if expanded:
                self._collapsed.discard(key)
            else:
                self._collapsed.add(key)

    def _top_unit(self) -> str | None:
        index = self.tree.indexAt(self.tree.viewport().rect().topLeft())
        return index.data(ID_ROLE) if index.isValid() else None

    def _detach(self, item: QStandardItem) -> None:
        parent = item.parent()
        if parent is None:
            if item.model() is None:
                return  # already out
            parent = self.source.invisibleRootItem()
        parent.takeRow(item.row())

    def _update_group_titles(self) -> None:
        titles = {
            "front": self.tr("Front office (%1)"),
            "middle": self.tr("Middle office (%1)"),
            "back": self.tr("Back office (%1)"),
        }
        filtered = bool(self.proxy.filterRegularExpression().pattern())
        for office, group in self._groups.items():
            count = QLocale().toString(group.rowCount())
            if filtered:
                shown = self.proxy.rowCount(self.proxy.mapFromSource(group.index()))
                count = self.tr("%1 of %2").replace("%1", QLocale().toString(shown)).replace("%2", count)
            group.setText(titles[office].replace("%1", count))

    def _mode_changed(self, _index: int) -> None:
        self._rebuild_needed = True
        self._dirty.clear()
        self._apply_changes()

    def _filter_changed(self, text: str) -> None:
        try:
            self._syncing = True  # hiding a selected row does not unselect the unit
            try:
                self.proxy.setFilterFixedString(fold_turkish(text.strip()))
                self._restore_expansion()  # while filtering: all open, matches deep down seen
                self._update_group_titles()
            finally:
                self._syncing = False
            self._select_rows()
        except Exception:
            log.exception("could not filter the outline")

    # -- selection, both ways, without echo ----------------------------------------------------

    def _rows_selected(self, *_: object) -> None:
        if self._syncing:
            return
        try:
            ids = [uid for uid in (i.data(ID_ROLE) for i in self.tree.selectionModel().selectedRows()) if uid]
            self._syncing = True
            try:
                if len(ids) == 1:
                    self._selection.select_unit(ids[0])
                else:
                    # Keep selected dependencies only when the user did not pick units here.
                    self._selection.set(ids)
            finally:
                self._syncing = False
        except Exception:
            log.exception("could not select from the outline")

    def _selection_changed(self) -> None:
        if self._syncing:
            return
        try:
            self._select_rows()
        except Exception:
            log.exception("could not follow the selection")

    def _select_rows(self) -> None:
        """Select the rows of the selected units (visible ones) without echoing back."""
        wanted = QItemSelection()
        first = QModelIndex()
        rows_under: dict[QPersistentModelIndex, list[int]] = {}
        for unit_id in self._selection.units():
            index = self.index_of_unit(unit_id)
            if index.isValid():
                rows_under.setdefault(QPersistentModelIndex(index.parent()), []).append(index.row())
                if not first.isValid():
                    first = index
        # One range per run of adjacent rows: "select all" on 10,000 units is a handful of
        # ranges, not 10,000 that the selection model would merge one by one.
        for parent, rows in rows_under.items():
            rows.sort()
            start = previous = rows[0]
            for row in rows[1:] + [None]:
                if row is not None and row == previous + 1:
                    previous = row
                    continue
                parent_index = QModelIndex(parent)
                wanted.select(self.proxy.index(start, 0, parent_index), self.proxy.index(previous, 0, parent_index))
                if row is not None:
                    start = previous = row
        self._syncing = True
        try:
            model = self.tree.selectionModel()
            model.select(wanted, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            if first.isValid():
                model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.tree.scrollTo(first)
        finally:
            self._syncing = False
