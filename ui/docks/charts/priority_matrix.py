"""The automation priority matrix: where RPA/AI pays first, at a glance.

Each ranked unit is a bubble: across, its savings potential (cost × automation potential);
up, its ease of implementation (``automation_ease``, 0–1; unset counts as 1, as in the
ranking); the bubble's *area* is the revenue it supports; its colour, its office. Guide lines
at the median savings and at ease 50 % cut the plane into quadrants; the top right one (much
to save, easy to do) is where to *automate first*. The top candidates are labelled with
their rank and name; a label that would overlap another, or the hint, is moved around its
bubble or left out (the tooltip still names every bubble). Units that cannot be ranked (no
cost or no potential) are not drawn; a note under the chart says how many.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from orgmodel.analysis.automation import AutomationCandidate

from ui import style
from ui.docks.charts.chart_base import (
    AXIS, GRID, PAD, Chart, Fonts, Frame, LegendEntry, Mark, Scale, axis_labels, compact_amount, draw_text, draw_wrapped, figures, format_amount,
    nice_ticks, office_color, office_name, percent, wrapped,
)
from ui.i18n import Translatable

#: How many of the top candidates are labelled.
LABELLED = 8
#: Ease ticks (a share, 0–1).
EASE_TICKS = (0.0, 0.25, 0.5, 0.75, 1.0)
GUIDE = QColor("#8C8C8C")
HINT = QColor("#007A5A")


@dataclass(frozen=True, slots=True)
class Bubble:
    """One ranked unit, as the matrix draws it."""

    id: str
    name: str
    office: str
    rank: int
    savings: float
    ease: float
    """As the ranking counts it (unset: 1)."""
    ease_set: bool
    priority: float
    revenue: float
    cost: float
    potential: float


@dataclass(frozen=True)
class MatrixData:
    bubbles: tuple[Bubble, ...]
    """In ranking order, highest priority first."""
    left_out: int
    """Units not ranked (no cost or no potential): not drawn."""


def matrix_data(candidates: Sequence[AutomationCandidate], office: str | None = None) -> MatrixData:
    """The matrix of a ranking (:func:`orgmodel.analysis.automation.rank_automation`), of
    one office's units only if ``office`` is given — ``""``: the unclassified units — (ranks
    stay those of the whole ranking)."""
    bubbles, left_out, rank = [], 0, 0
    for c in candidates:
        ranked = c.reason is None and c.savings is not None and c.priority is not None
        rank += ranked
        if office is not None and (c.office or "") != office:
            continue
        if not ranked:
            left_out += 1
            continue
        ease = 1.0 if c.automation_ease is None else float(c.automation_ease)
        bubbles.append(Bubble(c.id, c.name, c.office, rank, float(c.savings), ease, c.automation_ease is not None,
                              float(c.priority), float(c.revenue_supported or 0.0), float(c.cost or 0.0), float(c.automation_potential or 0.0)))
    return MatrixData(tuple(bubbles), left_out)


@dataclass
class MatrixFrame(Frame):
    plot: QRectF = field(default_factory=QRectF)
    x: Scale = Scale(0, 1, 0, 1)
    y: Scale = Scale(0, 1, 0, 1)
    x_ticks: list[float] = field(default_factory=list)
    circles: list[tuple[Bubble, QRectF]] = field(default_factory=list)
    labels: list[tuple[QRectF, str]] = field(default_factory=list)
    hint: QRectF = field(default_factory=QRectF)
    median: float = 0.0
    note: QRectF = field(default_factory=QRectF)
    note_text: str = ""


class PriorityMatrix(Chart, Translatable):
    """Savings potential against ease, bubble area = revenue supported, colour = office."""

    data: MatrixData | None

    def title(self) -> str:
        return self.tr("Automation priority")

    def export_size(self) -> QSize:
        return QSize(1000, 640)

    def note(self, median: float = 0.0) -> str:
        """Under the chart: what the guide lines are; how many units are not drawn."""
        if self.data is None or not self.data.bubbles:
            return ""
        text = self.tr("Dashed lines: median savings potential (%1) and ease %2.").replace("%1", compact_amount(median)).replace("%2", percent(0.5))
        if self.data.left_out:
            text += " " + self.tr("%Ln units not shown: no cost or no automation potential.", "", self.data.left_out)
        return text

    def arrange(self, rect: QRectF, fonts: Fonts) -> MatrixFrame:
        frame = MatrixFrame(rect, fonts)
        data = self.data
        if data is None:
            return frame
        text, small = QFontMetricsF(fonts.text), QFontMetricsF(fonts.small)
        pad = PAD
        entries = [LegendEntry(office_name(o), office_color(o), "dot") for o in ("front", "middle", "back", None)
                   if any(b.office == o for b in data.bubbles)]
        entries += [LegendEntry(office_name(o), office_color(o), "dot") for o in sorted({b.office for b in data.bubbles} - set(style.OFFICE_COLORS))]
        entries.append(LegendEntry(self.tr("Bubble area: revenue supported"), QColor("#E0E0E0"), "dot"))
        legend_bottom = self.heading(frame, entries)
        frame.median = statistics.median(b.savings for b in data.bubbles) if data.bubbles else 0.0
        frame.note_text = self.note(frame.median)
        frame.note = wrapped(frame.note_text, fonts.small, QRectF(rect.left() + pad, 0, rect.width() - 2 * pad, 0), rect.bottom() - pad)
        bottom_text = small.height() + 4 + text.height() + 6 + frame.note.height() + 4
        left = pad + text.height() + 8 + small.horizontalAdvance(percent(1.0)) + 8
        frame.plot = QRectF(rect.left() + left, legend_bottom + 10, rect.width() - left - pad - 6, rect.bottom() - legend_bottom - 10 - bottom_text - pad)
        plot = frame.plot
        if plot.width() < 40 or plot.height() < 40:
            return frame
        biggest = max(8.0, min(28.0, min(plot.width(), plot.height()) * 0.05))
        biggest *= max(0.35, min(1.0, math.sqrt(60 / max(1, len(data.bubbles)))))  # a crowd in smaller bubbles
        most_revenue = max((b.revenue for b in data.bubbles), default=0.0)
        frame.x_ticks = nice_ticks(max((b.savings for b in data.bubbles), default=0.0))
        inner = plot.adjusted(biggest * 0.6, biggest * 0.6, -biggest * 0.6, -biggest * 0.6)
        frame.x = Scale(0.0, frame.x_ticks[-1], inner.left(), inner.right())
        frame.y = Scale(0.0, 1.0, inner.bottom(), inner.top())
        hint = self.tr("Automate first")
        width = QFontMetricsF(fonts.bold).horizontalAdvance(hint) + 8
        frame.hint = QRectF(plot.right() - width - 4, plot.top() + 4, width, text.height() + 2)
        for b in data.bubbles:
            radius = biggest * math.sqrt(b.revenue / most_revenue) if most_revenue > 0 else biggest * 0.4
            radius = max(3.5, radius)
            centre = QPointF(frame.x(b.savings), frame.y(b.ease))
            frame.circles.append((b, QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)))
        frame.circles.sort(key=lambda item: -item[1].width())  # small bubbles drawn over big ones
        frame.marks = [Mark(b.id, box, True, partial(self._tip, b)) for b, box in frame.circles]
        frame.labels = self._labels(frame, fonts)
        return frame

    def _labels(self, frame: MatrixFrame, fonts: Fonts) -> list[tuple[QRectF, str]]:
        """The top candidates' labels beside their bubbles, never over each other, the hint
        or another labelled bubble; one that finds no free place is left out."""
        metrics = QFontMetricsF(fonts.small)
        top = sorted(frame.circles, key=lambda item: item[0].rank)[:LABELLED]
        taken = [frame.hint]
        # Every bubble's centre and radius, to count those a label would cover (10,000 at once).
        cx = np.array([box.center().x() for _, box in frame.circles])
        cy = np.array([box.center().y() for _, box in frame.circles])
        rr = np.array([box.width() / 2 for _, box in frame.circles])
        placed: list[tuple[QRectF, str]] = []
        for bubble, box in top:
            text = f"{bubble.rank}. {bubble.name}"
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, 190)
            w, h = metrics.horizontalAdvance(text) + 4, metrics.height()
            c, r = box.center(), box.width() / 2
            gap = 3.0
            best: tuple[int, QRectF] | None = None
            for x, y in ((c.x() + r + gap, c.y() - h / 2), (c.x() - r - gap - w, c.y() - h / 2),
                         (c.x() - w / 2, c.y() - r - gap - h), (c.x() - w / 2, c.y() + r + gap),
                         (c.x() + r * 0.7, c.y() - r * 0.7 - h), (c.x() + r * 0.7, c.y() + r * 0.7),
                         (c.x() - r * 0.7 - w, c.y() - r * 0.7 - h), (c.x() - r * 0.7 - w, c.y() + r * 0.7)):
                spot = QRectF(x, y, w, h)
                if not frame.plot.contains(spot) or any(spot.intersects(t) for t in taken):
                    continue
                if any(other is not bubble and _overlaps_circle(spot, other_box) for other, other_box in top):
                    continue
                # Over as few other bubbles as can be: the first such place in this order.
                dx = np.maximum(np.maximum(spot.left() - cx, cx - spot.right()), 0.0)
                dy = np.maximum(np.maximum(spot.top() - cy, cy - spot.bottom()), 0.0)
                covered = int(np.count_nonzero(dx * dx + dy * dy < rr * rr)) - int(_overlaps_circle(spot, box))
                if best is None or covered < best[0]:
                    best = (covered, spot)
            if best is not None:
                placed.append((best[1], text))
                taken.append(best[1])
        return placed

    def _tip(self, b: Bubble) -> str:
        ease = percent(b.ease) if b.ease_set else self.tr("%1 (not set)").replace("%1", percent(b.ease))
        return f"{b.rank}. {b.name} — {office_name(b.office)}\n" + figures([
            (self.tr("Savings potential"), format_amount(b.savings, 0)),
            (self.tr("Ease"), ease),
            (self.tr("Automation priority"), format_amount(b.priority, 0)),
            (self.tr("Revenue supported"), format_amount(b.revenue, 0)),
            (self.tr("Cost"), format_amount(b.cost, 0)),
            (self.tr("Automation potential"), percent(b.potential)),
        ])

    # -- painting ------------------------------------------------------------------------------

    def paint(self, painter: QPainter, frame: Frame) -> None:
        assert isinstance(frame, MatrixFrame)
        fonts, plot = frame.fonts, frame.plot
        self.paint_heading(painter, frame)
        if self.data is None or plot.width() < 40 or plot.height() < 40:
            return
        self._axes(painter, frame)
        if not self.data.bubbles:
            draw_text(painter, plot, self.tr("No unit has both a cost and an automation potential."), fonts.text, style.MUTED_TEXT,
                      Qt.AlignmentFlag.AlignCenter)
        alpha = 185 if len(frame.circles) <= 200 else 110  # a crowd shows its density
        for b, box in frame.circles:
            color = QColor(office_color(b.office))
            color.setAlpha(alpha)
            painter.setPen(QPen(office_color(b.office).darker(150), 1))
            painter.setBrush(color)
            painter.drawEllipse(box)
        # Quadrants, over the bubbles: the median saving, and ease 50 %.
        painter.setPen(QPen(GUIDE, 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(frame.x(frame.median), plot.top()), QPointF(frame.x(frame.median), plot.bottom()))
        painter.drawLine(QPointF(plot.left(), frame.y(0.5)), QPointF(plot.right(), frame.y(0.5)))
        painter.setFont(fonts.small)
        for spot, text in frame.labels:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 200))
            painter.drawRoundedRect(spot.adjusted(-1, 0, 1, 0), 3, 3)
            painter.setPen(style.TEXT)
            painter.drawText(spot, Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 200))
        painter.drawRoundedRect(frame.hint, 3, 3)
        draw_text(painter, frame.hint, self.tr("Automate first"), fonts.bold, HINT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        draw_wrapped(painter, frame.note, frame.note_text, fonts.small)

    def paint_selection(self, painter: QPainter, frame: Frame, selected: str) -> None:
        assert isinstance(frame, MatrixFrame)
        for b, box in frame.circles:
            if b.id == selected:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(style.SELECTION, 3))
                painter.drawEllipse(box.adjusted(-3, -3, 3, 3))

    def _axes(self, painter: QPainter, frame: MatrixFrame) -> None:
        fonts, plot = frame.fonts, frame.plot
        small = QFontMetricsF(fonts.small)
        painter.setPen(QPen(GRID, 1))
        for tick in frame.x_ticks:
            painter.drawLine(QPointF(frame.x(tick), plot.top()), QPointF(frame.x(tick), plot.bottom()))
        for tick in EASE_TICKS:
            painter.drawLine(QPointF(plot.left(), frame.y(tick)), QPointF(plot.right(), frame.y(tick)))
        # The automate-first quadrant, under the bubbles.
        quadrant = QRectF(QPointF(frame.x(frame.median), plot.top()), QPointF(plot.right(), frame.y(0.5)))
        painter.fillRect(quadrant, QColor(0, 158, 115, 18))
        painter.setPen(QPen(AXIS, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(plot)
        painter.setFont(fonts.small)
        for tick, label in zip(frame.x_ticks, axis_labels(frame.x_ticks)):
            w = small.horizontalAdvance(label)
            painter.drawText(QPointF(frame.x(tick) - w / 2, plot.bottom() + 4 + small.ascent()), label)
        for tick in EASE_TICKS:
            label = percent(tick)
            painter.drawText(QPointF(plot.left() - 6 - small.horizontalAdvance(label), frame.y(tick) + small.ascent() / 2 - 1), label)
        text = QFontMetricsF(fonts.text)
        x_title = QRectF(plot.left(), plot.bottom() + small.height() + 6, plot.width(), text.height())
        title = self.tr("Savings potential (cost × automation potential)")
        if text.horizontalAdvance(title) > plot.width():
            title = self.tr("Savings potential")
        draw_text(painter, x_title, title, fonts.text, style.TEXT, Qt.AlignmentFlag.AlignCenter)
        painter.save()
        painter.translate(frame.rect.left() + 12, plot.center().y())
        painter.rotate(-90)
        draw_text(painter, QRectF(-plot.height() / 2, 0, plot.height(), text.height()), self.tr("Ease of implementation"), fonts.text,
                  style.TEXT, Qt.AlignmentFlag.AlignCenter)
        painter.restore()


def _overlaps_circle(rect: QRectF, circle: QRectF) -> bool:
    """Whether ``rect`` touches the disc inscribed in ``circle``."""
    c, r = circle.center(), circle.width() / 2
    dx = max(rect.left() - c.x(), 0.0, c.x() - rect.right())
    dy = max(rect.top() - c.y(), 0.0, c.y() - rect.bottom())
    return dx * dx + dy * dy < r * r

