"""All lines of one kind drawn by one item: dependencies, or reporting lines.

One ``QGraphicsItem`` per line made Qt's scene index the bottleneck (about 3 s to index
30,000 lines at open). Here a layer holds every line as a polyline (a list of points) and
draws it from cached ``QPainterPath``s, one per look and per square bucket of the canvas:
a repaint draws the paths of the buckets in the painted area, made once and kept until a
line in that bucket changes, instead of culling and clipping every segment in Python. Lines
of units being dragged are kept out of the cache and drawn on their own, so a drag does not
rebuild 30,000 lines. Arrowheads are made only for lines ending in the painted area, when
zoomed in enough to see them; labels likewise, at the place the scene chose for them.

An export draws every line once: it takes none of that (``whole``), and draws each look's
lines whole, as one path, without indexing them into buckets or cutting them to any.
"""


from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from typing_extensions import override

from ui import style
from ui.canvas.items.line_hits import LineHits
from ui.canvas.items.line_index import BUCKET, LONG, Cell, Key, LineIndex, Point, coarse_slots, enter_line, long_slots, slot_runs, slot_stretch
from ui.canvas.items.line_shapes import arrow_head, bounds, clip, draw_lines, heads_path
from ui.canvas.items.release import release_aside

NORMAL, HIGHLIGHTED, DIMMED, SELECTED = range(4)
#: Drawing order: faded first, emphasised last (on top).
ORDER = (DIMMED, NORMAL, HIGHLIGHTED, SELECTED)
#: Below this scale dashes and arrowheads are invisible noise; lines are drawn plain.
LOD_PLAIN = 0.45
CELL = 512.0  #: grid of line ends, for arrowheads


class LineLayer(LineHits, QGraphicsItem):
    """Polylines per key. With ``arrows``, the last segment of a line gets an open head."""

    def __init__(self, color: QColor, dashed: bool, arrows: bool = False) -> None:
        super().__init__()
        self._color = color
        self._dashed = dashed
        self._arrows = arrows
        self._points: dict[Key, list[Point]] = {}
        self._moving: set[Key] = set()
        self._highlighted: set[Key] | None = None
        self._selected: set[Key] = set()
        #: bucket -> keys with a segment in it; key -> its buckets (None: not indexed yet)
        self._members: dict[Cell, set[Key]] | None = None
        self._cells_of: dict[Key, tuple[Cell, ...]] = {}
        #: Runs longer than LONG are not cut into buckets: by bucket row ("h", row, stretch) or column
        #: ("v", column, stretch), one slot for each stretch of LONG a run meets, or ("s", 0, 0) if
        #: slanted: each key's (from, to, at) runs there.
        self._long: dict[tuple[str, int, int], dict[Key, tuple[tuple[float, float, float, float], ...]]] = {}
        self._long_of: dict[Key, tuple[tuple[str, int, int], ...]] = {}
        #: cached paths by look, of each bucket and of each long-run slot (see _slot_paths)
        self._paths: dict[tuple, dict[int, QPainterPath]] = {}
        #: Whether any coarse slot's paths were cached (zoomed out): only then does a changed
        #: line look for them (up to 12 per stretch it crosses).
        self._coarse_cached = False
        self._heads: dict[Key, list[QLineF]] = {}
        self._grid: dict[tuple[int, int], set[Key]] | None = None
        self._cell_of: dict[Key, tuple[int, int]] = {}
        self._labels: dict[Key, tuple[str, QRectF]] = {}
        self._bounds = QRectF()
        #: Which lines to paint: "all", "static" (not the moving ones) or "moving" (only
        #: those; the rest is in the scene's frozen picture during a large drag).
        self.showing = "all"
        #: Exports: dashes, arrowheads, labels and smooth lines at any scale.
        self.full_detail = False
        #: Exports: every line drawn whole, from its points, in one path per look; an export
        #: draws each line once, so the repaint's buckets (indexed, cut, cached) do not pay.
        self.whole = False
        #: Device pixels per scene unit of the output when an export draws (None: the
        #: screen's device pixel ratio); pens are that many pixels wide per line pixel.
        self.pen_scale: float | None = None
        self._filter: set[Key] | None = None
        #: How a label of an alternative begins ("OR:"); such labels are framed in its colour.
        self.or_mark = "\0"
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # Without this, option.exposedRect is the whole layer and nothing can be culled.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    # -- contents --------------------------------------------------------------------------

    def keys(self) -> list[Key]:
        return list(self._points)

    def points(self, key: Key) -> list[Point]:
        return list(self._points.get(key, ()))

    def segments(self, key: Key) -> list[QLineF]:
        pts = self._points.get(key, ())
        return [QLineF(x1, y1, x2, y2) for (x1, y1), (x2, y2) in zip(pts, pts[1:])]

    def set_all(self, lines: dict[Key, list[Point]], index: LineIndex | None = None) -> None:
        """Replace every line at once (open, rebuild); each line is a list of points.
        ``index``: their bucket index made by :func:`~ui.canvas.items.line_index.index_lines` from these very lines."""
        self.prepareGeometryChange()
        # The lists themselves, not copies: the router's routes are these very lists (a copy
        # of 150,000 routes was 75 MB at 50,000 units); no one changes a route in place.
        self._points = dict(lines)
        self._moving.clear()
        self._selected &= set(self._points)
        self._labels = {k: v for k, v in self._labels.items() if k in self._points}
        self._members = None  # indexed at the first paint or hit test, not at open
        release_aside(self._long)  # 22 million entries after an Org Chart at 10,000: 1 s to free
        self._cells_of, self._long, self._long_of = {}, {}, {}
        if index is not None:
            self._members, self._cells_of, self._long, self._long_of = index
        self._paths.clear()
        self._heads.clear()
        self._grid = None  # built when heads are first painted (zoomed in), not at open
        self._cell_of.clear()
        xs = [x for pts in self._points.values() for x, _ in pts]
        ys = [y for pts in self._points.values() for _, y in pts]
        self._bounds = QRectF(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1) if xs else QRectF()
        self.update()

    def _index_all(self) -> dict[Cell, set[Key]]:
        if self._members is None:
            self._members = {}
            for key, pts in self._points.items():
                self._enter(key, pts)
        return self._members

    def _enter(self, key: Key, pts: list[Point]) -> None:
        enter_line(self._members, self._cells_of, self._long, self._long_of, key, pts)

    def _leave(self, key: Key) -> set:
        """Take a line out of the index; the buckets and long-run slots it was in."""
        cells = self._cells_of.pop(key, ())
        if self._members is not None:
            for cell in cells:
                self._members[cell].discard(key)
        slots = self._long_of.pop(key, ())
        for slot in slots:
            self._long[slot].pop(key, None)
        return {*cells, *slots}

    def _places(self, key: Key) -> set:
        """The buckets and long-run slots a line is in (their cached paths hold it)."""
        return {*self._cells_of.get(key, ()), *self._long_of.get(key, ())}

    def _forget_paths(self, cells: Iterable[Cell]) -> None:
        paths = self._paths
        for cell in cells:
            paths.pop(cell, None)
            if self._coarse_cached and len(cell) == 3:  # a long-run slot: the coarse slots with its runs too
                for coarse in coarse_slots(cell):
                    paths.pop(coarse, None)

    def _restyle(self, keys: Iterable[Key]) -> None:
        """These lines change look: drop the cached paths they are in, repaint them."""
        for key in keys:
            self._forget_paths(self._places(key))
            self._update_along(self._points.get(key, ()))

    def _index(self, key: Key, pts: list[Point]) -> None:
        if self._grid is None:
            return
        end = pts[-1]
        cell = (int(end[0] // CELL), int(end[1] // CELL))
        old = self._cell_of.get(key)
        if old != cell:
            if old is not None:
                self._grid[old].discard(key)
            self._grid.setdefault(cell, set()).add(key)
            self._cell_of[key] = cell

    def _update_along(self, pts: list[Point]) -> None:
        """Ask for a repaint of the strip along each segment; a slanted one in pieces: the
        bounding box of a long one covers much of the canvas, and every card in it would
        repaint."""
        for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
            if x1 == x2 or y1 == y2:  # a routed run: its strip is thin, one rectangle
                self.update(QRectF(min(x1, x2) - 14, min(y1, y2) - 14, abs(x2 - x1) + 28, abs(y2 - y1) + 28))
                continue
            seg = QLineF(x1, y1, x2, y2)
            pieces = max(1, int(seg.length() // 300))
            for i in range(pieces):
                a, b = seg.pointAt(i / pieces), seg.pointAt((i + 1) / pieces)
                self.update(QRectF(a, b).normalized().adjusted(-14, -14, 14, 14))

    def set_line(self, key: Key, coords: list[Point]) -> None:
        """Add or move one line (a list of points)."""
        old = self._points.get(key)
        if old is not None:
            self._update_along(old)
        pts = [(float(x), float(y)) for x, y in coords]
        self._points[key] = pts
        self._heads.pop(key, None)
        if self._arrows:
            self._index(key, pts)
        if self._members is not None:
            self._forget_paths(self._leave(key))
            self._enter(key, pts)
            if key not in self._moving:
                self._forget_paths(self._places(key))
        new = bounds(pts).adjusted(-14, -14, 14, 14)
        if not self._bounds.contains(new):
            self.prepareGeometryChange()
            self._bounds = self._bounds.united(new) if not self._bounds.isNull() else new
        self._update_along(pts)

    def remove_line(self, key: Key, keep_marks: bool = False) -> None:
        """Take a line away; ``keep_marks``: it is coming back (a line being re-routed), selected
        or highlighted as it was."""
        if key not in self._points:
            return
        self._update_along(self._points[key])
        self._forget_paths(self._leave(key))
        del self._points[key]
        self._heads.pop(key, None)
        label = self._labels.pop(key, None)
        if label is not None:
            self.update(label[1])
        cell = self._cell_of.pop(key, None)
        if cell is not None and self._grid is not None:
            self._grid[cell].discard(key)
        self._moving.discard(key)
        if not keep_marks:
            self._selected.discard(key)
            if self._highlighted is not None:
                self._highlighted.discard(key)

    def set_label(self, key: Key, text: str | None, box: QRectF | None = None) -> None:
        """Show ``text`` in ``box`` (scene coordinates) beside a line; None: no label."""
        old = self._labels.pop(key, None)
        if old is not None:
            self.update(old[1])
        if text and box is not None:
            self._labels[key] = (text, QRectF(box))
            self.update(box)

    def label(self, key: Key) -> tuple[str, QRectF] | None:
        return self._labels.get(key)

    # -- state -----------------------------------------------------------------------------

    def set_moving(self, keys: Iterable[Key]) -> None:
        """Lines about to move with a drag are drawn live, outside the cache."""
        keys = set(keys) & set(self._points)
        if keys != self._moving:
            changed = keys ^ self._moving
            self._moving = keys
            self._restyle(changed)

    def set_filter(self, keys: set[Key] | None) -> None:
        """Draw only these lines (an export of the selection); ``None``: all."""
        self._filter = None if keys is None else set(keys)
        self._paths.clear()
        self.update()

    def set_highlighted(self, keys: set[Key] | None) -> None:
        """``None``: no analysis shown; otherwise these lines stand out and others fade."""
        keys = None if keys is None else set(keys)
        if keys == self._highlighted:
            return  # a refresh after an unrelated edit must not repaint 30,000 lines
        old, self._highlighted = self._highlighted, keys
        if old is None or keys is None:
            self._paths.clear()
            self.update()
        else:  # only the lines that changed look
            self._restyle(old ^ keys)

    def set_selected(self, keys: Iterable[Key]) -> None:
        keys = set(keys)
        if keys != self._selected:
            changed = keys ^ self._selected
            self._selected = keys
            self._restyle(changed)

    def selected(self) -> set[Key]:
        return set(self._selected)

    def highlighted(self) -> set[Key] | None:
        return None if self._highlighted is None else set(self._highlighted)

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

    def _pen(self, category: int, plain: bool, smooth: bool, scale: float) -> QPen:
        color = {NORMAL: self._color, HIGHLIGHTED: style.HIGHLIGHT, DIMMED: style.DIMMED_LINE, SELECTED: style.SELECTION}[category]
        dashed = self._dashed and not plain
        # Solid and aliased, 1.2 px takes Qt's fast path (measured: 13 ms against 23 ms at
        # exactly 1 px for 5,000 lines); antialiased or dashed, 1 px is cheapest.
        thin = 1.0 if smooth or dashed else 1.2
        width = {NORMAL: thin, HIGHLIGHTED: 1.6, DIMMED: thin, SELECTED: 2.4}[category]
        # Cosmetic: as wide at any zoom; times the output's pixels per line pixel, so that a
        # 2x export or a high-DPI screen does not draw hairlines.
        pen = QPen(color, width * scale)
        pen.setCosmetic(True)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def _cell_paths(self, cell: Cell) -> dict[int, QPainterPath]:
        """The cached paths of one bucket, by look: the pieces of its lines inside it."""
        paths = self._paths.get(cell)
        if paths is None:
            paths = self._paths[cell] = {}
            left, top = cell[0] * BUCKET, cell[1] * BUCKET
            right, bottom = left + BUCKET, top + BUCKET
            chosen = self._filter
            for key in self._members.get(cell, ()):
                if key in self._moving or (chosen is not None and key not in chosen):
                    continue
                category = self._category(key)
                path = paths.get(category)
                if path is None:
                    path = paths[category] = QPainterPath()
                pts = self._points[key]
                move_to, line_to = path.moveTo, path.lineTo
                for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
                    if abs(x2 - x1) + abs(y2 - y1) > LONG:
                        continue  # drawn from the long runs, cut to the painted area
                    # Routed runs are axis-parallel: cut them with comparisons (as ``clip`` does).
                    if y1 == y2 and x1 != x2:
                        if top <= y1 <= bottom:
                            a, b = (max(x1, left), min(x2, right)) if x1 < x2 else (min(x1, right), max(x2, left))
                            if (a < b) if x1 < x2 else (a > b):
                                move_to(a, y1)
                                line_to(b, y1)
                        continue
                    if x1 == x2 and y1 != y2:
                        if left <= x1 <= right:
                            a, b = (max(y1, top), min(y2, bottom)) if y1 < y2 else (min(y1, bottom), max(y2, top))
                            if (a < b) if y1 < y2 else (a > b):
                                move_to(x1, a)
                                line_to(x1, b)
                        continue
                    piece = clip(x1, y1, x2, y2, left, top, right, bottom)
                    if piece is not None:
                        move_to(piece[0], piece[1])
                        line_to(piece[2], piece[3])
        return paths

    def _slot_paths(self, slot: tuple) -> dict[int, QPainterPath]:
        """The cached paths of one long-run slot (fine or coarse), by look: its runs cut to
        the slot's stretch (each stretch draws its own part of a run: once, however many it
        crosses)."""
        paths = self._paths.get(slot)
        if paths is None:
            paths = self._paths[slot] = {}
            self._coarse_cached = self._coarse_cached or len(slot) == 4
            first, last = slot_stretch(slot)
            chosen, moving = self._filter, self._moving
            for key, runs in slot_runs(self._long, slot).items():
                if key in moving or (chosen is not None and key not in chosen):
                    continue
                category = self._category(key)
                path = paths.get(category)
                if path is None:
                    path = paths[category] = QPainterPath()
                for x1, y1, x2, y2 in runs:
                    if slot[0] == "h":
                        lo, hi = (x1, x2) if x1 < x2 else (x2, x1)
                        path.moveTo(lo if lo > first else first, y1)
                        path.lineTo(hi if hi < last else last, y1)
                    else:
                        lo, hi = (y1, y2) if y1 < y2 else (y2, y1)
                        path.moveTo(x1, lo if lo > first else first)
                        path.lineTo(x1, hi if hi < last else last)
        return paths

    @override
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = 1.0 if self.full_detail else option.levelOfDetailFromTransform(painter.worldTransform())
        scale = self.pen_scale if self.pen_scale is not None else painter.device().devicePixelRatioF()
        exposed = option.exposedRect
        if painter.hasClipping():  # QGraphicsScene.render gives the whole layer as exposed
            exposed = exposed.intersected(painter.clipBoundingRect())
        exposed = exposed.adjusted(-2, -2, 2, 2)
        if self.whole and self.showing == "all":
            self._paint_whole(painter, exposed, lod, scale)
        else:
            self._paint_cells(painter, exposed, lod, scale)
        if self._labels and (self.full_detail or lod > 0.6):
            self._paint_labels(painter, exposed)

    def _paint_cells(self, painter: QPainter, exposed: QRectF, lod: float, scale: float) -> None:
        """A repaint: the cached paths of the buckets in ``exposed``, the long runs and the
        moving lines cut to it, the arrowheads ending in it."""
        plain = lod < LOD_PLAIN
        groups: dict[int, list[QPainterPath]] = {}
        if self.showing != "moving":
            self._index_all()
            for cx in range(int(exposed.left() // BUCKET), int(exposed.right() // BUCKET) + 1):
                for cy in range(int(exposed.top() // BUCKET), int(exposed.bottom() // BUCKET) + 1):
                    if (cx, cy) in self._members:
                        for category, path in self._cell_paths((cx, cy)).items():
                            groups.setdefault(category, []).append(path)
            for slot in self._long_slots(exposed):
                for category, path in self._slot_paths(slot).items():
                    groups.setdefault(category, []).append(path)
        left, top, right, bottom = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        pieces: dict[int, list[QLineF]] = {}
        if self.showing != "moving":
            self._slanted_pieces(pieces, left, top, right, bottom)
        if self._moving and self.showing != "static":
            for key in self._moving:
                pts = self._points[key]
                bucket = pieces.setdefault(self._category(key), [])
                for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
                    piece = clip(x1, y1, x2, y2, left, top, right, bottom)
                    if piece is not None:
                        bucket.append(QLineF(*piece))
        count = sum(path.elementCount() for paths in groups.values() for path in paths) + sum(map(len, pieces.values()))
        # Smooth lines only where they are few enough to afford (a hairball of thousands of
        # crossing lines reads the same without, at a fifth of the cost).
        smooth = self.full_detail or (lod > 0.6 and count < 1600)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for category in ORDER:
            if category in groups:
                painter.setPen(self._pen(category, plain, smooth, scale))
                for path in groups[category]:
                    painter.drawPath(path)
            if pieces.get(category):
                painter.setPen(self._pen(category, plain, smooth, scale))
                painter.drawLines(pieces[category])
        if self._arrows and not plain:
            self._paint_heads(painter, exposed, scale)

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
        smooth = self.full_detail or (lod > 0.6 and count < 1600)  # as a repaint chooses
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for category in ORDER:
            if groups.get(category):
                draw_lines(painter, groups[category], self._pen(category, plain, smooth, scale), stacked=not smooth)
        cells = (int(exposed.right() // CELL) - int(exposed.left() // CELL) + 1) * (int(exposed.bottom() // CELL) - int(exposed.top() // CELL) + 1)
        if self._arrows and not plain and (self.full_detail or cells <= 400):
            for category in ORDER:
                if groups.get(category):
                    painter.setPen(self._pen(category, True, False, scale))
                    painter.drawPath(heads_path(groups[category]))

    def _long_slots(self, exposed: QRectF) -> list[tuple]:
        """The long-run slots with runs in the painted area (see :func:`long_slots`)."""
        return long_slots(self._long, exposed.left(), exposed.top(), exposed.right(), exposed.bottom())

    def _slanted_pieces(self, pieces: dict[int, list[QLineF]], left: float, top: float, right: float, bottom: float) -> None:
        """The odd slanted long run (a search that gave up), cut to the painted area."""
        chosen, moving, category_of = self._filter, self._moving, self._category
        for key, runs in self._long.get(("s", 0, 0), {}).items():
            if key in moving or (chosen is not None and key not in chosen):
                continue
            for x1, y1, x2, y2 in runs:
                piece = clip(x1, y1, x2, y2, left, top, right, bottom)
                if piece is not None:
                    pieces.setdefault(category_of(key), []).append(QLineF(*piece))

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

    def _paint_heads(self, painter: QPainter, exposed: QRectF, scale: float) -> None:
        left, top = int(exposed.left() // CELL), int(exposed.top() // CELL)
        right, bottom = int(exposed.right() // CELL), int(exposed.bottom() // CELL)
        if (right - left + 1) * (bottom - top + 1) > 400 and not self.full_detail:
            return  # far too much area for heads to be readable
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
