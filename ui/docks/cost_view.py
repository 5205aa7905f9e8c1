"""The analysis panel's *Cost to serve* page: what each revenue unit costs fully loaded.

One row per revenue-generating unit (own cost, allocated service cost, fully loaded cost,
revenue, margin) from :func:`orgmodel.analysis.cost.allocate`, with the allocation method
chosen above the table and the totals (service cost, allocated, unallocated) under it.
Below, the breakdown of the selected unit: for a revenue unit, the service units its
allocated cost comes from; for a service unit, the revenue units its own cost lands on,
largest first, with what stays unallocated.

The allocation is global (one edit can move every row), so the page computes it again, whole,
a moment after the last change of a burst and only while it is shown; hidden, it only notes
that it is out of date. The whole attribution matrix is never made: a breakdown asks for one
unit's row of it.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from orgmodel.analysis.cost import CostAllocation, allocate

from ui import i18n, style
from ui.docks import table_export
from ui.docks.analysis_tables import ID_ROLE
from ui.docks.charts.chart_panel import ChartPanel, table_or_chart
from ui.docks.charts.cost_bars import CostBars, bars_data
from ui.editing.document import Document
from ui.editing.model_signals import ModelFollower
from ui.editing.selection import Selection
from ui.i18n import format_amount, translate

log = logging.getLogger(__name__)

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
OFFICE_ROLE = Qt.ItemDataRole.UserRole + 3
#: Quiet time after the last change before the allocation is made again.
REFRESH_MS = 150
#: Unit fields the allocation reads (positions, notes, colours… change nothing).
COST_FIELDS = frozenset({"name", "office", "revenue_generating", "cost", "revenue"})
METHODS = ("reciprocal", "step", "direct")


def method_title(method: str) -> str:
    return {
        "reciprocal": translate("CostView", "Reciprocal"),
        "step": translate("CostView", "Step-down"),
        "direct": translate("CostView", "Direct"),
    }[method]


class RecordTable(QAbstractTableModel):
    """Rows of frozen records (one per unit, with an ``id``), one column per field named in
    :attr:`FIELDS`, shown as :attr:`KINDS` says ("text", "office", "amount", "percent");
    sorted by a proxy on :data:`SORT_ROLE` (numbers as numbers, names in the language's order)."""

    FIELDS: tuple[str, ...] = ()
    KINDS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.row_of: dict[str, int] = {}

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.row_of = {row.id: i for i, row in enumerate(rows)}
        self.endResetModel()

    def headers(self) -> list[str]:
        raise NotImplementedError

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.FIELDS)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        value, kind = getattr(row, self.FIELDS[column]), self.KINDS[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if kind == "office":  # None: "Not classified"
                return style.office_title(value)
            if value is None:
                return ""
            if kind == "amount":
                return format_amount(value, 0)
            if kind == "percent":
                return translate("AnalysisDock", "%1 %", "percentage").replace("%1", i18n.format_percent(value))
            return i18n.localize(value)
        if role == SORT_ROLE:
            value = getattr(row, f"sort_{self.FIELDS[column]}", value)  # a row may sort otherwise
            if kind == "office":
                return {"front": 0, "middle": 1, "back": 2}.get(value, 3)
            if kind == "text":
                return i18n.name_key(i18n.localize(value or ""))
            return float("-inf") if value is None else value
        if role == Qt.ItemDataRole.TextAlignmentRole and kind in ("amount", "percent"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return row.id
        if role == OFFICE_ROLE:
            return row.office
        return None


class CostTable(RecordTable):
    """The revenue units of one allocation."""

    FIELDS = ("name", "office", "own_cost", "allocated", "fully_loaded", "revenue", "margin")
    KINDS = ("text", "office", "amount", "amount", "amount", "amount", "amount")

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Office"), self.tr("Own cost"), self.tr("Allocated"),
                self.tr("Fully loaded"), self.tr("Revenue"), self.tr("Margin")]


def record_view(proxy: QSortFilterProxyModel) -> QTableView:
    """A read-only, sortable table of one row per unit."""
    table = QTableView()
    table.setModel(proxy)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setSortingEnabled(True)
    return table


def select_row_of(table: QTableView, records: RecordTable, unit_id: str | None) -> None:
    """Select the row of ``unit_id`` in ``table`` (none if it has no row or it is filtered out)."""
    table.selectionModel().clearSelection()
    row = records.row_of.get(unit_id) if unit_id is not None else None
    if row is not None:
        index = table.model().mapFromSource(records.index(row, 0))
        if index.isValid():
            table.selectRow(index.row())
            table.scrollTo(index)


class LivePage(QWidget):
    """A page of the analysis panel that computes its answer again, whole, a moment after
    the last change that matters (units, dependencies, a field of ``FIELDS``, a weight) and
    only while shown; hidden, it only notes that it is out of date. Subclasses fill
    :meth:`refresh` (and clear ``_dirty`` there) and keep their table in step with the
    selection in :meth:`_selection_changed` (called while shown; hidden, the selection is
    followed when the page is shown again, so a click on the canvas costs it nothing)."""

    FIELDS: frozenset[str] = frozenset()

    def __init__(self, document: Document, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document, self._selection = document, selection
        self._dirty = True
        self._syncing = False
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        ModelFollower(document, {
            "unitAdded": lambda *_: self.mark_dirty(),
            "unitRemoved": lambda *_: self.mark_dirty(),
            "unitChanged": self._unit_changed,
            "dependencyAdded": lambda *_: self.mark_dirty(),
            "dependencyRemoved": lambda *_: self.mark_dirty(),
            "dependencyChanged": self._dependency_changed,
        }, self)
        document.modelReplaced.connect(self.mark_dirty)
        selection.changed.connect(self._followed_selection)

    def _unit_changed(self, _unit_id: str, fields: frozenset[str]) -> None:
        if fields & self.FIELDS:
            self.mark_dirty()

    def _dependency_changed(self, _source: str, _target: str, fields: frozenset[str]) -> None:
        if "weight" in fields:
            self.mark_dirty()

    def mark_dirty(self) -> None:
        """Out of date: computed again shortly if shown, else when shown."""
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    @override
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._timer.start(0)
        else:
            self._selection_changed()

    def _followed_selection(self) -> None:
        if self.isVisible() and not self._dirty:
            self._selection_changed()

    def refresh(self) -> None:
        raise NotImplementedError

    def up_to_date(self) -> None:
        """Compute now if out of date (a change waits for a quiet moment; an export does not)."""
        if self._dirty:
            self.refresh()

    def _selection_changed(self) -> None:
        raise NotImplementedError

    def _select_unit_of_row(self, table: QTableView) -> str | None:
        """A row picked in ``table`` selects its unit (returned) on the canvas."""
        if self._syncing:
            return None
        rows = table.selectionModel().selectedRows()
        if not rows:
            return None
        unit_id = rows[0].data(ID_ROLE)
        if self._selection.units() != [unit_id]:
            self._select_quietly(unit_id)
        return unit_id

    def _select_quietly(self, unit_id: str) -> None:
        """Select ``unit_id`` on the canvas; the page does not follow its own choice."""
        self._syncing = True
        try:
            self._selection.select_unit(unit_id)
        finally:
            self._syncing = False

    def _follow_selection(self, table: QTableView, records: RecordTable) -> str | None:
        """Select the row of the one unit selected (returned), none otherwise."""
        units = self._selection.units()
        unit_id = units[0] if len(units) == 1 else None
        self._syncing = True
        try:
            select_row_of(table, records, unit_id)
        finally:
            self._syncing = False
        return unit_id


class CostView(LivePage):
    """Cost to serve of ``document``'s revenue units; a row click selects in ``selection``."""

    FIELDS = COST_FIELDS

    def __init__(self, document: Document, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(document, selection, parent)
        self.allocation: CostAllocation | None = None

        self.method = QComboBox()
        for method in METHODS:
            self.method.addItem(method_title(method), method)
        self.method.setToolTip(self.tr("How the cost of service units that serve each other is shared out"))
        self.method.currentIndexChanged.connect(lambda _: self.refresh())
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Method:")))
        chooser.addWidget(self.method, 1)
        self.export = table_export.export_button(self, document, lambda: self.tr("Cost to serve"), self._export_tables)
        chooser.addWidget(self.export)

        self.model = CostTable(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = record_view(self.proxy)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # the costliest to serve first
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._row_selected())

        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.breakdown_title = QLabel()
        self.breakdown = QTreeWidget()
        self.breakdown.setRootIsDecorated(False)
        self.breakdown.setColumnCount(2)
        self.breakdown.setHeaderLabels([self.tr("Unit"), self.tr("Amount")])
        self.breakdown.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.breakdown.header().setStretchLastSection(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(chooser)
        self.chart = ChartPanel(CostBars(), selection)
        layout.addWidget(table_or_chart(self.table, self.chart, self.breakdown_title, self.breakdown), 3)
        layout.addWidget(self.totals)
        layout.addWidget(self.breakdown_title)
        layout.addWidget(self.breakdown, 2)

    def refresh(self) -> None:
        """Allocate again (whole) and show it."""
        self._timer.stop()
        try:
            self.allocation = allocate(self._document.model, self.method.currentData())
            self._dirty = False
            self.model.set_rows(list(self.allocation.revenue_units))
            self.chart.set_source(lambda allocation=self.allocation: bars_data(allocation))
            self._show_totals()
            self._selection_changed()
        except Exception:  # a slot must never let an exception reach Qt
            log.exception("could not allocate the service costs")
            self.allocation = None
            self.model.set_rows([])
            self.chart.set_source(None)
            self.totals.setText(self.tr("The service costs could not be allocated."))

    def _export_tables(self) -> list[table_export.Table]:
        """The table as shown, then the totals and what stays unallocated."""
        self.up_to_date()
        tables = [table_export.shown_table(self.table, self.tr("Cost to serve"))]
        if self.allocation is not None:
            tables += table_export.cost_totals(self.allocation, method_title(self.allocation.method))
        return tables

    def _show_totals(self) -> None:
        result = self.allocation
        assert result is not None
        text = self.tr("Service cost %1 · allocated %2 · unallocated %3")
        for i, value in enumerate((result.total_service_cost, result.allocated, result.unallocated), 1):
            text = text.replace(f"%{i}", format_amount(value, 0))
        self.totals.setText(text)

    # -- selection, both ways --------------------------------------------------------------

    def _row_selected(self) -> None:
        unit_id = self._select_unit_of_row(self.table)
        if unit_id is not None:
            self._show_breakdown(unit_id)

    def _selection_changed(self) -> None:
        units = self._selection.units()
        unit_id = units[0] if len(units) == 1 else None
        if not self._syncing:
            self._syncing = True
            try:
                select_row_of(self.table, self.model, unit_id)
            finally:
                self._syncing = False
        self._show_breakdown(unit_id)

    def _show_breakdown(self, unit_id: str | None) -> None:
        self.breakdown.clear()
        result, model = self.allocation, self._document.model
        if result is None or unit_id is None or unit_id not in model:
            self.breakdown_title.setText(self.tr("Select a unit to see where its cost comes from or goes."))
            return
        name = model.unit(unit_id).name
        rows: list[tuple[str, float]]
        try:
            revenue = result.revenue_unit(unit_id)
        except KeyError:
            revenue = None
        if revenue is not None:
            self.breakdown_title.setText(self.tr("Where the allocated cost of “%1” comes from").replace("%1", name))
            rows = [(model.unit(s).name, amount) for s, amount in result.from_services(unit_id).items()]
        else:
            try:
                service = result.service_unit(unit_id)
            except KeyError:
                self.breakdown_title.setText(self.tr("“%1” has no cost to hand on.").replace("%1", name))
                return
            self.breakdown_title.setText(self.tr("Where the cost of “%1” goes").replace("%1", name))
            rows = [(model.unit(r).name, amount) for r, amount in result.to_revenue(unit_id).items()]
            if service.unallocated:
                rows.append((self.tr("Unallocated"), service.unallocated))
        items = []
        for label, amount in sorted(rows, key=lambda row: -row[1]):
            item = QTreeWidgetItem([label, format_amount(amount, 0)])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items.append(item)
        self.breakdown.addTopLevelItems(items)
