"""What yEd (desktop) and yEd Live write about a node or an edge: its label, its place and size.

yEd desktop writes ``<y:ShapeNode>`` with ``<y:Geometry x y width height>`` and
``<y:NodeLabel>``; yEd Live (yFiles for HTML) writes ``<y:RectD X Y Width Height>`` and
``<y:Label><y:Label.Text>…</y:Label.Text></y:Label>`` (or a ``Text`` attribute).
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

from orgmodel.formats.graphml.safe_xml import local

#: A node's box: x, y (top-left), width, height.
Box = tuple[float, float, float, float]


def is_yworks(namespace_uri: str) -> bool:
    """Whether a namespace is one of yWorks' (yEd desktop, yEd Live, their markup)."""
    return namespace_uri.startswith("http://www.yworks.com/xml/")


def yfiles_node_graphics(graphics: list[ET.Element]) -> tuple[str | None, Box | None]:
    """The first label and the first box found in a node's yFiles graphics."""
    label: str | None = None
    box: Box | None = None
    for data in graphics:
        found_label, found_box = yfiles_node(data)
        label = label or found_label
        box = box or found_box
    return label, box


def yfiles_node(data: ET.Element) -> tuple[str | None, Box | None]:
    """Label and box from one yFiles data element (desktop or Live)."""
    label: str | None = None
    box: Box | None = None
    for element in data.iter():
        name = local(element.tag)
        if label is None and name in ("NodeLabel", "Label.Text"):
            label = "".join(element.itertext()).strip() or None
        elif label is None and name == "Label" and element.get("Text"):
            label = element.get("Text", "").strip() or None
        elif box is None and name in ("Geometry", "RectD"):
            upper = name == "RectD"
            values = [element.get(k.upper()[0] + k[1:] if upper else k, "") for k in ("x", "y", "width", "height")]
            try:
                numbers = [float(v) if v else (30.0 if i > 1 else math.nan) for i, v in enumerate(values)]
            except ValueError:
                continue
            if all(math.isfinite(n) for n in numbers):
                box = (numbers[0], numbers[1], numbers[2], numbers[3])
    return label, box


def yfiles_edge_label(data: ET.Element) -> str | None:
    """The label of a yFiles edge graphics element (desktop or Live), if it has one."""
    for element in data.iter():
        name = local(element.tag)
        if name in ("EdgeLabel", "Label.Text"):
            text = "".join(element.itertext()).strip()
            if text:
                return text
        elif name == "Label" and element.get("Text", "").strip():
            return element.get("Text", "").strip()
    return None
