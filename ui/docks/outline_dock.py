"""The outline: every unit in a list, grouped by office or as the reporting tree, with a filter.

The rows live in a ``QStandardItemModel`` behind a ``QSortFilterProxyModel`` that only
filters: the rows are put in name order once, when the list is built (one collation key per
name, sorted in one pass), and a renamed or moved unit's row is taken out and put back at its
place by a binary search, so one changed unit moves one row. Filtering runs in C++ over a
folded copy of each name, set on every row the first time the person filters. Model events
are collected and applied once the event loop is free: a few changes move a few rows, a
thousand (a big delete or its undo) rebuild the list once.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDockWidget, QLineEdit, QTreeView, QVBoxLayout, QWidget

from orgmodel.collate import fold_turkish
from orgmodel.fields import OFFICES
from orgmodel.gcpause import gc_paused

from ui import style
from ui.editing.document import Document
from ui.editing.model_signals import ModelFollower
from ui.editing.selection import Selection
from ui.docks.outline_find import OutlineFind
from ui.docks.outline_rows import FOLD_ROLE, GROUP_ROLE, ID_ROLE, descendant_counts, detach, insert_sorted, is_shown, row_key, row_ranges

log = logging.getLogger(__name__)

GROUP_PREFIX = "\x00office:"
#: The groups "By office" shows: the offices, then the unclassified units (``None``).
_GROUPS: tuple[str | None, ...] = (*OFFICES, None)


def _group_key(office: str | None) -> str:
    """The key of an office's group among the row keys (``GROUP_ROLE``)."""
    return GROUP_PREFIX + (office or "none")

#: Past this many changed rows the view is let go while they move: each row taken out of an
#: expanded 6,000-row group costs the tree view milliseconds, a reset of the view one.
VIEW_BATCH = 20
#: Past this many changed units a fresh build is as cheap as moving them.
REBUILD_THRESHOLD = 5000
#: A group or unit with more rows than this under it opens closed (the person opens it with
#: a click, or filters): the tree view lays out every open row again after each change that
#: adds or takes a row, 35 ms a time with 30,000 rows open, and nobody scrolls through
#: 30,000 names.
OPEN_LIMIT = 5000


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
        self._groups: dict[str | None, QStandardItem] = {}
        self._icons = {office: style.office_dot_icon(office) for office in _GROUPS}
        self._dirty: set[str] = set()  # units to put in their place again
        self._renamed: set[str] = set()
        self._rebuild_needed = True
        self._syncing = False
        self._expanding = False
        self._collapsed: set[str] = set()  # units and groups the user closed
        self._opened: set[str] = set()  # ... and those over OPEN_LIMIT the user opened
        self._sizes: dict[str, int] = {}  # rows under each unit or group, at the last build
        self._folded = False  # rows carry FOLD_ROLE (from the first filter on)
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
        self.find = OutlineFind(self)  # Enter, Down, F3 and Esc in the filter and the results

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

    def selected_unit_ids(self) -> list[str]:
        return self._selection.units()

    def select_unit(self, unit_id: str, reveal: bool = True) -> None:
        """Select ``unit_id`` everywhere (and show it on the canvas)."""
        self._selection.select_unit(unit_id, reveal)

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
        self._opened.clear()
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
                    with gc_paused():  # 50,000 rows and their keys make no cycles
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

    def _make_item(self, unit_id: str, name: str, office: str | None) -> QStandardItem:
        # Three calls into Qt per row, not six: 50,000 rows are built at every open. The tree
        # never edits (NoEditTriggers), and the fold waits for the first filter.
        item = QStandardItem(self._icons[office], name)
        item.setData(unit_id, ID_ROLE)
        if self._folded:
            item.setData(fold_turkish(name), FOLD_ROLE)
        return item

    def _ensure_folds(self) -> None:
        """Give every row its folded name, the first time the person filters."""
        if self._folded:
            return
        self._folded = True
        # Quietly: the filter set right after this reads every row again anyway.
        self.source.blockSignals(True)
        try:
            for item in self._items.values():
                item.setData(fold_turkish(item.text()), FOLD_ROLE)
        finally:
            self.source.blockSignals(False)

    def _rebuild(self) -> None:
        model = self._document.model
        self._rebuild_needed = False
        self._items = {}
        self._groups = {}
        items = self._items
                # One sort of the whole list; every container takes its rows in this order.
        ordered = sorted(model.units(), key=lambda unit: row_key(unit.name, unit.id))
        for unit in ordered:
            items[unit.id] = self._make_item(unit.id, unit.name, unit.office)
        top: list[QStandardItem] = []
        if self.mode() == self.BY_OFFICE:
            members: dict[str | None, list[QStandardItem]] = {office: [] for office in _GROUPS}
            for unit in ordered:
                members[unit.office].append(items[unit.id])
            for office in _GROUPS:
                group = QStandardItem()
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setData(_group_key(office), GROUP_ROLE)
                font = group.font()
                font.setBold(True)
                group.setFont(font)
                if members[office]:
                    group.appendRows(members[office])
                self._groups[office] = group
                top.append(group)
        else:
            children: dict[str, list[QStandardItem]] = {}
            for unit in ordered:
                parent_id = model.parent(unit.id)
                if parent_id is None:
                    top.append(items[unit.id])
                else:
                    children.setdefault(parent_id, []).append(items[unit.id])
            for parent_id, kids in children.items():
                items[parent_id].appendRows(kids)
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
                item.setText(name)
                if self._folded:
                    item.setData(fold_turkish(name), FOLD_ROLE)
                self._dirty.add(unit_id)  # its place among its siblings may have changed
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
                detach(self.source, item)
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
            insert_sorted(container, self._items[unit_id])
        if self.proxy.sourceModel() is not None:
            for unit_id in present:
                item = self._items[unit_id]
                self._expand_source(item.parent())
                self._expand_source(item)

    def _expand_source(self, item: QStandardItem | None) -> None:
        if item is None or item.model() is None or not item.rowCount():
            return
        key = self._key_of_item(item)
        if not self._filtering() and not self._opens(key, self._sizes.get(key, item.rowCount())):
            return
        self._expanding = True
        try:
            self.tree.expand(self.proxy.mapFromSource(item.index()))
        finally:
            self._expanding = False

    # -- expansion: everything open, except what the user closed and what is too big -----------

    @staticmethod
    def _key_of_item(item: QStandardItem) -> str:
        return item.data(ID_ROLE) or item.data(GROUP_ROLE) or ""

    def _filtering(self) -> bool:
        return bool(self.proxy.filterRegularExpression().pattern())

    def _opens(self, key: str, size: int) -> bool:
        return key not in self._collapsed and (size <= OPEN_LIMIT or key in self._opened)

    def _subtree_sizes(self) -> dict[str, int]:
        """How many rows each group or unit holds, all levels down."""
        if self.mode() == self.BY_OFFICE:
            return {_group_key(office): group.rowCount() for office, group in self._groups.items()}
        return descendant_counts(self._document.model)

    def _restore_expansion(self) -> None:
        # Quietly: expandAll announces every one of 50,000 rows, and the user opened nothing.
        self._expanding = True
        self.tree.blockSignals(True)
        try:
            if self._filtering():
                self.tree.expandAll()  # while filtering every match must be seen
                return
            self._sizes = self._subtree_sizes()
            groups = {_group_key(office): group for office, group in self._groups.items()}
            for key, size in self._sizes.items():
                item = self._items.get(key) or groups.get(key)
                if item is None or item.model() is None:
                    continue
                index = self.proxy.mapFromSource(item.index())
                if self._opens(key, size):
                    self.tree.expand(index)
                else:
                    self.tree.collapse(index)
        finally:
            self.tree.blockSignals(False)
            self._expanding = False

    def _expansion_changed(self, index: QModelIndex, expanded: bool) -> None:
        if self._expanding:
            return
        key = index.data(ID_ROLE) or index.data(GROUP_ROLE)
        if key:
            if expanded:
                self._collapsed.discard(key)
                self._opened.add(key)
            else:
                self._collapsed.add(key)
                self._opened.discard(key)

    def _top_unit(self) -> str | None:
        index = self.tree.indexAt(self.tree.viewport().rect().topLeft())
        return index.data(ID_ROLE) if index.isValid() else None

    def _update_group_titles(self) -> None:
        titles = {
            "front": self.tr("Front office (%1)"),
            "middle": self.tr("Middle office (%1)"),
            "back": self.tr("Back office (%1)"),
            None: self.tr("Not classified (%1)"),
        }
        filtered = bool(self.proxy.filterRegularExpression().pattern())
        for office, group in self._groups.items():
            count = QLocale().toString(group.rowCount())
            if filtered:
                shown = self.proxy.rowCount(self.proxy.mapFromSource(group.index()))
                count = self.tr("%1 of %2").replace("%1", QLocale().toString(shown)).replace("%2", count)
            group.setText(titles[office].replace("%1", count))
            if office is None:  # the group of unclassified units shows only when it has some
                self.tree.setRowHidden(self.proxy.mapFromSource(group.index()).row(), QModelIndex(), not group.rowCount())

    def _mode_changed(self, _index: int) -> None:
        self._rebuild_needed = True
        self._dirty.clear()
        self._apply_changes()

    def _filter_changed(self, text: str) -> None:
        try:
            self._syncing = True  # hiding a selected row does not unselect the unit
            try:
                query = fold_turkish(text.strip())
                if query:
                    self._ensure_folds()
                self.proxy.setFilterFixedString(query)
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
        indexes = [self.index_of_unit(unit_id) for unit_id in self._selection.units()]
        indexes = [index for index in indexes if index.isValid()]
        wanted = row_ranges(self.proxy, indexes)
        first = indexes[0] if indexes else QModelIndex()
        self._syncing = True
        try:
            model = self.tree.selectionModel()
            model.select(wanted, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            if first.isValid():
                shown = is_shown(self.tree, first)
                self.tree.setAutoScroll(shown)  # scrolling to a row would open a closed group
                model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.tree.setAutoScroll(True)
                if shown:
                    self.tree.scrollTo(first)
        finally:
            self._syncing = False
