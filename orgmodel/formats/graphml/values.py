"""What a GraphML file declares and holds, as Python values: its ``<key>`` declarations (the
name each data stands for, and its default), the graph's name, and a data text converted to
the value of a unit's or dependency's field (or a problem to report)."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from orgmodel.fields import check_text
from orgmodel.formats.graphml.safe_xml import local
from orgmodel.i18n import tr

_INTEGER = re.compile(r"[+-]?[0-9]{1,300}")


#: What the ``<default>`` values of the keys may add up to over all nodes and edges: a 1 MB
#: file whose 500 KB default was copied into every node made a 500 MB model.
MAX_DEFAULT_EXPANSION = 16_000_000


class Key:
    """One ``<key>`` declaration: the name its data stands for, and its default."""

    __slots__ = ("name", "domain", "type", "yfiles", "default")

    def __init__(self, name: str, domain: str, kind: str, yfiles: str | None, default: str | None) -> None:
        self.name, self.domain, self.type, self.yfiles, self.default = name, domain, kind, yfiles, default


def read_keys(root: ET.Element) -> dict[str, Key]:
    """The declared keys by id."""
    keys: dict[str, Key] = {}
    for element in root:
        name = local(element.tag)
        if name in ("node", "edge"):
            break  # keys come first (GraphML's schema): no need to look at a graph's every node
        if name != "key":
            continue
        key_id = element.get("id")
        if not key_id:
            continue
        default = None
        for child in element:
            if local(child.tag) == "default":
                default = text_of(child)
        # yEd desktop marks its graphics keys with yfiles.type, yEd Live with y:attr.uri.
        yfiles = element.get("yfiles.type") or next(
            (value for name, value in element.attrib.items() if local(name) == "attr.uri" and "yworks" in value), None)
        keys[key_id] = Key(element.get("attr.name") or key_id, element.get("for", "all"), element.get("attr.type", "string"),
                            yfiles, default)
    return keys


def model_name(graph: ET.Element, keys: dict[str, Key], source: str) -> str:
    """The graph's ``name`` (or ``label``) data, else the file name without extension."""
    model_name = Path(source).stem
    for data in graph:
        if local(data.tag) == "data":
            key = keys.get(data.get("key", ""))
            if key is not None and key.name in ("name", "label") and text_of(data).strip():
                model_name = text_of(data).strip()
    if check_text(model_name):
        model_name = Path(source).stem
    return model_name




def unit_name(fields: dict[str, Any], values: dict[str, str], label: str | None, node_id: str) -> str:
    """A "name" key, else Gephi's "label", else the yEd label, else the id."""
    name = fields.get("name")
    if name is None:
        for candidate in (values.get("label", "").strip() or None, label):
            if candidate and not check_text(candidate, required=True):
                name = candidate
                break
    return name or node_id


def rgb(values: dict[str, str]) -> str | None:
    """``#RRGGBB`` from r, g and b keys of 0-255, else None."""
    try:
        parts = [int(float(values[key])) for key in ("r", "g", "b")]
    except (KeyError, ValueError, OverflowError):
        return None
    return "#" + "".join(f"{part:02X}" for part in parts) if all(0 <= part <= 255 for part in parts) else None


def text_of(element: ET.Element) -> str:
    """All the text inside ``element``, its children's included."""
    return "".join(element.itertext())


def converted(field: str, text: str) -> tuple[Any, str | None]:
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
    if field in ("cost", "revenue", "automation_potential", "automation_ease", "x", "y", "weight"):
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
