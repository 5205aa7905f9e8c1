"""A change to some lines repaints the strips along them, not the box around them all, and
what the window then shows is what a repaint of the whole view draws, pixel for pixel."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QRegion
from PySide6.QtWidgets import QApplication

from orgmodel.model import OrgModel, Unit
from canvas_driving import close_window, open_window
from ui.canvas.items import line_paint
from ui.canvas.items.unit_card import HEIGHT, WIDTH
from ui.window.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def grid_company() -> OrgModel:
    """35 units on a 7 x 5 grid, each depending on two others anywhere on it: a card's lines
    run far across the view."""
    model = OrgModel("Grid Co")
    ids = []
    for row in range(5):
        for column in range(7):
            uid = f"u{row}{column}"
            model.add_unit(Unit(uid, uid.upper(), ("front", "middle", "back")[(row + column) % 3], x=column * 420.0, y=row * 330.0))
            ids.append(uid)
    rng = random.Random(4)
    for a in ids:
        for b in rng.sample(ids, 2):
            if a != b and not model.has_dependency(a, b):
                model.add_dependency(a, b)
    return model


class PaintRegions(QObject):
    """The regions the viewport is asked to paint."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[QRegion] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            self.regions.append(QRegion(event.region()))
        return False


def on_screen(window: MainWindow) -> QImage:
    """What the canvas shows now: the offscreen platform's backing store, as the repaints so
    far left it (``grab`` would paint everything afresh)."""
    for _ in range(3):
        QApplication.processEvents()
    viewport = window.view.viewport()
    corner = viewport.mapTo(window, QPoint(0, 0))
    return window.screen().grabWindow(window.winId(), corner.x(), corner.y(), viewport.width(), viewport.height()).toImage()


def repainted_whole(window: MainWindow) -> QImage:
    window.view.viewport().update()
    return on_screen(window)


def settle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.scene.lines.pending(), timeout=5000)
    for _ in range(3):
        QApplication.processEvents()


def area(region: QRegion) -> int:
    return sum(rect.width() * rect.height() for rect in region)


def drag(window: MainWindow, unit_id: str, dx: float, dy: float) -> None:
    card = window.scene.cards[unit_id]
    start = window.view.mapFromScene(card.scenePos() + QPointF(WIDTH / 2, HEIGHT / 2))
    end = window.view.mapFromScene(card.scenePos() + QPointF(WIDTH / 2 + dx, HEIGHT / 2 + dy))
    viewport = window.view.viewport()
    steps = [(QEvent.Type.MouseButtonPress, LEFT)] + [(QEvent.Type.MouseMove, LEFT)] * 5 + [(QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)]
    for i, (kind, buttons) in enumerate(steps):
        t = min(1.0, i / 5)
        pos = QPointF(start.x() + (end.x() - start.x()) * t, start.y() + (end.y() - start.y()) * t)
        QApplication.sendEvent(viewport, QMouseEvent(kind, pos, QPointF(viewport.mapToGlobal(pos.toPoint())), LEFT, buttons,
                                                     Qt.KeyboardModifier.NoModifier))
        QApplication.processEvents()  # each move painted, as a person sees it


@pytest.mark.parametrize("zoom", [0.5, 0.3])
def test_a_dragged_card_repaints_its_lines_strips_and_the_window_shows_a_whole_repaints_picture(qtbot, zoom: float) -> None:
    window = open_window(qtbot, grid_company(), zoom=zoom)
    try:
        settle(qtbot, window)
        before = repainted_whole(window)
        painted = PaintRegions()
        window.view.viewport().installEventFilter(painted)
        drag(window, "u23", 70.0, 45.0)
        settle(qtbot, window)
        window.view.viewport().removeEventFilter(painted)
        assert window.document.model.unit("u23").x == pytest.approx(3 * 420.0 + 70.0, abs=2.0)
        incremental = on_screen(window)
        assert incremental != before  # the lines moved on screen
        assert incremental == repainted_whole(window)  # nothing stale, nothing missing
        # The strips of the lines that moved, not their bounding box: the box is most of the
        # view (the card's lines reach across the grid), the strips a fraction of it.
        assert painted.regions
        strips = sum(map(area, painted.regions))
        boxes = sum(region.boundingRect().width() * region.boundingRect().height() for region in painted.regions)
        assert strips < 0.6 * boxes
    finally:
        close_window(window)


def test_a_selected_line_and_an_undone_move_repaint_to_a_whole_repaints_picture(qtbot) -> None:
    window = open_window(qtbot, grid_company(), zoom=0.8)
    try:
        settle(qtbot, window)
        key = next(iter(window.scene.dependencies.keys()))
        window.scene.selection.set([], [key])  # a new look for one line: its strips
        assert on_screen(window) == repainted_whole(window)
        uid = key[0]
        unit = window.document.model.unit(uid)
        window.document.move_units({uid: ((unit.x, unit.y), (unit.x - 90.0, unit.y + 60.0))})
        settle(qtbot, window)
        moved = on_screen(window)
        assert moved == repainted_whole(window)
        window.document.undo_stack.undo()
        settle(qtbot, window)
        assert on_screen(window) == repainted_whole(window) != moved
    finally:
        close_window(window)


def layer_view(qtbot, lines: dict, zoom: float, centre: QPointF):
    """A view of one dependency layer holding ``lines``, shown and painted once."""
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

    from ui import style
    from ui.canvas.items.line_layer import LineLayer

    scene = QGraphicsScene(-30000.0, -30000.0, 60000.0, 60000.0)  # the same view of both, whatever the lines
    layer = LineLayer(style.DEPENDENCY_LINE, dashed=True, arrows=True)
    scene.addItem(layer)
    layer.set_all(lines)
    view = QGraphicsView(scene)
    scene.setParent(view)  # both go when the test ends
    qtbot.addWidget(view)
    view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
    view.resize(900, 700)
    view.scale(zoom, zoom)
    view.centerOn(centre)
    view.show()
    qtbot.waitExposed(view)
    return scene, layer, view


def viewport_shown(view) -> QImage:
    for _ in range(3):
        QApplication.processEvents()
    viewport = view.viewport()
    corner = viewport.mapTo(view.window(), QPoint(0, 0))
    return view.screen().grabWindow(view.window().winId(), corner.x(), corner.y(), viewport.width(), viewport.height()).toImage()


@pytest.mark.parametrize("zoom", [0.5, 0.2])
def test_lines_changed_one_by_one_show_what_a_fresh_layer_paints(qtbot, zoom: float) -> None:
    """Long runs (kept by row and column, cached in bands across them) and short ones
    (cached per bucket from each line's pieces there) on shared tracks: after lines move,
    are removed, added and selected, the window shows exactly what a new layer holding the
    final lines paints, and the repaints covered strips, not the box around them. (Dashed,
    at 0.5, a changed line shifts the dashes of the merged run on its track: its strip spans
    the track across the buckets or stretches it meets.)"""
    from ui.canvas.items.line_index import LONG

    rng = random.Random(7)
    lines: dict = {}
    for i in range(60):
        y = 1000.0 + 40.0 * (i % 12)  # twelve tracks, five lines each, overlapping
        x = rng.uniform(-LONG, 0.0)
        lines[("long", i)] = [(x, y), (x + rng.uniform(1.2, 2.5) * LONG, y), (x + 2.6 * LONG, y + 700.0)]
        cx = rng.uniform(0.0, 1800.0)
        lines[("short", i)] = [(cx, 600.0), (cx, 1500.0 + 10.0 * (i % 5)), (cx + 300.0, 1500.0 + 10.0 * (i % 5))]
    centre = QPointF(900.0, 1300.0)
    scene, layer, view = layer_view(qtbot, lines, zoom, centre)
    viewport_shown(view)
    painted = PaintRegions()
    view.viewport().installEventFilter(painted)
    for i in range(0, 60, 7):  # one at a time, each painted: caches made again in between
        pts = [(x, y - 20.0) for x, y in lines[("long", i)]]  # within the layer's bounds: no whole repaint
        lines[("long", i)] = pts
        layer.set_line(("long", i), pts)
        viewport_shown(view)
        pts = [(x + 35.0, y) for x, y in lines[("short", i)]]
        lines[("short", i)] = pts
        layer.set_line(("short", i), pts)
        viewport_shown(view)
    layer.remove_line(("long", 3))
    del lines[("long", 3)]
    lines[("new", 0)] = [(-LONG / 2, 1210.0), (2 * LONG, 1210.0)]
    layer.set_line(("new", 0), lines[("new", 0)])
    layer.set_selected({("long", 5), ("short", 8)})
    shown = viewport_shown(view)
    view.viewport().removeEventFilter(painted)
    _, fresh_layer, fresh_view = layer_view(qtbot, lines, zoom, centre)
    fresh_layer.set_selected({("long", 5), ("short", 8)})
    fresh = viewport_shown(fresh_view)
    assert shown == fresh
    strips = sum(map(area, painted.regions))
    boxes = sum(region.boundingRect().width() * region.boundingRect().height() for region in painted.regions)
    assert strips < 0.6 * boxes


def test_a_line_changed_out_of_view_asks_no_repaint_and_shows_its_new_place_once_scrolled_to(qtbot, monkeypatch) -> None:
    """A move at 50,000 units re-laid hundreds of lines, most of them far off screen (long
    slanted stand-ins among them), and asked the scene to repaint a strip along each: Qt
    dropped them, after Python had made each rectangle. Only the shown part is asked for;
    what is off screen is painted when it is scrolled into view."""
    lines = {("far", 0): [(20000.0, 20000.0), (26000.0, 20000.0), (26000.0, 21000.0)],
             ("slanted", 0): [(-20000.0, -20000.0), (-12000.0, -9000.0)],
             ("near", 0): [(600.0, 800.0), (1200.0, 800.0)]}
    scene, layer, view = layer_view(qtbot, lines, 0.5, QPointF(900.0, 900.0))
    viewport_shown(view)
    asked: list = []
    monkeypatch.setattr(scene, "update", lambda *rect: asked.append(rect))
    layer.set_line(("far", 0), [(20000.0, 20100.0), (26000.0, 20100.0), (26000.0, 21000.0)])
    layer.set_line(("slanted", 0), [(-20000.0, -20000.0), (-12000.0, -8000.0)])
    assert asked == []
    layer.set_line(("near", 0), [(600.0, 840.0), (1200.0, 840.0)])
    assert asked  # what is shown is repainted
    monkeypatch.undo()
    viewport_shown(view)
    # A slanted line crossing the view is asked for only along its shown part.
    asked.clear()
    monkeypatch.setattr(scene, "update", lambda *rect: asked.append(rect))
    layer.set_line(("slanted", 0), [(-20000.0, 900.0), (20000.0, 1000.0)])
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert asked and all(rect.intersects(shown.adjusted(-20, -20, 20, 20)) for rect, in asked)
    monkeypatch.undo()
    lines[("far", 0)] = [(20000.0, 20100.0), (26000.0, 20100.0), (26000.0, 21000.0)]
    lines[("slanted", 0)] = [(-20000.0, 900.0), (20000.0, 1000.0)]
    lines[("near", 0)] = [(600.0, 840.0), (1200.0, 840.0)]
    view.centerOn(QPointF(23000.0, 20400.0))  # scrolled to the far line: drawn where it is now
    shown_now = viewport_shown(view)
    fresh_scene, fresh, fresh_view = layer_view(qtbot, lines, 0.5, QPointF(23000.0, 20400.0))
    assert shown_now == viewport_shown(fresh_view)


def hub_company() -> OrgModel:
    """A hub in the middle of a 7 x 5 grid depending on every other unit: moving it re-lays
    34 lines reaching across the view (some 240 strips, old and new)."""
    model = OrgModel("Hub Co")
    for row in range(5):
        for column in range(7):
            uid = f"u{row}{column}"
            model.add_unit(Unit(uid, uid.upper(), ("front", "middle", "back")[(row + column) % 3], x=column * 420.0, y=row * 330.0))
    for uid in model.unit_ids():
        if uid != "u23":
            model.add_dependency("u23", uid)
    return model


@pytest.mark.parametrize("zoom", [0.6, 0.3])
def test_a_move_that_relays_many_lines_repaints_the_box_around_them_once(qtbot, zoom: float) -> None:
    """A move whose lines' strips are many (the moved card's lines, and the lines beside
    them that make room) repaints the box around them all, once: hundreds of strips cost the
    window more to merge and to paint through than their box (at 50,000 units, the dependency
    layer's paint of such a move: 81 ms, 56 ms within the box). What the window then shows is
    still what a repaint of the whole view draws. Zoomed out, where lines are drawn plain,
    area by area, the strips stay strips (their box would be much of a view full of lines)."""
    window = open_window(qtbot, hub_company(), zoom=zoom)
    try:
        settle(qtbot, window)
        before = repainted_whole(window)
        scene = window.scene
        asked: list[QRectF] = []
        update = scene.update

        def asked_update(*rect) -> None:
            asked.append(QRectF(*rect))
            update(*rect)

        scene.update = asked_update  # type: ignore[method-assign]
        model = window.document.model
        unit = model.unit("u23")
        window.document.move_units({"u23": ((unit.x, unit.y), (unit.x + 70.0, unit.y + 45.0))})
        del scene.update
        if zoom < line_paint.LOD_PLAIN:
            assert len(asked) > 50  # plain lines: strips
        else:
            assert 1 <= len(asked) <= 2  # dashed: a box for each line layer (were 241 strips)
            lines = scene.dependencies.keys()
            assert all(asked[0].contains(QRectF(*p, 1, 1)) for key in lines if "u23" in key for p in scene.dependencies.points(key))
        settle(qtbot, window)
        incremental = on_screen(window)
        assert incremental != before
        assert incremental == repainted_whole(window)
    finally:
        close_window(window)
