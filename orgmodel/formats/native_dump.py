"""The text of a native ``.orgmodel`` file: stable key order, so that models diff well.

>>> from orgmodel.model import Unit
>>> model = OrgModel("Acme")
>>> model.add_unit(Unit("s", "Sales", "front"))
>>> print(dumps(model), end="")
{
  "format": "orgmodel",
  "version": 1,
  "name": "Acme",
  "units": [
    {
      "id": "s",
      "name": "Sales",
      "office": "front"
    }
  ],
  "dependencies": []
}
"""

from __future__ import annotations

import json
from typing import Any

from orgmodel.model import Dependency, OrgModel, Unit

FORMAT = "orgmodel"
VERSION = 1


def to_document(model: OrgModel) -> dict[str, Any]:
    """The model as the JSON-ready structure of a version 1 file, keys in a stable order."""
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if model.name:
        document["name"] = model.name
    document.update(model.extra)
    document["units"] = [_unit_document(model, unit) for unit in model.units()]
    document["dependencies"] = [_dependency_document(dep) for dep in model.dependencies()]
    return document


def _unit_document(model: OrgModel, unit: Unit) -> dict[str, Any]:
    out: dict[str, Any] = {"id": unit.id, "name": unit.name, "office": unit.office}
    if unit.revenue_generating is not None:
        out["revenue_generating"] = unit.revenue_generating
    parent = model.parent(unit.id)
    if parent is not None:
        out["parent"] = parent
    for key in ("headcount", "cost", "revenue", "automation_potential"):
        value = getattr(unit, key)
        if value is not None:
            out[key] = value
    if unit.tags:
        out["tags"] = list(unit.tags)
    for key in ("notes", "color", "x", "y"):
        value = getattr(unit, key)
        if value is not None:
            out[key] = value
    out.update(unit.extra)
    return out


def _dependency_document(dep: Dependency) -> dict[str, Any]:
    out: dict[str, Any] = {"from": dep.source, "to": dep.target}
    if dep.weight is not None:
        out["weight"] = dep.weight
    if dep.label is not None:
        out["label"] = dep.label
    out.update(dep.extra)
    return out


def dumps(model: OrgModel) -> str:
    """The file text: pretty-printed units, one line per dependency, a final newline.

    Dependencies are the longest list in a real model; one line each keeps files short and
    makes a ``git diff`` show each added or removed dependency as one line.
    """
    document = to_document(model)
    units = document.pop("units")
    dependencies = document.pop("dependencies")
    lines = ["{"]
    for key, value in document.items():
        lines.append(f"  {json.dumps(key, ensure_ascii=False)}: {_indent(json.dumps(value, ensure_ascii=False, indent=2))},")
    lines.append('  "units": [' if units else '  "units": [],')
    for i, unit in enumerate(units):
        comma = "," if i < len(units) - 1 else ""
        lines.append("    " + _indent(json.dumps(unit, ensure_ascii=False, indent=2), 4) + comma)
    if units:
        lines.append("  ],")
    lines.append('  "dependencies": [' if dependencies else '  "dependencies": []')
    for i, dep in enumerate(dependencies):
        comma = "," if i < len(dependencies) - 1 else ""
        lines.append("    " + json.dumps(dep, ensure_ascii=False) + comma)
    if dependencies:
        lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _indent(text: str, by: int = 2) -> str:
    return text.replace("\n", "\n" + " " * by)
