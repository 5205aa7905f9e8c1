"""File › Export…: the options of an export, remembered between exports."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from ui.canvas.export import MAX_PIXELS, MAX_SIDE, PIXEL_BUDGET, ExportOptions, pixel_size
from ui.canvas.scene import OrgScene

#: The lowest value of the scale box means "automatic": 2×, less above the pixel budget.
AUTOMATIC = 0.5

#: Page sizes by key, their names marked for translation and translated where shown.
PAGES = [
    ("", QT_TRANSLATE_NOOP("ExportDialog", "Diagram size")),
    ("a4", QT_TRANSLATE_NOOP("ExportDialog", "A4")),
    ("a3", QT_TRANSLATE_NOOP("ExportDialog", "A3")),
    ("letter", QT_TRANSLATE_NOOP("ExportDialog", "Letter")),
]


class ExportDialog(QDialog):
    """Options for one export to ``kind`` ("png", "svg" or "pdf")."""

    def __init__(self, scene: OrgScene, kind: str, has_selection: bool, has_highlight: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene, self.kind = scene, kind
        self.setWindowTitle(self.tr("Export as %1").replace("%1", kind.upper()))
        settings = QSettings()
        form = QFormLayout(self)
        self.scale = QDoubleSpinBox()
        self.scale.setRange(AUTOMATIC, 4.0)
        self.scale.setSingleStep(0.5)
        self.scale.setSuffix("×")
        self.scale.setSpecialValueText(self.tr("Automatic"))
        self.scale.setValue(float(settings.value("export/scale", AUTOMATIC)))
        self.size_label = QLabel()
        self.transparent = QCheckBox(self.tr("Transparent background"))
        self.transparent.setChecked(settings.value("export/transparent", False) in (True, "true"))
        self.selection_only = QCheckBox(self.tr("Selected units only"))
        self.selection_only.setEnabled(has_selection)
        self.legend = QCheckBox(self.tr("Office legend"))
        self.legend.setChecked(settings.value("export/legend", True) in (True, "true"))
        self.title = QCheckBox(self.tr("Title (model name and date)"))
        self.title.setChecked(settings.value("export/title", False) in (True, "true"))
        self.as_shown = QCheckBox(self.tr("Analysis highlight as shown"))
        self.as_shown.setEnabled(has_highlight)
        self.page = QComboBox()
        for key, label in PAGES:
            self.page.addItem(self.tr(label), key)
        self.page.setCurrentIndex(max(0, self.page.findData(settings.value("export/page", ""))))
        self.landscape = QCheckBox(self.tr("Landscape"))
        self.landscape.setChecked(settings.value("export/landscape", False) in (True, "true"))
        if kind == "png":
            form.addRow(self.tr("Scale"), self.scale)
            form.addRow(self.tr("Image size"), self.size_label)
            form.addRow("", self.transparent)
        if kind == "pdf":
            form.addRow(self.tr("Page"), self.page)
            form.addRow("", self.landscape)
        for box in (self.selection_only, self.legend, self.title, self.as_shown):
            form.addRow("", box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for signal in (self.scale.valueChanged, self.selection_only.toggled, self.legend.toggled, self.title.toggled):
            signal.connect(self._show_size)
        self._show_size()

    def options(self, selection: list[str], title: str) -> ExportOptions:
        return ExportOptions(
            scale=None if self.scale.value() <= AUTOMATIC else self.scale.value(),
            transparent=self.transparent.isChecked() and self.kind == "png",
            units=selection if self.selection_only.isChecked() else None,
            legend=self.legend.isChecked(),
            title=title if self.title.isChecked() else None,
            page=self.page.currentData() or None,
            landscape=self.landscape.isChecked(),
        )

    def _show_size(self) -> None:
        options = self.options(self.scene.selection.units(), "title")
        size = pixel_size(self.scene, options)
        wanted = pixel_size(self.scene, replace(options, pixel_budget=MAX_PIXELS, long_side_budget=MAX_SIDE))
        text = self.tr("%1 × %2 px").replace("%1", QLocale().toString(size.width())).replace("%2", QLocale().toString(size.height()))
        if options.automatic() and size != wanted:
            # The same budget as the command line: say why the picture is smaller than 2×.
            text = self.tr("%1 (scaled down to stay within %2 megapixels)").replace("%1", text).replace("%2", QLocale().toString(PIXEL_BUDGET // 1_000_000))
        self.size_label.setText(text)

    def remember(self) -> None:
        settings = QSettings()
        settings.setValue("export/scale", self.scale.value())
        settings.setValue("export/transparent", self.transparent.isChecked())
        settings.setValue("export/legend", self.legend.isChecked())
        settings.setValue("export/title", self.title.isChecked())
        settings.setValue("export/page", self.page.currentData())
        settings.setValue("export/landscape", self.landscape.isChecked())
