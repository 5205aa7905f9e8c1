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
from collections.abc import Iterator
from json.encoder import encode_basestring
from typing import Any

from orgmodel.model import Dependency, OrgModel, Unit

FORMAT = "orgmodel"
VERSION = 1


def to_document(model: OrgModel) -> dict[str, Any]:
    """The model as the JSON-ready structure of a version 1 file, keys in a stable order."""
    document = _header(model)
    document["units"] = [_unit_document(model, unit) for unit in model.units()]
    document["dependencies"] = [_dependency_document(dep) for dep in model.dependencies()]
    return document


def _header(model: OrgModel) -> dict[str, Any]:
    """The document's keys before its units and dependencies (a model's unknown keys kept)."""
    header: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if model.name:
        header["name"] = model.name
    header.update(model.extra)
    return header


def _unit_document(model: OrgModel, unit: Unit) -> dict[str, Any]:
    out: dict[str, Any] = {"id": unit.id, "name": unit.name}
    if unit.office is not None:  # no office: the unit is unclassified
        out["office"] = unit.office
    if unit.revenue_generating is not None:
        out["revenue_generating"] = unit.revenue_generating
    parent = model.parent(unit.id)
    if parent is not None:
        out["parent"] = parent
    for key in ("headcount", "cost", "revenue", "automation_potential", "automation_ease"):
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
    if dep.group is not None:
        out["group"] = dep.group
    out.update(dep.extra)
    return out


def dumps(model: OrgModel) -> str:
    """The file text: pretty-printed units, one line per dependency, a final newline.

    Dependencies are the longest list in a real model; one line each keeps files short and
    makes a ``git diff`` show each added or removed dependency as one line.

    The text is exactly what ``json.dumps(..., indent=2)`` writes for each unit, but a unit
    whose values hold no list or object is made by the C encoder, several times faster:

    >>> from orgmodel.model import Unit
    >>> model = OrgModel()
    >>> model.add_unit(Unit("a", "A", "back", tags=("x",), extra={"n": {"k": [1]}}))
    >>> model.add_unit(Unit("b", "B", "front", cost=2.5))
    >>> document = to_document(model)
    >>> [_unit_text(unit) == _indent(json.dumps(unit, ensure_ascii=False, indent=2), 4) for unit in document["units"]]
    [True, True]
    """
    return "\n".join(_lines(model)) + "\n"


#: Lines encoded at a time by :func:`dump_bytes`.
CHUNK_LINES = 4096


def dump_bytes(model: OrgModel) -> bytes:
    """``dumps(model)`` as UTF-8, encoded a few thousand lines at a time, each unit and
    dependency turned into its line as it comes: neither the whole document (a dict per
    unit and per dependency) nor the whole text is ever held beside the bytes. At 50,000
    units that held 105 MB at once, in an autosave that runs while the editor's memory is
    at its highest; this holds about twice the file's size.

    >>> from orgmodel.model import Unit
    >>> model = OrgModel("Ünite")
    >>> model.add_unit(Unit("s", "Satış", "front"))
    >>> dump_bytes(model) == dumps(model).encode("utf-8")
    True
    """
    chunks: list[bytes] = []
    batch: list[str] = []
    for line in _lines(model):
        batch.append(line)
        if len(batch) == CHUNK_LINES:
            batch.append("")  # the newline after the batch's last line
            chunks.append("\n".join(batch).encode("utf-8"))
            batch = []
    batch.append("")
    chunks.append("\n".join(batch).encode("utf-8"))
    return b"".join(chunks)


def _lines(model: OrgModel) -> Iterator[str]:
    """The lines of the file text (without their newlines), as :func:`to_document` orders
    the keys, each unit and dependency made when its line is."""
    header = _header(model)
    header.pop("units", None)
    header.pop("dependencies", None)
    yield "{"
    for key, value in header.items():
        yield f"  {json.dumps(key, ensure_ascii=False)}: {_indent(json.dumps(value, ensure_ascii=False, indent=2))},"
    yield from _listed('"units"', (_unit_text(_unit_document(model, unit)) for unit in model.units()), ",")
    yield from _listed('"dependencies"', (_dependency_text(_dependency_document(dep)) for dep in model.dependencies()), "")
    yield "}"


def _listed(name: str, texts: Iterator[str], after: str) -> Iterator[str]:
    """A list's lines: its items one a line, a comma after each but the last."""
    previous = next(texts, None)
    if previous is None:
        yield f"  {name}: []{after}"
        return
    yield f"  {name}: ["
    for text in texts:
        yield f"    {previous},"
        previous = text
    yield f"    {previous}"
    yield f"  ]{after}"


#: One unit's keys at the depth units are written at, by the C encoder: ``{"id": "s",`` +
#: newline + six spaces + ``"name": ...}``, the layout ``indent=2`` gives a flat object there.
_encode_flat_unit = json.JSONEncoder(ensure_ascii=False, separators=(",\n      ", ": ")).encode
_encode = json.JSONEncoder(ensure_ascii=False).encode
_encode_string = encode_basestring  # what _encode does with a str, without its checks
_CONTAINERS = (list, tuple, dict)


def _unit_text(unit: dict[str, Any]) -> str:
    """A unit as ``json.dumps(unit, indent=2)`` writes it, indented for its place in the file."""
    for value in unit.values():
        if isinstance(value, _CONTAINERS):
            return _indent(json.dumps(unit, ensure_ascii=False, indent=2), 4)
    return "{\n      " + _encode_flat_unit(unit)[1:-1] + "\n    }"


def _dependency_text(dep: dict[str, Any]) -> str:
    """A dependency on one line, as ``json.dumps(dep, ensure_ascii=False)`` writes it."""
    source, target = dep["from"], dep["to"]
    if len(dep) == 2 and type(source) is str and type(target) is str:
        return f'{{"from": {_encode_string(source)}, "to": {_encode_string(target)}}}'
    return _encode(dep)


def _indent(text: str, by: int = 2) -> str:
    return text.replace("\n", "\n" + " " * by)
