"""An edit answers before the slow lines are routed: a drag whose lines need the router's grid
search (a card dropped where no simple shape fits) leaves those lines for just after the
drop. Meanwhile they are not drawn (no straight stand-in through the cards), and then every line is drawn from border to border, clear of every card."""

from __future__ import annotations

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
