"""Right-click menus fit what is under the mouse, and every edit in them can be undone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QDoubleSpinBox

from canvas_driving import OFFSCREEN_NOTICES, card_centre, choose, close_window, menu_texts, open_window, right_click, viewport_at, when_dialog

# Popups and dialogs on the offscreen platform: its own notices, not the editor's warnings.
pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_NOTICES)


@pytest.fixture
def window(qtbot):
    w = open_window(qtbot)
    yield w
    close_window(w)


def _middle_of_line(window, source: str, target: str):
    """A point on the drawn dependency, half way along its longest segment."""
    segment = max(window.scene.dependencies.segments((source, target)), key=lambda s: s.length())
    return viewport_at(window, segment.center())


def _answer(text_or_index, *, press_ok: bool = True):
    """A person answering the input dialog: types a text, or picks an entry, then OK."""

    def act(dialog) -> None:
        combo = dialog.findChild(QComboBox)
        spin = dialog.findChild(QDoubleSpinBox)
        edit = dialog.findChild(QLineEdit)
        if combo is not None and isinstance(text_or_index, str) and not combo.isEditable():
            combo.setCurrentIndex(combo.findText(text_or_index))
        else:
            target = spin.findChild(QLineEdit) if spin is not None else edit
            target.selectAll()
            QTest.keyClicks(target, text_or_index)
        QTest.keyClick(dialog, Qt.Key.Key_Return if press_ok else Qt.Key.Key_Escape)

    when_dialog(act)


def test_a_line_has_its_own_menu_and_each_edit_undoes(window) -> None:
    model, stack = window.document.model, window.document.undo_stack
    spot = _middle_of_line(window, "pricing", "it")
    right_click(window, spot, lambda menu: (texts.extend(menu_texts(menu))))
    assert texts[:3] == ["Edit Weight…", "Edit Label…", "Reverse Direction"] and "&Delete" in texts
    assert window.selection.dependencies() == [("pricing", "it")] and window.selection.units() == []

    _answer("2.5")
    right_click(window, spot, lambda menu: choose(menu, "Edit Weight…"))
    assert model.dependency("pricing", "it").weight == 2.5
    _answer("data feed")
    right_click(window, spot, lambda menu: choose(menu, "Edit Label…"))
    assert model.dependency("pricing", "it").label == "data feed"

    right_click(window, spot, lambda menu: choose(menu, "Reverse Direction"))
    assert not model.has_dependency("pricing", "it")
    reversed_dep = model.dependency("it", "pricing")
    assert (reversed_dep.weight, reversed_dep.label) == (2.5, "data feed")
    for _ in range(3):
        stack.undo()
    assert model.dependency("pricing", "it").weight is None and model.dependency("pricing", "it").label is None

    right_click(window, spot, lambda menu: choose(menu, "&Delete"))
    assert not model.has_dependency("pricing", "it") and "pricing" in model and "it" in model
    stack.undo()
    assert model.has_dependency("pricing", "it")


texts: list[str] = []


@pytest.fixture(autouse=True)
def _fresh_texts():
    texts.clear()


def test_a_card_menu_offers_office_parent_supporters_zoom(window, qtbot) -> None:
    model, stack = window.document.model, window.document.undo_stack
    right_click(window, card_centre(window, "shop"), lambda menu: texts.extend(menu_texts(menu)))
    assert window.selection.units() == ["shop"]
    for wanted in ("Re&name", "Office", "Reports To…", "Select Supporters", "Zoom To", "&Delete"):
        assert wanted in texts

    right_click(window, card_centre(window, "shop"), lambda menu: choose(menu, "Select Supporters"))
    assert sorted(window.selection.units()) == ["it", "payroll"]

    right_click(window, card_centre(window, "pricing"), lambda menu: choose(menu, "Office", "Back office"))
    assert model.unit("pricing").office == "back"
    stack.undo()
    assert model.unit("pricing").office == "middle"

    _answer("Audit")
    right_click(window, card_centre(window, "pricing"), lambda menu: choose(menu, "Reports To…"))
    assert model.parent("pricing") == "audit"
    stack.undo()
    assert model.parent("pricing") is None

    window.view.set_zoom(0.3)
    right_click(window, card_centre(window, "audit"), lambda menu: choose(menu, "Zoom To"))
    assert window.view.zoom() == pytest.approx(1.0)


def test_the_empty_canvas_menu_adds_here_selects_all_and_fits(window) -> None:
    spot = viewport_at(window, QPointF(300, 500))
    right_click(window, spot, lambda menu: texts.extend(menu_texts(menu)))
    assert texts[:3] == ["Add front-office unit here", "Add middle-office unit here", "Add back-office unit here"]
    assert "Select &All" in texts and "&Fit to Content" in texts
    assert "Edit Weight…" not in texts and "Re&name" not in texts
    right_click(window, spot, lambda menu: choose(menu, "Add back-office unit here"))
    new_id = window.selection.single_unit()
    unit = window.document.model.unit(new_id)
    assert unit.office == "back" and abs(unit.x + 90 - 300) < 2 and abs(unit.y + 32 - 500) < 2
