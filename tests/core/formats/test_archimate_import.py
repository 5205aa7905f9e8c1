"""ArchiMate models: Archi's example Archisurance (.archimate) and an exchange-format file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from orgmodel.formats import read_any
from orgmodel.formats.archimate import ArchiMateError, read_archimate

HERE = Path(__file__).parent / "archimate"


def _by_name(model) -> dict:
    return {unit.name: unit for unit in model.units()}


def _lines(model) -> set[tuple[str, str]]:
    return {(model.unit(c).name, model.unit(p).name) for c, p in model.reporting_lines()}


def _dependencies(model) -> set[tuple[str, str, str | None]]:
    return {(model.unit(d.source).name, model.unit(d.target).name, d.label) for d in model.dependencies()}


def test_archisurance() -> None:
    model, messages = read_any(str(HERE / "Archisurance.archimate"))
    units = _by_name(model)
    assert model.name == "Archisurance" and len(model) == 53
    # The organisation view nests the departments: they report to the company.
    assert {("Front Office", "Archisurance"), ("Back Office", "Archisurance"), ("HRM", "Archisurance"),
            ("Customer Relations", "Front Office"), ("Car", "Back Office")} <= _lines(model)
    # "Contracting" serves and flows into other functions: they depend on it, with the flow's name.
    assert ("Asset Management", "Contracting", "contract info.") in _dependencies(model)
    assert units["Financial Application"].office == "back" and "application" in units["Financial Application"].tags
    assert units["HRM"].office is None  # no office in the file: unclassified, never guessed
    assert units["Home & Away"].name == "Home & Away"  # Archi's doubled spaces collapsed
    assert "CIS" not in units  # an application service is not a unit
    assert any(m.startswith("elements that are not units were left out: BusinessObject (10)") for m in messages)


def test_archisurance_archived_with_images(tmp_path: Path) -> None:
    archive = tmp_path / "Archisurance.archimate"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("model.xml", (HERE / "Archisurance.archimate").read_bytes())
        zipped.writestr("images/logo.png", b"\x89PNG")
    model, _ = read_archimate(archive)
    assert len(model) == 53


def test_exchange_format() -> None:
    model, messages = read_any(str(HERE / "insurer-exchange.xml"))
    units = _by_name(model)
    assert sorted(units) == sorted(["Head Office", "Sales", "Claims Handling", "Payroll", "İnsan Kaynakları",
                                    "Quotation Service", "CRM System"])
    # Composition and aggregation: reporting lines; nesting in the view adds Claims Handling.
    assert _lines(model) == {("Sales", "Head Office"), ("İnsan Kaynakları", "Head Office"), ("Claims Handling", "Head Office")}
    assert _dependencies(model) == {
        ("Sales", "CRM System", "customer data"),  # CRM serves Sales
        ("Quotation Service", "Claims Handling", None),  # Claims Handling realises the service
        ("Payroll", "İnsan Kaynakları", None),  # HR is assigned to Payroll
        ("Claims Handling", "Sales", None),  # Sales triggers Claims Handling
        ("İnsan Kaynakları", "Payroll", None),  # Payroll flows to HR
    }
    sales = units["Sales"]
    assert sales.office == "front" and sales.cost == 1_200_000 and sales.notes == "Site: Istanbul"
    claims = units["Claims Handling"]
    assert claims.headcount == 40 and "core" in claims.tags and claims.office is None
    assert units["Head Office"].notes == "The company as a whole."
    assert claims.x is not None and sales.x - claims.x >= 180  # drawn side by side: cards apart
    assert any("Access (1)" in m and "Association (1)" in m for m in messages)


def test_not_archimate(tmp_path: Path) -> None:
    path = tmp_path / "x.archimate"
    path.write_text("<svg/>", "utf-8")
    with pytest.raises(ArchiMateError, match="unexpected root element <svg>"):
        read_archimate(path)
