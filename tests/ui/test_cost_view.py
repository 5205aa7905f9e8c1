"""The Analysis dock's Cost to serve page, used as a person does: open the sample, pick the
page, read the figures the command line gives, change the method, click a row (the canvas
selection follows, and the breakdown shows where the cost comes from), select a service unit
(where its cost goes), and edit a cost in the Properties dock (the page follows, once)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from conftest import SAMPLES
from dock_fixtures import type_into
from orgmodel.analysis.cost import allocate
from orgmodel.formats.native import load
from ui.docks import cost_view
from ui.docks.analysis_tables import ID_ROLE
from ui.i18n import format_amount
from ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot) -> MainWindow:
    w = MainWindow()
    w.document.replace_model(load(SAMPLES / "example_co.orgmodel"), None)
    w.resize(1500, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


def page(qtbot, window: MainWindow) -> cost_view.CostView:
    dock = window.analysis_dock
    dock.tabs.setCurrentIndex(dock.tabs.indexOf(dock.cost_view))
    view = dock.cost_view
    qtbot.waitUntil(lambda: view.allocation is not None and not view._dirty)
    return view


def rows(view: cost_view.CostView) -> dict[str, list[str]]:
    proxy = view.proxy
    return {proxy.index(r, 0).data(ID_ROLE): [proxy.index(r, c).data() for c in range(proxy.columnCount())]
            for r in range(proxy.rowCount())}


def test_the_page_shows_each_revenue_units_cost_as_the_engine_allocates_it(qtbot, window: MainWindow) -> None:
    view = page(qtbot, window)
    model = window.document.model
    expected = allocate(model, "reciprocal")
    shown = rows(view)
    assert set(shown) == {r.id for r in expected.revenue_units} and len(shown) == 10
    for r in expected.revenue_units:
        assert shown[r.id][2:5] == [format_amount(v, 0) for v in (r.own_cost, r.allocated, r.fully_loaded)]
    # Sorted costliest to serve first; a header click sorts by number, not by text.
    loads = [view.proxy.index(i, 4).data(cost_view.SORT_ROLE) for i in range(view.proxy.rowCount())]
    assert loads == sorted(loads, reverse=True)
    assert format_amount(expected.total_service_cost, 0) in view.totals.text()
    # Another method, other figures, at once.
    view.method.setCurrentIndex(view.method.findData("direct"))
    direct = allocate(model, "direct")
    assert view.allocation.method == "direct"
    assert {k: v[3] for k, v in rows(view).items()} == {r.id: format_amount(r.allocated, 0) for r in direct.revenue_units}


def test_a_row_click_selects_the_unit_and_shows_where_its_cost_comes_from(qtbot, window: MainWindow) -> None:
    view = page(qtbot, window)
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 0).data(ID_ROLE) == "sales-emea")
    rect = view.table.visualRect(view.proxy.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selection.units() == ["sales-emea"]
    sources = view.allocation.from_services("sales-emea")
    names = [view.breakdown.topLevelItem(i).text(0) for i in range(view.breakdown.topLevelItemCount())]
    model = window.document.model
    assert names == [model.unit(s).name for s, _ in sorted(sources.items(), key=lambda kv: -kv[1])]
    assert "Sales – EMEA" in view.breakdown_title.text()
    # A service unit chosen on the canvas: where its cost goes, its row-less selection clears the table's.
    window.selection.select_unit("payroll")
    goes = view.allocation.to_revenue("payroll")
    assert view.breakdown.topLevelItemCount() == len(goes) and not view.table.selectionModel().selectedRows()
    assert "Payroll" in view.breakdown_title.text()


def test_a_cost_edit_in_the_properties_dock_updates_the_page_once(qtbot, window: MainWindow, monkeypatch) -> None:
    view = page(qtbot, window)
    calls: list[str] = []
    real = cost_view.allocate
    monkeypatch.setattr(cost_view, "allocate", lambda *a, **k: calls.append("x") or real(*a, **k))
    window.selection.select_unit("payroll")
    editor = window.properties.cost_edit
    before = view.allocation.service_unit("payroll").own_cost
    qtbot.waitUntil(lambda: editor.text().replace(",", "").replace(".", "") == str(int(before)))  # loaded
    type_into(qtbot, editor, str(int(before) + 1_000_000))
    assert window.document.model.unit("payroll").cost == before + 1_000_000
    qtbot.waitUntil(lambda: not view._dirty and view.allocation.service_unit("payroll").own_cost == before + 1_000_000)
    assert calls == ["x"]
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: view.allocation.service_unit("payroll").own_cost == before)


def test_hidden_the_page_only_notes_that_it_is_out_of_date(qtbot, window: MainWindow, monkeypatch) -> None:
    calls: list[str] = []
    real = cost_view.allocate
    monkeypatch.setattr(cost_view, "allocate", lambda *a, **k: calls.append("x") or real(*a, **k))
    window.selection.select_unit("payroll")
    window.document.model.update_unit("payroll", cost=123_000.0)
    qtbot.wait(cost_view.REFRESH_MS * 2)
    assert calls == []
    # Nor does a click on the canvas cost it a breakdown (a solve) while it is hidden.
    shown: list[str | None] = []
    real_breakdown = cost_view.CostView._show_breakdown
    monkeypatch.setattr(cost_view.CostView, "_show_breakdown", lambda self, uid: shown.append(uid) or real_breakdown(self, uid))
    window.selection.select_unit("sales-emea")
    assert shown == []
    view = page(qtbot, window)
    assert calls == ["x"] and view.allocation.service_unit("payroll").own_cost == 123_000.0
    assert shown[-1] == "sales-emea" and view.table.selectionModel().selectedRows()[0].data(ID_ROLE) == "sales-emea"


# -- the Automation page -------------------------------------------------------------------


def automation_page(qtbot, window: MainWindow):
    dock = window.analysis_dock
    dock.tabs.setCurrentIndex(dock.tabs.indexOf(dock.automation_view))
    view = dock.automation_view
    qtbot.waitUntil(lambda: view.candidates is not None and not view._dirty)
    return view


def test_the_automation_page_ranks_as_the_engine_and_filters_by_office(qtbot, window: MainWindow) -> None:
    from orgmodel.analysis.automation import rank_automation

    window.document.model.update_unit("legal", automation_potential=None)  # lacks a potential now
    view = automation_page(qtbot, window)
    expected = rank_automation(window.document.model, uplift=False)
    shown = [view.proxy.index(r, 0).data(ID_ROLE) for r in range(view.proxy.rowCount())]
    assert shown == [c.id for c in expected]  # highest priority first, units lacking data last
    first = view.proxy.index(0, 0)
    assert first.data() == "1" and view.proxy.index(0, 7).data() == format_amount(expected[0].priority, 0)
    lacking = [c for c in expected if c.reason is not None]
    assert [c.id for c in lacking] == ["legal"] and view.proxy.index(len(expected) - 1, 0).data() == ""
    assert view.proxy.index(len(expected) - 1, 9).data() == str(lacking[-1].reason)
    # IT: the largest cost, far down the ranking (low potential, hard to automate).
    assert shown.index("it") > shown.index("call-centre")
    # Back office only.
    view.office.setCurrentIndex(view.office.findData("back"))
    offices = {view.proxy.index(r, 0).data(cost_view.OFFICE_ROLE) for r in range(view.proxy.rowCount())}
    assert offices == {"back"} and view.proxy.rowCount() == sum(c.office == "back" for c in expected)
    # A click selects the unit on the canvas.
    rect = view.table.visualRect(view.proxy.index(0, 1))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selection.units() == [view.proxy.index(0, 0).data(ID_ROLE)]


def test_an_ease_edit_reranks_the_automation_page(qtbot, window: MainWindow) -> None:
    view = automation_page(qtbot, window)
    before = [c.id for c in view.candidates]
    window.document.model.update_unit("it", automation_ease=1.0, automation_potential=1.0)
    qtbot.waitUntil(lambda: not view._dirty and view.candidates[0].id == "it")
    assert before[0] != "it"
