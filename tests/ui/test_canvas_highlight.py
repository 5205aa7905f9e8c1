"""The live highlight: counted supporters apart from units only on the way, nothing greyed
for a unit with nothing to show, a View menu switch that is remembered, and a selection
change that visits only the cards whose mark changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from orgmodel.model import Unit
from ui.canvas.items.unit_card import Emphasis, UnitCard

from canvas_driving import LEFT, card_centre, close_window, open_window


@pytest.fixture
def window(qtbot):
    w = open_window(qtbot)
    yield w
    close_window(w)


def _marks(window) -> dict[str, Emphasis]:
    return {uid: card.emphasis for uid, card in window.scene.cards.items()}


def _click(window, qtbot, unit_id: str) -> None:
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=card_centre(window, unit_id))
    QApplication.processEvents()  # the highlight follows the selection on the next turn


def test_counted_supporters_stand_apart_from_units_on_the_way(window, qtbot) -> None:
    _click(window, qtbot, "shop")
    assert _marks(window) == {
        "shop": Emphasis.FOCUS,
        "pricing": Emphasis.ON_CHAIN,  # middle office on the chain: not counted
        "it": Emphasis.HIGHLIGHTED,
        "payroll": Emphasis.HIGHLIGHTED,
        "ads": Emphasis.DIMMED,
        "audit": Emphasis.DIMMED,
    }
    _click(window, qtbot, "payroll")  # back office: the revenue it carries is what counts
    marks = _marks(window)
    assert marks["shop"] == marks["ads"] == Emphasis.HIGHLIGHTED
    assert marks["pricing"] == marks["it"] == Emphasis.ON_CHAIN and marks["audit"] == Emphasis.DIMMED


def test_a_new_unit_greys_out_nothing(window, qtbot) -> None:
    window.add_actions["front"].trigger()
    qtbot.keyClick(window.view._editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert set(_marks(window).values()) == {Emphasis.NORMAL}
    _click(window, qtbot, "audit")  # supports no revenue unit: nothing to show either
    assert set(_marks(window).values()) == {Emphasis.NORMAL}


def test_the_highlight_can_be_switched_off_and_stays_off(window, qtbot) -> None:
    action = window.highlight_action
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert action in view_menu.actions() and action.isChecked()
    _click(window, qtbot, "shop")
    action.trigger()  # off
    assert set(_marks(window).values()) == {Emphasis.NORMAL}
    assert window.scene.dependencies.highlighted() is None
    _click(window, qtbot, "payroll")
    assert set(_marks(window).values()) == {Emphasis.NORMAL}
    assert QSettings().value("view/highlight") in (False, "false")

    second = open_window(qtbot)
    try:
        assert not second.highlight_action.isChecked()
        _click(second, qtbot, "shop")
        assert set(_marks(second).values()) == {Emphasis.NORMAL}
        second.highlight_action.trigger()  # on again: shows the selection's highlight at once
        assert second.scene.cards["shop"].emphasis == Emphasis.FOCUS
    finally:
        close_window(second)


def test_changing_the_selection_visits_only_the_cards_whose_mark_changes(window, qtbot, monkeypatch) -> None:
    model = window.document.model
    for i in range(300):  # a crowd the highlight has nothing to do with
        window.document.model.add_unit(Unit(f"x{i}", f"X{i}", "back", x=2000.0 + (i % 20) * 240, y=400.0 + (i // 20) * 120))
    assert len(window.scene.cards) == len(model) == 306
    visited: list[str] = []
    original = UnitCard.set_emphasis
    monkeypatch.setattr(UnitCard, "set_emphasis", lambda card, mark: (visited.append(card.unit_id), original(card, mark)))
    _click(window, qtbot, "shop")
    assert sorted(visited) == ["it", "payroll", "pricing", "shop"]
    assert window.scene.cards["x7"].emphasis == Emphasis.DIMMED
    visited.clear()
    _click(window, qtbot, "ads")  # ads → it → payroll: shop and pricing leave, ads comes in
    assert sorted(visited) == ["ads", "pricing", "shop"]
    visited.clear()
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert sorted(visited) == ["ads", "it", "payroll"]
    assert window.scene.cards["x7"].emphasis == Emphasis.NORMAL
