"""The analysis panel's *Automation* page: where RPA/AI pays first.

Every unit ranked by :func:`orgmodel.analysis.automation.rank_automation` — savings potential
(cost × automation potential) times ease — with its office, cost, potential, ease and the
revenue it supports; units that lack a cost or a potential come last with the reason. All
offices are ranked (the line between front and back office is blurred); a filter shows one.
Like the Cost to serve page, it ranks again, whole, a moment after the last change and only
while shown. Under the ranking, the margin uplift of the selected unit only
(:mod:`ui.docks.uplift_view`: one row of the attribution, never every unit's).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from orgmodel.analysis.automation import AutomationCandidate, rank_automation
from orgmodel.fields import OFFICES

from ui import style
from ui.docks import table_export
from ui.docks.charts.chart_panel import ChartPanel, table_or_chart
from ui.docks.charts.priority_matrix import PriorityMatrix, matrix_data
from ui.docks.cost_view import OFFICE_ROLE, SORT_ROLE, LivePage, RecordTable, record_view
from ui.docks.uplift_view import UpliftBreakdown
from ui.editing.document import Document
from ui.editing.selection import Selection

log = logging.getLogger(__name__)

#: Unit fields the ranking reads.
AUTOMATION_FIELDS = frozenset({"name", "office", "revenue_generating", "cost", "revenue", "automation_potential", "automation_ease"})
RANK = "rank"


class AutomationTable(RecordTable):
    """The ranked units, highest priority first (the rank is a column of its own)."""

    FIELDS = (RANK, "name", "office", "cost", "automation_potential", "automation_ease", "savings", "priority",
              "revenue_supported", "reason")
    KINDS = ("amount", "text", "office", "amount", "percent", "percent", "amount", "amount", "amount", "text")

    def headers(self) -> list[str]:
        return [self.tr("#"), self.tr("Name"), self.tr("Office"), self.tr("Cost"), self.tr("Potential"), self.tr("Ease"),
                self.tr("Savings potential"), self.tr("Automation priority"), self.tr("Revenue supported"), self.tr("Why not ranked")]


class _Ranked:
    """A candidate with its place in the ranking (``rank`` None: not ranked, sorted last)."""

    __slots__ = ("candidate", "rank", "sort_rank")

    def __init__(self, candidate: AutomationCandidate, rank: int | None, position: int) -> None:
        self.candidate, self.rank, self.sort_rank = candidate, rank, position

    def __getattr__(self, name: str):
        return getattr(self.candidate, name)


class AutomationView(LivePage):
    """The automation ranking of ``document``; a row click selects in ``selection``."""

    FIELDS = AUTOMATION_FIELDS

    def __init__(self, document: Document, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(document, selection, parent)
        self.candidates: list[AutomationCandidate] | None = None

        self.office = QComboBox()
        self.office.addItem(self.tr("All offices"), None)
        for office in OFFICES:
            self.office.addItem(style.office_title(office), office)
        self.office.addItem(style.office_title(None), "")  # the unclassified units (office None)
        self.office.currentIndexChanged.connect(self._filter)
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Show:")))
        chooser.addWidget(self.office, 1)
        self.export = table_export.export_button(self, document, lambda: self.tr("Automation priority"), self._export_tables)
        chooser.addWidget(self.export)

        self.model = AutomationTable(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterRole(OFFICE_ROLE)  # the office's key, matched whole ("^$": unclassified); "" shows all
        self.table = record_view(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # the ranking's own order
        self.table.horizontalHeader().resizeSection(0, self.table.fontMetrics().horizontalAdvance("000000") + 16)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._row_selected())
        self.table.clicked.connect(lambda _: self._row_selected())  # the row of a pinned breakdown, again
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.uplift = UpliftBreakdown(document)
        self.uplift.revenueUnitClicked.connect(self._revenue_unit_clicked)

        self.chart = ChartPanel(PriorityMatrix(), selection)
        ranking = QWidget()
        column = QVBoxLayout(ranking)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.summary)
        self.split = QSplitter(Qt.Orientation.Vertical)  # the person decides how much of each
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(ranking)
        self.split.addWidget(self.uplift)
        self.split.setStretchFactor(0, 5)  # the ranking first: the Table/Chart tabs take a line
        self.split.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(chooser)
        layout.addWidget(table_or_chart(self.split, self.chart), 1)  # the chart gets the whole page


    def refresh(self) -> None:
        """Rank again (whole) and show it."""
        self._timer.stop()
        self.uplift.invalidate()
        try:
            self.candidates = rank_automation(self._document.model, uplift=False)
            self._dirty = False
            ranked = [c for c in self.candidates if c.reason is None]
            self.chart.set_source(lambda candidates=self.candidates: matrix_data(candidates, self.office.currentData()))
            self.model.set_rows([_Ranked(c, i + 1 if c.reason is None else None, i) for i, c in enumerate(self.candidates)])
            text = self.tr("%1 units ranked; %2 lack a cost or a potential (listed last).")
            locale = QLocale()
            unranked = len(self.candidates) - len(ranked)
            self.summary.setText(text.replace("%1", locale.toString(len(ranked))).replace("%2", locale.toString(unranked)))
            self._selection_changed()
        except Exception:  # a slot must never let an exception reach Qt
            log.exception("could not rank the automation candidates")
            self.candidates = None
            self.model.set_rows([])
            self.chart.set_source(None)
            self.summary.setText(self.tr("The automation ranking could not be made."))

    def _export_tables(self) -> list[table_export.Table]:
        self.up_to_date()
        return [table_export.shown_table(self.table, self.tr("Automation priority"))]

    def _filter(self) -> None:
        office = self.office.currentData()
        self.proxy.setFilterRegularExpression(f"^{office}$" if office is not None else "")
        self.chart.remake()

    def mark_dirty(self) -> None:
        self.uplift.invalidate()
        super().mark_dirty()

    def _row_selected(self) -> None:
        unit_id = self._select_unit_of_row(self.table)
        if unit_id is not None and unit_id != self.uplift.unit_id:
            self.uplift.show_unit(unit_id)

    def _revenue_unit_clicked(self, unit_id: str) -> None:
        """A revenue unit of the breakdown chosen: selected on the canvas, the breakdown kept."""
        self._select_quietly(unit_id)

    def _selection_changed(self) -> None:
        if self._syncing:
            return
        self.uplift.show_unit(self._follow_selection(self.table, self.model))
