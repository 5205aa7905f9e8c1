"""The tables of the analysis panel: revenue units with their back-office supporters, and
back-office units with what leans on them.

Each table is a ``QAbstractTableModel`` over a list of unit ids kept in order by one sort key
per row, computed when the row appears or its key can have changed, never per comparison.
An edit changes a few rows: each of them is taken out and put back at its place by a binary
search (one row changes, one row moves), and the other rows are only repainted; only a burst
of changes (an import, a big delete or its undo) or a click on a header sorts the whole list
again. Every cell is computed when the view asks for it, so only the visible rows cost
anything.
"""

from __future__ import annotations

import html
import logging
from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from typing_extensions import override

from ui import i18n, style
from ui.editing.document import Document
from ui.i18n import format_amount, translate

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_OFFICE_ORDER = {"front": 0, "middle": 1, "back": 2}
_MAX_NAMES_SHOWN = 40
_MAX_NAMES_IN_TIP = 150
#: A revenue unit with at most this many supporters has their names sorted; with more, they
#: are read off the back office in name order.
_SORT_AT_MOST = 2000
#: Past this share of the rows changed in one refresh, sorting them all again is cheaper than
#: moving each one.
_RESORT_SHARE = 0.125


class NameList(i18n.Translatable):
    def join(self, names: list[str], limit: int, total: int | None = None) -> str:
        """The first ``limit`` of ``names``, and how many more of ``total`` (all of them)."""
        total = len(names) if total is None else total
        shown = ", ".join(names[:limit])
        if total > limit:
            shown += " " + self.tr("… and %Ln more", "", total - limit)
        return shown


name_list = NameList().join


def name_keys(document: Document, ids: Iterable[str]) -> list[tuple[str, str]]:
    """The name order's key of each unit: its name's collation key (computed once per name),
    then its id."""
    unit, key = document.model.unit, i18n.name_key
    return [(key(unit(uid).name), uid) for uid in ids]


class NameOrder:
    """The back-office units in name order, kept in step edit by edit: the first 40 names of
    a revenue unit's 26,000 supporters are read off it (the first back-office units that
    support the unit) instead of sorting all 26,000 names for each row shown."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._ids: list[str] = []
        self._keys: list[tuple[str, str]] = []
        self._key_of: dict[str, tuple[str, str]] = {}

    def __len__(self) -> int:
        return len(self._ids)

    def _key(self, unit_id: str) -> tuple[str, str] | None:
        model = self.document.model
        if unit_id in model and model.unit(unit_id).office == "back":
            return (i18n.name_key(model.unit(unit_id).name), unit_id)
        return None

    def reload(self, table: UnitTable | None = None) -> None:
        """Every back-office unit again; from ``table`` when it lists them in name order."""
        if table is not None and table.sorted_by_name():
            self._keys, self._ids = list(table._keys), list(table._ids)
        else:
            self._keys = sorted(name_keys(self.document, self.document.analysis.back_office_units))
            self._ids = [uid for _, uid in self._keys]
        self._key_of = dict(zip(self._ids, self._keys))

    def update(self, changed: Iterable[str]) -> None:
        for unit_id in changed:
            old, new = self._key_of.get(unit_id), self._key(unit_id)
            if old == new:
                continue
            if old is not None:
                position = bisect_left(self._keys, old)
                del self._ids[position], self._keys[position], self._key_of[unit_id]
            if new is not None:
                position = bisect_left(self._keys, new)
                self._ids.insert(position, unit_id)
                self._keys.insert(position, new)
                self._key_of[unit_id] = new

    def first(self, wanted: Callable[[str], bool], count: int) -> list[str]:
        """The first ``count`` units, in name order, for which ``wanted`` is true."""
        found: list[str] = []
        for unit_id in self._ids:
            if wanted(unit_id):
                found.append(unit_id)
                if len(found) == count:
                    break
        return found


class UnitTable(QAbstractTableModel):
    """Rows are unit ids; subclasses say which units are rows, what each column shows, how
    it sorts and whether that order follows the analysis's answers."""

    #: (short header shown, full header in its tooltip) per column, set by subclasses.
    headers: tuple[tuple[str, str], ...] = ()
    numeric_columns: frozenset[int] = frozenset()
    #: Columns whose order follows the analysis (support or impact counts, revenue at risk).
    analysis_columns: frozenset[int] = frozenset()

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._ids: list[str] = []  # ascending by key, whatever the order shown
        self._keys: list[Any] = []  # the key of each of _ids, for the binary search
        self._key_of: dict[str, Any] = {}
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._cache: dict[tuple[str, int], str] = {}

    # -- what subclasses provide --------------------------------------------------------------

    def is_row(self, unit_id: str) -> bool:
        """Whether the unit has a row in this table (the model says, as the analysis does)."""
        raise NotImplementedError

    def row_ids(self) -> list[str]:
        """The units that have a row (the analysis's list)."""
        raise NotImplementedError

    def cell(self, unit_id: str, column: int) -> Any:
        raise NotImplementedError

    def sort_key(self, column: int) -> Callable[[str], Any]:
        raise NotImplementedError

    def tooltip(self, unit_id: str, column: int) -> str | None:
        return None

    # -- shared ----------------------------------------------------------------------------

    @property
    def _descending(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    def _display_row(self, position: int) -> int:
        return len(self._ids) - 1 - position if self._descending else position

    def unit_id(self, row: int) -> str:
        return self._ids[self._display_row(row)]

    def row_of(self, unit_id: str) -> int:
        """The row showing ``unit_id``, or -1: a binary search, not a scan."""
        key = self._key_of.get(unit_id)
        if key is None:
            return -1
        position = bisect_left(self._keys, key)
        if position < len(self._ids) and self._ids[position] == unit_id:
            return self._display_row(position)
        return -1

    def name(self, unit_id: str) -> str:
        return self.document.model.unit(unit_id).name

    def name_key(self, unit_id: str) -> tuple[str, str]:
        """Sorts "Çağrı" with the Cs, not after Z; the collation key is computed once per name."""
        return (i18n.name_key(self.name(unit_id)), unit_id)

    def names(self, ids: list[str]) -> list[str]:
        return sorted((self.name(uid) for uid in ids), key=i18n.name_key)

    def reload(self) -> None:
        """Take every row from the model again, sorted as the person last asked."""
        self.beginResetModel()
        try:
            self._cache.clear()
            self._sort_all(self.row_ids())
        finally:
            self.endResetModel()

    def _sort_all(self, ids: list[str]) -> None:
        try:
            if self.sorted_by_name():  # the usual order, in one pass with no calls per row
                self._keys = sorted(name_keys(self.document, ids))
                self._ids = [uid for _, uid in self._keys]
            else:
                key = self.sort_key(self._sort_column)
                pairs = sorted((key(uid), uid) for uid in ids)
                self._keys = [k for k, _ in pairs]
                self._ids = [uid for _, uid in pairs]
        except Exception:  # a unit gone between the event and this refresh: keep the rows
            log.exception("could not sort the table")
            return
        self._key_of = dict(zip(self._ids, self._keys))

    def sorted_by_name(self) -> bool:
        return self._sort_column == 0

    def update_rows(self, changed: Iterable[str], answers_changed: Iterable[str] | None) -> None:
        """After an edit: ``changed`` units may have gained, lost or moved their row (added,
        removed, renamed, office or figures changed); ``answers_changed`` units only show
        other figures, unless the table is sorted by those figures (``None``: any unit's)."""
        changed = set(changed)
        by_answers = self._sort_column in self.analysis_columns
        if answers_changed is None:
            if by_answers:
                self.reload()
                return
            self._cache.clear()
        else:
            answers_changed = set(answers_changed)
            if by_answers:
                changed |= answers_changed
            for uid in answers_changed:
                self._forget(uid)
        if len(changed) > max(64, _RESORT_SHARE * len(self._ids)):
            self.reload()
            return
        for uid in changed:
            self._forget(uid)
            self._place(uid)
        if self._ids:  # the figures of any row may have changed: repaint what is visible
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1))

    def _place(self, unit_id: str) -> None:
        """Take the unit's row out if its key changed or it left, put it back where it goes."""
        old = self._key_of.get(unit_id)
        new = self.sort_key(self._sort_column)(unit_id) if unit_id in self.document.model and self.is_row(unit_id) else None
        if old == new:
            return
        if old is not None:
            position = bisect_left(self._keys, old)
            row = self._display_row(position)
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[position], self._keys[position], self._key_of[unit_id]
            self.endRemoveRows()
        if new is not None:
            position = bisect_left(self._keys, new)
            row = len(self._ids) - position if self._descending else position
            self.beginInsertRows(QModelIndex(), row, row)
            self._ids.insert(position, unit_id)
            self._keys.insert(position, new)
            self._key_of[unit_id] = new
            self.endInsertRows()

    def _forget(self, unit_id: str) -> None:
        self._cache.pop((unit_id, 3), None)
        self._cache.pop((unit_id, 4), None)

    def forget_texts(self) -> None:
        """Names changed: the cached lists of supporters' names are stale."""
        self._cache.clear()

    def resort(self) -> None:
        """Sort the present rows again (a header click, or every key changed)."""
        self._relayout(lambda: self._sort_all(self._ids))

    def _relayout(self, change: Callable[[], None]) -> None:
        """Rows change places: the selected row (a persistent index) follows its unit."""
        self.layoutAboutToBeChanged.emit()
        try:
            before = self.persistentIndexList()
            units = [self.unit_id(index.row()) if 0 <= index.row() < len(self._ids) else None for index in before]
            self._cache.clear()
            change()
            after = [self.index(self.row_of(uid), index.column()) if uid else QModelIndex() for uid, index in zip(units, before)]
            self.changePersistentIndexList(before, after)
        finally:
            self.layoutChanged.emit()

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers[section][0]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.headers[section][1]
        return None

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            row, column = index.row(), index.column()
            if not index.isValid() or row >= len(self._ids):
                return None
            unit_id = self.unit_id(row)
            if role == Qt.ItemDataRole.DisplayRole:
                return self.cell(unit_id, column)
            if role == Qt.ItemDataRole.ToolTipRole:  # names are cut short in a narrow dock
                return self.name(unit_id) if column == 0 else self.tooltip(unit_id, column)
            if role == ID_ROLE:
                return unit_id
            if role == Qt.ItemDataRole.TextAlignmentRole and column in self.numeric_columns:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        except Exception:  # a unit removed a moment ago: show nothing rather than abort
            return None
        return None

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column == self._sort_column and order == self._sort_order and self._ids:
            return
        def change() -> None:
            same_keys = column == self._sort_column
            self._sort_column, self._sort_order = column, order
            if not same_keys:  # else only the direction changed: the list read from the other end
                self._sort_all(self._ids)

        self._relayout(change)


class RevenueUnitsTable(UnitTable):
    """Revenue-generating units and the back-office units that support them."""

    numeric_columns = frozenset({2})
    analysis_columns = frozenset({2, 3})

    def __init__(self, document: Document, back_office: NameOrder, parent: QObject | None = None) -> None:
        super().__init__(document, parent)
        self.back_office = back_office
        self.headers = (
            (translate("AnalysisDock", "Name"), translate("AnalysisDock", "Name")),
            (translate("AnalysisDock", "Office"), translate("AnalysisDock", "Office")),
            (translate("AnalysisDock", "Supporters", "short header"), translate("AnalysisDock", "Back-office supporters")),
            (translate("AnalysisDock", "Supported by"), translate("AnalysisDock", "Supported by")),
        )

    def is_row(self, unit_id: str) -> bool:
        return self.document.model.unit(unit_id).is_revenue_generating

    def row_ids(self) -> list[str]:
        return self.document.analysis.revenue_units

    def _first_supporters(self, unit_id: str, limit: int) -> tuple[list[str], int]:
        """The names of the first ``limit`` supporters in name order, and how many there are."""
        analysis = self.document.analysis
        total = analysis.support_count(unit_id)
        if total <= _SORT_AT_MOST:
            return self.names(analysis.support(unit_id))[:limit], total
        # Many supporters: walk the back office in name order; at least one in _SORT_AT_MOST
        # of them supports the unit, so the walk is short.
        ids = self.back_office.first(lambda back_id: analysis.supports(unit_id, back_id), limit)
        return [self.name(uid) for uid in ids], total

    def _supporters(self, unit_id: str, tip: bool) -> str:
        column = 4 if tip else 3  # cached per unit: the list shown, and its tooltip
        cached = self._cache.get((unit_id, column))
        if cached is None:
            names, total = self._first_supporters(unit_id, _MAX_NAMES_IN_TIP if tip else _MAX_NAMES_SHOWN)
            if not tip:
                cached = name_list(names, _MAX_NAMES_SHOWN, total)
            elif names:
                cached = f"<p>{html.escape(name_list(names, _MAX_NAMES_IN_TIP, total))}</p>"
            else:
                nobody = translate("AnalysisDock", "No back-office unit supports it")
                cached = f"<p>{nobody}</p>"
            self._cache[(unit_id, column)] = cached
        return cached

    def cell(self, unit_id: str, column: int) -> Any:
        if column == 0:
            return self.name(unit_id)
        if column == 1:
            return style.office_title(self.document.model.unit(unit_id).office)
        if column == 2:
            return self.document.analysis.support_count(unit_id)
        return self._supporters(unit_id, tip=False)

    def tooltip(self, unit_id: str, column: int) -> str | None:
        return self._supporters(unit_id, tip=True) if column == 3 else None

    def sort_key(self, column: int) -> Callable[[str], Any]:
        analysis, model = self.document.analysis, self.document.model
        if column == 1:
            return lambda uid: (_OFFICE_ORDER.get(model.unit(uid).office, 3), self.name_key(uid))
        if column in (2, 3):  # listing every supporter of 10,000 units to sort names: no
            return lambda uid: (analysis.support_count(uid), self.name_key(uid))
        return self.name_key


class BackOfficeTable(UnitTable):
    """Back-office units, how many revenue units lean on them and how much revenue."""

    numeric_columns = frozenset({1, 2, 3})
    analysis_columns = frozenset({1, 2})

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(document, parent)
        self.headers = (
            (translate("AnalysisDock", "Name"), translate("AnalysisDock", "Name")),
            (translate("AnalysisDock", "Supports", "short header"), translate("AnalysisDock", "Revenue units supported")),
            (translate("AnalysisDock", "At risk", "short header"), translate("AnalysisDock", "Revenue at risk")),
            (translate("AnalysisDock", "Automation", "short header"), translate("AnalysisDock", "Automation potential")),
        )

    def is_row(self, unit_id: str) -> bool:
        return self.document.model.unit(unit_id).office == "back"

    def row_ids(self) -> list[str]:
        return self.document.analysis.back_office_units

    def cell(self, unit_id: str, column: int) -> Any:
        if column == 0:
            return self.name(unit_id)
        if column == 1:
            return self.document.analysis.impact_count(unit_id)
        if column == 2:
            return format_amount(self.document.analysis.revenue_at_risk(unit_id))
        share = self.document.model.unit(unit_id).automation_potential
        if share is None:
            return ""
        return translate("AnalysisDock", "%1 %", "percentage").replace("%1", QLocale().toString(round(share * 100, 1), "g", 4))

    def tooltip(self, unit_id: str, column: int) -> str | None:
        if column == 1:
            names = self.names(self.document.analysis.impact(unit_id))
            return f"<p>{html.escape(name_list(names, _MAX_NAMES_IN_TIP))}</p>" if names else None
        return None

    def sort_key(self, column: int) -> Callable[[str], Any]:
        analysis, model = self.document.analysis, self.document.model
        if column == 1:
            return lambda uid: (analysis.impact_count(uid), self.name_key(uid))
        if column == 2:
            return lambda uid: (analysis.revenue_at_risk(uid), self.name_key(uid))
        if column == 3:
            def share(uid: str) -> tuple[float, tuple[str, str]]:
                value = model.unit(uid).automation_potential
                return (-1.0 if value is None else value, self.name_key(uid))

            return share
        return self.name_key
