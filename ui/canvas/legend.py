"""The legend in the canvas corner: office colours, the revenue mark and the two line kinds."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from ui import style
from ui.i18n import translate

ROW = 20


def legend_entries() -> list[str]:
    return [
        style.office_title("front"),
        style.office_title("middle"),
        style.office_title("back"),
        translate("Legend", "★ revenue-generating"),
        translate("Legend", "depends on"),
        translate("Legend", "reports to"),
    ]


def legend_size(metrics: QFontMetricsF) -> QSizeF:
    return QSizeF(max(metrics.horizontalAdvance(text) for text in legend_entries()) + 52, ROW * len(legend_entries()) + 12)


def draw_legend(painter: QPainter, box: QRectF) -> None:
    """The legend panel in ``box``: on the canvas corner and in exports alike."""
    painter.save()
    painter.translate(box.topLeft())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#C8C8C8")))
    painter.setBrush(QColor(255, 255, 255, 230))
    painter.drawRoundedRect(QRectF(0, 0, box.width(), box.height()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
    for row, text in enumerate(legend_entries()):
        y = 6 + row * ROW
        swatch = QRectF(8, y + 4, 26, ROW - 8)
        if row < 3:
            office = ("front", "middle", "back")[row]
            painter.setPen(QPen(style.OFFICE_COLORS[office].darker(130), 1))
            painter.setBrush(style.OFFICE_FILLS[office])
            painter.drawRoundedRect(swatch, 3, 3)
            painter.fillRect(QRectF(swatch.left(), swatch.top(), 4, swatch.height()), style.OFFICE_COLORS[office])
        elif row == 4:
            pen = QPen(style.DEPENDENCY_LINE, 1.4)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            mid = swatch.center().y()
            painter.drawLine(QPointF(swatch.left(), mid), QPointF(swatch.right(), mid))
            painter.setPen(QPen(style.DEPENDENCY_LINE, 1.4))
            painter.drawLine(QPointF(swatch.right(), mid), QPointF(swatch.right() - 6, mid - 4))
            painter.drawLine(QPointF(swatch.right(), mid), QPointF(swatch.right() - 6, mid + 4))
        elif row == 5:
            painter.setPen(QPen(style.REPORTING_LINE, 1.4))
            painter.drawPolyline([QPointF(swatch.left() + 4, swatch.top()), QPointF(swatch.left() + 4, swatch.center().y()),
                                  QPointF(swatch.right() - 4, swatch.center().y()), QPointF(swatch.right() - 4, swatch.bottom())])
        painter.setPen(style.TEXT)
        painter.drawText(QRectF(42, y, box.width() - 46, ROW), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
    painter.restore()


class Legend(QWidget):
    """A small translucent panel in the canvas corner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.resize(self.sizeHint())

    @override
    def sizeHint(self) -> QSize:
        return legend_size(QFontMetricsF(self.font())).toSize()

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        draw_legend(painter, QRectF(self.rect()))
