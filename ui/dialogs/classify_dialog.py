"""Analysis › Classify Offices…: every office suggestion with the word that gave it and a
checkbox, the unclassified units without a suggestion too; Apply sets the ticked offices as
one undo step. Offered after an import that brought unclassified units.

The suggestions come from the core (:mod:`orgmodel.analysis.classify`); this dialog only
shows them and turns the person's choice into one macro of unit edits.
"""

from __future__ import annotations

import logging
from collections.abc import Collection

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMessageBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from orgmodel.analysis.classify import Lexicon, Suggestion, candidate_units, default_lexicon, suggestions
from orgmodel.errors import OrgModelError
from orgmodel.model import is_unclassified
from ui import i18n, style
from ui.editing.document import Document
from ui.i18n import translate

log = logging.getLogger(__name__)

#: The columns: unit (with the checkbox), its office now, the suggestion, why, how sure.
UNIT, NOW, SUGGESTED, REASON, SURE = range(5)
_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ClassifyDialog(QDialog):
    """The suggestions for ``document``'s units; :meth:`apply` makes the ticked ones."""

    def __init__(self, document: Document, lexicon: Lexicon, parent: QWidget | None = None,
                 units: Collection[str] | None = None) -> None:
        """``units``: the only units to list (those an import just brought), else all."""
        super().__init__(parent)
        self.units = None if units is None else set(units)
        self.setObjectName("ClassifyDialog")
        self.setWindowTitle(self.tr("Classify Offices"))
        self.document = document
        self.lexicon = lexicon
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.every_unit = QCheckBox(self.tr("Also suggest for units that have an office"))
        self.every_unit.toggled.connect(lambda _: self.fill())
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Unit"), self.tr("Office now"), self.tr("Suggested office"), self.tr("Reason"), self.tr("Confidence")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self._apply_and_close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.every_unit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 480)
        self.fill()

    def fill(self) -> None:
        """List the units again (unclassified only, or every unit) with their suggestions."""
        model = self.document.model
        only = not self.every_unit.isChecked()
        rows = [(unit, s) for unit, s in zip(candidate_units(model, only), suggestions(model, only_unclassified=only, lexicon=self.lexicon))
                if (s is None or s.office != unit.office) and (self.units is None or unit.id in self.units)]
        # Suggestions first (surest first), then the units the names say nothing about.
        rows.sort(key=lambda row: (row[1] is None, -(row[1].confidence if row[1] else 0), i18n.name_key(row[0].name)))
        self.table.setRowCount(len(rows))
        for r, (unit, suggestion) in enumerate(rows):
            name = QTableWidgetItem(unit.name)
            name.setData(_ID_ROLE, unit.id)
            now = QTableWidgetItem(style.office_title(unit.office))
            if suggestion is None:
                name.setFlags(Qt.ItemFlag.ItemIsEnabled)
                cells = [name, now, QTableWidgetItem("—"), QTableWidgetItem(self.tr("no office word in the name")), QTableWidgetItem("")]
            else:
                name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                name.setCheckState(Qt.CheckState.Checked if suggestion.confident else Qt.CheckState.Unchecked)
                name.setData(Qt.ItemDataRole.UserRole, suggestion.office)
                cells = [name, now, QTableWidgetItem(style.office_title(suggestion.office)),
                         QTableWidgetItem(self._reason(suggestion)), QTableWidgetItem(self._percent(suggestion.confidence))]
            for column, item in enumerate(cells):
                self.table.setItem(r, column, item)
        unclassified = _unclassified_count(model, self.units)
        offered = sum(1 for _, s in rows if s is not None)
        self.summary.setText(
            self.tr("%Ln unit(s) without an office.", "", unclassified) + " "
            + self.tr("%Ln suggestion(s) from names: the sure ones are ticked; tick or untick any, then Apply (one undo step).", "", offered)
        )

    def _reason(self, suggestion: Suggestion) -> str:
        text = {
            "name": self.tr("“%1” in the name"),
            "tags": self.tr("“%1” in the tags"),
            "notes": self.tr("“%1” in the notes"),
        }[suggestion.source]
        return text.replace("%1", suggestion.reason)

    @staticmethod
    def _percent(value: float) -> str:
        return translate("AnalysisDock", "%1 %", "percentage").replace("%1", QLocale().toString(round(value * 100)))

    def chosen(self) -> dict[str, str]:
        """``{unit id: office}`` of the ticked rows."""
        found = {}
        for r in range(self.table.rowCount()):
            item = self.table.item(r, UNIT)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable and item.checkState() == Qt.CheckState.Checked:
                found[item.data(_ID_ROLE)] = item.data(Qt.ItemDataRole.UserRole)
        return found

    def apply(self) -> int:
        """Set the ticked offices as one undo step; returns how many units changed."""
        chosen = self.chosen()
        if not chosen:
            return 0
        stack = self.document.undo_stack
        stack.beginMacro(self.tr("Classify %Ln unit(s)", "", len(chosen)))
        try:
            for unit_id, office in chosen.items():
                self.document.update_unit(unit_id, office=office)
        finally:
            stack.endMacro()
        return len(chosen)

    def _apply_and_close(self) -> None:
        try:
            self.apply()
        except OrgModelError as error:  # a unit removed meanwhile: say so, keep the dialog
            QMessageBox.warning(self, self.windowTitle(), i18n.describe(error))
            return
        self.accept()


def _unclassified_count(model, units: set[str] | None) -> int:
    """How many of ``units`` (None: of every unit) still have no office."""
    if units is None:
        return sum(1 for unit in model.units() if is_unclassified(unit))
    return sum(1 for uid in units if uid in model and is_unclassified(model.unit(uid)))


def open_classify_dialog(parent: QWidget, document: Document, units: Collection[str] | None = None) -> ClassifyDialog | None:
    """The dialog for ``document`` (not shown yet; only ``units`` listed when given), or
    ``None`` after telling the person why not: a lexicon named by ORGMODEL_LEXICON that
    cannot be read."""
    try:
        lexicon = default_lexicon()
    except OrgModelError as error:
        QMessageBox.critical(parent, translate("ClassifyDialog", "Classify Offices"), i18n.describe(error))
        return None
    return ClassifyDialog(document, lexicon, parent, units)


class ClassifyOffer(QObject):
    """The question asked after an import (a QObject: plural forms need ``self.tr``)."""

    def question(self, count: int) -> str:
        return self.tr("%Ln imported unit(s) have no office. Suggest offices from their names now?", "", count)


def offer_after_import(parent: QWidget, document: Document, units: Collection[str] | None = None) -> bool:
    """After an import that brought units without an office, ask whether to classify them
    now; returns whether the dialog was shown. ``units``: the units a merge brought (the
    model's older unclassified units are not the import's), else every unit."""
    chosen = None if units is None else set(units)
    count = _unclassified_count(document.model, chosen)
    if not count:
        return False
    box = QMessageBox(QMessageBox.Icon.Question, translate("ClassifyDialog", "Classify Offices"), ClassifyOffer().question(count),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return False
    dialog = open_classify_dialog(parent, document, chosen)
    if dialog is None:
        return False
    dialog.exec()
    return True
