"""The shapes the line layers draw, as plain geometry: segments cut to a rectangle, org-chart
elbows, arrowheads."""

from __future__ import annotations

import math

from collections.abc import Iterable

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEngine, QPainter, QPainterPath, QPen

Point = tuple[float, float]


def clip(x1: float, y1: float, x2: float, y2: float, left: float, top: float, right: float,
          bottom: float) -> tuple[float, float, float, float] | None:
    """The part of a segment inside the rectangle (Liang–Barsky), or None."""
    dx, dy = x2 - x1, y2 - y1
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - top), (dy, bottom - y1)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            if t > t1:
                return None
            t0 = max(t0, t)
        else:
            if t < t0:
                return None
            t1 = min(t1, t)
    if t0 == t1 and (dx or dy):
        return None
    return (x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy)


def bounds(pts: list[Point]) -> QRectF:
    if not pts:
        return QRectF()
    xs = [x for x, _ in pts]
    ys = [y for _, y in pts]
    return QRectF(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def distance(px: float, py: float, x1: float, y1: float, x2: float, y2: float) -> float:
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / length2))
    return math.hypot(px - (x1 + t * dx), py - (y1 + t * dy))


def elbow_line(px: float, py: float, cx: float, cy: float, width: float, height: float, level_gap: float) -> list[Point]:
    """A reporting line as an org-chart elbow between the cards at (px, py) (the parent) and
    (cx, cy) (the child): down from the parent, across, down into the child."""
    top_x, top_y = px + width / 2, py + height
    bottom_x = cx + width / 2
    # The bus runs just above the child: halfway for the next level down, and in the
    # gap above it for leaves stacked in columns under their parent.
    middle_y = cy - min(level_gap / 2, (cy - top_y) / 2)
    return [(top_x, top_y), (top_x, middle_y), (bottom_x, middle_y), (bottom_x, cy)]


_BARB = math.radians(26)


def head_ends(tx: float, ty: float, sx: float, sy: float, size: float = 11.0) -> tuple[Point, Point]:
    """The far ends of the two barbs of an arrowhead at (tx, ty) pointing away from (sx, sy)."""
    angle = math.atan2(ty - sy, tx - sx)
    a, b = angle + math.pi + _BARB, angle + math.pi - _BARB
    return (tx + size * math.cos(a), ty + size * math.sin(a)), (tx + size * math.cos(b), ty + size * math.sin(b))


def arrow_head(tip: QPointF, tail: QPointF, size: float = 11.0) -> list[QLineF]:
    """An open arrowhead (UML dependency style) at ``tip``, pointing away from ``tail``."""
    return [QLineF(tip, QPointF(*end)) for end in head_ends(tip.x(), tip.y(), tail.x(), tail.y(), size)]


def whole_path(lines: Iterable[list[Point]], path: QPainterPath | None = None) -> QPainterPath:
    """Every segment of these polylines, each its own subpath (a dash pattern starts afresh
    at each, as when segments are drawn one by one), added to ``path`` or a new one."""
    path = QPainterPath() if path is None else path
    move, line = path.moveTo, path.lineTo
    for pts in lines:
        for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
            move(x1, y1)
            line(x2, y2)
    return path


#: An export's lines with more segments than this may be drawn stacked (``line_ink``).
STACKED_FROM = 10_000


def draw_lines(painter: QPainter, lines: list[list[Point]], pen: QPen, stacked: bool) -> None:
    """Draw these polylines (each of two points or more) whole with ``pen``; ``stacked``
    (aliased): thin lines of a big picture a stretch of ink at a time (see ``line_ink``)."""
    if (stacked and pen.style() == Qt.PenStyle.SolidLine and pen.isCosmetic() and pen.color().alpha() == 255
            and painter.paintEngine().type() == QPaintEngine.Type.Raster
            and painter.compositionMode() == QPainter.CompositionMode.CompositionMode_SourceOver
            and sum(map(len, lines)) - len(lines) > STACKED_FROM):
        from ui.canvas.items.line_ink import stacked_paths  # numpy: only for big pictures

        for ink, path in stacked_paths(lines, pen):
            painter.setPen(ink)
            painter.drawPath(path)
        return
    painter.setPen(pen)
    painter.drawPath(whole_path(lines))


def heads_path(lines: Iterable[list[Point]]) -> QPainterPath:
    """The arrowheads at the last point of these polylines, as one path."""
    path = QPainterPath()
    move, line = path.moveTo, path.lineTo
    # Routed lines end in an axis-parallel run: their heads are one of four shapes, whose
    # barbs' offsets (the same floats head_ends gives: atan2 of an axis is exact) are looked
    # up instead of computed with trigonometry for each of 30,000 heads.
    axis = {direction: [(bx, by) for bx, by in head_ends(0.0, 0.0, -direction[0], -direction[1])]
            for direction in ((1, 0), (-1, 0), (0, 1), (0, -1))}
    for pts in lines:
        (sx, sy), (tx, ty) = pts[-2], pts[-1]
        if sy == ty and sx != tx:
            barbs = axis[(1, 0) if tx > sx else (-1, 0)]
        elif sx == tx and sy != ty:
            barbs = axis[(0, 1) if ty > sy else (0, -1)]
        else:
            for end in head_ends(tx, ty, sx, sy):
                move(tx, ty)
                line(*end)
            continue
        for bx, by in barbs:
            move(tx, ty)
            line(tx + bx, ty + by)
    return path
