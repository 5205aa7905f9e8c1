"""Under the Automation page's ranking: what automating the selected unit would give each
revenue unit's margin.

The unit's savings potential (cost × automation potential) lands where its cost lands: read
off the cost attribution (:func:`orgmodel.analysis.automation.margin_uplift`, reciprocal
method), for the one selected unit only — one row of the attribution, never every unit's.
The allocation itself is made once, when a unit is first asked about after a change, and
kept until the page ranks again. Each revenue unit's row shows its margin now and after;
under them, the savings that reach revenue units and what stays unallocated. Clicking a row
asks for that revenue unit to be selected (:attr:`UpliftBreakdown.revenueUnitClicked`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from orgmodel.analysis.automation import margin_uplift
from orgmodel.analysis.cost import CostAllocation, allocate

from ui.docks.analysis_tables import ID_ROLE
from ui.editing.document import Document
from ui.i18n import format_amount

log = logging.getLogger(__name__)


class UpliftBreakdown(QWidget):
    """The margin uplift of one unit of ``document``, by revenue unit, largest first."""

    revenueUnitClicked = Signal(str)
    """A row was clicked: the id of its revenue unit."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._allocation: CostAllocation | None = None
        self.unit_id: str | None = None
        self.uplift: dict[str, float] = {}

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels([self.tr("Revenue unit"), self.tr("Margin uplift"), self.tr("Margin"), self.tr("Margin after")])
        self.tree.setToolTip(self.tr("The savings land where the unit's cost lands (reciprocal allocation)"))
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemClicked.connect(lambda item, _column: self.revenueUnitClicked.emit(item.data(0, ID_ROLE)))
        self.total = QLabel()
        self.total.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.total)
        self.show_unit(None)

    def invalidate(self) -> None:
        """The model changed: the allocation is made again when next asked."""
        self._allocation = None

    def allocation(self) -> CostAllocation:
        if self._allocation is None:
            self._allocation = allocate(self._document.model)
        return self._allocation

    def show_unit(self, unit_id: str | None) -> None:
        """Show what automating ``unit_id`` (``None``: nothing selected) would give each
        revenue unit's margin."""
        self.tree.clear()
        self.total.clear()
        self.unit_id, self.uplift = unit_id, {}
        model = self._document.model
        if unit_id is None or unit_id not in model:
            self.title.setText(self.tr("Select a unit to see what automating it would add to each revenue unit's margin."))
            return
        unit = model.unit(unit_id)
        if unit.cost is None or unit.automation_potential is None:
            self.title.setText(self.tr("“%1” lacks a cost or an automation potential: no savings to show.").replace("%1", unit.name))
            return
        savings = round(unit.cost * unit.automation_potential * 100) / 100
        try:
            items = self._rows(unit_id)
        except Exception:  # a slot must never let an exception reach Qt
            log.exception("could not read the margin uplift of %s", unit_id)
            self.uplift = {}
            self.title.setText(self.tr("The margin uplift could not be computed."))
            return
        self.title.setText(self.tr("Margin uplift if “%1” were automated at its potential").replace("%1", unit.name))
        self.tree.addTopLevelItems(items)
        self._fit_numbers(items)
        reached = round(sum(self.uplift.values()), 2)
        # Each revenue unit's share is rounded to the cent on its own, so the shares may add up
        # to a few cents over the savings: nothing is unallocated then (never "-0").
        unallocated = max(0.0, round(savings - reached, 2))
        text = self.tr("Savings potential %1 · to revenue units %2 · unallocated %3")
        for i, value in enumerate((savings, reached, unallocated), 1):
            text = text.replace(f"%{i}", format_amount(value, 0))
        self.total.setText(text)

    def _fit_numbers(self, items: list[QTreeWidgetItem]) -> None:
        """The number columns as wide as their widest text, the names the rest (measured
        here, once: the header's own fitting would ask every row at every layout)."""
        metrics, header = self.tree.fontMetrics(), self.tree.header()
        for column in (1, 2, 3):
            texts = [item.text(column) for item in items] + [self.tree.headerItem().text(column)]
            header.resizeSection(column, max(metrics.horizontalAdvance(text) for text in texts) + 16)

    def _rows(self, unit_id: str) -> list[QTreeWidgetItem]:
        """The rows of ``unit_id``'s uplift (kept in :attr:`uplift`), largest first."""
        model, allocation = self._document.model, self.allocation()
        self.uplift = margin_uplift(model, allocation, unit_id)
        items = []
        for rid, amount in sorted(self.uplift.items(), key=lambda kv: (-kv[1], model.unit(kv[0]).name.casefold(), kv[0])):
            margin = allocation.revenue_unit(rid).margin
            cells = [model.unit(rid).name, format_amount(amount, 0)]
            cells += ["", ""] if margin is None else [format_amount(margin, 0), format_amount(margin + amount, 0)]
            item = QTreeWidgetItem(cells)
            item.setData(0, ID_ROLE, rid)
            for column in (1, 2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items.append(item)
        return items
