"""A chart on an analysis page: the widget that shows it (click a mark to select its unit,
hover for its figures), an "Export chart…" button, the canvas selection followed both
ways, and data made only when the chart is shown.

The page hands over a function that makes the chart's data (:meth:`ChartPanel.set_source`)
each time it computes its own answer; the panel calls it at once when the chart is shown,
else when it is next shown (a page showing its table pays nothing for the chart). Export
renders into memory and writes with :func:`orgmodel.formats.atomic.write_file`: the file is
either the old one or the whole new picture, never half of it.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget
from typing_extensions import override

from orgmodel.formats.atomic import write_file
from orgmodel.gcpause import gc_paused

from ui import i18n
from ui.docks.charts.chart_base import PAPER, Chart, Fonts, Frame, Maker, chart_bytes
from ui.editing.selection import Selection
from ui.i18n import translate

log = logging.getLogger(__name__)


class ChartView(QWidget):
    """Shows one :class:`Chart`; a click on a mark emits its unit, hovering shows its figures."""

    unitClicked = Signal(str)

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.selected: str | None = None
        self._frame: Frame | None = None
        self._picture: QPixmap | None = None  # the chart without the selection
        self.setMouseTracking(True)
        self.setMinimumSize(120, 100)  # the dock must not make the window taller than it was

    def set_data(self, data: Any) -> None:
        self.chart.set_data(data)
        self._frame = self._picture = None
        self.update()

    def set_selected(self, unit_id: str | None) -> None:
        if unit_id != self.selected:
            self.selected = unit_id
            self.update()

    def frame(self) -> Frame:
        """The chart arranged for the widget as it is now (computed once per size and data)."""
        if self._frame is None or self._frame.rect != QRectF(self.rect()):
            self._picture = None
            with gc_paused():  # 10,000 bubbles and no cycles: the collector would rescan the model
                self._frame = self.chart.arrange(QRectF(self.rect()), Fonts.of_size(max(11, self.fontInfo().pixelSize()), self.font()))
        return self._frame

    @override
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if self.chart.data is None:
            painter.fillRect(self.rect(), PAPER)
        else:
            frame = self.frame()
            if self._picture is None:  # painted once per data and size (10,000 bubbles: 0.25 s)
                ratio = self.devicePixelRatioF()
                self._picture = QPixmap(self.size() * ratio)
                self._picture.setDevicePixelRatio(ratio)
                self._picture.fill(PAPER)
                picture = QPainter(self._picture)
                picture.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
                self.chart.paint(picture, frame)
                picture.end()
            painter.drawPixmap(0, 0, self._picture)
            if self.selected is not None:
                painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
                self.chart.paint_selection(painter, frame, self.selected)
        painter.end()

    @override
    def mousePressEvent(self, event) -> None:
        mark = self.frame().hit(event.position()) if self.chart.data is not None else None
        if mark is not None and event.button() == Qt.MouseButton.LeftButton:
            self.unitClicked.emit(mark.unit_id)
        super().mousePressEvent(event)

    @override
    def mouseMoveEvent(self, event) -> None:
        mark = self.frame().hit(event.position()) if self.chart.data is not None else None
        self.setCursor(Qt.CursorShape.PointingHandCursor if mark else Qt.CursorShape.ArrowCursor)
        self.setToolTip(mark.tip if mark else "")
        super().mouseMoveEvent(event)


class ChartPanel(QWidget):
    """``chart`` shown in a :class:`ChartView` that follows ``selection`` and selects on a click."""

    def __init__(self, chart: Chart, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selection = selection
        self._source: Maker | None = None
        self._stale = False
        self.view = ChartView(chart)
        self.view.unitClicked.connect(self._clicked)
        self.export_button = QPushButton(self.tr("Export chart…"))
        self.export_button.setToolTip(self.tr("Save this chart as a PNG or SVG picture"))
        self.export_button.clicked.connect(self.export)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        selection.changed.connect(self._follow_selection)

    @property
    def chart(self) -> Chart:
        return self.view.chart

    def set_source(self, make: Maker | None) -> None:
        """The chart's data is ``make()``: made now if the chart is shown, else when shown."""
        self._source, self._stale = make, True
        if self.isVisible():
            self._update()

    def remake(self) -> None:
        """Make the data again from the same source (a filter of the page changed)."""
        self.set_source(self._source)

    def _update(self) -> None:
        self._stale = False
        data: Any = None
        try:
            with gc_paused():
                data = self._source() if self._source is not None else None
        except Exception:  # a slot must never let an exception reach Qt
            log.exception("could not make the chart's data")
        self.view.set_data(data)
        self.export_button.setEnabled(data is not None)
        self._follow_selection()

    @override
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._update()
        else:
            self._follow_selection()

    def _follow_selection(self) -> None:
        if self.isVisible():
            self.view.set_selected(self._selection.single_unit())

    def _clicked(self, unit_id: str) -> None:
        if self._selection.units() != [unit_id]:
            self._selection.select_unit(unit_id)

    # -- export ------------------------------------------------------------------------------

    def export(self) -> None:
        """Ask for a file and write the chart there (a message box says why it could not)."""
        if self.chart.data is None:
            return
        png, svg = self.tr("PNG image (*.png)"), self.tr("SVG drawing (*.svg)")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export Chart"), self.chart.title() + ".png", f"{png};;{svg}")
        if not path:
            return
        if not os.path.splitext(path)[1]:
            path += ".svg" if chosen == svg else ".png"
        error = self.export_to(path)
        if error is not None:
            QMessageBox.warning(self, self.tr("Cannot export the chart"), error)

    def export_to(self, path: str) -> str | None:
        """Write the chart to ``path`` (PNG or SVG by its extension); None, or why not (the
        file named; an existing file is then left as it was)."""
        try:
            write_file(path, chart_bytes(self.chart, path))
        except Exception as error:  # a slot must never let an exception reach Qt
            if not isinstance(error, (OSError, ValueError)) and not hasattr(error, "reason"):
                log.exception("could not export the chart to %s", path)
            return self.tr("The chart was not exported to “%1”.\n\n%2").replace("%1", path).replace("%2", i18n.describe(error))
        return None


def table_or_chart(table: QWidget, panel: ChartPanel, *with_table: QWidget) -> QTabWidget:
    """The page's table and its chart as two tabs ("Table", "Chart") in the table's place;
    ``with_table`` (the details under a table) are hidden while the chart is shown, so that
    the chart has the room."""
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.addTab(table, translate("ChartPanel", "Table"))
    tabs.addTab(panel, translate("ChartPanel", "Chart"))

    def shown(index: int) -> None:
        for widget in with_table:
            widget.setVisible(tabs.widget(index) is not panel)

    tabs.currentChanged.connect(shown)
    return tabs
