"""Many units moved at once from the window (a toolbar layout, its Undo, an arrow-key nudge
of a selection): one change of the model, one undo step, and a canvas that shows exactly
the model: every card where its unit is, every line as a fresh canvas would draw it (or,
after a few cards moved, every line routed clear of the cards)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from orgmodel import events as ev
from orgmodel.model import OrgModel
from orgmodel.synthetic import generate_model
from ui.canvas.items.unit_card import HEIGHT, WIDTH
from ui.canvas.scene import OrgScene
from ui.editing.model_signals import ModelSignals
from ui.editing.selection import Selection
from ui.window.main_window import MainWindow

from canvas_driving import toolbar_button


@pytest.fixture
def window(qtbot) -> MainWindow:
    w = MainWindow()
    w.document.replace_model(generate_model(300, seed=7), None)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


def positions(model: OrgModel) -> dict[str, tuple[float | None, float | None]]:
    return {u.id: (u.x, u.y) for u in model.units()}


def drawn(scene: OrgScene) -> tuple[dict, dict]:
    """Every line of both layers as plain numbers, by key."""

    def numbers(layer) -> dict:
        return {key: [(round(s.x1(), 6), round(s.y1(), 6), round(s.x2(), 6), round(s.y2(), 6)) for s in layer.segments(key)] for key in layer.keys()}

    return numbers(scene.dependencies), numbers(scene.reporting)


def assert_canvas_shows(window: MainWindow, model: OrgModel, exact: bool = True) -> None:
    """Cards where the model says, and the same lines as a fresh canvas: drawn exactly the
    same (``exact``: after a whole re-route, as a layout does), or else — a few cards moved,
    re-routed incrementally, so routes may differ from a fresh routing — each dependency
    line from its source's border to its target's, clear of every card."""
    scene = window.scene
    assert {uid: (card.x(), card.y()) for uid, card in scene.cards.items()} == positions(model)
    fresh = OrgScene(Selection())
    signals = ModelSignals(model)
    try:
        fresh.set_model(model, signals)
        if exact:
            assert drawn(scene) == drawn(fresh)
        else:
            assert [set(layer) for layer in drawn(scene)] == [set(layer) for layer in drawn(fresh)]
            assert lines_astray(scene) == []
    finally:
        signals.detach()
        fresh.deleteLater()


def lines_astray(scene: OrgScene) -> list[tuple]:
    """Dependency lines not from border to border, or with a run through a card."""
    corners = {uid: (card.x(), card.y()) for uid, card in scene.cards.items()}

    def on_border(x: float, y: float, uid: str) -> bool:
        cx, cy = corners[uid]
        inside = cx - 1e-6 <= x <= cx + WIDTH + 1e-6 and cy - 1e-6 <= y <= cy + HEIGHT + 1e-6
        return inside and min(abs(x - cx), abs(x - cx - WIDTH), abs(y - cy), abs(y - cy - HEIGHT)) < 1e-6

    bad = []
    for (source, target), runs in drawn(scene)[0].items():
        if not on_border(*runs[0][:2], source) or not on_border(*runs[-1][2:], target):
            bad.append(((source, target), "ends"))
        for x1, y1, x2, y2 in runs:
            for uid, (cx, cy) in corners.items():
                if min(x1, x2) < cx + WIDTH and max(x1, x2) > cx and min(y1, y2) < cy + HEIGHT and max(y1, y2) > cy:
                    bad.append(((source, target), uid))
    return bad


@pytest.mark.parametrize("layout", ["orgchart", "bands"])
def test_a_toolbar_layout_and_its_undo_are_one_change_each_and_the_canvas_follows(window: MainWindow, qtbot, layout: str) -> None:
    model = window.document.model
    before = positions(model)
    seen: list = []
    model.add_listener(seen.append)
    action = window.orgchart_action if layout == "orgchart" else window.bands_action
    qtbot.mouseClick(toolbar_button(window, action), Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert [type(event) for event in seen] == [ev.UnitsMoved]
    assert window.document.undo_stack.count() == 1
    laid_out = positions(model)
    assert laid_out != before and set(seen[0].unit_ids) == {uid for uid in before if before[uid] != laid_out[uid]}
    assert_canvas_shows(window, model)

    seen.clear()
    qtbot.mouseClick(toolbar_button(window, window.undo_action), Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert [type(event) for event in seen] == [ev.UnitsMoved]
    assert positions(model) == before and window.document.undo_stack.index() == 0
    assert_canvas_shows(window, model)

    seen.clear()
    qtbot.mouseClick(toolbar_button(window, window.redo_action), Qt.MouseButton.LeftButton)
    assert [type(event) for event in seen] == [ev.UnitsMoved] and positions(model) == laid_out
    assert_canvas_shows(window, model)


def test_an_arrow_key_nudge_of_a_selection_is_one_change_and_lines_follow(window: MainWindow, qtbot) -> None:
    model = window.document.model
    chosen = [uid for uid in model.unit_ids() if model.dependencies_of(uid)][:3]
    window.selection.set(chosen)
    before = positions(model)
    seen: list = []
    model.add_listener(seen.append)
    window.view.setFocus()
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Right)
    assert seen == [ev.UnitsMoved(tuple(chosen))]
    assert all(model.unit(uid).x == before[uid][0] + 10 for uid in chosen)
    assert_canvas_shows(window, model, exact=False)
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert positions(model) == before
    assert_canvas_shows(window, model, exact=False)


def test_office_bands_follow_nudges_of_the_cards_that_bound_them(window: MainWindow, qtbot) -> None:
    """The bands after a few cards moved are measured from those cards alone, unless one of
    them bounded its office: either way they are the bands of every unit's place."""
    from ui.canvas.items.office_bands import band_rects, office_extents

    def expected() -> dict:
        units = window.document.model.units()
        return band_rects(office_extents(((u.office, u.x, u.y) for u in units), WIDTH, HEIGHT))

    model = window.document.model
    window.bands_action.trigger()
    QApplication.processEvents()
    assert set(window.scene.bands.bands()) == {"front", "middle", "back"}
    fronts = [u for u in model.units() if u.office == "front"]
    lowest = max(fronts, key=lambda u: u.y)  # bounds the front band from below
    inner = min(fronts, key=lambda u: abs(u.x - lowest.x) + abs(u.y - lowest.y) if u.id != lowest.id else 1e9)
    window.view.setFocus()
    steps = [(lowest.id, Qt.Key.Key_Down), (lowest.id, Qt.Key.Key_Up), (lowest.id, Qt.Key.Key_Up), (inner.id, Qt.Key.Key_Right)]
    for uid, key in steps:  # out of its band's edge (it alone bounds it), back in, further in
        window.selection.set([uid])
        qtbot.keyClick(window.view.viewport(), key)
        assert window.scene.bands.bands() == expected()
