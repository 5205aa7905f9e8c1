"""The cost-to-serve chart: what each revenue unit costs, fully loaded, and where it comes from.

One horizontal bar per revenue-generating unit, costliest to serve first (at most
:data:`SHOWN`; a note says how many more there are). A bar is the unit's own cost, then its
allocated service cost split by the office of the service units it comes from
(:meth:`CostAllocation.from_groups <orgmodel.analysis.cost.CostAllocation.from_groups>`: one
solve for all units), so the segments add up to the fully loaded cost to the cent. A dark
tick marks the unit's revenue: the gap to the end of the bar is its margin, also written on
the right (red when negative). A revenue far beyond every bar is drawn at the edge as an
arrow, so that the bars stay readable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPolygonF

from orgmodel.analysis.cost import CostAllocation
from orgmodel.fields import OFFICES

from ui import style
from ui.docks.charts.chart_base import (
    AXIS, GRID, PAD, Chart, Fonts, Frame, LegendEntry, Mark, Scale, axis_labels, compact_amount, draw_text, draw_wrapped, figures,
    format_amount, nice_ticks, office_color, office_name, wrapped,
)
from ui.i18n import Translatable

#: At most this many bars.
SHOWN = 25
#: The value axis reaches a revenue only up to this many times the largest fully loaded cost.
REVENUE_REACH = 1.6
OWN = QColor("#5B6770")
REVENUE = QColor("#1B1B1B")
LOSS = QColor("#C0392B")
GAIN = QColor("#1E7B4F")


@dataclass(frozen=True, slots=True)
class Bar:
    """One revenue unit: its own cost and its allocated cost by office of origin."""

    id: str
    name: str
    own_cost: float
    by_office: tuple[tuple[str, float], ...]
    """(office, amount) in office order; they add up to the allocated amount."""
    fully_loaded: float
    revenue: float | None
    margin: float | None


@dataclass(frozen=True)
class BarsData:
    bars: tuple[Bar, ...]
    """The costliest to serve first, at most :data:`SHOWN`."""
    more: int
    """Revenue units not shown."""
    method: str


def bars_data(allocation: CostAllocation, shown: int = SHOWN) -> BarsData:
    """The chart of an allocation; the split by office comes from one solve for all units."""
    by_office = allocation.from_groups()
    order = {office: k for k, office in enumerate(OFFICES)}
    rows = sorted(allocation.revenue_units, key=lambda r: (-r.fully_loaded, r.name.casefold(), r.id))
    bars = tuple(
        Bar(r.id, r.name, r.own_cost, tuple(sorted(by_office.get(r.id, {}).items(), key=lambda item: (order.get(item[0], len(order)), item[0]))),
            r.fully_loaded, r.revenue, r.margin)
        for r in rows[:shown]
    )
    return BarsData(bars, max(0, len(rows) - shown), allocation.method)


@dataclass
class BarsFrame(Frame):
    plot: QRectF = field(default_factory=QRectF)
    x: Scale = Scale(0, 1, 0, 1)
    ticks: list[float] = field(default_factory=list)
    rows: list[tuple[Bar, QRectF]] = field(default_factory=list)
    names: float = 0.0
    margin_column: QRectF = field(default_factory=QRectF)
    note: QRectF = field(default_factory=QRectF)
    note_text: str = ""


class CostBars(Chart, Translatable):
    """Fully loaded cost per revenue unit, by office of origin, with revenue marked."""

    data: BarsData | None
    #: Height of one row, in text heights.
    ROW = 1.75

    def title(self) -> str:
        return self.tr("Cost to serve")

    def export_size(self) -> QSize:
        rows = len(self.data.bars) if self.data is not None else 0
        return QSize(1000, int(150 + max(rows, 3) * 13 * self.ROW + 40))

    def note(self, more: int = 0) -> str:
        """Under the chart: what a bar is; how many revenue units are not shown."""
        if self.data is None:
            return ""
        text = self.tr("Fully loaded cost = own cost + service cost allocated (%1 method), by the office it comes from.").replace(
            "%1", {"reciprocal": self.tr("reciprocal"), "step": self.tr("step-down"), "direct": self.tr("direct")}.get(self.data.method, self.data.method))
        if more:
            text += " " + self.tr("%Ln more revenue units not shown.", "", more)
        return text

    def arrange(self, rect: QRectF, fonts: Fonts) -> BarsFrame:
        frame = BarsFrame(rect, fonts)
        data = self.data
        if data is None:
            return frame
        text, small = QFontMetricsF(fonts.text), QFontMetricsF(fonts.small)
        pad = PAD
        offices = [o for o in OFFICES if any(o == k for b in data.bars for k, _ in b.by_office)]
        offices += sorted({k for b in data.bars for k, _ in b.by_office} - set(OFFICES))
        entries = [LegendEntry(self.tr("Own cost"), OWN), LegendEntry(self.tr("Allocated from:"), OWN, "text")]
        entries += [LegendEntry(office_name(o), office_color(o)) for o in offices]
        entries.append(LegendEntry(self.tr("Revenue"), REVENUE, "tick"))
        legend_bottom = self.heading(frame, entries)
        margin_width = max(small.horizontalAdvance(self.tr("Margin")), small.horizontalAdvance(compact_amount(-88_888_888))) + 10
        frame.names = min(max((text.horizontalAdvance(b.name) for b in data.bars), default=0) + 8, rect.width() * 0.3)
        top = legend_bottom + 8 + small.height()  # the margin column's heading above the rows
        bars = data.bars
        for _ in range(3):  # as many bars as have room for their names; the others counted in the note
            frame.note_text = self.note(data.more + len(data.bars) - len(bars))
            frame.note = wrapped(frame.note_text, fonts.small, QRectF(rect.left() + pad, 0, rect.width() - 2 * pad, 0), rect.bottom() - pad)
            bottom = frame.note.top() - 6 - small.height() - 4
            room = max(1, int((bottom - top) // (text.height() * 1.25)))
            if room >= len(bars):
                break
            bars = bars[:room]
        frame.plot = QRectF(rect.left() + pad + frame.names, top, rect.width() - 2 * pad - frame.names - margin_width - 8, bottom - top)
        frame.margin_column = QRectF(frame.plot.right() + 8, top, margin_width, frame.plot.height())
        plot = frame.plot
        if plot.width() < 60 or plot.height() < 20 or not bars:
            return frame
        most = max(b.fully_loaded for b in bars)
        reach = max([most] + [b.revenue for b in bars if b.revenue is not None and b.revenue <= REVENUE_REACH * most])
        frame.ticks = nice_ticks(reach)
        frame.x = Scale(0.0, frame.ticks[-1], plot.left(), plot.right() - 10)
        step = min(plot.height() / len(bars), text.height() * 2.2)
        height = min(step * 0.7, text.height() * 1.2)
        for k, bar in enumerate(bars):
            row = QRectF(plot.left(), plot.top() + k * step + (step - height) / 2, frame.x(bar.fully_loaded) - plot.left(), height)
            frame.rows.append((bar, row))
            band = QRectF(rect.left() + pad, plot.top() + k * step, frame.margin_column.right() - rect.left() - pad, step)
            frame.marks.append(Mark(bar.id, band, False, partial(self._tip, bar)))
        return frame

    def _tip(self, bar: Bar) -> str:
        lines = [(self.tr("Own cost"), format_amount(bar.own_cost, 0))]
        lines += [(self.tr("Allocated from %1").replace("%1", office_name(o)), format_amount(v, 0)) for o, v in bar.by_office]
        lines.append((self.tr("Fully loaded cost"), format_amount(bar.fully_loaded, 0)))
        if bar.revenue is not None:
            lines.append((self.tr("Revenue"), format_amount(bar.revenue, 0)))
        if bar.margin is not None:
            lines.append((self.tr("Margin"), format_amount(bar.margin, 0)))
        return bar.name + "\n" + figures(lines)

    # -- painting ------------------------------------------------------------------------------

    def paint(self, painter: QPainter, frame: Frame) -> None:
        assert isinstance(frame, BarsFrame)
        fonts, plot = frame.fonts, frame.plot
        self.paint_heading(painter, frame)
        if self.data is None:
            return
        draw_wrapped(painter, frame.note, frame.note_text, fonts.small)
        if not frame.rows:
            if not self.data.bars:
                draw_text(painter, plot, self.tr("No revenue-generating unit."), fonts.text, style.MUTED_TEXT, Qt.AlignmentFlag.AlignCenter)
            return
        small = QFontMetricsF(fonts.small)
        painter.setPen(QPen(GRID, 1))
        for tick in frame.ticks:
            painter.drawLine(QPointF(frame.x(tick), plot.top()), QPointF(frame.x(tick), plot.bottom()))
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.topLeft(), plot.bottomLeft())
        painter.setFont(fonts.small)
        for tick, label in zip(frame.ticks, axis_labels(frame.ticks)):
            painter.drawText(QPointF(frame.x(tick) - small.horizontalAdvance(label) / 2, plot.bottom() + 4 + small.ascent()), label)
        draw_text(painter, QRectF(frame.margin_column.left(), plot.top() - small.height() - 2, frame.margin_column.width(), small.height()),
                  self.tr("Margin"), fonts.small, style.MUTED_TEXT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for bar, row in frame.rows:
            self._bar(painter, frame, bar, row)

    def paint_selection(self, painter: QPainter, frame: Frame, selected: str) -> None:
        assert isinstance(frame, BarsFrame)
        for bar, row in frame.rows:
            if bar.id == selected:
                band = QRectF(frame.rect.left() + 4, row.top() - 3, frame.rect.width() - 8, row.height() + 6)
                painter.fillRect(band, QColor(0, 114, 178, 40))
                painter.fillRect(QRectF(band.left(), band.top(), 4, band.height()), style.SELECTION)

    def _bar(self, painter: QPainter, frame: BarsFrame, bar: Bar, row: QRectF) -> None:
        fonts, plot = frame.fonts, frame.plot
        name = QRectF(frame.rect.left() + 12, row.top() - 4, frame.names - 8, row.height() + 8)
        draw_text(painter, name, bar.name, fonts.text, style.TEXT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        x, start = frame.x, 0.0
        painter.setPen(Qt.PenStyle.NoPen)
        for amount, color in [(bar.own_cost, OWN)] + [(v, office_color(o)) for o, v in bar.by_office]:
            if amount > 0:
                painter.setBrush(color)
                painter.drawRect(QRectF(QPointF(x(start), row.top()), QPointF(x(start + amount), row.bottom())))
                start += amount
        if bar.revenue is not None:
            beyond = bar.revenue > frame.ticks[-1]
            at = plot.right() - 4 if beyond else x(bar.revenue)
            painter.setPen(QPen(REVENUE, 2.5))
            if beyond:  # an arrow at the edge: the revenue is off the scale
                painter.setBrush(REVENUE)
                c = row.center().y()
                painter.drawPolygon(QPolygonF([QPointF(at - 8, c - 5), QPointF(at, c), QPointF(at - 8, c + 5)]))
                label = compact_amount(bar.revenue)
                width = QFontMetricsF(fonts.small).horizontalAdvance(label) + 4
                if at - 12 - width > row.right() + 4:  # written where the bar leaves room (the tooltip says it too)
                    draw_text(painter, QRectF(at - 12 - width, row.top() - 2, width, row.height() + 4), label, fonts.small, REVENUE,
                              Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            else:
                painter.drawLine(QPointF(at, row.top() - 4), QPointF(at, row.bottom() + 4))
        if bar.margin is not None:
            color = LOSS if bar.margin < 0 else GAIN
            draw_text(painter, QRectF(frame.margin_column.left(), row.top(), frame.margin_column.width(), row.height()), compact_amount(bar.margin), fonts.small, color, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
