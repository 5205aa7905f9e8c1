"""How a line layer paints: a repaint draws the cached paths of the buckets and long-run
slots under the area the window asked for, the moving lines cut to it, the arrowheads ending
in it; an export draws every line once, whole.

The area is read from the painter's system clip (the window's dirty region, strip by strip),
not only from ``option.exposedRect``, which is the bounding box of all of it: after a card
moved, its lines' strips may lie far apart, and their bounding box is most of the view. What
a picture looks like (smooth or not, arrowheads or not, fine or coarse stretches) is chosen
from the whole view, never from the painted area, so a repaint of a strip draws the pixels a
repaint of the whole view would.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from ui import style
from ui.canvas.items.line_index import BUCKET, Cell, Key, Point, long_slots, slot_level, slot_runs, slot_stretch
from ui.canvas.items.line_shapes import arrow_head, clip, draw_lines, heads_path
from ui.canvas.items.line_tracks import Pieces, SlotBands, cut_to, stretch_pieces, track_path

NORMAL, HIGHLIGHTED, DIMMED, SELECTED = range(4)
#: Drawing order: faded first, emphasised last (on top).
ORDER = (DIMMED, NORMAL, HIGHLIGHTED, SELECTED)
#: Below this scale dashes and arrowheads are invisible noise; lines are drawn plain.
LOD_PLAIN = 0.45
CELL = 512.0  #: grid of line ends, for arrowheads
#: Smooth lines only where fewer pieces than this are in view (a hairball of thousands of
#: crossing lines reads the same without, at a fifth of the cost).
SMOOTH_BELOW = 1600
#: Arrowheads only where at most this many cells of CELL are in view.
HEAD_CELLS = 400
#: The pieces of the lines of this many buckets are kept (about 1 MB each at 50,000 units).
KEPT_PIECES = 64
#: The runs by band of this many fine long-run slots are kept (see SlotBands).
KEPT_SLOTS = 32


def painted_areas(painter: QPainter, exposed: QRectF, lod: float) -> list[QRectF]:
    """The parts of ``exposed`` (item coordinates) this paint can touch: the rectangles of the
    painter's system clip, mapped back, when they are what ``exposed`` bounds; else ``exposed``."""
    engine = painter.paintEngine()
    region = engine.systemClip() if engine is not None else None
    if region is None or region.rectCount() < 2:
        return [exposed]
    inverse, invertible = painter.deviceTransform().inverted()
    if not invertible:
        return [exposed]
    whole = QRectF()
    areas = []
    for rect in region:
        area = inverse.mapRect(QRectF(rect))
        whole = whole.united(area)
        area = area.intersected(exposed)
        if not area.isEmpty():
            areas.append(area)
    # The clip is in device pixels: if it is not what the exposed rect was cut from (a device
    # of another pixel ratio, a clip of someone else's), paint all of the exposed rect.
    slack = 3.0 / max(lod, 1e-6)
    if not whole.adjusted(-slack, -slack, slack, slack).contains(exposed):
        return [exposed]
    return areas or [exposed]


class LinePainting:
    """The painting half of :class:`~ui.canvas.items.line_layer.LineLayer` (which holds the
    lines, their looks and their bucket index: see there for these attributes)."""

    _color: QColor
    _dashed: bool
    _arrows: bool
    _points: dict[Key, list[Point]]
    _moving: set[Key]
    _highlighted: set[Key] | None
    _selected: set[Key]
    _filter: set[Key] | None
    _members: dict[Cell, set[Key]] | None
    _long: dict
    _paths: dict[tuple, dict[int, QPainterPath]]
    _pieces: dict[Cell, dict[Key, Pieces]]
    _bands: dict[tuple, SlotBands]
    _coarse_cached: bool
    #: whether the last repaint drew dashes (see LineLayer._update_along)
    _dashes_drawn: bool
    #: the long-run slots' levels of the last repaint, rows' and columns' (see long_slots)
    _levels: tuple[int, int]
    _heads: dict[Key, list[QLineF]]
    _grid: dict[tuple[int, int], set[Key]] | None
    _labels: dict[Key, tuple[str, QRectF]]
    showing: str
    full_detail: bool
    pen_scale: float | None
    or_mark: str

    def _category(self, key: Key) -> int:
        raise NotImplementedError

    def _index_all(self) -> dict[Cell, set[Key]]:
        raise NotImplementedError

    def _index(self, key: Key, pts: list[Point]) -> None:
        raise NotImplementedError

    def _forget_looks(self) -> None:
        raise NotImplementedError

    def _pen(self, category: int, plain: bool, smooth: bool, scale: float) -> QPen:
        color = {NORMAL: self._color, HIGHLIGHTED: style.HIGHLIGHT, DIMMED: style.DIMMED_LINE, SELECTED: style.SELECTION}[category]
        dashed = self._dashed and not plain
        # On screen 1 px: Qt's cosmetic line stepper, which cuts a line at the device's edges
        # whatever part of it is painted. (1.2 px, solid and aliased, is quicker, 13 ms against
        # 23 ms for 5,000 lines, but its outline is cut to the painted area: a repaint of a
        # strip drew an arrowhead's end pixel that a repaint of the view did not.) An export
        # (``pen_scale`` set) paints everything at once: 1.2 px there.
        thin = 1.2 if self.pen_scale is not None and not (smooth or dashed) else 1.0
        width = {NORMAL: thin, HIGHLIGHTED: 1.6, DIMMED: thin, SELECTED: 2.4}[category]
        # Cosmetic: as wide at any zoom; times the output's pixels per line pixel, so that a
        # 2x export or a high-DPI screen does not draw hairlines.
        pen = QPen(color, width * scale)
        pen.setCosmetic(True)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def _cell_paths(self, cell: Cell) -> dict[int, QPainterPath]:
        """The cached paths of one bucket, by look: the pieces of its lines inside it, each
        track's merged (see :mod:`~ui.canvas.items.line_tracks`)."""
        paths = self._paths.get(cell)
        if paths is None:
            cut = self._cut_of(cell)
            left, top = cell[0] * BUCKET, cell[1] * BUCKET
            right, bottom = left + BUCKET, top + BUCKET
            chosen, moving, points = self._filter, self._moving, self._points
            groups: dict[int, list[Pieces]] = {}
            for key in self._members.get(cell, ()):
                if key in moving or (chosen is not None and key not in chosen):
                    continue
                pieces = cut.get(key)
                if pieces is None:
                    pieces = cut[key] = cut_to(points[key], left, top, right, bottom)
                if pieces:
                    groups.setdefault(self._category(key), []).append(pieces)
            paths = self._paths[cell] = {category: track_path(lines) for category, lines in groups.items()}
        return paths

    def _cut_of(self, cell: Cell) -> dict[Key, Pieces]:
        """The pieces of each line in a bucket, as far as cut (the most recently used buckets'
        are kept: a bucket's paths are made again from them when one of its lines changes)."""
        cut = self._pieces.pop(cell, None)
        if cut is None:
            cut = {}
            if len(self._pieces) >= KEPT_PIECES:
                del self._pieces[next(iter(self._pieces))]
        self._pieces[cell] = cut  # last: the most recently used
        return cut

    def _slot_paths(self, slot: tuple) -> dict[int, QPainterPath]:
        """The cached paths of one long-run slot (fine or coarse), by look: its runs cut to
        the slot's stretch (each stretch draws its own part of a run: once, however many it
        crosses), each track's merged; a fine slot's put together from its bands'."""
        paths = self._paths.get(slot)
        if paths is None:
            self._coarse_cached = self._coarse_cached or len(slot) == 4
            first, last = slot_stretch(slot)
            chosen, moving, category = self._filter, self._moving, self._category
            across = slot[0] == "h"

            def look_of(key: Key) -> int | None:
                if key in moving or (chosen is not None and key not in chosen):
                    return None
                return category(key)

            if len(slot) == 3:
                paths = {}
                bands = self._bands_of(slot)
                for band in sorted(bands.runs):
                    for look, path in bands.band_paths(band, look_of).items():
                        if look in paths:
                            paths[look].addPath(path)
                        else:
                            paths[look] = QPainterPath(path)
            else:
                groups: dict[int, list[Pieces]] = {}
                for key, runs in slot_runs(self._long, slot).items():
                    look = look_of(key)
                    if look is not None:
                        groups.setdefault(look, []).append(stretch_pieces(runs, across, first, last))
                paths = {look: track_path(lines) for look, lines in groups.items()}
            self._paths[slot] = paths
        return paths

    def _bands_of(self, slot: tuple) -> SlotBands:
        """A fine slot's runs by band, up to date (the most recently used slots' are kept)."""
        bands = self._bands.pop(slot, None)
        if bands is None:
            bands = SlotBands(slot)
            if len(self._bands) >= KEPT_SLOTS:
                del self._bands[next(iter(self._bands))]
        self._bands[slot] = bands
        bands.refresh(self._long.get(slot, {}))
        return bands

    def _long_slots(self, exposed: QRectF, levels: tuple[int, int] | None = None) -> list[tuple]:
        """The long-run slots with runs in the painted area (see :func:`long_slots`)."""
        return long_slots(self._long, exposed.left(), exposed.top(), exposed.right(), exposed.bottom(), levels)

    def _busy(self, visible: QRectF) -> int:
        """About how many pieces of line the view shows, up to :data:`SMOOTH_BELOW`: two for
        each line in each bucket in view, and each moving segment (the same for any part of
        the view that is painted)."""
        count = 2 * sum(len(pts) - 1 for pts in map(self._points.__getitem__, self._moving))
        members = self._index_all() if self.showing != "moving" else {}
        left, right = int(visible.left() // BUCKET), int(visible.right() // BUCKET)
        top, bottom = int(visible.top() // BUCKET), int(visible.bottom() // BUCKET)
        if (right - left + 1) * (bottom - top + 1) > len(members):
            cells = (cell for cell in members if left <= cell[0] <= right and top <= cell[1] <= bottom)
        else:
            cells = ((cx, cy) for cx in range(left, right + 1) for cy in range(top, bottom + 1))
        for cell in cells:
            if count >= SMOOTH_BELOW:
                break
            count += 2 * len(members.get(cell, ()))
        return count

    def _paint_cells(self, painter: QPainter, exposed: QRectF, visible: QRectF, lod: float, scale: float) -> None:
        """A repaint: the cached paths of the buckets in the painted areas, the long runs and
        the moving lines cut to them, the arrowheads ending in them. ``visible``: the whole
        view, whose look every part of it takes."""
        plain = lod < LOD_PLAIN
        smooth = self.full_detail or (lod > 0.6 and self._busy(visible) < SMOOTH_BELOW)
        self._dashes_drawn = self._dashed and not plain
        painted = painted_areas(painter, exposed, lod)
        # A line of a bucket next door reaches this far in, a pen's width (cosmetic: pixels).
        pad = max(2.0, 3.0 * scale / max(lod, 1e-6))
        areas = [area.adjusted(-pad, -pad, pad, pad) for area in painted]
        bound = QRectF()
        for area in areas:
            bound = bound.united(area)
        # Solid and aliased, each area is drawn on its own, cut to it: Qt then rasterises only
        # the lines in it, where the box around all of them is most of the view (opaque pens,
        # aliased: a pixel drawn twice where areas meet comes out the same). Smooth lines would
        # blend twice, and are few enough to draw once, within the window's clip; dashes are
        # laid along a whole line however little of it shows, so a dashed path is drawn once.
        levels = self._levels = (slot_level(visible.width()), slot_level(visible.height()))
        if not smooth and not self._dashes_drawn and len(areas) > 1:
            parts = [(area, self._paths_in([area], levels)) for area in areas]
        else:
            parts = [(None, self._paths_in(areas, levels))]
        left, top, right, bottom = bound.left(), bound.top(), bound.right(), bound.bottom()
        pieces: dict[int, list[QLineF]] = {}
        if self.showing != "moving":
            self._slanted_pieces(pieces, left, top, right, bottom)
        if self._moving and self.showing != "static":
            for key in self._moving:
                pts = self._points[key]
                bucket = pieces.setdefault(self._category(key), [])
                for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
                    if meets(x1, y1, x2, y2, left, top, right, bottom):
                        bucket.append(QLineF(x1, y1, x2, y2))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pens = {category: self._pen(category, plain, smooth, scale) for category in ORDER}
        for area, groups in parts:
            if area is not None:
                painter.save()
                painter.setClipRect(area, Qt.ClipOperation.IntersectClip)
            for category in ORDER:
                if category in groups:
                    painter.setPen(pens[category])
                    for path in groups[category]:
                        painter.drawPath(path)
                if pieces.get(category):
                    painter.setPen(pens[category])
                    painter.drawLines(pieces[category])
            if area is not None:
                painter.restore()
        if self._arrows and not plain:
            self._paint_heads(painter, bound.adjusted(-12, -12, 12, 12), visible, scale)

    def _paths_in(self, areas: list[QRectF], levels: tuple[int, int]) -> dict[int, list[QPainterPath]]:
        """By look, the cached paths of the buckets and long-run slots that meet these areas,
        in the order a repaint of the whole view draws them (smooth lines blend in order)."""
        groups: dict[int, list[QPainterPath]] = {}
        if self.showing == "moving":
            return groups
        members = self._index_all()
        cells: set[Cell] = set()
        slots: set[tuple] = set()
        for area in areas:
            for cx in range(int(area.left() // BUCKET), int(area.right() // BUCKET) + 1):
                for cy in range(int(area.top() // BUCKET), int(area.bottom() // BUCKET) + 1):
                    if (cx, cy) in members:
                        cells.add((cx, cy))
            slots.update(self._long_slots(area, levels))
        for cell in sorted(cells):
            for category, path in self._cell_paths(cell).items():
                groups.setdefault(category, []).append(path)
        for slot in sorted(slots):
            for category, path in self._slot_paths(slot).items():
                groups.setdefault(category, []).append(path)
        return groups

    def _paint_whole(self, painter: QPainter, exposed: QRectF, lod: float, scale: float) -> None:
        """An export: every line once, whole, one path per look (Qt cuts them to the page)."""
        plain = lod < LOD_PLAIN
        chosen = self._filter
        lines = self._points if chosen is None else {key: pts for key, pts in self._points.items() if key in chosen}
        groups: dict[int, list[list[Point]]] = {}
        if self._highlighted is None and not self._selected:
            groups[NORMAL] = [pts for pts in lines.values() if len(pts) > 1]
        else:
            for key, pts in lines.items():
                if len(pts) > 1:
                    groups.setdefault(self._category(key), []).append(pts)
        count = 2 * sum(len(pts) - 1 for pts in lines.values())
        smooth = self.full_detail or (lod > 0.6 and count < SMOOTH_BELOW)  # as a repaint chooses
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for category in ORDER:
            if groups.get(category):
                draw_lines(painter, groups[category], self._pen(category, plain, smooth, scale), stacked=not smooth)
        cells = (int(exposed.right() // CELL) - int(exposed.left() // CELL) + 1) * (int(exposed.bottom() // CELL) - int(exposed.top() // CELL) + 1)
        if self._arrows and not plain and (self.full_detail or cells <= HEAD_CELLS):
            for category in ORDER:
                if groups.get(category):
                    painter.setPen(self._pen(category, True, False, scale))
                    painter.drawPath(heads_path(groups[category]))

    def _slanted_pieces(self, pieces: dict[int, list[QLineF]], left: float, top: float, right: float, bottom: float) -> None:
        """The odd slanted long run (a search that gave up) that meets the painted area, whole
        (Qt cuts each line to the device the same way in any repaint: cut here to the area,
        its pixels would step otherwise than in a repaint of another area)."""
        chosen, moving, category_of = self._filter, self._moving, self._category
        for key, runs in self._long.get(("s", 0, 0), {}).items():
            if key in moving or (chosen is not None and key not in chosen):
                continue
            for x1, y1, x2, y2 in runs:
                if meets(x1, y1, x2, y2, left, top, right, bottom):
                    pieces.setdefault(category_of(key), []).append(QLineF(x1, y1, x2, y2))

    def _paint_labels(self, painter: QPainter, exposed: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        font = painter.font()
        font.setPointSizeF(8.0)
        painter.setFont(font)
        or_mark = self.or_mark
        for key, (text, box) in self._labels.items():
            if not box.intersects(exposed) or (self._filter is not None and key not in self._filter):
                continue
            if self.showing != "all" and (key in self._moving) != (self.showing == "moving"):
                continue
            alternative = text.startswith(or_mark)
            painter.setPen(QPen(style.ALTERNATIVE, 1.2) if alternative else Qt.PenStyle.NoPen)
            painter.setBrush(style.CANVAS)
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(style.ALTERNATIVE if alternative else style.TEXT)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_heads(self, painter: QPainter, exposed: QRectF, visible: QRectF, scale: float) -> None:
        seen = (int(visible.right() // CELL) - int(visible.left() // CELL) + 1) * (int(visible.bottom() // CELL) - int(visible.top() // CELL) + 1)
        if seen > HEAD_CELLS and not self.full_detail:
            return  # far too much area for heads to be readable
        left, top = int(exposed.left() // CELL), int(exposed.top() // CELL)
        right, bottom = int(exposed.right() // CELL), int(exposed.bottom() // CELL)
        if self._grid is None:
            self._grid = {}
            for key, pts in self._points.items():
                self._index(key, pts)
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
                        pts = self._points[key]
                        head = self._heads[key] = arrow_head(QPointF(*pts[-1]), QPointF(*pts[-2]))
                    groups.setdefault(self._category(key), []).extend(head)
        for category in ORDER:
            if category in groups:
                painter.setPen(self._pen(category, True, False, scale))
                painter.drawLines(groups[category])


def meets(x1: float, y1: float, x2: float, y2: float, left: float, top: float, right: float, bottom: float) -> bool:
    """Whether a segment meets the rectangle (its part inside is not empty)."""
    return clip(x1, y1, x2, y2, left, top, right, bottom) is not None


def visible_area(painter: QPainter, widget: QWidget | None, exposed: QRectF) -> QRectF:
    """What the view shows, in item coordinates (a render to a picture: what it renders)."""
    if widget is None:
        return exposed
    inverse, invertible = painter.worldTransform().inverted()
    return inverse.mapRect(QRectF(widget.rect())) if invertible else exposed
