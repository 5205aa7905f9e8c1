"""Colours, sizes and small painted icons shared by the canvas, the legend, the docks and exports.

Office colours are from the Okabe–Ito palette, distinguishable with the common forms of
colour blindness: orange (front), sky blue (middle), bluish green (back).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from orgmodel import appearance

#: Each office's accent colour; under ``None`` the neutral grey of an unclassified unit.
OFFICE_COLORS: dict[str | None, QColor] = {office: QColor(appearance.office_colors(office)[0]) for office in (*appearance.OFFICE_COLORS, None)}
#: Light card fills of the same hues, so dark text stays readable on them.
OFFICE_FILLS: dict[str | None, QColor] = {office: QColor(appearance.office_colors(office)[1]) for office in (*appearance.OFFICE_COLORS, None)}
REVENUE_MARK = QColor("#8A5A00")
TEXT = QColor("#1B1B1B")
MUTED_TEXT = QColor("#4A4A4A")
SELECTION = QColor("#0072B2")
HIGHLIGHT = QColor("#D55E00")
#: A what-if: the units failed (dark red, hatched) and those down with them (red, lighter).
FAILED = QColor("#7F0000")
FAILED_FILL = QColor("#F2B8B5")
DOWN = QColor("#D7301F")
DOWN_FILL = QColor("#FDE3E0")
DIMMED_FILL = QColor("#EFEFEF")
DIMMED_LINE = QColor("#D0D0D0")
DEPENDENCY_LINE = QColor("#5A5A5A")
REPORTING_LINE = QColor("#8C8C8C")
CANVAS = QColor("#FAFAF7")
#: Alternative dependencies: their line labels and the legend's "OR" mark.
ALTERNATIVE = QColor("#7B3FA0")


def office_title(office: str | None) -> str:
    """The office's name as people say it, translated; ``None``: not classified yet."""
    # Only the one asked for is translated: an export's 10,000 cards each ask.
    if office == "front":
        return QCoreApplication.translate("Office", "Front office")
    if office == "middle":
        return QCoreApplication.translate("Office", "Middle office")
    if office == "back":
        return QCoreApplication.translate("Office", "Back office")
    if office is None:
        return QCoreApplication.translate("Office", "Not classified")
    raise KeyError(office)


# -- small painted icons -------------------------------------------------------------------


def _painted_icon(size: int, draw: Callable[[QPainter], None]) -> QIcon:
    """A ``size``-pixel square icon, transparent, antialiased, drawn by ``draw``."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw(painter)
    painter.end()
    return QIcon(pixmap)


def office_dot_icon(office: str | None) -> QIcon:
    """A dot in the office's colour: the outline's rows."""

    def draw(painter: QPainter) -> None:
        painter.setPen(OFFICE_COLORS[office].darker(130))
        painter.setBrush(OFFICE_COLORS.get(office, QColor("gray")))
        painter.drawEllipse(1, 1, 10, 10)

    return _painted_icon(12, draw)


def add_unit_icon(office: str) -> QIcon:
    """A small card in the office's colours with a plus: the "add unit" toolbar icons."""

    def draw(painter: QPainter) -> None:
        painter.setPen(QPen(OFFICE_COLORS[office].darker(130), 1.5))
        painter.setBrush(OFFICE_FILLS[office])
        painter.drawRoundedRect(QRectF(2, 7, 28, 18), 3, 3)
        painter.fillRect(QRectF(2.5, 9, 4, 14), OFFICE_COLORS[office])
        painter.setPen(QPen(TEXT, 2.5))
        painter.drawLine(QPointF(18, 11), QPointF(18, 21))
        painter.drawLine(QPointF(13, 16), QPointF(23, 16))

    return _painted_icon(32, draw)


def color_swatch_icon(color: str | None) -> QIcon:
    """A 16-pixel square of ``color`` (transparent for none): the card colour button."""
    swatch = QPixmap(16, 16)
    swatch.fill(QColor(color) if color else Qt.GlobalColor.transparent)
    return QIcon(swatch)
