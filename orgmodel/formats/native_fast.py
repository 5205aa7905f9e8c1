"""The fast path of the native reader: the usual, valid file, checked column by column.

The exact reader (:mod:`orgmodel.formats.native`) parses with hooks that mark repeated keys,
NaN and numbers no double holds, then checks every field of every unit in Python: 12x a
plain ``json.loads``. Most files have none of these problems, so this module first parses
with plain ``json.loads`` and checks each field for all units at once with C-level
``map``/``set``/regex calls. Whenever anything is unusual (a problem, an unknown key, a
number near the limits of a double, an escaped colon, a deep hierarchy) it answers ``None``
and the exact reader runs from the start: every message stays its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from itertools import chain, compress, repeat
from operator import is_, itemgetter
from types import MappingProxyType
from typing import Any

from orgmodel.fields import GROUP_LENGTH, GROUP_SEPARATORS, OFFICES, UNIT_FIELD_CHECKS, check_text
from orgmodel.formats.native_dump import FORMAT, VERSION
from orgmodel.model import Dependency, DependencyColumns, OrgModel, Unit
from orgmodel.records import instances

NO_EXTRA: Mapping[str, Any] = MappingProxyType({})

_UNIT_KEYS = frozenset(("id", "parent", *UNIT_FIELD_CHECKS))
_DEPENDENCY_KEYS = frozenset(("from", "to", "weight", "label", "group"))
_TOP_KEYS = ("format", "version", "name", "units", "dependencies")
_OFFICES = frozenset((*OFFICES, None))  # None: absent, the unit is unclassified
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
    # A colon written as \u003a is one the count of colons below cannot see (and a \u003X
    # escape of a digit or other punctuation is rare enough to leave to the exact reader).
    # Most files have no backslash at all: looking for one character is the quick look.
    if "\\" in text and "\\u003" in text:
        return None
    written = _written_dependencies(text)
    try:
        document = json.loads(text if written is None else written[0], parse_constant=_unusual)
    except (ValueError, RecursionError, _Unusual):  # JSONDecodeError is a ValueError
        return None
    if type(document) is not dict or document.get("format") != FORMAT:
        return None
    version, name = document.get("version"), document.get("name", "")
    if type(version) is not int or not 1 <= version <= VERSION or check_text(name) is not None:
        return None
    extra = {k: v for k, v in document.items() if k not in _TOP_KEYS}
    nested = _plain_keys(extra)  # its own keys are in len(document)
    raw_units, raw_deps = document.get("units"), document.get("dependencies", [])
    if nested is None or type(raw_units) is not list or type(raw_deps) is not list:
        return None
    built = _units(raw_units)
    if built is None:
        return None
    units, ids, parents, unit_colons, ids_have_colons = built
    dependencies = _dependencies(raw_deps, ids, ids_have_colons, None if written is None else written[1])
    if dependencies is None:
        return None
    columns, dependency_colons = dependencies
    # A plain dict keeps the last of repeated keys silently. Every key of the file is followed
    # by a colon, and the only other colons are inside its texts: when the colons of the file
    # number the keys read plus the colons in the texts read, no key was repeated.
    document_colons = len(document) - len(extra) + nested + name.count(":")
    if text.count(":") != document_colons + unit_colons + dependency_colons:
        return None
    return OrgModel._from_validated(name, extra, units, parents, columns, list(ids))


#: How this program writes the dependencies (native_dump): last in the file, one per line.
_DEPENDENCIES_START = '\n  "dependencies": [\n'
_DEPENDENCIES_END = "\n  ]\n}\n"
#: One such line, its two ends plain texts (no escape, no control character); the last line
#: has no comma. Its length is _LINE plus the lengths of the two ends.
_DEPENDENCY_LINE = re.compile(r'    \{"from": "([^"\\\x00-\x1f]*)", "to": "([^"\\\x00-\x1f]*)"\}(?:,\n|\Z)')
_LINE = len('    {"from": "", "to": ""},\n')


def _written_dependencies(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """The file without its dependencies (``"dependencies": []``) and their ends, when they
    are as this program writes them, each just its two ends; else ``None``.

    A third of a file is its dependencies: as JSON, 150,000 objects and 300,000 texts that
    are only read once for their two ends. One regular expression gives the ends at once.
    The lines found must make up the whole list: matches do not overlap, so when their
    lengths add up to the length of the list, nothing lies between them. What is left is
    JSON only if it was before, with the same values (the list is the last key of the top
    object: a raw newline cannot be inside a JSON text, and the head must parse whole).
    """
    if not text.endswith(_DEPENDENCIES_END):
        return None
    at = text.rfind(_DEPENDENCIES_START)
    if at < 0:
        return None
    start, end = at + len(_DEPENDENCIES_START), len(text) - len(_DEPENDENCIES_END)
    # Each line of two ends has one '", "'; one with a weight, a label or another key has
    # more. Counted first, so that such files do not pay for a search that cannot succeed.
    if text.count('", "', start, end) != text.count("\n", start, end) + 1:
        return None
    pairs = _DEPENDENCY_LINE.findall(text, start, end)
    if _LINE * len(pairs) - 2 + sum(map(len, chain.from_iterable(pairs))) != end - start:
        return None
    return text[:at] + '\n  "dependencies": []\n}\n', pairs


def _plain_keys(value: Any) -> int | None:
    """The number of keys in the objects inside ``value`` (unknown keys, kept as they are)
    plus the colons in its texts and keys, or ``None`` when a number or text in it needs
    the exact reader's look."""
    kind = type(value)
    if kind is dict:
        count = len(value)
        for key, item in value.items():
            inner = _plain_keys(item)
            if inner is None or _CONTROL.search(key):
                return None
            count += inner + key.count(":")
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
        return None if _CONTROL.search(value) else value.count(":")
    if kind is int or kind is float:
        return 0 if -_BIG < value < _BIG else None
    return 0 if value is None or kind is bool else None


def _column(raw: list[dict[str, Any]], key: str, default: Any = None) -> list[Any]:
    return list(map(dict.get, raw, repeat(key), repeat(default)))


def _texts(values: Iterable[Any], *, required: bool) -> str | None:
    """The values joined with tabs if every one is text without control characters (and not
    blank if ``required``), else ``None``. Tab is allowed in text: one search checks all."""
    values = values if type(values) is list else list(values)
    if {*map(type, values)} - {str}:
        return None
    joined = "\t".join(values)
    if _CONTROL.search(joined) is not None or (required and not all(map(str.strip, values))):
        return None
    return joined


def _numbers(kinds: set[type], low: float, high: float) -> Callable[[list[Any]], list[Any] | None]:
    """A check of a column of optional numbers of ``kinds`` within ``[low, high]``."""

    def check(values: list[Any]) -> list[Any] | None:
        found = {*map(type, values)}
        # Usually every unit has the field: then nothing is copied to leave out the Nones.
        present = [v for v in values if v is not None] if _NONE in found else values
        found.discard(_NONE)
        if present and (not found <= kinds or not low <= min(present) or not max(present) <= high):
            return None
        return values

    return check


def _positions(values: list[Any]) -> list[Any] | None:
    values = _numbers(_REAL, -_BIG, _BIG)(values)
    if values is not None and int in {*map(type, values)}:
        values = [float(v) if type(v) is int else v for v in values]  # as the model stores them
    return values


def _flags(values: list[Any]) -> list[Any] | None:
    return None if {*map(type, values)} - {bool, _NONE} else values


def _notes(values: list[Any]) -> list[Any] | None:
    return None if _texts([v for v in values if v is not None], required=False) is None else values


def _colors(values: list[Any]) -> list[Any] | None:
    colors = [v for v in values if v is not None]
    return None if {*map(type, colors)} - {str} or not all(map(_COLOR.match, colors)) else values


_REAL = {int, float}
#: A field's value for a unit without it, where it is not ``None`` (a null is refused there).
_ABSENT = {"tags": ()}
#: How each optional field of a unit is checked, all units at once: the column to store, or
#: ``None`` when a value is not as the exact reader would take it.
_OPTIONAL: dict[str, Callable[[list[Any]], list[Any] | None]] = {
    "revenue_generating": _flags,
    "headcount": _numbers({int}, 0, _BIG),
    "cost": _numbers(_REAL, 0, _BIG),
    "revenue": _numbers(_REAL, 0, _BIG),
    "automation_potential": _numbers(_REAL, 0, 1),
    "automation_ease": _numbers(_REAL, 0, 1),
    "notes": _notes,
    "x": _positions,
    "y": _positions,
    "color": _colors,
}


def _units(raw: list[Any]) -> tuple[list[Unit], dict[str, str], dict[str, str], int, bool] | None:
    """The units, their ids and their parents, if all are valid; with the colons they
    account for in the text (one per key, and those in their texts), and whether an id
    holds a colon."""
    gathered = _gather(raw)
    if gathered is None:
        return None
    fields, keys = gathered
    ids, names, offices = fields["id"], fields["name"], fields["office"]
    id_text, name_text = _texts(ids, required=True), _texts(names, required=True)
    if id_text is None or name_text is None:
        return None
    # The ids made again, one after another in memory: each of 200,000 parents and ends is
    # looked up and compared with its id's string, and the ids as parsed lie scattered among
    # their units' objects (50k units: 101 ms of look-ups against 62 ms, for 7 ms of split).
    # An id holding a tab splits in two: then the parsed ones stay.
    compact = id_text.split("\t")
    if len(compact) == len(ids):
        ids = compact
    # Each id text to itself: ends and parents are stored as these very strings, so that the
    # model holds one string per id (not one per mention) and compares ends by identity.
    known = dict(zip(ids, ids))
    if len(known) != len(ids):
        return None
    try:
        if not _OFFICES.issuperset(offices):  # office words are texts: so are the offices
            return None
    except TypeError:  # an unhashable office
        return None
    columns: dict[str, Iterable[Any]] = {"id": ids, "name": names, "office": offices, "extra": repeat(NO_EXTRA)}
    texts = [id_text, name_text]
    for key, check in _OPTIONAL.items():  # only the fields some unit has are looked at
        column = check(fields[key]) if key in fields else repeat(None)
        if column is None:
            return None
        columns[key] = column
    if "notes" in fields:
        texts += filter(None, columns["notes"])
    columns["tags"] = repeat(())
    if "tags" in fields:
        tags = fields["tags"]
        if not all(type(t) is list or t == () for t in tags):
            return None
        tag_text = _texts(chain.from_iterable(tags), required=True)
        if tag_text is None or any(len(set(t)) != len(t) for t in tags if t):
            return None
        columns["tags"] = list(map(tuple, tags))
        texts.append(tag_text)
    parents: dict[str, str] = {}
    if "parent" in fields:
        wanted = fields["parent"]
        try:  # each parent given as the id's own string, or None when it is no known id
            found = list(map(known.get, wanted))
        except TypeError:  # an unhashable parent
            return None
        parents = dict(compress(zip(ids, found), found))
        if len(parents) + wanted.count(None) != len(ids):
            return None  # a parent unknown, "", or another value that is not an id
        if not _forest(parents):
            return None
        if ":" in id_text:
            texts += parents.values()
    colons = keys + "".join(texts).count(":")
    return instances(Unit, columns, len(ids)), known, parents, colons, ":" in id_text


#: Units gathered at a time: each unit's object is read for all its fields while it is in the
#: processor's cache. Field by field over all units, every field read the whole document
#: from memory again: 70 ms for ten fields of 50,000 units, against 26 ms by chunks.
_CHUNK = 512


def _gather(raw: list[Any]) -> tuple[dict[str, list[Any]], int] | None:
    """The required fields and each other field some unit has, as a column over all units
    (``None`` where a unit lacks it, ``()`` for tags), and the number of keys of all units;
    ``None`` when a unit is not an object or has a key this version does not know (the
    exact reader keeps those)."""
    fields: dict[str, list[Any]] = {"id": [], "name": [], "office": []}
    keys = 0
    try:
        for start in range(0, len(raw), _CHUNK):
            chunk = raw[start : start + _CHUNK]
            present = set().union(*chunk)
            if not present.issubset(fields):
                if not _UNIT_KEYS.issuperset(present):
                    return None
                for key in present.difference(fields):  # a field first seen here: none before
                    fields[key] = [_ABSENT.get(key)] * start
            for key, column in fields.items():
                column += map(dict.get, chunk, repeat(key), repeat(_ABSENT.get(key)))
            keys += sum(map(len, chunk))
    except TypeError:  # a unit that is not an object
        return None
    return fields, keys


def _forest(parents: dict[str, str]) -> bool:
    """No unit reports to itself, directly or indirectly: each walk up ends within _DEPTH steps
    (all units step together, in C); a deeper hierarchy is left to the exact reader."""
    above: Iterable[str] = parents.values()
    for _ in range(_DEPTH):
        above = list(filter(None, map(parents.get, above)))
        if not above:
            return True
    return False


def _dependencies(
    raw: list[Any], known: Mapping[str, str], ids_have_colons: bool, pairs: list[tuple[str, str]] | None = None
) -> tuple[DependencyColumns, int] | None:
    """The dependencies, if all are valid and distinct, and the colons they account for.
    ``known`` maps each id text to the string the model keeps for it. ``pairs``: the ends of
    dependencies that are just their ends, found in the text (then ``raw`` is empty)."""
    try:
        # Both ends of each at once, in C; the pairs are freed before the collector runs
        # again (the model keeps columns), and hashing them for the look for a dependency
        # written twice leaves each end's hash known for the look-ups below.
        if pairs is None:
            pairs = list(map(itemgetter("from", "to"), raw))
        if len(set(pairs)) != len(pairs):
            return None  # a dependency is written twice
        ends = zip(*pairs) if pairs else ((), ())
        # Every end a known id, kept as the id's own string.
        sources, targets = (list(map(known.__getitem__, column)) for column in ends)
    except (KeyError, TypeError):  # not an object, an end missing or unknown, a list or an object
        return None
    if any(map(is_, sources, targets)):  # one string per id: the same text is the same object
        return None
    ids_colons = "".join(sources).count(":") + "".join(targets).count(":") if ids_have_colons else 0
    columns = DependencyColumns(sources, targets, {})
    if not raw or {*map(len, raw)} == {2}:  # just the two ends, as usual
        return columns, 2 * len(pairs) + ids_colons
    lengths = list(map(len, raw))
    if not _DEPENDENCY_KEYS.issuperset(set().union(*raw)):
        return None
    positions = list(compress(range(len(raw)), map((2).__ne__, lengths)))
    fuller = list(map(raw.__getitem__, positions))
    weights, labels = _column(fuller, "weight"), _column(fuller, "label")
    present = [w for w in weights if w is not None]
    if present and (not {*map(type, present)} <= _REAL or not 0 < min(present) or not max(present) < _BIG):
        return None
    label_text = _texts([v for v in labels if v is not None], required=False)
    if label_text is None:
        return None
    groups = _column(fuller, "group")
    named = [v for v in groups if v is not None]
    group_text = _texts(named, required=True)
    if group_text is None or (named and max(map(len, named)) > GROUP_LENGTH) or any(map(group_text.__contains__, GROUP_SEPARATORS)):
        return None
    ends = {"source": map(sources.__getitem__, positions), "target": map(targets.__getitem__, positions)}
    made = instances(Dependency, {**ends, "weight": weights, "label": labels, "extra": repeat(NO_EXTRA), "group": groups}, len(fuller))
    columns.fuller.update(zip(positions, made))
    return columns, sum(lengths) + ids_colons + label_text.count(":") + group_text.count(":")
