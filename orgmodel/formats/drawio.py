"""draw.io (diagrams.net) export: an uncompressed ``.drawio`` file that opens as the org chart.

Each unit is a rounded card (180 x 64 at its position, office colours or its own fill);
reporting lines are orthogonal edges from parent to child without arrows; dependencies are
dashed orthogonal edges with an open arrow from the dependent unit to the one supporting it,
routed around the cards as the editor routes them (:mod:`orgmodel.layout.routing`): each
leaves and enters its card at the editor's port (``exitX``/``entryX``…, fixed, off the
perimeter's own choice) and bends at the editor's corners (``mxPoint`` waypoints), so the
file opens looking like the editor, and draw.io keeps the lines orthogonal when a card is
moved there. Unit cells
have the id ``u-<unit id>`` so they cannot collide with the root cells "0"/"1" or the edge
ids "rep-N"/"dep-N". Dependency labels become edge labels; weights, figures, notes and
tags are not exported (draw.io is for pictures; use GraphML for data). The XML is built with :mod:`xml.etree.ElementTree`, which escapes
names and ids.
"""

from __future__ import annotations

import hashlib
import os
import xml.etree.ElementTree as ET

from orgmodel.formats.atomic import write_file
from orgmodel.formats.xml_writing import xml_bytes
from orgmodel.layout.routing import Router
from orgmodel.model import OrgModel
from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH, office_colors

Point = tuple[float, float]

REPORTING_STYLE = "edgeStyle=orthogonalEdgeStyle;endArrow=none;"
#: What every dependency edge's style starts with (draw.io's own orthogonal connector, with
#: its usual rounded corners and automatic jetty); each then names its two ports.
DEPENDENCY_STYLE = "edgeStyle=orthogonalEdgeStyle;rounded=1;orthogonalLoop=1;jettySize=auto;dashed=1;endArrow=open;endFill=0;"


def cell_id(unit_id: str) -> str:
    """The draw.io cell id of a unit."""
    return f"u-{unit_id}"


def unit_style(fill: str, stroke: str) -> str:
    """The draw.io style of a unit's card: rounded, plain text, these colours."""
    return f"rounded=1;whiteSpace=wrap;html=0;fillColor={fill};strokeColor={stroke};"


def _number(value: float) -> str:
    # Not the spreadsheet's or GraphML's number text: draw.io files have always had "%g" for
    # whole numbers (1500000 is "1.5e+06" here, "1500000" in a CSV, "1500000.0" in GraphML),
    # and every exported file must stay byte for byte the same.
    return f"{value:g}" if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))


def _fraction(value: float) -> str:
    return f"{round(value, 6):g}"


def port_style(route: list[Point], source: tuple[float, float], target: tuple[float, float]) -> str:
    """The ends of a routed line as draw.io connection points: where it leaves ``source``
    and enters ``target`` (top-left corners), as fractions of the card, fixed on the card's
    outline (``exitPerimeter=0``: not moved to draw.io's own choice).

    >>> port_style([(60.0, 64.0), (60.0, 100.0), (300.0, 100.0), (300.0, 200.0)], (0.0, 0.0), (240.0, 200.0))
    'exitX=0.333333;exitY=1;exitPerimeter=0;entryX=0.333333;entryY=0;entryPerimeter=0;'
    """
    (sx, sy), (ex, ey) = route[0], route[-1]
    return (f"exitX={_fraction((sx - source[0]) / CARD_WIDTH)};exitY={_fraction((sy - source[1]) / CARD_HEIGHT)};exitPerimeter=0;"
            f"entryX={_fraction((ex - target[0]) / CARD_WIDTH)};entryY={_fraction((ey - target[1]) / CARD_HEIGHT)};entryPerimeter=0;")


def to_element(model: OrgModel) -> ET.Element:
    """The model as an ``<mxfile>`` element."""
    units = model.units()
    digest = hashlib.sha1((model.name + "\0" + "\0".join(u.id for u in units)).encode("utf-8", "surrogatepass"))
    mxfile = ET.Element("mxfile", {"host": "OrgModel"})
    diagram = ET.SubElement(mxfile, "diagram", {"name": model.name or "Org chart", "id": f"orgmodel-{digest.hexdigest()[:12]}"})
    graph_model = ET.SubElement(diagram, "mxGraphModel", {
        "dx": "0", "dy": "0", "grid": "1", "gridSize": "10", "guides": "1", "tooltips": "1", "connect": "1",
        "arrows": "1", "fold": "1", "page": "0", "pageScale": "1", "math": "0", "shadow": "0",
    })
    root = ET.SubElement(graph_model, "root")
    ET.SubElement(root, "mxCell", {"id": "0"})
    ET.SubElement(root, "mxCell", {"id": "1", "parent": "0"})
    corners: dict[str, tuple[float, float]] = {}
    for index, unit in enumerate(units):
        stroke, fill = office_colors(unit.office)
        x = unit.x if unit.x is not None else (index % 10) * (CARD_WIDTH + 40)
        y = unit.y if unit.y is not None else (index // 10) * (CARD_HEIGHT + 40)
        corners[unit.id] = (x, y)
        cell = ET.SubElement(root, "mxCell", {
            "id": cell_id(unit.id), "value": unit.name, "vertex": "1", "parent": "1",
            "style": unit_style(unit.color or fill, stroke),
        })
        ET.SubElement(cell, "mxGeometry", {
            "x": _number(x), "y": _number(y), "width": _number(CARD_WIDTH), "height": _number(CARD_HEIGHT), "as": "geometry",
        })
    for number, (child, parent) in enumerate(model.reporting_lines(), 1):
        edge = ET.SubElement(root, "mxCell", {
            "id": f"rep-{number}", "style": REPORTING_STYLE, "edge": "1", "parent": "1",
            "source": cell_id(parent), "target": cell_id(child),
        })
        ET.SubElement(edge, "mxGeometry", {"relative": "1", "as": "geometry"})
    dependencies = model.dependencies()
    routes = Router(CARD_WIDTH, CARD_HEIGHT).route_all(corners, [(dep.source, dep.target) for dep in dependencies])
    for number, dep in enumerate(dependencies, 1):
        attributes = {"id": f"dep-{number}"}
        if dep.label:
            attributes["value"] = dep.label
        route = routes.get((dep.source, dep.target))
        style = DEPENDENCY_STYLE + (port_style(route, corners[dep.source], corners[dep.target]) if route else "")
        attributes.update({"style": style, "edge": "1", "parent": "1",
                           "source": cell_id(dep.source), "target": cell_id(dep.target)})
        edge = ET.SubElement(root, "mxCell", attributes)
        geometry = ET.SubElement(edge, "mxGeometry", {"relative": "1", "as": "geometry"})
        if route and len(route) > 2:  # the bends; a straight line needs none
            points = ET.SubElement(geometry, "Array", {"as": "points"})
            for x, y in route[1:-1]:
                ET.SubElement(points, "mxPoint", {"x": _number(round(x, 2)), "y": _number(round(y, 2))})
    return mxfile


def write_drawio(model: OrgModel, path: str | os.PathLike[str]) -> None:
    """Write ``model`` as an uncompressed draw.io diagram (UTF-8) to ``path``, atomically.

    Raises :class:`~orgmodel.formats.atomic.SaveError` naming the file; the old file is then kept.
    """
    write_file(path, xml_bytes(to_element(model)))
