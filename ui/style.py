"""Colours and sizes shared by the canvas, the legend and exports.

Office colours are from the Okabe–Ito palette, distinguishable with the common forms of
colour blindness: orange (front), sky blue (middle), bluish green (back).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from orgmodel import appearance

OFFICE_COLORS: dict[str, QColor] = {office: QColor(accent) for office, (accent, _) in appearance.OFFICE_COLORS.items()}
#: Light card fills of the same hues, so dark text stays readable on them.
OFFICE_FILLS: dict[str, QColor] = {office: QColor(fill) for office, (_, fill) in appearance.OFFICE_COLORS.items()}
REVENUE_MARK = QColor("#8A5A00")
TEXT = QColor("#1B1B1B")
MUTED_TEXT = QColor("#4A4A4A")
SELECTION = QColor("#0072B2")
HIGHLIGHT = QColor("#D55E00")
DIMMED_FILL = QColor("#EFEFEF")
DIMMED_LINE = QColor("#D0D0D0")
DEPENDENCY_LINE = QColor("#5A5A5A")
REPORTING_LINE = QColor("#8C8C8C")
CANVAS = QColor("#FAFAF7")


def office_title(office: str) -> str:
    """The office's name as people say it, translated."""
    return {
        "front": QCoreApplication.translate("Office", "Front office"),
        "middle": QCoreApplication.translate("Office", "Middle office"),
        "back": QCoreApplication.translate("Office", "Back office"),
    }[office]
