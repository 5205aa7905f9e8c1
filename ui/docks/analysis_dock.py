"""The analysis panel: who supports each revenue unit, what each back-office unit carries,
and the findings (gaps and circular dependencies).

The tables are ``QAbstractTableModel``s over the sorted id lists of ``document.analysis``;
every cell is computed when the view asks for it, so only the visible rows cost anything,
and sorting happens once per click over one key per row (no per-comparison calls into
Python). The panel refreshes once per burst of changes, after the event loop is free.
"""

from __future__ import annotations

import html
import logging
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QTableView, QTabWidget, QTreeWidget, QTreeWidgetItem, QWidget
from typing_extensions import override

from orgmodel.analysis.live import LiveAnalysis

from ui import i18n, style
from ui.editing.document import Document
from ui.editing.model_signals import ModelFollower
from ui.editing.selection import Selection
from ui.i18n import format_amount, translate

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Unit fields the tables show or the analysis reads; anything else (moves, notes) is ignored.
_RELEVANT_FIELDS = frozenset({"name", "office", "revenue_generating", "revenue", "automation_potential"})
_OFFICE_ORDER = {"front": 0, "middle": 1, "back": 2}
_MAX_NAMES_SHOWN = 40
_MAX_NAMES_IN_TIP = 150
_MAX_NAMES_IN_CYCLE = 12



class NameList(i18n.Translatable):
    def join(self, names: list[str], limit: int) -> str:
        shown = ", ".join(names[:limit])
        if len(names) > limit:
            shown += " " + self.tr("… and %Ln more", "", len(names) - limit)
        return shown


_name_list = NameList().join


class UnitTable(QAbstractTableModel):
    """Rows are unit ids; subclasses say what each column shows and how it sorts."""

    headers: tuple[str, ...] = ()
    numeric_columns: frozenset[int] = frozenset()

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._ids: list[str] = []
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._cache: dict[tuple[str, int], tuple[str, str]] = {}
        self._name_keys: dict[str, tuple[str, str]] = {}

    # -- what subclasses provide --------------------------------------------------------------

    def row_ids(self) -> list[str]:
        raise NotImplementedError

    def cell(self, unit_id: str, column: int) -> Any:
        raise NotImplementedError

    def sort_key(self, column: int) -> Callable[[str], Any]:
        raise NotImplementedError

    def tooltip(self, unit_id: str, column: int) -> str | None:
        return None

    # -- shared ----------------------------------------------------------------------------

    def unit_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, unit_id: str) -> int:
        try:
            return self._ids.index(unit_id)
        except ValueError:
            return -1

    def name(self, unit_id: str) -> str:
        return self.document.model.unit(unit_id).name

    def name_key(self, unit_id: str) -> tuple[str, str]:
        """Sorts "Çağrı" with the Cs, not after Z; computed once per unit and refresh."""
        key = self._name_keys.get(unit_id)
        if key is None:
            key = self._name_keys[unit_id] = (i18n.name_key(self.name(unit_id)), unit_id)
        return key

    def names(self, ids: list[str]) -> list[str]:
        return sorted((self.name(uid) for uid in ids), key=i18n.name_key)

    def reload(self) -> None:
        """Take the rows from the current analysis, sorted as the user last asked."""
        self.beginResetModel()
        self._cache.clear()
        self._ids = self.row_ids()
        self._sort_ids()
        self.endResetModel()

    def _sort_ids(self) -> None:
        try:
            self._ids.sort(key=self.sort_key(self._sort_column), reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        except Exception:  # a unit gone between the event and this refresh: keep the order
            log.exception("could not sort the table")

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            row, column = index.row(), index.column()
            if not index.isValid() or row >= len(self._ids):
                return None
            unit_id = self._ids[row]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.cell(unit_id, column)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tooltip(unit_id, column)
            if role == ID_ROLE:
                return unit_id
            if role == Qt.ItemDataRole.TextAlignmentRole and column in self.numeric_columns:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        except Exception:  # a unit removed a moment ago: show nothing rather than abort
            return None
        return None

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self.beginResetModel()
        self._cache.clear()
        self._sort_ids()
        self.endResetModel()

    def forget_names(self) -> None:
        """Names (or figures) changed: sort keys and cached texts are stale."""
        self._name_keys.clear()
        self._cache.clear()

    def names_changed(self) -> None:
        """Names or figures changed but not the rows: repaint what is visible, sort again."""
        self.forget_names()
        self.sort(self._sort_column, self._sort_order)


class RevenueUnitsTable(UnitTable):
    """Revenue-generating units and the back-office units that support them."""

    numeric_columns = frozenset({2})

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(document, parent)
        self.headers = (translate("AnalysisDock", "Name"), translate("AnalysisDock", "Office"), translate("AnalysisDock", "Back-office supporters"), translate("AnalysisDock", "Supported by"))

    def row_ids(self) -> list[str]:
        return list(self.document.analysis.revenue_units)

    def _supporters(self, unit_id: str) -> tuple[str, str]:
        cached = self._cache.get((unit_id, 3))
        if cached is None:
            names = self.names(self.document.analysis.support(unit_id))
            tip = html.escape(_name_list(names, _MAX_NAMES_IN_TIP)) if names else translate("AnalysisDock", "No back-office unit supports it")
            cached = self._cache[(unit_id, 3)] = (_name_list(names, _MAX_NAMES_SHOWN), f"<p>{tip}</p>")
        return cached

    def cell(self, unit_id: str, column: int) -> Any:
        if column == 0:
            return self.name(unit_id)
        if column == 1:
            return style.office_title(self.document.model.unit(unit_id).office)
        if column == 2:
            return self.document.analysis.support_count(unit_id)
        return self._supporters(unit_id)[0]

    def tooltip(self, unit_id: str, column: int) -> str | None:
        return self._supporters(unit_id)[1] if column == 3 else None

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

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(document, parent)
        self.headers = (translate("AnalysisDock", "Name"), translate("AnalysisDock", "Revenue units supported"), translate("AnalysisDock", "Revenue at risk"), translate("AnalysisDock", "Automation potential"))

    def row_ids(self) -> list[str]:
        return list(self.document.analysis.back_office_units)

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
            return f"<p>{html.escape(_name_list(names, _MAX_NAMES_IN_TIP))}</p>" if names else None
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


class AnalysisDock(QDockWidget):
    """Support, impact and findings of ``document``; clicking a row selects in ``selection``."""

    def __init__(self, document: Document, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Analysis"), parent)
        self.setObjectName("AnalysisDock")
        self._document = document
        self._selection = selection
        self._seen: tuple[int, int] | None = None  # (id of the analysis, its version) shown
        self._figures_changed = False
        self._findings_dirty = True
        self._watched: tuple[LiveAnalysis, Callable[[object], None]] | None = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self._refresh)

        self.revenue_model = RevenueUnitsTable(document, self)
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
        self.tabs.currentChanged.connect(lambda _: self._fill_findings_if_shown())
        self.setWidget(self.tabs)

        ModelFollower(document, {
            "unitAdded": self._structure_changed,
            "unitRemoved": self._structure_changed,
            "dependencyAdded": self._structure_changed,
            "dependencyRemoved": self._structure_changed,
            "unitChanged": self._unit_changed,
        }, self)
        document.modelReplaced.connect(self._model_replaced)
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
        header.resizeSection(0, 170)
        for column in range(1, model.columnCount()):
            header.resizeSection(column, max(110, header.sectionSizeHint(column)))
        view.setSortingEnabled(True)
        view.clicked.connect(lambda index, m=model: self._row_clicked(m, index))
        view.activated.connect(lambda index, m=model: self._row_clicked(m, index))
        return view

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

        def changed(_ids: object) -> None:
            this = dock()
            if this is not None:
                try:
                    this.schedule_refresh()
                except RuntimeError:  # the C++ side is gone
                    pass

        return changed

    def _model_replaced(self) -> None:
        self._watch_analysis()
        self._seen = None
        self.schedule_refresh()

    def schedule_refresh(self) -> None:
        """Refresh once the event loop is free: a burst of edits costs one refresh."""
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _structure_changed(self, *_: object) -> None:
        self.schedule_refresh()

    def _unit_changed(self, _unit_id: str, fields: frozenset[str]) -> None:
        if fields & _RELEVANT_FIELDS:  # moves during a drag stop here
            self._figures_changed = True
            self.schedule_refresh()

    def _refresh(self) -> None:
        try:
            analysis = self._document.analysis
            seen = (id(analysis), analysis.version)  # kept up to date inside every edit
            if self._figures_changed or self._seen is None:
                self.revenue_model.forget_names()
                self.back_office_model.forget_names()
            if seen != self._seen:
                self._seen = seen
                self.revenue_model.reload()
                self.back_office_model.reload()
                self._findings_dirty = True
            elif self._figures_changed:
                self.revenue_model.names_changed()
                self.back_office_model.names_changed()
                self._findings_dirty = True
            self._figures_changed = False
            self._fill_findings_if_shown()
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
        sections = (
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
                        child.setToolTip(0, f"<p>{html.escape(_name_list(sorted(names, key=i18n.name_key), _MAX_NAMES_IN_TIP))}</p>")
                    children.append(child)
                section.addChildren(children)
                self.findings.addTopLevelItem(section)
                section.setExpanded(True)
        finally:
            self.findings.setUpdatesEnabled(True)

    # -- clicks select -------------------------------------------------------------------------

    def _row_clicked(self, model: UnitTable, index: QModelIndex) -> None:
        try:
            if index.isValid():
                self._selection.select_unit(model.unit_id(index.row()))
        except Exception:
            log.exception("could not select the unit")

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
