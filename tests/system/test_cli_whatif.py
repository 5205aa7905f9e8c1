"""The ``whatif`` and ``spof`` commands: tables, the JSON the README documents, and exit code
2 with one clear line for unknown ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_orgmodel as run
from orgmodel.formats.native import save
from orgmodel.model import OrgModel, Unit


@pytest.fixture
def sites(tmp_path: Path) -> Path:
    """Sales needs IT Istanbul or IT Ankara, and Payroll; Marketing needs IT Istanbul."""
    model = OrgModel("Sites")
    for uid, name, office, revenue in [
        ("sales", "Sales", "front", 1000), ("marketing", "Marketing", "front", 250.5),
        ("it-ist", "IT Istanbul", "back", None), ("it-ank", "IT Ankara", "back", None), ("payroll", "Payroll", "back", None),
    ]:
        model.add_unit(Unit(uid, name, office, revenue=revenue))
    model.add_dependency("sales", "it-ist", group="IT site")
    model.add_dependency("sales", "it-ank", group="IT site")
    model.add_dependency("sales", "payroll")
    model.add_dependency("marketing", "it-ist")
    path = tmp_path / "sites.orgmodel"
    save(model, path)
    return path


def test_whatif_json_is_exactly_the_documented_object(sites: Path) -> None:
    result = run("whatif", str(sites), "--fail", "it-ist", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "failed": ["it-ist"], "down": ["it-ist", "marketing"], "revenue_units_down": ["marketing"],
        "revenue_at_risk": 250.5, "chains": {"marketing": ["marketing", "it-ist"]}, "saved_by_alternative": ["sales"],
    }
    both = json.loads(run("whatif", str(sites), "--fail", "it-ank, it-ist", "--json").stdout)
    assert both["revenue_units_down"] == ["marketing", "sales"] and both["revenue_at_risk"] == 1250.5
    assert both["failed"] == ["it-ank", "it-ist"] and both["saved_by_alternative"] == []


def test_whatif_table(sites: Path) -> None:
    result = run("whatif", str(sites), "--fail", "it-ist")
    assert result.returncode == 0, result.stderr
    assert "Marketing → IT Istanbul" in result.stdout
    assert "Revenue at risk 250.50: 1 revenue unit down, 2 units down in all" in result.stdout
    assert "Saved by an alternative: Sales" in result.stdout
    nothing = run("whatif", str(sites), "--fail", "it-ank").stdout
    assert "No revenue-generating unit stops." in nothing and "Revenue unit down" not in nothing


def test_spof_json_and_table(sites: Path) -> None:
    result = run("spof", str(sites), "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["by_revenue_unit"] == {"marketing": ["it-ist"], "sales": ["payroll"]}
    assert [(u["id"], u["revenue_at_risk"], u["revenue_units"]) for u in document["units"]] == [
        ("payroll", 1000, ["sales"]), ("sales", 1000, ["sales"]), ("it-ist", 250.5, ["marketing"]),
        ("marketing", 250.5, ["marketing"]), ("it-ank", 0, []),
    ]
    assert set(document["units"][0]) == {"id", "name", "revenue_at_risk", "revenue_units"}
    table = run("spof", str(sites)).stdout
    assert table.index("Payroll") < table.index("IT Istanbul")
    assert "1 other unit stops no revenue unit on its own" in table


@pytest.mark.parametrize("args, message", [
    (["--fail", "it-ist,nope,gone"], "unknown unit ids: nope, gone"),
    (["--fail", " , "], "--fail needs at least one unit id"),
])
def test_bad_ids_exit_2_with_one_line(sites: Path, args: list[str], message: str) -> None:
    result = run("whatif", str(sites), *args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().endswith(message) and len(result.stderr.strip().splitlines()) == 1
