"""Where the scene's lines go, kept in step with the cards.

Dependency lines are routed around the cards by :mod:`orgmodel.layout.routing` (the same
Qt-free router a headless export uses through the same scene), so the editor and every
export draw one geometry; reporting lines are org-chart elbows. A dependency's label and
weight sit on a run of its line clear of every card. Everything here is geometry handed to
the two line layers; the scene calls it when the model says cards or lines changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from orgmodel.layout import LEVEL_GAP
from orgmodel.layout.routing import Point, Router
from orgmodel.model import OrgModel

from ui.i18n import translate

from ui.canvas.items.line_layer import LineLayer
from ui.canvas.items.line_shapes import elbow_line
from ui.canvas.items.unit_card import HEIGHT, WIDTH

Key = tuple[str, str]
Corners = dict[str, tuple[float, float]]


def label_text(label: str | None, weight: float | None, group: str | None = None) -> str:
    """What a dependency line shows: its alternative group ("OR: group"), its label, its weight.

    >>> label_text("payroll data", 2.0), label_text(None, 0.5), label_text(None, None)
    ('payroll data · 2', '0.5', '')
    >>> label_text(None, None, "IT site")
    'OR: IT site'
    """
    parts = [translate("SceneLines", "OR: %1").replace("%1", group)] if group else []
    if label:
        parts.append(label)
    if weight is not None:
        parts.append(f"{weight:g}")
    return " · ".join(parts)


class SceneLines:
    """The geometry of both line layers of one scene."""

    def __init__(self, dependencies: LineLayer, reporting: LineLayer) -> None:
        self.dependencies, self.reporting = dependencies, reporting
        dependencies.or_mark = translate("SceneLines", "OR: %1").replace("%1", "")
        #: In the window, lines that need the slow grid search are routed after the edit
        #: (:meth:`route_deferred`, from a timer) and not drawn until then (see ``Router``).
        self.defer_searches = False
        #: Called when lines were left to route later (the scene starts its timer).
        self.on_deferred: Callable[[], None] | None = None
        self._router: Router | None = Router(WIDTH, HEIGHT)
        #: While a routing runs elsewhere: the cards the stand-in router, made on first use
        #: (an edit meanwhile), is to know (see :meth:`await_routing`).
        self._stand_in: Corners = {}
        self._reports_waiting: dict[str, str] = {}  #: reporting lines left for later: child -> parent
        self._texts: dict[Key, str] = {}
        self._boxes: dict[Key, QRectF] = {}  # labels placed, so that labels do not overlap
        self._box_cells: dict[tuple[int, int], set[Key]] = {}
        font = QFont()
        font.setPointSizeF(8.0)
        self._metrics = QFontMetricsF(font)

    @property
    def router(self) -> Router:
        if self._router is None:  # the stand-in of a routing under way, first asked for
            stand_in = Router(WIDTH, HEIGHT)
            stand_in.space.set_all(self._stand_in)
            self.router = stand_in
        return self._router  # type: ignore[return-value]

    @router.setter
    def router(self, router: Router) -> None:  # a background routing hands in its router
        router.defer_searches = self.defer_searches
        self._router, self._stand_in = router, {}

    def await_routing(self, model: OrgModel, corners: Corners) -> tuple[dict[str, list[Point]], list[tuple[str, str]]]:
        """While every line is routed elsewhere, this scene's router is a stand-in that knows
        the cards at ``corners`` (not copied: left unchanged) and no lines, so that edits in
        the meantime go through as usual. It is made when first asked for, not now: kept
        idle through a 50,000-unit routing, it held 45 MB of the peak. Returns
        :meth:`clear_elbows` (asked of a stand-in made for it alone)."""
        self.router = stand_in = Router(WIDTH, HEIGHT)
        stand_in.space.set_all(corners)
        clear = self.clear_elbows(model)
        self._router, self._stand_in = None, corners
        return clear

    def set_defer_searches(self, defer: bool) -> None:
        self.defer_searches = defer
        if self._router is not None:
            self._router.defer_searches = defer

    def pending(self) -> bool:
        """Whether some lines are waiting to be routed (and are not drawn)."""
        return bool((self._router is not None and self._router.deferred) or self._reports_waiting)

    def route_deferred(self, most: int = 1) -> bool:
        """Route up to ``most`` lines left for later and draw them; whether more wait."""
        if self._router is not None and self._router.deferred:
            self._apply(self._router.route_deferred(most))
        else:
            for _ in range(min(most, len(self._reports_waiting))):
                child, parent = self._reports_waiting.popitem()
                self.reporting.set_line(child, self._reporting(parent, child) or [])
        return self.pending()

    # -- whole model -------------------------------------------------------------------------

    def rebuild(self, model: OrgModel, corners: Corners) -> None:
        """Lay every line anew (open, rebuild, a bulk move): one routing pass."""
        self._reports_waiting = {}
        self.dependencies.set_all(self.router.route_all(corners, model.dependency_keys()))
        self.reporting.set_all({child: self._reporting(parent, child) for child, parent in model.reporting_lines()})
        self.relabel_all(model)

    def clear_elbows(self, model: OrgModel) -> tuple[dict[str, list[Point]], list[tuple[str, str]]]:
        """The reporting lines whose org-chart elbow crosses no card (by child), and the
        ``(child, parent)`` of the others, which :meth:`_reporting` routes around the cards:
        what can be drawn at once while the routing runs elsewhere."""
        corners = self.router.space.corners
        self._reports_waiting = {}
        clear: dict[str, list[Point]] = {}
        detours: list[tuple[str, str]] = []
        for child, parent in model.reporting_lines():
            if parent in corners and child in corners:
                elbow = reporting_geometry(corners[parent], corners[child])
                if self.router.clear_of_cards(elbow):
                    clear[child] = elbow
                else:
                    detours.append((child, parent))
        return clear, detours

    def forget_labels(self, model: OrgModel) -> None:
        """The labels' texts from ``model``, and no places yet (their lines are being routed)."""
        self._boxes, self._box_cells = {}, {}
        # Only dependencies with more than their ends can have a text: a 50,000-unit model's
        # 150,000 plain ones are not made (0.25 s and 20 MB at open).
        self._texts = {(d.source, d.target): text for d in model.described_dependencies()
                       if (text := label_text(d.label, d.weight, d.group))}

    def relabel_all(self, model: OrgModel) -> None:
        """Place every label anew on the lines as they are routed now."""
        self.forget_labels(model)
        for key in self._texts:
            self._relabel(key)

    def route(self, key: Key) -> list[Point]:
        return list(self.router.routes.get(key, ()))

    # -- edits -----------------------------------------------------------------------------

    def cards_moved(self, model: OrgModel, corners: Corners, dragging: bool = False) -> None:
        """Cards now at these corners: their lines, and the lines routed near them, follow;
        ``dragging``: a frame of a drag, whose lines' strips are repainted each on its own
        however many (over the drag's picture of what stays put: see ``DragFreeze``)."""
        with self._held_updates(box_many=not dragging):
            self._cards_moved(model, corners)

    @contextmanager
    def _held_updates(self, box_many: bool = True) -> Iterator[None]:
        """The repaints the lines' changes ask for, asked at the end at once: the box around
        them when they are many and ``box_many`` (see ``LineLayer.release_updates``; held
        updates nest, and the outermost release decides)."""
        self.dependencies.hold_updates()
        self.reporting.hold_updates()
        try:
            yield
        finally:
            self.dependencies.release_updates(box_many)
            self.reporting.release_updates(box_many)

    def _cards_moved(self, model: OrgModel, corners: Corners) -> None:
        self._apply(self.router.move(corners))
        placed = self.router.space.corners
        for uid, (x, y) in corners.items():
            # Reporting lines of other units that now cross this card go around it.
            for child in self.reporting.keys_crossing(QRectF(x, y, WIDTH, HEIGHT)):
                parent = model.parent(child)
                if parent is not None:
                    self._lay_reporting(parent, child)
            parent = model.parent(uid)
            if parent is not None and parent in placed:
                self._lay_reporting(parent, uid)
            for child in model.children(uid):
                if child in placed:
                    self._lay_reporting(uid, child)
        if self._reports_waiting and self.on_deferred is not None:
            self.on_deferred()

    def unit_added(self, uid: str, x: float, y: float) -> None:
        self._apply(self.router.add_card(uid, x, y))

    def unit_removed(self, uid: str) -> None:
        self._apply(self.router.remove_card(uid))

    def dependency_added(self, key: Key, label: str | None = None, weight: float | None = None, group: str | None = None) -> None:
        self._apply(self.router.add_line(key))
        self.dependency_changed(key, label, weight, group)

    def dependency_removed(self, key: Key) -> None:
        self._texts.pop(key, None)
        self.dependencies.remove_line(key)
        self._apply(self.router.remove_line(key))

    def dependency_changed(self, key: Key, label: str | None, weight: float | None, group: str | None = None) -> None:
        text = label_text(label, weight, group)
        if text:
            self._texts[key] = text
        else:
            self._texts.pop(key, None)
        self._relabel(key)

    def parent_changed(self, uid: str, parent: str | None) -> None:
        if parent is None:
            self._reports_waiting.pop(uid, None)
            self.reporting.remove_line(uid)
        else:
            self._lay_reporting(parent, uid)
            if self._reports_waiting and self.on_deferred is not None:
                self.on_deferred()

    def _lay_reporting(self, parent: str, child: str) -> None:
        """Draw a reporting line after an edit; one that needs the grid search waits (not drawn)."""
        points = self._reporting(parent, child, search=not self.defer_searches)
        if points is None:
            self._reports_waiting[child] = parent
            self.reporting.remove_line(child, keep_marks=True)
        else:
            self._reports_waiting.pop(child, None)
            self.reporting.set_line(child, points)

    def _reporting(self, parent: str, child: str, search: bool = True) -> list[Point] | None:
        """The org-chart elbow from parent down to child; routed around the cards instead
        when the elbow would cross one (the child beside or above its parent). Without
        ``search``, None where only the router's grid search would find the way."""
        corners = self.router.space.corners
        if parent not in corners or child not in corners:
            return []
        elbow = reporting_geometry(corners[parent], corners[child])
        return elbow if self.router.clear_of_cards(elbow) else self.router.route_one(parent, child, search)

    def _apply(self, changed: dict[Key, list[Point] | None]) -> None:
        with self._held_updates():
            self._set_lines(changed)

    def _set_lines(self, changed: dict[Key, list[Point] | None]) -> None:
        deferred = self.router.deferred
        for key, points in changed.items():
            if points is None:
                self.dependencies.remove_line(key)
            elif key in deferred:  # a stand-in, not its route: not drawn until routed
                self.dependencies.remove_line(key, keep_marks=True)
            else:
                self.dependencies.set_line(key, points)
            if key in self._texts:
                self._relabel(key)
        if deferred and self.on_deferred is not None:
            self.on_deferred()

    # -- labels ----------------------------------------------------------------------------

    def _relabel(self, key: Key) -> None:
        old = self._boxes.pop(key, None)
        if old is not None:
            for cell in _cells(old):
                self._box_cells.get(cell, set()).discard(key)
        text = self._texts.get(key)
        route = self.router.routes.get(key) if key not in self.router.deferred else None
        box = self.label_box(route, text) if text and route else None
        if box is not None:
            self._boxes[key] = box
            for cell in _cells(box):
                self._box_cells.setdefault(cell, set()).add(key)
        self.dependencies.set_label(key, text, box)

    def _label_free(self, box: QRectF) -> bool:
        if self.router.space.cards_in(box.left(), box.top(), box.right(), box.bottom()):
            return False
        return not any(self._boxes[k].intersects(box) for cell in _cells(box) for k in self._box_cells.get(cell, ()))

    def label_box(self, route: list[Point], text: str) -> QRectF | None:
        """Where a label goes: centred on the longest run it fits on, clear of every card and
        every other label (else beside a run); None when there is no such place."""
        width = self._metrics.horizontalAdvance(text) + 8
        height = self._metrics.height() + 2
        runs = sorted(zip(route, route[1:]), key=lambda run: -abs(run[1][0] - run[0][0]) - abs(run[1][1] - run[0][1]))
        for (x1, y1), (x2, y2) in runs:
            cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
            for dx, dy in ((0, 0), (0, -height / 2 - 2), (0, height / 2 + 2), (width / 2 + 2, 0), (-width / 2 - 2, 0)):
                box = QRectF(cx + dx - width / 2, cy + dy - height / 2, width, height)
                if self._label_free(box):
                    return box
        return None


def reporting_geometry(parent: tuple[float, float], child: tuple[float, float]) -> list[Point]:
    """A reporting line: the org-chart elbow from the parent's card down to the child's."""
    return elbow_line(parent[0], parent[1], child[0], child[1], WIDTH, HEIGHT, LEVEL_GAP)


def _cells(box: QRectF) -> list[tuple[int, int]]:
    return [(i, j) for i in range(int(box.left() // 256), int(box.right() // 256) + 1)
            for j in range(int(box.top() // 256), int(box.bottom() // 256) + 1)]
