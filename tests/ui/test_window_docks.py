"""The outline and analysis docks in the window, driven as a person drives them: finding a
unit with the keyboard alone, selection in step between canvas and tables, readable columns,
and edits that move one row instead of sorting every row again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from orgmodel.model import OrgModel, Unit
from ui.docks import outline_dock
from ui.window.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def company() -> OrgModel:
    """Three sales teams, two risk teams and four back-office units, in a grid."""
    model = OrgModel("Find Co")
    units = [
        ("s1", "Sales North", "front", 500.0),
        ("s2", "Sales South", "front", 300.0),
        ("s3", "Sales West", "front", 200.0),
        ("r1", "Risk Desk", "middle", None),
        ("r2", "Risk Models", "middle", None),
        ("it", "IT", "back", None),
        ("fin", "Finance", "back", None),
        ("hr", "HR", "back", None),
        ("pay", "Payroll", "back", None),
    ]
    for i, (uid, name, office, revenue) in enumerate(units):
        model.add_unit(Unit(uid, name, office, revenue=revenue, x=(i % 3) * 260.0, y=(i // 3) * 160.0))
    for a, b in [("s1", "r1"), ("r1", "it"), ("s1", "fin"), ("s2", "hr"), ("it", "fin"), ("fin", "it")]:
        model.add_dependency(a, b)
    return model


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def window(qtbot) -> MainWindow:
    w = MainWindow()
    w.document.replace_model(company(), None)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.view.set_zoom(0.3)
    settle()
    yield w
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


def key(window: MainWindow, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed on whatever has the focus, as the person's keyboard would."""
    QTest.keyClick(QApplication.focusWidget() or window, k, modifier)
    settle()


def type_text(window: MainWindow, text: str) -> None:
    QTest.keyClicks(QApplication.focusWidget(), text)
    settle()


def at(window: MainWindow, unit_id: str):
    card = window.scene.cards[unit_id]
    return window.view.mapFromScene(card.scenePos() + QPointF(90, 32))


# -- Ctrl+F, all the way with the keyboard ---------------------------------------------------


def test_find_with_the_keyboard_alone(qtbot, window):
    outline = window.outline
    window.view.setFocus()
    key(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is outline.filter_edit
    type_text(window, "sales")
    assert window.selection.units() == []
    # Enter: the first match is selected, and the canvas zooms to where it can be read.
    key(window, Qt.Key.Key_Return)
    assert window.selection.units() == ["s1"]
    assert window.view.zoom() >= 0.5
    card_centre = window.view.mapFromScene(window.scene.cards["s1"].sceneBoundingRect().center())
    assert window.view.viewport().rect().contains(card_centre)
    # F3 and Shift+F3: next and previous match, wherever the focus is, wrapping around.
    key(window, Qt.Key.Key_F3)
    assert window.selection.units() == ["s2"]
    key(window, Qt.Key.Key_F3)
    key(window, Qt.Key.Key_F3)
    assert window.selection.units() == ["s1"]
    key(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.units() == ["s3"]
    # Down goes into the results, on the first match; the arrows walk them, the canvas follows.
    key(window, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is outline.tree
    assert window.selection.units() == ["s1"]
    key(window, Qt.Key.Key_Down)
    assert window.selection.units() == ["s2"]
    assert outline.tree.currentIndex().data(ID_ROLE) == "s2"
    # Esc clears the filter and goes back to it; the selection stays.
    key(window, Qt.Key.Key_Escape)
    assert outline.filter_edit.text() == ""
    assert QApplication.focusWidget() is outline.filter_edit
    assert len(outline.visible_unit_ids()) == 9
    assert window.selection.units() == ["s2"]


def test_escape_in_the_filter_clears_it_and_enter_on_nothing_does_nothing(qtbot, window):
    window.view.setFocus()
    key(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(window, "zzz")
    key(window, Qt.Key.Key_Return)
    assert window.selection.units() == []
    key(window, Qt.Key.Key_Escape)
    assert window.outline.filter_edit.text() == ""
    key(window, Qt.Key.Key_Return)  # an empty filter: nothing to go to
    assert window.selection.units() == []


# -- the analysis dock: readable, and in step with the canvas ---------------------------------


def test_analysis_columns_are_readable_at_the_default_width(qtbot, window):
    for view in (window.analysis_dock.revenue_table, window.analysis_dock.back_office_table):
        header = view.horizontalHeader()
        model = view.model()
        width = view.viewport().width()
        for column in range(3):  # more than Name and Office: the figures too
            text = model.headerData(column, Qt.Orientation.Horizontal)
            assert header.sectionSize(column) >= view.fontMetrics().horizontalAdvance(text), text
            assert header.sectionViewportPosition(column) + header.sectionSize(column) <= width, text
        full = model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert full and len(full) >= len(model.headerData(2, Qt.Orientation.Horizontal))


def selected_ids(view) -> list[str]:
    return [index.data(ID_ROLE) for index in view.selectionModel().selectedRows()]


def test_selecting_on_the_canvas_selects_the_row_and_back(qtbot, window):
    dock = window.analysis_dock
    window.view.centerOn(window.scene.cards["s2"])
    settle()
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, "s2"))
    settle()
    assert window.selection.units() == ["s2"]
    assert selected_ids(dock.revenue_table) == ["s2"]
    assert selected_ids(dock.back_office_table) == []
    # The other way: a click on a row selects its unit on the canvas, and nothing echoes.
    dock.tabs.setCurrentWidget(dock.back_office_table)
    settle()
    view = dock.back_office_table
    rect = view.visualRect(dock.back_office_model.index(dock.back_office_model.row_of("hr"), 0))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
    settle()
    assert window.selection.units() == ["hr"]
    assert window.scene.cards["hr"].isSelected() and not window.scene.cards["s2"].isSelected()
    assert selected_ids(view) == ["hr"]
    assert selected_ids(dock.revenue_table) == []
    # Arrow keys in the table walk the units; the canvas follows.
    view.setFocus()
    key(window, Qt.Key.Key_Down)
    assert window.selection.units() == [view.currentIndex().data(ID_ROLE)] != ["hr"]
    # Clicking the empty canvas clears both.
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=window.view.mapFromScene(QPointF(-900, -900)))
    settle()
    assert window.selection.units() == [] and selected_ids(view) == []


# -- edits move one row, they do not sort every row again --------------------------------------


def rename_in_properties(qtbot, window: MainWindow, unit_id: str, name: str) -> None:
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, unit_id))
    settle()
    editor = window.properties.name_edit
    editor.setFocus()
    editor.selectAll()
    QTest.keyClicks(editor, name)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    settle()


def test_a_rename_moves_one_row_in_the_outline_and_the_tables(qtbot, window):
    window.view.centerOn(window.scene.cards["hr"])
    settle()
    outline, dock = window.outline, window.analysis_dock
    resets: list[str] = []
    for name, model in (("outline", outline.rows), ("revenue", dock.revenue_model), ("back office", dock.back_office_model)):
        model.modelReset.connect(lambda name=name: resets.append(f"{name} reset"))
        model.layoutChanged.connect(lambda *_, name=name: resets.append(f"{name} sorted again"))
    rename_in_properties(qtbot, window, "hr", "Accounts")
    assert window.document.model.unit("hr").name == "Accounts"
    assert resets == []
    back = dock.back_office_model
    assert [back.index(r, 0).data() for r in range(back.rowCount())] == ["Accounts", "Finance", "IT", "Payroll"]
    group = outline.index_of_unit("hr").parent()
    names = [outline.rows.index(r, 0, group).data() for r in range(outline.rows.rowCount(group))]
    assert names == ["Accounts", "Finance", "IT", "Payroll"]
    # The supporters listed for Sales South show the new name.
    revenue = dock.revenue_model
    assert revenue.index(revenue.row_of("s2"), 3).data() == "Accounts"


def test_tables_sorted_by_a_figure_follow_the_edits_that_change_it(qtbot, window):
    dock = window.analysis_dock
    header = dock.revenue_table.horizontalHeader()
    header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
    model = dock.revenue_model
    assert [model.index(r, 0).data() for r in range(3)] == ["Sales North", "Sales South", "Sales West"]
    window.document.add_dependency("s3", "it")  # Sales West now leans on IT and Finance
    settle()
    assert [model.index(r, 0).data() for r in range(3)] == ["Sales West", "Sales North", "Sales South"]
    assert [model.index(r, 2).data() for r in range(3)] == [2, 2, 1]
    window.document.undo_stack.undo()
    settle()
    assert [model.index(r, 0).data() for r in range(3)] == ["Sales North", "Sales South", "Sales West"]


def test_big_groups_open_closed_and_the_filter_opens_them(qtbot, window, monkeypatch):
    monkeypatch.setattr(outline_dock, "OPEN_LIMIT", 3)
    window.document.replace_model(company(), None)
    settle()
    tree, proxy = window.outline.tree, window.outline.rows
    groups = {proxy.index(r, 0).data().split(" (")[0]: proxy.index(r, 0) for r in range(proxy.rowCount())}
    assert tree.isExpanded(groups["Middle office"])  # 2 units
    assert not tree.isExpanded(groups["Back office"])  # 4 units: more than the limit
    # Selecting a unit of a closed group on the canvas selects its row without opening it.
    window.selection.select_unit("fin", reveal=False)
    settle()
    assert [i.data(ID_ROLE) for i in tree.selectionModel().selectedRows()] == ["fin"]
    assert not tree.isExpanded(groups["Back office"])
    window.outline.filter_edit.setText("pay")
    settle()
    assert window.outline.visible_unit_ids() == ["pay"]
    assert tree.isExpanded(window.outline.index_of_unit("pay").parent())
    window.outline.filter_edit.clear()
    settle()
    # A group the person opened stays open.
    group = next(proxy.index(r, 0) for r in range(proxy.rowCount()) if proxy.index(r, 0).data().startswith("Back"))
    tree.expand(group)
    window.document.add_unit("back", 900, 900, "Legal")
    settle()
    group = next(proxy.index(r, 0) for r in range(proxy.rowCount()) if proxy.index(r, 0).data().startswith("Back"))
    assert tree.isExpanded(group) and proxy.rowCount(group) == 5


def test_the_selected_row_follows_its_unit_when_the_table_is_sorted_again(qtbot, window):
    dock = window.analysis_dock
    window.selection.select_unit("s3", reveal=False)
    settle()
    assert selected_ids(dock.revenue_table) == ["s3"]
    header = dock.revenue_table.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    settle()
    assert dock.revenue_model.index(0, 0).data() == "Sales West"
    assert selected_ids(dock.revenue_table) == ["s3"]
    header.setSortIndicator(2, Qt.SortOrder.AscendingOrder)
    settle()
    assert selected_ids(dock.revenue_table) == ["s3"] and window.selection.units() == ["s3"]
