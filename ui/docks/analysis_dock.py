"""The analysis panel: who supports each revenue unit, what each back-office unit carries,
and the findings (gaps and circular dependencies).

The tables (``analysis_tables``) keep their rows in order and move only the rows an edit
changed; the panel collects what changed (units added, removed or edited, and the units whose
answers the live analysis says changed) and hands it to them once per burst of changes, after
the event loop is free. The row of the selected unit is selected, and selecting a row selects
the unit: both ways, without echo.
"""

from __future__ import annotations

import html
import logging
import weakref
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QTableView, QTabWidget, QTreeWidget, QTreeWidgetItem, QWidget

from orgmodel.analysis.live import LiveAnalysis
from orgmodel.fields import OFFICES
from orgmodel.gcpause import gc_paused

from ui import i18n, style
from ui.docks.analysis_tables import ID_ROLE, BackOfficeTable, NameOrder, RevenueUnitsTable, UnitTable, name_list
from ui.docks.automation_view import AutomationView
from ui.docks.cost_view import CostView
from ui.docks.whatif_view import WhatIfView
from ui.editing.document import Document
from ui.editing.model_signals import ModelFollower
from ui.editing.selection import Selection
from ui.editing.simulation import Simulation

log = logging.getLogger(__name__)

#: Unit fields the tables show or the analysis reads; anything else (moves, notes) is ignored.
_RELEVANT_FIELDS = frozenset({"name", "office", "revenue_generating", "revenue", "automation_potential"})
_MAX_NAMES_IN_CYCLE = 12
_MAX_NAMES_IN_TIP = 150
#: Past this many changed units in one burst the tables are simply built again.
_MAX_TRACKED = 5000


class AnalysisDock(QDockWidget):
    """Support, impact and findings of ``document``; clicking a row selects in ``selection``."""

    def __init__(self, document: Document, selection: Selection, parent: QWidget | None = None,
                 simulation: Simulation | None = None) -> None:
        super().__init__(self.tr("Analysis"), parent)
        self.setObjectName("AnalysisDock")
        self._document = document
        self._selection = selection
        self._full = True  # every row to take again (a new model)
        self._changed: set[str] = set()  # units added, removed or with a shown field edited
        self._answers: set[str] | None = set()  # units whose answers changed (None: too many)
        self._names_changed = False
        self._syncing = False
        self._findings_dirty = True
        self._watched: tuple[LiveAnalysis, Callable[[object], None]] | None = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self._refresh)

        self.back_office_names = NameOrder(document)
        self.revenue_model = RevenueUnitsTable(document, self.back_office_names, self)
        self.back_office_model = BackOfficeTable(document, self)
        self.revenue_table = self._table(self.revenue_model)
        self.back_office_table = self._table(self.back_office_model)
        self.findings = QTreeWidget()
        self.findings.setHeaderHidden(True)
        self.findings.setUniformRowHeights(True)
        self.findings.itemClicked.connect(self._finding_clicked)
        self.findings.itemActivated.connect(self._finding_clicked)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.revenue_table, self.tr("Revenue units"))
        self.tabs.addTab(self.back_office_table, self.tr("Back-office units"))
        self.tabs.addTab(self.findings, self.tr("Findings"))
        self.cost_view = CostView(document, selection)
        self.tabs.addTab(self.cost_view, self.tr("Cost to serve"))
        self.automation_view = AutomationView(document, selection)
        self.tabs.addTab(self.automation_view, self.tr("Automation"))
        self.whatif_view = WhatIfView(document, selection, simulation or Simulation(document, self))
        self.tabs.addTab(self.whatif_view, self.tr("What-if"))
        self.tabs.currentChanged.connect(lambda _: self._fill_findings_if_shown())
        self.setWidget(self.tabs)

        ModelFollower(document, {
            "unitAdded": self._structure_changed,
            "unitRemoved": self._structure_changed,
            "unitChanged": self._unit_changed,
        }, self)
        document.modelReplaced.connect(self._model_replaced)
        selection.changed.connect(self._selection_changed)
        self._watch_analysis()
        self._refresh()

    def _table(self, model: UnitTable) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(True)
        view.setSortingEnabled(True)
        view.selectionModel().selectionChanged.connect(lambda *_, v=view, m=model: self._rows_selected(v, m))
        view.activated.connect(lambda index, m=model: self._row_clicked(m, index))
        return view

    def _size_columns(self) -> None:
        """Every column readable at the dock's default width (about 370 pixels): each figure
        as wide as its short header (the full one is its tooltip) or its widest value, the
        office as its longest title; names take what is left of the back-office table, and
        the list of supporters what is left of the other. Measured from the font and one
        total, never from the rows (that would read 50,000 of them)."""
        metrics = self.fontMetrics()
        pad = metrics.averageCharWidth() + 12  # the cell's margins
        offices = max(metrics.horizontalAdvance(style.office_title(o)) for o in OFFICES)
        total = sum(unit.revenue or 0 for unit in self._document.model.units() if unit.is_revenue_generating)
        widest = {  # the widest value a column can show, beside its header
            (self.revenue_model, 1): offices,
            (self.back_office_model, 2): metrics.horizontalAdvance(i18n.format_amount(total)),
            (self.back_office_model, 3): metrics.horizontalAdvance(i18n.translate("AnalysisDock", "%1 %", "percentage").replace("%1", "100")),
        }
        for view, model in ((self.revenue_table, self.revenue_model), (self.back_office_table, self.back_office_model)):
            header = view.horizontalHeader()
            header.resizeSection(0, metrics.averageCharWidth() * 16)
            for column in range(1, model.columnCount()):
                text = str(model.headerData(column, Qt.Orientation.Horizontal))
                header.resizeSection(column, max(metrics.horizontalAdvance(text), widest.get((model, column), 0)) + pad)
        header = self.back_office_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    # -- following the document ------------------------------------------------------------

    def _watch_analysis(self) -> None:
        """Follow the current analysis's changes (each replaced model has a new one)."""
        previous, self._watched = self._watched, (self._document.analysis, self._change_callback())
        if previous is not None and hasattr(previous[0], "remove_change_callback"):
            try:
                previous[0].remove_change_callback(previous[1])
            except (ValueError, KeyError):
                pass
        self._watched[0].add_change_callback(self._watched[1])

    def _change_callback(self) -> Callable[[object], None]:
        # The analysis calls back from inside model edits: only start the timer, and never
        # keep this dock alive or touch it once Qt has deleted it.
        dock = weakref.ref(self)

        def changed(ids: set[str]) -> None:
            this = dock()
            if this is not None:
                try:
                    this._answers_changed(ids)
                except RuntimeError:  # the C++ side is gone
                    pass

        return changed

    def _model_replaced(self) -> None:
        self._watch_analysis()
        self._full = True
        self.schedule_refresh()

    def schedule_refresh(self) -> None:
        """Refresh once the event loop is free: a burst of edits costs one refresh."""
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _mark(self, unit_id: str) -> None:
        if not self._full:
            self._changed.add(unit_id)
            if len(self._changed) > _MAX_TRACKED:
                self._full = True
        self.schedule_refresh()

    def _structure_changed(self, unit_id: str, _index: int) -> None:
        self._findings_dirty = True  # the unit may be unclassified
        self._mark(unit_id)

    def _unit_changed(self, unit_id: str, fields: frozenset[str]) -> None:
        if fields & _RELEVANT_FIELDS:  # moves during a drag stop here
            if "name" in fields:
                self._names_changed = True  # in lists of supporters and findings too
            if "name" in fields or "office" in fields:  # "office": classified or no longer
                self._findings_dirty = True
            self._mark(unit_id)

    def _answers_changed(self, ids: set[str]) -> None:
        """The live analysis changed the answers of ``ids`` (called inside the edit)."""
        self._findings_dirty = True  # an empty set: the cycles changed
        if self._answers is not None:
            self._answers |= ids
            if len(self._answers) > _MAX_TRACKED:
                self._answers = None
        self.schedule_refresh()

    def _refresh(self) -> None:
        try:
            tables = (self.revenue_model, self.back_office_model)
            self._syncing = True  # rows taken out are not the person unselecting
            try:
                if self._full:
                    self._findings_dirty = True
                    self._size_columns()  # the widest amount is the new model's
                    with gc_paused():  # 90,000 keys make no cycles
                        for table in tables:
                            table.reload()
                        self.back_office_names.reload(self.back_office_model)
                else:
                    self.back_office_names.update(self._changed)
                    for table in tables:
                        if self._names_changed:
                            table.forget_texts()
                        table.update_rows(self._changed, self._answers)
            finally:
                self._syncing = False
            self._full = self._names_changed = False
            self._changed = set()
            self._answers = set()
            self._fill_findings_if_shown()
            self._select_rows()
        except Exception:  # a slot must never let an exception reach Qt
            log.exception("could not refresh the analysis")

    # -- findings ----------------------------------------------------------------------------

    def _fill_findings_if_shown(self) -> None:
        if self._findings_dirty and self.tabs.currentWidget() is self.findings:
            try:
                self._fill_findings()
            except Exception:
                log.exception("could not list the findings")

    def _fill_findings(self) -> None:
        self._findings_dirty = False
        model = self._document.model
        result = self._document.analysis.findings()
        name = lambda uid: model.unit(uid).name  # noqa: E731
        unclassified = result.unclassified_units
        sections = (
            # First: the line between front and back office has to be drawn before the rest.
            *([(self.tr("%Ln units are not classified: support and cost figures leave them out", "", len(unclassified)),
                [[u] for u in unclassified])] if unclassified else []),
            (self.tr("Revenue units without back-office support (%1)"), [[u] for u in result.unsupported_revenue_units]),
            (self.tr("Back-office units that support nothing (%1)"), [[u] for u in result.idle_back_office_units]),
            (self.tr("Dependency cycles (%1)"), [list(c) for c in result.dependency_cycles]),
        )
        self.findings.setUpdatesEnabled(False)
        try:
            self.findings.clear()
            for title, rows in sections:
                section = QTreeWidgetItem([title.replace("%1", QLocale().toString(len(rows)))])
                section.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = section.font(0)
                font.setBold(True)
                section.setFont(0, font)
                children = []
                for ids in rows:
                    names = [name(uid) for uid in ids]
                    if len(ids) == 1:
                        text = names[0]
                    else:
                        text = " ⇄ ".join(names[:_MAX_NAMES_IN_CYCLE])
                        if len(ids) > _MAX_NAMES_IN_CYCLE:
                            text += " ⇄ " + self.tr("… (%Ln units)", "", len(ids))
                    child = QTreeWidgetItem([text])
                    child.setData(0, ID_ROLE, ids)
                    if len(ids) > 1:
                        child.setToolTip(0, f"<p>{html.escape(name_list(sorted(names, key=i18n.name_key), _MAX_NAMES_IN_TIP))}</p>")
                    children.append(child)
                section.addChildren(children)
                self.findings.addTopLevelItem(section)
                section.setExpanded(True)
        finally:
            self.findings.setUpdatesEnabled(True)

    # -- selection, both ways, without echo ----------------------------------------------------

    def _row_clicked(self, model: UnitTable, index: QModelIndex) -> None:
        """Enter or a double click on a row: select its unit and show it again."""
        try:
            if index.isValid():
                self._syncing = True
                try:
                    self._selection.select_unit(model.unit_id(index.row()))
                finally:
                    self._syncing = False
                self._select_rows()  # the other table too
        except Exception:
            log.exception("could not select the unit")

    def _rows_selected(self, view: QTableView, model: UnitTable) -> None:
        """A row picked with the mouse or the arrow keys selects its unit on the canvas."""
        if self._syncing:
            return
        rows = view.selectionModel().selectedRows()
        if rows and self._selection.units() != [model.unit_id(rows[0].row())]:
            self._row_clicked(model, rows[0])

    def _selection_changed(self) -> None:
        if not self._syncing:
            try:
                self._select_rows()
            except Exception:
                log.exception("could not follow the selection")

    def _select_rows(self) -> None:
        """In each table, select the row of the first selected unit it lists (or none)."""
        units = self._selection.units()
        self._syncing = True
        try:
            for view, model in ((self.revenue_table, self.revenue_model), (self.back_office_table, self.back_office_model)):
                row = next((r for r in map(model.row_of, units) if r >= 0), -1)
                chosen = view.selectionModel()
                if row < 0:
                    chosen.clearSelection()
                    continue
                index = model.index(row, 0)
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                chosen.setCurrentIndex(index, flags)
                view.scrollTo(index)
        finally:
            self._syncing = False

    def _finding_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        try:
            ids = item.data(0, ID_ROLE)
            if not ids:
                return
            ids = [uid for uid in ids if uid in self._document.model]
            if len(ids) == 1:
                self._selection.select_unit(ids[0])
            elif ids:
                self._selection.set(ids)
        except Exception:
            log.exception("could not select the units")
