"""Which line is where: the hit tests of a line layer (the line under the pointer, the lines
through a card's new place), on the layer's buckets and long runs."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from ui.canvas.items.line_index import BUCKET, LONG, Cell, Key, Point
from ui.canvas.items.line_shapes import clip, distance


class LineHits:
    """Hit tests for :class:`~ui.canvas.items.line_layer.LineLayer`, which indexes its lines
    (``_index_all``: bucket -> keys; ``_long``: slot -> key -> long runs; ``_points``)."""

    _points: dict[Key, list[Point]]
    _long: dict[tuple[str, int, int], dict[Key, tuple[tuple[float, float, float, float], ...]]]

    def _index_all(self) -> dict[Cell, set[Key]]:
        raise NotImplementedError

    def _near(self, left: float, top: float, right: float, bottom: float) -> set[Key]:
        """The lines with a segment in a bucket or long-run slot the rectangle touches."""
        members = self._index_all()
        long = self._long
        candidates: set[Key] = set(long.get(("s", 0, 0), ()))
        across, down = range(int(left // LONG), int(right // LONG) + 1), range(int(top // LONG), int(bottom // LONG) + 1)
        for cx in range(int(left // BUCKET), int(right // BUCKET) + 1):
            for stretch in down:
                candidates.update(long.get(("v", cx, stretch), ()))
            for cy in range(int(top // BUCKET), int(bottom // BUCKET) + 1):
                candidates.update(members.get((cx, cy), ()))
        for cy in range(int(top // BUCKET), int(bottom // BUCKET) + 1):
            for stretch in across:
                candidates.update(long.get(("h", cy, stretch), ()))
        return candidates

    def key_at(self, point: QPointF, tolerance: float) -> Key | None:
        """The line nearest to ``point`` within ``tolerance`` (scene units), if any."""
        best, best_distance = None, tolerance
        px, py = point.x(), point.y()
        for key in self._near(px - tolerance, py - tolerance, px + tolerance, py + tolerance):
            pts = self._points[key]
            for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
                if min(x1, x2) - tolerance > px or max(x1, x2) + tolerance < px:
                    continue
                if min(y1, y2) - tolerance > py or max(y1, y2) + tolerance < py:
                    continue
                away = distance(px, py, x1, y1, x2, y2)
                if away <= best_distance:
                    best, best_distance = key, away
        return best

    def keys_crossing(self, rect: QRectF) -> set[Key]:
        """The lines with a segment through the inside of ``rect`` (a card's new place)."""
        left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
        found = set()
        for key in self._near(left, top, right, bottom):
            pts = self._points[key]
            for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
                piece = clip(x1, y1, x2, y2, left, top, right, bottom)
                if piece is not None and left < (piece[0] + piece[2]) / 2 < right and top < (piece[1] + piece[3]) / 2 < bottom:
                    found.add(key)
                    break
        return found
