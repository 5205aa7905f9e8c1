"""The outline makes its rows as they are shown: a group too big to open at first puts none
of its names in order until the person opens it, and a unit whose row was never shown is
still selected, renamed, deleted and brought back by undo as everywhere else."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt

from ui.docks import outline_dock, outline_rows
from ui.window.main_window import MainWindow
from tests.ui.test_window_docks import LEFT, at, key, selected_ids, settle, window  # noqa: F401, F811 (the fixture)

BACK_NAMES = {"IT", "Finance", "HR", "Payroll"}


@pytest.fixture(autouse=True)  # before the window opens its model
def keys_made(monkeypatch) -> list[str]:
    """The names the outline computed a sort key for (groups over 3 units open closed)."""
    monkeypatch.setattr(outline_dock, "OPEN_LIMIT", 3)
    made: list[str] = []
    real = outline_rows.name_key

    def counted(name: str) -> str:
        made.append(name)
        return real(name)

    monkeypatch.setattr(outline_rows, "name_key", counted)
    return made


def back_group(window: MainWindow) -> QModelIndex:
    rows = window.outline.rows
    return next(rows.index(r, 0) for r in range(rows.rowCount()) if rows.index(r, 0).data().startswith("Back office"))


def names_under(window: MainWindow, group: QModelIndex) -> list[str]:
    rows = window.outline.rows
    return [rows.index(r, 0, group).data() for r in range(rows.rowCount(group))]


def open_by_its_arrow(qtbot, window: MainWindow, index: QModelIndex) -> None:
    """A click on the arrow left of the row."""
    tree = window.outline.tree
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), LEFT, pos=QPoint(rect.left() - tree.indentation() // 2, rect.center().y()))
    settle()


def test_a_closed_group_orders_no_name_until_the_person_opens_it(qtbot, window, keys_made):
    tree = window.outline.tree
    group = back_group(window)
    assert group.data() == "Back office (4)" and not tree.isExpanded(group)
    assert BACK_NAMES.isdisjoint(keys_made)  # the open groups' names only
    assert {"Sales North", "Risk Desk"} <= set(keys_made)
    open_by_its_arrow(qtbot, window, group)
    assert tree.isExpanded(back_group(window))
    assert names_under(window, back_group(window)) == ["Finance", "HR", "IT", "Payroll"]
    assert BACK_NAMES <= set(keys_made)
    # The new rows are there to be seen and clicked.
    index = window.outline.index_of_unit("hr")
    assert tree.viewport().rect().contains(tree.visualRect(index).center())
    qtbot.mouseClick(tree.viewport(), LEFT, pos=tree.visualRect(index).center())
    settle()
    assert window.selection.units() == ["hr"]


def test_a_unit_whose_row_was_never_shown_is_selected_both_ways(qtbot, window, keys_made):
    tree = window.outline.tree
    window.view.centerOn(window.scene.cards["pay"])
    settle()
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, "pay"))
    settle()
    assert window.selection.units() == ["pay"]
    assert selected_ids(tree) == ["pay"]  # its row made, selected, and its group still closed
    assert not tree.isExpanded(back_group(window))
    # From the outline: the group opened, the arrow keys walk its rows; the canvas follows.
    open_by_its_arrow(qtbot, window, back_group(window))
    tree.setFocus()
    key(window, Qt.Key.Key_Up)
    assert window.selection.units() == ["it"]
    assert window.scene.cards["it"].isSelected() and not window.scene.cards["pay"].isSelected()
    assert selected_ids(tree) == ["it"]


def test_renames_deletes_and_undo_in_a_group_never_shown(qtbot, window, keys_made):
    document = window.document
    document.rename_unit("hr", "Accounts")
    document.delete(["it"])
    settle()
    assert back_group(window).data() == "Back office (3)"
    assert BACK_NAMES.isdisjoint(keys_made)  # still nothing put in order there
    open_by_its_arrow(qtbot, window, back_group(window))
    assert names_under(window, back_group(window)) == ["Accounts", "Finance", "Payroll"]
    window.view.setFocus()
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the delete undone
    assert names_under(window, back_group(window)) == ["Accounts", "Finance", "IT", "Payroll"]
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the rename undone
    assert names_under(window, back_group(window)) == ["Finance", "HR", "IT", "Payroll"]
    assert back_group(window).data() == "Back office (4)"
    # Shown rows follow too: a rename moves the row, keeping it selected.
    window.selection.select_unit("pay", reveal=False)
    settle()
    document.rename_unit("pay", "Benefits")
    settle()
    assert names_under(window, back_group(window)) == ["Benefits", "Finance", "HR", "IT"]
    assert selected_ids(window.outline.tree) == ["pay"]


def test_the_reporting_tree_follows_two_managers_swapped_in_one_go(qtbot, window):
    outline, document = window.outline, window.document
    outline.set_mode(outline.REPORTING_TREE)
    document.set_parent("r1", "s1")
    document.set_parent("fin", "r1")
    settle()
    assert outline.index_of_unit("fin").parent().data() == "Risk Desk"
    assert outline.index_of_unit("r1").parent().data() == "Sales North"
    # Risk Desk goes to the top and Sales North under it, before the outline looks again.
    document.set_parent("r1", None)
    document.set_parent("s1", "r1")
    settle()
    assert outline.index_of_unit("s1").parent().data() == "Risk Desk"
    assert not outline.index_of_unit("r1").parent().isValid()
    assert outline.index_of_unit("fin").parent().data() == "Risk Desk"
    assert sorted(outline.visible_unit_ids()) == sorted(document.model.unit_ids())
    for _ in range(4):
        document.undo_stack.undo()
    settle()
    assert all(not outline.index_of_unit(uid).parent().isValid() for uid in document.model.unit_ids())
    outline.filter_edit.setText("finance")
    settle()
    assert outline.visible_unit_ids() == ["fin"]
