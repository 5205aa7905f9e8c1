"""Unclassified is a state, not an error: a unit without an office loads, saves, is analysed
(neither revenue-generating nor back office unless its flag says so), is left out of the cost
figures, is laid out and exported, and is listed in the findings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from orgmodel import is_unclassified, unclassified_unit
from orgmodel.analysis import LiveAnalysis, analyse, findings
from orgmodel.analysis.automation import rank_automation
from orgmodel.analysis.cost import allocate
from orgmodel.analysis.spof import single_points
from orgmodel.analysis.whatif import what_if
from orgmodel.formats import read_any, write_any
from orgmodel.formats.native import dumps, loads
from orgmodel.layout import bands_layout
from orgmodel.model import OrgModel, Unit

ROOT = Path(__file__).resolve().parents[2]


def model_with_unclassified() -> OrgModel:
    """Sales depends on "Operations" (not classified), which depends on IT (back office)."""
    model = OrgModel("Unclassified")
    model.add_unit(Unit("sales", "Sales", "front", revenue=1000.0, cost=100.0))
    model.add_unit(unclassified_unit("ops", "Operations", cost=500.0))
    model.add_unit(Unit("it", "IT", "back", cost=300.0))
    model.add_unit(unclassified_unit("shop", "Shop", revenue_generating=True, revenue=50.0))
    model.add_dependency("sales", "ops")
    model.add_dependency("ops", "it")
    model.add_dependency("shop", "ops")
    return model


def test_the_one_core_function_makes_and_tests_an_unclassified_unit() -> None:
    unit = unclassified_unit("x", "X", headcount=3)
    assert unit.office is None and unit.headcount == 3
    assert is_unclassified(unit) and is_unclassified(None)
    assert not is_unclassified(Unit("y", "Y", "middle"))
    assert not unit.is_revenue_generating  # neither revenue-generating by default...
    assert unclassified_unit("z", "Z", revenue_generating=True).is_revenue_generating  # ...unless flagged


def test_a_unit_without_office_loads_and_round_trips_without_the_key() -> None:
    text = json.dumps({"format": "orgmodel", "version": 1, "units": [
        {"id": "a", "name": "A"}, {"id": "b", "name": "B", "office": "back"}, {"id": "c", "name": "C", "office": None}]})
    model = loads(text)
    assert [u.office for u in model.units()] == [None, "back", None]
    saved = json.loads(dumps(model))
    assert saved["units"][0] == {"id": "a", "name": "A"}  # absent, not null
    assert "office" not in saved["units"][2]
    assert [u.office for u in loads(dumps(model)).units()] == [None, "back", None]


def test_the_exact_reader_accepts_it_too() -> None:
    # An unknown key sends the file to the exact reader (the fast one declines it).
    text = json.dumps({"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "A", "future": 1}]})
    model = loads(text)
    assert is_unclassified(model.unit("a")) and model.unit("a").extra == {"future": 1}


def test_a_wrong_office_is_still_refused() -> None:
    with pytest.raises(Exception, match=r'units\[0\]\.office: expected "front", "middle" or "back"'):
        loads('{"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "A", "office": "side"}]}')


def test_support_goes_through_an_unclassified_unit_which_is_neither_revenue_nor_back() -> None:
    model = model_with_unclassified()
    for analysis in (analyse(model), LiveAnalysis(model)):
        assert analysis.back_office_units == ["it"]
        assert analysis.revenue_units == ["sales", "shop"]  # shop: flagged revenue-generating
        assert analysis.support("sales") == ["it"]  # through Operations
        assert analysis.support("shop") == ["it"]


def test_findings_list_unclassified_units_and_follow_classification() -> None:
    model = model_with_unclassified()
    assert findings(model).unclassified_units == ["ops", "shop"]
    live = LiveAnalysis(model)
    assert live.findings().unclassified_units == ["ops", "shop"]
    model.update_unit("ops", office="middle")
    assert live.findings().unclassified_units == ["shop"]
    model.update_unit("ops", office=None)  # back to unclassified: an edit like any other
    assert live.findings().unclassified_units == ["ops", "shop"]
    assert live.support("sales") == ["it"]


def test_cost_leaves_out_the_own_cost_of_unclassified_service_units() -> None:
    model = model_with_unclassified()
    result = allocate(model)
    assert result.left_out == ("ops",)
    assert result.service_unit("ops").own_cost == 0.0
    assert result.total_service_cost == 300.0  # IT only; Operations' 500 left out
    assert result.allocated == 300.0  # IT's cost still passes through Operations
    for method in ("step", "direct"):
        allocate(model, method)  # never crash


def test_what_if_spof_and_automation_never_crash() -> None:
    model = model_with_unclassified()
    assert what_if(model, ["ops"]).revenue_units_down == ["sales", "shop"]
    assert single_points(model).by_revenue_unit["sales"] == ["it", "ops"]
    assert {c.id: c.office for c in rank_automation(model)}["ops"] is None


def test_bands_layout_puts_unclassified_units_in_a_band_at_the_bottom() -> None:
    model = model_with_unclassified()
    positions = bands_layout(model, 100, 40)
    assert positions["ops"][1] > positions["it"][1] > positions["sales"][1]
    assert positions["shop"][1] == positions["ops"][1]


@pytest.mark.parametrize("suffix", [".graphml", ".csv", ".xlsx", ".orgmodel"])
def test_exports_keep_the_unit_unclassified(tmp_path: Path, suffix: str) -> None:
    model = model_with_unclassified()
    path = tmp_path / f"model{suffix}"
    write_any(model, path)
    back = read_any(path)
    back_model = back[0] if isinstance(back, tuple) else back
    assert [(u.id, u.office) for u in back_model.units()] == [("sales", "front"), ("ops", None), ("it", "back"), ("shop", None)]


def test_drawio_export_draws_unclassified_cards_grey(tmp_path: Path) -> None:
    path = tmp_path / "model.drawio"
    write_any(model_with_unclassified(), path)
    assert "#E6E6E6" in path.read_text("utf-8")


def test_check_command_says_how_many_units_are_not_classified(tmp_path: Path) -> None:
    path = tmp_path / "m.orgmodel"
    write_any(model_with_unclassified(), path)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(path)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "2 units are not classified: support and cost figures leave them out" in result.stdout
