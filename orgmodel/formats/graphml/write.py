"""A model as GraphML: typed data keys for every field, yFiles graphics for yEd."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH, office_colors
from orgmodel.formats.atomic import write_file
from orgmodel.formats.graphml.schema import DEPENDENCY, EDGE_KEYS, NODE_KEYS, NS, NS_XSI, NS_Y, REPORTS_TO, SCHEMA_LOCATION
from orgmodel.formats.xml_writing import xml_bytes
from orgmodel.model import OrgModel, Unit


def _number(value: float | int) -> str:
    # Not the spreadsheet's or draw.io's number text: GraphML has always written 1.0 as
    # "1.0" (a double key), they write "1", and the files must stay byte for byte the same.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return repr(float(value))


def _node_values(model: OrgModel, unit: Unit) -> Iterator[tuple[str, str]]:
    for name, kind in NODE_KEYS:
        if name == "parent":
            value: Any = model.parent(unit.id)
        elif name == "tags":
            value = "; ".join(unit.tags) if unit.tags else None
        else:
            value = getattr(unit, name)
        if value is None:
            continue
        if kind == "boolean":
            yield name, "true" if value else "false"
        elif kind in ("int", "double"):
            yield name, _number(value)
        else:
            yield name, str(value)


def to_element(model: OrgModel) -> ET.Element:
    """The model as a GraphML ``<graphml>`` element (see the module docstring)."""
    ET.register_namespace("", NS)
    ET.register_namespace("y", NS_Y)
    ET.register_namespace("xsi", NS_XSI)
    q = lambda tag: f"{{{NS}}}{tag}"  # noqa: E731
    y = lambda tag: f"{{{NS_Y}}}{tag}"  # noqa: E731

    root = ET.Element(q("graphml"), {f"{{{NS_XSI}}}schemaLocation": SCHEMA_LOCATION})
    ET.SubElement(root, q("key"), {"id": "g_name", "for": "graph", "attr.name": "name", "attr.type": "string"})
    for name, kind in NODE_KEYS:
        ET.SubElement(root, q("key"), {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": kind})
    ET.SubElement(root, q("key"), {"id": "d_yfiles", "for": "node", "yfiles.type": "nodegraphics"})
    for name, kind in EDGE_KEYS:
        ET.SubElement(root, q("key"), {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": kind})
    ET.SubElement(root, q("key"), {"id": "e_yfiles", "for": "edge", "yfiles.type": "edgegraphics"})

    graph = ET.SubElement(root, q("graph"), {"id": "G", "edgedefault": "directed"})
    if model.name:
        ET.SubElement(graph, q("data"), {"key": "g_name"}).text = model.name

    for index, unit in enumerate(model.units()):
        node = ET.SubElement(graph, q("node"), {"id": unit.id})
        # yFiles graphics first: networkx copies the geometry into x/y, and the typed x/y
        # data that follow must win.
        graphics = ET.SubElement(node, q("data"), {"key": "d_yfiles"})
        shape = ET.SubElement(graphics, y("ShapeNode"))
        x = unit.x if unit.x is not None else (index % 10) * (CARD_WIDTH + 40)
        top = unit.y if unit.y is not None else (index // 10) * (CARD_HEIGHT + 40)
        ET.SubElement(shape, y("Geometry"), {
            "x": _number(float(x)), "y": _number(float(top)),
            "width": _number(CARD_WIDTH), "height": _number(CARD_HEIGHT),
        })
        stroke, fill = office_colors(unit.office)
        ET.SubElement(shape, y("Fill"), {"color": unit.color or fill, "transparent": "false"})
        ET.SubElement(shape, y("BorderStyle"), {"color": stroke, "type": "line", "width": "2.0"})
        ET.SubElement(shape, y("NodeLabel"), {"alignment": "center", "autoSizePolicy": "content",
                                              "modelName": "internal", "modelPosition": "c"}).text = unit.name
        ET.SubElement(shape, y("Shape"), {"type": "roundrectangle"})
        for name, text in _node_values(model, unit):
            ET.SubElement(node, q("data"), {"key": f"n_{name}"}).text = text

    def edge(number: int, source: str, target: str, kind: str, weight: float | None, label: str | None, group: str | None = None) -> None:
        prefix = "dep" if kind == DEPENDENCY else "rep"
        element = ET.SubElement(graph, q("edge"), {"id": f"{prefix}-{number}", "source": source, "target": target})
        graphics = ET.SubElement(element, q("data"), {"key": "e_yfiles"})
        line = ET.SubElement(graphics, y("PolyLineEdge"))
        dashed = kind == DEPENDENCY
        ET.SubElement(line, y("LineStyle"), {"color": "#555555" if dashed else "#333333",
                                             "type": "dashed" if dashed else "line", "width": "1.0"})
        ET.SubElement(line, y("Arrows"), {"source": "none", "target": "standard" if dashed else "none"})
        if label:
            ET.SubElement(line, y("EdgeLabel")).text = label
        ET.SubElement(element, q("data"), {"key": "e_kind"}).text = kind
        if weight is not None:
            ET.SubElement(element, q("data"), {"key": "e_weight"}).text = _number(weight)
        if label is not None:
            ET.SubElement(element, q("data"), {"key": "e_label"}).text = label
        if group is not None:
            ET.SubElement(element, q("data"), {"key": "e_group"}).text = group

    for number, (child, parent) in enumerate(model.reporting_lines(), 1):
        edge(number, child, parent, REPORTS_TO, None, None)
    for number, dep in enumerate(model.dependencies(), 1):
        edge(number, dep.source, dep.target, DEPENDENCY, dep.weight, dep.label, dep.group)
    return root


def write_graphml(model: OrgModel, path: str | os.PathLike[str]) -> None:
    """Write ``model`` as GraphML to ``path``, atomically.

    Raises :class:`~orgmodel.formats.atomic.SaveError` naming the file; the old file is then kept.
    """
    write_file(path, xml_bytes(to_element(model)))
