"""An edit answers before the slow lines are routed: a drag whose lines need the router's grid
search (a card dropped where no simple shape fits) leaves those lines for just after the
drop. Meanwhile they are not drawn (no straight stand-in through the cards), and then every line is drawn from border to border, clear of every card."""

from __future__ import annotations

import time

from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QObject
from PySide6.QtWidgets import QApplication

from canvas_driving import close_window, open_window
from orgmodel.synthetic import generate_model
from test_bulk_moves import assert_canvas_shows, lines_astray
from test_lines import drag_card


def test_a_drop_leaves_the_lines_that_need_a_search_for_just_after_it(qtbot) -> None:
    window = open_window(qtbot, generate_model(300, seed=7), zoom=1.0)
    try:
        scene, model = window.scene, window.document.model
        window.view.centerOn(scene.cards["u000001"])
        QApplication.processEvents()
        waiting = ("u000054", "u000100")  # crosses the card's new place; no simple shape then
        drag_card(window, "u000001", 40, 20)  # the release, and nothing after it yet
        assert model.unit("u000001").x != 220.0  # the move is done…
        assert scene.routing_pending() and waiting not in scene.dependencies.keys()  # …this line not yet
        assert lines_astray(scene) == []  # nothing drawn through a card meanwhile
        qtbot.waitUntil(lambda: not scene.routing_pending())
        assert waiting in scene.dependencies.keys()
        assert_canvas_shows(window, model, exact=False)
    finally:
        close_window(window)


def test_the_searches_a_drop_leaves_wait_until_the_window_is_idle(qtbot) -> None:
    """The drop and its repaint come first, then the window comes to rest; only then are the
    lines that need the grid search routed (before, a zero-time timer routed them ahead of
    the repaint: at 50,000 units, as long again as the move itself)."""
    window = open_window(qtbot, generate_model(300, seed=7), zoom=1.0)
    dispatcher = QAbstractEventDispatcher.instance()
    try:
        scene = window.scene
        window.view.centerOn(scene.cards["u000001"])
        QApplication.processEvents()
        paints: list[bool] = []  # since the drop
        rested_after_paint: list[bool] = []  # the loop came to wait after the drop's repaint
        first_search: list[tuple[int, bool]] = []
        route_deferred = scene.lines.route_deferred

        def counted(most: int = 1) -> bool:
            if not first_search:
                first_search.append((len(paints), bool(rested_after_paint)))
            return route_deferred(most)

        class PaintSpy(QObject):
            def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
                if event.type() == QEvent.Type.Paint:
                    paints.append(True)
                return False

        def rest() -> None:
            if paints:
                rested_after_paint.append(True)

        spy = PaintSpy()
        window.view.viewport().installEventFilter(spy)
        drag_card(window, "u000001", 40, 20)
        assert scene.routing_pending()
        paints.clear()
        scene.lines.route_deferred = counted  # type: ignore[method-assign]
        dispatcher.aboutToBlock.connect(rest)
        try:
            qtbot.waitUntil(lambda: not scene.routing_pending())
        finally:
            dispatcher.aboutToBlock.disconnect(rest)
        painted, rested = first_search[0]
        assert painted >= 1 and rested  # the window showed the drop and came to rest first
        assert lines_astray(scene) == []
        window.view.viewport().removeEventFilter(spy)
    finally:
        close_window(window)


def test_a_loop_that_never_waits_gets_the_lines_left_for_later_all_the_same(qtbot) -> None:
    window = open_window(qtbot, generate_model(300, seed=7), zoom=1.0)
    try:
        scene = window.scene
        window.view.centerOn(scene.cards["u000001"])
        QApplication.processEvents()
        drag_card(window, "u000001", 40, 20)
        assert scene.routing_pending()
        deadline = time.monotonic() + 5.0
        while scene.routing_pending() and time.monotonic() < deadline:
            QApplication.processEvents()  # never waits: no aboutToBlock
            time.sleep(0.005)
        assert not scene.routing_pending()
        assert lines_astray(scene) == []
    finally:
        close_window(window)
