"""The Automation page's margin uplift, on a model small enough to work out by hand: pick a
candidate in the ranking (or on the canvas) and read what automating it would add to each
revenue unit's margin; click a revenue unit there to find it on the canvas.

The model (reciprocal allocation; a weight is the allocation basis):

* Shop (front, revenue 1,000, cost 100) and Web (front, revenue 500, cost 50) earn revenue.
* IT (cost 300, potential 50 %) serves Shop (weight 2) and Web (weight 1).
* HR (cost 100, potential 20 %) serves IT and Shop (weight 1 each).
* Archive (cost 40, potential 50 %) serves Shop and Audit (weight 1 each); nobody depends on
  Audit (no cost), so what reaches it stays unallocated.

By hand: HR's 100 goes half to Shop, half to IT; IT holds 300 + 50 = 350 and gives Shop two
thirds (233.33) and Web one third (116.67); Archive gives Shop 20 and Audit 20 (unallocated).
Shop's fully loaded cost is 100 + 50 + 233.33 + 20 = 403.33, margin 596.67; Web's 50 + 116.67
= 166.67, margin 333.33.

Savings: IT 150 → Shop 100, Web 50. HR 20 → Shop 10 + 10 × 2/3 = 16.67, Web 10 × 1/3 = 3.33.
Archive 20 → Shop 10, and 10 unallocated (it lands on Audit).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from test_cost_view import automation_page
from test_export_table_button import open_window
from orgmodel.model import OrgModel, Unit
from ui.docks import uplift_view
from ui.docks.analysis_tables import ID_ROLE
from ui.window.main_window import MainWindow


def textbook() -> OrgModel:
    m = OrgModel()
    m.add_unit(Unit("shop", "Shop", "front", revenue=1000, cost=100))
    m.add_unit(Unit("web", "Web", "front", revenue=500, cost=50))
    m.add_unit(Unit("it", "IT", "back", cost=300, automation_potential=0.5))
    m.add_unit(Unit("hr", "HR", "back", cost=100, automation_potential=0.2))
    m.add_unit(Unit("archive", "Archive", "back", cost=40, automation_potential=0.5))
    m.add_unit(Unit("audit", "Audit", "middle"))
    for source, target, weight in [("shop", "it", 2), ("web", "it", 1), ("it", "hr", 1), ("shop", "hr", 1),
                                   ("shop", "archive", 1), ("audit", "archive", 1)]:
        m.add_dependency(source, target, weight=weight)
    return m


@pytest.fixture
def window(qtbot) -> MainWindow:
    w = MainWindow()
    w.document.replace_model(textbook(), None)
    w.resize(1500, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    w.deleteLater()


@pytest.fixture
def page(qtbot, window: MainWindow):
    return automation_page(qtbot, window)


def click_candidate(qtbot, page, unit_id: str) -> None:
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data(ID_ROLE) == unit_id)
    rect = page.table.visualRect(page.proxy.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def shown(page) -> list[list[str]]:
    tree = page.uplift.tree
    return [[tree.topLevelItem(i).text(c) for c in range(4)] for i in range(tree.topLevelItemCount())]


def test_a_candidate_picked_in_the_ranking_shows_its_margin_uplift_worked_out_by_hand(qtbot, window: MainWindow, page) -> None:
    click_candidate(qtbot, page, "hr")
    assert window.selection.units() == ["hr"]
    assert page.uplift.uplift == {"shop": 16.67, "web": 3.33}
    assert "HR" in page.uplift.title.text()
    # Revenue unit, uplift, margin now, margin after; largest first (amounts as the page shows them).
    assert shown(page) == [["Shop", "17", "597", "613"], ["Web", "3", "333", "337"]]
    assert page.uplift.total.text() == "Savings potential 20 · to revenue units 20 · unallocated 0"

    # Chosen on the canvas: IT's savings split 2 : 1.
    window.selection.select_unit("it")
    assert page.uplift.uplift == {"shop": 100.0, "web": 50.0}
    assert shown(page)[0] == ["Shop", "100", "597", "697"]
    # Archive: half of it lands on Audit, which hands nothing on.
    window.selection.select_unit("archive")
    assert page.uplift.uplift == {"shop": 10.0}
    assert page.uplift.total.text() == "Savings potential 20 · to revenue units 10 · unallocated 10"
    # A revenue unit's savings are its own; a unit without cost or potential has none.
    window.document.model.update_unit("web", automation_potential=0.1)
    qtbot.waitUntil(lambda: not page._dirty)
    window.selection.select_unit("web")
    assert shown(page) == [["Web", "5", "333", "338"]]
    window.selection.select_unit("audit")
    assert shown(page) == [] and "Audit" in page.uplift.title.text() and "lacks a cost" in page.uplift.title.text()
    window.selection.clear()
    assert shown(page) == [] and "Select a unit" in page.uplift.title.text()


def test_a_revenue_unit_clicked_in_the_breakdown_is_selected_and_the_breakdown_stays(qtbot, window: MainWindow, page) -> None:
    click_candidate(qtbot, page, "it")
    tree = page.uplift.tree
    rect = tree.visualItemRect(tree.topLevelItem(1))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selection.units() == ["web"]
    assert "IT" in page.uplift.title.text() and page.uplift.unit_id == "it"
    assert [r.data(ID_ROLE) for r in page.table.selectionModel().selectedRows()] == ["it"]
    # Clicking the candidate's row again selects it again.
    click_candidate(qtbot, page, "it")
    assert window.selection.units() == ["it"]


def test_the_uplift_is_computed_for_the_selected_unit_only_on_one_allocation(qtbot, window: MainWindow, page, monkeypatch) -> None:
    allocations: list[str] = []
    uplifts: list[str] = []
    real_allocate, real_uplift = uplift_view.allocate, uplift_view.margin_uplift
    monkeypatch.setattr(uplift_view, "allocate", lambda *a, **k: allocations.append("x") or real_allocate(*a, **k))
    monkeypatch.setattr(uplift_view, "margin_uplift", lambda m, a, uid: uplifts.append(uid) or real_uplift(m, a, uid))
    page.refresh()  # nothing selected: no allocation, no uplift
    assert allocations == [] and uplifts == []
    window.selection.select_unit("it")
    window.selection.select_unit("hr")
    assert allocations == ["x"] and uplifts == ["it", "hr"]
    # A cost edit: allocated again (once), for the one selected unit.
    window.document.model.update_unit("hr", cost=200)
    qtbot.waitUntil(lambda: not page._dirty)
    assert allocations == ["x", "x"] and uplifts == ["it", "hr", "hr"]
    assert page.uplift.uplift == {"shop": 33.33, "web": 6.67}


def test_an_uplift_that_cannot_be_read_is_said_so_and_the_page_goes_on(qtbot, window: MainWindow, page, monkeypatch, caplog) -> None:
    def broken(*_args):
        raise KeyError("gone")

    monkeypatch.setattr(uplift_view, "margin_uplift", broken)
    window.selection.select_unit("it")
    assert page.uplift.title.text() == "The margin uplift could not be computed." and shown(page) == []
    assert "could not read the margin uplift of it" in caplog.text
    monkeypatch.undo()
    window.selection.select_unit("hr")
    assert page.uplift.uplift == {"shop": 16.67, "web": 3.33}


def test_in_the_docked_panel_the_ranking_and_the_breakdown_both_stay_readable(qtbot) -> None:
    w = open_window(qtbot, "example_co.orgmodel")
    try:
        view = automation_page(qtbot, w)
        w.selection.select_unit("payroll")
        qtbot.wait(10)
        rows = view.table.viewport().height() / view.table.verticalHeader().defaultSectionSize()
        # The Table/Chart tabs take a line: 3.8 rows at the default window size.
        assert rows >= 3.5, "the ranking squeezed by the breakdown under it"
        tree = view.uplift.tree
        assert tree.topLevelItemCount() >= 3 and tree.viewport().height() >= 2 * tree.visualItemRect(tree.topLevelItem(0)).height()
        # The revenue units' names are not given up for the numbers.
        assert tree.header().sectionSize(0) >= tree.fontMetrics().horizontalAdvance("Call Centre")
        # Every number column shows its widest number whole.
        for column in (1, 2, 3):
            widest = max(tree.fontMetrics().horizontalAdvance(tree.topLevelItem(i).text(column)) for i in range(tree.topLevelItemCount()))
            assert tree.header().sectionSize(column) > widest
    finally:
        w.document.undo_stack.setClean()
        w.close()
        w.deleteLater()


def test_shares_rounded_a_cent_over_the_savings_leave_nothing_unallocated_not_minus_nothing(qtbot, turkish) -> None:
    w = open_window(qtbot, "ornek_as.orgmodel")
    try:
        view = automation_page(qtbot, w)
        w.selection.select_unit("muhasebe")  # its shares, each to the cent, add up to 2 cents over
        assert sum(view.uplift.uplift.values()) > 27_000_000
        assert view.uplift.total.text() == "Tasarruf potansiyeli 27.000.000 · gelir birimlerine 27.000.000 · dağıtılamayan 0"
    finally:
        w.document.undo_stack.setClean()
        w.close()
        w.deleteLater()
