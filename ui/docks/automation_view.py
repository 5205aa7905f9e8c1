"""The analysis panel's *Automation* page: where RPA/AI pays first.

Every unit ranked by :func:`orgmodel.analysis.automation.rank_automation` — savings potential
(cost × automation potential) times ease — with its office, cost, potential, ease and the
revenue it supports; units that lack a cost or a potential come last with the reason. All
offices are ranked (the line between front and back office is blurred); a filter shows one.
Like the Cost to serve page, it ranks again, whole, a moment after the last change and only
while shown; the margin uplift per revenue unit (a solve per unit) is not computed here.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from orgmodel.analysis.automation import AutomationCandidate, rank_automation
from orgmodel.fields import OFFICES

from ui import style
from ui.docks.charts.chart_panel import ChartPanel, table_or_chart
from ui.docks.charts.priority_matrix import PriorityMatrix, matrix_data
from ui.docks.cost_view import OFFICE_ROLE, SORT_ROLE, LivePage, RecordTable, record_view, select_row_of
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
        self.office.currentIndexChanged.connect(self._filter)
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Show:")))
        chooser.addWidget(self.office, 1)

        self.model = AutomationTable(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterRole(OFFICE_ROLE)  # the office's key, matched whole; "" shows all
        self.table = record_view(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # the ranking's own order
        self.table.horizontalHeader().resizeSection(0, self.table.fontMetrics().horizontalAdvance("000000") + 16)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._row_selected())
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(chooser)
        self.chart = ChartPanel(PriorityMatrix(), selection)
        layout.addWidget(table_or_chart(self.table, self.chart), 1)
        layout.addWidget(self.summary)


    def refresh(self) -> None:
        """Rank again (whole) and show it."""
        self._timer.stop()
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

    def _filter(self) -> None:
        office = self.office.currentData()
        self.proxy.setFilterRegularExpression(f"^{office}$" if office else "")
        self.chart.remake()

    def _row_selected(self) -> None:
        self._select_unit_of_row(self.table)

    def _selection_changed(self) -> None:
        if self._syncing:
            return
        units = self._selection.units()
        self._syncing = True
        try:
            select_row_of(self.table, self.model, units[0] if len(units) == 1 else None)
        finally:
            self._syncing = False
