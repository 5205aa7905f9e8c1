"""Find with the keyboard alone, in the outline's filter and results.

Ctrl+F puts the cursor in the filter; typing filters. Then:

* Enter selects the first match and shows it on the canvas (zoomed to be read);
* Down goes into the results, on the first match; the arrow keys move through them and
  the canvas follows; Enter on a result shows it again;
* F3 goes to the next match, Shift+F3 to the previous one, from wherever the focus is
  (the window's Find Next / Find Previous), wrapping around;
* Esc clears the filter (from the results, it also goes back to the filter).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from typing_extensions import override

from ui.docks.outline_rows import ID_ROLE

if TYPE_CHECKING:
    from ui.docks.outline_dock import OutlineDock

log = logging.getLogger(__name__)



class OutlineFind(QObject):
    """The keys of the outline's filter and results (an event filter on both)."""

    def __init__(self, dock: OutlineDock) -> None:
        super().__init__(dock)
        self._dock = dock
        dock.filter_edit.installEventFilter(self)
        dock.tree.installEventFilter(self)

    # -- the matches, in the order shown ---------------------------------------------------

    def _searching(self) -> bool:
        return bool(self._dock.filter_edit.text().strip())

    def _unit_row(self, index: QModelIndex, forward: bool) -> QModelIndex:
        """``index`` or the first unit row after (before) it, skipping office headings."""
        tree = self._dock.tree
        while index.isValid() and not index.data(ID_ROLE):
            index = tree.indexBelow(index) if forward else tree.indexAbove(index)
        return index

    def first_match(self) -> QModelIndex:
        return self._unit_row(self._dock.rows.index(0, 0), True)

    def _last_match(self) -> QModelIndex:
        rows, tree = self._dock.rows, self._dock.tree
        index = rows.index(rows.rowCount() - 1, 0)
        while index.isValid() and rows.rowCount(index) and tree.isExpanded(index):
            index = rows.index(rows.rowCount(index) - 1, 0, index)
        return self._unit_row(index, False)

    def _step(self, forward: bool) -> QModelIndex:
        """The match after (before) the selected unit's row, wrapping around; the first
        (last) match when no match is selected."""
        units = self._dock.selected_unit_ids()
        current = self._dock.index_of_unit(units[0]) if units else QModelIndex()
        if current.isValid():
            tree = self._dock.tree
            found = self._unit_row(tree.indexBelow(current) if forward else tree.indexAbove(current), forward)
            if found.isValid():
                return found
        return self.first_match() if forward else self._last_match()

    # -- what the keys do --------------------------------------------------------------------

    def go_to(self, index: QModelIndex, reveal: bool = True) -> bool:
        """Select the unit of ``index`` (and show it on the canvas)."""
        unit_id = index.data(ID_ROLE) if index.isValid() else None
        if not unit_id:
            return False
        self._dock.select_unit(unit_id, reveal)
        return True

    def find_next(self, forward: bool = True) -> None:
        """F3 (Shift+F3): the next (previous) match; with nothing to find, the filter."""
        if not self._searching():
            self._dock.focus_filter()
            return
        self._dock.show()
        self.go_to(self._step(forward))

    def _filter_key(self, key: int) -> bool:
        dock = self._dock
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._searching():
            self.go_to(self.first_match())
            return True
        if key == Qt.Key.Key_Down:
            first = self.first_match()
            if first.isValid():
                dock.tree.setFocus(Qt.FocusReason.TabFocusReason)
                dock.tree.selectionModel().setCurrentIndex(
                    first, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                return True
        if key == Qt.Key.Key_Escape and dock.filter_edit.text():
            dock.filter_edit.clear()
            return True
        return False

    def _results_key(self, key: int) -> bool:
        dock = self._dock
        if key == Qt.Key.Key_Escape and self._searching():
            dock.filter_edit.clear()
            dock.focus_filter()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self.go_to(dock.tree.currentIndex())
        return False

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        try:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                    return False  # Shift+Down extends the selection, Ctrl+Enter is not ours
                if watched is self._dock.filter_edit:
                    return self._filter_key(event.key())
                if watched is self._dock.tree:
                    return self._results_key(event.key())
        except Exception:  # an event filter must never let an exception reach Qt
            log.exception("could not handle the key")
        return False
