"""The outline's rows: the order of a unit's row, how many rows a unit holds, and the
selection of many rows at once. Plain functions over the item model and the org model."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelection, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTreeView

from orgmodel.model import OrgModel

from ui.i18n import name_key

ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 4


def row_key(name: str, unit_id: str) -> tuple[str, str]:
    """Where a unit's row goes among its siblings: by name as the reader expects, then id."""
    return (name_key(name), unit_id)


def row_keys(names: list[str], unit_ids: list[str]) -> list[tuple[str, str]]:
    """:func:`row_key` of many units at once."""
    return list(zip(map(name_key, names), unit_ids))


def descendant_counts(model: OrgModel) -> dict[str, int]:
    """How many units report to each manager, directly or not (managers only)."""
    children: dict[str, list[str]] = {}
    for unit_id, parent_id in model.reporting_lines():
        children.setdefault(parent_id, []).append(unit_id)
    order = list(model.roots())  # breadth first: each unit after its manager
    for unit_id in order:
        order.extend(children.get(unit_id, ()))
    counts = dict.fromkeys(children, 0)
    for unit_id in reversed(order):
        parent_id = model.parent(unit_id)
        if parent_id is not None:
            counts[parent_id] += counts.get(unit_id, 0) + 1
    return counts


def row_ranges(model: QAbstractItemModel, indexes: list[QModelIndex]) -> QItemSelection:
    """The rows of ``indexes`` as one range per run of adjacent rows: "select all" on 10,000
    units is a handful of ranges, not 10,000 that the selection model would merge one by one."""
    wanted = QItemSelection()
    rows_under: dict[QPersistentModelIndex, list[int]] = {}
    for index in indexes:
        rows_under.setdefault(QPersistentModelIndex(index.parent()), []).append(index.row())
    for parent, rows in rows_under.items():
        rows.sort()
        start = previous = rows[0]
        for row in rows[1:] + [None]:
            if row is not None and row == previous + 1:
                previous = row
                continue
            parent_index = QModelIndex(parent)
            wanted.select(model.index(start, 0, parent_index), model.index(previous, 0, parent_index))
            if row is not None:
                start = previous = row
    return wanted


def is_shown(tree: QTreeView, index: QModelIndex) -> bool:
    """Whether every row above ``index`` is open (scrolling to it would open them)."""
    parent = index.parent()
    while parent.isValid():
        if not tree.isExpanded(parent):
            return False
        parent = parent.parent()
    return True
