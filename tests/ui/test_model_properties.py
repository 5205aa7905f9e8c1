"""The properties panel as a person uses it from the window: the model's own name and
description, a unit's id, and what "default" means for a unit's revenue flag."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from orgmodel.formats.native import load
from editor_window import at, snapshot, window  # noqa: F401  (window is a fixture)
from ui.window.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def click_unit(w: MainWindow, qtbot, unit_id: str) -> None:
    qtbot.mouseClick(w.view.viewport(), LEFT, pos=at(w, unit_id))
    qtbot.wait(1)
    QApplication.processEvents()


def type_line(qtbot, editor, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(1)
    QApplication.processEvents()


def file_menu_entry(w: MainWindow, text: str):
    menu = next(a.menu() for a in w.menuBar().actions() if a.text().replace("&", "") == "File")
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


# -- revenue-generating: the default says what it is --------------------------------------------


@pytest.mark.parametrize(("unit_id", "shown"), [("it", "Default: No (back office)"), ("sales", "Default: Yes (front office)"), ("risk", "Default: No (middle office)")])
def test_the_default_revenue_flag_says_its_value_for_the_office(window: MainWindow, qtbot, unit_id: str, shown: str) -> None:
    click_unit(window, qtbot, unit_id)
    assert window.properties.revenue_combo.currentText() == shown


# -- the model's name and description ------------------------------------------------------------


def test_model_properties_are_edited_with_undo_and_titled_exports(window: MainWindow, qtbot, tmp_path: Path, monkeypatch) -> None:
    click_unit(window, qtbot, "sales")
    file_menu_entry(window, "Model Properties…").trigger()
    qtbot.wait(5)
    page = window.properties.model_page
    assert page.isVisible() and window.selection.units() == []
    assert page.name_edit.hasFocus() and page.name_edit.text() == "Test Co"
    steps = window.document.undo_stack.count()
    type_line(qtbot, page.name_edit, "Acme Holding")
    page.description_edit.setFocus()
    qtbot.keyClicks(page.description_edit, "Retail group, 2026 plan")
    page.name_edit.setFocus()  # leaving the description commits it
    QApplication.processEvents()
    model = window.document.model
    assert (model.name, model.description) == ("Acme Holding", "Retail group, 2026 plan")
    assert window.document.undo_stack.count() == steps + 2
    # Saved in the file; the export's title uses the name.
    path = tmp_path / "acme.orgmodel"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.save_as_action.trigger()
    again = load(str(path))
    assert (again.name, again.description) == ("Acme Holding", "Retail group, 2026 plan")
    picture = tmp_path / "acme.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(picture), ""))

    def titled(dialog) -> bool:
        dialog.title.setChecked(True)
        return True

    monkeypatch.setattr(window, "run_export_dialog", titled)
    window.export_action.trigger()
    assert "Acme Holding" in picture.read_text(encoding="utf-8")
    # Undo, one step at a time; the fields follow.
    window.undo_action.trigger()
    qtbot.wait(1)
    assert model.description == "" and page.description_edit.toPlainText() == ""
    window.undo_action.trigger()
    qtbot.wait(1)
    assert model.name == "Test Co" and page.name_edit.text() == "Test Co"


def test_esc_in_the_model_name_puts_the_name_back(window: MainWindow, qtbot) -> None:
    file_menu_entry(window, "Model Properties…").trigger()
    qtbot.wait(5)
    page = window.properties.model_page
    page.name_edit.selectAll()
    qtbot.keyClicks(page.name_edit, "Nope")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Escape)
    assert page.name_edit.text() == "Test Co" and window.document.model.name == "Test Co"


# -- a unit's id ----------------------------------------------------------------------------------


def test_the_unit_id_is_shown_and_changed_with_its_lines_and_undo(window: MainWindow, qtbot) -> None:
    model = window.document.model
    before = snapshot(model)
    click_unit(window, qtbot, "risk")
    dock = window.properties
    assert dock.id_edit.text() == "risk"
    type_line(qtbot, dock.id_edit, "risk-office")
    assert "risk" not in model and model.unit("risk-office").name == "Risk"
    assert model.unit_ids() == ["sales", "web", "risk-office", "it", "fin", "legal"]  # same place
    assert [(d.source, d.target) for d in model.dependencies()] == [("sales", "risk-office"), ("risk-office", "it"), ("it", "fin"), ("fin", "it")]
    assert model.parent("risk-office") == "sales"
    assert window.selection.units() == ["risk-office"] and dock.id_edit.text() == "risk-office"
    assert "risk-office" in window.scene.cards and "risk" not in window.scene.cards
    assert dock.error_message("id") == ""
    window.undo_action.trigger()
    qtbot.wait(1)
    assert snapshot(model) == before
    assert window.selection.units() == ["risk"] and dock.id_edit.text() == "risk"
    window.redo_action.trigger()
    qtbot.wait(1)
    assert model.parent("risk-office") == "sales" and dock.id_edit.text() == "risk-office"


@pytest.mark.parametrize(("typed", "reason"), [("it", "already exists"), ("", "must not be empty")])
def test_a_taken_or_blank_id_is_refused_in_place(window: MainWindow, qtbot, typed: str, reason: str) -> None:
    model = window.document.model
    before = snapshot(model)
    click_unit(window, qtbot, "risk")
    dock = window.properties
    steps = window.document.undo_stack.count()
    dock.id_edit.setFocus()
    dock.id_edit.selectAll()
    if typed:
        qtbot.keyClicks(dock.id_edit, typed)
    else:
        qtbot.keyClick(dock.id_edit, Qt.Key.Key_Delete)
    qtbot.keyClick(dock.id_edit, Qt.Key.Key_Return)
    assert reason in dock.error_message("id")
    assert snapshot(model) == before and window.document.undo_stack.count() == steps
    qtbot.keyClick(dock.id_edit, Qt.Key.Key_Escape)
    assert dock.id_edit.text() == "risk" and dock.error_message("id") == ""


def test_a_selected_dependency_stays_selected_when_undo_gives_its_end_the_old_id(window: MainWindow, qtbot) -> None:
    click_unit(window, qtbot, "risk")
    type_line(qtbot, window.properties.id_edit, "risk-office")
    window.selection.set(dependencies=[("risk-office", "it")])
    qtbot.wait(1)
    window.undo_action.trigger()
    qtbot.wait(1)
    assert window.selection.dependencies() == [("risk", "it")]
    assert window.properties.ends_label.text() == "Risk → IT"
