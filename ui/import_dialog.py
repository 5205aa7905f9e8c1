"""File › Import… for spreadsheets: which column holds which field, new model or merge."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QWidget

FIELD_TITLES = {
    "id": "Id",
    "name": "Name",
    "office": "Office",
    "revenue_generating": "Revenue-generating",
    "reports_to": "Reports to",
    "depends_on": "Depends on",
    "headcount": "Headcount",
    "cost": "Cost",
    "revenue": "Revenue",
    "automation_potential": "Automation potential",
    "tags": "Tags",
    "notes": "Notes",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


class MappingDialog(QDialog):
    """Shows the guessed column for each field; the person may change any before importing.
    ``choice`` is "new" or "merge" after acceptance."""

    def __init__(self, file_name: str, headers: list[str], guessed: dict[str, int], row_count: int,
                 can_merge: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import %1").replace("%1", file_name))
        self.choice = "new"
        form = QFormLayout(self)
        form.addRow(QLabel(tr("%1 rows. Check which column holds each field:").replace("%1", str(row_count))))
        self.combos: dict[str, QComboBox] = {}
        for field, title in FIELD_TITLES.items():
            combo = QComboBox()
            combo.addItem(tr("— not imported —"), -1)
            for index, header in enumerate(headers):
                combo.addItem(header or tr("(column %1)").replace("%1", str(index + 1)), index)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(field, -1))))
            self.combos[field] = combo
            form.addRow(tr(title), combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        new = QPushButton(tr("Import as a new model"))
        merge = QPushButton(tr("Merge into the open model"))
        merge.setEnabled(can_merge)
        merge.setToolTip(tr("Units with the same id are updated, new ones added; nothing is deleted. One undo step."))
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
        self.name_missing.setText(tr("A name column is needed.") if missing else "")
        self.name_missing.setStyleSheet("color: #C62828;")

    def _finish(self, choice: str) -> None:
        if self.combos["name"].currentData() == -1:
            return
        self.choice = choice
        self.accept()
