"""All lines of one kind drawn by one item: dependencies, or reporting lines.

One ``QGraphicsItem`` per line made Qt's scene index the bottleneck (about 3 s to index
30,000 lines at open). Here a layer holds every line's segments and draws them with a few
``drawLines`` calls from cached flat lists, grouped by look. Lines of units being dragged
are kept out of the cache and drawn on their own, so a drag does not rebuild 30,000 lines.
Arrowheads are made only for lines ending in the painted area, when zoomed in enough to
see them (a grid of end points finds those quickly).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from typing_extensions import override

from ui import style

Key = Hashable
#: A segment as plain numbers: (x1, y1, x2, y2).
Coords = tuple[float, float, float, float]

NORMAL, HIGHLIGHTED, DIMMED, SELECTED = range(4)
#: Drawing order: faded first, emphasised last (on top).
ORDER = (DIMMED, NORMAL, HIGHLIGHTED, SELECTED)
#: Below this scale dashes and arrowheads are invisible noise; lines are drawn plain.
LOD_PLAIN = 0.45
CELL = 512.0


class LineLayer(QGraphicsItem):
    """Segments per key. With ``arrows``, the last segment of a line gets an open head."""

    def __init__(self, color: QColor, dashed: bool, arrows: bool = False) -> None:
        super().__init__()
        self._color = color
        self._dashed = dashed
        self._arrows = arrows
        self._lines: dict[Key, list[QLineF]] = {}
        #: Per key, its segments with their bounding boxes, for culling at paint time.
        self._boxes: dict[Key, list[tuple[float, float, float, float, QLineF]]] = {}
        self._moving: set[Key] = set()
        self._highlighted: set[Key] | None = None
        self._selected: set[Key] = set()
        self._flat: dict[int, list[QLineF]] | None = None
        self._heads: dict[Key, list[QLineF]] = {}
        self._grid: dict[tuple[int, int], set[Key]] | None = None
        self._cell_of: dict[Key, tuple[int, int]] = {}
        self._bounds = QRectF()
        #: Which lines to paint: "all", "static" (not the moving ones) or "moving" (only
        #: those; the rest is in the scene's frozen picture during a large drag).
        self.showing = "all"
        #: Exports: dashes, arrowheads and smooth lines at any scale.
        self.full_detail = False
        self._filter: set[Key] | None = None
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # Without this, option.exposedRect is the whole layer and nothing can be culled.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    # -- contents --------------------------------------------------------------------------

    def keys(self) -> list[Key]:
        return list(self._lines)

    def segments(self, key: Key) -> list[QLineF]:
        return list(self._lines.get(key, ()))

    def set_all(self, lines: dict[Key, list[Coords]]) -> None:
        """Replace every line at once (open, rebuild); each line is a list of segments
        given as ``(x1, y1, x2, y2)``."""
        self.prepareGeometryChange()
        self._lines, self._boxes = {}, {}
        for key, coords in lines.items():
            self._lines[key], self._boxes[key] = _segments(coords)
        self._moving.clear()
        self._selected &= set(self._lines)
        self._flat = None
        self._heads.clear()
        self._grid = None  # built when heads are first painted (zoomed in), not at open
        self._cell_of.clear()
        boxes = [box for boxed in self._boxes.values() for box in boxed]
        if boxes:
            left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
            right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
            self._bounds = QRectF(left, top, right - left + 1, bottom - top + 1)
        else:
            self._bounds = QRectF()
        self.update()

    def _index(self, key: Key, segments: list[QLineF]) -> None:
        if self._grid is None:
            return
        end = segments[-1].p2()
        cell = (int(end.x() // CELL), int(end.y() // CELL))
        old = self._cell_of.get(key)
        if old != cell:
            if old is not None:
                self._grid[old].discard(key)
            self._grid.setdefault(cell, set()).add(key)
            self._cell_of[key] = cell

    def _update_along(self, segments: Iterable[QLineF]) -> None:
        """Ask for a repaint of the strip along each segment, in pieces: the bounding box of
        a long diagonal line covers much of the canvas, and every card in it would repaint."""
        for seg in segments:
            pieces = max(1, int(seg.length() // 300))
            for i in range(pieces):
                a, b = seg.pointAt(i / pieces), seg.pointAt((i + 1) / pieces)
                self.update(QRectF(a, b).normalized().adjusted(-14, -14, 14, 14))

    def set_line(self, key: Key, coords: list[Coords]) -> None:
        """Add or move one line; lines of units being dragged leave the cache alone."""
        self._update_along(self._lines.get(key, ()))
        new_line = key not in self._lines
        segments, self._boxes[key] = _segments(coords)
        self._lines[key] = segments
        self._heads.pop(key, None)
        if self._arrows:
            self._index(key, segments)
        new = self._dirty_rect(key)
        if not self._bounds.contains(new):
            self.prepareGeometryChange()
            self._bounds = self._bounds.united(new)
        if key not in self._moving:
            if new_line and self._flat is not None:
                self._flat.setdefault(self._category(key), []).extend(self._boxes[key])
            else:
                self._flat = None
        self._update_along(segments)

    def remove_line(self, key: Key) -> None:
        if key not in self._lines:
            return
        self._update_along(self._lines[key])
        del self._lines[key]
        del self._boxes[key]
        self._heads.pop(key, None)
        cell = self._cell_of.pop(key, None)
        if cell is not None and self._grid is not None:
            self._grid[cell].discard(key)
        self._moving.discard(key)
        self._selected.discard(key)
        if self._highlighted is not None:
            self._highlighted.discard(key)
        self._flat = None

    def _dirty_rect(self, key: Key) -> QRectF:
        rect = _bounds(self._lines.get(key, ()))
        return rect.adjusted(-14, -14, 14, 14) if not rect.isNull() else rect

    # -- state -----------------------------------------------------------------------------

    def set_moving(self, keys: Iterable[Key]) -> None:
        """Lines about to move with a drag are drawn live, outside the cache."""
        keys = set(keys) & set(self._lines)
        if keys != self._moving:
            self._moving = keys
            self._flat = None
            self.update()

    def set_filter(self, keys: set[Key] | None) -> None:
        """Draw only these lines (an export of the selection); ``None``: all."""
        self._filter = None if keys is None else set(keys)
        self._flat = None
        self.update()

    def set_highlighted(self, keys: set[Key] | None) -> None:
        """``None``: no analysis shown; otherwise these lines stand out and others fade."""
        keys = None if keys is None else set(keys)
        if keys == self._highlighted:
            return  # a refresh after an unrelated edit must not repaint 30,000 lines
        old, self._highlighted = self._highlighted, keys
        self._flat = None
        if old is None or keys is None:
            self.update()
        else:  # only the lines that changed look
            for key in old ^ keys:
                self._update_along(self._lines.get(key, ()))

    def set_selected(self, keys: Iterable[Key]) -> None:
        keys = set(keys)
        if keys != self._selected:
            self._selected = keys
            self._flat = None
            self.update()

    def selected(self) -> set[Key]:
        return set(self._selected)

    def highlighted(self) -> set[Key] | None:
        return None if self._highlighted is None else set(self._highlighted)

    def key_at(self, point: QPointF, tolerance: float) -> Key | None:
        """The line nearest to ``point`` within ``tolerance`` (scene units), if any."""
        best, best_distance = None, tolerance
        px, py = point.x(), point.y()
        for key, segments in self._lines.items():
            for seg in segments:
                x1, y1, x2, y2 = seg.x1(), seg.y1(), seg.x2(), seg.y2()
                if min(x1, x2) - tolerance > px or max(x1, x2) + tolerance < px:
                    continue
                if min(y1, y2) - tolerance > py or max(y1, y2) + tolerance < py:
                    continue
                distance = _distance(px, py, x1, y1, x2, y2)
                if distance <= best_distance:
                    best, best_distance = key, distance
        return best

    # -- painting --------------------------------------------------------------------------

    @override
    def boundingRect(self) -> QRectF:
        return self._bounds.adjusted(-14, -14, 14, 14)

    def _category(self, key: Key) -> int:
        if key in self._selected:
            return SELECTED
        if self._highlighted is None:
            return NORMAL
        return HIGHLIGHTED if key in self._highlighted else DIMMED

    def _pen(self, category: int, plain: bool, smooth: bool = False) -> QPen:
        color = {NORMAL: self._color, HIGHLIGHTED: style.HIGHLIGHT, DIMMED: style.DIMMED_LINE, SELECTED: style.SELECTION}[category]
        dashed = self._dashed and not plain
        # Measured on 5,000 random lines: solid and aliased, 1.2 px takes Qt's fast path
        # (13 ms, against 23 ms at exactly 1 px); antialiased or dashed, 1 px is cheapest.
        thin = 1.0 if smooth or dashed else 1.2
        width = {NORMAL: thin, HIGHLIGHTED: 2.4, DIMMED: thin, SELECTED: 2.4}[category]
        pen = QPen(color, width)
        pen.setCosmetic(True)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def _group(self, keys: Iterable[Key]) -> dict[int, list[tuple[float, float, float, float, QLineF]]]:
        """Segments (with their bounding boxes) by look."""
        groups: dict[int, list[tuple[float, float, float, float, QLineF]]] = {}
        boxes = self._boxes
        if self._highlighted is None and not self._selected:
            normal = groups[NORMAL] = []
            for key in keys:
                normal += boxes[key]
            return groups
        for key in keys:
            groups.setdefault(self._category(key), []).extend(boxes[key])
        return groups

    @override
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = 1.0 if self.full_detail else option.levelOfDetailFromTransform(painter.worldTransform())
        plain = lod < LOD_PLAIN
        # Antialiased long lines are the costliest part of a zoomed-out repaint.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.6)
        if self._flat is None:
            chosen = self._filter
            self._flat = self._group(k for k in self._lines if k not in self._moving and (chosen is None or k in chosen))
        flat = self._flat if self.showing != "moving" else {}
        moving = self._group(self._moving) if self._moving and self.showing != "static" else {}
        exposed = option.exposedRect
        if painter.hasClipping():  # QGraphicsScene.render gives the whole layer as exposed
            exposed = exposed.intersected(painter.clipBoundingRect())
        exposed = exposed.adjusted(-2, -2, 2, 2)
        left, top, right, bottom = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        for category in ORDER:
            boxed = flat.get(category, []) + moving.get(category, [])
            # Only lines crossing the painted area, cut to it: Qt dashes (and rasterises) a
            # whole 20,000-unit line even when 200 units of it are visible.
            segments = [
                _clip(seg, left, top, right, bottom) if (x2 - x1 > right - left or y2 - y1 > bottom - top) else seg
                for x1, y1, x2, y2, seg in boxed
                if x1 <= right and x2 >= left and y1 <= bottom and y2 >= top
            ]
            segments = [seg for seg in segments if seg is not None]
            if segments:
                # Smooth lines only where they are few enough to afford (a hairball of
                # thousands of crossing lines reads the same without, at a fifth of the cost).
                smooth = self.full_detail or (lod > 0.6 and len(segments) < 400)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
                painter.setPen(self._pen(category, plain, smooth))
                painter.drawLines(segments)
        if self._arrows and not plain:
            self._paint_heads(painter, exposed)

    def _paint_heads(self, painter: QPainter, exposed: QRectF) -> None:
        left, top = int(exposed.left() // CELL), int(exposed.top() // CELL)
        right, bottom = int(exposed.right() // CELL), int(exposed.bottom() // CELL)
        if (right - left + 1) * (bottom - top + 1) > 400 and not self.full_detail:
            return  # far too much area for heads to be readable
        if self._grid is None:
            self._grid = {}
            for key, segments in self._lines.items():
                self._index(key, segments)
        groups: dict[int, list[QLineF]] = {}
        for cx in range(left, right + 1):
            for cy in range(top, bottom + 1):
                for key in self._grid.get((cx, cy), ()):
                    if self._filter is not None and key not in self._filter:
                        continue
                    if self.showing != "all" and (key in self._moving) != (self.showing == "moving"):
                        continue
                    head = self._heads.get(key)
                    if head is None:
                        last = self._lines[key][-1]
                        head = self._heads[key] = arrow_head(last.p2(), last.p1())
                    groups.setdefault(self._category(key), []).extend(head)
        for category in ORDER:
            if category in groups:
                pen = self._pen(category, plain=True)
                painter.setPen(pen)
                painter.drawLines(groups[category])


def _segments(coords: list[Coords]) -> tuple[list[QLineF], list[tuple[float, float, float, float, QLineF]]]:
    """Segments and their bounding boxes, from plain numbers (no getter calls: at open this
    runs for 60,000 segments)."""
    segments, boxes = [], []
    for x1, y1, x2, y2 in coords:
        seg = QLineF(x1, y1, x2, y2)
        segments.append(seg)
        boxes.append((x1 if x1 < x2 else x2, y1 if y1 < y2 else y2, x2 if x1 < x2 else x1, y2 if y1 < y2 else y1, seg))
    return segments, boxes


def _clip(seg: QLineF, left: float, top: float, right: float, bottom: float) -> QLineF | None:
    """The part of ``seg`` inside the rectangle (Liang–Barsky), or None."""
    x1, y1 = seg.x1(), seg.y1()
    dx, dy = seg.x2() - x1, seg.y2() - y1
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
    return QLineF(x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy)


def _bounds(segments: Iterable[QLineF]) -> QRectF:
    xs: list[float] = []
    ys: list[float] = []
    for seg in segments:
        xs += (seg.x1(), seg.x2())
        ys += (seg.y1(), seg.y2())
    if not xs:
        return QRectF()
    return QRectF(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def _distance(px: float, py: float, x1: float, y1: float, x2: float, y2: float) -> float:
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / length2))
    return math.hypot(px - (x1 + t * dx), py - (y1 + t * dy))


def border_line(ax: float, ay: float, bx: float, by: float, width: float, height: float) -> Coords:
    """The line between two cards' centres, clipped to both cards' borders (top-left corners
    given). Plain float arithmetic: it runs 30,000 times when a model opens."""
    hw, hh = width / 2, height / 2
    acx, acy, bcx, bcy = ax + hw, ay + hh, bx + hw, by + hh
    dx, dy = bcx - acx, bcy - acy
    if dx == 0 and dy == 0:
        return (acx, acy, bcx, bcy)
    scale = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
    return (acx + dx * scale, acy + dy * scale, bcx - dx * scale, bcy - dy * scale)


def elbow_line(px: float, py: float, cx: float, cy: float, width: float, height: float, level_gap: float) -> list[Coords]:
    """A reporting line as an org-chart elbow between the cards at (px, py) (the parent) and
    (cx, cy) (the child): down from the parent, across, down into the child."""
    top_x, top_y = px + width / 2, py + height
    bottom_x = cx + width / 2
    # The bus runs just above the child: halfway for the next level down, and in the
    # gap above it for leaves stacked in columns under their parent.
    middle_y = cy - min(level_gap / 2, (cy - top_y) / 2)
    return [(top_x, top_y, top_x, middle_y), (top_x, middle_y, bottom_x, middle_y), (bottom_x, middle_y, bottom_x, cy)]


def arrow_head(tip: QPointF, tail: QPointF, size: float = 11.0) -> list[QLineF]:
    """An open arrowhead (UML dependency style) at ``tip``, pointing away from ``tail``."""
    angle = math.atan2(tip.y() - tail.y(), tip.x() - tail.x())
    lines = []
    for side in (-1, 1):
        a = angle + math.pi - side * math.radians(26)
        lines.append(QLineF(tip, QPointF(tip.x() + size * math.cos(a), tip.y() + size * math.sin(a))))
    return lines
