"""ArchiMate import: Archi's own ``.archimate`` models (plain or archived with images) and the
Open Group ArchiMate Model Exchange Format (``.xml``).

The mapping (docs/formats.md has it as a table):

- Units: business actors, roles, functions, processes and services; application components
  too, as IT in the back office (tagged ``application``). Their offices are otherwise left
  unclassified; a property named office (ofis) holding an office word sets it.
- Reporting lines: composition and aggregation between two units (the target reports to
  the source); else a unit drawn inside another in the first view that shows both (Archi's
  organisation views nest the departments).
- Dependencies, all "B supports A" read as "A depends on B": serving (the served element
  depends on the serving one), realisation (the realised element depends on what realises
  it), assignment (the behaviour or role depends on who is assigned to it), flow and
  triggering (the receiving element depends on the sending one); the relation's name is
  the dependency's label.
- Not read: other element types, access, influence, association and specialisation
  relations, relations to or from elements that are not units (counted in the summary).
- Documentation → notes; properties named like a unit field (cost, headcount, revenue,
  automation potential…, in English or Turkish) → that field; other properties → notes lines
  ``key: value``; a property without value → a tag. Positions from the first view that shows
  the element, spread so that cards do not overlap.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
import zipfile
from typing import Any

from orgmodel.errors import OrgModelError
from orgmodel.fields import check_id, check_text
from orgmodel.formats.file_errors import special_file
from orgmodel.formats.graphml.safe_xml import MAX_BYTES, local, namespace, parse, parse_bytes
from orgmodel.formats.importing import ImportFileError, closing_lines, leave_unclassified, report_to, scaled_positions
from orgmodel.formats.spreadsheet.columns import guess_mapping
from orgmodel.formats.spreadsheet.values import ValueProblem, parse_field
from orgmodel.i18n import Text, tr
from orgmodel.ids import fresh_id
from orgmodel.model import OrgModel, Unit

XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
UNIT_TYPES = ("BusinessActor", "BusinessRole", "BusinessFunction", "BusinessProcess", "BusinessService",
              "ApplicationComponent")
REPORTING = ("Composition", "Aggregation")
#: Relations that say "the source supports the target": the target depends on the source.
SUPPORTING = ("Serving", "Realization", "Assignment", "Flow", "Triggering")
_FIELDS_FROM_PROPERTIES = ("office", "revenue_generating", "headcount", "cost", "revenue", "automation_potential",
                           "automation_ease")
_SPACES = re.compile(r"\s+")


class ArchiMateError(ImportFileError):
    """An ArchiMate file that cannot be imported; the message is one line naming the file."""


def read_archimate(path: str | os.PathLike[str]) -> tuple[OrgModel, list[str]]:
    """Import an Archi model or an exchange-format file: the model and what the person
    should know (Texts). Raises :class:`ArchiMateError` when the file cannot be read."""
    source = str(path)
    root = _root(source, path)
    exchange = "archimatetool.com" not in namespace(root.tag)
    elements, relations, views, name = _exchange(root) if exchange else _archi(root)
    reading = _Reading()
    model = reading.build(name or os.path.splitext(os.path.basename(source))[0], elements, relations, views)
    return model, reading.messages()


def _root(source: str, path: str | os.PathLike[str]) -> ET.Element:
    zipped = False  # a special file is never opened here: the parser refuses it
    if not special_file(path):
        try:
            with open(path, "rb") as handle:
                zipped = handle.read(2) == b"PK"
        except OSError:
            pass  # the parser says why
    if not zipped:
        return parse(source, path, ArchiMateError, ("model",))
    # Archi's "archive" format: the model and its images in one zip.
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("model.xml")
            if info.file_size > MAX_BYTES:
                raise ArchiMateError(source, tr("the model in the archive is too large"))
            data = archive.read(info)
    except (zipfile.BadZipFile, KeyError, OSError):
        raise ArchiMateError(source, tr("not an Archi archive: no model.xml inside")) from None
    return parse_bytes(source, data, ArchiMateError, ("model",))


def _type(element: ET.Element) -> str:
    return (element.get(XSI_TYPE) or "").rsplit(":", 1)[-1]


def _clean(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


# Both formats come to the same plain shapes:
#   elements: id -> (type, name, documentation, [(key, value)])
#   relations: [(id, type, source, target, name)]
#   views: [[(element id, x, y, width, height, enclosing element id or None)]]


def _archi(root: ET.Element) -> tuple[dict, list, list, str]:
    elements: dict[str, tuple[str, str, str, list[tuple[str, str]]]] = {}
    relations: list[tuple[str, str, str, str, str]] = []
    views: list[list[tuple[str, float, float, float, float, str | None]]] = []
    for element in root.iter():
        if local(element.tag) != "element":
            continue
        kind = _type(element)
        if kind.endswith("Relationship"):
            relations.append((element.get("id", ""), kind[: -len("Relationship")], element.get("source", ""),
                              element.get("target", ""), _clean(element.get("name"))))
        elif kind == "ArchimateDiagramModel":
            shapes: list[tuple[str, float, float, float, float, str | None]] = []
            _archi_shapes(element, 0.0, 0.0, None, shapes)
            views.append(shapes)
        elif kind:
            documentation = "".join(child.text or "" for child in element if local(child.tag) == "documentation")
            properties = [(p.get("key", ""), p.get("value", "")) for p in element if local(p.tag) == "property"]
            elements[element.get("id", "")] = (kind, _clean(element.get("name")), documentation.strip(), properties)
    return elements, relations, views, _clean(root.get("name"))


def _archi_shapes(parent: ET.Element, ox: float, oy: float, enclosing: str | None, shapes: list) -> None:
    for child in parent:
        if local(child.tag) != "child":
            continue
        bounds = next((b for b in child if local(b.tag) == "bounds"), None)
        x = ox + _number(bounds.get("x") if bounds is not None else None)
        y = oy + _number(bounds.get("y") if bounds is not None else None)
        w, h = (_number(bounds.get(k), 120.0) if bounds is not None else 120.0 for k in ("width", "height"))
        element = child.get("archimateElement")
        if element:
            shapes.append((element, x, y, w, h, enclosing))
        _archi_shapes(child, x, y, element or enclosing, shapes)


def _exchange(root: ET.Element) -> tuple[dict, list, list, str]:
    definitions = {}
    for definition in root.iter():
        if local(definition.tag) == "propertyDefinition":
            definitions[definition.get("identifier", "")] = definition.get("name") or _first_text(definition, "name")
    elements: dict[str, tuple[str, str, str, list[tuple[str, str]]]] = {}
    relations: list[tuple[str, str, str, str, str]] = []
    views: list[list[tuple[str, float, float, float, float, str | None]]] = []
    for section in root:
        name = local(section.tag)
        if name == "elements":
            for element in section:
                properties = [(definitions.get(p.get("propertyDefinitionRef") or p.get("identifierRef") or "", ""),
                               _first_text(p, "value")) for p in element.iter() if local(p.tag) == "property"]
                elements[element.get("identifier", "")] = (
                    _type(element), _clean(_first_text(element, "name")), _first_text(element, "documentation").strip(), properties)
        elif name == "relationships":
            for relation in section:
                relations.append((relation.get("identifier", ""), _type(relation), relation.get("source", ""),
                                  relation.get("target", ""), _clean(_first_text(relation, "name"))))
        elif name == "views":
            for view in section.iter():
                if local(view.tag) == "view":
                    shapes: list[tuple[str, float, float, float, float, str | None]] = []
                    _exchange_shapes(view, None, shapes)
                    views.append(shapes)
    return elements, relations, views, _clean(_first_text(root, "name"))


def _exchange_shapes(parent: ET.Element, enclosing: str | None, shapes: list) -> None:
    for node in parent:
        if local(node.tag) != "node":
            continue
        element = node.get("elementRef")
        if element:
            shapes.append((element, _number(node.get("x")), _number(node.get("y")), _number(node.get("w"), 120.0),
                           _number(node.get("h"), 55.0), enclosing))
        _exchange_shapes(node, element or enclosing, shapes)


def _first_text(element: ET.Element, tag: str) -> str:
    for child in element:
        if local(child.tag) == tag:
            return "".join(child.itertext())
    return ""


def _number(text: str | None, default: float = 0.0) -> float:
    try:
        value = float(text) if text else default
    except ValueError:
        return default
    return value if value == value and abs(value) < 1e12 else default


class _Reading:
    def __init__(self) -> None:
        self.left_out: list[tuple[Any, Text]] = []
        self.other_types: dict[str, int] = {}
        self.not_read_relations: dict[str, int] = {}
        self.unclassified: list[str] = []
        self.nested = 0

    def build(self, name: str, elements: dict, relations: list, views: list) -> OrgModel:
        model = OrgModel(name if not check_text(name, required=True) else "ArchiMate")
        taken: set[str] = set()
        unit_of: dict[str, str] = {}
        fields_of: dict[str, dict[str, Any]] = {}
        for element_id, (kind, element_name, documentation, properties) in elements.items():
            if kind not in UNIT_TYPES:
                self.other_types[kind] = self.other_types.get(kind, 0) + 1
                continue
            uid = element_id if not check_id(element_id) and element_id not in taken else fresh_id(element_name, taken)
            taken.add(uid)
            unit_of[element_id] = uid
            fields_of[uid] = self.unit_fields(uid, kind, element_name or element_id, documentation, properties)
        # Positions from one view, the one showing the most units: each view has a drawing of
        # its own, and places taken from several put cards on top of each other. The units
        # that view leaves out are placed clear of it (``read_any``).
        shapes = {}
        best = max(views, key=lambda view: len({element for element, *_ in view if element in unit_of}), default=[])
        for element, x, y, w, h, _ in best:
            if element in unit_of and unit_of[element] not in shapes:
                shapes[unit_of[element]] = (x, y, w, h)
        positions = scaled_positions(shapes)
        for uid, fields in fields_of.items():
            if uid in positions:
                fields["x"], fields["y"] = positions[uid]
            model.add_unit(Unit(uid, **fields))
        for relation_id, kind, source, target, label in relations:
            self.relation(model, unit_of, relation_id, kind, source, target, label)
        for view in views:
            for element, *_, enclosing in view:
                child, parent = unit_of.get(element), unit_of.get(enclosing or "")
                if child and parent and child != parent and model.parent(child) is None and self.report(model, "", child, parent):
                    self.nested += 1
        return model

    def unit_fields(self, uid: str, kind: str, name: str, documentation: str, properties: list) -> dict[str, Any]:
        fields: dict[str, Any] = {"name": name[:200]}
        notes = [documentation] if documentation else []
        tags: list[str] = []
        for key, value in properties:
            key, value = _clean(key), value.strip()
            if not key:
                continue
            if not value:
                if key not in tags:
                    tags.append(key)
                continue
            field = next(iter(guess_mapping([key])), None)
            if field in _FIELDS_FROM_PROPERTIES and field not in fields:
                try:
                    fields[field] = parse_field(field, value)
                    continue
                except ValueProblem:
                    pass
            notes.append(f"{key}: {value}")
        if kind == "ApplicationComponent":
            tags.append("application")
            fields.setdefault("office", "back")
        if notes and not check_text("\n".join(notes)):
            fields["notes"] = "\n".join(notes)
        fields["tags"] = tuple(tags)
        if "office" not in fields:
            leave_unclassified(fields)
            self.unclassified.append(fields["name"])
        return fields

    def relation(self, model: OrgModel, unit_of: dict, relation_id: str, kind: str, source: str, target: str, label: str) -> None:
        if kind not in REPORTING and kind not in SUPPORTING:
            self.not_read_relations[kind] = self.not_read_relations.get(kind, 0) + 1
            return
        a, b = unit_of.get(source), unit_of.get(target)
        if a is None or b is None or a == b:
            self.not_read_relations[kind] = self.not_read_relations.get(kind, 0) + 1
            return
        if kind in REPORTING:
            self.report(model, relation_id, b, a)
            return
        if model.has_dependency(b, a):
            return  # the same support said twice (serving and flow): one dependency
        try:
            model.add_dependency(b, a, label=label or None)
        except OrgModelError as error:
            self.left_out.append((tr("relation {id}", id=relation_id), error.text()))

    def report(self, model: OrgModel, relation_id: str, child: str, parent: str) -> bool:
        done, why = report_to(model, child, parent)
        if why is not None and relation_id:
            self.left_out.append((tr("relation {id}", id=relation_id), why))
        return done

    def messages(self) -> list[str]:
        lines: list[str] = []
        if self.nested:
            lines.append(tr("{count:,} reporting lines from elements drawn inside others in the views", count=self.nested))
        if self.other_types:
            lines.append(tr("elements that are not units were left out: {types}", types=_counted(self.other_types)))
        if self.not_read_relations:
            lines.append(tr("relations not read (not between two units, or of a kind that is no support): {types}",
                            types=_counted(self.not_read_relations)))
        return lines + closing_lines(self.unclassified, self.left_out)


def _counted(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind or '?'} ({count})" for kind, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
