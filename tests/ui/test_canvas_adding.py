"""Adding units from the toolbar, the menus and a double click: where they land, which
office they get, and Esc taking the add back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from orgmodel.layout.placement import overlapping_cards
from ui.canvas.items.unit_card import HEIGHT, WIDTH

from canvas_driving import LEFT, card_centre, close_window, company, open_window, viewport_at


@pytest.fixture
def window(qtbot):
    w = open_window(qtbot)
    yield w
    close_window(w)


def _corners(window) -> dict[str, tuple[float, float]]:
    return {u.id: (u.x, u.y) for u in window.document.model.units()}


def test_toolbar_adds_never_stack_and_each_lands_in_sight(window, qtbot) -> None:
    toolbar_front = window.add_actions["front"]
    added = []
    for _ in range(4):
        window.selection.clear()
        toolbar_front.trigger()
        added.append(window.selection.single_unit())
        qtbot.keyClick(window.view._editor, Qt.Key.Key_Return)
    assert len(set(added)) == 4
    assert overlapping_cards(_corners(window), WIDTH, HEIGHT) == []
    seen = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    for uid in added:
        assert seen.intersects(window.scene.cards[uid].sceneBoundingRect())


def test_add_goes_beside_the_selected_unit(window, qtbot) -> None:
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=card_centre(window, "audit"))
    window.add_actions["back"].trigger()
    new = window.document.model.unit(window.selection.single_unit())
    audit = window.document.model.unit("audit")
    assert new.y == audit.y and 0 < new.x - (audit.x + WIDTH) <= 60
    qtbot.keyClick(window.view._editor, Qt.Key.Key_Return)
    window.add_actions["back"].trigger()  # beside the new one now, and on nothing
    assert overlapping_cards(_corners(window), WIDTH, HEIGHT) == []


def test_double_click_on_a_card_edge_free_spot(window, qtbot) -> None:
    """Double click just below a card, close enough that a card centred there would cover it."""
    shop = window.scene.cards["shop"]
    spot = viewport_at(window, shop.pos() + QPointF(WIDTH / 2, HEIGHT + 12))
    qtbot.mouseDClick(window.view.viewport(), LEFT, pos=spot)
    assert window.selection.single_unit() not in (None, "shop")
    assert overlapping_cards(_corners(window), WIDTH, HEIGHT) == []


def test_escape_while_naming_takes_the_add_back(window, qtbot) -> None:
    stack = window.document.undo_stack
    before = (stack.count(), stack.index(), len(window.document.model))
    qtbot.mouseDClick(window.view.viewport(), LEFT, pos=viewport_at(window, QPointF(300, 600)))
    assert window.view.is_renaming() and len(window.document.model) == before[2] + 1
    qtbot.keyClick(window.view._editor, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert (stack.count(), stack.index(), len(window.document.model)) == before
    assert not window.redo_action.isEnabled()
    assert len(window.scene.cards) == before[2]


def test_enter_keeps_the_add_and_escape_on_a_rename_keeps_the_unit(window, qtbot) -> None:
    window.add_actions["middle"].trigger()
    new_id = window.selection.single_unit()
    qtbot.keyClicks(window.view._editor, "Strategy")
    qtbot.keyClick(window.view._editor, Qt.Key.Key_Return)
    assert window.document.model.unit(new_id).name == "Strategy"
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_F2)
    qtbot.keyClick(window.view._editor, Qt.Key.Key_Escape)
    assert new_id in window.document.model  # Esc of a later rename cancels only the rename


def test_double_click_in_a_band_adds_a_unit_of_that_office(qtbot) -> None:
    model = company()
    model.update_unit("ads", y=0.0)
    model.update_unit("pricing", x=0.0, y=300.0)
    for i, uid in enumerate(["it", "payroll", "audit"]):
        model.update_unit(uid, x=i * 480.0, y=600.0)
    window = open_window(qtbot, model, zoom=0.5)
    try:
        bands = window.scene.bands.bands()
        assert set(bands) == {"front", "middle", "back"}
        for office in ("back", "middle"):
            rect = bands[office]
            spot = QPointF(330.0, rect.center().y())  # between two cards
            qtbot.mouseDClick(window.view.viewport(), LEFT, pos=viewport_at(window, spot))
            new_id = window.selection.single_unit()
            assert window.document.model.unit(new_id).office == office
            qtbot.keyClick(window.view._editor, Qt.Key.Key_Return)
    finally:
        close_window(window)
