"""The native ``.orgmodel`` file: versioned JSON, read as parse → validate → build.

Reading reports every problem with its place (a JSON path such as ``units[3].office``, or a
line and column for syntax errors) and never returns a half-built model. Writing serialises
everything in memory first (:mod:`orgmodel.formats.native_dump`) and then replaces the file
atomically (:mod:`orgmodel.formats.atomic`), so the previous file survives any failure.
Nothing is ever loaded with pickle or eval. See ``docs/file-format.md``.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Mapping
from operator import eq, itemgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any

from orgmodel.errors import ModelFileError, Problem
from orgmodel.formats.atomic import SaveError
from orgmodel.formats.file_errors import read_problem, special_file
from orgmodel.formats.native_dump import FORMAT, VERSION, dump_bytes, dumps, to_document
from orgmodel.formats.native_fast import NO_EXTRA as _NO_EXTRA
from orgmodel.formats.native_fast import read_fast
from orgmodel.formats.native_save import backup_path, save
from orgmodel.gcpause import gc_paused
from orgmodel.fields import DEPENDENCY_FIELD_CHECKS, UNCLASSIFIED, UNIT_FIELD_CHECKS, NonFinite, check_id, check_text, type_name
from orgmodel.i18n import tr
from orgmodel.model import Dependency, OrgModel, Unit

__all__ = [
    "EXTENSIONS",
    "FORMAT",
    "VERSION",
    "ModelFileError",
    "SaveError",
    "backup_path",
    "dump_bytes",
    "dumps",
    "load",
    "loads",
    "read_text",
    "save",
    "to_document",
]

EXTENSIONS = (".orgmodel", ".json")

_TOP_KEYS = ("format", "version", "name", "units", "dependencies")
_UNIT_KEYS = ("id", "parent", *UNIT_FIELD_CHECKS)
_DEPENDENCY_KEYS = ("from", "to", "weight", "label", "group")
_UNIT_KEY_SET = frozenset(_UNIT_KEYS)
_DEPENDENCY_KEY_SET = frozenset(_DEPENDENCY_KEYS)


class _JsonObject(dict):
    """A JSON object in which the file wrote some keys twice (JSON allows it, we do not).

    Only such objects get this type; every other object stays a plain ``dict``.
    """

    __slots__ = ("duplicates",)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    marked = _JsonObject(pairs)
    counts: dict[str, int] = {}
    for key, _ in pairs:
        counts[key] = counts.get(key, 0) + 1
    marked.duplicates = sorted(key for key, n in counts.items() if n > 1)
    return marked


def _float(text: str) -> float | NonFinite:
    value = float(text)
    return value if math.isfinite(value) else NonFinite(text)


def _int(text: str) -> int | NonFinite:
    # Beyond 309 digits no double holds it; beyond 4,300 Python refuses to convert at all.
    return int(text) if len(text) < 310 else NonFinite(tr("{start}… ({count} digits)", start=text[:12], count=len(text)))


def _path(base: str, key: str) -> str:
    return f"{base}.{key}" if base else key


class _Reader:
    """One read of one document: collects problems, then builds the model if there are none."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def check_object(self, value: Any, path: str, what: str) -> bool:
        if not isinstance(value, dict):
            self.problem(path, tr("expected {expected} (a JSON object), got {found}", expected=what, found=type_name(value)))
            return False
        for key in getattr(value, "duplicates", ()):
            self.problem(_path(path, key), tr("key appears more than once"))
        return True

    def check_extra(self, value: Any, path: str) -> None:
        """Keys this version does not know are kept, but must still be valid JSON to write back.

        Walked with a stack, not by recursion: JSON nested nearly as deep as the parser
        allows (a 2 KB file) would otherwise exceed Python's recursion limit here."""
        pending: list[tuple[Any, str]] = [(value, path)]
        while pending:
            value, path = pending.pop()
            if isinstance(value, NonFinite):
                self.problem(path, tr("{value} is not a number JSON allows", value=value.text))
            elif isinstance(value, str):
                if _LONE_SURROGATE.search(value):
                    self.problem(path, tr("invalid text: lone surrogate (half a UTF-16 pair, not a character)"))
            elif isinstance(value, dict):
                for key in getattr(value, "duplicates", ()):
                    self.problem(_path(path, key), tr("key appears more than once"))
                items: list[tuple[Any, str]] = []
                for key, item in value.items():
                    items += ((key, path), (item, _path(path, key)))
                pending += reversed(items)  # in the file's order
            elif isinstance(value, list):
                pending += reversed([(item, f"{path}[{index}]") for index, item in enumerate(value)])

    def check_field(self, check: Any, value: Any, path: str, key: str) -> bool:
        """Check one field; the place ``path.key`` is only spelled out for a problem."""
        problem = check(value)
        if problem:
            self.problem(_path(path, key), problem)
            return False
        return True

    def read(self, document: Any) -> OrgModel | None:
        if not self.check_object(document, "", tr("an OrgModel model")):
            return None
        fmt = document.get("format")
        if fmt != FORMAT:
            if "format" not in document:
                self.problem("format", tr('expected "orgmodel" (missing): this is not an OrgModel model file'))
            else:
                self.problem(
                    "format",
                    tr(
                        'expected "orgmodel" (got {value}): this is not an OrgModel model file',
                        value=json.dumps(fmt, ensure_ascii=False)[:60],
                    ),
                )
            return None
        version = document.get("version")
        if "version" not in document:
            self.problem("version", tr("missing; expected {version}", version=VERSION))
        elif not isinstance(version, int) or isinstance(version, bool) or version < 1:
            shown = json.dumps(version, ensure_ascii=False) if isinstance(version, (int, float, str)) else type_name(version)
            self.problem("version", tr("expected a whole number >= 1, got {found}", found=shown))
        elif version > VERSION:
            self.problem(
                "version",
                tr(
                    "this file was made by a newer OrgModel (format version {version}); "
                    "this OrgModel reads format version {supported} — please update OrgModel to open it",
                    version=version,
                    supported=VERSION,
                ),
            )
            return None
        name = document.get("name", "")
        if "name" in document:
            self.check_field(check_text, name, "", "name")
        extra = {k: v for k, v in document.items() if k not in _TOP_KEYS}
        self.check_extra(extra, "")

        self.read_units(document)
        dependencies = self.read_dependencies(document)
        if self.problems:
            return None
        return OrgModel._from_validated(name, extra, list(self.units.values()), self.parents, dependencies)

    def read_units(self, document: Mapping[str, Any]) -> None:
        #: Every unit whose id is usable, id -> (index in the file, display name).
        self.ids: dict[str, tuple[int, str]] = {}
        #: The units without any problem, in file order.
        self.units: dict[str, Unit] = {}
        self.parents: dict[str, str] = {}
        self.units_readable = False  # without a list of units, no id can be called unknown
        if "units" not in document:
            self.problem("units", tr("missing; expected a list of units"))
            return
        raw_units = document["units"]
        if not isinstance(raw_units, list):
            self.problem("units", tr("expected a list of units, got {found}", found=type_name(raw_units)))
            return
        self.units_readable = True
        wanted_parents: list[tuple[int, str, Any]] = []
        checks, known_keys = UNIT_FIELD_CHECKS, _UNIT_KEY_SET
        for index, raw in enumerate(raw_units):
            path = f"units[{index}]"
            # A plain dict is an object without repeated keys: nothing for check_object to say.
            if type(raw) is not dict and not self.check_object(raw, path, tr("a unit")):
                continue
            ok = True
            unit_id = raw.get("id")
            if "id" not in raw:
                self.problem(_path(path, "id"), tr("missing; every unit needs an id"))
                ok = False
            elif not self.check_field(check_id, unit_id, path, "id"):
                ok = False
            elif unit_id in self.ids:
                first = self.ids[unit_id][0]
                self.problem(_path(path, "id"), tr("duplicate id {id!r} (also used by {other})", id=unit_id, other=f"units[{first}]"))
                ok = False
            else:
                name = raw.get("name")
                self.ids[unit_id] = (index, name if isinstance(name, str) and name.strip() else unit_id)
            if "name" not in raw:
                self.problem(_path(path, "name"), tr("missing; every unit needs a name"))
                ok = False
            values: dict[str, Any] = {}
            for key, value in raw.items():
                check = checks.get(key)
                if check is not None:
                    problem = check(value)
                    if problem:
                        self.problem(_path(path, key), problem)
                        ok = False
                    else:
                        values[key] = value
            if known_keys.issuperset(raw):
                extra: Mapping[str, Any] = _NO_EXTRA
            else:
                extra = {k: v for k, v in raw.items() if k not in known_keys}
                self.check_extra(extra, path)
                extra = MappingProxyType(extra)
            parent = raw.get("parent")
            if parent is not None and isinstance(unit_id, str):
                wanted_parents.append((index, unit_id, parent))
            if ok:
                if "tags" in values:
                    values["tags"] = tuple(values["tags"])
                if type(values.get("x")) is int:
                    values["x"] = float(values["x"])
                if type(values.get("y")) is int:
                    values["y"] = float(values["y"])
                values.setdefault("office", UNCLASSIFIED)  # no office: the unit is unclassified
                self.units[unit_id] = Unit(id=unit_id, extra=extra, **values)
        # Parents are resolved once every id is known, so a unit may report to a later one.
        for index, unit_id, parent in wanted_parents:
            path = f"units[{index}].parent"
            if not isinstance(parent, str):
                self.problem(path, tr("expected the id of a unit, got {found}", found=type_name(parent)))
            elif parent not in self.ids:
                self.problem(path, tr("unknown unit {unit!r}", unit=parent))
            elif unit_id in self.ids and self.ids[unit_id][0] == index:
                self.parents[unit_id] = parent
        self.check_reporting_cycles()

    def check_reporting_cycles(self) -> None:
        parent, ids = self.parents, self.ids
        state: dict[str, int] = {}  # 1: on the current walk, 2: known to end at a root
        for start in parent:
            walk: list[str] = []
            current: str | None = start
            while current is not None and current not in state:
                state[current] = 1
                walk.append(current)
                current = parent.get(current)
            if current is not None and state[current] == 1:
                cycle = walk[walk.index(current) :]
                first = min(cycle, key=lambda uid: ids[uid][0])
                k = cycle.index(first)
                cycle = cycle[k:] + cycle[:k] + [first]
                names = " → ".join(ids[uid][1] for uid in cycle)
                self.problem(
                    f"units[{ids[first][0]}].parent",
                    tr("reporting cycle: {cycle} (a unit cannot report to itself, directly or indirectly)", cycle=names),
                )
            for uid in walk:
                state[uid] = 2

    def plain_dependencies(self, raw: list[Any]) -> list[Dependency] | None:
        """The dependencies, when every one is just two known, distinct ids and none repeats
        (the usual file), checked list by list in C; else ``None``: the loop says what is wrong."""
        if {*map(type, raw)} != {dict} or {*map(len, raw)} != {2}:
            return None
        try:
            sources, targets = list(map(itemgetter("from"), raw)), list(map(itemgetter("to"), raw))
        except KeyError:
            return None
        known = self.ids.keys()
        if {*map(type, sources), *map(type, targets)} != {str} or not (known >= {*sources} and known >= {*targets}):
            return None
        if any(map(eq, sources, targets)) or len({*zip(sources, targets)}) != len(raw):
            return None
        return list(map(Dependency, sources, targets))

    def read_dependencies(self, document: Mapping[str, Any]) -> list[Dependency]:
        raw_dependencies = document.get("dependencies", [])
        if not isinstance(raw_dependencies, list):
            self.problem("dependencies", tr("expected a list of dependencies, got {found}", found=type_name(raw_dependencies)))
            return []
        plain = self.plain_dependencies(raw_dependencies)
        if plain is not None:
            return plain
        known = self.ids
        checks, known_keys = DEPENDENCY_FIELD_CHECKS, _DEPENDENCY_KEY_SET
        result: list[Dependency] = []
        seen: dict[tuple[str, str], int] = {}
        for index, raw in enumerate(raw_dependencies):
            # Fast path: most dependencies are two known, distinct ids, perhaps a valid weight
            # and label, nothing else. Anything unusual takes the slow path, which says why.
            if type(raw) is dict:
                source, target = raw.get("from"), raw.get("to")
                if type(source) is str and type(target) is str and source in known and target in known and source != target:
                    if len(raw) == 2:
                        values: dict[str, Any] | None = {}
                    elif known_keys.issuperset(raw) and all(checks[k](raw[k]) is None for k in raw if k in checks):
                        values = {k: raw[k] for k in raw if k in checks}
                    else:
                        values = None
                    if values is not None:
                        if (source, target) in seen:
                            self.problem(f"dependencies[{index}]", _duplicate(source, target, seen[(source, target)]))
                        else:
                            seen[(source, target)] = index
                            result.append(Dependency(source, target, extra=_NO_EXTRA, **values))
                        continue
            path = f"dependencies[{index}]"
            if not self.check_object(raw, path, tr("a dependency")):
                continue
            ok = True
            ends = []
            for key in ("from", "to"):
                if key not in raw:
                    self.problem(_path(path, key), tr("missing; expected a unit id"))
                    ok = False
                elif not self.check_field(check_id, raw[key], path, key):
                    ok = False
                elif raw[key] not in known and self.units_readable:
                    self.problem(_path(path, key), tr("unknown unit {unit!r}", unit=raw[key]))
                    ok = False
                ends.append(raw.get(key))
            values = {}
            for key, check in DEPENDENCY_FIELD_CHECKS.items():
                if key in raw:
                    if self.check_field(check, raw[key], path, key):
                        values[key] = raw[key]
                    else:
                        ok = False
            extra = {k: v for k, v in raw.items() if k not in _DEPENDENCY_KEYS}
            self.check_extra(extra, path)
            if not ok:
                continue
            source, target = ends
            if source == target:
                self.problem(path, tr("a unit cannot depend on itself ({unit!r})", unit=source))
                continue
            if (source, target) in seen:
                self.problem(path, _duplicate(source, target, seen[(source, target)]))
                continue
            seen[(source, target)] = index
            result.append(Dependency(source, target, extra=MappingProxyType(extra), **values))
        return result


#: The reasons Python's JSON reader gives, so that they can be translated too (any other
#: reason is shown as the reader wrote it).
_JSON_REASONS: dict[str, str] = {
    "Expecting value": tr("Expecting value"),
    "Expecting property name enclosed in double quotes": tr("Expecting property name enclosed in double quotes"),
    "Expecting ':' delimiter": tr("Expecting ':' delimiter"),
    "Expecting ',' delimiter": tr("Expecting ',' delimiter"),
    "Unterminated string starting at": tr("Unterminated string starting at"),
    "Invalid control character at": tr("Invalid control character at"),
    "Invalid \\escape": tr("Invalid \\escape"),
    "Invalid \\uXXXX escape": tr("Invalid \\uXXXX escape"),
    "Extra data": tr("Extra data"),
}


def _duplicate(source: str, target: str, first: int) -> str:
    return tr(
        "duplicate dependency {source!r} → {target!r} (also {other})",
        source=source,
        target=target,
        other=f"dependencies[{first}]",
    )


def loads(text: str, source: str = "") -> OrgModel:
    """Read a model from the text of an ``.orgmodel`` file.

    Raises :class:`ModelFileError` listing every problem, each with its place.

    >>> model = loads('{"format": "orgmodel", "version": 1, "units": ['
    ...               '{"id": "s", "name": "Sales", "office": "front"}]}')
    >>> model.unit("s").is_revenue_generating
    True
    >>> loads('{"format": "orgmodel", "version": 1, "units": [{"id": "s", "name": "Sales", "office": "frnt"}]}')
    Traceback (most recent call last):
    ...
    orgmodel.errors.ModelFileError: units[0].office: expected "front", "middle" or "back", got "frnt"
    """
    with gc_paused(keep=True):
        # The usual valid file is read column by column; anything else, or any doubt, is
        # read again from the start by the exact reader below, which words every problem.
        model = read_fast(text)
        if model is not None:
            return model
        try:
            document = json.loads(text, object_pairs_hook=_object, parse_constant=NonFinite, parse_float=_float, parse_int=_int)
        except json.JSONDecodeError as error:
            raise ModelFileError(
                source, [Problem("", tr("invalid JSON: {reason}", reason=_JSON_REASONS.get(error.msg, error.msg)), error.lineno, error.colno)]
            ) from None
        except RecursionError:
            raise ModelFileError(source, [Problem("", tr("invalid model: JSON nested too deeply"))]) from None
        except ValueError as error:  # e.g. an integer of more digits than Python converts
            raise ModelFileError(source, [Problem("", tr("invalid JSON: {reason}", reason=str(error)))]) from None
        reader = _Reader()
        model = reader.read(document)
    if model is None:
        raise ModelFileError(source, reader.problems)
    return model


def is_backup(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names the copy a save keeps of the file it replaced
    (``model.orgmodel.bak``): read like the model itself, without renaming it first.

    >>> is_backup("a/model.orgmodel.bak"), is_backup("MODEL.JSON.BAK"), is_backup("sheet.xlsx.bak")
    (True, True, False)
    """
    lower = os.fspath(path).lower()
    return lower.endswith(".bak") and lower[:-4].endswith(EXTENSIONS)


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of a model file, or a :class:`ModelFileError` saying plainly why not."""
    source = str(path)
    file = Path(path)
    folder = tr("is a folder, not a model file")
    if file.is_dir():
        # Before the extension: a folder named "models" is a folder, not a wrong extension.
        raise ModelFileError(source, [Problem("", folder)])
    if file.suffix.lower() not in EXTENSIONS and not is_backup(source):
        if file.suffix:
            message = tr("not an OrgModel file: expected a .orgmodel file, got {extension}", extension=file.suffix)
        else:
            message = tr("not an OrgModel file: expected a .orgmodel file, got no extension")
        raise ModelFileError(source, [Problem("", message)])
    special = special_file(file)
    if special:
        raise ModelFileError(source, [Problem("", special)])
    try:
        data = file.read_bytes()
    except OSError as error:
        raise ModelFileError(source, [Problem("", read_problem(error, folder))]) from None
    if b"\x00" in data:
        raise ModelFileError(source, [Problem("", tr("not a text file (NUL byte at offset {offset})", offset=data.index(0)))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ModelFileError(
            source,
            [Problem("", tr("not UTF-8 text (byte 0x{byte:02x} at offset {offset})", byte=data[error.start], offset=error.start))],
        ) from None
    if not text or text.isspace():  # as `not text.strip()`, without copying megabytes
        raise ModelFileError(source, [Problem("", tr("is empty"))])
    return text


def load(path: str | os.PathLike[str]) -> OrgModel:
    """Open a model file; see :func:`loads` for what is checked."""
    return loads(read_text(path), str(path))
