"""draw.io export: every unit a card, every relation an edge, the XML well-formed."""

from __future__ import annotations

import defusedxml.ElementTree as DET

from orgmodel.formats import native as fileformat
from orgmodel.formats.drawio import DEPENDENCY_STYLE, OFFICE_COLORS, REPORTING_STYLE, cell_id, write_drawio
from orgmodel.model import OrgModel, Unit

from conftest import SAMPLES


def _style(text: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in text.split(";") if part)


def _cells(path):
    tree = DET.parse(path)
    root = tree.getroot()
    assert root.tag == "mxfile" and root.get("host") == "OrgModel"
    diagram = root.find("diagram")
    cells = diagram.findall("./mxGraphModel/root/mxCell")
    return diagram, cells


def test_example_company(tmp_path):
    model = fileformat.load(SAMPLES / "example_co.orgmodel")
    path = tmp_path / "example.drawio"
    write_drawio(model, path)
    diagram, cells = _cells(path)
    assert diagram.get("name") == model.name and diagram.get("id")
    ids = [cell.get("id") for cell in cells]
    assert len(ids) == len(set(ids)), "cell ids must be unique"
    assert ids[:2] == ["0", "1"] and cells[1].get("parent") == "0"
    by_id = {cell.get("id"): cell for cell in cells}

    for unit in model.units():
        cell = by_id[cell_id(unit.id)]
        assert cell.get("vertex") == "1" and cell.get("parent") == "1"
        assert cell.get("value") == unit.name
        style = _style(cell.get("style"))
        stroke, fill = OFFICE_COLORS[unit.office]
        assert style["fillColor"] == (unit.color or fill)
        assert style["strokeColor"] == stroke
        assert style["rounded"] == "1"
        geometry = cell.find("mxGeometry")
        assert geometry.get("as") == "geometry"
        assert float(geometry.get("x")) == unit.x and float(geometry.get("y")) == unit.y
        assert geometry.get("width") == "180" and geometry.get("height") == "64"
    assert any(unit.color for unit in model.units()), "the sample should exercise own colours"

    edges = [cell for cell in cells if cell.get("edge") == "1"]
    reporting = {(c.get("source"), c.get("target")) for c in edges if c.get("style") == REPORTING_STYLE}
    dependencies = {(c.get("source"), c.get("target")): c for c in edges if c.get("style") == DEPENDENCY_STYLE}
    assert len(edges) == len(reporting) + len(dependencies)
    assert reporting == {(cell_id(parent), cell_id(child)) for child, parent in model.reporting_lines()}
    assert set(dependencies) == {(cell_id(d.source), cell_id(d.target)) for d in model.dependencies()}
    for dep in model.dependencies():
        cell = dependencies[(cell_id(dep.source), cell_id(dep.target))]
        assert _style(cell.get("style"))["dashed"] == "1"
        assert cell.get("id").startswith("dep-")
        assert cell.get("value", "") == (dep.label or "")
        assert cell.find("mxGeometry").get("relative") == "1"
    for cell in edges:
        assert by_id[cell.get("source")].get("vertex") == "1"
        assert by_id[cell.get("target")].get("vertex") == "1"


def test_names_and_ids_are_escaped(tmp_path):
    model = OrgModel('R&D <"Labs"> & \'Co\'')
    model.add_unit(Unit("a&b", 'R&D <Labs> "quoted" \'single\'', "front", x=1.5, y=-2.0))
    model.add_unit(Unit("0", "Zero", "middle", color="#123456"))  # must not collide with root cell "0"
    model.add_unit(Unit("rep-1", "Çağrı Merkezi", "back"))
    model.set_parent("0", "a&b")
    model.add_dependency("rep-1", "0", label="a < b & c")
    path = tmp_path / "escaped.drawio"
    write_drawio(model, path)
    text = path.read_text("utf-8")
    assert "R&amp;D &lt;Labs&gt; &quot;quoted&quot;" in text
    diagram, cells = _cells(path)
    assert diagram.get("name") == model.name
    ids = [cell.get("id") for cell in cells]
    assert len(ids) == len(set(ids))
    by_id = {cell.get("id"): cell for cell in cells}
    assert by_id["u-a&b"].get("value") == 'R&D <Labs> "quoted" \'single\''
    assert by_id["u-rep-1"].get("value") == "Çağrı Merkezi"
    assert _style(by_id["u-0"].get("style"))["fillColor"] == "#123456"
    assert by_id["u-a&b"].find("mxGeometry").get("x") == "1.5"
    edges = [cell for cell in cells if cell.get("edge") == "1"]
    assert {(c.get("source"), c.get("target"), c.get("style")) for c in edges} == {
        ("u-a&b", "u-0", REPORTING_STYLE),
        ("u-rep-1", "u-0", DEPENDENCY_STYLE),
    }
    assert [c.get("value") for c in edges if c.get("style") == DEPENDENCY_STYLE] == ["a < b & c"]


def test_units_without_positions_get_a_grid(tmp_path):
    model = OrgModel("grid")
    for index in range(12):
        model.add_unit(Unit(f"u{index}", f"Unit {index}", "front"))
    path = tmp_path / "grid.drawio"
    write_drawio(model, path)
    _, cells = _cells(path)
    positions = {(c.find("mxGeometry").get("x"), c.find("mxGeometry").get("y")) for c in cells if c.get("vertex")}
    assert len(positions) == 12
