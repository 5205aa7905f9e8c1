"""draw.io export: every unit a card, every relation an edge, the XML well-formed."""

from __future__ import annotations

import defusedxml.ElementTree as DET
import pytest

from orgmodel.formats import native as fileformat
from orgmodel.appearance import OFFICE_COLORS
from orgmodel.formats.drawio import DEPENDENCY_STYLE, REPORTING_STYLE, cell_id, write_drawio
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
    dependencies = {(c.get("source"), c.get("target")): c for c in edges if c.get("style").startswith(DEPENDENCY_STYLE)}
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
    assert {(c.get("source"), c.get("target"), c.get("style")[: len(DEPENDENCY_STYLE)]) for c in edges} == {
        ("u-a&b", "u-0", REPORTING_STYLE),
        ("u-rep-1", "u-0", DEPENDENCY_STYLE),
    }
    assert [c.get("value") for c in edges if c.get("style").startswith(DEPENDENCY_STYLE)] == ["a < b & c"]


def test_units_without_positions_get_a_grid(tmp_path):
    model = OrgModel("grid")
    for index in range(12):
        model.add_unit(Unit(f"u{index}", f"Unit {index}", "front"))
    path = tmp_path / "grid.drawio"
    write_drawio(model, path)
    _, cells = _cells(path)
    positions = {(c.find("mxGeometry").get("x"), c.find("mxGeometry").get("y")) for c in cells if c.get("vertex")}
    assert len(positions) == 12


def _drawn_line(cell, cards: dict[str, tuple[float, float]]) -> list[tuple[float, float]]:
    """The dependency as draw.io draws it: from its exit port, through its waypoints, to its
    entry port (ports as fractions of the 180 x 64 cards)."""
    style = _style(cell.get("style"))
    sx, sy = cards[cell.get("source")]
    tx, ty = cards[cell.get("target")]
    start = (sx + float(style["exitX"]) * 180, sy + float(style["exitY"]) * 64)
    end = (tx + float(style["entryX"]) * 180, ty + float(style["entryY"]) * 64)
    bends = [(float(p.get("x")), float(p.get("y"))) for p in cell.findall("./mxGeometry/Array/mxPoint")]
    return [start, *bends, end]


def test_dependencies_are_orthogonal_and_routed_around_the_cards_as_in_the_editor(tmp_path):
    """Opened in draw.io, the sample's dependency lines bend around the cards (the editor's
    routes), instead of running straight from centre to centre through them."""
    model = fileformat.load(SAMPLES / "example_co.orgmodel")
    path = tmp_path / "example.drawio"
    write_drawio(model, path)
    _, cells = _cells(path)
    cards = {c.get("id"): (float(c.find("mxGeometry").get("x")), float(c.find("mxGeometry").get("y"))) for c in cells if c.get("vertex")}
    lines = [c for c in cells if c.get("edge") and c.get("style").startswith(DEPENDENCY_STYLE)]
    assert len(lines) == len(model.dependencies())
    bent = 0
    for cell in lines:
        style = _style(cell.get("style"))
        assert (style["edgeStyle"], style["rounded"], style["jettySize"], style["exitPerimeter"]) == ("orthogonalEdgeStyle", "1", "auto", "0")
        points = _drawn_line(cell, cards)
        bent += len(points) > 2
        for (ax, ay), (bx, by) in zip(points, points[1:]):
            assert ax == pytest.approx(bx, abs=0.01) or ay == pytest.approx(by, abs=0.01), "runs are orthogonal"
            left, right, top, bottom = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
            for uid, (x, y) in cards.items():  # no run through a card's inside
                assert not (left < x + 180 - 0.5 and right > x + 0.5 and top < y + 64 - 0.5 and bottom > y + 0.5), (cell.get("id"), uid)
    assert bent > len(lines) // 2
