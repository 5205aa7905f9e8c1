"""File › Import… of a workbook with several sheets: which sheet holds the units.

Every sheet is listed by name in the workbook's order, hidden ones marked; the sheet chosen
at first is the one ``orgmodel convert`` reads without ``--sheet`` (the active sheet when it
is visible, else the first visible one: see
:func:`orgmodel.formats.spreadsheet.workbook_sheets`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from ui.i18n import translate


class SheetDialog(QDialog):
    """Asks which of ``sheets`` (``(name, hidden)`` each) to import, ``default`` chosen."""

    def __init__(self, file_name: str, sheets: list[tuple[str, bool]], default: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SheetDialog")
        self.setWindowTitle(translate("ImportDialog", "Import %1").replace("%1", file_name))  # as the mapping's
        self.names = [name for name, _ in sheets]
        form = QFormLayout(self)
        question = QLabel(self.tr("%1 has %Ln sheets. Which one holds the units?", "", len(sheets)).replace("%1", file_name))
        question.setWordWrap(True)
        form.addRow(question)
        self.sheet = QComboBox()
        for name, hidden in sheets:
            self.sheet.addItem(self.tr("%1 (hidden)").replace("%1", name) if hidden else name, name)
        self.sheet.setCurrentIndex(default)
        form.addRow(self.tr("Sheet:"), self.sheet)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.setMinimumWidth(420)

    def chosen_sheet(self) -> str:
        """The chosen sheet's name, as ``--sheet`` takes it."""
        return str(self.sheet.currentData())
