"""File › Import… for spreadsheets: which column holds which field, new model or merge."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QWidget

from ui.i18n import translate

#: The fields a column can feed, their titles marked for translation (translated where shown).
FIELD_TITLES = {
    "id": QT_TRANSLATE_NOOP("ImportDialog", "Id"),
    "name": QT_TRANSLATE_NOOP("ImportDialog", "Name"),
    "office": QT_TRANSLATE_NOOP("ImportDialog", "Office"),
    "revenue_generating": QT_TRANSLATE_NOOP("ImportDialog", "Revenue-generating"),
    "reports_to": QT_TRANSLATE_NOOP("ImportDialog", "Reports to"),
    "depends_on": QT_TRANSLATE_NOOP("ImportDialog", "Depends on"),
    "headcount": QT_TRANSLATE_NOOP("ImportDialog", "Headcount"),
    "cost": QT_TRANSLATE_NOOP("ImportDialog", "Cost"),
    "revenue": QT_TRANSLATE_NOOP("ImportDialog", "Revenue"),
    "automation_potential": QT_TRANSLATE_NOOP("ImportDialog", "Automation potential"),
    "automation_ease": QT_TRANSLATE_NOOP("ImportDialog", "Ease of automation"),
    "tags": QT_TRANSLATE_NOOP("ImportDialog", "Tags"),
    "notes": QT_TRANSLATE_NOOP("ImportDialog", "Notes"),
}


class MappingDialog(QDialog):
    """Shows the guessed column for each field; the person may change any before importing.
    ``choice`` is "new" or "merge" after acceptance."""

    def __init__(self, file_name: str, headers: list[str], guessed: dict[str, int], row_count: int,
                 can_merge: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ImportDialog", "Import %1").replace("%1", file_name))
        self.choice = "new"
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("%Ln rows. Check which column holds each field:", "", row_count)))
        self.combos: dict[str, QComboBox] = {}
        for field, title in FIELD_TITLES.items():
            combo = QComboBox()
            combo.addItem(translate("ImportDialog", "— not imported —"), -1)
            for index, header in enumerate(headers):
                combo.addItem(header or translate("ImportDialog", "(column %1)").replace("%1", str(index + 1)), index)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(field, -1))))
            self.combos[field] = combo
            form.addRow(translate("ImportDialog", title), combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        new = QPushButton(translate("ImportDialog", "Import as a new model"))
        merge = QPushButton(translate("ImportDialog", "Merge into the open model"))
        merge.setEnabled(can_merge)
        merge.setToolTip(translate("ImportDialog", "Units with the same id are updated, new ones added; nothing is deleted. One undo step."))
        buttons.addButton(new, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(merge, QDialogButtonBox.ButtonRole.AcceptRole)
        new.clicked.connect(lambda: self._finish("new"))
        merge.clicked.connect(lambda: self._finish("merge"))
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.name_missing = QLabel()
        form.addRow(self.name_missing)
        self.combos["name"].currentIndexChanged.connect(self._check)
        self._check()

    def mapping(self) -> dict[str, int]:
        return {field: combo.currentData() for field, combo in self.combos.items() if combo.currentData() != -1}

    def _check(self) -> None:
        missing = self.combos["name"].currentData() == -1
        self.name_missing.setText(translate("ImportDialog", "A name column is needed.") if missing else "")
        self.name_missing.setStyleSheet("color: #C62828;")

    def _finish(self, choice: str) -> None:
        if self.combos["name"].currentData() == -1:
            return
        self.choice = choice
        self.accept()
