"""Model file texts built from parts, for the tests of bad files."""

from __future__ import annotations

import json
from typing import Any


# -- building file texts ------------------------------------------------------------------


class Raw:
    """A piece of JSON text put into a document verbatim (NaN, Infinity, 1e400...)."""

    def __init__(self, text: str) -> None:
        self.text = text


def unit(uid: Any, name: Any = None, office: Any = "back", **fields: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": uid, "name": name if name is not None else str(uid).upper()}
    if office is not None:
        out["office"] = office
    out.update(fields)
    return out


def doc(units: Any = None, dependencies: Any = None, **top: Any) -> str:
    """A complete file text; ``units`` defaults to three valid units a, b, c."""
    document: dict[str, Any] = {"format": "orgmodel", "version": 1}
    document.update(top)
    document["units"] = units if units is not None else [unit("a", office="front"), unit("b"), unit("c")]
    if dependencies is not None:
        document["dependencies"] = dependencies
    raws: list[str] = []

    def encode(value: Any) -> Any:
        if isinstance(value, Raw):
            raws.append(value.text)
            return f"@@RAW{len(raws) - 1}@@"
        if isinstance(value, dict):
            return {k: encode(v) for k, v in value.items()}
        if isinstance(value, list):
            return [encode(v) for v in value]
        return value

    text = json.dumps(encode(document), indent=2, ensure_ascii=False)
    for index, raw in enumerate(raws):
        text = text.replace(f'"@@RAW{index}@@"', raw)
    return text


def without(mapping: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if k != key}


A, B, C = unit("a", "Sales", "front"), unit("b", "IT"), unit("c", "HR")


def with_unit(index: int, **changes: Any) -> list[dict[str, Any]]:
    """The three units a, b, c with ``changes`` applied to one of them."""
    units = [dict(A), dict(B), dict(C)]
    units[index].update(changes)
    return units
