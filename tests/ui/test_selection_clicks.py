"""What a click selects: a plain click only what it hits; Ctrl or Shift adds (yEd, draw.io)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt

from editor_window import shown_editor
from orgmodel.model import OrgModel, Unit
from ui.window.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def row() -> OrgModel:
    """Sales → Risk → IT, and Finance, in a row."""
    model = OrgModel("Clicks")
    for i, (uid, office) in enumerate([("sales", "front"), ("risk", "middle"), ("it", "back"), ("fin", "back")]):
        model.add_unit(Unit(uid, uid.title(), office, x=i * 300.0, y=0.0))
    model.add_dependency("sales", "risk")
    model.add_dependency("risk", "it")
    return model


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:
    yield from shown_editor(qtbot, row(), 0.8, "risk")


def card(window: MainWindow, uid: str) -> QPoint:
    return window.view.mapFromScene(window.scene.cards[uid].sceneBoundingRect().center())


def line(window: MainWindow, key: tuple[str, str]) -> QPoint:
    return window.view.mapFromScene(window.scene.dependencies.segments(key)[0].center())


def click(qtbot, window: MainWindow, pos: QPoint, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(window.view.viewport(), LEFT, modifiers, pos)


def test_a_plain_click_on_a_card_drops_the_selected_line(window: MainWindow, qtbot) -> None:
    model = window.document.model
    click(qtbot, window, line(window, ("risk", "it")))
    assert window.selection.dependencies() == [("risk", "it")]
    click(qtbot, window, card(window, "fin"))
    assert window.selection.units() == ["fin"] and window.selection.dependencies() == []
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Delete)
    assert "fin" not in model and model.has_dependency("risk", "it")  # only what was clicked


def test_a_plain_click_on_a_selected_card_keeps_only_it(window: MainWindow, qtbot) -> None:
    click(qtbot, window, card(window, "fin"))
    click(qtbot, window, line(window, ("risk", "it")), CTRL)
    assert window.selection.units() == ["fin"] and window.selection.dependencies() == [("risk", "it")]
    click(qtbot, window, card(window, "fin"))
    assert window.selection.units() == ["fin"] and window.selection.dependencies() == []


@pytest.mark.parametrize("extend", [CTRL, SHIFT], ids=["ctrl", "shift"])
def test_ctrl_or_shift_click_extends_the_selection(window: MainWindow, qtbot, extend) -> None:
    click(qtbot, window, line(window, ("risk", "it")))
    click(qtbot, window, card(window, "fin"), extend)
    click(qtbot, window, card(window, "sales"), extend)
    click(qtbot, window, line(window, ("sales", "risk")), extend)
    assert window.selection.units() == ["fin", "sales"]
    assert window.selection.dependencies() == [("risk", "it"), ("sales", "risk")]
    click(qtbot, window, line(window, ("risk", "it")), extend)  # a second time: out again, like a card
    click(qtbot, window, card(window, "fin"), extend)
    assert window.selection.units() == ["sales"] and window.selection.dependencies() == [("sales", "risk")]
    click(qtbot, window, line(window, ("sales", "risk")))
    assert window.selection.units() == [] and window.selection.dependencies() == [("sales", "risk")]
