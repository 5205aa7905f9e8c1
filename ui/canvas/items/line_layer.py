"""All lines of one kind drawn by one item: dependencies, or reporting lines.

One ``QGraphicsItem`` per line made Qt's scene index the bottleneck (about 3 s to index
30,000 lines at open). Here a layer holds every line as a polyline (a list of points) and
draws it from cached ``QPainterPath``s, one per look and per square bucket of the canvas:
a repaint draws the paths of the buckets in the painted area, made once and kept until a
line in that bucket changes, instead of culling and clipping every segment in Python. Lines
of units being dragged are kept out of the cache and drawn on their own, so a drag does not
rebuild 30,000 lines. Arrowheads are made only for lines ending in the painted area, when
zoomed in enough to see them; labels likewise, at the place the scene chose for them.

A changed line asks the scene to repaint the strips along it (old and new), each on its own,
and a bucket's paths are made again from the kept pieces of its other lines; how a repaint
finds the strips it was asked for, and draws them as a repaint of the whole view would, is in
:mod:`~ui.canvas.items.line_paint`.

An export draws every line once: it takes none of that (``whole``), and draws each look's
lines whole, as one path, without indexing them into buckets or cutting them to any.
"""


from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from typing_extensions import override

from ui.canvas.items.line_hits import LineHits
from ui.canvas.items.line_index import Cell, Key, LineIndex, Point, coarse_slots, enter_line, track_span
from ui.canvas.items.line_paint import CELL, DIMMED, HIGHLIGHTED, NORMAL, SELECTED, LinePainting, visible_area
from ui.canvas.items.line_shapes import bounds, clip
from ui.canvas.items.line_tracks import SlotBands
from ui.canvas.items.release import release_aside


#: Held updates (see ``LineLayer.release_updates``) of more strips than this repaint their box.
MANY_STRIPS = 50


class LineLayer(LineHits, LinePainting, QGraphicsItem):
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
        #: the pieces of each line in the buckets last painted (see LinePainting._cut_of)
        self._pieces: dict[Cell, dict[Key, tuple[float, ...]]] = {}
        #: the runs of the long-run slots last painted, by band (see SlotBands)
        self._bands: dict[tuple, SlotBands] = {}
        #: Whether any coarse slot's paths were cached (zoomed out): only then does a changed
        #: line look for them (up to 12 per stretch it crosses).
        self._coarse_cached = False
        #: whether the last repaint drew dashes, and its long-run levels (see _update_along)
        self._dashes_drawn = False
        self._levels = (0, 0)
        self._heads: dict[Key, list[QLineF]] = {}
        self._grid: dict[tuple[int, int], set[Key]] | None = None
        self._cell_of: dict[Key, tuple[int, int]] = {}
        self._labels: dict[Key, tuple[str, QRectF]] = {}
        self._bounds = QRectF()
        self._bounds_exact = True  #: ``_bounds`` is exactly where the lines reach (see :meth:`drawn_rect`)
        #: what the views show (see _shown_area), until the next paint: False, not known
        self._shown: tuple[float, float, float, float] | None | bool = False
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
        #: The strips asked for while updates are held (see :meth:`hold_updates`), and how deep
        self._held: list[QRectF] | None = None
        self._holding = 0
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

    def drawn_rect(self) -> QRectF:
        """Where the lines shown and their labels reach now (scene coordinates; null when
        there are none): a line round the outer cards and a label wider than its line
        lie outside the cards, and an export must hold them."""
        chosen = self._filter
        if chosen is None and self._bounds_exact:  # as set_all found them (0.07 s at 10,000 units)
            rect = QRectF(self._bounds)
        else:
            rect = bounds([p for key, pts in self._points.items() if chosen is None or key in chosen for p in pts])
        for key, (_, box) in self._labels.items():
            if chosen is None or key in chosen:
                rect = box if rect.isNull() else rect.united(box)
        return rect

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
        self._pieces.clear()
        self._bands.clear()
        self._heads.clear()
        self._grid = None  # built when heads are first painted (zoomed in), not at open
        self._cell_of.clear()
        xs = [x for pts in self._points.values() for x, _ in pts]
        ys = [y for pts in self._points.values() for _, y in pts]
        self._bounds = QRectF(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1) if xs else QRectF()
        self._bounds_exact = True  # until a line changes: bounds only grow
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

    def _forget_paths(self, cells: Iterable[Cell], key: Key, moved: bool = False) -> None:
        """Drop the cached paths of these buckets and slots, where line ``key`` changed look,
        or ``moved`` (its pieces there go too; the other lines' stay, to make them again)."""
        paths = self._paths
        for cell in cells:
            paths.pop(cell, None)
            if len(cell) == 2:
                cut = self._pieces.get(cell) if moved else None
                if cut:
                    cut.pop(key, None)
                continue
            bands = self._bands.get(cell)
            if bands is not None:
                bands.forget(key, moved)
            if self._coarse_cached and len(cell) == 3:  # a long-run slot: the coarse slots with its runs too
                for coarse in coarse_slots(cell):
                    paths.pop(coarse, None)

    def _forget_looks(self) -> None:
        """Every line may look otherwise (or be left out): drop every cached path."""
        self._paths.clear()
        for bands in self._bands.values():
            bands.paths.clear()

    def _restyle(self, keys: Iterable[Key]) -> None:
        """These lines change look: drop the cached paths they are in, repaint them."""
        for key in keys:
            self._forget_paths(self._places(key), key)
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
        """Ask for a repaint of the strip along each segment where a view shows it; a slanted
        one in pieces: the bounding box of a long one covers much of the canvas, and every
        card in it would repaint.

        Only what a view shows: Qt drops the rest anyway, and the parts scrolled into view
        later are painted then. A move at 50,000 units asked for about 700 strips, most of
        them pieces of long slanted stand-ins (lines waiting for their routes) far off
        screen, each a ``QRectF`` made in Python for nothing."""
        if len(pts) < 2:
            return
        shown = self._shown_area()
        if shown is None:
            return
        left, top, right, bottom = shown
        strip = self._strip_update()
        dashed = self._dashes_drawn
        for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
            if x1 == x2 or y1 == y2:  # a routed run: its strip is thin, one rectangle
                lo_x, hi_x = (x1, x2) if x1 <= x2 else (x2, x1)
                lo_y, hi_y = (y1, y2) if y1 <= y2 else (y2, y1)
                if dashed:  # the track's runs across the buckets or stretches it meets
                    if y1 == y2:
                        lo_x, hi_x = track_span(lo_x, hi_x, self._levels[0])
                    else:
                        lo_y, hi_y = track_span(lo_y, hi_y, self._levels[1])
                if hi_x >= left and lo_x <= right and hi_y >= top and lo_y <= bottom:
                    strip(QRectF(lo_x - 14, lo_y - 14, hi_x - lo_x + 28, hi_y - lo_y + 28))
                continue
            part = clip(x1, y1, x2, y2, left, top, right, bottom)
            if part is None:
                continue
            seg = QLineF(*part)
            pieces = max(1, int(seg.length() // 300))
            for i in range(pieces):
                a, b = seg.pointAt(i / pieces), seg.pointAt((i + 1) / pieces)
                strip(QRectF(a, b).normalized().adjusted(-14, -14, 14, 14))

    def _shown_area(self) -> tuple[float, float, float, float] | None:
        """(left, top, right, bottom) in this item's coordinates around all that the scene's
        views show, a strip's margin wider; None when no view shows the scene.

        Kept until the next paint (a move asks it for each of hundreds of lines): a view
        scrolled or zoomed since then repaints what it newly shows anyway."""
        if self._shown is not False:
            return self._shown  # type: ignore[return-value]
        self._shown = shown = self._measure_shown()
        return shown

    def _measure_shown(self) -> tuple[float, float, float, float] | None:
        scene = self.scene()
        if scene is None:
            return None
        area = QRectF()
        for view in scene.views():
            if view.isVisible():
                area = area.united(view.mapToScene(view.viewport().rect()).boundingRect())
        if area.isNull():
            return None
        area = self.mapRectFromScene(area)
        return area.left() - 15, area.top() - 15, area.right() + 15, area.bottom() + 15

    def hold_updates(self) -> None:
        """Until as many :meth:`release_updates`, collect the strips that changes ask to
        repaint instead of asking for them one by one (calls may nest)."""
        self._holding += 1
        if self._held is None:
            self._held = []

    def release_updates(self, box_many: bool = True) -> None:
        """Ask for the strips collected since :meth:`hold_updates`: each on its own when
        they are few (or not ``box_many``, or the lines are drawn plain), else the box around
        them all, once.

        A move at 50,000 units changes some seventy lines, whose strips in view were over
        two hundred rectangles: the window merged them one by one into its dirty region
        (quadratic), and a repaint clipped to hundreds of rectangles drew every dashed path
        under their box anyway, through a slower clip (measured: the dependency layer's paint
        of such a move 81 ms, 56 ms within the box; as Qt's own ``SmartViewportUpdate``
        does past 50 rectangles)."""
        self._holding = max(0, self._holding - 1)
        if self._holding or self._held is None:
            return
        held, self._held = self._held, None
        ask = self._strip_update()
        # Only where the last repaint drew its dashed paths at once, under the whole clip
        # (``_paint_cells``): plain and solid lines are drawn area by area, and their box, when
        # zoomed out, is much of a view full of lines (the strips cost no more to merge there
        # than before).
        if len(held) <= MANY_STRIPS or not box_many or not self._dashes_drawn:
            for rect in held:
                ask(rect)
        elif held:
            left = min(rect.left() for rect in held)
            top = min(rect.top() for rect in held)
            right = max(rect.right() for rect in held)
            bottom = max(rect.bottom() for rect in held)
            ask(QRectF(left, top, right - left, bottom - top))

    def _strip_update(self) -> Callable[[QRectF], None]:
        """How to ask for the repaint of one strip: of the scene there, which hands each strip
        to the window as it is (an item's own updates are merged into their bounding box: a
        moved card's lines, one strip here and one far off, repainted most of the view);
        while updates are held, into the strips held."""
        if self._held is not None:
            return self._held.append
        scene = self.scene()
        if scene is None:
            return self.update
        at = self.scenePos()
        if at.isNull():
            return scene.update
        return lambda rect: scene.update(rect.translated(at))

    def set_line(self, key: Key, coords: list[Point]) -> None:
        """Add or move one line (a list of points)."""
        old = self._points.get(key)
        if old is not None:
            self._update_along(old)
        pts = [(float(x), float(y)) for x, y in coords]
        self._points[key] = pts
        self._bounds_exact = False
        self._heads.pop(key, None)
        if self._arrows:
            self._index(key, pts)
        if self._members is not None:
            self._forget_paths(self._leave(key), key, moved=True)
            self._enter(key, pts)
            if key not in self._moving:
                self._forget_paths(self._places(key), key, moved=True)
            else:  # not drawn from the cache while it moves: the bands need only read its runs
                for slot in self._long_of.get(key, ()):
                    bands = self._bands.get(slot)
                    if bands is not None:
                        bands.stale.add(key)
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
        self._forget_paths(self._leave(key), key, moved=True)
        del self._points[key]
        self._bounds_exact = False
        self._heads.pop(key, None)
        label = self._labels.pop(key, None)
        if label is not None:
            self._strip_update()(label[1])
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
            self._strip_update()(old[1])
        if text and box is not None:
            self._labels[key] = (text, QRectF(box))
            self._strip_update()(QRectF(box))

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
        self._forget_looks()
        self.update()

    def set_highlighted(self, keys: set[Key] | None) -> None:
        """``None``: no analysis shown; otherwise these lines stand out and others fade."""
        keys = None if keys is None else set(keys)
        if keys == self._highlighted:
            return  # a refresh after an unrelated edit must not repaint 30,000 lines
        old, self._highlighted = self._highlighted, keys
        if old is None or keys is None:
            self._forget_looks()
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

    @override
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        self._shown = False  # measured again at the next change
        lod = 1.0 if self.full_detail else option.levelOfDetailFromTransform(painter.worldTransform())
        scale = self.pen_scale if self.pen_scale is not None else painter.device().devicePixelRatioF()
        exposed = option.exposedRect
        if painter.hasClipping():  # QGraphicsScene.render gives the whole layer as exposed
            exposed = exposed.intersected(painter.clipBoundingRect())
        if self.whole and self.showing == "all":
            self._paint_whole(painter, exposed.adjusted(-2, -2, 2, 2), lod, scale)
        else:
            self._paint_cells(painter, exposed, visible_area(painter, widget, exposed), lod, scale)
        if self._labels and (self.full_detail or lod > 0.6):
            self._paint_labels(painter, exposed.adjusted(-2, -2, 2, 2))
