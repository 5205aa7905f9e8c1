"""GraphML export and import, for yEd, Gephi, networkx and other graph tools.

Writing builds the XML with :mod:`xml.etree.ElementTree`: a directed graph whose nodes are
the units (ids = unit ids) with one typed data key per unit field, reporting lines as edges
child → parent (``kind=reports_to``) and dependencies as edges source → target
(``kind=dependency``), plus yFiles graphics so that yEd shows cards and arrows.

Reading parses with :mod:`defusedxml` (no DTDs, no entities), refuses files over 50 MB and
elements nested deeper than 1,000 levels, and turns every problem in the file into one clear
line naming it (:class:`GraphMLError`). Problems with single values only cost that value:
they come back as warnings next to the model.
"""

from __future__ import annotations

import math
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import defusedxml
import defusedxml.ElementTree as DET

from orgmodel.errors import DependencyError, OrgModelError, ReportingCycleError
from orgmodel.fields import DEPENDENCY_FIELD_CHECKS, OFFICE_WORDS, UNIT_FIELD_CHECKS, check_id, check_text
from orgmodel.i18n import tr
from orgmodel.formats.atomic import write_file
from orgmodel.formats.xml_writing import xml_bytes
from orgmodel.model import OrgModel, Unit
from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH, OFFICE_COLORS

NS = "http://graphml.graphdrawing.org/xmlns"
NS_Y = "http://www.yworks.com/xml/graphml"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"

MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 1000
MAX_MARKUP = 10_000  # processing instructions and comments together



#: Accepted spellings of offices in imported files (lower-cased).
OFFICE_ALIASES: dict[str, str] = {word: office for office, words in OFFICE_WORDS.items() for word in words}

UNCLASSIFIED_TAG = "unclassified"

# (field, GraphML type) for every unit field, in file order.
_NODE_KEYS: tuple[tuple[str, str], ...] = (
    ("name", "string"),
    ("office", "string"),
    ("revenue_generating", "boolean"),
    ("headcount", "int"),
    ("cost", "double"),
    ("revenue", "double"),
    ("automation_potential", "double"),
    ("notes", "string"),
    ("tags", "string"),
    ("x", "double"),
    ("y", "double"),
    ("color", "string"),
    ("parent", "string"),
)
_EDGE_KEYS: tuple[tuple[str, str], ...] = (("kind", "string"), ("weight", "double"), ("label", "string"))

REPORTS_TO = "reports_to"
DEPENDENCY = "dependency"


class GraphMLError(OrgModelError):
    """A GraphML file that cannot be imported; the message is one line naming the file.

    ``reason`` is the message without the file name (a Text).
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(tr("{file}: {problem}", file=source, problem=reason))
        self.source = source
        self.reason = reason


# -- writing -------------------------------------------------------------------------------


def _number(value: float | int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return repr(float(value))


def _node_values(model: OrgModel, unit: Unit) -> Iterator[tuple[str, str]]:
    for name, kind in _NODE_KEYS:
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
    for name, kind in _NODE_KEYS:
        ET.SubElement(root, q("key"), {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": kind})
    ET.SubElement(root, q("key"), {"id": "d_yfiles", "for": "node", "yfiles.type": "nodegraphics"})
    for name, kind in _EDGE_KEYS:
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
        stroke, fill = OFFICE_COLORS.get(unit.office, OFFICE_COLORS["back"])
        ET.SubElement(shape, y("Fill"), {"color": unit.color or fill, "transparent": "false"})
        ET.SubElement(shape, y("BorderStyle"), {"color": stroke, "type": "line", "width": "2.0"})
        ET.SubElement(shape, y("NodeLabel"), {"alignment": "center", "autoSizePolicy": "content",
                                              "modelName": "internal", "modelPosition": "c"}).text = unit.name
        ET.SubElement(shape, y("Shape"), {"type": "roundrectangle"})
        for name, text in _node_values(model, unit):
            ET.SubElement(node, q("data"), {"key": f"n_{name}"}).text = text

    def edge(number: int, source: str, target: str, kind: str, weight: float | None, label: str | None) -> None:
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

    for number, (child, parent) in enumerate(model.reporting_lines(), 1):
        edge(number, child, parent, REPORTS_TO, None, None)
    for number, dep in enumerate(model.dependencies(), 1):
        edge(number, dep.source, dep.target, DEPENDENCY, dep.weight, dep.label)
    return root


def to_bytes(model: OrgModel) -> bytes:
    """The GraphML file of ``model``: UTF-8, with an XML declaration."""
    return xml_bytes(to_element(model))


def write_graphml(model: OrgModel, path: str | os.PathLike[str]) -> None:
    """Write ``model`` as GraphML to ``path``, atomically.

    Raises :class:`~orgmodel.formats.atomic.SaveError` naming the file; the old file is then kept.
    """
    write_file(path, to_bytes(model))


# -- reading -------------------------------------------------------------------------------


def _local(tag: Any) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _parse(source: str, path: str | os.PathLike[str]) -> ET.Element:
    """The root element, or a :class:`GraphMLError` with one plain reason."""
    file = Path(path)
    try:
        size = file.stat().st_size
    except FileNotFoundError:
        raise GraphMLError(source, tr("no such file")) from None
    except OSError as error:
        raise GraphMLError(source, _cannot_read(error)) from None
    if file.is_dir():
        raise GraphMLError(source, tr("is a folder, not a GraphML file"))
    if size > MAX_BYTES:
        raise GraphMLError(
            source,
            tr("file too large ({size:.0f} MB; the limit is {limit} MB)", size=size / 1024 / 1024, limit=MAX_BYTES // 1024 // 1024),
        )
    if size == 0:
        raise GraphMLError(source, tr("empty file, not GraphML"))
    try:
        with open(file, "rb") as handle:
            head = handle.read(4096)
    except OSError as error:
        raise GraphMLError(source, _cannot_read(error)) from None
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise GraphMLError(source, tr("not an XML file (binary data or UTF-16 text without a byte order mark)"))

    depth = markup = 0
    root: ET.Element | None = None
    try:
        events = DET.iterparse(os.fspath(file), events=("start", "end", "comment", "pi"), forbid_dtd=True,
                               forbid_entities=True, forbid_external=True)
        for event, element in events:
            if event == "start":
                if root is None:
                    root = element
                    if _local(element.tag) != "graphml":
                        raise GraphMLError(
                            source, tr("not a GraphML file: the root element is <{element}>", element=_local(element.tag))
                        )
                    if _namespace(element.tag) not in ("", NS):
                        raise GraphMLError(
                            source,
                            tr(
                                "not a GraphML file: the root element is in the namespace {namespace!r}",
                                namespace=_namespace(element.tag),
                            ),
                        )
                depth += 1
                if depth > MAX_DEPTH:
                    raise GraphMLError(source, tr("elements nested deeper than {limit} levels", limit=MAX_DEPTH))
            elif event == "end":
                depth -= 1
            else:
                markup += 1
                if markup > MAX_MARKUP:
                    raise GraphMLError(
                        source, tr("more than {limit:,} comments or processing instructions", limit=MAX_MARKUP)
                    )
    except GraphMLError:
        raise
    except defusedxml.DTDForbidden:
        raise GraphMLError(
            source, tr("refused: the file contains a DTD (<!DOCTYPE>), which GraphML does not need")
        ) from None
    except defusedxml.EntitiesForbidden:
        raise GraphMLError(source, tr("refused: the file declares XML entities")) from None
    except defusedxml.ExternalReferenceForbidden:
        raise GraphMLError(source, tr("refused: the file refers to external resources")) from None
    except defusedxml.DefusedXmlException as error:
        raise GraphMLError(source, tr("refused: {reason}", reason=str(error))) from None
    except ET.ParseError as error:
        line, column = error.position
        reason = str(error).split(":", 1)[0].strip() or tr("invalid XML")
        if "no element found" in reason:
            if root is None:
                raise GraphMLError(source, tr("not a GraphML file: no XML element found")) from None
            reason = tr("the file ends too early (truncated)")
        if "unclosed token" in reason:
            reason = tr("the file ends too early (unclosed token)")
        raise GraphMLError(
            source, tr("not valid XML: {reason} (line {line}, column {column})", reason=reason, line=line, column=column + 1)
        ) from None
    except (LookupError, UnicodeError) as error:
        raise GraphMLError(
            source, tr("not valid XML: unknown or wrong text encoding ({reason})", reason=str(error))
        ) from None
    except RecursionError:
        raise GraphMLError(source, tr("elements nested too deeply")) from None
    except MemoryError:
        raise GraphMLError(source, tr("not enough memory to read the file")) from None
    except OSError as error:
        raise GraphMLError(source, _cannot_read(error)) from None
    except ValueError as error:  # expat: e.g. "multi-byte encodings are not supported"
        reason = str(error).splitlines()[0] if str(error) else tr("bad encoding")
        raise GraphMLError(source, tr("not valid XML: {reason}", reason=reason)) from None
    if root is None:
        raise GraphMLError(source, tr("not a GraphML file: no XML element found"))
    return root


def _cannot_read(error: OSError) -> str:
    return tr("cannot read: {reason}", reason=error.strerror or str(error))


class _Key:
    __slots__ = ("name", "domain", "type", "yfiles", "default")

    def __init__(self, name: str, domain: str, kind: str, yfiles: str | None, default: str | None) -> None:
        self.name, self.domain, self.type, self.yfiles, self.default = name, domain, kind, yfiles, default


def _text(element: ET.Element) -> str:
    return "".join(element.itertext())


def _convert(field: str, text: str) -> tuple[Any, str | None]:
    """A GraphML text value as the Python value of ``field``, or a problem."""
    text = text.strip() if field not in ("notes", "name") else text
    if field == "revenue_generating":
        lowered = text.strip().lower()
        if lowered in ("true", "1", "yes"):
            return True, None
        if lowered in ("false", "0", "no"):
            return False, None
        return None, tr("expected true or false, got {value!r}", value=text[:40])
    if field == "headcount":
        try:
            number = float(text)
        except ValueError:
            return None, tr("expected a whole number, got {value!r}", value=text[:40])
        if not math.isfinite(number) or number != int(number):
            return None, tr("expected a whole number, got {value!r}", value=text[:40])
        return int(number), None
    if field in ("cost", "revenue", "automation_potential", "x", "y", "weight"):
        if _INTEGER.fullmatch(text):  # keep whole amounts whole, as the native file has them
            return int(text), None
        try:
            number = float(text)
        except ValueError:
            return None, tr("expected a number, got {value!r}", value=text[:40])
        if not math.isfinite(number):
            return None, tr("must be a finite number, got {value!r}", value=text[:40])
        return number, None
    if field == "tags":
        tags: list[str] = []
        for tag in text.split(";"):
            tag = tag.strip()
            if tag and tag not in tags:
                tags.append(tag)
        return tuple(tags), None
    return text, None


def _yfiles_node(data: ET.Element) -> tuple[str | None, float | None, float | None]:
    """Label and position from a yFiles ``nodegraphics`` data element."""
    label = x = y = None
    for element in data.iter():
        name = _local(element.tag)
        if name == "NodeLabel" and label is None:
            text = _text(element).strip()
            label = text or None
        elif name == "Geometry" and x is None:
            try:
                gx, gy = float(element.get("x", "")), float(element.get("y", ""))
            except ValueError:
                continue
            if math.isfinite(gx) and math.isfinite(gy):
                x, y = gx, gy
    return label, x, y


def _yfiles_edge_label(data: ET.Element) -> str | None:
    for element in data.iter():
        if _local(element.tag) == "EdgeLabel":
            text = _text(element).strip()
            if text:
                return text
    return None


_INTEGER = re.compile(r"[+-]?[0-9]{1,300}")
_UNIT_KEYS = {name for name, _ in _NODE_KEYS}
_IGNORED_NODE_KEYS = {"id", "label"}


def read_graphml(path: str | os.PathLike[str]) -> tuple[OrgModel, list[str]]:
    """Import a GraphML file: the model and the warnings (Texts) about what was changed or left out.

    Raises :class:`GraphMLError` (one line naming the file) when the file cannot be read as
    GraphML at all.
    """
    source = str(path)
    root = _parse(source, path)
    warnings: list[str] = []

    keys: dict[str, _Key] = {}
    for element in root:
        if _local(element.tag) != "key":
            continue
        key_id = element.get("id")
        if not key_id:
            continue
        default = None
        for child in element:
            if _local(child.tag) == "default":
                default = _text(child)
        keys[key_id] = _Key(element.get("attr.name") or key_id, element.get("for", "all"), element.get("attr.type", "string"),
                            element.get("yfiles.type"), default)

    graph = next((element for element in root if _local(element.tag) == "graph"), None)
    if graph is None:
        raise GraphMLError(source, tr("not a GraphML file: no <graph> element"))

    model_name = Path(source).stem
    for data in graph:
        if _local(data.tag) == "data":
            key = keys.get(data.get("key", ""))
            if key is not None and key.name in ("name", "label") and _text(data).strip():
                model_name = _text(data).strip()
    if check_text(model_name):
        model_name = Path(source).stem

    def data_of(element: ET.Element, domain: str) -> tuple[dict[str, str], list[ET.Element]]:
        """Data by key name (declared defaults first), and the yFiles graphics elements."""
        values: dict[str, str] = {}
        for key in keys.values():
            if key.default is not None and key.domain in (domain, "all") and not key.yfiles:
                values[key.name] = key.default
        graphics: list[ET.Element] = []
        for data in element:
            if _local(data.tag) != "data":
                continue
            key_id = data.get("key", "")
            key = keys.get(key_id)
            if key is not None and key.yfiles:
                graphics.append(data)
                continue
            if len(data) and _namespace(data[0].tag) == NS_Y:
                graphics.append(data)
                continue
            values[key.name if key is not None else key_id] = _text(data)
        return values, graphics

    declares_xy = any(key.name in ("x", "y") and key.domain in ("node", "all") for key in keys.values())

    # Units -------------------------------------------------------------------------------
    model = OrgModel(model_name)
    units: dict[str, Unit] = {}
    parent_keys: dict[str, str] = {}
    unknown_keys: list[str] = []
    unclassified: list[str] = []

    nodes = [element for element in graph.iter() if _local(element.tag) == "node"]
    for number, node in enumerate(nodes, 1):
        node_id = node.get("id")
        if node_id is None or check_id(node_id):
            warnings.append(tr("node {node}: no usable id, left out", node=number))
            continue
        if node_id in units:
            warnings.append(tr("node {node}: the id is used twice, the second node is left out", node=node_id))
            continue
        values, graphics = data_of(node, "node")
        fields: dict[str, Any] = {}
        label = yx = yy = None
        for data in graphics:
            found_label, found_x, found_y = _yfiles_node(data)
            label = label or found_label
            if yx is None and found_x is not None:
                yx, yy = found_x, found_y
        notes_lines: list[str] = []
        for name, text in values.items():
            if name in _UNIT_KEYS:
                if not text.strip():
                    continue
                if name == "parent":
                    parent_keys[node_id] = text.strip()
                    continue
                if name == "office":
                    office = OFFICE_ALIASES.get(text.strip().lower())
                    if office is None:
                        warnings.append(
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
                value, problem = _convert(name, text)
                if problem is None:
                    problem = UNIT_FIELD_CHECKS[name](value)
                if problem:
                    warnings.append(_left_out(node_id, name, problem))
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
        # Name: a "name" key, else Gephi's "label", else the yEd label, else the id.
        name = fields.get("name")
        if name is None:
            for candidate in (values.get("label", "").strip() or None, label):
                if candidate and not check_text(candidate, required=True):
                    name = candidate
                    break
        fields["name"] = name or node_id
        # Positions: yEd's geometry (the place the card was moved to in yEd) wins; but when the
        # file declares x/y keys and this node has none, the unit had no position when it was
        # written and the geometry is only the writer's placeholder grid.
        has_xy = "x" in values or "y" in values
        if yx is not None and (has_xy or not declares_xy):
            fields["x"], fields["y"] = yx, yy
        if notes_lines:
            notes = "\n".join([fields["notes"], *notes_lines] if fields.get("notes") else notes_lines)
            if check_text(notes):
                warnings.append(
                    tr("node {node}: extra keys could not be kept in notes: {problem}", node=node_id, problem=check_text(notes))
                )
            else:
                fields["notes"] = notes
        if "office" not in fields:
            fields["office"] = "back"
            tags = tuple(fields.get("tags", ()))
            if UNCLASSIFIED_TAG not in tags:
                fields["tags"] = (*tags, UNCLASSIFIED_TAG)
            unclassified.append(node_id)
        unit = Unit(id=node_id, **fields)
        try:
            model.add_unit(unit)
        except OrgModelError as error:
            warnings.append(tr("node {node}: {problem}, left out", node=node_id, problem=error.text()))
            continue
        units[node_id] = unit

    if unknown_keys:
        warnings.append(
            tr('node keys OrgModel does not know were kept in notes as "key: value" lines: {keys}', keys=", ".join(unknown_keys))
        )
    if unclassified:
        count = len(unclassified)
        shown = ", ".join(unclassified[:5]) + (", …" if count > 5 else "")
        if count == 1:
            warnings.append(
                tr(
                    "{count} unit needs an office (set to back office and tagged {tag!r}): {units}",
                    count=count,
                    tag=UNCLASSIFIED_TAG,
                    units=shown,
                )
            )
        else:
            warnings.append(
                tr(
                    "{count} units need an office (set to back office and tagged {tag!r}): {units}",
                    count=count,
                    tag=UNCLASSIFIED_TAG,
                    units=shown,
                )
            )

    # Edges -------------------------------------------------------------------------------
    dropped_edge_keys: list[str] = []
    has_edge_parent: set[str] = set()
    edges = [element for element in graph.iter() if _local(element.tag) == "edge"]
    for number, edge in enumerate(edges, 1):
        source_id, target_id = edge.get("source"), edge.get("target")
        where = tr("edge {edge} ({source} → {target})", edge=edge.get("id") or number, source=source_id, target=target_id)
        if source_id not in units or target_id not in units:
            missing = source_id if source_id not in units else target_id
            warnings.append(tr("{edge}: unknown node {node!r}, left out", edge=where, node=missing))
            continue
        values, graphics = data_of(edge, "edge")
        kind = values.get("kind", "").strip().lower()
        if kind in (REPORTS_TO, "reports-to", "reporting", "parent"):
            has_edge_parent.add(source_id)
            if source_id == target_id:
                warnings.append(tr("{edge}: a unit cannot report to itself, left out", edge=where))
                continue
            current = model.parent(source_id)
            if current is not None:
                if current != target_id:
                    warnings.append(
                        tr("{edge}: {unit} already reports to {parent}, left out", edge=where, unit=source_id, parent=current)
                    )
                continue
            try:
                model.set_parent(source_id, target_id)
            except ReportingCycleError as error:
                warnings.append(tr("{edge}: {problem}; reporting line left out", edge=where, problem=error.text()))
            continue
        if kind and kind != DEPENDENCY:
            warnings.append(tr("{edge}: unknown kind {kind!r}, read as a dependency", edge=where, kind=kind[:40]))
        weight = label = None
        for name, text in values.items():
            if name == "kind" or not text.strip():
                continue
            if name == "weight":
                value, problem = _convert("weight", text)
                problem = problem or DEPENDENCY_FIELD_CHECKS["weight"](value)
                if problem:
                    warnings.append(tr("{edge}: {field}: {problem}, left out", edge=where, field=name, problem=problem))
                else:
                    weight = value
            elif name == "label":
                problem = DEPENDENCY_FIELD_CHECKS["label"](text)
                if problem:
                    warnings.append(tr("{edge}: {field}: {problem}, left out", edge=where, field=name, problem=problem))
                else:
                    label = text
            elif name not in dropped_edge_keys and name != "id":
                dropped_edge_keys.append(name)
        if label is None:
            for data in graphics:
                found = _yfiles_edge_label(data)
                if found and not check_text(found):
                    label = found
                    break
        if source_id == target_id:
            warnings.append(tr("{edge}: a unit cannot depend on itself, left out", edge=where))
            continue
        if model.has_dependency(source_id, target_id):
            warnings.append(tr("{edge}: duplicate dependency, left out", edge=where))
            continue
        try:
            model.add_dependency(source_id, target_id, weight, label)
        except (DependencyError, OrgModelError) as error:
            warnings.append(tr("{edge}: {problem}, left out", edge=where, problem=error.text()))
    if dropped_edge_keys:
        warnings.append(tr("edge keys OrgModel does not know were left out: {keys}", keys=", ".join(dropped_edge_keys)))

    # "parent" keys for units without a reporting edge (files that only carry the key).
    for child, parent in parent_keys.items():
        if child in has_edge_parent or child not in units:
            continue
        if parent not in units:
            warnings.append(_left_out(child, "parent", tr("unknown node {node!r}", node=parent)))
            continue
        try:
            model.set_parent(child, parent)
        except ReportingCycleError as error:
            warnings.append(
                tr("node {node}: {field}: {problem}; reporting line left out", node=child, field="parent", problem=error.text())
            )
    return model, warnings


def _left_out(node: str, field: str, problem: str) -> str:
    return tr("node {node}: {field}: {problem}, left out", node=node, field=field, problem=problem)
