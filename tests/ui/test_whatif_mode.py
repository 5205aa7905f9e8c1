"""The editor's what-if mode, used as a person does: fail a unit from its right-click menu or
the Analysis menu, read the banner, see the failed and down cards marked and the rest faded,
edit during the simulation, delete a failed unit, end it with Esc or the banner's button. A
view state: the model, the undo stack and the saved file never change."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from canvas_driving import OFFSCREEN_NOTICES, card_centre, choose, close_window, company, menu_texts, open_window, right_click
from orgmodel.formats.native import dumps
from ui.canvas.items.unit_card import Emphasis

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_NOTICES)


def _company():
    model = company()
    model.update_unit("shop", revenue=200_000.0)
    model.update_unit("ads", revenue=18_500.0)
    return model


@pytest.fixture
def window(qtbot):
    w = open_window(qtbot, _company())
    yield w
    close_window(w)


def _fail_from_menu(window, unit_id: str, entry: str = "Simulate Failure") -> None:
    right_click(window, card_centre(window, unit_id), lambda menu: choose(menu, entry))
    QApplication.processEvents()


def test_failing_a_unit_from_its_menu_marks_what_goes_down_and_changes_nothing(window, tmp_path) -> None:
    document = window.document
    before = dumps(document.model)
    _fail_from_menu(window, "it")
    simulation = window.simulation
    assert simulation.failed == {"it"}
    assert simulation.result.revenue_units_down == ["ads", "shop"]
    banner = window.simulation_banner
    assert banner.isVisible()
    assert banner.label.text() == "Simulation: 1 unit failed (IT) — revenue at risk 218,500 (2 revenue units down, 0 saved by an alternative)"
    cards = window.scene.cards
    assert cards["it"].emphasis == Emphasis.FAILED
    assert {uid for uid in ("shop", "pricing", "ads") if cards[uid].emphasis == Emphasis.DOWN} == {"shop", "pricing", "ads"}
    assert cards["audit"].emphasis == Emphasis.DIMMED and cards["payroll"].emphasis == Emphasis.DIMMED
    assert window.scene.dependencies.highlighted() == {("shop", "pricing"), ("pricing", "it"), ("ads", "it")}
    # A view state: nothing edited, nothing to undo, nothing saved.
    assert dumps(document.model) == before
    assert document.undo_stack.count() == 0 and document.undo_stack.isClean()
    path = tmp_path / "saved.orgmodel"
    assert window._save_to(str(path))
    assert "it" not in json.dumps(json.loads(path.read_text(encoding="utf-8")).get("simulation", {}))
    assert path.read_text(encoding="utf-8") == dumps(document.model)
    assert "simulat" not in path.read_text(encoding="utf-8").lower()


def test_the_menu_adds_and_restores_units_while_a_simulation_runs(window) -> None:
    _fail_from_menu(window, "payroll")
    assert window.simulation.failed == {"payroll"}
    right_click(window, card_centre(window, "payroll"), lambda menu: texts.extend(menu_texts(menu)))
    assert "Restore Unit" in texts and "Simulate Failure" not in texts
    _fail_from_menu(window, "audit")
    assert window.simulation.failed == {"payroll", "audit"}
    assert window.simulation_banner.label.text().startswith("Simulation: 2 units failed")
    _fail_from_menu(window, "payroll", "Restore Unit")
    assert window.simulation.failed == {"audit"}
    assert window.scene.cards["payroll"].emphasis == Emphasis.DIMMED
    _fail_from_menu(window, "audit", "Restore Unit")  # the last one: the simulation ends
    assert not window.simulation.running and not window.simulation_banner.isVisible()
    assert window.scene.cards["audit"].emphasis == Emphasis.NORMAL


texts: list[str] = []


@pytest.fixture(autouse=True)
def _texts():
    texts.clear()


def test_the_analysis_menu_fails_the_selection_and_ends_it(window, qtbot) -> None:
    window.selection.set(["pricing", "payroll"])
    window.simulate_action.trigger()
    assert window.simulation.failed == {"pricing", "payroll"}
    assert window.end_simulation_action.isEnabled()
    window.end_simulation_action.trigger()
    assert not window.simulation.running and not window.simulation_banner.isVisible()
    assert not window.end_simulation_action.isEnabled()
    assert all(card.emphasis == Emphasis.NORMAL for card in window.scene.cards.values())
    assert window.scene.dependencies.highlighted() is None


def test_esc_and_the_banner_button_end_it(window, qtbot) -> None:
    window.selection.set(["it"])
    window.simulate_action.trigger()
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    assert not window.simulation.running
    window.selection.set(["it"])
    window.simulate_action.trigger()
    qtbot.mouseClick(window.simulation_banner.end_button, Qt.MouseButton.LeftButton)
    assert not window.simulation.running


def test_an_edit_during_the_simulation_updates_it_and_deleting_a_failed_unit_drops_it(window, qtbot) -> None:
    window.selection.set(["it", "audit"])
    window.simulate_action.trigger()
    window.document.delete(dependencies=[("ads", "it")])  # an edit: ads no longer needs IT
    qtbot.waitUntil(lambda: window.simulation.result.revenue_units_down == ["shop"])
    assert "revenue at risk 200,000" in window.simulation_banner.label.text()
    assert window.scene.cards["ads"].emphasis == Emphasis.DIMMED
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: window.simulation.result.revenue_units_down == ["ads", "shop"])
    window.selection.set(["it"])
    window.delete_selection()
    qtbot.waitUntil(lambda: window.simulation.failed == {"audit"})
    assert window.simulation.result.revenue_units_down == []
    window.document.undo_stack.undo()  # IT back: working, not failed (it was dropped)
    QApplication.processEvents()
    assert window.simulation.failed == {"audit"}
    assert window.scene.cards["it"].emphasis == Emphasis.DIMMED


def test_selecting_a_revenue_unit_down_shows_its_chain_only(window) -> None:
    window.selection.set(["it"])
    window.simulate_action.trigger()
    window.selection.set(["shop"])
    QApplication.processEvents()
    assert window.scene.dependencies.highlighted() == {("shop", "pricing"), ("pricing", "it")}
    assert window.scene.cards["shop"].emphasis == Emphasis.DOWN


def _whatif_page(qtbot, window):
    dock = window.analysis_dock
    dock.tabs.setCurrentIndex(dock.tabs.indexOf(dock.whatif_view))
    page = dock.whatif_view
    qtbot.waitUntil(lambda: not page._dirty)
    return page


def test_the_whatif_page_ranks_like_single_points_and_a_row_click_selects(window, qtbot) -> None:
    from orgmodel.analysis.spof import single_points
    from ui.docks.analysis_tables import ID_ROLE

    page = _whatif_page(qtbot, window)
    expected = single_points(window.document.model).units
    shown = [page.proxy.index(row, 0).data(ID_ROLE) for row in range(page.proxy.rowCount())]
    risks = [page.proxy.index(row, 2).data(Qt.ItemDataRole.DisplayRole) for row in range(page.proxy.rowCount())]
    assert shown[:2] == [row["id"] for row in expected[:2]]  # IT and Pricing: both take all 218,500 down
    assert risks[0] == "218,500" and sorted(shown) == sorted(row["id"] for row in expected)
    row = shown.index("payroll")
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(page.proxy.index(row, 0)).center())
    assert window.selection.units() == ["payroll"]


def test_the_whatif_page_shows_the_chains_of_a_simulation(window, qtbot) -> None:
    page = _whatif_page(qtbot, window)
    assert page.down.topLevelItemCount() == 0
    window.selection.set(["it"])
    window.simulate_action.trigger()
    rows = [[page.down.topLevelItem(i).text(c) for c in range(3)] for i in range(page.down.topLevelItemCount())]
    assert rows == [["Ads", "18,500", "Ads → IT"], ["Shop", "200,000", "Shop → Pricing → IT"]]
    assert page.saved.text() == "Saved by an alternative: none"
    item = page.down.topLevelItem(1)
    qtbot.mouseClick(page.down.viewport(), Qt.MouseButton.LeftButton, pos=page.down.visualItemRect(item).center())
    assert window.selection.units() == ["shop"]
    QApplication.processEvents()
    assert window.scene.dependencies.highlighted() == {("shop", "pricing"), ("pricing", "it")}
    window.simulation.end()
    assert page.down.topLevelItemCount() == 0


def test_far_out_a_failed_or_down_card_is_red_whatever_its_own_colour(qtbot) -> None:
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionGraphicsItem
    from ui import style
    from ui.canvas.items.unit_card import UnitCard

    card = UnitCard("x")
    card.set_unit("X", "back", False, None, None, "#AA00FF")
    for emphasis, colour in ((Emphasis.FAILED, style.FAILED), (Emphasis.DOWN, style.DOWN)):
        card.set_emphasis(emphasis)
        image = QImage(100, 100, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.scale(0.2, 0.2)  # blocks: below the level of detail of text
        card.paint(painter, QStyleOptionGraphicsItem())
        painter.end()
        assert image.pixelColor(20, 5) == colour  # the middle of the block, where the custom colour would fill
