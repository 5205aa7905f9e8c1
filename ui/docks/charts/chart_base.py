"""What the analysis charts share: fonts, scales with round ticks, amounts written short in
the reader's locale, legends, the marks a click or a hover finds, and the export to PNG or
SVG (the widget that shows a chart is in :mod:`ui.docks.charts.chart_panel`).

Why painting of our own (QPainter) and not a plotting library: pyqtgraph or matplotlib would
add 30–60 MB to the application for two charts; with QPainter the screen, the PNG and the
SVG are drawn by one and the same function (:meth:`Chart.draw`: a painter, a rectangle and
the chart's data), numbers and words go through the locale and translations the rest of the
editor uses, and every label is placed by us (labels that would overlap are moved or left out).

A chart is two steps: :meth:`Chart.arrange` computes where everything goes for a rectangle
(pure computation, kept by the widget for hit tests) and :meth:`Chart.paint` draws it.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator

from orgmodel.gcpause import gc_paused

from ui import style
from ui.i18n import format_amount, translate
from ui.png import png_bytes

#: The picture's background, on screen and exported.
PAPER = QColor("#FFFFFF")
GRID = QColor("#E4E4E4")
AXIS = QColor("#6E6E6E")
#: Allocated cost from units of no known office; a unit's own cost.
OTHER = QColor("#9E9E9E")
#: A PNG is drawn at this many pixels per point, crisp on high-density screens and slides.
PNG_SCALE = 2.0
#: Text size of an exported chart, in pixels.
EXPORT_TEXT = 13
#: Space around the chart, in pixels.
PAD = 12.0


@dataclass(frozen=True)
class Fonts:
    """The chart's fonts, in pixel sizes (the same on a screen, a PNG and an SVG)."""

    text: QFont
    small: QFont
    bold: QFont
    title: QFont

    @classmethod
    def of_size(cls, pixels: int, family: QFont | None = None) -> Fonts:
        def font(size: int, bold: bool = False) -> QFont:
            made = QFont(family) if family is not None else QFont()
            made.setPixelSize(max(6, size))
            made.setBold(bold)
            return made

        return cls(font(pixels), font(pixels - 2), font(pixels, True), font(pixels + 3, True))


def office_color(office: str) -> QColor:
    return style.OFFICE_COLORS.get(office, OTHER)


def office_name(office: str) -> str:
    """The office's title; "Unclassified" for a unit of no known office."""
    return style.office_title(office) if office in style.OFFICE_COLORS else translate("Chart", "Unclassified")


# -- numbers --------------------------------------------------------------------------------


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round ticks from 0 to at least ``top`` (about ``count`` steps of 1, 2, 2.5 or 5 × 10ⁿ).

    >>> nice_ticks(4_455_000)
    [0.0, 1000000.0, 2000000.0, 3000000.0, 4000000.0, 5000000.0]
    >>> nice_ticks(0)
    [0.0, 1.0]
    """
    if not top > 0 or not math.isfinite(top):
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(power * f for f in (1, 2, 2.5, 5, 10) if power * f >= raw * 0.999)
    ticks = [0.0]
    while ticks[-1] < top * 0.9999:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def axis_labels(ticks: Sequence[float]) -> list[str]:
    """The labels of an amount axis's ``ticks`` (from :func:`nice_ticks`), in one unit.

    >>> axis_labels([0.0, 500000.0, 1000000.0, 1500000.0])
    ['0', '0.5 M', '1.0 M', '1.5 M']
    """
    step = ticks[1] - ticks[0] if len(ticks) > 1 else None
    return [compact_amount(t, step, ticks[-1]) for t in ticks]


def compact_amount(value: float, step: float | None = None, top: float = 0.0) -> str:
    """``value`` written short in the reader's locale: 1.2 M, 350 K (Turkish 1,2 Mn, 350 B),
    in the unit of ``top`` when it is larger, with as many decimals as ``step`` (the distance
    between ticks) needs to tell them apart."""
    size = max(abs(value), abs(top))
    if value == 0:
        return "0"
    for unit, template in ((1e9, translate("Chart", "%1 B", "billions")), (1e6, translate("Chart", "%1 M", "millions")),
                           (1e3, translate("Chart", "%1 K", "thousands"))):
        if size >= (unit if unit > 1e3 else 1e4):  # 2,500 stays 2,500
            break
    else:
        return format_amount(value, 0 if float(value).is_integer() else 2)
    if step is None:
        decimals = 1 if abs(value) / unit < 100 else 0
    else:
        shown = step / unit
        decimals = next((d for d in (0, 1) if abs(round(shown, d) - shown) < 1e-9 * max(1.0, shown)), 2)
    return template.replace("%1", format_amount(value / unit, decimals))


def percent(value: float) -> str:
    return translate("AnalysisDock", "%1 %", "percentage").replace("%1", format_amount(value * 100, 0))


@dataclass(frozen=True)
class Scale:
    """Values ``lo..hi`` onto pixels ``a..b`` (``b < a`` for an upward axis)."""

    lo: float
    hi: float
    a: float
    b: float

    def __call__(self, value: float) -> float:
        span = self.hi - self.lo or 1.0
        return self.a + (value - self.lo) / span * (self.b - self.a)


# -- legends and text -----------------------------------------------------------------------


@dataclass(frozen=True)
class LegendEntry:
    label: str
    color: QColor
    kind: str = "box"  #: "box", "dot", "tick" or "text" (no swatch)


def legend_places(entries: Sequence[LegendEntry], font: QFont, x: float, y: float, width: float) -> tuple[list[tuple[LegendEntry, QRectF, QPointF]], float]:
    """Where each entry's swatch and text go, flowing from (x, y) and wrapping at ``width``;
    and the bottom of the legend."""
    metrics = QFontMetricsF(font)
    line = metrics.height() + 4
    swatch = metrics.height() * 0.75
    places, cx, cy = [], x, y
    for entry in entries:
        room = 0.0 if entry.kind == "text" else swatch + 5
        need = room + metrics.horizontalAdvance(entry.label) + (6 if entry.kind == "text" else 16)
        if cx > x and cx + need > x + width:
            cx, cy = x, cy + line
        box = QRectF(cx, cy + (line - 4 - swatch) / 2, swatch, swatch)
        places.append((entry, box, QPointF(cx + room, cy + metrics.ascent() + (line - 4 - metrics.height()) / 2)))
        cx += need
    return places, (cy + line if entries else y)


def draw_legend(painter: QPainter, places: list[tuple[LegendEntry, QRectF, QPointF]], font: QFont) -> None:
    painter.setFont(font)
    for entry, box, text in places:
        if entry.kind == "text":
            pass
        elif entry.kind == "tick":
            painter.setPen(QPen(entry.color, 2))
            painter.drawLine(QPointF(box.center().x(), box.top() - 2), QPointF(box.center().x(), box.bottom() + 2))
        else:
            painter.setPen(QPen(entry.color.darker(130), 1))
            painter.setBrush(entry.color)
            if entry.kind == "dot":
                painter.drawEllipse(box)
            else:
                painter.drawRect(box)
        painter.setPen(style.TEXT)
        painter.drawText(text, entry.label)


def draw_text(painter: QPainter, rect: QRectF, text: str, font: QFont, color: QColor = style.TEXT,
              align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) -> None:
    """``text`` in ``rect``, shortened with an ellipsis if it does not fit."""
    painter.setFont(font)
    painter.setPen(color)
    shown = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, align, shown)


def wrapped(text: str, font: QFont, across: QRectF, bottom: float) -> QRectF:
    """The rectangle ``text`` takes, wrapped at the width of ``across``, ending at ``bottom``
    (empty for no text)."""
    if not text:
        return QRectF(across.left(), bottom, across.width(), 0)
    height = QFontMetricsF(font).boundingRect(QRectF(0, 0, across.width(), 10_000), int(Qt.TextFlag.TextWordWrap), text).height()
    return QRectF(across.left(), bottom - height, across.width(), height)


def draw_wrapped(painter: QPainter, rect: QRectF, text: str, font: QFont, color: QColor = style.MUTED_TEXT) -> None:
    if text:
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(rect, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), text)


# -- charts -----------------------------------------------------------------------------------


@dataclass
class Mark:
    """Something drawn for one unit: where it is (a rectangle, or the disc in it) for clicks
    and tooltips, and how to say its figures (asked only on hover: 10,000 of them add up)."""

    unit_id: str
    box: QRectF
    round: bool
    describe: Callable[[], str]

    @property
    def tip(self) -> str:
        return self.describe()

    def contains(self, point: QPointF) -> bool:
        if not self.box.contains(point):
            return False
        if not self.round:
            return True
        c, r = self.box.center(), self.box.width() / 2
        return (point.x() - c.x()) ** 2 + (point.y() - c.y()) ** 2 <= r * r


@dataclass
class Frame:
    """A chart arranged for one rectangle; subclasses add what they draw."""

    rect: QRectF
    fonts: Fonts
    marks: list[Mark] = field(default_factory=list)
    title: QRectF = field(default_factory=QRectF)
    legend: list[tuple[LegendEntry, QRectF, QPointF]] = field(default_factory=list)

    def hit(self, point: QPointF) -> Mark | None:
        """The topmost mark under ``point`` (the last drawn)."""
        return next((mark for mark in reversed(self.marks) if mark.contains(point)), None)


class Chart:
    """One kind of chart: data in (:meth:`set_data`), arranged for a rectangle, painted."""

    def __init__(self) -> None:
        self.data: Any = None

    def set_data(self, data: Any) -> None:
        self.data = data

    def title(self) -> str:
        raise NotImplementedError

    def export_size(self) -> QSize:
        """The size of an exported picture, in points."""
        raise NotImplementedError

    def arrange(self, rect: QRectF, fonts: Fonts) -> Frame:
        raise NotImplementedError

    def paint(self, painter: QPainter, frame: Frame) -> None:
        """Everything but the selection (the widget keeps this as a picture)."""
        raise NotImplementedError

    def paint_selection(self, painter: QPainter, frame: Frame, selected: str) -> None:
        """The mark of the selected unit, over the rest."""

    def heading(self, frame: Frame, entries: Sequence[LegendEntry]) -> float:
        """Place the title and, under it, the legend of ``entries``; where they end."""
        rect = frame.rect
        frame.title = QRectF(rect.left() + PAD, rect.top() + PAD * 0.6, rect.width() - 2 * PAD, QFontMetricsF(frame.fonts.title).height())
        frame.legend, bottom = legend_places(entries, frame.fonts.small, frame.title.left(), frame.title.bottom() + 4, frame.title.width())
        return bottom

    def paint_heading(self, painter: QPainter, frame: Frame) -> None:
        draw_text(painter, frame.title, self.title(), frame.fonts.title)
        draw_legend(painter, frame.legend, frame.fonts.small)

    def draw(self, painter: QPainter, rect: QRectF, fonts: Fonts | None = None, selected: str | None = None) -> Frame:
        """Arrange and paint in one call (exports); the frame, for its marks."""
        with gc_paused():
            frame = self.arrange(rect, fonts or Fonts.of_size(EXPORT_TEXT))
        painter.save()
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(rect, PAPER)
        self.paint(painter, frame)
        if selected is not None:
            self.paint_selection(painter, frame, selected)
        painter.restore()
        return frame


def png_of(chart: Chart, scale: float = PNG_SCALE) -> bytes:
    """The chart as a PNG file's bytes, ``scale`` pixels per point."""
    size = chart.export_size()
    image = QImage(math.ceil(size.width() * scale), math.ceil(size.height() * scale), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(scale)
    image.fill(PAPER)
    painter = QPainter(image)
    chart.draw(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    return png_bytes(image)


def svg_of(chart: Chart) -> bytes:
    """The chart as an SVG file's bytes (text stays text)."""
    size = chart.export_size()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(chart.title())
    generator.setDescription(translate("Export", "Exported from OrgModel"))
    painter = QPainter(generator)
    chart.draw(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    buffer.close()
    return bytes(data.data())


def chart_bytes(chart: Chart, path: str) -> bytes:
    """The file ``path`` should hold: PNG or SVG by its extension (ValueError otherwise)."""
    extension = os.path.splitext(path)[1].lower()
    if extension == ".png":
        return png_of(chart)
    if extension == ".svg":
        return svg_of(chart)
    raise ValueError(translate("Chart", "cannot export to “%1”: use .png or .svg").replace("%1", os.path.basename(path)))


def figures(rows: Sequence[tuple[str, str]]) -> str:
    """A tooltip's lines "label: value"."""
    return "\n".join(f"{label}: {value}" for label, value in rows)


Maker = Callable[[], Any]
