"""The outline: every unit in a list, grouped by office or as the reporting tree, with a filter.

The rows come from :class:`~ui.docks.outline_model.OutlineRows`, which makes them as the tree
view asks and puts a group in name order only once it is shown (a 50,000-unit model opens
with its big groups closed, and nothing is sorted). Model events are collected and applied
once the event loop is free: a few changes move a few rows, more reset the view once, and
a thousand (a big delete or its undo) rebuild the rows.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDockWidget, QLineEdit, QTreeView, QVBoxLayout, QWidget

from orgmodel.collate import fold_turkish
from orgmodel.gcpause import gc_paused

from ui import style
from ui.editing.document import Document
from ui.editing.model_signals import ModelFollower
from ui.editing.selection import Selection
from ui.docks.outline_find import OutlineFind
from ui.docks.outline_model import GROUPS, OutlineRows, group_key
from ui.docks.outline_rows import GROUP_ROLE, ID_ROLE, descendant_counts, is_shown, row_ranges

log = logging.getLogger(__name__)

#: Past this many changed rows the view is reset once rather than told of each row: each
#: row taken out of an expanded 6,000-row group costs the tree view milliseconds.
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
        self._dirty: set[str] = set()  # units to put in their place again
        self._renamed: set[str] = set()
        self._rebuild_needed = True
        self._syncing = False
        self._expanding = False
        self._collapsed: set[str] = set()  # units and groups the user closed
        self._opened: set[str] = set()  # ... and those over OPEN_LIMIT the user opened
        self._sizes: dict[str, int] = {}  # rows under each unit or group, when last opened
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

        #: The rows the tree shows (made as it asks for them).
        self.rows = OutlineRows({office: style.office_dot_icon(office) for office in GROUPS}, self._group_title, self)

        self.tree = QTreeView()
        self.tree.setModel(self.rows)
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
        rows = self.rows
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            indexes = [rows.index(r, 0, parent) for r in range(rows.rowCount(parent))]
            stack.extend(reversed(indexes))
            result.extend(uid for uid in (i.data(ID_ROLE) for i in indexes) if uid)
        return result

    def index_of_unit(self, unit_id: str) -> QModelIndex:
        """The view's index of the row showing ``unit_id`` (invalid when filtered out)."""
        return self.rows.unit_index(unit_id)

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
                    self._rebuild_needed = False
                    with gc_paused():  # 50,000 rows' numbers make no cycles
                        self.rows.rebuild(self._document.model, self.mode() == self.BY_OFFICE)
                    self._restore_expansion()
                elif self._dirty or self._renamed:
                    self._apply_incremental()
            finally:
                self._syncing = False
            self._renamed.clear()
            self._dirty.clear()
            self._update_group_titles()
            self._select_rows()
        except Exception:  # a slot must never let an exception reach Qt
            log.exception("could not update the outline")

    def _apply_incremental(self) -> None:
        announce = len(self._dirty | self._renamed) <= VIEW_BATCH and not self.rows.filtering()
        top_id = None if announce else self._top_unit()
        self.rows.update(self._dirty, self._renamed, announce)
        if not announce:  # a reset: what was open opens again
            self._restore_expansion()
            if top_id is not None:
                self.tree.scrollTo(self.index_of_unit(top_id), QAbstractItemView.ScrollHint.PositionAtTop)
            return
        for unit_id in self._dirty:
            index = self.index_of_unit(unit_id)
            if index.isValid():
                self._expand(index.parent())
                self._expand(index)

    def _expand(self, index: QModelIndex) -> None:
        """Open a row that holds rows, unless the person closed it or it is too big."""
        if not index.isValid() or not self.rows.hasChildren(index):
            return
        key = self._key_of(index)
        if not self.rows.filtering() and not self._opens(key, self._sizes.get(key, self.rows.rowCount(index))):
            return
        self._expanding = True
        try:
            self.tree.expand(index)
        finally:
            self._expanding = False

    # -- expansion: everything open, except what the user closed and what is too big -----------

    @staticmethod
    def _key_of(index: QModelIndex) -> str:
        return index.data(ID_ROLE) or index.data(GROUP_ROLE) or ""

    def _opens(self, key: str, size: int) -> bool:
        return key not in self._collapsed and (size <= OPEN_LIMIT or key in self._opened)

    def _restore_expansion(self) -> None:
        # Quietly: expandAll announces every row, and the user opened nothing.
        self._expanding = True
        self.tree.blockSignals(True)
        try:
            if self.rows.filtering():  # while filtering every match must be seen
                for index in self.rows.opened_by_filter():
                    self.tree.expand(index)
                return
            rows = self.rows
            if self.mode() == self.BY_OFFICE:
                self._sizes = {group_key(office): rows.group_size(office) for office in GROUPS}
                indexes = {group_key(office): rows.group_index(office) for office in GROUPS}
            else:  # the managers (their rows put in order on the way up)
                self._sizes = descendant_counts(self._document.model)
                indexes = {uid: self.index_of_unit(uid) for uid in self._sizes}
            for key, index in indexes.items():
                if index.isValid():
                    self.tree.setExpanded(index, self._opens(key, self._sizes[key]))
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

    def _group_title(self, office: str | None, count: int, shown: int | None) -> str:
        """A group's row: its office and how many units it holds (of which shown)."""
        titles = {
            "front": self.tr("Front office (%1)"),
            "middle": self.tr("Middle office (%1)"),
            "back": self.tr("Back office (%1)"),
            None: self.tr("Not classified (%1)"),
        }
        text = QLocale().toString(count)
        if shown is not None:
            text = self.tr("%1 of %2").replace("%1", QLocale().toString(shown)).replace("%2", text)
        return titles[office].replace("%1", text)

    def _update_group_titles(self) -> None:
        self.rows.refresh_groups()

    def _mode_changed(self, _index: int) -> None:
        self._rebuild_needed = True
        self._dirty.clear()
        self._apply_changes()

    def _filter_changed(self, text: str) -> None:
        try:
            self._syncing = True  # hiding a selected row does not unselect the unit
            try:
                self.rows.set_query(fold_turkish(text.strip()))
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
        wanted = row_ranges(self.rows, indexes)
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
