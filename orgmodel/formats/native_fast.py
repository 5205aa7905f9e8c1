"""The fast path of the native reader: the usual, valid file, checked column by column.

The exact reader (:mod:`orgmodel.formats.native`) parses with hooks that mark repeated keys,
NaN and numbers no double holds, then checks every field of every unit in Python: 12x a
plain ``json.loads``. Most files have none of these problems, so this module first parses
with plain ``json.loads`` and checks each field for all units at once with C-level
``map``/``set``/regex calls. Whenever anything is unusual (a problem, an unknown key, a
number near the limits of a double, a colon inside a string, a deep hierarchy) it answers
``None`` and the exact reader runs from the start: every message stays its own.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterable, Mapping
from itertools import chain, repeat
from operator import attrgetter, eq, itemgetter
from types import MappingProxyType
from typing import Any

from orgmodel.fields import OFFICES, UNIT_FIELD_CHECKS, check_text
from orgmodel.formats.native_dump import FORMAT, VERSION
from orgmodel.model import UNIT_FIELDS, Dependency, OrgModel, Unit

NO_EXTRA: Mapping[str, Any] = MappingProxyType({})

_UNIT_KEYS = frozenset(("id", "parent", *UNIT_FIELD_CHECKS))
_DEPENDENCY_KEYS = frozenset(("from", "to", "weight", "label"))
_TOP_KEYS = ("format", "version", "name", "units", "dependencies")
_OFFICES = frozenset(OFFICES)
# Same characters as fields._CONTROL: C0 controls but tab and newline, DEL, C1, surrogates.
# Tab is allowed in text, so texts joined with tabs are checked with one search.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_COLOR = re.compile(r"#[0-9a-fA-F]{6}\Z")
# Numbers this far from zero may have been written with 309+ digits or as 1e400, which the
# exact reader reports; leaving them to it is cheaper than telling them apart.
_BIG = 1e307
_NONE = type(None)
_MISSING = object()
#: Deeper reporting chains than this are checked for cycles by the exact reader.
_DEPTH = 100


class _Unusual(Exception):
    """Raised by the plain parse for NaN/Infinity: the exact reader says where they are."""


def _unusual(_text: str) -> Any:
    raise _Unusual


def read_fast(text: str) -> OrgModel | None:
    """The model of ``text`` if it is a usual, valid file; else ``None`` (not a verdict)."""
    try:
        document = json.loads(text, parse_constant=_unusual)
    except (ValueError, RecursionError, _Unusual):  # JSONDecodeError is a ValueError
        return None
    if type(document) is not dict or document.get("format") != FORMAT:
        return None
    version, name = document.get("version"), document.get("name", "")
    if type(version) is not int or not 1 <= version <= VERSION or check_text(name) is not None:
        return None
    extra = {k: v for k, v in document.items() if k not in _TOP_KEYS}
    nested_keys = _plain_keys(extra)  # its own keys are in len(document)
    raw_units, raw_deps = document.get("units"), document.get("dependencies", [])
    if nested_keys is None or type(raw_units) is not list or type(raw_deps) is not list:
        return None
    built = _units(raw_units)
    if built is None:
        return None
    units, parents = built
    dependencies = _dependencies(raw_deps, dict.fromkeys(map(attrgetter("id"), units)))
    if dependencies is None:
        return None
    # A plain dict keeps the last of repeated keys silently. Every key of the file is followed
    # by a colon, so when the colons number the keys read, no key was repeated (a colon inside
    # a string makes the exact reader decide).
    keys = sum(map(len, raw_units)) + sum(map(len, raw_deps)) + nested_keys - len(extra) + len(document)
    if text.count(":") != keys:
        return None
    return OrgModel._from_validated(name, extra, units, parents, dependencies)


def _plain_keys(value: Any) -> int | None:
    """The number of keys in the objects inside ``value`` (unknown keys, kept as they are),
    or ``None`` when a number or text in it needs the exact reader's look."""
    kind = type(value)
    if kind is dict:
        count = len(value)
        for key, item in value.items():
            inner = _plain_keys(item)
            if inner is None or _CONTROL.search(key):
                return None
            count += inner
        return count
    if kind is list:
        total = 0
        for item in value:
            inner = _plain_keys(item)
            if inner is None:
                return None
            total += inner
        return total
    if kind is str:
        return None if _CONTROL.search(value) else 0
    if kind is int or kind is float:
        return 0 if -_BIG < value < _BIG else None
    return 0 if value is None or kind is bool else None


def _column(raw: list[dict[str, Any]], key: str, default: Any = None) -> list[Any]:
    return list(map(dict.get, raw, repeat(key), repeat(default)))


def _texts(values: Iterable[Any], *, required: bool) -> bool:
    """Whether every value is text without control characters (and not blank if ``required``)."""
    values = list(values)
    if {*map(type, values)} - {str}:
        return False
    return _CONTROL.search("\t".join(values)) is None and (not required or all(map(str.strip, values)))


def _numbers(values: list[Any], kinds: set[type], low: float, high: float) -> bool:
    present = [v for v in values if v is not None]
    if not present:
        return True
    if not {*map(type, present)} <= kinds:
        return False
    return low <= min(present) and max(present) <= high


def _units(raw: list[Any]) -> tuple[list[Unit], dict[str, str]] | None:
    if raw and {*map(type, raw)} != {dict}:
        return None
    if not _UNIT_KEYS.issuperset(chain.from_iterable(raw)):
        return None  # unknown keys: the exact reader keeps them
    try:
        ids, names, offices = (list(map(itemgetter(key), raw)) for key in ("id", "name", "office"))
    except KeyError:
        return None
    if not _texts(ids, required=True) or len(set(ids)) != len(ids) or not _texts(names, required=True):
        return None
    try:
        if not _OFFICES.issuperset(offices) or {*map(type, offices)} - {str}:
            return None
    except TypeError:  # an unhashable office
        return None
    columns = {key: _column(raw, key) for key in ("revenue_generating", "headcount", "cost", "revenue")}
    columns.update((key, _column(raw, key)) for key in ("automation_potential", "notes", "x", "y", "color"))
    numbers = {int, float}
    if (
        {*map(type, columns["revenue_generating"])} - {bool, _NONE}
        or not _numbers(columns["headcount"], {int}, 0, _BIG)
        or not _numbers(columns["cost"], numbers, 0, _BIG)
        or not _numbers(columns["revenue"], numbers, 0, _BIG)
        or not _numbers(columns["automation_potential"], numbers, 0, 1)
        or not _numbers(columns["x"], numbers, -_BIG, _BIG)
        or not _numbers(columns["y"], numbers, -_BIG, _BIG)
        or not _texts([v for v in columns["notes"] if v is not None], required=False)
    ):
        return None
    colors = [v for v in columns["color"] if v is not None]
    if {*map(type, colors)} - {str} or not all(map(_COLOR.match, colors)):
        return None
    tags = _column(raw, "tags", ())
    if not all(type(t) is list or t == () for t in tags):
        return None
    every_tag = list(chain.from_iterable(tags))
    if not _texts(every_tag, required=True) or any(len(set(t)) != len(t) for t in tags if t):
        return None
    columns["tags"] = list(map(tuple, tags))
    for key in ("x", "y"):
        columns[key] = [float(v) if type(v) is int else v for v in columns[key]]
    known = set(ids)
    wanted = _column(raw, "parent")
    parents = {uid: parent for uid, parent in zip(ids, wanted) if parent is not None}
    if {*map(type, parents.values())} - {str} or not known.issuperset(parents.values()):
        return None
    if not _forest(parents):
        return None
    columns.update(id=ids, name=names, office=offices, extra=repeat(NO_EXTRA))
    return _instances(Unit, UNIT_FIELDS, columns, len(ids)), parents


def _forest(parents: dict[str, str]) -> bool:
    """No unit reports to itself, directly or indirectly: each walk up ends within _DEPTH steps
    (all units step together, in C); a deeper hierarchy is left to the exact reader."""
    above: Iterable[str] = parents.values()
    for _ in range(_DEPTH):
        above = list(filter(None, map(parents.get, above)))
        if not above:
            return True
    return False


def _instances(cls: type, names: tuple[str, ...], columns: Mapping[str, Iterable[Any]], count: int) -> list[Any]:
    """``count`` frozen slotted dataclass instances, filled a field at a time: the generated
    ``__init__`` goes through ``object.__setattr__`` per field, which was most of the build."""
    objects = list(map(object.__new__, repeat(cls, count)))
    for name in names:
        deque(map(getattr(cls, name).__set__, objects, columns[name]), maxlen=0)
    return objects


def _dependencies(raw: list[Any], known: Mapping[str, None]) -> dict[tuple[str, str], Dependency] | None:
    """The dependencies by (source, target) in file order, if all are valid and distinct."""
    if not raw:
        return {}
    if {*map(type, raw)} != {dict} or not _DEPENDENCY_KEYS.issuperset(chain.from_iterable(raw)):
        return None
    try:
        sources, targets = list(map(itemgetter("from"), raw)), list(map(itemgetter("to"), raw))
    except KeyError:
        return None
    if {*map(type, sources), *map(type, targets)} != {str}:
        return None
    if not known.keys() >= {*sources, *targets} or any(map(eq, sources, targets)):
        return None
    columns: dict[str, Iterable[Any]] = {"source": sources, "target": targets, "extra": repeat(NO_EXTRA)}
    if {*map(len, raw)} == {2}:  # only the two ends, as most files write them
        columns.update(weight=repeat(None), label=repeat(None))
    else:
        weights, labels = _column(raw, "weight"), _column(raw, "label")
        present = [w for w in weights if w is not None]
        if present and (not {*map(type, present)} <= {int, float} or not 0 < min(present) or not max(present) < _BIG):
            return None
        if not _texts([v for v in labels if v is not None], required=False):
            return None
        columns.update(weight=weights, label=labels)
    by_key = dict(zip(zip(sources, targets), _instances(Dependency, ("source", "target", "weight", "label", "extra"), columns, len(raw))))
    return by_key if len(by_key) == len(raw) else None  # else a dependency is written twice
