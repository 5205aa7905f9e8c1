"""GraphML to a model: the keys, then the nodes (units), then the edges (reporting lines and
dependencies), then ``parent`` keys of units that had no reporting edge.

Problems with single values only cost that value: each becomes a warning (a Text) next to
the model, in file order, and the rest of the file is still read.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from typing import Any

from orgmodel.errors import DependencyError, OrgModelError, ReportingCycleError
from orgmodel.fields import DEPENDENCY_FIELD_CHECKS, UNIT_FIELD_CHECKS, check_id, check_text
from orgmodel.formats.graphml.safe_xml import local, namespace, parse
from orgmodel.formats.graphml.schema import (
    DEPENDENCY,
    NODE_KEYS,
    NS_Y,
    OFFICE_ALIASES,
    REPORTS_TO,
    GraphMLError,
)
from orgmodel.formats.graphml.values import MAX_DEFAULT_EXPANSION, Key, converted, model_name, read_keys, rgb, text_of, unit_name
from orgmodel.formats.graphml.walk import all_named as _all
from orgmodel.formats.graphml.walk import edges as _edges
from orgmodel.formats.graphml.yfiles import Box, is_yworks, yfiles_edge_label, yfiles_node_graphics
from orgmodel.formats.importing import color_value, leave_unclassified, report_to, scaled_positions, unclassified_message
from orgmodel.i18n import tr
from orgmodel.model import OrgModel, Unit

_UNIT_KEYS = {name for name, _ in NODE_KEYS}
_IGNORED_NODE_KEYS = {"id", "label"}
_REPORTING_KINDS = (REPORTS_TO, "reports-to", "reporting", "parent")


def read_graphml(path: str | os.PathLike[str], undirected: str = "both") -> tuple[OrgModel, list[str]]:
    """Import a GraphML file: the model and the warnings (Texts) about what was changed or left out.

    ``undirected``: an undirected edge becomes a dependency each way (``"both"``) or the
    source depends on the target (``"forward"``); a warning says which, never silently.
    yEd group nodes are units, and the nodes inside a group report to it.

    Raises :class:`GraphMLError` (one line naming the file) when the file cannot be read as
    GraphML at all.
    """
    source = str(path)
    root = parse(source, path)
    keys = read_keys(root)
    graph = next((element for element in root if local(element.tag) == "graph"), None)
    if graph is None:
        raise GraphMLError(source, tr("not a GraphML file: no <graph> element"))
    keys.update(read_keys(graph))  # some writers declare the keys inside <graph>
    reading = _Reading(keys, OrgModel(model_name(graph, keys, source)), undirected, source)
    reading.read_nodes(graph)
    reading.read_edges(graph)
    reading.read_parent_keys()
    reading.read_groups()
    return reading.model, reading.warnings


class _Reading:
    """One import of one graph: the model built so far and the warnings about it."""

    def __init__(self, keys: dict[str, Key], model: OrgModel, undirected: str = "both", source: str = "") -> None:
        self.keys = keys
        self.source = source
        #: Characters the declared defaults may still add to elements (see MAX_DEFAULT_EXPANSION).
        self.default_budget = MAX_DEFAULT_EXPANSION
        self.model = model
        self.undirected = undirected
        self.undirected_count = 0
        #: yEd boxes of the units placed by yEd's geometry (scaled to cards together).
        self.boxes: dict[str, Box] = {}
        #: yEd group nodes: the nodes holding a graph of their own.
        self.groups: list[ET.Element] = []
        self.warnings: list[str] = []
        self.units: dict[str, Unit] = {}
        #: child id -> the parent id its ``parent`` key names.
        self.parent_keys: dict[str, str] = {}
        #: Units with a reporting edge: their ``parent`` key is not needed.
        self.has_edge_parent: set[str] = set()
        self.declares_xy = any(key.name in ("x", "y") and key.domain in ("node", "all") for key in keys.values())

    def data_of(self, element: ET.Element, domain: str) -> tuple[dict[str, str], list[ET.Element]]:
        """Data by key name (declared defaults first), and the yFiles graphics elements."""
        values: dict[str, str] = {}
        for key in self.keys.values():
            if key.default is not None and key.domain in (domain, "all") and not key.yfiles:
                values[key.name] = key.default
                self.default_budget -= len(key.default)
                if self.default_budget < 0:
                    name, size, limit = key.name[:40], len(key.default), MAX_DEFAULT_EXPANSION
                    raise GraphMLError(self.source, tr(
                        "the default of key {key!r} ({size:,} characters), copied into every node, comes to more "
                        "than {limit:,} characters", key=name, size=size, limit=limit) if domain == "node" else tr(
                        "the default of key {key!r} ({size:,} characters), copied into every edge, comes to more "
                        "than {limit:,} characters", key=name, size=size, limit=limit))
        graphics: list[ET.Element] = []
        for data in element:
            if local(data.tag) != "data":
                continue
            key_id = data.get("key", "")
            key = self.keys.get(key_id)
            if key is not None and key.yfiles:
                graphics.append(data)
                continue
            if len(data) and (namespace(data[0].tag) == NS_Y or is_yworks(namespace(data[0].tag))):
                graphics.append(data)
                continue
            values[key.name if key is not None else key_id] = text_of(data)
        return values, graphics

    # -- units ---------------------------------------------------------------------------------

    def read_nodes(self, graph: ET.Element) -> None:
        """Every node as a unit, then what was kept in notes and which units need an office."""
        unknown_keys: list[str] = []
        unclassified: list[str] = []
        nodes = _all(graph, "node")
        pending: dict[str, dict[str, Any]] = {}
        for number, node in enumerate(nodes, 1):
            self.read_node(number, node, unknown_keys, unclassified, pending)
            if any(local(child.tag) == "graph" for child in node):
                self.groups.append(node)
        # yEd's boxes, spread to card size all together, are the units' positions.
        for node_id, (x, y) in scaled_positions(self.boxes).items():
            pending[node_id]["x"], pending[node_id]["y"] = x, y
        for node_id, fields in pending.items():
            unit = Unit(id=node_id, **fields)
            try:
                self.model.add_unit(unit)
            except OrgModelError as error:
                self.warnings.append(tr("node {node}: {problem}, left out", node=node_id, problem=error.text()))
                continue
            self.units[node_id] = unit
        if unknown_keys:
            self.warnings.append(
                tr('node keys OrgModel does not know were kept in notes as "key: value" lines: {keys}', keys=", ".join(unknown_keys))
            )
        if unclassified:
            self.warnings.append(unclassified_message(unclassified))

    def read_node(self, number: int, node: ET.Element, unknown_keys: list[str], unclassified: list[str],
                  pending: dict[str, dict[str, Any]]) -> None:
        """One node's unit fields into ``pending`` (or a warning why not); ``number`` counts
        nodes from 1."""
        node_id = node.get("id")
        if node_id is None or check_id(node_id):
            self.warnings.append(tr("node {node}: no usable id, left out", node=number))
            return
        if node_id in pending:
            self.warnings.append(tr("node {node}: the id is used twice, the second node is left out", node=node_id))
            return
        values, graphics = self.data_of(node, "node")
        label, box = yfiles_node_graphics(graphics)
        fields, notes_lines = self.node_fields(node_id, values, unknown_keys)
        fields["name"] = unit_name(fields, values, label, node_id)
        # Positions: yEd's geometry (the place the card was moved to in yEd) wins; but when the
        # file declares x/y keys and this node has none, the unit had no position when it was
        # written and the geometry is only the writer's placeholder grid.
        has_xy = "x" in values or "y" in values
        if box is not None and (has_xy or not self.declares_xy):
            fields.pop("x", None), fields.pop("y", None)
            self.boxes[node_id] = box
        if notes_lines:
            self.keep_in_notes(node_id, fields, notes_lines)
        if "office" not in fields:
            leave_unclassified(fields)
            unclassified.append(node_id)
        pending[node_id] = fields

    def node_fields(self, node_id: str, values: dict[str, str], unknown_keys: list[str]) -> tuple[dict[str, Any], list[str]]:
        """The unit fields a node's data give, and ``key: value`` lines of the keys OrgModel
        does not know (added to ``unknown_keys``)."""
        fields: dict[str, Any] = {}
        notes_lines: list[str] = []
        rgb_value = rgb(values)  # Gephi writes a colour as three keys r, g, b
        if rgb_value is not None and not values.get("color", "").strip():
            fields["color"] = rgb_value
        for name, text in values.items():
            if rgb_value is not None and name in ("r", "g", "b"):
                continue
            if name == "color" and text.strip() and color_value(text.strip()) is None:
                name = "colour"  # not "#rrggbb": kept in the notes like any unknown key
            if name in _UNIT_KEYS:
                if not text.strip():
                    continue
                if name == "parent":
                    self.parent_keys[node_id] = text.strip()
                    continue
                if name == "color":
                    fields["color"] = color_value(text.strip())
                    continue
                if name == "office":
                    office = OFFICE_ALIASES.get(text.strip().lower())
                    if office is None:
                        self.warnings.append(
                            tr(
                                "node {node}: {field}: {problem}",
                                node=node_id,
                                field=name,
                                problem=tr("unknown office {value!r}", value=text.strip()[:40]),
                            )
                        )
                    else:
                        fields["office"] = office
                    continue
                value, problem = converted(name, text)
                if problem is None:
                    problem = UNIT_FIELD_CHECKS[name](value)
                if problem:
                    self.warnings.append(_left_out(node_id, name, problem))
                else:
                    fields[name] = value
            elif name in _IGNORED_NODE_KEYS:
                continue
            else:
                if not text.strip():
                    continue
                if name not in unknown_keys:
                    unknown_keys.append(name)
                notes_lines.append(f"{name}: {text.strip()}")
        return fields, notes_lines

    def keep_in_notes(self, node_id: str, fields: dict[str, Any], notes_lines: list[str]) -> None:
        """Add the lines of unknown keys to the notes, if the notes can hold them."""
        notes = "\n".join([fields["notes"], *notes_lines] if fields.get("notes") else notes_lines)
        if check_text(notes):
            self.warnings.append(
                tr("node {node}: extra keys could not be kept in notes: {problem}", node=node_id, problem=check_text(notes))
            )
        else:
            fields["notes"] = notes

    # -- edges ---------------------------------------------------------------------------------

    def read_edges(self, graph: ET.Element) -> None:
        """Every edge as a reporting line or a dependency, then which edge keys were dropped."""
        dropped_edge_keys: list[str] = []
        for number, (edge, directed) in enumerate(_edges(graph), 1):
            self.read_edge(number, edge, dropped_edge_keys, directed)
        if dropped_edge_keys:
            self.warnings.append(tr("edge keys OrgModel does not know were left out: {keys}", keys=", ".join(dropped_edge_keys)))
        if self.undirected_count:
            if self.undirected == "forward":
                self.warnings.append(tr("{count:,} undirected edges read as one dependency each: the source depends on the target",
                                        count=self.undirected_count))
            else:
                self.warnings.append(tr("{count:,} undirected edges read as a dependency each way", count=self.undirected_count))

    def read_edge(self, number: int, edge: ET.Element, dropped_edge_keys: list[str], directed: bool = True) -> None:
        """One edge between two units read so far; its ``kind`` says which sort of line it is."""
        source_id, target_id = edge.get("source"), edge.get("target")
        where = tr("edge {edge} ({source} → {target})", edge=edge.get("id") or number, source=source_id, target=target_id)
        if source_id not in self.units or target_id not in self.units:
            missing = source_id if source_id not in self.units else target_id
            self.warnings.append(tr("{edge}: unknown node {node!r}, left out", edge=where, node=missing))
            return
        values, graphics = self.data_of(edge, "edge")
        kind = values.get("kind", "").strip().lower()
        if kind in _REPORTING_KINDS:
            self.read_reporting_line(source_id, target_id, where)
            return
        if kind and kind != DEPENDENCY:
            self.warnings.append(tr("{edge}: unknown kind {kind!r}, read as a dependency", edge=where, kind=kind[:40]))
        self.read_dependency(source_id, target_id, where, values, graphics, dropped_edge_keys)
        if not directed:
            self.undirected_count += 1
            if self.undirected == "both" and source_id != target_id:
                self.read_dependency(target_id, source_id, where, values, graphics, [])

    def read_reporting_line(self, child: str, parent: str, where: str) -> None:
        """A reporting edge child → parent; a second parent or a loop is left out."""
        self.has_edge_parent.add(child)
        if child == parent:
            self.warnings.append(tr("{edge}: a unit cannot report to itself, left out", edge=where))
            return
        current = self.model.parent(child)
        if current is not None:
            if current != parent:
                self.warnings.append(
                    tr("{edge}: {unit} already reports to {parent}, left out", edge=where, unit=child, parent=current)
                )
            return
        try:
            self.model.set_parent(child, parent)
        except ReportingCycleError as error:
            self.warnings.append(tr("{edge}: {problem}; reporting line left out", edge=where, problem=error.text()))

    def read_dependency(
        self,
        source_id: str,
        target_id: str,
        where: str,
        values: dict[str, str],
        graphics: list[ET.Element],
        dropped_edge_keys: list[str],
    ) -> None:
        """A dependency edge with its weight, label (a yEd edge label when there is no label
        key) and alternative group."""
        weight = label = group = None
        for name, text in values.items():
            if name == "kind" or not text.strip():
                continue
            if name == "weight":
                value, problem = converted("weight", text)
                problem = problem or DEPENDENCY_FIELD_CHECKS["weight"](value)
                if problem:
                    self.warnings.append(tr("{edge}: {field}: {problem}, left out", edge=where, field=name, problem=problem))
                else:
                    weight = value
            elif name == "label":
                problem = DEPENDENCY_FIELD_CHECKS["label"](text)
                if problem:
                    self.warnings.append(tr("{edge}: {field}: {problem}, left out", edge=where, field=name, problem=problem))
                else:
                    label = text
            elif name == "group":
                problem = DEPENDENCY_FIELD_CHECKS["group"](text.strip())
                if problem:
                    self.warnings.append(tr("{edge}: {field}: {problem}, left out", edge=where, field=name, problem=problem))
                else:
                    group = text.strip()
            elif name not in dropped_edge_keys and name != "id":
                dropped_edge_keys.append(name)
        if label is None:
            for data in graphics:
                found = yfiles_edge_label(data)
                if found and not check_text(found):
                    label = found
                    break
        if source_id == target_id:
            self.warnings.append(tr("{edge}: a unit cannot depend on itself, left out", edge=where))
            return
        if self.model.has_dependency(source_id, target_id):
            self.warnings.append(tr("{edge}: duplicate dependency, left out", edge=where))
            return
        try:
            self.model.add_dependency(source_id, target_id, weight, label, group=group)
        except (DependencyError, OrgModelError) as error:
            self.warnings.append(tr("{edge}: {problem}, left out", edge=where, problem=error.text()))

    # -- parent keys ---------------------------------------------------------------------------

    def read_parent_keys(self) -> None:
        """``parent`` keys for units without a reporting edge (files that only carry the key)."""
        for child, parent in self.parent_keys.items():
            if child in self.has_edge_parent or child not in self.units:
                continue
            if parent not in self.units:
                self.warnings.append(_left_out(child, "parent", tr("unknown node {node!r}", node=parent)))
                continue
            try:
                self.model.set_parent(child, parent)
            except ReportingCycleError as error:
                self.warnings.append(
                    tr("node {node}: {field}: {problem}; reporting line left out", node=child, field="parent", problem=error.text())
                )


    def read_groups(self) -> None:
        """The nodes inside a yEd group report to the group, unless the file gave them a parent."""
        added = 0
        for node in self.groups:
            if node.get("id") not in self.units:
                continue
            for inner in node:
                if local(inner.tag) != "graph":
                    continue
                for child in inner:
                    child_id = child.get("id")
                    if (local(child.tag) != "node" or child_id not in self.units or child_id in self.has_edge_parent
                            or child_id in self.parent_keys):
                        continue
                    done, why = report_to(self.model, child_id, node.get("id", ""))
                    added += done
                    if why is not None:
                        self.warnings.append(_left_out(child_id, "group", why))
        if added:
            self.warnings.append(tr("{count:,} reporting lines from yEd groups: the nodes inside a group report to it", count=added))


def _left_out(node: str, field: str, problem: str) -> str:
    return tr("node {node}: {field}: {problem}, left out", node=node, field=field, problem=problem)
