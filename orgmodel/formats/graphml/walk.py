"""Where a GraphML file's nodes and edges are: graphs inside yEd group nodes, each with its
own default direction for edges."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from orgmodel.formats.graphml.safe_xml import local, parse
from orgmodel.formats.graphml.schema import NS


def has_undirected_edges(path: str | os.PathLike[str]) -> bool:
    """Whether a GraphML file has an edge without direction (its graph's default or its own)."""
    return not all(directed for _, directed in edges(parse(str(path), path)))


def edges(top: ET.Element) -> Iterator[tuple[ET.Element, bool]]:
    """Every edge of every graph (yEd groups hold graphs too) and whether it has a direction:
    its own ``directed``, else its graph's ``edgedefault``."""
    for graph in all_named(top, "graph"):
        default = graph.get("edgedefault", "directed").strip().lower() != "undirected"
        for edge in graph:
            if local(edge.tag) == "edge":
                yield edge, edge.get("directed", str(default)).strip().lower() != "false"


def all_named(top: ET.Element, name: str) -> list[ET.Element]:
    """Every element called ``name`` in ``top`` (itself included), in GraphML's namespace
    or none, found by ElementTree's own tag filter rather than a look at each element."""
    found = list(top.iter(name))
    spaced = list(top.iter(f"{{{NS}}}{name}"))
    return found + spaced if found and spaced else found or spaced
