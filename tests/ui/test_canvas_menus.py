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
    for wanted in ("Re&name", "Office", "Reports To…", "Select Supporters", "Zoom to &Selection", "&Delete"):
        assert wanted in texts

    right_click(window, card_centre(window, "shop"), lambda menu: choose(menu, "Select Supporters"))
    assert sorted(window.selection.units()) == ["it", "payroll"]

    right_click(window, card_centre(window, "pricing"), lambda menu: choose(menu, "Office", "Back office"))
    assert model.unit("pricing").office == "back"
    stack.undo()
    assert model.unit("pricing").office == "middle"

    _pick_in_chooser("Audit")
    right_click(window, card_centre(window, "pricing"), lambda menu: choose(menu, "Reports To…"))
    assert model.parent("pricing") == "audit"
    stack.undo()
    assert model.parent("pricing") is None

    window.view.set_zoom(0.3)
    right_click(window, card_centre(window, "audit"), lambda menu: choose(menu, "Zoom to &Selection"))
    assert window.view.zoom() == pytest.approx(1.0)


def test_the_card_menu_zooms_with_the_windows_zoom_to_selection_and_shows_its_key(window) -> None:
    right_click(window, card_centre(window, "audit"), lambda menu: texts.extend(
        f"{a.text()}|{a.shortcut().toString()}" for a in menu.actions() if a is window.zoom_selection_action))
    assert texts == ["Zoom to &Selection|F"]


def _pick_in_chooser(typed: str, *keys: Qt.Key, seen: list | None = None) -> None:
    """A person in the Reports To chooser: types ``typed`` into its filter, notes the rows
    then shown, presses ``keys``, then Enter."""

    def act(dialog) -> None:
        from ui.dialogs.unit_chooser import UnitChooser

        assert isinstance(dialog, UnitChooser) and dialog.filter_edit.hasFocus()
        QTest.keyClicks(dialog.filter_edit, typed)
        rows = dialog.list.model()
        if seen is not None:
            seen.append([rows.index(r).data() for r in range(rows.rowCount())])
        for key in keys:
            QTest.keyClick(dialog.filter_edit, key)
        QTest.keyClick(dialog.filter_edit, Qt.Key.Key_Return)

    when_dialog(act, ready=lambda dialog: getattr(dialog, "filter_edit", dialog).hasFocus())


def test_reports_to_is_a_searchable_list_without_the_unit_and_those_under_it(qtbot) -> None:
    from canvas_driving import company
    from orgmodel.model import Unit

    model = company()
    model.add_unit(Unit("hr", "İnsan Kaynakları", "back", x=0.0, y=600.0))
    model.set_parent("payroll", "it")  # Payroll is under IT: IT reporting to it would be a loop
    w = open_window(qtbot, model)
    try:
        stack = w.document.undo_stack
        seen: list[list[str]] = []
        _pick_in_chooser("", seen=seen)  # Enter at once: the current choice, "No one", stays
        right_click(w, card_centre(w, "it"), lambda menu: choose(menu, "Reports To…"))
        assert seen[0][0] == "No one" and "IT" not in seen[0] and "Payroll" not in seen[0]
        assert sorted(seen[0][1:]) == sorted(["Ads", "Audit", "İnsan Kaynakları", "Pricing", "Shop"])
        assert w.document.model.parent("it") is None and stack.count() == 0
        # Typed without Turkish letters or capitals, the name is found; Enter picks it.
        seen.clear()
        _pick_in_chooser("insan", seen=seen)
        right_click(w, card_centre(w, "it"), lambda menu: choose(menu, "Reports To…"))
        assert seen == [["İnsan Kaynakları"]]
        assert w.document.model.parent("it") == "hr"
        # Down moves in the list from the filter; ids are found too.
        seen.clear()
        _pick_in_chooser("a", Qt.Key.Key_Down, seen=seen)
        right_click(w, card_centre(w, "shop"), lambda menu: choose(menu, "Reports To…"))
        assert seen[0][:2] == ["Ads", "Audit"] and w.document.model.parent("shop") == "audit"
        # Back to no one: the first row of the unfiltered list.
        _pick_in_chooser("", Qt.Key.Key_PageUp)
        right_click(w, card_centre(w, "it"), lambda menu: choose(menu, "Reports To…"))
        assert w.document.model.parent("it") is None
        stack.undo()
        assert w.document.model.parent("it") == "hr"
    finally:
        close_window(w)


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


def test_a_line_is_grouped_as_an_alternative_and_made_required_again(window) -> None:
    model, stack = window.document.model, window.document.undo_stack
    spot = _middle_of_line(window, "pricing", "it")
    texts: list[str] = []
    right_click(window, spot, lambda menu: texts.extend(menu_texts(menu)))
    assert "Group as Alternative…" in texts and "Make Required" not in texts
    _answer("IT site")
    right_click(window, spot, lambda menu: choose(menu, "Group as Alternative…"))
    assert model.dependency("pricing", "it").group == "IT site"
    texts.clear()
    right_click(window, spot, lambda menu: texts.extend(menu_texts(menu)))
    assert "Make Required" in texts and "Group as Alternative…" not in texts
    right_click(window, spot, lambda menu: choose(menu, "Make Required"))
    assert model.dependency("pricing", "it").group is None
    stack.undo()
    assert model.dependency("pricing", "it").group == "IT site"
