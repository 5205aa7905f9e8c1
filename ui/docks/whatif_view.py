"""The analysis panel's *What-if* page: what a simulation takes down, and the single points
of failure.

While a simulation runs (:class:`ui.editing.simulation.Simulation`), the revenue units down,
each with its revenue and the chain that explains it ("Sales → IT → …"), and the revenue
units saved by an alternative. Always, the ranking of :func:`orgmodel.analysis.spof.single_points`:
every unit by the revenue at risk if it alone failed, computed again, whole, a moment after
the last change and only while the page is shown (like the Cost to serve page). Clicking a
row selects its unit (a revenue unit down then shows its chain on the canvas).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from orgmodel.analysis.spof import single_points

from ui.docks.analysis_tables import ID_ROLE
from ui.docks.cost_view import SORT_ROLE, LivePage, RecordTable, record_view
from ui.editing.document import Document
from ui.editing.selection import Selection
from ui.editing.simulation import Simulation
from ui.i18n import format_amount

log = logging.getLogger(__name__)

#: Unit fields the ranking reads.
SPOF_FIELDS = frozenset({"name", "office", "revenue_generating", "revenue"})


@dataclass(frozen=True)
class SpofRow:
    id: str
    name: str
    office: str | None
    revenue_at_risk: float
    revenue_units: int


class SpofTable(RecordTable):
    """Every unit by the revenue at risk of its single failure, highest first."""

    FIELDS = ("name", "office", "revenue_at_risk", "revenue_units")
    KINDS = ("text", "office", "amount", "amount")

    def headers(self) -> list[str]:
        return [self.tr("Unit"), self.tr("Office"), self.tr("Revenue at risk"), self.tr("Revenue units")]


class WhatIfView(LivePage):
    """The what-if result of ``simulation`` and the single points of failure of ``document``."""

    FIELDS = SPOF_FIELDS

    def __init__(self, document: Document, selection: Selection, simulation: Simulation, parent: QWidget | None = None) -> None:
        super().__init__(document, selection, parent)
        self._simulation = simulation
        self.result_title = QLabel()
        self.result_title.setWordWrap(True)
        self.down = QTreeWidget()
        self.down.setRootIsDecorated(False)
        self.down.setHeaderLabels([self.tr("Revenue unit down"), self.tr("Revenue"), self.tr("Chain")])
        self.down.itemClicked.connect(lambda item, _c: self._select(item.data(0, Qt.ItemDataRole.UserRole)))
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        simulated = QWidget()
        column = QVBoxLayout(simulated)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.result_title)
        column.addWidget(self.down, 1)
        column.addWidget(self.saved)

        self.model = SpofTable(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = record_view(self.proxy)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.clicked.connect(lambda index: self._select(index.data(ID_ROLE)))
        ranking = QWidget()
        column = QVBoxLayout(ranking)
        column.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Single points of failure: the revenue at risk if this unit alone failed (alternatives counted)"))
        title.setWordWrap(True)
        column.addWidget(title)
        column.addWidget(self.table, 1)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(simulated)
        split.addWidget(ranking)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        simulation.changed.connect(self._show_result)
        self._show_result()

    def _dependency_changed(self, _source: str, _target: str, fields: frozenset[str]) -> None:
        if "group" in fields:  # alternatives change who is a single point of failure
            self.mark_dirty()

    def refresh(self) -> None:
        """Rank again (whole) and show it."""
        self._timer.stop()
        model = self._document.model
        try:
            points = single_points(model)
            self._dirty = False
            self.model.set_rows([
                SpofRow(row["id"], row["name"], model.unit(row["id"]).office, row["revenue_at_risk"], len(row["revenue_units"]))
                for row in points.units
            ])
            self.table.resizeColumnsToContents()  # Qt measures a sample of rows, not 10,000
            self._selection_changed()
        except Exception:  # a slot must never let an exception reach Qt
            log.exception("could not rank the single points of failure")
            self.model.set_rows([])

    def _show_result(self) -> None:
        result = self._simulation.result
        self.down.clear()
        if result is None:
            self.result_title.setText(self.tr("No simulation: right-click a unit › Simulate Failure (or Analysis › Simulate Failure of Selection)."))
            self.saved.clear()
            return
        model = self._document.model
        name = {uid: model.unit(uid).name for uid in result.down} | {uid: model.unit(uid).name for uid in result.saved_by_alternative}
        self.result_title.setText(self.tr("Failed: %1 — revenue at risk %2").replace("%1", ", ".join(name[u] for u in result.failed))
                                  .replace("%2", format_amount(result.revenue_at_risk, 0)))
        for rid in result.revenue_units_down:
            item = QTreeWidgetItem([name[rid], format_amount(model.unit(rid).revenue or 0, 0), " → ".join(name[u] for u in result.chains[rid])])
            item.setData(0, Qt.ItemDataRole.UserRole, rid)
            item.setToolTip(2, item.text(2))  # a long chain is cut in its column
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.down.addTopLevelItem(item)
        for column in range(2):
            self.down.resizeColumnToContents(column)
        saved = ", ".join(name[u] for u in result.saved_by_alternative) or self.tr("none")
        self.saved.setText(self.tr("Saved by an alternative: %1").replace("%1", saved))

    def _select(self, unit_id: str | None) -> None:
        if unit_id is not None and unit_id in self._document.model:
            self._select_quietly(unit_id)

    def _selection_changed(self) -> None:
        if not self._syncing:
            self._follow_selection(self.table, self.model)
