"""File › Import…: the column mapping of a spreadsheet (with a live preview of its first
rows), and the choices a drawing or a graph needs (which draw.io page, undirected edges)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

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
    "title": QT_TRANSLATE_NOOP("ImportDialog", "Job title (kept in notes)"),
}

#: How many rows the preview shows.
PREVIEW_ROWS = 5


class MappingDialog(QDialog):
    """Shows the guessed column for each field; the person may change any before importing,
    and sees the first rows as they will be read. ``choice`` is "new" or "merge" after
    acceptance."""

    def __init__(self, file_name: str, headers: list[str], guessed: dict[str, int], row_count: int,
                 can_merge: bool, parent: QWidget | None = None, rows: list[list[str]] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ImportDialog", "Import %1").replace("%1", file_name))
        self.choice = "new"
        self.rows = [list(row) for row in (rows or [])[:PREVIEW_ROWS]]
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("%Ln rows. Check which column holds each field:", "", row_count)))
        self.combos: dict[str, QComboBox] = {}
        for field, title in FIELD_TITLES.items():
            combo = QComboBox()
            combo.addItem(translate("ImportDialog", "— not imported —"), -1)
            for index, header in enumerate(headers):
                combo.addItem(header or translate("ImportDialog", "(column %1)").replace("%1", str(index + 1)), index)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(field, -1))))
            combo.currentIndexChanged.connect(self._update_preview)
            self.combos[field] = combo
            form.addRow(translate("ImportDialog", title), combo)
        self.preview = QTableWidget(0, 0)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setMinimumHeight(150)
        form.addRow(QLabel(translate("ImportDialog", "The first rows as they will be read:")))
        form.addRow(self.preview)
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
        self._update_preview()

    def mapping(self) -> dict[str, int]:
        return {field: combo.currentData() for field, combo in self.combos.items() if combo.currentData() != -1}

    def _update_preview(self) -> None:
        """One column a mapped field, titled with the field, holding the first rows' cells."""
        mapped = list(self.mapping().items())
        self.preview.clear()
        self.preview.setColumnCount(len(mapped))
        self.preview.setRowCount(len(self.rows))
        self.preview.setHorizontalHeaderLabels([translate("ImportDialog", FIELD_TITLES[field]) for field, _ in mapped])
        for row_number, row in enumerate(self.rows):
            for column, (_, index) in enumerate(mapped):
                self.preview.setItem(row_number, column, QTableWidgetItem(row[index] if index < len(row) else ""))

    def preview_cells(self) -> list[list[str]]:
        """What the preview shows, row by row (for tests and accessibility)."""
        return [[(self.preview.item(r, c).text() if self.preview.item(r, c) else "") for c in range(self.preview.columnCount())]
                for r in range(self.preview.rowCount())]

    def _check(self) -> None:
        missing = self.combos["name"].currentData() == -1
        self.name_missing.setText(translate("ImportDialog", "A name column is needed.") if missing else "")
        self.name_missing.setStyleSheet("color: #C62828;")

    def _finish(self, choice: str) -> None:
        if self.combos["name"].currentData() == -1:
            return
        self.choice = choice
        self.accept()


class SourceOptionsDialog(QDialog):
    """What a drawing or a graph needs before it is read: which draw.io page, and what an
    undirected GraphML edge means. Only the rows that apply are shown."""

    def __init__(self, file_name: str, pages: list[str], undirected: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ImportDialog", "Import %1").replace("%1", file_name))
        form = QFormLayout(self)
        self.page = QComboBox()
        for number, name in enumerate(pages, 1):
            self.page.addItem(f"{number}. {name}")
        if len(pages) > 1:
            form.addRow(translate("ImportDialog", "Page:"), self.page)
        self.undirected = QComboBox()
        self.undirected.addItem(translate("ImportDialog", "A dependency each way"))  # "both"
        self.undirected.addItem(translate("ImportDialog", "The source depends on the target"))  # "forward"
        if undirected:
            form.addRow(translate("ImportDialog", "Undirected edges:"), self.undirected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_page(self) -> str | None:
        """The page's number from 1, as ``--page`` takes it."""
        return str(self.page.currentIndex() + 1) if self.page.count() else None

    def chosen_undirected(self) -> str:
        """``"both"`` or ``"forward"``, as ``--undirected`` takes it."""
        return ("both", "forward")[max(0, self.undirected.currentIndex())]
