"""The ``cost`` and ``automation`` commands: tables, the JSON the README documents, and exit
code 2 with one clear line for a bad method or order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from orgmodel.formats.native import save
from orgmodel.model import OrgModel, Unit


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orgmodel", *args], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """The Regina textbook departments (tests/core/test_cost.py) with a closed loop added."""
    model = OrgModel("Cost")
    for uid, name, office, extra in [
        ("machining", "Machining", "front", {"revenue": 150_000}),
        ("assembly", "Assembly", "front", {"cost": 10_000}),
        ("hr", "Human Resources", "back", {"cost": 80_000, "automation_potential": 0.3}),
        ("dp", "Data Processing", "back", {"cost": 120_000, "automation_potential": 0.2}),
        ("rm", "Risk Management", "middle", {"cost": 40_000}),
        ("sec", "Security", "back", {"cost": 500}),
        ("audit", "Audit", "back", {"cost": 250}),
    ]:
        model.add_unit(Unit(uid, name, office, **extra))
    for supporter, users in {
        "hr": {"dp": 20, "rm": 10, "machining": 40, "assembly": 30},
        "dp": {"hr": 8, "rm": 7, "machining": 30, "assembly": 55},
        "rm": {"machining": 50, "assembly": 50},
        "sec": {"audit": 1},
        "audit": {"sec": 1},
    }.items():
        for user, weight in users.items():
            model.add_dependency(user, supporter, weight=weight)
    path = tmp_path / "cost.orgmodel"
    save(model, path)
    return path


def test_cost_json_has_exactly_the_documented_shape(small: Path) -> None:
    result = run("cost", str(small), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["method", "revenue_units", "service_units", "unallocated"]
    assert data["method"] == "reciprocal" and data["unallocated"] == 750
    assert [r["id"] for r in data["revenue_units"]] == ["assembly", "machining"]
    machining = data["revenue_units"][1]
    assert list(machining) == ["id", "name", "own_cost", "allocated", "fully_loaded", "revenue", "margin", "from"]
    assert abs(machining["allocated"] - 107_276) <= 2 and machining["own_cost"] == 0
    assert machining["margin"] == pytest.approx(150_000 - machining["fully_loaded"])
    assert data["revenue_units"][0]["revenue"] is None and data["revenue_units"][0]["margin"] is None
    assert round(sum(machining["from"].values()), 2) == machining["allocated"]
    services = {s["id"]: s for s in data["service_units"]}
    assert list(services["hr"]) == ["id", "name", "own_cost", "total_cost", "to", "unallocated"]
    assert abs(services["hr"]["total_cost"] - 91_057) <= 2
    assert services["sec"]["unallocated"] == 500 and services["sec"]["to"] == {}
    total = sum(s["own_cost"] for s in services.values())
    assert round(sum(r["allocated"] for r in data["revenue_units"]) + data["unallocated"], 2) == total


def test_cost_step_with_an_order_and_direct(small: Path) -> None:
    step = json.loads(run("cost", str(small), "--order", "hr,dp,rm,sec,audit", "--json").stdout)
    assert step["method"] == "step"
    machining = next(r for r in step["revenue_units"] if r["id"] == "machining")
    assert abs(machining["allocated"] - 105_521.74) <= 2
    direct = json.loads(run("cost", str(small), "--method", "direct", "--json").stdout)
    assert next(r for r in direct["revenue_units"] if r["id"] == "machining")["allocated"] == 108_067.23


def test_cost_table_names_the_closed_group(small: Path) -> None:
    result = run("cost", str(small))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Cost to serve, reciprocal method"
    assert lines[2].split()[:3] == ["Revenue-generating", "unit", "Office"]
    assert "Service cost 240,750: allocated 240,000, unallocated 750" in result.stdout
    assert "unallocated 750 at Audit, Security: a closed group that passes its cost only among itself: Audit, Security" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--method", "fifo"], "invalid choice: 'fifo'"),
        (["--order", "hr,nope"], "orgmodel: the step order names 'nope', which is not a unit of the model"),
        (["--order", "hr,machining"], "orgmodel: the step order names 'machining', a revenue-generating unit; list service units only"),
        (["--order", "hr,dp"], "orgmodel: the step order leaves out service units (3 in all): audit, rm, sec"),
        (["--method", "direct", "--order", "hr"], "orgmodel: --order is only used by --method step, not direct"),
    ],
)
def test_bad_methods_and_orders_exit_with_2_and_one_clear_line(small: Path, args: list[str], message: str) -> None:
    result = run("cost", str(small), *args)
    assert result.returncode == 2 and result.stdout == ""
    assert message in result.stderr
    if not args[0] == "--method" or args[1] != "fifo":
        assert result.stderr.splitlines() == [message]


def test_automation_json_and_table(small: Path) -> None:
    result = run("automation", str(small), "--json")
    assert result.returncode == 0, result.stderr
    units = json.loads(result.stdout)["units"]
    assert [u["id"] for u in units][:2] == ["dp", "hr"]
    dp = units[0]
    assert list(dp) == [
        "id", "name", "office", "cost", "automation_potential", "automation_ease", "savings", "priority",
        "revenue_supported", "margin_uplift", "reason",
    ]
    assert (dp["savings"], dp["priority"], dp["automation_ease"], dp["reason"], dp["revenue_supported"]) == (24_000, 24_000, None, None, 150_000)
    assert round(sum(dp["margin_uplift"].values())) == 24_000
    assert units[-1]["reason"] is not None and len(units) == 7
    table = run("automation", str(small))
    assert table.returncode == 0 and table.stdout.splitlines()[2].split()[:3] == ["1", "Data", "Processing"]


def test_cost_and_automation_never_load_qt(small: Path) -> None:
    code = (
        "import sys, io, contextlib, orgmodel.cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    codes = [orgmodel.cli.main(['cost', {str(small)!r}]), orgmodel.cli.main(['automation', {str(small)!r}, '--json'])]\n"
        "assert codes == [0, 0], codes\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'ui'))]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
