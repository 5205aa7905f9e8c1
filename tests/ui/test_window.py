"""The window around the canvas as a person meets it: toolbar, status bar, remembered
layout, icon, Help › Keyboard Shortcuts and the keys that add units."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton

from editor_window import at, small_model, window  # noqa: F401  (window is a fixture)
from ui.window.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def toolbar_buttons(w: MainWindow) -> dict[str, QToolButton]:
    toolbar = w.findChild(QToolBar, "mainToolbar")
    return {action.objectName() or action.iconText(): toolbar.widgetForAction(action) for action in toolbar.actions() if not action.isSeparator()}


def overflow_shown(w: MainWindow) -> bool:
    extension = w.findChild(QToolBar, "mainToolbar").findChild(QToolButton, "qt_toolbar_ext_button")
    return extension is not None and extension.isVisible()


# -- the toolbar ---------------------------------------------------------------------------------


def _check_toolbar_stays_put(w: MainWindow, qtbot, undo_word: str) -> None:
    undo_button = w.findChild(QToolBar, "mainToolbar").widgetForAction(w.undo_action)
    fit_button = w.findChild(QToolBar, "mainToolbar").widgetForAction(w.fit_action)
    before = (undo_button.geometry(), fit_button.geometry())
    w.add_actions["front"].trigger()  # adds and starts the inline rename
    editor = w.view._editor
    editor.selectAll()
    qtbot.keyClicks(editor, "Sales and Marketing Europe")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert "Sales and Marketing Europe" in w.undo_action.text()
    assert undo_button.text() == undo_word
    assert "Sales and Marketing Europe" in undo_button.toolTip()  # the whole text is still there
    assert (undo_button.geometry(), fit_button.geometry()) == before  # nothing moved
    assert not overflow_shown(w), "every toolbar entry fits at the default size"
    # A second click where Undo was undoes once more (the button did not move under it).
    qtbot.mouseClick(undo_button, LEFT)
    qtbot.mouseClick(undo_button, LEFT)
    assert "Sales and Marketing Europe" not in [u.name for u in w.document.model.units()]


def test_the_undo_button_keeps_one_short_word_and_the_toolbar_does_not_move(window: MainWindow, qtbot) -> None:
    _check_toolbar_stays_put(window, qtbot, "Undo")


def test_in_turkish_every_toolbar_entry_fits_after_an_edit(qtbot, turkish) -> None:
    w = MainWindow()
    w.document.replace_model(small_model(), None)
    w.show()  # the default size
    qtbot.waitExposed(w)
    try:
        _check_toolbar_stays_put(w, qtbot, "Geri Al")
    finally:
        w.document.undo_stack.setClean()
        w.close()
        w.deleteLater()


# -- the analysis message in the status bar ---------------------------------------------------


def test_the_analysis_message_follows_deselecting_deleting_and_select_all(window: MainWindow, qtbot) -> None:
    bar = window.statusBar()
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, "sales"))
    qtbot.waitUntil(lambda: "Sales is supported by" in bar.currentMessage())
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Escape)  # deselect
    qtbot.waitUntil(lambda: bar.currentMessage() == "")
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, "sales"))
    qtbot.waitUntil(lambda: "Sales is supported by" in bar.currentMessage())
    window.select_all_action.trigger()
    qtbot.waitUntil(lambda: bar.currentMessage() == "")
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, "legal"))
    qtbot.waitUntil(lambda: "Legal supports" in bar.currentMessage())
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: "Legal" not in bar.currentMessage())


def test_the_analysis_message_follows_a_rename_in_the_properties(window: MainWindow, qtbot) -> None:
    bar = window.statusBar()
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, "fin"))
    qtbot.waitUntil(lambda: bar.currentMessage().startswith("Finance supports"))
    name = window.properties.name_edit
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Treasury")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.currentMessage().startswith("Treasury supports"))


@pytest.mark.parametrize("how", ["new", "open"])
def test_the_analysis_message_goes_with_the_model_it_was_about(window: MainWindow, qtbot, tmp_path, monkeypatch, how: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from orgmodel.formats.native import save

    other = tmp_path / "other.orgmodel"
    save(small_model(), str(other))
    monkeypatch.setattr(window, "ask_unsaved_changes", lambda: QMessageBox.StandardButton.Discard)
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, "fin"))
    qtbot.waitUntil(lambda: "Finance supports" in window.statusBar().currentMessage())
    if how == "new":
        window.new_action.trigger()
    else:
        window.open_path(str(other), ask=False)
    qtbot.waitUntil(lambda: "Finance" not in window.statusBar().currentMessage())


# -- remembered layout, icon ---------------------------------------------------------------------


def test_size_and_dock_layout_are_remembered_in_the_settings(qtbot) -> None:
    first = MainWindow()
    first.show()
    qtbot.waitExposed(first)
    screen = QApplication.primaryScreen().availableGeometry()
    size = (min(1100, screen.width()) - 40, min(700, screen.height()) - 40)  # Qt keeps a window on its screen
    first.resize(*size)
    first.analysis_dock.hide()  # the person closed a dock
    first.close()
    assert QSettings().value("window/state") is not None
    second = MainWindow()
    second.show()
    qtbot.waitExposed(second)
    try:
        assert (second.width(), second.height()) == size
        assert second.analysis_dock.isHidden() and not second.properties.isHidden()
    finally:
        second.close()
        second.deleteLater()
        first.deleteLater()


def test_the_window_and_the_application_have_the_orgmodel_icon(window: MainWindow) -> None:
    assert not window.windowIcon().isNull()
    assert not QApplication.windowIcon().isNull()
    assert not window.windowIcon().pixmap(32, 32).toImage().isNull()


# -- keys ----------------------------------------------------------------------------------------


def test_help_lists_every_shortcut_of_every_action(window: MainWindow, qtbot) -> None:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help")
    entry = next(a for a in help_menu.actions() if a.text().replace("&", "") == "Keyboard Shortcuts")
    entry.trigger()
    dialog = window.shortcuts_dialog
    qtbot.waitExposed(dialog)
    table = dialog.table
    listed = {(table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())}
    for action in window.findChildren(type(window.undo_action)):
        for key in action.shortcuts():
            if not key.isEmpty():
                assert (action.text().replace("&", ""), key.toString(QKeySequence.SequenceFormat.NativeText)) in {
                    (command, part) for command, keys in listed for part in keys.split(", ")
                }, action.text()
    assert ("Add front-office unit", "Ctrl+Shift+F") in listed
    dialog.close()


def _shortcuts_dialog(window: MainWindow, qtbot):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") in ("Help", "Yardım"))
    help_menu.actions()[0].trigger()  # Keyboard Shortcuts, first in the Help menu
    qtbot.waitExposed(window.shortcuts_dialog)
    return window.shortcuts_dialog


def test_help_lists_the_canvas_keys_in_a_section_of_their_own(window: MainWindow, qtbot) -> None:
    dialog = _shortcuts_dialog(window, qtbot)
    table = dialog.canvas_table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Esc"] == "Cancel the line being drawn, or clear the selection"
    assert rows["Arrow keys"] == "Move the selected units by 10 px" and rows["Shift+Arrow keys"] == "Move the selected units by 1 px"
    assert any(keys.startswith("Alt+drag") for keys in rows) and "Ctrl+wheel" in rows and "Space+drag, middle-button drag" in rows
    dialog.close()


def test_the_canvas_keys_are_listed_in_turkish(turkish, qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    dialog = _shortcuts_dialog(window, qtbot)
    table = dialog.canvas_table
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    english = dict(__import__("ui.dialogs.shortcuts", fromlist=["CANVAS_KEYS"]).CANVAS_KEYS)
    for keys, what in rows:
        assert what not in english.values(), what  # every line translated
    assert table.horizontalHeaderItem(1).text() != "What it does"
    dialog.close()


def test_no_two_actions_share_a_key(window: MainWindow) -> None:
    owners: dict[str, str] = {}
    for action in window.findChildren(type(window.undo_action)):
        for key in action.shortcuts():
            text = key.toString()
            if text:
                assert text not in owners, f"{text}: {owners.get(text)} and {action.text()}"
                owners[text] = action.text()


@pytest.mark.parametrize(("keys", "office"), [("Ctrl+Shift+F", "front"), ("Ctrl+Shift+M", "middle"), ("Ctrl+Shift+B", "back")])
def test_a_key_adds_a_unit(window: MainWindow, qtbot, keys: str, office: str) -> None:
    before = set(window.document.model.unit_ids())
    window.view.setFocus()
    sequence = QKeySequence(keys)[0]
    qtbot.keyClick(window.view.viewport(), sequence.key(), sequence.keyboardModifiers())
    added = set(window.document.model.unit_ids()) - before
    assert len(added) == 1 and window.document.model.unit(added.pop()).office == office

