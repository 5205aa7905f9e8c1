"""The rules for every field of a unit and a dependency, in one place.

The model checks edits with these rules and the file reader checks files with them, so a
value the editor refuses is refused in a file too, with the same words. Each check returns
``None`` when the value is fine, otherwise a short message saying what was expected (a
translatable :class:`~orgmodel.i18n.Text`).
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable
from typing import Any

from orgmodel.i18n import Text, tr

OFFICES: tuple[str, ...] = ("front", "middle", "back")

#: The office of a unit that is not classified yet: no office at all. A normal state (files
#: and importers rarely say front, middle or back), never an error; see
#: :func:`orgmodel.model.is_unclassified`.
UNCLASSIFIED = None

#: What people write for each office in imported files, English and Turkish; each reader
#: compares them its own way (spreadsheets ignoring case, accents and punctuation, GraphML
#: lower case only), which is why the unaccented "on" is spelled out.
OFFICE_WORDS: dict[str, tuple[str, ...]] = {
    "front": ("front", "front office", "ön", "on", "ön ofis"),
    "middle": ("middle", "middle office", "orta", "orta ofis"),
    "back": ("back", "back office", "arka", "arka ofis"),
}

_LARGEST = sys.float_info.max
_COLOR = re.compile(r"#[0-9a-fA-F]{6}\Z")
# C0 controls except tab and newline, DEL, the C1 controls, and lone UTF-16 surrogates
# (JSON can escape half a pair, "\ud800": not a character, and not writable as UTF-8).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

Check = Callable[[Any], "str | None"]


class NonFinite:
    """What the file reader puts where a file wrote NaN, Infinity or a number too large for
    a float, so that the problem is reported with its place instead of being loaded.

    ``text`` is how the file wrote it ("NaN"), or a Text describing a number too long to show.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def type_name(value: Any) -> str:
    """How a JSON value is named in messages: "a string", "null", "NaN"...

    The JSON words ``null``, ``true`` and ``false`` (and the NaN a file wrote) are tokens
    of the file, the same in every language; the others are translatable Texts.
    """
    if isinstance(value, NonFinite):
        return value.text
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return tr("a string")
    if isinstance(value, (int, float)):
        return tr("a number")
    if isinstance(value, list):
        return tr("a list")
    if isinstance(value, dict):
        return tr("an object")
    return type(value).__name__


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def control_character(text: str) -> str | None:
    """Describe the first control character in ``text`` (other than tab and newline), if any.

    >>> control_character("Satış")
    >>> control_character("a\\x07b")
    'control character U+0007 at position 2'
    """
    match = _CONTROL.search(text)
    if match is None:
        return None
    code = ord(match.group())
    if 0xD800 <= code <= 0xDFFF:
        return tr("lone surrogate (not a character) U+{code:04X} at position {position}", code=code, position=match.start() + 1)
    return tr("control character U+{code:04X} at position {position}", code=code, position=match.start() + 1)


def spaced_out(text: str) -> str:
    r"""``text`` with each control character (other than tab and newline) a space: for
    labels read from drawings, where such a character is invisible debris.

    >>> spaced_out("Sa\x7fles\nIT")
    'Sa les\nIT'
    """
    return _CONTROL.sub(" ", text)


def check_text(value: Any, *, what: str | None = None, required: bool = False) -> str | None:
    """Text: a string without control characters; ``required`` text is not blank either.

    ``what`` names the expected value in the message (a Text; "a string" by default).
    """
    if not isinstance(value, str):
        return tr("expected {expected}, got {found}", expected=what or tr("a string"), found=type_name(value))
    if required and not value.strip():
        return tr("must not be empty")
    return control_character(value)


def check_id(value: Any) -> str | None:
    """An id: text that is not blank. Valid ids (nearly all) cost no message.

    >>> check_id("it"), check_id(" ")
    (None, 'must not be empty')
    """
    if type(value) is str and value.strip() and _CONTROL.search(value) is None:
        return None
    return check_text(value, what=tr("a string id"), required=True)


def check_name(value: Any) -> str | None:
    return check_text(value, required=True)


def check_office(value: Any) -> str | None:
    """One of :data:`OFFICES`, or ``None``: not classified yet."""
    if value is None or (value in OFFICES and isinstance(value, str)):
        return None
    if isinstance(value, str):
        return tr('expected "front", "middle" or "back", got "{value}"', value=value)
    return tr('expected "front", "middle" or "back", got {found}', found=type_name(value))


def check_optional_bool(value: Any) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    return tr("expected true or false, got {found}", found=type_name(value))


def check_headcount(value: Any) -> str | None:
    if value is None or (type(value) is int and 0 <= value <= _LARGEST):
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        if isinstance(value, float) and math.isfinite(value):
            return tr("expected a whole number, got {value!r}", value=value)
        return tr("expected a whole number >= 0, got {found}", found=type_name(value))
    if value < 0:
        return tr("must be >= 0, got {value}", value=value)
    return _finite_problem(value)


def _finite_problem(value: Any) -> str | None:
    """Numbers must fit a double: JSON readers in other tools turn larger ones into infinity."""
    if isinstance(value, NonFinite):
        return tr("must be a finite number, got {found}", found=type_name(value))
    if isinstance(value, float) and not math.isfinite(value):
        return tr("must be a finite number, got {value!r}", value=value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _LARGEST:
        return tr("number too large")
    return None


def _check_number(value: Any, low: float, high: float | None, *, low_open: bool = False) -> str | None:
    if value is None:
        return None
    # Fast path for the common, valid value (NaN fails every comparison and falls through).
    if (type(value) is float or type(value) is int) and low <= value <= (_LARGEST if high is None else high):
        if not low_open or value > low:
            return None
    problem = _finite_problem(value)
    if problem:
        return problem
    if not _is_number(value):
        return tr("expected a number, got {found}", found=type_name(value))
    if low_open and value <= low:
        return tr("must be > {low:g}, got {value!r}", low=low, value=value)
    if not low_open and value < low:
        return tr("must be >= {low:g}, got {value!r}", low=low, value=value)
    if high is not None and value > high:
        return tr("must be between {low:g} and {high:g}, got {value!r}", low=low, high=high, value=value)
    return None


def check_amount(value: Any) -> str | None:
    """Cost and revenue: annual amounts, never negative."""
    return _check_number(value, 0, None)


def check_share(value: Any) -> str | None:
    """A share from 0 to 1: automation potential (the share of a unit's work RPA/AI could
    take over) or automation ease (how easy automating it would be)."""
    return _check_number(value, 0, 1)


def check_weight(value: Any) -> str | None:
    return _check_number(value, 0, None, low_open=True)


#: The largest distance of a card from the origin, in pixels, across and down: a hundred times
#: the width of the org chart of 10,000 units side by side, and far below where Qt's integer
#: sizes overflow (2^31). A unit beyond is refused where it is read or moved, naming it, rather
#: than drawn on a picture of billions of pixels.
COORDINATE_LIMIT = 100_000_000


def check_coordinate(value: Any) -> str | None:
    """A card's ``x`` or ``y``: a number within ±:data:`COORDINATE_LIMIT`.

    >>> check_coordinate(120.0), check_coordinate(3e9)
    (None, 'must be between -1e+08 and 1e+08, got 3000000000.0')
    """
    problem = _check_number(value, -COORDINATE_LIMIT, COORDINATE_LIMIT)
    if problem and _is_number(value) and not _finite_problem(value):
        return tr("must be between {low:g} and {high:g}, got {value!r}", low=-COORDINATE_LIMIT, high=COORDINATE_LIMIT, value=value)
    return problem


#: The longest alternative group name: a short tag such as "IT site" or "payroll".
GROUP_LENGTH = 60


#: Characters a group name cannot hold: a spreadsheet's alternatives column separates with them.
GROUP_SEPARATORS = ";|="


def check_group(value: Any) -> str | None:
    """A dependency's alternative group: short, non-blank text without ``; | =``."""
    problem = check_text(value, required=True)
    if problem is None and len(value) > GROUP_LENGTH:
        problem = tr("too long: at most {count} characters", count=GROUP_LENGTH)
    if problem is None and any(ch in value for ch in GROUP_SEPARATORS):
        problem = tr("must not contain {characters}", characters=" ".join(GROUP_SEPARATORS))
    return problem


def check_optional_text(value: Any) -> str | None:
    return None if value is None else check_text(value)


def check_tags(value: Any) -> str | None:
    if not isinstance(value, (list, tuple)):
        return tr("expected a list of strings, got {found}", found=type_name(value))
    seen: set[str] = set()
    for index, tag in enumerate(value):
        if not isinstance(tag, str):
            problem = tr("expected {expected}, got {found}", expected=tr("a string"), found=type_name(tag))
        elif not tag.strip():
            problem = tr("must not be empty")
        else:
            problem = control_character(tag)
            if not problem and tag in seen:
                problem = tr("duplicate tag {tag!r}", tag=tag)
        if problem:
            return tr("tag {number}: {problem}", number=index + 1, problem=problem)
        seen.add(tag)
    return None


def check_color(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and _COLOR.match(value):
        return None
    if isinstance(value, str):
        return tr('expected a colour "#rrggbb", got {value!r}', value=value)
    return tr('expected a colour "#rrggbb", got {found}', found=type_name(value))


#: Editable unit fields (``id`` is fixed once a unit exists) and their checks.
UNIT_FIELD_CHECKS: dict[str, Check] = {
    "name": check_name,
    "office": check_office,
    "revenue_generating": check_optional_bool,
    "headcount": check_headcount,
    "cost": check_amount,
    "revenue": check_amount,
    "automation_potential": check_share,
    "automation_ease": check_share,
    "notes": check_optional_text,
    "tags": check_tags,
    "x": check_coordinate,
    "y": check_coordinate,
    "color": check_color,
}

#: Each field as messages about a spreadsheet's cells name it: in English the field's own
#: name, as import headers and files write it ("row 3: headcount: …"); translatable, so
#: the Turkish editor says "satır 3: çalışan sayısı: …".
FIELD_TITLES: dict[str, Text] = {
    "id": tr("id"),
    "name": tr("name"),
    "office": tr("office"),
    "revenue_generating": tr("revenue_generating"),
    "reports_to": tr("reports_to"),
    "depends_on": tr("depends_on"),
    "alternatives": tr("alternatives"),
    "headcount": tr("headcount"),
    "cost": tr("cost"),
    "revenue": tr("revenue"),
    "automation_potential": tr("automation_potential"),
    "automation_ease": tr("automation_ease"),
    "notes": tr("notes"),
    "tags": tr("tags"),
    "color": tr("color"),
}

#: Editable dependency fields and their checks.
DEPENDENCY_FIELD_CHECKS: dict[str, Check] = {
    "weight": lambda value: None if value is None else check_weight(value),
    "label": check_optional_text,
    "group": lambda value: None if value is None else check_group(value),
}
